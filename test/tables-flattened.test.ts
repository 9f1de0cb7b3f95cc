// Failure class 7 of ../shared/spec/tables.md (tables without structure) and class 6 (overlaid duplicates), on
// synthetic risk logs in the 2014 revised template's shape: "There is a risk that: | How likely … | Potential
// impact | Overall risk factor | Mitigating Actions". Every figure and phrase here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { SPENDING_HEADER } from './reading-order-shapes.js';
import { extractRisks } from '../src/fields/risks/index.js';
import { markdownInlineToHtml } from '../src/extract/text/inline.js';
import type { Segmentation } from '../src/segment/types.js';
import type { DocumentModel } from '../src/model/document.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const risksOf = (doc: DocumentModel) => extractRisks(doc, noSections).value;
/** Each risk's text and scores, as the expectations list them. */
const scoresOf = (risks: ReturnType<typeof risksOf>) => risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating]);

/** A fixed-width log as pdftotext -layout writes one: wrapped cells, figures on a middle line of each row. */
function layoutLog(offsets: number[], rows: Array<{ desc: string[]; l: string; impact: string[]; score: string; mit: string[] }>): string[] {
  const [c0, c1, c2, c3, c4] = offsets;
  const lines = [
    pad([[c1, 'How likely is'], [c3, 'Overall risk']]),
    pad([[c0, 'There is a risk that:'], [c1, 'the risk to'], [c2, 'Potential impact'], [c3, 'factor'], [c4, 'Mitigating Actions']]),
    pad([[c1, 'materialise?'], [c3, '(likelihood']]),
    pad([[c1, 'Please rate on'], [c2, 'Please rate on'], [c3, '*potential']]),
    pad([[c1, 'a scale of 1-5'], [c2, 'a scale of 1-5'], [c3, 'impact)']]),
  ];
  for (const r of rows) {
    const height = Math.max(r.desc.length, r.impact.length, r.mit.length);
    const mid = Math.floor(height / 2);
    for (let k = 0; k < height; k++) {
      const cells: Array<[number, string]> = [];
      if (r.desc[k]) cells.push([c0, r.desc[k]]);
      if (k === mid) cells.push([c1, r.l]);
      if (r.impact[k]) cells.push([c2, r.impact[k]]);
      if (k === mid) cells.push([c3, r.score]);
      if (r.mit[k]) cells.push([c4, r.mit[k]]);
      lines.push(pad(cells));
    }
  }
  return lines;
}

const ROWS = [
  { desc: ['Hospital activity does', 'not fall at the rate', 'the plan assumes'], l: '4', impact: ['5 Cost pressure on', 'commissioners'], score: '20 High', mit: ['Monthly review by the', 'programme board'] },
  { desc: ['Providers cannot recruit', 'enough reablement staff'], l: '3', impact: ['4 Delays to new', 'community services'], score: '12 Medium', mit: ['Joint workforce plan', 'with local colleges'] },
  { desc: ['Data sharing agreements', 'are not signed in time'], l: '2', impact: ['3 Care records stay', 'separate'], score: '6 Low', mit: ['Information governance', 'group meets fortnightly'] },
];

describe('fixed-width risk log (pdftotext -layout)', () => {
  it('rebuilds one row per risk, with scores from the middle line of each row', () => {
    const text = ['5) RISKS AND CONTINGENCY', 'a) Risk log', '', ...layoutLog([0, 30, 46, 70, 84], ROWS), '', '', 'b) Contingency plan'].join('\n');
    const risks = risksOf(extractText(text, 'txt'));
    expect(scoresOf(risks)).toEqual([
      ['Hospital activity does not fall at the rate the plan assumes', 4, 5, 20, 'high'],
      ['Providers cannot recruit enough reablement staff', 3, 4, 12, 'medium'],
      ['Data sharing agreements are not signed in time', 2, 3, 6, 'low'],
    ]);
  });

  it('reads a log continued on the next page at other column offsets, with its header printed again', () => {
    const page1 = layoutLog([0, 30, 46, 70, 84], ROWS.slice(0, 2));
    const page2 = layoutLog([0, 27, 41, 66, 79], ROWS.slice(2));
    const text = ['a) Risk log', '', ...page1, `\f${page2[0]}`, ...page2.slice(1), '', '', 'b) Contingency plan'].join('\n');
    const doc = extractText(text, 'txt');
    expect(doc.pages).toBe(2);
    const risks = risksOf(doc);
    expect(risks.map((r) => [r.likelihood, r.score, r.page])).toEqual([
      [4, 20, 1],
      [3, 12, 1],
      [2, 6, 2],
    ]);
  });

  it('leaves prose with wide spaces alone', () => {
    const text = 'We will   review the plan   each quarter.\nThe board   agreed this.\nNothing else here.';
    expect(extractText(text, 'txt').blocks.every((b) => b.kind !== 'table')).toBe(true);
  });
});

