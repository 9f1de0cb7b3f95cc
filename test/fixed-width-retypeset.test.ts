// Failure class 7 of ../shared/spec/tables.md (tables without structure), as pdftotext -layout writes tables of a
// document retypeset so cells wrap and columns move: the fixed-width reader (src/extract/text/fixedWidth.ts) on
// synthetic tables in the templates' shapes. Every name, figure and phrase here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import { extractSchemes } from '../src/fields/schemes/index.js';
import { figuresToTheirColumns } from '../src/extract/text/lineCells.js';
import { rejoinCutWords } from '../src/extract/text/cutWords.js';
import type { Segmentation } from '../src/segment/types.js';
import type { DocumentModel } from '../src/model/document.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const risksOf = (doc: DocumentModel) => extractRisks(doc, noSections).value;
const tablesOf = (doc: DocumentModel) => doc.blocks.filter((b) => b.kind === 'table');

describe('a log rated by words whose columns move from row to row (Risk | Risk rating | Mitigating Actions)', () => {
  // Each row centred on its rating; pdftotext places the rating and the actions at other offsets in each row, and
  // the actions column is wide (lines longer than a short indented cell).
  const lines = [
    'a) Risk log',
    '',
    pad([[56, 'Risk']]),
    pad([[0, 'Risk'], [68, 'Mitigating Actions']]),
    pad([[56, 'rating']]),
    pad([[0, 'Partners cannot pool the agreed share of'], [68, 'Agree the pooled amounts at the joint board before the year starts']]),
    pad([[56, 'High']]),
    pad([[0, 'their budgets in time'], [68, 'and review the transfers every month with both finance leads']]),
    pad([[68, 'Report any shortfall to the health and wellbeing board each quarter']]),
    // A wrapped line of the risk reaching past the rating column's start, one space on: still the risk's words.
    pad([[0, 'Demand for home care grows faster than the plan allows and'], [74, 'Commission extra reablement hours from the two local providers']]),
    pad([[0, 'waiting lists'], [62, 'Medium']]),
    pad([[0, 'lengthen over the winter'], [74, 'Track waiting times weekly and move staff between the teams']]),
    pad([[0, 'The new data system is delayed'], [51, 'Low'], [68, 'Keep the current records until the new system has been tested']]),
    '',
    '',
    'b) Contingency plan',
  ];

  it('reads one row per risk with its rating, the long action lines inside the table', () => {
    const doc = extractText(lines.join('\n'), 'txt');
    const risks = risksOf(doc);
    expect(risks.map((r) => [r.description, r.rating])).toEqual([
      ['Partners cannot pool the agreed share of their budgets in time', 'high'],
      ['Demand for home care grows faster than the plan allows and waiting lists lengthen over the winter', 'medium'],
      ['The new data system is delayed', 'low'],
    ]);
    expect(tablesOf(doc)).toHaveLength(1);
  });
});

describe('figures read into the column beside their own', () => {
  it('a score left of its column, a rating at the next column, a score one space after text: each to its figure column', () => {
    const grid = [
      ['There is a risk that:', 'How likely', 'Potential impact', 'Overall risk', 'Mitigating Actions'],
      ['Staff cannot be found', '4', '5 Cost of agency staff', '20 High', 'Joint recruitment'],
      ['3', '', 'Delays to new', '12 Medium', 'Weekly review'],
      ['Falls services close', '2', 'Longer stays', '', 'Medium'],
      ['Winter demand exceeds the plan 2', '', '4 More admissions', '8 Low', 'Extra beds'],
    ];
    expect(figuresToTheirColumns(grid)).toEqual([
      ['There is a risk that:', 'How likely', 'Potential impact', 'Overall risk', 'Mitigating Actions'],
      ['Staff cannot be found', '4', '5 Cost of agency staff', '20 High', 'Joint recruitment'],
      ['', '3', 'Delays to new', '12 Medium', 'Weekly review'],
      // The rating alone in the actions column goes to the score column, empty on its line.
      ['Falls services close', '2', 'Longer stays', 'Medium', ''],
      ['Winter demand exceeds the plan', '2', '4 More admissions', '8 Low', 'Extra beds'],
    ]);
  });

  it('a figure goes only to a column holding figures like it: no rated score into a column of bare numbers', () => {
    // The score column holds one rated score and a score run on into the next word: not a figure column. The
    // impact column beside it, empty on the first line, holds bare numbers only: "16 High" stays where it is.
    const grid = [
      ['There is a risk that:', 'How likely', 'Potential impact', 'Overall risk', 'Mitigating Actions'],
      ['Records are not shared', '4', '', '16 High', 'Group review'],
      ['Practices cannot respond', '4', '4', '16 High in', 'all services'],
    ];
    expect(figuresToTheirColumns(grid)).toEqual(grid);
  });

  it('leaves a number inside text alone where no figure column is beside it', () => {
    const grid = [
      ['Scheme', 'Description'],
      ['Falls response', 'Team of 3'],
      ['Home first', 'Phase 2'],
    ];
    expect(figuresToTheirColumns(grid)).toEqual(grid);
  });
});

