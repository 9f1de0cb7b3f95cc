// Failure class 7 of ../shared/spec/tables.md (tables without structure), as pdftotext -layout writes a 2022-23
// spending plan typed larger than its cells: cells one space apart, each row at offsets of its own (a long word
// pushes the rest of its line right), every cell centred on its row, amounts cut at their cell's edge. The per-row
// reader (src/extract/text/rowColumns.ts) reads each row's cells and matches them to the header's columns.
// Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractBudgets } from '../src/fields/budgets/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

const plan = [
  'Spending Plan 2022/23',
  '',
  pad([[0, 'Scheme'], [11, 'Brief'], [26, 'Source of'], [37, 'Expendit'], [47, 'New/']]),
  pad([[0, 'Name'], [11, 'Description'], [26, 'Funding'], [37, 'ure (£)'], [47, 'Existing']]),
  // Nominal offsets.
  pad([[0, 'Falls'], [11, 'Rapid home'], [26, 'Minimum']]),
  pad([[0, 'response'], [11, 'visits by'], [26, 'NHS'], [37, '£412,500'], [47, 'Existing']]),
  pad([[0, 'team'], [11, 'responders'], [26, 'funding']]),
  // A row whose text sits further left: its amount where the row above has its source.
  pad([[0, 'Rehab'], [10, 'Ward team'], [20, 'Improved']]),
  pad([[0, 'social'], [10, 'discharge'], [20, 'iBCF'], [25, '£1,250,000'], [36, 'New']]),
  pad([[0, 'workers'], [10, 'support'], [20, 'grant']]),
  // An amount cut after its fifth digit, its row centred on both lines.
  pad([[11, 'Adaptations']]),
  pad([[0, 'Home'], [11, 'for older'], [26, 'Disabled'], [37, '£980,12'], [47, 'Existing']]),
  pad([[0, 'adapt'], [11, 'people'], [26, 'Facilities'], [37, '5']]),
  pad([[11, 'at home']]),
  pad([[0, 'Carers'], [9, 'Breaks and'], [20, 'Minimum']]),
  pad([[0, 'help'], [9, 'information'], [21, 'NHS'], [25, '£76,400'], [33, 'New']]),
  pad([[0, 'line'], [9, 'for carers'], [20, 'grant']]),
  '',
  '',
  'Next section',
].join('\n');

describe('a spending plan typed larger than its cells (rows at offsets of their own)', () => {
  it('reads each row’s scheme name and whole amount into the header’s columns', () => {
    const doc = extractText(plan, 'txt');
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind).toBe('table');
    const rows = table!.kind === 'table' ? table!.rows : [];
    const body = rows.filter((r) => !r.header).map((r) => r.cells.map((c) => c.text.replace(/\n/g, ' ')));
    expect(body.map((r) => r[0])).toEqual(['Falls response team', 'Rehab social workers', 'Home adapt', 'Carers help line']);
    expect(body.map((r) => r[3])).toEqual(['£412,500', '£1,250,000', '£980,125', '£76,400']);
    const spend = extractBudgets(doc, noSections).value.filter((b) => b.kind === 'scheme_spend');
    expect(spend.map((b) => [b.scheme, b.amountGbp])).toEqual([
      ['Falls response team', 412500],
      ['Rehab social workers', 1250000],
      ['Home adapt', 980125],
      ['Carers help line', 76400],
    ]);
  });
});
