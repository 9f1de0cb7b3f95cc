// The 2014 Part 2 metrics sheet (../shared/spec/tables.md: per metric a block of "Metric Value / Numerator /
// Denominator" rows and a period row under it) printed without gridlines and read by raw pdftotext: the label
// column first (a clipped name glued before the role of its row, or alone on a line where it wrapped), then the
// clipped value headers, then the figures row by row (a row's cells on one line or one per line) or column by
// column. Invented figures.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

const LABELS = [
  'Outcomes are reviewed quarterly by the board.',
  'Metrics',
  'Metric Value',
  'Numerator',
  'Permanent admissions of older people (aged 65 and over) to residential a Denominator',
  'Metric Value',
  'Numerator',
  'Proportion of older people (65 and over) who were still at home 91 days after',
  'Denominator',
  'Metric Value',
  'Numerator',
  'Delayed transfers of care from hospital per 100,000 population (average Denominator',
  '',
  'Patient / service user experience (local measure: people who say they fee Metric Value',
  '',
];

const HEADER = ['Current Baseline (as at Performance underpinnin', 'Performance underpinnin'];

const FIGURES = [
  '512.4 N/A',
  '498.0',
  '311 N/A',
  '305',
  '60,700 N/A',
  '61,250',
  '( April 2012 - March 2013 ) N/A',
  '( April 2014 - March 2015 )',
  '76.5% N/A',
  '79.0%',
  '153 N/A',
  '166',
  '200 N/A',
  '210',
  '( April 2012 - March 2013 ) N/A',
  '( April 2014 - March 2015 )',
  '412.0',
  '398.5',
  '385.1',
  '433',
  '420',
  '406',
  '105,100',
  '105,400',
  '105,450',
  '( April 2013 - December 201( April 2014 - September 20( October 2014 - March 2015',
  '64.0 N/A',
  '66.5',
  '( 2012-13 survey )',
  'N/A',
  '( 2014-15 survey )',
];

const read = (lines: string[]) =>
  extractMetrics(extractText(lines.join('\n'), 'txt'), noSections).value.map((m) => `${m.metric} ${m.period} ${m.kind} ${m.value} ${m.numerator}/${m.denominator}`);

describe('a sheet\'s 2014 metric blocks printed column by column (raw pdftotext)', () => {
  it('deals the figures back into each block\'s rows under the clipped value headers', () => {
    expect(read([...LABELS, ...HEADER, ...FIGURES])).toEqual([
      'residential_admissions 2012-13 baseline 512.4 311/60700',
      'residential_admissions 2014-15 plan 498 305/61250',
      'reablement 2012-13 baseline 76.5 153/200',
      'reablement 2014-15 plan 79 166/210',
      'delayed_transfers_of_care April 2013 - December 2013 baseline 412 433/105100',
      'delayed_transfers_of_care April 2014 - September 2014 plan 398.5 420/105400',
      'delayed_transfers_of_care October 2014 - March 2015 plan 385.1 406/105450',
      'patient_experience 2012-13 baseline 64 null/null',
      'patient_experience 2014-15 plan 66.5 null/null',
    ]);
  });

  it('gives a name alone between two blocks to the block after it', () => {
    const labels = [...LABELS.slice(0, 12), 'Avoidable emergency admissions (composite measure)', '', 'Metric Value', 'Numerator', 'Denominator', ''];
    const figures = [...FIGURES.slice(0, 26), '1,702.3', '1,650.0', '1,601.8', '2,015', '1,960', '1,905', '118,400', '118,800', '118,900', '( April 2012 - March 2013 ) ( April 2014 - September 20( October 2014 - March 2015'];
    const got = read([...labels, ...HEADER, ...figures]);
    expect(got).toContain('avoidable_admissions 2012-13 baseline 1702.3 2015/118400');
    expect(got).toContain('avoidable_admissions October 2014 - March 2015 plan 1601.8 1905/118900');
    expect(got.filter((m) => m.startsWith('delayed_transfers_of_care'))).toHaveLength(3);
    expect(got).toHaveLength(10);
  });

  it('reads the figures given column by column, one cell a line', () => {
    // The sheet's rows (three value columns), printed down each column in turn.
    const rows = [
      ['512.4', 'N/A', '498.0'], ['311', 'N/A', '305'], ['60,700', 'N/A', '61,250'], ['( April 2012 - March 2013 )', 'N/A', '( April 2014 - March 2015 )'],
      ['76.5%', 'N/A', '79.0%'], ['153', 'N/A', '166'], ['200', 'N/A', '210'], ['( April 2012 - March 2013 )', 'N/A', '( April 2014 - March 2015 )'],
      ['412.0', '398.5', '385.1'], ['433', '420', '406'], ['105,100', '105,400', '105,450'], ['( April 2013 - December 201', '( April 2014 - September 20', '( October 2014 - March 2015'],
      ['64.0', 'N/A', '66.5'], ['( 2012-13 survey )', 'N/A', '( 2014-15 survey )'],
    ];
    const byColumn = [0, 1, 2].flatMap((c) => rows.map((r) => r[c]));
    expect(read([...LABELS, ...HEADER, ...byColumn])).toEqual(read([...LABELS, ...HEADER, ...FIGURES]));
    expect(read([...LABELS, ...HEADER, ...byColumn])).toHaveLength(9);
  });

  it('reads nothing where a dropped cell leaves the rows undetermined', () => {
    // The first block's plan numerator missing: every figure after it would shift one cell.
    expect(read([...LABELS, ...HEADER, ...FIGURES.filter((_, k) => k !== 3)])).toEqual([]);
    // The same with a stray figure at the end, so the count still fits: a printed line would straddle two rows.
    expect(read([...LABELS, ...HEADER, ...FIGURES.filter((_, k) => k !== 3), '71.0'])).toEqual([]);
  });
});
