// Metric tables of the 2022-23 planning template (quarterly and annual columns, numerator and denominator rows;
// ../shared/spec/tables.md) as text conversion leaves them (class 7): laid out with spaces, the period headers
// of the narrow columns wrapped onto a stack of lines (pdftotext -layout), or in reading order with one value
// per line and a hyphen lost at a line end (pdftotext). Synthetic figures.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import { periodStackGrids, type PeriodStackSpec } from '../src/tables/periodStack.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const brief = (m: { metric: string; period: string | null; kind: string; value: number; numerator: number | null; denominator: number | null }) =>
  `${m.metric} ${m.period} ${m.kind} ${m.value} ${m.numerator ?? '-'}/${m.denominator ?? '-'}`;

const LAID_OUT = `Metrics for 2022/23

                              2021- 2021- 2021- 2021-
Avoidable                                                 Rationale for how                 Local plan to meet
                              22 Q1 22 Q2 22 Q3 22 Q4
admissions                                                ambition was set                  ambition
                              Actual Actual Actual Actual
Indirectly     Indicator      301.4    288.0      276.2    290.5    Activity fell in the Falls response and
standardised value                                                  winter as expected.  wider prevention
rate (ISR) of                                                       The plan holds it    work.
admissions per
100,000
population
                                 2022- 2022- 2022- 2022-
                                 23 Q1 23 Q2 23 Q3 23 Q4
                                 Plan  Plan  Plan  Plan
                 Indicator
                                 299      287      275      289
                 value
8.3 Discharge to                   2021- 2021- 2021- 2021-
                                                               Rationale for how
usual place of                     22 Q1 22 Q2 22 Q3 22 Q4                                  Local plan to meet ambition
                                                               ambition was set
residence                          Actual Actual Actual Actual
                                                      A target of
Percentage of                                         93% was set and
people, resident                                      exceeded.
                  Quarter (%) 94.1% 93.8% 95.0% 94.4% We aim to hold it.    Home First and the
                   Numerator       3,107    3,052    3,139    2,977
                   Denominato
                              3,302         3,254    3,304    3,154
                   r
8.4 Residential
Admissions
                                     2020- 2021-                2022-       Rationale for
                                                      2021-22                                 Local plan to meet
                                     21     22                  23          how ambition
                                                      estimated                               ambition
                                     Actual Plan                Plan        was set
Long-term                                                                   Rates rose in the
support needs of                                                            second half.
older people (age
65 and over) met
by admission to
residential and
                  Annual Rate 702.3          690.0    711.8        695.0
nursing care
homes, per
100,000
population
                      Numerator      412     405      418          408
                      Denominato
                                 58,664 58,701 58,723              58,705
                      r
`;

const READING_ORDER = `Metrics for 2022/23
Avoidable
admissions
Indirectly
Indicator
standardised value
rate (ISR) of
admissions per
100,000
population

2021- 2021- 2021- 2021Rationale for how
22 Q1 22 Q2 22 Q3 22 Q4
ambition was set
Actual Actual Actual Actual
301.4

288.0

276.2

290.5

Local plan to meet
ambition

Activity fell in the
winter as expected.

2022- 2022- 2022- 202223 Q1 23 Q2 23 Q3 23 Q4
Plan
Plan
Plan
Plan
Indicator
value

299

287

275

289

Denominato
r
8.3 Discharge to
usual place of
residence

2021- 2021- 2021- 2021Rationale for how
22 Q1 22 Q2 22 Q3 22 Q4
ambition was set
Actual Actual Actual Actual

A target of
93% was set and
Percentage of
exceeded.
Quarter (%) 94.1% 93.8% 95.0% 94.4% We aim to hold it.
Numerator
3,107
3,052
3,139
2,977
Denominato
3,302
r
3,254
3,304
3,154
`;

