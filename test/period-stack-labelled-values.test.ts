// Quarterly metric blocks (2022-23 planning template: "2021-22 Q1 Actual" … "2022-23 Q4 Plan") in raw pdftotext of
// a retypeset document: each header cell's year glued to its tail at the line end ("202122 Q1"), a row's label
// cell and its first value on one line ("Indicator value 61.2"), the other values set apart. Invented figures.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const brief = (m: { metric: string; period: string | null; kind: string; value: number; numerator: number | null; denominator: number | null }) =>
  `${m.metric} ${m.period} ${m.kind} ${m.value} ${m.numerator ?? '-'}/${m.denominator ?? '-'}`;
const metricsOf = (lines: string[]) => extractMetrics(extractText(lines.join('\n'), 'txt'), noSections).value.map(brief);

/** The actuals block: the row's label and first value on one line below the name's first lines, the other values
 *  apart after the rest of the name. */
const ACTUALS = [
  'Avoidable',
  'admissions',
  '',
  '202122 Q1',
  'Actual',
  '',
  '202122 Q2',
  'Actual',
  '',
  '202122 Q3',
  'Actual',
  '',
  '202122 Q4',
  'Actual',
  '',
  'Rationale for how ambition',
  'was set',
  '',
  'Indirectly',
  'standardised rate',
  '(ISR) of',
  'Indicator value 318.6',
  'admissions per',
  '100,000',
  'population',
  '',
  '301.2',
  '',
  '296.4',
  '',
  '288.9',
  '',
];

/** The plans block after it: the header's first halves printed together, then each cell's rest, the row's label
 *  and first value among them. */
const PLANS = [
  '2022-',
  '',
  '2022-',
  '',
  '2022-',
  '',
  '2022-',
  '',
  'Local plan to meet ambition',
  '',
  '23 Q1',
  'Plan',
  'Indicator value 310',
  '',
  '23 Q2',
  'Plan',
  '',
  '23 Q3',
  'Plan',
  '',
  '23 Q4',
  'Plan',
  '',
  '295',
  '',
  '290',
  '',
  '285',
  '',
  'Denominator',
  '',
];

describe('quarterly metric blocks in raw text of a retypeset plan: a row label and its first value on one line', () => {
  it('a year\'s four quarters with a whole row under them are a table of their own: the next header is not more of its columns', () => {
    expect(metricsOf(ACTUALS.concat(PLANS)).slice(0, 4)).toEqual([
      'avoidable_admissions 2021-22 Q1 actual 318.6 -/-',
      'avoidable_admissions 2021-22 Q2 actual 301.2 -/-',
      'avoidable_admissions 2021-22 Q3 actual 296.4 -/-',
      'avoidable_admissions 2021-22 Q4 actual 288.9 -/-',
    ]);
  });

  it('"Indicator value 310" printed among the header\'s own lines opens the row the values after the header complete', () => {
    expect(metricsOf(ACTUALS.concat(PLANS)).slice(4)).toEqual([
      'avoidable_admissions 2022-23 Q1 plan 310 -/-',
      'avoidable_admissions 2022-23 Q2 plan 295 -/-',
      'avoidable_admissions 2022-23 Q3 plan 290 -/-',
      'avoidable_admissions 2022-23 Q4 plan 285 -/-',
    ]);
  });
});

