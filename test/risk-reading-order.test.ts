// Risk logs in the raw reading order of Chromium's PDFs (pdftotext without -layout), failure class 7 of
// ../shared/spec/tables.md: a row's cells whose baselines differ a little come out line by line in one group, and a
// cell whose last line has no blank line after it runs into the next row's risk. The 2014 original log's shape
// ("Risk | Risk rating | Mitigating Actions"); every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import { isRiskClause } from '../src/fields/risks/typedLogLines.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

const HEADER = ['Risk', '', 'Risk', 'rating', '', 'Mitigating Actions', ''];

const risksOf = (lines: string[]) =>
  extractRisks(extractText([...HEADER, ...lines].join('\n'), 'txt'), noSections).value.map((r) => [r.description, r.rating, r.mitigation]);

describe('risk log in Chromium\'s raw reading order: a row\'s risk and actions interleaved line by line', () => {
  it('two cells of equal length alternate from the top, the rating glued inside; the next risk follows without a blank line', () => {
    const risks = risksOf([
      'Partners cannot release the',
      'planned share of their budgets',
      '',
      'High',
      '',
      'Phased transfer agreed by the',
      'programme board, reviewed monthly',
      '',
      'Delays to the new county hospital',
      'Staged investment in community',
      'wing shift demand onto the',
      'Medium teams with shared targets and',
      'community services before the',
      'monthly reviews of the waiting lists with',
      'new beds are ready',
      'the board',
      'Recruitment of care workers falls short',
      'of the levels the plan assumes',
      '',
      'High',
      '',
      'Joint recruitment campaign with',
      'local colleges and providers',
      '',
    ]);
    expect(risks).toEqual([
      ['Partners cannot release the planned share of their budgets', 'high', 'Phased transfer agreed by the programme board, reviewed monthly'],
      [
        'Delays to the new county hospital wing shift demand onto the community services before the new beds are ready',
        'medium',
        'Staged investment in community teams with shared targets and monthly reviews of the waiting lists with the board',
      ],
      ['Recruitment of care workers falls short of the levels the plan assumes', 'high', 'Joint recruitment campaign with local colleges and providers'],
    ]);
  });

  it('a short risk centred beside long actions: its lines alternate with the middle of theirs', () => {
    const risks = risksOf([
      'Partners cannot release the',
      'planned share of their budgets',
      '',
      'High',
      '',
      'Phased transfer agreed by the',
      'programme board, reviewed monthly',
      '',
      'Programme office tracks every',
      'scheme against its milestones.',
      'Escalation to the joint board',
      'Slow take-up of the new offer',
      'Medium two months behind plan,',
      'by older residents',
      'with a recovery plan agreed',
      'within four weeks.',
      '',
    ]);
    expect(risks).toEqual([
      ['Partners cannot release the planned share of their budgets', 'high', 'Phased transfer agreed by the programme board, reviewed monthly'],
      [
        'Slow take-up of the new offer by older residents',
        'medium',
        'Programme office tracks every scheme against its milestones. Escalation to the joint board two months behind plan, with a recovery plan agreed within four weeks.',
      ],
    ]);
  });

  it('one cell listing its points a line each, its rating glued inside, is not read as two', () => {
    const risks = risksOf([
      'Practices cannot take on the',
      'new work in the time planned',
      '',
      'Joint commissioning proposals',
      'Engagement of local practices',
      'High in all service changes',
      'Practices to pilot a scheme for',
      'Shared care records in',
      'every practice.',
      '',
    ]);
    expect(risks).toEqual([
      [
        'Practices cannot take on the new work in the time planned',
        'high',
        'Joint commissioning proposals Engagement of local practices in all service changes Practices to pilot a scheme for Shared care records in every practice.',
      ],
    ]);
  });

  // A guard on the cut above: it holds with or without it.
  it('a cell\'s second paragraph after a full stop stays in the cell', () => {
    const risks = risksOf([
      'Partners cannot release the',
      'planned share of their budgets',
      '',
      'High',
      '',
      'Phased transfer agreed by the board.',
      'Review of the transfer each quarter',
      'with every partner',
      '',
      'Providers cannot recruit the staff the',
      'new services need',
      '',
      'Low',
      '',
      'Agency cover agreed for the first year',
      'of the new services',
      '',
    ]);
    expect(risks).toEqual([
      ['Partners cannot release the planned share of their budgets', 'high', 'Phased transfer agreed by the board. Review of the transfer each quarter with every partner'],
      ['Providers cannot recruit the staff the new services need', 'low', 'Agency cover agreed for the first year of the new services'],
    ]);
  });
});