describe('a score of two lines straddling the line of its row\'s other figures', () => {
  it('"12" a line above the likelihood, "Medium" a line below it: one row', () => {
    const o = [0, 32, 46, 70, 84];
    const lines = [
      'a) Risk log',
      '',
      pad([[o[0], 'There is a risk that:'], [o[1], 'How likely'], [o[2], 'Potential impact'], [o[3], 'Overall risk'], [o[4], 'Mitigating Actions']]),
      pad([[o[0], 'Hospital activity does'], [o[2], '5 Cost pressure on'], [o[4], 'Monthly review by']]),
      pad([[o[0], 'not fall as planned'], [o[1], '4'], [o[2], 'commissioners'], [o[3], '20 High'], [o[4], 'the board']]),
      pad([[o[0], 'over the winter'], [o[2], 'and providers'], [o[4], 'and the partners']]),
      pad([[o[0], 'Voluntary groups lose'], [o[2], '4 Fewer services'], [o[3], '12'], [o[4], 'Use the grant review']]),
      pad([[o[0], 'Funding from the council'], [o[1], '3'], [o[2], 'in the community'], [o[4], 'to plan the year']]),
      pad([[o[0], 'for two years'], [o[2], 'for people who'], [o[3], 'Medium'], [o[4], 'with the groups']]),
      pad([[o[0], 'Records are not shared'], [o[2], '3 Slower discharge'], [o[4], 'Data sharing group']]),
      pad([[o[0], 'between the teams'], [o[1], '2'], [o[2], 'from hospital'], [o[3], '6 Low'], [o[4], 'meets monthly']]),
      pad([[o[0], 'on the wards'], [o[2], 'and more delays'], [o[4], 'with the trusts']]),
      '',
      '',
      'b) Contingency plan',
    ];
    const risks = risksOf(extractText(lines.join('\n'), 'txt'));
    expect(risks.map((r) => [r.description, r.likelihood, r.score, r.rating])).toEqual([
      ['Hospital activity does not fall as planned over the winter', 4, 20, 'high'],
      ['Voluntary groups lose Funding from the council for two years', 3, 12, 'medium'],
      ['Records are not shared between the teams on the wards', 2, 6, 'low'],
    ]);
  });
});

describe('a log continued on pages whose header wraps at other places', () => {
  const header1 = [
    pad([[30, 'How likely is the'], [70, 'Overall risk']]),
    pad([[0, 'There is a risk that:'], [30, 'risk to materialise?'], [46, 'Potential impact'], [70, 'factor'], [84, 'Mitigating Actions']]),
  ];
  // Page two: the header's cells wrapped one line more above its margin line.
  const header2 = [
    pad([[27, 'How likely is']]),
    pad([[66, 'Overall']]),
    pad([[0, 'There is a risk that:'], [27, 'the risk to'], [42, 'Potential impact'], [79, 'Mitigating Actions']]),
    pad([[66, 'risk factor']]),
    pad([[27, 'materialise?']]),
  ];
  const row = (o: number[], desc: string[], l: string, impact: string, score: string, mit: string) => [
    pad([[o[0], desc[0]], [o[2], impact], [o[4], mit]]),
    pad([[o[0], desc[1]], [o[1], l], [o[3], score]]),
    pad([[o[0], desc[2]], [o[4], 'each month']]),
  ];
  it('takes all the wrapped header lines above the repeated margin line as the header', () => {
    const a = [0, 32, 46, 70, 84];
    const b = [0, 28, 42, 66, 79];
    const lines = [
      'a) Risk log',
      '',
      ...header1,
      ...row(a, ['Hospital activity does', 'not fall at the rate', 'the plan assumes'], '4', '5 Cost pressure', '20 High', 'Monthly review'),
      ...row(a, ['Providers cannot recruit', 'enough reablement', 'staff in time'], '3', '4 Delays to services', '12 Medium', 'Workforce plan'),
      `\f${header2[0]}`,
      ...header2.slice(1),
      ...row(b, ['Data sharing agreements', 'are not signed', 'before the go-live'], '2', '3 Records separate', '6 Low', 'Governance group'),
      ...row(b, ['Winter demand exceeds', 'the beds the plan', 'provides for'], '4', '4 Longer stays', '16 High', 'Escalation beds'),
      '',
      '',
      'b) Contingency plan',
    ];
    const risks = risksOf(extractText(lines.join('\n'), 'txt'));
    expect(risks.map((r) => [r.description, r.likelihood, r.score, r.rating])).toEqual([
      ['Hospital activity does not fall at the rate the plan assumes', 4, 20, 'high'],
      ['Providers cannot recruit enough reablement staff in time', 3, 12, 'medium'],
      ['Data sharing agreements are not signed before the go-live', 2, 6, 'low'],
      ['Winter demand exceeds the beds the plan provides for', 4, 16, 'high'],
    ]);
  });
});

