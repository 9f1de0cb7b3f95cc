// Template tables as plain pdftotext (no -layout) reads them, shared by the reading-order tests. Made up, like
// every figure in those tests.
import { extractText } from '../src/extract/text/index.js';
import { extractBudgets } from '../src/fields/budgets/index.js';
import { extractSchemes } from '../src/fields/schemes/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

/** A spending plan's lines (its header included) read as text: each scheme_spend as [scheme, amount], and the names. */
export function spendOf(lines: string[]): { spend: Array<[string | null, number | null]>; names: string[] } {
  const doc = extractText([...lines, 'Metrics for 2022/23', ''].join('\n'), 'txt');
  return {
    spend: extractBudgets(doc, noSections).value.filter((b) => b.kind === 'scheme_spend').map((b) => [b.scheme, b.amountGbp]),
    names: extractSchemes(doc, noSections).value.map((s) => s.name),
  };
}

/** The 2022-23 expenditure table's header as pdftotext reads it, cells clipped at their edges. */
export const SPENDING_HEADER = [
  'Spending Plan 2022/23',
  '',
  'Scheme Name',
  '',
  'Brief Description of Area of',
  'Scheme',
  'Spend',
  '',
  'Commissione',
  'Source of',
  'Provider',
  'r',
  'Funding',
  '',
  'New/',
  'Expenditure',
  'Existing',
  '',
];

/** A whole row: name, description, options, amount, New/Existing. */
export const wholeRow = (name: string, description: string[], amount: string) => [
  name,
  '',
  ...description,
  '',
  'Social Care',
  '',
  'LA',
  '',
  amount,
  '',
  'Existing',
  '',
];