describe('risk log in Chromium\'s raw reading order: pieces of cells', () => {
  it('a piece opening a group in lower case, cut off before the next risk, goes on from the risk above', () => {
    const risks = risksOf([
      'Money for the fund is already committed to',
      'existing services, so it cannot',
      '',
      'Low',
      '',
      'Recommission services at lower cost to',
      'pay for the new community offer',
      '',
      'fund new activity',
      'Delays to the county hospital wing',
      'move demand onto community teams',
      '',
      'Medium',
      '',
      'Staged investment in the community',
      'teams, reviewed monthly',
      '',
    ]);
    expect(risks).toEqual([
      [
        'Money for the fund is already committed to existing services, so it cannot fund new activity',
        'low',
        'Recommission services at lower cost to pay for the new community offer',
      ],
      ['Delays to the county hospital wing move demand onto community teams', 'medium', 'Staged investment in the community teams, reviewed monthly'],
    ]);
  });

  it('a row opening the log mid-sentence goes on from a row before it: no risk of its own', () => {
    const risks = risksOf([
      'commissioning of the new',
      'services is delayed',
      '',
      'Low',
      '',
      'continued review by the',
      'programme board',
      '',
      'Partners cannot release the',
      'planned share of their budgets',
      '',
      'High',
      '',
      'Phased transfer agreed by the',
      'programme board, reviewed monthly',
      '',
    ]);
    expect(risks).toEqual([['Partners cannot release the planned share of their budgets', 'high', 'Phased transfer agreed by the programme board, reviewed monthly']]);
  });
});

/** The 2014 revised log's header in reading order, its score and mitigation cells' lines interleaved by baseline. */
const REVISED_LOG_HEADER = [
  'There is a risk that:',
  '',
  'How likely is',
  'the risk to',
  'materialise?',
  '',
  'Potential impact',
  '',
  'Overall risk',
  'Mitigating Actions',
  'factor',
  '',
];

describe('2014 revised risk log in reading order: a rated impact read into the risk column', () => {
  it('a row whose risk text went elsewhere, its impact ("4 Fewer providers …") in the risk column, is no risk', () => {
    const text = [
      ...REVISED_LOG_HEADER,
      'Providers cannot recruit',
      'enough reablement staff',
      '3',
      'in the first year',
      '',
      '4 Fewer people return',
      'home after a stay in',
      '12 Medium',
      'hospital, at extra cost',
      '',
      'Joint workforce plan',
      'with local colleges',
      '',
      '2',
      '',
      '4 Fewer providers bid',
      'for the new contracts',
      '',
      'Market shaping plan',
      'with the providers',
      '',
      '8 Medium',
      '',
      'reviewed each quarter',
      'by the board',
      '',
    ].join('\n');
    const risks = extractRisks(extractText(text, 'txt'), noSections).value;
    expect(risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating])).toEqual([
      ['Providers cannot recruit enough reablement staff in the first year', 3, 4, 12, 'medium'],
    ]);
  });
});

describe('2014 revised risk log in reading order: a row cut by a page break', () => {
  it('the second half, with only the likelihood its first half lacks, leaves the rating read from the score cell', () => {
    const page1 = [
      ...REVISED_LOG_HEADER,
      'Providers cannot recruit',
      'enough reablement staff',
      '',
      '4 Fewer people return',
      'home after a stay in',
      '12 Medium',
      'hospital, at extra cost',
      '',
      'Joint workforce plan',
      'with local colleges',
      '',
    ];
    const page2 = [...REVISED_LOG_HEADER, 'in the first two years', '', '3', ''];
    const text = [...page1, `\f${page2[0]}`, ...page2.slice(1)].join('\n');
    const risks = extractRisks(extractText(text, 'txt'), noSections).value;
    expect(risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating])).toEqual([
      ['Providers cannot recruit enough reablement staff in the first two years', 3, 4, 12, 'medium'],
    ]);
  });
});

