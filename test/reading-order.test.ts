// Tables in pdftotext's reading order (no -layout), failure classes 4 and 7 of ../shared/spec/tables.md: cells
// come out one group of wrapped lines at a time, interleaved by baseline, with no column positions. Synthetic
// inputs in the templates' shapes; every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractBudgets } from '../src/fields/budgets/index.js';
import { extractSchemes } from '../src/fields/schemes/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';

import { SPENDING_HEADER } from './reading-order-shapes.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };


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
      'Sensory Support',
      '',
      'Advice for people with',
      'sight loss',
      '',
      'Social Care LA',
      '',
      'Minimum',
      'NHS',
      '£48,31',
      'Contribution',
      '',
      'Existing',
      '',
      '6',
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
      ['Sensory Support', 48316],
    ]);
    expect(extractSchemes(doc, noSections).value.map((s) => s.name)).toEqual(['Wheelchair Loans', 'Stroke Recovery', 'Warm Homes', 'Sensory Support']);
  });
});

describe('expenditure table in another writer\'s reading order: cells row by row, the header opening inside its title\'s group', () => {
  it('"Spending Plan 2022/23" / "Brief" / "Area of" / "Scheme Name Description of": the header still opens the table', () => {
    const text = [
      'Spending Plan 2022/23',
      'Brief',
      'Area of',
      'Scheme Name Description of',
      'Spend',
      'Scheme',
      '',
      'Commissioner Provider',
      '',
      'Source of',
      'Funding',
      '',
      'Expenditure New/ Existing',
      '(£)',
      'Scheme',
      '',
      'Wheelchair',
      'Loans',
      '',
      'Loan of chairs to',
      'people at home',
      '',
      'Social',
      'LA',
      'Care',
      '',
      'Private',
      'Sector',
      '',
      'DFG £1,482,307 Existing',
      '',
      'Stroke',
      'Recovery',
      '',
      'Therapy after a',
      'stroke',
      '',
      'Community',
      'CCG',
      'Health',
      '',
      'NHS',
      'Community',
      'Provider',
      '',
      'Minimum',
      'NHS',
      '£2,104,551 Existing',
      'Contribution',
      '',
      'Warm Homes',
      '',
      'Heating repairs',
      '',
      'Social Care LA',
      '',
      'iBCF £61,200 New',
      '',
    ].join('\n');
    const doc = extractText(text, 'txt');
    const spend = extractBudgets(doc, noSections).value.filter((b) => b.kind === 'scheme_spend');
    expect(spend.map((b) => [b.scheme, b.amountGbp])).toEqual([
      ['Wheelchair Loans', 1482307],
      ['Stroke Recovery', 2104551],
      ['Warm Homes', 61200],
    ]);
  });

  it('an annex\'s label block ("Scheme ref no." / "1" / "Scheme name") opens no spending plan: no header cells follow it', () => {
    const text = [
      'ANNEX 1 – Detailed Scheme Description',
      'Scheme ref no.',
      '1',
      'Scheme name',
      'Carers support',
      '',
      'Respite breaks for carers of people with dementia.',
      '',
      'We shall invest £300k of the fund in respite breaks.',
      '',
      'Short breaks avoid crises at home.',
      '',
      'The scheme avoids £200k of care packages a year.',
      '',
      'A drop-in centre for carers.',
      '',
      'Carers centre funding continues at £616k a year.',
      '',
    ].join('\n');
    const doc = extractText(text, 'txt');
    expect(extractBudgets(doc, noSections).value.filter((b) => b.kind === 'scheme_spend')).toEqual([]);
  });
});

/** The 2014 revised log's header in reading order, its third and fourth cells' lines interleaved by baseline. */
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

const brief = (m: { metric: string; period: string | null; kind: string; value: number; numerator: number | null; denominator: number | null }) =>
  `${m.metric} ${m.period} ${m.kind} ${m.value} ${m.numerator ?? '-'}/${m.denominator ?? '-'}`;