describe('a score of two lines centred beside one-line cells', () => {
  it('"12" a line above its row\'s other figures, "Medium" beside them: one row, even where the text starts a word in capitals', () => {
    const o = [0, 32, 46, 70, 84];
    const lines = [
      'a) Risk log',
      '',
      pad([[o[0], 'There is a risk that:'], [o[1], 'How likely'], [o[2], 'Potential impact'], [o[3], 'Overall risk'], [o[4], 'Mitigating Actions']]),
      pad([[o[0], 'Hospital activity does'], [o[2], '5 Cost pressure on'], [o[4], 'Monthly review by']]),
      pad([[o[0], 'not fall as planned'], [o[1], '4'], [o[2], 'commissioners'], [o[3], '20 High'], [o[4], 'the board']]),
      pad([[o[0], 'over the winter'], [o[2], 'and providers'], [o[4], 'and the partners']]),
      pad([[o[0], 'Voluntary groups lose'], [o[2], '4 Fewer services'], [o[4], 'Use the grant review']]),
      pad([[o[2], 'in the community'], [o[3], '12'], [o[4], 'to plan the year']]),
      pad([[o[0], 'Funding from the council'], [o[1], '3'], [o[2], 'for people who'], [o[3], 'Medium'], [o[4], 'with the groups']]),
      pad([[o[0], 'for two years'], [o[2], 'need them'], [o[4], 'and the council']]),
      pad([[o[0], 'Records are not shared'], [o[2], '3 Slower discharge'], [o[4], 'Data sharing group']]),
      pad([[o[0], 'between the teams'], [o[1], '2'], [o[2], 'from hospital'], [o[3], '6 Low'], [o[4], 'meets monthly']]),
      pad([[o[0], 'on the wards'], [o[2], 'and more delays'], [o[4], 'with the trusts']]),
      '',
      '',
      'b) Contingency plan',
    ];
    const risks = risksOf(extractText(lines.join('\n'), 'txt'));
    expect(risks.map((r) => [r.description, r.likelihood, r.score, r.rating])).toEqual([
      ['Hospital activity does not fall as planned over the winter', 4, 20, 'high'],
      ['Voluntary groups lose Funding from the council for two years', 3, 12, 'medium'],
      ['Records are not shared between the teams on the wards', 2, 6, 'low'],
    ]);
  });
});