describe('2014 revised risk log in reading order: a likelihood glued to the end of a line of the risk', () => {
  it('"… homes close 3" / "faster than …": the row\'s one figure for its empty likelihood; "… a 5" / "year plan" in a rated row stays text', () => {
    const text = [
      ...REVISED_LOG_HEADER,
      'Care homes across the county close 3',
      'faster than the plan assumes',
      '',
      '4 Fewer people return',
      'home after a stay in',
      '12 Medium',
      'hospital, at extra cost',
      '',
      'Joint workforce plan',
      'with local colleges',
      '',
      'Partners do not agree a 5',
      'year plan for the services',
      '',
      '2',
      '',
      '4 Services change',
      'slower than planned',
      '8 Medium',
      '',
      'Quarterly review by the',
      'programme board',
      '',
    ].join('\n');
    const risks = extractRisks(extractText(text, 'txt'), noSections).value;
    expect(risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating])).toEqual([
      ['Care homes across the county close faster than the plan assumes', 3, 4, 12, 'medium'],
      ['Partners do not agree a 5 year plan for the services', 2, 4, 8, 'medium'],
    ]);
  });
});

// The 2014 revised log ("There is a risk that: | How likely … | Potential impact … | Overall risk factor | Mitigating
// Actions") in pdftotext's raw reading order: a risk cell printed above its row's other cells comes out after the row
// above's scores, and the row's actions and rated impact, interleaved by baseline, take its place.
describe('revised risk log read raw: a risk cell moved into the row above, placed back by what the cells hold', () => {
  it('the risk cell holding a rated impact whose product with the likelihood is the score is the row\'s impact', () => {
    const doc = extractText(
      [
      'There is a risk that:',
      '',
      'How likely is',
      'the risk to',
      'materialise?',
      '',
      'Potential impact',
      '',
      'Please rate on',
      'a scale of 1-5',
      'with 1 being',
      'very unlikely',
      'and 5 being',
      'very likely',
      '',
      'Overall risk',
      'Mitigating Actions',
      'factor',
      '',
      'Hospital discharges do not',
      'fall at the rate the plan',
      'expects because the new',
      'teams start late',
      '4',
      'and winter demand rises',
      '',
      '5 Fewer admissions are',
      'expected by the partners in',
      'the first year. A late start',
      '20 High',
      'would raise the costs',
      'of the council',
      '',
      'The current leases of',
      'the community clinics',
      'block the move of services',
      '',
      'Shared estates board',
      '3 Partners lose',
      'reviewing the leases',
      'income from the clinics',
      '12 Medium with landlords and',
      'and must cover it',
      'agreeing new terms.',
      '',
      'There is a risk that:',
      '',
      '4',
      '',
      'How likely is',
      'the risk to',
      'Potential impact',
      'materialise?',
      '',
      'Weekly review of the',
      'discharge figures by the',
      'joint board',
      '',
      'Volunteer numbers fall',
      '2',
      'after the grant ends',
      '',
      '4 Fewer people get help',
      'at home after a stay',
      '',
      '8 Medium',
      'Recruitment drive with the',
      'volunteer centre.',
      ].join('\n'),
      'txt',
    );
    const risks = extractRisks(doc, noSections).value.map((r) => [r.description.split(' ').slice(0, 4).join(' '), r.likelihood, r.impact, r.score]);
    expect(risks).toEqual([
      ['Hospital discharges do not', 4, 5, 20],
      ['The current leases of', 4, 3, 12],
      ['Volunteer numbers fall after', 2, 4, 8],
    ]);
  });
});

// The same log in the raw text of Chromium's PDFs: header cells scattered among the rows, a row's figures printed
// away from its risk (the first row's likelihood and impact before the header's first cell, a likelihood glued to the
// next row's risk, a score inside an impact cell). No order holds the rows; what the cells hold does.
/** A 2014 revised log as Chromium's print reads raw: header cells among the rows, the first two rows' cells out of order. */
const CHROMIUM_LOG_FIRST_ROWS = [
  'How likely is',
  'the risk to',
  'materialise?',
  '',
  'Potential impact',
  '',
  'Overall',
  'risk factor',
  '',
  'Please rate on',
  'a scale of 1-5',
  '',
  '4',
  '',
  '5 Fewer discharges',
  'happen before noon and',
  'beds stay full',
  '',
  'There is a risk that:',
  '',
  'Discharge teams do not',
  'reach the planned',
  'numbers by winter',
  '',
  'The leases of the',
  'community clinics are',
  'not renewed in time',
  '3',
  '',
  '20 High',
  '',
  'Weekly review of the',
  'discharge figures by',
  'the joint board',
  '',
  '4 Services move to',
  'less suitable rooms',
  '12',
  'Medium',
  '',
  'Shared estates board',
  'agreeing new terms.',
  '',
];

