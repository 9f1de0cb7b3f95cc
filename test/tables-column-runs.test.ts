// Sheets printed without gridlines and read by raw pdftotext come out column by column (../shared/spec/tables.md,
// "one cell per line"): a block's labels, a blank line, then their values in the same order; a table's first
// column (header, then each row's cell), a blank line, the next column. Shapes of the 2014 Part 2 and 2022-23
// templates; every name and figure here is invented.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { columnRunGrids, rowByRowBlockGrids, twoCells, wideColumnRunGrids } from '../src/tables/columnRuns.js';
import { extractArea } from '../src/fields/area/index.js';
import { extractBudgets } from '../src/fields/budgets/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

const COVER_2022 = [
  'Better Care Fund 2022-23 Planning Template',
  'Health and Wellbeing Board:',
  'Local Authority:',
  'Integrated Care Board:',
  'Completed by:',
  '',
  'Quillbrook Health and Wellbeing Board',
  'Quillbrook Borough Council',
  'NHS Quillbrook and Vale ICB',
  'Finance Lead',
  '',
];

const INCOME_2022 = [
  'BCF Income for 2022/23',
  'Funding Sources',
  'Disabled Facilities Grant (DFG)',
  'Minimum NHS Contribution',
  'Improved Better Care Fund (iBCF)',
  'Total BCF Pooled Budget',
  '',
  'Income (£)',
  '£1,111,000',
  '£7,222,000',
  '£3,333,000',
  '£11,666,000',
  '',
];