describe('plan-details labels centred on their amounts', () => {
  it('a label of three lines with its year on the last, centred on its amount, is one row; the next year its own row', () => {
    const lines = [
      '1) PLAN DETAILS',
      pad([[0, 'Local Authority'], [23, 'Northmoor Borough Council']]),
      pad([[0, 'Clinical']]),
      pad([[0, 'Commissioning'], [23, 'NHS Northmoor CCG']]),
      pad([[0, 'Groups']]),
      pad([[23, 'The council area lies wholly within']]),
      pad([[0, 'Boundary']]),
      pad([[23, 'the area of the CCG, which also']]),
      pad([[0, 'Differences']]),
      pad([[23, 'serves part of the next county']]),
      pad([[0, 'Date agreed at']]),
      pad([[0, 'Health and Well-'], [23, '12/03/2014']]),
      pad([[0, 'Being Board:']]),
      pad([[0, 'Date submitted:'], [23, '04/04/14']]),
      pad([[0, 'Minimum required']]),
      pad([[0, 'value of BCF pooled'], [23, '£1,250,000']]),
      pad([[0, 'budget: 2014/15']]),
      pad([[0, '2015/16'], [23, '£9,870,000']]),
      pad([[0, 'Total agreed value of pooled budget: 2014/15'], [58, '£3,400,000']]),
      pad([[0, '2015/16'], [58, '£9,870,000']]),
      '',
      '',
      'b) Authorisation and signoff',
    ];
    const [table] = tablesOf(extractText(lines.join('\n'), 'txt'));
    const rows = table.kind === 'table' ? table.rows.map((r) => r.cells.map((c) => c.text.replace(/\n/g, ' ')).filter((t) => t !== '')) : [];
    expect(rows).toContainEqual(['Minimum required value of BCF pooled budget: 2014/15', '£1,250,000']);
    expect(rows).toContainEqual(['2015/16', '£9,870,000']);
    expect(rows).toContainEqual(['Total agreed value of pooled budget: 2014/15', '£3,400,000']);
  });
});

describe('a header repeated at the foot of a page, its rows on the next', () => {
  it('reads the header with the next page\'s rows, so its one-line cells find their columns', () => {
    const a = [0, 30, 46, 70, 84];
    const b = [0, 24, 38, 70, 82];
    const header = (o: number[]) => [
      pad([[o[1], 'How likely is'], [o[3], 'Overall']]),
      pad([[o[0], 'There is a risk that:'], [o[1], 'the risk to'], [o[2], 'Potential impact'], [o[3], 'risk'], [o[4], 'Mitigating Actions']]),
      pad([[o[1], 'materialise?'], [o[3], 'factor']]),
    ];
    const row = (o: number[], desc: string[], l: string, impact: string[], score: string, mit: string[]) => [
      pad([[o[0], desc[0]], [o[2], impact[0]], [o[4], mit[0]]]),
      pad([[o[0], desc[1]], [o[1], l], [o[2], impact[1]], [o[3], score], [o[4], mit[1]]]),
      pad([[o[0], desc[2]], [o[2], impact[2]], [o[4], mit[2]]]),
    ];
    const lines = [
      'a) Risk log',
      '',
      ...header(a),
      ...row(a, ['Hospital activity does', 'not fall at the rate', 'the plan assumes'], '4', ['5 Cost pressure on', 'commissioners and', 'providers'], '20 High', ['Monthly review', 'by the programme', 'board']),
      ...row(a, ['Providers cannot recruit', 'enough reablement', 'staff in time'], '3', ['4 Delays to new', 'community services', 'for patients'], '12 Medium', ['Joint workforce', 'plan with local', 'colleges']),
      ...header(b),
      `\f${row(b, ['Data sharing agreements', 'are not signed', 'before the go-live'], '2', ['3 Care records stay', 'separate for', 'another year'], '6 Low', ['Governance group', 'meets every', 'fortnight'])[0]}`,
      ...row(b, ['Data sharing agreements', 'are not signed', 'before the go-live'], '2', ['3 Care records stay', 'separate for', 'another year'], '6 Low', ['Governance group', 'meets every', 'fortnight']).slice(1),
      ...row(b, ['Winter demand exceeds', 'the beds the plan', 'provides for'], '4', ['4 Longer stays in', 'hospital for older', 'people'], '16 High', ['Escalation beds', 'agreed with the', 'trust']),
      '',
      '',
      'b) Contingency plan',
    ];
    const risks = risksOf(extractText(lines.join('\n'), 'txt'));
    expect(risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating])).toEqual([
      ['Hospital activity does not fall at the rate the plan assumes', 4, 5, 20, 'high'],
      ['Providers cannot recruit enough reablement staff in time', 3, 4, 12, 'medium'],
      ['Data sharing agreements are not signed before the go-live', 2, 3, 6, 'low'],
      ['Winter demand exceeds the beds the plan provides for', 4, 4, 16, 'high'],
    ]);
  });
});