describe('revised risk log read raw from Chromium: rows placed by what their cells hold', () => {
  it('risks are clauses; likelihood x impact = score ties each row\'s scattered figures', () => {
    const doc = extractText(
      [
        ...CHROMIUM_LOG_FIRST_ROWS,
        'Mitigating Actions',
        '',
        'Volunteer numbers',
        'may fall after the grant',
        'ends',
        '',
        '2',
        '',
        '4 Fewer people get help',
        'at home after a stay',
        '',
        '8 Medium Recruitment drive with the',
        'volunteer centre.',
      ].join('\n'),
      'txt',
    );
    const risks = extractRisks(doc, noSections).value.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating]);
    expect(risks).toEqual([
      ['Discharge teams do not reach the planned numbers by winter', 4, 5, 20, 'high'],
      ['The leases of the community clinics are not renewed in time', 3, 4, 12, 'medium'],
      ['Volunteer numbers may fall after the grant ends', 2, 4, 8, 'medium'],
    ]);
  });
});

describe('revised risk log read raw from Chromium: a risk holding its row\'s likelihood', () => {
  it('a risk whose lines hold a likelihood is that row\'s, though the order put it before the row above\'s risk', () => {
    const doc = extractText(
      [
        'How likely is',
        'the risk to',
        'materialise?',
        '',
        'Potential impact',
        '',
        'Overall',
        'risk factor',
        '',
        'Please rate on',
        'a scale of 1-5',
        '',
        '4',
        '',
        '5 Fewer discharges',
        'happen before noon and',
        'beds stay full',
        '',
        // The second row's risk, its likelihood on the baseline of its second line, read before the first row's.
        'The leases of the',
        'community clinics are',
        '3',
        'not renewed in time',
        '',
        '4 Services move to',
        'less suitable rooms',
        '',
        'There is a risk that:',
        '',
        'Discharge teams do not',
        'reach the planned',
        'numbers by winter',
        '',
        '20 High',
        '',
        'Weekly review of the',
        'discharge figures by',
        'the joint board',
        '',
        '12',
        'Medium',
        '',
        'Shared estates board',
        'agreeing new terms.',
        '',
        'Mitigating Actions',
        '',
        'Volunteer numbers',
        'may fall after the grant',
        'ends',
        '',
        '2',
        '',
        '4 Fewer people get help',
        'at home after a stay',
        '',
        '8 Medium Recruitment drive with the',
        'volunteer centre.',
      ].join('\n'),
      'txt',
    );
    const risks = extractRisks(doc, noSections).value.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating]);
    expect(risks).toEqual([
      ['The leases of the community clinics are not renewed in time', 3, 4, 12, 'medium'],
      ['Discharge teams do not reach the planned numbers by winter', 4, 5, 20, 'high'],
      ['Volunteer numbers may fall after the grant ends', 2, 4, 8, 'medium'],
    ]);
  });
});

describe('2014 revised risk log in reading order: an impact rated with no text beside it', () => {
  it('a lone scale after the likelihood its risk holds is the row\'s potential impact, not the next row\'s likelihood', () => {
    const text = [
      ...REVISED_LOG_HEADER,
      'Care homes across the county',
      'close faster than the plan',
      '3',
      'assumes for the two years',
      '',
      '4 Fewer people return',
      'home after a stay in',
      '12 Medium',
      'hospital, at extra cost',
      '',
      'Joint workforce plan',
      'with local colleges',
      '',
      'Shared records are not',
      'in place across the',
      '4',
      'partners by the spring',
      '',
      '4',
      '',
      'Data sharing agreement',
      'signed by every partner',
      '16 High and a joint',
      'records board',
      '',
    ].join('\n');
    const risks = extractRisks(extractText(text, 'txt'), noSections).value;
    expect(risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating])).toEqual([
      ['Care homes across the county close faster than the plan assumes for the two years', 3, 4, 12, 'medium'],
      ['Shared records are not in place across the partners by the spring', 4, 4, 16, 'high'],
    ]);
  });
});

