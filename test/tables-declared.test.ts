// The logical-table stage on the 2014 Part 2 finance tables as bcf-2014-original.json declares them, one test
// per failure class of ../shared/spec/tables.md. Organisations and figures are made up.
import { describe, expect, it } from 'vitest';
import { buildDocument, type RawBlock } from '../src/model/document.js';
import { extractBudgets } from '../src/fields/budgets/index.js';
import { documentTables } from '../src/fields/common/documentTables.js';
import { loadTemplates } from '../src/segment/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { rebuildTables } from '../src/tables/index.js';
import { collapseOverlaidRows, dropFurniture, mergeContinuations, rejoinSplitDigits, type Row } from '../src/tables/logical.js';
import { phraseIn } from '../src/tables/declared.js';

const template = loadTemplates().find((t) => t.id === 'bcf-2014-original')!;
const seg: Segmentation = { template: template.id, sections: [], flags: [] };
const table = (rows: string[][]): RawBlock => ({ kind: 'table', page: 1, rows: rows.map((r) => ({ cells: r.map((text) => ({ text })), page: 1 })) });

function budgetsOf(...blocks: RawBlock[]) {
  const doc = buildDocument('docx', null, blocks);
  const rebuilt = rebuildTables(doc, seg, template);
  return { rebuilt, result: extractBudgets(doc, seg, documentTables(doc, rebuilt)) };
}
const sorted = (xs: unknown[][]) => [...xs].sort((a, b) => String(a).localeCompare(String(b)));
const brief = (bs: { kind: string; year: string | null; amountGbp: number; scheme: string | null }[]) => sorted(bs.map((b) => [b.kind, b.year, b.amountGbp, b.scheme]));

const SUMMARY_HEADER = ['Organisation', 'Holds the pooled budget? (Y/N)', 'Spending on BCF schemes in 14/15', 'Minimum contribution (15/16)', 'Actual contribution (15/16)'];
const SUMMARY_EXPECTED = sorted([
  ['nhs_minimum_contribution', '2015-16', 9_000_000, null],
  ['other', '2014-15', 1_000_000, null],
  ['other', '2014-15', 2_000_000, null],
  ['other', '2014-15', 3_000_000, null],
  ['other', '2015-16', 1_100_000, null],
  ['other', '2015-16', 1_200_000, null],
  ['other', '2015-16', 9_500_000, null],
  ['minimum_pooled_budget', '2015-16', 10_100_000, null],
  ['total_pooled_budget', '2015-16', 10_700_000, null],
]);