describe('a table ending at the foot of a page', () => {
  it('ends where the next page opens with a numbered heading, not a cut row', () => {
    const lines = [
      'a) Summary of Plan',
      pad([[0, 'Local Authority'], [22, 'Northmoor Borough Council']]),
      pad([[0, 'Date submitted:'], [22, '04/04/14']]),
      pad([[0, 'Minimum required'], [22, '£1,250,000']]),
      pad([[0, 'Total agreed value'], [22, '£3,400,000']]),
      '\fb) Authorisation and signoff',
      pad([[0, 'Signed on behalf of the Clinical Commissioning Group']]),
      pad([[0, 'By'], [58, 'Jo Bloggs']]),
      pad([[0, 'Position'], [58, 'Chair']]),
      pad([[0, 'Date'], [58, '01.04.14']]),
    ];
    const doc = extractText(lines.join('\n'), 'txt');
    const [first] = tablesOf(doc);
    const text = first.kind === 'table' ? first.rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' ') : '';
    expect(text).toContain('£3,400,000');
    expect(text).not.toContain('Authorisation');
    expect(doc.blocks.some((b) => b.kind !== 'table' && 'text' in b && b.text === 'b) Authorisation and signoff')).toBe(true);
  });
});

describe('words cut at a narrow cell\'s edge', () => {
  it('rejoins the cut end written under the word one or two lines down, keeping the other columns in place', () => {
    const lines = [
      pad([[0, 'There is a risk that:'], [24, 'How likely'], [40, 'Overal'], [50, 'Mitigating Actions']]),
      pad([[24, 'materialis'], [40, 'l risk']]),
      pad([[0, 'Staff cannot be found'], [24, 'e?'], [40, 'Mediu'], [50, 'Joint recruitment']]),
      pad([[50, 'with the college']]),
      pad([[40, 'm']]),
    ];
    const out = rejoinCutWords(lines);
    expect(out[0]).toBe(pad([[0, 'There is a risk that:'], [24, 'How likely'], [40, 'Overall'], [50, 'Mitigating Actions']]));
    expect(out[1]).toBe(pad([[24, 'materialise?'], [42, 'risk']]));
    expect(out[2]).toBe(pad([[0, 'Staff cannot be found'], [40, 'Medium'], [50, 'Joint recruitment']]));
    expect(out[4]).toBe('');
  });

  it('joins the cut end to the word right above it, not to one two lines up', () => {
    const lines = [pad([[37, 'Risk']]), pad([[0, 'Risk'], [37, 'ratin'], [46, 'Mitigating Actions']]), pad([[37, 'g']])];
    expect(rejoinCutWords(lines)).toEqual([pad([[37, 'Risk']]), pad([[0, 'Risk'], [37, 'rating'], [46, 'Mitigating Actions']]), '']);
  });

  it('leaves a short word that starts a cell\'s next line alone', () => {
    const lines = [pad([[0, 'Indicator'], [14, '184.6']]), pad([[0, 'of']]), pad([[0, 'admissions']])];
    expect(rejoinCutWords(lines)).toEqual(lines);
  });
});

describe('a rating centred in a narrow column, left of its edge', () => {
  it('after the risk text, with the actions one space after it: the rating to its column, the words after to the actions', () => {
    const lines = [
      'a) Risk log',
      '',
      pad([[41, 'Risk']]),
      pad([[0, 'Risk'], [41, 'rating'], [50, 'Mitigating Actions']]),
      pad([[0, 'Partners cannot pool the agreed'], [41, 'High'], [46, 'Agree the pooled amounts']]),
      pad([[0, 'share of their budgets'], [46, 'at the joint board']]),
      pad([[48, 'before the year starts']]),
      pad([[0, 'Demand for home care grows'], [46, 'Commission extra reablement']]),
      pad([[0, 'faster than the plan allows'], [37, 'Medium hours from the providers']]),
      pad([[0, 'for the winter'], [48, 'and review them weekly']]),
      pad([[0, 'The new data system is late'], [41, 'Low'], [47, 'Keep the current records']]),
      pad([[0, 'for the teams'], [47, 'until it is tested']]),
      '',
      '',
      'b) Contingency plan',
    ];
    const risks = risksOf(extractText(lines.join('\n'), 'txt'));
    expect(risks.map((r) => [r.description, r.rating])).toEqual([
      ['Partners cannot pool the agreed share of their budgets', 'high'],
      ['Demand for home care grows faster than the plan allows for the winter', 'medium'],
      ['The new data system is late for the teams', 'low'],
    ]);
    expect(risks[1].mitigation).toContain('hours from the providers');
  });
});