const HEADER = ['There is a risk that:', 'How likely is the risk to materialise?', 'Potential impact', 'Overall risk factor', 'Mitigating Actions'];

describe('risk log with one cell per line', () => {
  it('LibreOffice text: a blank line for each empty cell keeps the columns', () => {
    const lines = [
      'a) Risk log',
      ...HEADER,
      '',
      'Please rate on a scale of 1-5 with 1 being very unlikely',
      'Hospital activity does not fall at the rate the plan assumes',
      '4',
      '5 Cost pressure on commissioners',
      '20 High',
      'Monthly review by the programme board',
      ...HEADER,
      // A row split by a page break: only its risk and actions continue, the other cells are empty.
      'and the savings are not released',
      '',
      '',
      '',
      'Escalation to the health and wellbeing board',
      'Providers cannot recruit enough reablement staff',
      '3',
      '4 Delays to new community services',
      '12 Medium',
      'Joint workforce plan with local colleges',
    ];
    const risks = risksOf(extractText(lines.join('\n'), 'txt'));
    expect(scoresOf(risks)).toEqual([
      ['Hospital activity does not fall at the rate the plan assumes and the savings are not released', 4, 5, 20, 'high'],
      ['Providers cannot recruit enough reablement staff', 3, 4, 12, 'medium'],
    ]);
    expect(risks[0].mitigation).toBe('Monthly review by the programme board Escalation to the health and wellbeing board');
  });

  it('LibreOffice text: an action of two paragraphs, and an action cut by a page break, stay with their risk', () => {
    const lines = [
      'a) Risk log',
      ...HEADER,
      '',
      'Hospital activity does not fall at the rate the plan assumes',
      '4',
      '5 Cost pressure on commissioners',
      '20 High',
      'Monthly review by the programme board',
      '',
      '',
      // The action's second paragraph, after an empty one: no risk of its own (no scale, no score).
      'Quarterly report to the health and wellbeing board',
      'Providers cannot recruit enough reablement staff',
      '3',
      '4 Delays to new community services',
      '12 Medium',
      'Joint workforce plan with',
      ...HEADER,
      // Only the action ran on past the page break.
      'local colleges and providers',
      'Data sharing agreements are not signed in time',
      '2',
      '3 Care records stay separate',
      '6 Low',
      'Information governance group meets fortnightly',
    ];
    const risks = risksOf(extractText(lines.join('\n'), 'txt'));
    expect(scoresOf(risks)).toEqual([
      ['Hospital activity does not fall at the rate the plan assumes', 4, 5, 20, 'high'],
      ['Providers cannot recruit enough reablement staff', 3, 4, 12, 'medium'],
      ['Data sharing agreements are not signed in time', 2, 3, 6, 'low'],
    ]);
    expect(risks[0].mitigation).toBe('Monthly review by the programme board Quarterly report to the health and wellbeing board');
    expect(risks[1].mitigation).toBe('Joint workforce plan with local colleges and providers');
  });

  it('mammoth markdown: empty cells vanish, cells are placed by what each column can hold', () => {
    const cells = [
      ...HEADER,
      '*Please rate on a scale of 1\\-5 with 1 being very unlikely*',
      '*\\(likelihood \\*potential impact\\)*',
      'Hospital activity does not fall at the rate the plan assumes',
      '4',
      '5 Cost pressure on commissioners',
      '20 High',
      'Monthly review by the programme board',
      'Data sharing agreements are not signed in time',
      '2',
      '3 Care records stay separate',
      '6 Low',
      'Information governance group meets fortnightly',
    ];
    const risks = risksOf(extractText(['### a) Risk log', ...cells].join('\n\n'), 'md'));
    expect(risks.map((r) => [r.likelihood, r.impact, r.score, r.rating])).toEqual([
      [4, 5, 20, 'high'],
      [2, 3, 6, 'low'],
    ]);
  });
});

