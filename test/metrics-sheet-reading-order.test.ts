// A 2022-23 metrics sheet printed without gridlines and read by raw pdftotext (../shared/spec/tables.md, "one cell
// per line", reading order): each metric block comes row by row with its empty cells dropped, so a block's lines
// are not a grid of k cells a row; two header cells on one baseline come on one line ("2021-22 estimated 2022-23
// Plan"), and a block with only an indicator-value row comes with its headers and values in one group. Every name
// and figure here is invented.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

const SHEET = [
  'Metrics for 2022/23',
  'Indirectly standardised rate (ISR) of admissions per 100,000 population',
  'Indicator value',
  'Numerator',
  'Denominator',
  '',
  '2021-22 Actual',
  '2022-23 Plan',
  '301.2',
  '298.6',
  '',
  'Percentage of people, resident in the HWB, who are discharged from acute hospital to their normal place of residence',
  '2021-22 Actual',
  '2022-23 Plan',
  'Indicator value',
  '91.5%',
  '92.0%',
  'Numerator',
  '9,150',
  '9,384',
  'Denominator',
  '10,000',
  '10,200',
  'Long-term support needs of older people (age 65 and over) met by admission to residential and nursing care homes, per 100,000 population',
  '2020-21 Actual',
  '2021-22 estimated 2022-23 Plan',
  'Indicator value',
  '640.0',
  '625.0',
  '610.0',
  'Numerator',
  '256',
  '253',
  '250',
  'Denominator',
  '40,000',
  '40,480',
  '40,984',
];

const brief = (m: { metric: string; period: string | null; kind: string; value: number; numerator: number | null; denominator: number | null }) =>
  [m.metric, m.period, m.kind, m.value, m.numerator, m.denominator].join(' ');

describe('metric blocks of a sheet read row by row with empty cells dropped (raw pdftotext)', () => {
  it('reads every block under its own headers, each header its own kind', () => {
    const doc = extractText(SHEET.join('\n'), 'txt');
    expect(extractMetrics(doc, noSections).value.map(brief)).toEqual([
      'avoidable_admissions 2021-22 actual 301.2  ',
      'avoidable_admissions 2022-23 plan 298.6  ',
      'discharge_usual_residence 2021-22 actual 91.5 9150 10000',
      'discharge_usual_residence 2022-23 plan 92 9384 10200',
      'residential_admissions 2020-21 actual 640 256 40000',
      'residential_admissions 2021-22 estimate 625 253 40480',
      'residential_admissions 2022-23 plan 610 250 40984',
    ]);
  });
});
