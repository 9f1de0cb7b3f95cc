// The 2022-23 metrics sheet (../shared/spec/tables.md) printed by a spreadsheet to PDF and converted with
// pdftotext -layout: each block's metric name is one cell above its period header, printed on across the empty
// cells to its right, so it runs past the column where the periods begin. Read only up to that column the name
// loses the words that say which metric it is ("… acute hos"), and every block took the first block's metric.
// Synthetic names and figures.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

const SHEET = `Metrics for 2022/23

Indirectly standardised rate (ISR) of admissions per 100,000 population
                                                                           2021-22 Actual      2022-23 Plan
Indicator value                                                                          187.2              181.9
Numerator
Denominator

Percentage of people, resident in the HWB, who are discharged from acute hospital to their normal place of residence
                                                                         2021-22 Actual          2022-23 Plan
Indicator value                                                                            91.4%                  92.6%
Numerator                                                                                  8,226                  8,334
Denominator                                                                                9,000                  9,000

Long-term support needs of older people (age 65 and over) met by admission to residential and nursing care homes, per 1
                                                                         2020-21 Actual         2021-22 estimated 2022-23 Plan
Indicator value                                                                           631.0                622.5                  610.4
Numerator                                                                                   212                   210                  207
Denominator                                                                              33,600               33,740                33,910
`;

describe('sheet metric names printed across the empty cells beside them (pdftotext -layout)', () => {
  it('gives each block the metric its own heading names', () => {
    const doc = extractText(SHEET, 'txt');
    const got = extractMetrics(doc, noSections).value.map((m) => `${m.metric} ${m.period} ${m.kind} ${m.value}`);
    expect(got).toEqual(
      expect.arrayContaining([
        'avoidable_admissions 2021-22 actual 187.2',
        'discharge_usual_residence 2021-22 actual 91.4',
        'discharge_usual_residence 2022-23 plan 92.6',
        'residential_admissions 2020-21 actual 631',
        'residential_admissions 2021-22 estimate 622.5',
        'residential_admissions 2022-23 plan 610.4',
      ]),
    );
    expect(got.filter((m) => m.startsWith('avoidable_admissions'))).toHaveLength(2);
  });
});
