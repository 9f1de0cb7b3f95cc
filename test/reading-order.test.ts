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
      '83.5%',
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
      '698',
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
      'reablement 2021-22 estimate 83.5 698/836',
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