describe('quarterly metric block in raw text of a landscape plan: the values on one line with the label and rationale words', () => {
  it('a year opening a line of rationale words ("2021/22 given in the", "plan which …" below) is prose, not a header cell printed apart', () => {
    const text = [
      'published figures for',
      '2021/22 given in the',
      'return show that the',
      'rate fell slightly and',
      'plan that also covers',
      'parts that will help.',
      '',
      '8.3 Discharge to',
      'usual place of',
      'residence',
      '',
      '2021- 2021- 2021- 2021Rationale for how',
      '22 Q1 22 Q2 22 Q3 22 Q4',
      'ambition was set',
      'Actual Actual Actual Actual',
      '',
      'Over the first half of',
      '2020/21 a target of',
      'Percentage of',
      '91% was agreed and',
      'people, resident',
      'met, so the',
      'in the HWB, who',
      'intention is',
      'are discharged',
      'Quarter (%) 94.1% 93.8% 95.0% 94.6% to hold this',
      'from acute',
      'improved level of',
      'hospital to their',
      'delivery',
      'normal place of',
      'reached in',
      'residence',
      '2020/21 in',
      '2022/23.',
      'Numerator',
      '',
      '4,102',
      '',
      '3,977',
      '',
      '4,215',
      '',
      '4,038',
      '',
      'Denominato',
      '4,377',
      'r',
      '',
      '4,240',
      '',
      '4,436',
      '',
      '4,269',
      '',
      'Local plan to meet ambition',
      'Steady work through current',
      'plans to speed discharge',
    ];
    expect(metricsOf(text)).toEqual([
      'discharge_usual_residence 2021-22 Q1 actual 94.1 4102/4377',
      'discharge_usual_residence 2021-22 Q2 actual 93.8 3977/4240',
      'discharge_usual_residence 2021-22 Q3 actual 95 4215/4436',
      'discharge_usual_residence 2021-22 Q4 actual 94.6 4038/4269',
    ]);
  });
});

describe('annual metric block in raw text of a retypeset plan: the last header cell on one line with the next cell\'s', () => {
  it('"2022-23 Rationale for how" is the header\'s last column, the rationale header beside it', () => {
    const text = [
      '8.4 Residential',
      'Admissions',
      '2020-21 2021-22 2021-22',
      'Actual',
      'Plan',
      'estimated',
      'Long-term support',
      'needs of older',
      'people (age 65 and',
      'over) met by',
      'admission to',
      'Annual Rate',
      'residential and',
      'nursing care homes,',
      'per 100,000',
      'population',
      '',
      '2022-23 Rationale for how',
      'Plan',
      'ambition was set',
      '',
      '702.3',
      '',
      '688.1',
      '',
      '671.4',
      '',
      '665.0',
      '',
      'Numerator',
      '',
      '312',
      '',
      '305',
      '',
      '298',
      '',
      '296',
      '',
    ];
    expect(metricsOf(text)).toEqual([
      'residential_admissions 2020-21 actual 702.3 312/-',
      'residential_admissions 2021-22 plan 688.1 305/-',
      'residential_admissions 2021-22 estimate 671.4 298/-',
      'residential_admissions 2022-23 plan 665 296/-',
    ]);
  });
});

describe('quarterly metric block in raw text of a plan in large type: header cells cut at their edges, printed a cell at a time', () => {
  it('years opening a line together ("2021 2021 2021 2021 Rationale for how"), each tail and kind later, the last kind after the next cell\'s words', () => {
    const text = [
      'Avoidable',
      '2021 2021 2021 2021 Rationale for how',
      'Local plan to meet',
      'admissions',
      '-22',
      'Q1',
      'Actual',
      '-22',
      'Q2',
      'Actual',
      '-22',
      'Q3',
      'Actual',
      '-22',
      'Q4',
      'ambition was set',
      'Actual',
      'Indirectly',
      'standardised',
      'rate (ISR)',
      'Indicator',
      'value',
      '',
      '344.1 329.7 315.2 308.6',
      '',
      'Rationale text runs on here',
      '',
    ];
    expect(metricsOf(text)).toEqual([
      'avoidable_admissions 2021-22 Q1 actual 344.1 -/-',
      'avoidable_admissions 2021-22 Q2 actual 329.7 -/-',
      'avoidable_admissions 2021-22 Q3 actual 315.2 -/-',
      'avoidable_admissions 2021-22 Q4 actual 308.6 -/-',
    ]);
  });
});