describe('Finance - Summary (declared columns, kinds by row)', () => {
  it('reads each organisation under its column: an NHS minimum is its own kind, the BCF Total line gives the pooled budget (and its spend total, other)', () => {
    const { result } = budgetsOf(
      table([
        SUMMARY_HEADER,
        ['Eastham Council', 'Y', '£1,000,000', '£1,100,000', '£1,200,000'],
        ['NHS Eastham CCG', 'N', '£2,000,000', '£9,000,000', '£9,500,000'],
        ['BCF Total', '', '£3,000,000', '£10,100,000', '£10,700,000'],
      ]),
    );
    expect(brief(result.value)).toEqual(SUMMARY_EXPECTED);
  });

  it('class 1: a wrapped organisation name made a row of its own (figures on its first or its last line)', () => {
    const { result } = budgetsOf(
      table([
        SUMMARY_HEADER,
        ['Eastham Council', 'Y', '£1,000,000', '£1,100,000', '£1,200,000'],
        ['(including the district', '', '', '', ''],
        ['councils)', '', '', '', ''],
        ['NHS Eastham Clinical', '', '', '', ''],
        ['Commissioning Group', 'N', '£2,000,000', '£9,000,000', '£9,500,000'],
        ['BCF Total', '', '£3,000,000', '£10,100,000', '£10,700,000'],
      ]),
    );
    expect(brief(result.value)).toEqual(SUMMARY_EXPECTED);
  });

  it('class 2 and 5: header printed below the data, "DRAFT" and a page number between rows', () => {
    const { result } = budgetsOf(
      table([
        ['Eastham Council', 'Y', '£1,000,000', '£1,100,000', '£1,200,000'],
        ['DRAFT', '', '', '', ''],
        ['NHS Eastham CCG', 'N', '£2,000,000', '£9,000,000', '£9,500,000'],
        ['Page 7 of 12', '', '', '', ''],
        ['BCF Total', '', '£3,000,000', '£10,100,000', '£10,700,000'],
        SUMMARY_HEADER,
      ]),
    );
    expect(brief(result.value)).toEqual(SUMMARY_EXPECTED);
  });

  it('class 3: header cells with letters lost at the edges still name their columns', () => {
    expect(phraseIn('rganisation', 'organisation')).toBe(true);
    expect(phraseIn('2014/15 enefits', 'benefits')).toBe(true);
    expect(phraseIn('2014/15spend', 'spend')).toBe(true);
    expect(phraseIn('Overspend', 'spend')).toBe(false);
    const { result } = budgetsOf(
      table([
        ['rganisation', 'Holds the pooled budget? (Y/N)', 'Spending on BCF schemes in 14/15', 'Minimum contributio', 'Actual contributio'],
        ['NHS Eastham CCG', 'N', '£2,000,000', '£9,000,000', '£9,500,000'],
      ]),
    );
    expect(brief(result.value)).toEqual(sorted([
      ['nhs_minimum_contribution', '2015-16', 9_000_000, null],
      ['other', '2014-15', 2_000_000, null],
      ['other', '2015-16', 9_500_000, null],
    ]));
  });

  it('class 4: a digit group split over two rows is one figure; a range is no figure and a note says so', () => {
    const { result } = budgetsOf(
      table([
        SUMMARY_HEADER,
        ['NHS Eastham CCG', 'N', '£2,000,000', '£9,000,00', '£300k - £450k'],
        ['', '', '', '0', ''],
      ]),
    );
    expect(brief(result.value)).toEqual(sorted([
      ['nhs_minimum_contribution', '2015-16', 9_000_000, null],
      ['other', '2014-15', 2_000_000, null],
    ]));
    expect(result.messages.some((m) => /£300k - £450k" is a range/.test(m.message))).toBe(true);
  });

  it('class 3: header cells clipped at the cell edge, as a sheet printed without gridlines cuts them, name their columns', () => {
    // The cell is the phrase's start: two or more words, at least half of it, the last cut short.
    expect(phraseIn('Holds the poole', 'holds the pooled budget')).toBe(true);
    expect(phraseIn('Spending on BCF sch', 'spending on bcf schemes')).toBe(true);
    expect(phraseIn('Spending', 'spending on bcf schemes')).toBe(false);
    expect(phraseIn('Spending on other', 'spending on bcf schemes')).toBe(false);
    const { result } = budgetsOf(
      table([
        ['Organisation', 'Holds the poole', 'Spending on BCF sch', 'Minimum contributio', 'Actual contribution ('],
        ['NHS Eastham CCG', 'N', '£2,000,000', '£9,000,000', '£9,500,000'],
      ]),
    );
    expect(brief(result.value)).toEqual(sorted([
      ['nhs_minimum_contribution', '2015-16', 9_000_000, null],
      ['other', '2014-15', 2_000_000, null],
      ['other', '2015-16', 9_500_000, null],
    ]));
  });

  it('class 6: a row drawn twice is read once', () => {
    const { result } = budgetsOf(
      table([
        SUMMARY_HEADER,
        ['NHS Eastham CCG', 'N', '£2,000,000', '£9,000,000', '£9,500,000'],
        ['NHS Eastham CCG', 'N', '£2,000,000', '£9,000,000', '£9,500,000'],
      ]),
    );
    expect(result.value).toHaveLength(3);
    expect(result.messages.some((m) => /drawn twice/.test(m.message))).toBe(true);
  });
});

describe('contingency table (row roles) and scheme sheet (two-row header)', () => {
  it('each outcome gives its planned savings and maximum support, for 2015/16 and ongoing (year null)', () => {
    const { result } = budgetsOf(
      table([
        ['', '', '2015-16', 'Ongoing'],
        ['Reduction in delayed transfers of care', 'Planned savings (if targets fully achieved)', '£50,000', '£100,000'],
        ['', 'Maximum support needed for other services (if targets not achieved)', '£20,000', '£45,000'],
      ]),
    );
    expect(brief(result.value)).toEqual(sorted([
      ['other', '2015-16', 20_000, null],
      ['other', '2015-16', 50_000, null],
      ['other', null, 100_000, null],
      ['other', null, 45_000, null],
    ]));
    expect(result.value.find((b) => b.amountGbp === 45_000)?.label).toMatch(/^Reduction in delayed transfers of care: Maximum support/);
  });

  it('spend per scheme and year (recurrent and non-recurrent apart where both are filled), benefits as other, no total', () => {
    const { result } = budgetsOf(
      table([
        ['BCF Investment', 'Lead provider', '2014/15 spend', '', '2014/15 benefits', '', '2015/16 spend', '', '2015/16 benefits', ''],
        ['', '', 'Recurrent', 'Non-recurrent', 'Recurrent', 'Non-recurrent', 'Recurrent', 'Non-recurrent', 'Recurrent', 'Non-recurrent'],
        ['Falls response', 'Eastham Health', '£100,000', '£20,000', '', '', '£300,000', '', '-£40,000', ''],
        ['Carers breaks', 'Eastham Council', '', '£15,000', '', '', '£60,000', '', '', ''],
        ['Total', '', '£135,000', '', '', '', '£360,000', '', '', ''],
      ]),
    );
    expect(brief(result.value)).toEqual(sorted([
      ['other', '2015-16', -40_000, 'Falls response'],
      ['scheme_spend', '2014-15', 100_000, 'Falls response'],
      ['scheme_spend', '2014-15', 15_000, 'Carers breaks'],
      ['scheme_spend', '2014-15', 20_000, 'Falls response'],
      ['scheme_spend', '2015-16', 300_000, 'Falls response'],
      ['scheme_spend', '2015-16', 60_000, 'Carers breaks'],
    ]));
  });

  it('the scheme sheet printed from Excel: the merged names set level with the sub-header, the year groups alone above', () => {
    const { result } = budgetsOf(
      table([
        ['', '', '2014/15 spend', '', '2014/15 benefits', '', '2015/16 spend', '', '2015/16 benefits', ''],
        ['BCF Investment', 'Lead provider', 'Recurrent', 'Non-recurrent', 'Recurrent', 'Non-recurrent', 'Recurrent', 'Non-recurrent', 'Recurrent', 'Non-recurrent'],
        ['Falls response', 'Eastham Health', '£100,000', '£20,000', '', '', '£300,000', '', '-£40,000', ''],
        ['Carers breaks', 'Eastham Council', '', '£15,000', '', '', '£60,000', '', '', ''],
        ['Total', '', '£135,000', '', '', '', '£360,000', '', '', ''],
      ]),
    );
    expect(brief(result.value)).toEqual(sorted([
      ['other', '2015-16', -40_000, 'Falls response'],
      ['scheme_spend', '2014-15', 100_000, 'Falls response'],
      ['scheme_spend', '2014-15', 15_000, 'Carers breaks'],
      ['scheme_spend', '2014-15', 20_000, 'Falls response'],
      ['scheme_spend', '2015-16', 300_000, 'Falls response'],
      ['scheme_spend', '2015-16', 60_000, 'Carers breaks'],
    ]));
  });

  it('a table with a scheme column but no spend column is not the scheme sheet (activity and benefits in prose)', () => {
    const { rebuilt } = budgetsOf(table([['Scheme', '14/15 activity', '15/16 activity', 'Benefits'], ['Falls', 'Classes in every district', 'A falls car', 'Savings of £2m a year']]));
    expect(rebuilt.declared).toEqual([]);
  });
});

describe('logical-table steps on their own', () => {
  const row = (...cells: string[]): Row => ({ cells, page: 1, block: 0, sources: [cells.join('\t')] });
  it('dropFurniture keeps rows that only look short', () => {
    expect(dropFurniture([row('DRAFT', ''), row('- 4 -', ''), row('Total', '£5'), row('12', '')]).map((r) => r.cells[0])).toEqual(['Total']);
  });
  it('rejoinSplitDigits joins only a cut digit group', () => {
    expect(rejoinSplitDigits([row('A', '£19,276,00'), row('', '0'), row('B', '£5'), row('', '7')]).map((r) => r.cells)).toEqual([
      ['A', '£19,276,000'],
      ['B', '£5'],
      ['', '7'],
    ]);
  });
  it('mergeContinuations keeps title rows and joins lower-case continuations', () => {
    const rows = [row('iBCF Contribution', ''), row('Eastham', '£5'), row('Total Minimum LA Contribution (exc', ''), row('iBCF)', '£9')];
    expect(mergeContinuations(rows, 0, [1]).map((r) => r.cells)).toEqual([
      ['iBCF Contribution', ''],
      ['Eastham', '£5'],
      ['Total Minimum LA Contribution (exc iBCF)', '£9'],
    ]);
  });
  it('collapseOverlaidRows keeps the fuller of two overlaid rows', () => {
    const out = collapseOverlaidRows([row('Hospital activity does not fall as planned', '4'), row('Hospital activity does not fall as planned and', '4'), row('Other', '2')]);
    expect(out.collapsed).toBe(1);
    expect(out.rows.map((r) => r.cells[0])).toEqual(['Hospital activity does not fall as planned and', 'Other']);
  });
});