const QUARTERS = ['2021-22 Q1', '2021-22 Q2', '2021-22 Q3', '2021-22 Q4'];
/** The quarterly metrics both texts hold (laid out with spaces and in reading order). */
const QUARTERLY_METRICS = [
  ...[301.4, 288, 276.2, 290.5].map((v, k) => `avoidable_admissions ${QUARTERS[k]} actual ${v} -/-`),
  ...[299, 287, 275, 289].map((v, k) => `avoidable_admissions 2022-23 Q${k + 1} plan ${v} -/-`),
  `discharge_usual_residence 2021-22 Q1 actual 94.1 3107/3302`,
  `discharge_usual_residence 2021-22 Q2 actual 93.8 3052/3254`,
  `discharge_usual_residence 2021-22 Q3 actual 95 3139/3304`,
  `discharge_usual_residence 2021-22 Q4 actual 94.4 2977/3154`,
];

describe('period tables flattened by text conversion (tables.md class 7)', () => {
  it('laid out with spaces: header stacks, cut "Denominato" / "r", values as runs on one line', () => {
    const metrics = extractMetrics(extractText(LAID_OUT, 'txt'), noSections).value.map(brief);
    expect(metrics).toEqual([
      ...QUARTERLY_METRICS,
      // Annual columns with a whole year on a line of its own ("2021-22" over "estimated").
      `residential_admissions 2020-21 actual 702.3 412/58664`,
      `residential_admissions 2021-22 plan 690 405/58701`,
      `residential_admissions 2021-22 estimate 711.8 418/58723`,
      `residential_admissions 2022-23 plan 695 408/58705`,
    ]);
  });

  it('in reading order: one value per line, "2021Rationale" and "202223 Q1" glued at line ends, a % in prose', () => {
    const metrics = extractMetrics(extractText(READING_ORDER, 'txt'), noSections).value.map(brief);
    expect(metrics).toEqual(QUARTERLY_METRICS);
  });

  const spec: PeriodStackSpec = {
    kindWord: (w) => (/^(actual|plan)$/i.test(w) ? w.toLowerCase() : null),
    isValue: (t) => /^\d[\d,.]*%?$/.test(t),
    namesTable: (t) => /admissions/i.test(t),
    roleWord: /^(numerator|denominator)$/i,
  };
  const gridsOf = (text: string) => {
    const doc = extractText(text, 'txt');
    return periodStackGrids(doc, 0, doc.blocks.length, spec).map((g) => g.rows.map((r) => r.cells.join(' | ')));
  };

  it('a row is a run of exactly as many values as the stack has columns', () => {
    const grids = gridsOf(['Avoidable admissions', '2021- 2021- 2021-', '22 Q1 22 Q2 22 Q3', 'Actual Actual Actual', 'Indicator 12 13', 'Indicator 21 22 23 then 5 words', ''].join('\n'));
    expect(grids).toEqual([['Avoidable admissions |  | 2021-22 Q1 actual | 2021-22 Q2 actual | 2021-22 Q3 actual', ' | Indicator | 21 | 22 | 23']]);
  });

  it('no table where the pieces do not make whole periods: a second half that is not the next year, a kind missing', () => {
    expect(gridsOf(['Avoidable admissions', '2021- 2021-', '24 Q1 24 Q2', 'Actual Actual', 'Indicator 12 13', ''].join('\n'))).toEqual([]);
    expect(gridsOf(['Avoidable admissions', '2021- 2021-', '22 Q1 22 Q2', 'Actual', 'Indicator 12 13', ''].join('\n'))).toEqual([]);
  });
});

describe('row-wise figures in reading order (2014 revised provider annex, pdftotext)', () => {
  it('a label block with its period and kind apart, a blank line, then the value', () => {
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
      '2014/15',
      'Plan',
      '',
      '30475',
      '(All',
      'Providers',
      ')',
      '',
      '14/15',
      'Change',
      'compared',
      '',
      '-2.5%',
      '',
    ].join('\n');
    const metrics = extractMetrics(extractText(text, 'txt'), noSections).value.map(brief);
    expect(metrics).toEqual(['non_elective_admissions 2013-14 actual 31250 -/-', 'non_elective_admissions 2014-15 plan 30475 -/-']);
  });
});
