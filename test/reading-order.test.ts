// Tables in pdftotext's reading order (no -layout), failure classes 4 and 7 of ../shared/spec/tables.md: cells
// come out one group of wrapped lines at a time, interleaved by baseline, with no column positions. Synthetic
// inputs in the templates' shapes; every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractBudgets } from '../src/fields/budgets/index.js';
import { extractSchemes } from '../src/fields/schemes/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

/** The 2022-23 expenditure table's header as pdftotext reads it, cells clipped at their edges. */
const SPENDING_HEADER = [
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

describe('expenditure table in reading order: an amount cut at its cell edge (2022-23 planning template)', () => {
  it('the last digits printed after another cell, in the amount\'s group or after the row\'s trailing cell, complete it', () => {
    const text = [
      ...SPENDING_HEADER,
      'Wheelchair Loans',
      '',
      'Loan of chairs to',
      'people at home',
      '',
      'Social',
      'Care',
      '',
      'LA',
      '',
      'DFG',
      '',
      '£1,482,30',
      'Existing',
      '7',
      '',
      'Stroke Recovery',
      '',
      'Therapy after a stroke',
      '',
      'Community CC',
      'Health',
      'G',
      '',
      'NHS',
      'Minimum',
      '£2,104,55',
      'Community NHS',
      'Existing',
      '1',
      'Provider',
      'Contribution',
      '',
      'Warm Homes',
      '',
      'Heating repairs',
      '',
      'Social Care LA',
      '',
      'iBCF',
      '',
      '£61,200',
      '',
      'Existing',
      '',
      'Metrics for 2022/23',
      '',
    ].join('\n');
    const doc = extractText(text, 'txt');
    const spend = extractBudgets(doc, noSections).value.filter((b) => b.kind === 'scheme_spend');
    expect(spend.map((b) => [b.scheme, b.amountGbp])).toEqual([
      ['Wheelchair Loans', 1482307],
      ['Stroke Recovery', 2104551],
      ['Warm Homes', 61200],
    ]);
    expect(extractSchemes(doc, noSections).value.map((s) => s.name)).toEqual(['Wheelchair Loans', 'Stroke Recovery', 'Warm Homes']);
  });
});