describe('a table ending before a numbered heading after one blank line', () => {
  it('ends at the heading; the table takes no line after it', () => {
    const lines = [
      'a) Summary of Plan',
      pad([[0, 'Local Authority'], [22, 'Northmoor Borough Council']]),
      pad([[0, 'Minimum required'], [22, '£1,250,000']]),
      pad([[0, 'Total agreed value'], [36, '£3,400,0']]),
      pad([[0, 'budget: 2014/15'], [36, '00']]),
      '',
      'b) Authorisation and signoff',
      pad([[0, 'Signed on behalf of the Council']]),
      pad([[0, 'By'], [44, 'Jo Bloggs']]),
      pad([[0, 'Position'], [44, 'Chair']]),
    ];
    const doc = extractText(lines.join('\n'), 'txt');
    const [first] = tablesOf(doc);
    const text = first.kind === 'table' ? first.rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' ') : '';
    expect(text).not.toContain('Authorisation');
    expect(doc.blocks.some((b) => b.kind !== 'table' && 'text' in b && b.text === 'b) Authorisation and signoff')).toBe(true);
  });
});

describe('a value typeset one space after its label on a table\'s first line', () => {
  it('takes the line into the table, the value in the column where the values below start', () => {
    const lines = [
      'Date submitted:',
      '01/04/14',
      '',
      'Minimum required 2014/15',
      pad([[23, '£2,000,000']]),
      'value',
      pad([[0, 'of BCF pooled'], [21, '2015/16']]),
      pad([[27, '£7,500,000']]),
      'budget',
      pad([[0, 'Total proposed'], [21, '2014/15']]),
      pad([[27, '£2,000,000']]),
      '',
      '',
      'b) Authorisation and signoff',
    ];
    const [table] = tablesOf(extractText(lines.join('\n'), 'txt'));
    expect(table.kind === 'table' && table.rows[0].cells.map((c) => c.text.split('\n')[0])).toEqual(['Minimum required', '2014/15']);
  });

  it('leaves a sentence ending in a year before a table alone', () => {
    const lines = [
      'The board agreed the plan in 2014/15',
      pad([[0, 'Scheme'], [30, '2014/15'], [44, '2015/16']]),
      pad([[0, 'Falls response'], [30, '£10,000'], [44, '£12,000']]),
      pad([[0, 'Home first'], [30, '£20,000'], [44, '£22,000']]),
    ];
    const doc = extractText(lines.join('\n'), 'txt');
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: 'The board agreed the plan in 2014/15' });
  });
});

describe('rows of a log page whose scores sit a line above or below their likelihood', () => {
  // A page of a log continued after its header: the page opens with the end of a row cut by the break (in the impact
  // column only); each row's text, impact and actions are centred at their own heights around the scores.
  const page = [
    pad([[24, 'How likely is'], [74, 'Overall']]),
    pad([[0, 'There is a risk that:'], [24, 'the risk to'], [38, 'Potential impact'], [74, 'risk'], [85, 'Mitigating Actions']]),
    pad([[24, 'materialise?'], [74, 'factor']]),
    pad([[39, 'contracts that are not met']]),
    pad([[39, 'on time by the providers']]),
    pad([[39, '5 Staff shortages in the'], [85, 'Monitoring at a senior level']]),
    pad([[39, 'new community teams while'], [85, 'through the joint board and']]),
    pad([[0, 'Recruitment of'], [39, 'the schemes start up mean'], [85, 'a workforce plan with the']]),
    pad([[0, 'qualified staff'], [39, 'agency costs for the'], [85, 'local colleges and trusts']]),
    pad([[24, '4'], [73, '20 High']]),
    pad([[0, 'falls behind plan'], [39, 'commissioners this year'], [85, 'reviewed every quarter']]),
    pad([[39, '4 Carers report worse'], [85, 'Monthly monitoring at a']]),
    pad([[0, 'Partners do not sign'], [39, 'outcomes and staff are'], [85, 'senior level through the']]),
    pad([[0, 'up to the new ways'], [39, 'less satisfied with the'], [85, 'chief officers group']]),
    pad([[71, '8']]),
    pad([[0, 'of working agreed'], [24, '2'], [39, 'Organisation and system'], [85, 'and the partners']]),
    pad([[71, 'Medium']]),
    pad([[0, 'for the schemes'], [39, 'fails to deliver savings'], [85, 'of the board']]),
    pad([[0, 'Service users and']]),
    pad([[0, 'Carers resist the'], [85, 'Engagement plan with']]),
    pad([[0, 'change in services'], [39, '3 Less satisfied users'], [73, '9'], [85, 'the user groups which']]),
    pad([[24, '3']]),
    pad([[0, 'that the plan needs'], [39, 'Organisations:'], [73, 'Medium'], [85, 'has already started']]),
    pad([[0, 'Services for'], [85, 'broadly']]),
    pad([[0, 'Everyone']]),
  ];
  it('pairs each row\'s figures with its own row, not with the entries of another column that happen to be as many', () => {
    const text = ['a) Risk log', '', ...page, '', '', 'b) Contingency plan'].join('\n');
    const risks = risksOf(extractText(text, 'txt'));
    expect(risks.map((r) => [r.likelihood, r.score, r.rating])).toEqual([
      [4, 20, 'high'],
      [2, 8, 'medium'],
      [3, 9, 'medium'],
    ]);
    expect(risks[0].description).toBe('Recruitment of qualified staff falls behind plan');
    expect(risks[1].description.startsWith('Partners do not sign up to the new ways of working agreed for the schemes')).toBe(true);
  });
});

