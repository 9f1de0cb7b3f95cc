// Failure class 7 of ../shared/spec/tables.md (tables without structure), as pdftotext -layout writes a 2022-23
// spending plan whose borders were removed: no rule and no blank line parts the header from the rows, the header's
// cells are centred on its middle so its one-line margin cell ("Scheme Name") stands alone on its line, and the
// first row's scheme name is the first line at the margin beside other cells. One scheme funded from two sources
// takes two rows with the same name, so that first row's name comes again below it: it is no repeat of the header
// (headerRepeats in src/extract/text/fixedWidth.ts). Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractBudgets } from '../src/fields/budgets/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

const plan = [
  'Spending Plan 2022/23',
  '',
  pad([[66, 'New/']]),
  pad([[14, 'Brief'], [30, 'Area of'], [42, 'Source of'], [54, 'Expenditure'], [66, 'Existing']]),
  pad([[1, 'Scheme Name']]),
  pad([[14, 'Description'], [30, 'Spend'], [42, 'Funding'], [54, '(£)'], [66, 'Scheme']]),
  pad([[14, 'Loan of']]),
  pad([[1, 'Home'], [14, 'equipment'], [30, 'Community'], [42, 'Minimum']]),
  pad([[1, 'Equipment'], [14, 'for daily'], [30, 'Health'], [42, 'NHS'], [54, '£612,300'], [66, 'Existing']]),
  pad([[1, 'Service'], [14, 'living'], [42, 'funding']]),
  pad([[14, 'Loan of']]),
  pad([[1, 'Home'], [14, 'equipment'], [30, 'Community'], [42, 'Additional']]),
  pad([[1, 'Equipment'], [14, 'for daily'], [30, 'Health'], [42, 'LA'], [54, '£88,150'], [66, 'Existing']]),
  pad([[1, 'Service'], [14, 'living'], [42, 'funding']]),
  pad([[1, 'Night'], [14, 'Care at home'], [30, 'Social'], [42, 'Minimum']]),
  pad([[1, 'sitters'], [14, 'overnight'], [30, 'Care'], [42, 'NHS'], [54, '£240,000'], [66, 'New']]),
  pad([[1, 'team'], [14, 'for carers'], [42, 'funding']]),
  '',
  '',
  'Next section',
].join('\n');

describe('a borderless spending plan whose first scheme takes two rows', () => {
  it('reads one header above the rows, not a repeat of it at the second row', () => {
    const doc = extractText(plan, 'txt');
    const table = doc.blocks.find((b) => b.kind === 'table');
    const rows = table?.kind === 'table' ? table.rows : [];
    expect(rows.filter((r) => r.header)).toHaveLength(1);
    const spend = extractBudgets(doc, noSections).value.filter((b) => b.kind === 'scheme_spend');
    expect(spend.map((b) => [b.scheme, b.amountGbp])).toEqual([
      ['Home Equipment Service', 612300],
      ['Home Equipment Service', 88150],
      ['Night sitters team', 240000],
    ]);
  });
});