describe('annual metric tables in reading order (2022-23 planning template: "2020-21 Actual | 2021-22 Plan | 2021-22 estimated | 2022-23 Plan")', () => {
  it('a header stack in two parts with values between: the second part\'s periods are more columns, rows come in pieces', () => {
    // pdftotext read the label column and the first value column, then the rest: "2020- 202121" ("2021-" lost
    // its hyphen and met the "21" under "2020-"), "20222021-22" ("2022-" glued to a whole "2021-22"); a figure in
    // the wrapped label ("65 and over", "100,000") is no value.
    const text = [
      '8.4 Residential',
      'Admissions',
      '2020- 202121',
      '22',
      'Actual Plan',
      'Long-term',
      'support needs of',
      'older people (age',
      '65 and over) met',
      'by admission to',
      'Annual Rate 702.3',
      'residential and',
      'nursing care',
      'homes, per',
      '100,000',
      'population',
      'Numerator',
      '',
      '412',
      '',
      '20222021-22',
      '23',
      'estimated',
      'Plan',
      '',
      'Rationale for',
      'how ambition',
      'was set',
      '',
      '689.9',
      '',
      '711.8',
      '',
      '695.0',
      '',
      'Rates rose in the',
      'second half.',
      '',
      '405',
      '',
      '418',
      '',
      '408',
      '',
      'Denominato',
      '58,664 58,701 58,723',
      'r',
      '',
      'Local plan to meet',
      'ambition',
      '',
      '58,705',
      '',
      '8.5 Next table',
      '',
    ].join('\n');
    expect(extractMetrics(extractText(text, 'txt'), noSections).value.map(brief)).toEqual([
      'residential_admissions 2020-21 actual 702.3 412/58664',
      'residential_admissions 2021-22 plan 689.9 405/58701',
      'residential_admissions 2021-22 estimate 711.8 418/58723',
      'residential_admissions 2022-23 plan 695 408/58705',
    ]);
  });

  it('a whole year centred below the wrapped ones gives its kind first; "Plan was set" shares a line; a "%" cut off is no label', () => {
    const text = [
      '8.5 Reablement',
      '',
      'Proportion of older',
      '',
      'Annual (%)',
      '',
      '2020- 20212022- Rationale for',
      '2021-22',
      '21',
      '22',
      '23',
      'how ambition',
      'estimated',
      'Actual Plan',
      'Plan was set',
      '',
      'Local plan to meet ambition',
      '',
      '81.1% 79.0',
      '',
      'More reablement',
      '',
      '83.7%',
      '',
      '84.0',
      '',
      'At 85.0%',
      '',
      'people (65 and',
      'over) who were still',
      'at home 91 days',
      'after discharge',
      '',
      '%',
      '',
      'Numerator',
      '',
      '210',
      '',
      '640',
      '',
      '%',
      '',
      '700',
      '',
      'performance in',
      'the first quarter',
      '',
      '735',
      '',
      'Denominato',
      '259',
      '810 836',
      '875',
      'r',
      '',
    ].join('\n');
    expect(extractMetrics(extractText(text, 'txt'), noSections).value.map(brief)).toEqual([
      'reablement 2020-21 actual 81.1 210/259',
      'reablement 2021-22 plan 79 640/810',
      'reablement 2021-22 estimate 83.7 700/836',
      'reablement 2022-23 plan 84 735/875',
    ]);
  });
});

describe('row-wise figures in reading order (2014 revised provider annex)', () => {
  it('a question whose block opens with the tail of the cell above, a value whose bracketed note wrapped', () => {
    const text = [
      'For HWB to populate:',
      'Total',
      'number of',
      'non-elective 2013/14',
      'FFCEs in',
      'Outturn',
      'general &',
      'acute',
      '',
      '31250',
      '(All',
      'Providers',
      ')',
      '',
      '15/16',
      '',
      '-2.5%',
      '',
      'Change',
      'compared',
      'to planned',
      '14/15',
      'outturn',
      'How many',
      'nonelective',
      'admissions',
      'is the BCF',
      'planned to',
      'prevent in',
      '14-15?',
      '',
      '415 (this',
      'is the',
      'BCF for',
      'Quarter 4',
      '14/15)',
      '',
    ].join('\n');
    expect(extractMetrics(extractText(text, 'txt'), noSections).value.map(brief)).toEqual([
      'non_elective_admissions 2013-14 actual 31250 -/-',
      'non_elective_admissions 2014-15 plan_change 415 -/-',
    ]);
  });
});

describe('risk log in reading order (2014 original: "Risk | Risk rating | Mitigating Actions")', () => {
  it('a rating printed after the next row\'s risk text is the row above\'s; the one opening the next text cell is this row\'s', () => {
    const text = [
      'Risk',
      '',
      'Risk',
      'rating',
      '',
      'Mitigating Actions',
      '',
      'Partners cannot release the',
      'planned share of their budgets',
      '',
      'High',
      '',
      'Phased transfer agreed by the',
      'programme board, reviewed monthly',
      '',
      'Regional baselines may set',
      'targets the area cannot reach',
      '',
      'Agree local trajectories with',
      'the regional team',
      '',
      'Slow progress on the plan',
      'leaves the targets unmet',
      '',
      'High',
      '',
      'Low Quarterly reviews by the',
      'programme board with all',
      'partners',
      '',
      // A risk whose text opens with a rating word and a capital is text where the rows need no rating moved.
      'Low Income households miss',
      'the new offer',
      '',
      'Medium',
      '',
      'Outreach through the',
      'community hubs',
      '',
    ].join('\n');
    const risks = extractRisks(extractText(text, 'txt'), noSections).value;
    expect(risks.map((r) => [r.description, r.rating, r.mitigation])).toEqual([
      ['Partners cannot release the planned share of their budgets', 'high', 'Phased transfer agreed by the programme board, reviewed monthly'],
      ['Regional baselines may set targets the area cannot reach', 'high', 'Agree local trajectories with the regional team'],
      ['Slow progress on the plan leaves the targets unmet', 'low', 'Quarterly reviews by the programme board with all partners'],
      ['Low Income households miss the new offer', 'medium', 'Outreach through the community hubs'],
    ]);
  });
});