describe('an impact cell opening above the line where its row starts', () => {
  it('goes to its row: a second scored opening in one row\'s cell is the next row\'s', () => {
    const o = [0, 32, 46, 70, 84];
    const lines = [
      'a) Risk log',
      '',
      pad([[o[0], 'There is a risk that:'], [o[1], 'How likely'], [o[2], 'Potential impact'], [o[3], 'Overall risk'], [o[4], 'Mitigating Actions']]),
      pad([[o[0], 'Hospital activity does'], [o[2], '5 Cost pressure on'], [o[4], 'Monthly review']]),
      pad([[o[0], 'not fall as planned'], [o[1], '4'], [o[2], 'Commissioners and'], [o[3], '20 High'], [o[4], 'by the board']]),
      pad([[o[0], 'over the winter'], [o[2], 'Providers'], [o[4], 'and partners']]),
      // The next row's impact cell, centred, opens a line above the row's own text.
      pad([[o[0], 'this year'], [o[2], '4 Delays to new']]),
      pad([[o[0], 'Providers cannot recruit'], [o[2], 'Community services'], [o[4], 'Joint workforce']]),
      pad([[o[0], 'enough staff'], [o[1], '3'], [o[2], 'for Patients'], [o[3], '12 Medium'], [o[4], 'plan with the']]),
      pad([[o[0], 'for the teams'], [o[2], 'and Carers'], [o[4], 'colleges']]),
      pad([[o[0], 'Data sharing is late'], [o[2], '3 Records stay'], [o[4], 'Governance group']]),
      pad([[o[0], 'for the new system'], [o[1], '2'], [o[2], 'Separate'], [o[3], '6 Low'], [o[4], 'meets monthly']]),
      pad([[o[0], 'in the hospital'], [o[2], 'for Staff'], [o[4], 'with the trust']]),
      '',
      '',
      'b) Contingency plan',
    ];
    const risks = risksOf(extractText(lines.join('\n'), 'txt'));
    expect(risks.map((r) => [r.description, r.likelihood, r.impact, r.score])).toEqual([
      ['Hospital activity does not fall as planned over the winter this year', 4, 5, 20],
      ['Providers cannot recruit enough staff for the teams', 3, 4, 12],
      ['Data sharing is late for the new system in the hospital', 2, 3, 6],
    ]);
  });
});