describe('tables printed column by column (raw pdftotext of a sheet without gridlines)', () => {
  it('rebuilds a label block and its values as rows, the title above the labels left out', () => {
    const doc = extractText([...COVER_2022, ...INCOME_2022].join('\n'), 'txt');
    const grids = columnRunGrids(doc).map((g) => g.rows.map((r) => r.cells));
    expect(grids[0]).toEqual([
      ['Health and Wellbeing Board:', 'Quillbrook Health and Wellbeing Board'],
      ['Local Authority:', 'Quillbrook Borough Council'],
      ['Integrated Care Board:', 'NHS Quillbrook and Vale ICB'],
      ['Completed by:', 'Finance Lead'],
    ]);
    expect(grids[1][0]).toEqual(['Funding Sources', 'Income (£)']);
    expect(grids[1][3]).toEqual(['Improved Better Care Fund (iBCF)', '£3,333,000']);
  });

  it('reads the plan-details block of a 2022-23 cover and of a 2014 finance summary', () => {
    const a = extractArea(extractText([...COVER_2022, ...INCOME_2022].join('\n'), 'txt'), noSections, '2022-23');
    expect([a.healthAndWellbeingBoard, a.localAuthorities, a.ccgs]).toEqual([
      'Quillbrook Health and Wellbeing Board',
      ['Quillbrook Borough Council'],
      ['NHS Quillbrook and Vale ICB'],
    ]);
    const summary = ['Finance - Summary', 'Local Authority', 'Clinical Commissioning Groups', 'Health and Wellbeing Board', '', 'Wrenmoor Council', 'NHS Wrenmoor CCG', 'Wrenmoor Health and Wellbeing Board', ''];
    const b = extractArea(extractText(summary.join('\n'), 'txt'), noSections, '2014-15');
    expect([b.healthAndWellbeingBoard, b.localAuthorities, b.ccgs]).toEqual(['Wrenmoor Health and Wellbeing Board', ['Wrenmoor Council'], ['NHS Wrenmoor CCG']]);
  });

  it('reads the income table through the budget reader, its section found at a column header inside it', () => {
    const doc = extractText([...COVER_2022, ...INCOME_2022].join('\n'), 'txt');
    // Segmentation took the value column's header ("Income (£)") for the income section's heading.
    const at = doc.blocks.findIndex((b) => b.kind !== 'table' && b.text === 'Income (£)');
    const incomeFromHeader: Segmentation = { ...noSections, fieldRanges: { budgets: [[at, doc.blocks.length]] } };
    const budgets = extractBudgets(doc, incomeFromHeader).value;
    expect(budgets.map((b) => [b.kind, b.amountGbp])).toEqual([
      ['dfg', 1111000],
      ['nhs_minimum_contribution', 7222000],
      ['ibcf', 3333000],
      ['total_pooled_budget', 11666000],
    ]);
  });

  it('takes no table from rows printed row by row, each row a label then its figures', () => {
    const rows = ['Funding', '2015/16', '', 'Minimum NHS Contribution', '£5,000,000', '', 'Improved Better Care Fund', '£2,000,000', ''];
    const prose = ['We will pool budgets', 'across the partners', 'from April', '', 'Plans are agreed', 'by the board', 'each quarter', ''];
    expect(columnRunGrids(extractText([...rows, ...prose].join('\n'), 'txt'))).toEqual([]);
  });

  // A 2022-23 spending plan: scheme ID and name share a group (printed row by row in it), the type/area and
  // provider/source groups have some rows on one line and some on two (left out), the figure column last.
  const SPENDING_2022 = [
    'Spending Plan 2022/23',
    'Scheme',
    'Scheme I Scheme Name',
    'Q1', 'Night Sitting Service', 'Q2', 'Hospital Step Down', 'Q2', 'Hospital Step Down', 'Q3', 'Handyperson Visits',
    '',
    'Brief Description of Scheme',
    'Overnight care at home', 'Short stays after discharge', 'Short stays after discharge', 'Small repairs at home',
    '',
    'Scheme Type',
    'Area of Spend',
    'Home Care or Domiciliary Care Social Care', 'Bed Based Interm Community Health', 'Bed Based Interm Community Health', 'Other', 'Social Care',
    '',
    'Commissioner',
    'LA', 'NHS', 'NHS', 'LA',
    '',
    'Expenditure (£) New/Existing Sc',
    '£410,000 Existing', '£1,200,000 Existing', '£95,000 New', '£64,500 Existing',
    '',
  ];

  it('rebuilds a wide table whose column groups differ in header lines, two columns sharing a group', () => {
    const grids = wideColumnRunGrids(extractText(SPENDING_2022.join('\n'), 'txt')).map((g) => g.rows.map((r) => r.cells));
    expect(grids).toHaveLength(1);
    expect(grids[0][0]).toEqual(['Scheme I', 'Scheme Name', 'Brief Description of Scheme', 'Commissioner', 'Expenditure (£)', 'New/Existing Sc']);
    expect(grids[0][3]).toEqual(['Q2', 'Hospital Step Down', 'Short stays after discharge', 'NHS', '£95,000', 'New']);
    expect(grids[0]).toHaveLength(5);
  });

  it('reads the spending plan\'s schemes and amounts', () => {
    const doc = extractText(SPENDING_2022.join('\n'), 'txt');
    const spend = extractBudgets(doc, noSections).value.filter((b) => b.kind === 'scheme_spend');
    expect(spend.map((b) => [b.scheme, b.amountGbp])).toEqual([
      ['Night Sitting Service', 410000],
      ['Hospital Step Down', 1200000],
      ['Hospital Step Down', 95000],
      ['Handyperson Visits', 64500],
    ]);
  });

  // The 2014 contingency sheet: a header wider than its figure column, centred over it, reaches into the column
  // before and comes out with it ("2015/16" over the row labels, "Ongoing" over the 2015/16 figures).
  const CONTINGENCY_2014 = [
    'Contingency plan',
    'Reduction in permanent residential admissions',
    'Increased effectiveness of reablement',
    '',
    '2015/16',
    'Planned savings (i',
    'Maximum support n',
    'Planned savings (i',
    'Maximum support n',
    '',
    'Ongoing',
    '£31,000',
    '£15,500',
    '£42,000',
    '£21,000',
    '',
    '£41,000',
    '£20,500',
    '£56,000',
    '£28,000',
    '',
  ];

  it('puts figure headers that came out one column to the left over their own columns', () => {
    const doc = extractText(CONTINGENCY_2014.join('\n'), 'txt');
    const grids = [...columnRunGrids(doc), ...wideColumnRunGrids(doc)].map((g) => g.rows.map((r) => r.cells));
    expect(grids).toHaveLength(1);
    expect(grids[0][0]).toEqual(['', '2015/16', 'Ongoing']);
    expect(grids[0][1]).toEqual(['Planned savings (i', '£31,000', '£41,000']);
    expect(grids[0]).toHaveLength(5);
  });

  // The 2014 finance summary: the organisations as one group, then the rest of the table row by row in one group,
  // its empty cells dropped (the total row has no Y/N), two header cells glued on one line.
  const FINANCE_2014 = [
    'For each contributing organisation, please list any spending on BCF schemes in 2014/15 and the minimum and actual contributions to the Bet',
    'Organisation',
    'Wexmoor District Council',
    'NHS Wexmoor CCG',
    'BCF Total',
    '',
    'Holds the pooleSpending on BCF sch',
    'Minimum contributio',
    'Actual contribution (',
    'Y',
    '£210,000',
    '£330,000',
    '£400,000',
    'N',
    '£1,100,000',
    '£4,400,000',
    '£4,500,000',
    '£1,310,000',
    '£4,730,000',
    '£4,900,000',
    '',
  ];

  it('rebuilds a table printed row by row beside its label column, empty cells dropped', () => {
    const grids = rowByRowBlockGrids(extractText(FINANCE_2014.join('\n'), 'txt')).map((g) => g.rows.map((r) => r.cells));
    expect(grids).toEqual([
      [
        ['Organisation', 'Holds the poole', 'Spending on BCF sch', 'Minimum contributio', 'Actual contribution ('],
        ['Wexmoor District Council', 'Y', '£210,000', '£330,000', '£400,000'],
        ['NHS Wexmoor CCG', 'N', '£1,100,000', '£4,400,000', '£4,500,000'],
        ['BCF Total', '', '£1,310,000', '£4,730,000', '£4,900,000'],
      ],
    ]);
  });

  it('cuts a line of two amounts, one typed as text beside the figure before it, into two cells', () => {
    // A left-aligned text amount comes close enough to the figure before it for pdftotext to print one line.
    const lines = FINANCE_2014.map((l) => (l === '£1,100,000' ? '£1,100,000 £4,400,000' : l)).filter((l, i, all) => !(l === '£4,400,000' && all[i - 1].endsWith('£4,400,000')));
    const grids = rowByRowBlockGrids(extractText(lines.join('\n'), 'txt')).map((g) => g.rows.map((r) => r.cells));
    expect(grids[0][2]).toEqual(['NHS Wexmoor CCG', 'N', '£1,100,000', '£4,400,000', '£4,500,000']);
  });

  it('cuts a line holding two cells where the sheet cut them', () => {
    expect(twoCells('Scheme I Scheme Name')).toEqual(['Scheme I', 'Scheme Name']);
    expect(twoCells('Expenditure (£) New/Existing Sc')).toEqual(['Expenditure (£)', 'New/Existing Sc']);
    expect(twoCells('£64,500 Existing')).toEqual(['£64,500', 'Existing']);
    expect(twoCells('Charity / Voluntary SectorMinimum NHS Contribution')).toEqual(['Charity / Voluntary Sector', 'Minimum NHS Contribution']);
    expect(twoCells('Brief Description of Scheme')).toBeNull();
  });
});