describe('risk log in reading order (2014 revised: "There is a risk that: | How likely … | Potential impact | Overall risk factor | Mitigating Actions")', () => {
  it('the header read on past its guidance through a group naming two more roles; an impact cell opening with its figure; a score wrapped in its group', () => {
    const text = [
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
      '',
      'And if there is some',
      'financial impact please',
      'specify in £000s',
      '',
      // The score and mitigation header cells on different baselines, read as one group.
      'Overall risk',
      'Mitigating Actions',
      'factor',
      '',
      'Providers cannot recruit',
      'enough reablement staff',
      '3',
      'in the first year',
      '',
      '4 Fewer people return',
      'home after a stay in',
      '12',
      'hospital, at extra cost',
      'Medium',
      '',
      'Joint workforce plan',
      'with local colleges',
      '',
      'Hospital activity does',
      'not fall at the planned',
      '4',
      'rate this year',
      '',
      '5 Cost pressure on the',
      'commissioners of',
      '20 High',
      'about £400k',
      '',
      'Monthly review by the',
      'programme board',
      '',
    ].join('\n');
    const risks = extractRisks(extractText(text, 'txt'), noSections).value;
    expect(risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating, r.mitigation])).toEqual([
      ['Providers cannot recruit enough reablement staff in the first year', 3, 4, 12, 'medium', 'Joint workforce plan with local colleges'],
      ['Hospital activity does not fall at the planned rate this year', 4, 5, 20, 'high', 'Monthly review by the programme board'],
    ]);
  });
});

describe('risk log in reading order: a header cell printed again on the first line of a cell\'s group', () => {
  it('"Mitigating Actions" over a mitigation\'s lines is not part of it; a group naming two roles in the header adds both', () => {
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
      'Overall',
      'risk',
      'factor',
      '',
      'Hospital activity does',
      'not fall at the planned',
      '4',
      'rate this year',
      '',
      '5 Cost pressure on the',
      'commissioners of',
      '20 High',
      'about £400k',
      '',
      'Mitigating Actions',
      'Quarterly report to the',
      'health and wellbeing board',
      '',
    ].join('\n');
    const risks = extractRisks(extractText(text, 'txt'), noSections).value;
    expect(risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating, r.mitigation])).toEqual([
      ['Providers cannot recruit enough reablement staff in the first year', 3, 4, 12, 'medium', 'Joint workforce plan with local colleges'],
      ['Hospital activity does not fall at the planned rate this year', 4, 5, 20, 'high', 'Quarterly report to the health and wellbeing board'],
    ]);
  });
});

describe('risk log in reading order: a score and rating glued to the mitigation\'s lines', () => {
  it('"20 High" opening a line of text, and a rating word whose score stands alone in the same group', () => {
    const text = [
      ...REVISED_LOG_HEADER,
      'Council savings reduce',
      'the prevention offer',
      '4',
      '',
      '5 Less early help for',
      'older people',
      '',
      'Joint budget review and',
      'early warning reports to the',
      '20 High Board each quarter',
      '',
      'Care homes close at',
      'short notice',
      '3',
      '',
      '4 Moves for residents',
      'and extra cost',
      '',
      '12',
      'Market shaping led by the',
      'Medium Commissioning Board',
      'with provider forums',
      '',
    ].join('\n');
    const risks = extractRisks(extractText(text, 'txt'), noSections).value;
    expect(risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating, r.mitigation])).toEqual([
      ['Council savings reduce the prevention offer', 4, 5, 20, 'high', 'Joint budget review and early warning reports to the Board each quarter'],
      ['Care homes close at short notice', 3, 4, 12, 'medium', 'Market shaping led by the Commissioning Board with provider forums'],
    ]);
  });
});

describe('risk log in reading order: a likelihood printed below its row\'s last cell', () => {
  it('a short cell with no text of its own before the next row\'s cells goes to the row above', () => {
    const text = [
      ...REVISED_LOG_HEADER,
      'Data sharing rules',
      'are not agreed',
      '',
      '4 Staff cannot see',
      'shared records',
      '16 High',
      '',
      'Interim sharing',
      'agreement in place',
      '',
      '4',
      '',
      'GP practices cannot',
      'take on new work',
      '3',
      '',
      '4 Longer waits for',
      'appointments',
      '12 Medium',
      '',
      'Practice support',
      'programme',
      '',
    ].join('\n');
    const risks = extractRisks(extractText(text, 'txt'), noSections).value;
    expect(risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating, r.mitigation])).toEqual([
      ['Data sharing rules are not agreed', 4, 4, 16, 'high', 'Interim sharing agreement in place'],
      ['GP practices cannot take on new work', 3, 4, 12, 'medium', 'Practice support programme'],
    ]);
  });
});