describe('an expenditure table whose rows a writer pads apart with blank lines', () => {
  // Scheme Name | Brief Description | Area of Spend | Commissioner | Provider | Source of Funding | Expenditure |
  // New/Existing, each row a block centred on its figure line, a blank line between rows. A scheme name wrapped so
  // its last line stands alone at the margin just before the blank ("Teams") is not a heading after the table.
  const lines = [
    'Spending Plan',
    '',
    '',
    pad([[0, 'Scheme Name'], [16, 'Brief'], [30, 'Area of'], [44, 'Commissioner'], [58, 'Provider'], [70, 'Source of'], [84, 'Expenditure'], [98, 'New/ Existing']]),
    pad([[16, 'Description'], [30, 'Spend'], [70, 'Funding'], [84, '(£)'], [98, 'Scheme']]),
    '',
    pad([[16, 'Home visits']]),
    pad([[0, 'Falls Response'], [16, 'after a fall'], [30, 'Community'], [44, 'CCG'], [58, 'NHS'], [70, 'Minimum'], [84, '£412,300'], [98, 'Existing']]),
    pad([[0, 'Night'], [16, 'at night'], [30, 'Health'], [70, 'Contribution']]),
    pad([[0, 'Teams']]),
    '',
    pad([[0, 'Warm Homes'], [16, 'Small repairs'], [30, 'Social'], [44, 'LA'], [58, 'Local'], [70, 'Minimum'], [84, '£95,120'], [98, 'New']]),
    pad([[0, 'Service'], [16, 'and heating'], [30, 'Care'], [58, 'Authority'], [70, 'Contribution']]),
    '',
    pad([[0, 'Carer Breaks'], [16, 'Short breaks'], [30, 'Social'], [44, 'LA'], [58, 'Charity'], [70, 'Minimum'], [84, '£60,000'], [98, 'Existing']]),
    pad([[16, 'for carers'], [30, 'Care'], [70, 'Contribution']]),
    '',
    '',
    'Next steps',
  ];

  it('reads every scheme into one table', () => {
    const doc = extractText(lines.join('\n'), 'txt');
    expect(tablesOf(doc)).toHaveLength(1);
    const schemes = extractSchemes(doc, noSections).value;
    expect(schemes.map((s) => s.name)).toEqual(['Falls Response Night Teams', 'Warm Homes Service', 'Carer Breaks']);
  });
});

describe('rows padded apart by blank lines, their cells centred on the figure line, with no header above them', () => {
  // Scheme Name | Brief Description | Area of Spend | Commissioner | Provider | Source of Funding | Expenditure |
  // New/Existing: every row's cells centred on its amount, so a description opens lines above the name, the name's
  // lines alternate with other cells' lines and go on below the amount. With no header to read the columns from
  // (the rows of a page after the header's), a blank line between rows is the only sure bound of a row.
  const block = (name: string[], desc: string[], area: string[], amount: string) => [
    pad([[16, desc[0]]]),
    pad([[16, desc[1]]]),
    pad([[0, name[0]], [58, 'Minimum']]),
    pad([[16, desc[2]], [32, area[0]], [48, 'Private']]),
    pad([[0, name[1]], [42, 'CCG'], [58, 'NHS'], [71, amount], [82, 'Existing']]),
    pad([[16, desc[3]], [32, area[1]], [48, 'Sector']]),
    pad([[0, name[2]], [58, 'Contribution']]),
    pad([[16, desc[4]]]),
    pad([[16, desc[5]]]),
    '',
  ];
  const lines = [
    ...block(['Falls', 'Response', 'Service'], ['Visits to', 'people who', 'have fallen', 'at home by', 'a trained', 'responder'], ['Community', 'Health'], '£318,400'),
    ...block(['Warm', 'Homes', 'Repairs'], ['Small', 'works to', 'keep homes', 'warm and', 'safe for', 'residents'], ['Social', 'Care'], '£72,950'),
    ...block(['Carer', 'Break', 'Fund'], ['Short', 'breaks', 'for unpaid', 'carers in', 'each of', 'the towns'], ['Social', 'Care'], '£41,000'),
    ...block(['Night', 'Sitting', 'Team'], ['Care', 'through', 'the night', 'for people', 'at the end', 'of life'], ['Community', 'Health'], '£152,000'),
    ...block(['Home', 'Meals', 'Round'], ['Hot', 'meals', 'brought', 'to homes', 'on every', 'weekday'], ['Social', 'Care'], '£28,500'),
    ...block(['Link', 'Worker', 'Hub'], ['Staff', 'who link', 'people to', 'groups', 'near where', 'they live'], ['Social', 'Care'], '£64,200'),
    '',
    'Next steps',
  ];

  it('reads each block between blank lines as one row', () => {
    const doc = extractText(lines.join('\n'), 'txt');
    const tables = tablesOf(doc);
    expect(tables).toHaveLength(1);
    const rows = tables[0].kind === 'table' ? tables[0].rows : [];
    expect(rows.map((r) => r.cells[0].text.replace(/\n/g, ' '))).toEqual(['Falls Response Service', 'Warm Homes Repairs', 'Carer Break Fund', 'Night Sitting Team', 'Home Meals Round', 'Link Worker Hub']);
    expect(rows.map((r) => /£[\d,]+/.exec(r.cells.map((c) => c.text).join(' '))?.[0])).toEqual(['£318,400', '£72,950', '£41,000', '£152,000', '£28,500', '£64,200']);
  });
});