describe('2014 revised risk log in reading order: a risk printed after its row\'s other cells', () => {
  it('a row read one text column left (rated impact as risk, actions as impact) takes back its risk from a row below\'s actions', () => {
    const text = [
      ...REVISED_LOG_HEADER,
      'Partners do not agree',
      'the pooled budget',
      '',
      '3',
      '',
      '4 Services change',
      'slower than planned',
      '',
      '12 Medium',
      '',
      'Quarterly review by the',
      'programme board',
      '',
      '4',
      '',
      '5 Services open late',
      'and cost more to run',
      '20 High',
      '',
      'Joint recruitment drive',
      'with the local colleges',
      '',
      'Volunteer numbers',
      'may fall after',
      '2',
      'the grant ends',
      '',
      '4 Fewer people get help',
      'at home after a stay',
      '',
      '8 Medium',
      '',
      'Carers are not recruited',
      'fast enough for the',
      'new services',
      '',
    ].join('\n');
    const risks = extractRisks(extractText(text, 'txt'), noSections).value;
    expect(risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating, r.mitigation])).toEqual([
      ['Partners do not agree the pooled budget', 3, 4, 12, 'medium', 'Quarterly review by the programme board'],
      ['Carers are not recruited fast enough for the new services', 4, 5, 20, 'high', 'Joint recruitment drive with the local colleges'],
      ['Volunteer numbers may fall after the grant ends', 2, 4, 8, 'medium', null],
    ]);
  });
});

describe('revised risk log read raw from Chromium: a row cut by a page break', () => {
  it('the cut row\'s rest under the header printed again, up to its last piece in lower case, holds no risk', () => {
    const doc = extractText(
      [
        ...CHROMIUM_LOG_FIRST_ROWS,
        'Volunteer numbers',
        'may fall after the',
        '',
        '2',
        '',
        '4 Fewer people get help',
        'at home. Services:',
        '',
        '8 Medium Recruitment drive with the',
        '',
        // The page breaks inside the third row: the header again, then the row's rest, column by column.
        'How likely is',
        'the risk to',
        'materialise?',
        '',
        'Potential impact',
        '',
        'Mitigating Actions',
        '',
        'grant ends',
        '',
        'Day centres will close earlier',
        'and carers take on more',
        'of the care at home',
        '',
        'volunteer centre.',
        '',
        'Partners do not agree',
        'the pooled budget',
        '',
        '3',
        '',
        '4 Services change',
        'slower than planned',
        '',
        '12 Medium',
        '',
        'Quarterly review by the',
        'programme board',
      ].join('\n'),
      'txt',
    );
    const risks = extractRisks(doc, noSections).value.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating]);
    expect(risks).toEqual([
      ['Discharge teams do not reach the planned numbers by winter', 4, 5, 20, 'high'],
      ['The leases of the community clinics are not renewed in time', 3, 4, 12, 'medium'],
      ['Volunteer numbers may fall after the', 2, 4, 8, 'medium'],
      ['Partners do not agree the pooled budget', 3, 4, 12, 'medium'],
    ]);
  });
});

describe('revised risk log read raw from Chromium: a risk named by its topic', () => {
  it('"Topic Name: description" is a risk though its description has no verb; an action opening "Monthly review:" is not', () => {
    expect(isRiskClause('Shared Records: local access for care staff subject to a regional protocol')).toBe(true);
    expect(isRiskClause('Monthly review: progress reported to the board')).toBe(false);
    const doc = extractText(
      [
        'How likely is',
        'the risk to',
        'materialise?',
        '',
        'Potential impact',
        '',
        'Overall',
        'risk factor',
        '',
        'Please rate on',
        'a scale of 1-5',
        '',
        '4',
        '',
        '5 Fewer discharges',
        'happen before noon and',
        'beds stay full',
        '',
        'There is a risk that:',
        '',
        'Discharge teams do not',
        'reach the planned',
        'numbers by winter',
        '',
        '20 High',
        '',
        'Weekly review of the',
        'discharge figures by',
        'the joint board',
        '',
        'Shared Records:',
        'local access for care staff',
        'subject to a regional protocol',
        '',
        '3',
        '',
        '4 Staff cannot see',
        'the care plans',
        '12',
        'Medium',
        '',
        'Interim sharing protocol',
        'agreed by the partners.',
        '',
        'Volunteer numbers',
        'may fall after the grant',
        'ends',
        '',
        '2',
        '',
        '4 Fewer people get help',
        'at home after a stay',
        '',
        '8 Medium Recruitment drive with the',
        'volunteer centre.',
      ].join('\n'),
      'txt',
    );
    const risks = extractRisks(doc, noSections).value.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating]);
    expect(risks).toEqual([
      ['Discharge teams do not reach the planned numbers by winter', 4, 5, 20, 'high'],
      ['Shared Records: local access for care staff subject to a regional protocol', 3, 4, 12, 'medium'],
      ['Volunteer numbers may fall after the grant ends', 2, 4, 8, 'medium'],
    ]);
  });
});