describe('quarterly metric table in another writer\'s reading order (2022-23 planning template: "2021-22 Q1 Actual" … "2022-23 Q4 Plan")', () => {
  it('a taller header cell\'s lines interleave with its neighbour\'s ("2021-22" / "2021-22 Q3" / "Q2"): a year\'s quarters go to its columns in time order', () => {
    const text = [
      'Avoidable',
      'admissions',
      '',
      '2021-22 Q1',
      'Actual',
      '',
      '2021-22',
      '2021-22 Q3',
      'Q2',
      'Actual',
      'Actual',
      '',
      '2021-22 Q4',
      'Actual',
      '',
      'Indicator',
      'value',
      '',
      '301.5',
      '',
      '287.2',
      '',
      '264.9',
      '',
      '240.6',
      '',
      'Rationale for how',
      'ambition was set',
      '',
    ].join('\n');
    expect(extractMetrics(extractText(text, 'txt'), noSections).value.map(brief)).toEqual([
      'avoidable_admissions 2021-22 Q1 actual 301.5 -/-',
      'avoidable_admissions 2021-22 Q2 actual 287.2 -/-',
      'avoidable_admissions 2021-22 Q3 actual 264.9 -/-',
      'avoidable_admissions 2021-22 Q4 actual 240.6 -/-',
    ]);
  });
});

describe('metric tables in another writer\'s reading order: a header\'s last column printed after the label cells beside it', () => {
  it('a single column after the first periods, before any value, is the header\'s last column ("2022-23" / "Plan")', () => {
    const text = [
      '8.4',
      'Residential',
      'Admissions',
      '',
      '2020-21 2021-22 2021-22',
      'Actual',
      'Plan',
      'estimated',
      '',
      'Long-term support needs of',
      'older people met by admission to',
      'Annual Rate',
      'residential and nursing care',
      '',
      '202223',
      'Plan',
      '',
      'Rationale',
      'for how',
      'ambition was set',
      '',
      '512.4',
      '',
      '498.0',
      '',
      '505.7',
      '',
      '490.2',
      '',
      'Numerator',
      '',
      '301',
      '',
      '295',
      '',
      '299',
      '',
      '290',
      '',
    ].join('\n');
    expect(extractMetrics(extractText(text, 'txt'), noSections).value.map(brief)).toEqual([
      'residential_admissions 2020-21 actual 512.4 301/-',
      'residential_admissions 2021-22 plan 498 295/-',
      'residential_admissions 2021-22 estimate 505.7 299/-',
      'residential_admissions 2022-23 plan 490.2 290/-',
    ]);
  });

  it('the name between the parts names the table; rows apart by a long rationale are still its rows', () => {
    // The second table's name comes between its header's parts (the label cells printed after the first
    // periods); its denominator row stands after a rationale longer than the lines a table is looked for in.
    const rationale = Array.from({ length: 50 }, (_, n) => `steady progress line ${n + 1}`);
    const text = [
      'Avoidable',
      'admissions',
      '',
      '2021-22 Q1',
      'Actual',
      '',
      '2021-22 Q2',
      'Actual',
      '',
      'Indicator',
      'value',
      '',
      '176.0',
      '',
      '188.0',
      '',
      '2021-22 Q1',
      'Actual',
      '',
      '2021-22 Q2',
      'Actual',
      '',
      '8.3',
      'Discharge to',
      'usual place',
      'of residence',
      '',
      '202122 Q3',
      'Actual',
      '',
      'Quarter (%)',
      '',
      '93.1%',
      '',
      '92.4%',
      '',
      '94.0%',
      '',
      'Numerator',
      '',
      '4,120',
      '',
      '4,050',
      '',
      '4,210',
      '',
      ...rationale,
      '',
      'Denominator',
      '',
      '4,425',
      '',
      '4,383',
      '',
      '4,479',
      '',
    ].join('\n');
    expect(extractMetrics(extractText(text, 'txt'), noSections).value.map(brief)).toEqual([
      'avoidable_admissions 2021-22 Q1 actual 176 -/-',
      'avoidable_admissions 2021-22 Q2 actual 188 -/-',
      'discharge_usual_residence 2021-22 Q1 actual 93.1 4120/4425',
      'discharge_usual_residence 2021-22 Q2 actual 92.4 4050/4383',
      'discharge_usual_residence 2021-22 Q3 actual 94 4210/4479',
    ]);
  });
});