describe('overlaid duplicates', () => {
  it('a risk drawn twice with small shifts is counted once', () => {
    const row = (desc: string) => `${desc}\t4\t5 Cost pressure\t20 High\tMonthly review`;
    const text = [
      'There is a risk that:\tLikelihood (1-5)\tImpact (1-5)\tOverall risk factor\tMitigating Actions',
      row('Hospital activity does not fall at the rate the plan assumes'),
      row('Hospital activity does not fall at the rate the plan assumes,'),
      row('Hospital activity does not fall at the rate the plan assume s and'),
      `Providers cannot recruit enough reablement staff\t3\t4 Delays\t12 Medium\tWorkforce plan`,
    ].join('\n');
    const result = extractRisks(extractText(text, 'txt'), noSections);
    expect(result.value.map((r) => r.score)).toEqual([20, 12]);
    expect(result.messages.filter((m) => /counted once/.test(m.message))).toHaveLength(2);
  });
});

describe('markdown escapes', () => {
  it('a backslash-escaped character is the character, never markup', () => {
    expect(markdownInlineToHtml('\\(likelihood \\*potential impact\\) 1\\. \\<b\\>')).toBe('(likelihood *potential impact) 1. &lt;b&gt;');
  });
});

describe('overlaid duplicates are not confused with risks worded alike', () => {
  it('two risks sharing an opening stay two', () => {
    const text = [
      'There is a risk that:\tLikelihood (1-5)\tImpact (1-5)\tOverall risk factor\tMitigating Actions',
      'Failure to deliver the planned reduction in emergency admissions to hospital\t3\t4 Cost\t12 Medium\tReview',
      'Failure to deliver the planned reduction in delayed transfers of care\t3\t4 Cost\t12 Medium\tReview',
    ].join('\n');
    expect(extractRisks(extractText(text, 'txt'), noSections).value).toHaveLength(2);
  });
});

/** The four plan-details figures of the synthetic Eastham summary below, in whichever layout it arrives. */
const PLAN_DETAILS_BUDGETS = [
  ['minimum_pooled_budget', '2014-15', 1_200_000],
  ['minimum_pooled_budget', '2015-16', 9_800_000],
  ['total_pooled_budget', '2014-15', 1_500_000],
  ['total_pooled_budget', '2015-16', 10_100_000],
];

describe('plan-details summary laid out with spaces (pdftotext -layout)', () => {
  it('centred values keep the label and year around them; a cut digit group is rejoined', async () => {
    const { extractBudgets } = await import('../src/fields/budgets/index.js');
    const lines = [
      'a) Summary of Plan',
      '',
      'Local Authority     Eastham Council',
      'Clinical            NHS Eastham CCG',
      'Commissioning',
      'Groups',
      'Minimum required',
      'value of BCF',
      '                    £1,200,000',
      'pooled budget:',
      '2014/15',
      '2015/16             £9,800,000',
      'Total agreed value',
      'of pooled budget:',
      '                    £1,500,000',
      '2014/15',
      '                    £10,100,00',
      '2015/16',
      '                    0',
      '',
      '',
      'b) Authorisation and signoff',
    ];
    const got = extractBudgets(extractText(lines.join('\n'), 'txt'), noSections).value.map((b) => [b.kind, b.year, b.amountGbp]);
    expect(got).toEqual(PLAN_DETAILS_BUDGETS);
  });
});

