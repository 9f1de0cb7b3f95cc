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