describe('bulleted lists laid out with spaces', () => {
  it('a bullet glyph, its gap and the item text are a list, not a two-column table', () => {
    const text = ['These are our schemes:', '', '     \uf0b7   1. Home First', '     \uf0b7   2. Carers breaks', '     \uf0b7   3. Falls service', '     •   4. Telecare', ''].join('\n');
    const doc = extractText(text, 'txt');
    expect(doc.blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(doc.blocks.filter((b) => b.kind === 'list_item').map((b) => b.text)).toEqual(['1. Home First', '2. Carers breaks', '3. Falls service', '4. Telecare']);
  });
});

describe('fixed-width risk log rated by words (2014 original: "Risk | Risk rating | Mitigating Actions")', () => {
  it('the rating word alone is the row anchor; a score column keeps its number and word in one row', () => {
    const pad = (cells: Array<[number, string]>) => cells.reduce((line, [x, t]) => line.padEnd(x) + t, '');
    const lines = [
      pad([[0, 'Risk'], [44, 'Risk'], [54, 'Mitigating Actions']]),
      pad([[44, 'rating']]),
      pad([[0, 'Partners cannot agree how to share'], [54, 'Phased transfer agreed by the']]),
      pad([[0, 'the pooled budget overspend'], [44, 'High'], [54, 'finance directors']]),
      pad([[0, 'Home care providers cannot recruit'], [44, 'Medium'], [54, 'Joint workforce plan with the']]),
      pad([[0, 'enough staff for the winter'], [54, 'local colleges']]),
      pad([[0, 'Telecare is not monitored at night'], [44, 'Low'], [54, 'Contract extended to 24 hours']]),
      '',
      '',
      'b) Next section',
    ];
    const risks = risksOf(extractText(lines.join('\n'), 'txt'));
    expect(risks.map((r) => [r.description, r.rating])).toEqual([
      ['Partners cannot agree how to share the pooled budget overspend', 'high'],
      ['Home care providers cannot recruit enough staff for the winter', 'medium'],
      ['Telecare is not monitored at night', 'low'],
    ]);
  });
});

describe('a plan-details table flattened column by column (tables.md class 7: the labels first, the values after)', () => {
  it('pairs each label with the value in its place', async () => {
    const { extractBudgets } = await import('../src/fields/budgets/index.js');
    const lines = [
      'a) Summary of Plan', '',
      'Local Authority', 'Clinical Commissioning Groups',
      'Minimum required value of BCF pooled budget: 2014/15', '2015/16',
      'Total agreed value of pooled budget: 2014/15', '2015/16',
      '',
      'Eastham Council', 'NHS Eastham CCG', '£1,200,000', '£9,800,000', '£1,500,000', '£10,100,000',
      '',
      'b) Authorisation and signoff',
    ];
    const got = extractBudgets(extractText(lines.join('\n'), 'txt'), noSections).value.map((b) => [b.kind, b.year, b.amountGbp]);
    expect(got).toEqual(PLAN_DETAILS_BUDGETS);
  });

  it('leaves a row-by-row label/value run alone', async () => {
    const { columnMajorGrids } = await import('../src/tables/grids.js');
    const lines = ['Local Authority', 'Eastham Council', 'Date submitted:', '04/04/2014', 'Minimum required value of BCF pooled budget: 2014/15', '£1,200,000', '2015/16', '£9,800,000'];
    expect(columnMajorGrids(extractText(lines.join('\n'), 'txt'))).toEqual([]);
  });
});

/**
 * The 2022-23 expenditure table (Scheme Name | Brief Description | Area of Spend | Commissioner | Provider | Source
 * of Funding | Expenditure (£) | New/Existing) as pdftotext -layout writes a Word table whose cells are vertically
 * centred: each cell's lines sit around its row's line of figures, so wrapped names start above that line and end
 * below it, and a bulleted line ("- new cases") is a wrapped name, not a list.
 */
function centredTable(offsets: number[], header: string[][], rows: string[][][]): string[] {
  const lines: string[] = [];
  // Positions in half lines: a cell of n lines centred on its row's middle has its lines n-1 half lines above
  // and below it, two apart; pdftotext writes each baseline that holds text as a line of its own.
  const place = (cells: string[][]) => {
    const height = Math.max(...cells.map((c) => c.length));
    const mid = height - 1;
    for (let y = 0; y <= 2 * (height - 1); y++) {
      const out: Array<[number, string]> = [];
      cells.forEach((c, col) => {
        const k = y - (mid - (c.length - 1));
        if (k >= 0 && k % 2 === 0 && c[k / 2]) out.push([offsets[col], c[k / 2]]);
      });
      if (out.length > 0) lines.push(pad(out));
    }
  };
  place(header);
  for (const r of rows) place(r);
  return lines;
}

describe('expenditure table laid out with vertically centred cells (pdftotext -layout)', () => {
  const OFFSETS = [0, 24, 52, 64, 78, 92, 106, 119];
  const HEADER = [['Scheme Name'], ['Brief Description of', 'Scheme'], ['Area of', 'Spend'], ['Commissioner'], ['Provider'], ['Source of', 'Funding'], ['Expenditure', '(£)'], ['New/', 'Existing']];
  const ROWS: string[][][] = [
    [['Falls Response'], ['Two-hour response', 'to people who have', 'fallen at home'], ['Community', 'Health'], ['CCG'], ['NHS', 'Community', 'Provider'], ['Minimum', 'NHS', 'Contribution'], ['£412,300'], ['Existing']],
    [['(iBCF) Hospital', 'discharge team', '- new cases'], ['Social work', 'assessment for', 'new referrals'], ['Social', 'Care'], ['LA'], ['Local', 'Authority'], ['iBCF'], ['£655,120'], ['Existing']],
    [['Carers Breaks'], ['Short breaks and', 'respite for carers'], ['Social', 'Care'], ['LA'], ['Charity /', 'Voluntary', 'Sector'], ['Minimum', 'NHS', 'Contribution'], ['£98,400'], ['New']],
    [['Home Adaptations', '(DFG)'], ['Adaptations,', 'including statutory', 'DFG grants'], ['Social', 'Care'], ['LA'], ['Local', 'Authority'], ['DFG'], ['£1,250,000'], ['Existing']],
  ];

  it('each wrapped cell stays with its own row, above and below the figures', async () => {
    const { extractSchemes } = await import('../src/fields/schemes/index.js');
    const { extractBudgets } = await import('../src/fields/budgets/index.js');
    const text = ['Spending Plan 2022/23', '', ...centredTable(OFFSETS, HEADER, ROWS), ''].join('\n');
    const doc = extractText(text, 'txt');
    expect(extractSchemes(doc, noSections).value.map((s) => s.name)).toEqual([
      'Falls Response',
      '(iBCF) Hospital discharge team - new cases',
      'Carers Breaks',
      'Home Adaptations (DFG)',
    ]);
    const spend = extractBudgets(doc, noSections).value.filter((b) => b.kind === 'scheme_spend');
    expect(spend.map((b) => [b.scheme, b.amountGbp, b.source])).toEqual([
      ['Falls Response', 412300, 'Minimum NHS Contribution'],
      ['(iBCF) Hospital discharge team - new cases', 655120, 'iBCF'],
      ['Carers Breaks', 98400, 'Minimum NHS Contribution'],
      ['Home Adaptations (DFG)', 1250000, 'DFG'],
    ]);
  });

  it('a figure whose last digit group wrapped below it, beside other cells, is whole again', async () => {
    const { extractBudgets } = await import('../src/fields/budgets/index.js');
    const cut: string[][][] = [...ROWS.slice(0, 3), [['Home Adaptations', '(DFG)'], ['Adaptations,', 'including statutory', 'DFG grants'], ['Social', 'Care'], ['LA'], ['Local', 'Authority'], ['DFG'], ['£1,250,00', '0'], ['Existing']]];
    const doc = extractText(['Spending Plan 2022/23', '', ...centredTable(OFFSETS, HEADER, cut), ''].join('\n'), 'txt');
    const spend = extractBudgets(doc, noSections).value.filter((b) => b.kind === 'scheme_spend');
    expect(spend.map((b) => b.amountGbp)).toEqual([412300, 655120, 98400, 1250000]);
  });
});

/** The 2014 original log's header as plain pdftotext writes it: each header cell a group of lines. */
const READING_ORDER_HEADER = ['Risk', '', 'Risk', 'rating', '', 'Mitigating Actions', ''];

describe('risk log in pdftotext reading order (2014 original: "Risk | Risk rating | Mitigating Actions")', () => {
  it('each cell a group of wrapped lines; a rating that landed inside a neighbouring cell, or glued to its line, is its own cell; a repeated header is no row', () => {
    const text = [
      'Governance of the programme is described in section 3.',
      ...READING_ORDER_HEADER,
      'Partners cannot release the',
      'planned share of their budgets',
      '',
      'High',
      '',
      'Phased transfer agreed by the',
      'programme board, reviewed monthly',
      '',
      'Savings needed from acute',
      'contracts are larger than',
      'Medium',
      'the fund can release',
      '',
      'Joint review of contracts with',
      'the providers before April',
      '',
      // The header printed again at a page break.
      ...READING_ORDER_HEADER,
      'Workforce shortages slow the',
      'new community services',
      '',
      'Recruitment plan shared with',
      'Low providers and colleges, with',
      'a rotation scheme',
      '',
    ].join('\n');
    const risks = risksOf(extractText(text, 'txt'));
    expect(risks.map((r) => [r.description, r.rating, r.mitigation])).toEqual([
      ['Partners cannot release the planned share of their budgets', 'high', 'Phased transfer agreed by the programme board, reviewed monthly'],
      ['Savings needed from acute contracts are larger than the fund can release', 'medium', 'Joint review of contracts with the providers before April'],
      ['Workforce shortages slow the new community services', 'low', 'Recruitment plan shared with providers and colleges, with a rotation scheme'],
    ]);
  });
});

describe('risk log in pdftotext reading order: risks whose words look like header or rating cells', () => {
  it('a risk opening "High …" with its rating on a line of its own, and a risk naming "Potential impact", stay risks', () => {
    const text = [
      ...READING_ORDER_HEADER,
      'High demand for home care',
      'outstrips the new capacity',
      'High',
      'before the winter',
      '',
      'Extra block contracts agreed',
      'with two providers',
      '',
      // A cell closing the risk above runs into the next risk's text, which names a header role.
      'funds cannot follow the patient',
      'Potential impact of the hospital',
      'merger on the discharge teams',
      '',
      'Low',
      '',
      'Merger board includes the',
      'council and both CCGs',
      '',
    ].join('\n');
    const risks = risksOf(extractText(text, 'txt'));
    expect(risks.map((r) => [r.description, r.rating])).toEqual([
      ['High demand for home care outstrips the new capacity before the winter', 'high'],
      ['funds cannot follow the patient Potential impact of the hospital merger on the discharge teams', 'low'],
    ]);
  });
});

describe('fixed-width risk log rated by words, cells centred on their rating (pdftotext -layout)', () => {
  it('a row is the lines around its rating, and a rating drawn past the next column\'s edge stays a rating', () => {
    const line = (cells: Array<[number, string]>) => pad(cells);
    const lines = [
      line([[47, 'Risk']]),
      line([[0, 'Risk'], [58, 'Mitigating Actions']]),
      line([[47, 'rating']]),
      line([[0, 'Partners cannot release the'], [58, 'Phased transfer agreed by the']]),
      line([[0, 'planned share of their'], [52, 'High'], [58, 'programme board and reviewed']]),
      line([[0, 'budgets in the first year'], [58, 'each month']]),
      line([[0, 'Savings needed from acute'], [58, 'Joint review of contracts with']]),
      line([[0, 'contracts are larger than'], [58, 'providers before April, and']]),
      // The rating reaches past the actions' edge, one space from their text.
      line([[0, 'the fund can release in'], [55, 'Medium'], [62, 'shared savings targets agreed']]),
      line([[0, 'Hospital trusts this year'], [58, 'with each trust board']]),
      line([[0, 'under current plans'], [58, 'in the spring']]),
      line([[0, 'Workforce shortages slow'], [58, 'Recruitment plan shared with']]),
      line([[0, 'the new community services'], [54, 'Low'], [58, 'colleges and providers']]),
      line([[0, 'in the north of the area'], [58, 'from the autumn']]),
    ];
    const risks = risksOf(extractText(['4. RISKS', '', ...lines, '', 'Next section'].join('\n'), 'txt'));
    expect(risks.map((r) => [r.description, r.rating])).toEqual([
      ['Partners cannot release the planned share of their budgets in the first year', 'high'],
      ['Savings needed from acute contracts are larger than the fund can release in Hospital trusts this year under current plans', 'medium'],
      ['Workforce shortages slow the new community services in the north of the area', 'low'],
    ]);
    expect(risks[1].mitigation).toBe('Joint review of contracts with providers before April, and shared savings targets agreed with each trust board in the spring');
  });
});

describe('expenditure table in pdftotext reading order (2022-23 planning template)', () => {
  it('each row the cells up to its amount: the first its scheme, the amount\'s group its source of funding', async () => {
    const { extractSchemes } = await import('../src/fields/schemes/index.js');
    const { extractBudgets } = await import('../src/fields/budgets/index.js');
    const text = [
      ...SPENDING_HEADER,
      'Falls Response',
      '',
      'Two-hour response to',
      'people who have fallen',
      '',
      'Community',
      'CCG',
      'Health',
      '',
      'Minimum',
      'NHS',
      '£412,300 Existing',
      'Contribution',
      '',
      '(iBCF) Hospital',
      'discharge team',
      '',
      'Social work assessment',
      '',
      'Social Care LA',
      '',
      'Local',
      'Authority',
      '',
      'iBCF',
      '',
      '£655,120',
      '',
      'Existing',
      '',
      'Carers Breaks',
      '',
      'Short breaks for carers',
      '',
      'Social Care LA',
      '',
      'Minimum',
      'NHS',
      '£98,400 New',
      'Contribution',
      '',
      'Metrics for 2022/23',
      '',
    ].join('\n');
    const doc = extractText(text, 'txt');
    expect(extractSchemes(doc, noSections).value.map((s) => s.name)).toEqual(['Falls Response', '(iBCF) Hospital discharge team', 'Carers Breaks']);
    const spend = extractBudgets(doc, noSections).value.filter((b) => b.kind === 'scheme_spend');
    expect(spend.map((b) => [b.scheme, b.amountGbp, b.year])).toEqual([
      ['Falls Response', 412300, '2022-23'],
      ['(iBCF) Hospital discharge team', 655120, '2022-23'],
      ['Carers Breaks', 98400, '2022-23'],
    ]);
    // The amounts are scheme lines, not contributions read from the lines beside them.
    expect(extractBudgets(doc, noSections).value.filter((b) => b.kind !== 'scheme_spend')).toEqual([]);
  });
});

describe('fixed-width risk log whose scores sit on two lines (pdftotext -layout)', () => {
  it('a figure line whose text goes on in lower case is the same row as the figure line above it', () => {
    const lines = [
      pad([[24, 'How likely is'], [66, 'Overall']]),
      pad([[0, 'There is a risk that:'], [24, 'the risk to'], [39, 'Potential impact'], [66, 'risk'], [77, 'Mitigating Actions']]),
      pad([[24, 'materialise?'], [66, 'factor']]),
      pad([[0, 'Hospital activity does'], [39, '5 Cost pressure on'], [77, 'Monthly review by the']]),
      pad([[0, 'not fall at the rate'], [39, 'commissioners'], [66, '20'], [77, 'programme board']]),
      pad([[0, 'and the plan assumes'], [24, '4'], [66, 'High'], [77, 'and the board']]),
      pad([[0, 'for this year'], [77, 'reports to the health']]),
      pad([[77, 'and wellbeing board']]),
      pad([[0, 'Providers cannot recruit'], [39, '4 Delays to new'], [77, 'Joint workforce plan']]),
      pad([[0, 'enough reablement staff'], [24, '3'], [39, 'community services'], [66, '12 Medium'], [77, 'with local colleges']]),
      pad([[0, 'in the first year'], [77, 'and providers']]),
    ];
    const risks = risksOf(extractText(['a) Risk log', ...lines, ''].join('\n'), 'txt'));
    expect(risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating])).toEqual([
      ['Hospital activity does not fall at the rate and the plan assumes for this year', 4, 5, 20, 'high'],
      ['Providers cannot recruit enough reablement staff in the first year', 3, 4, 12, 'medium'],
    ]);
  });
});
