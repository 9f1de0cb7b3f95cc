import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPlans, haveShared } from './shared.js';
import { buildDocument, type RawBlock, type TableRow } from '../src/model/document.js';
import { extractDocument } from '../src/extract/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import { kindOf, metricKeyOf, parseMetricNumber, periodOf } from '../src/fields/metrics/labels.js';
import type { Segmentation } from '../src/segment/types.js';
import type { Metric } from '../src/record/schema.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const row = (cells: string[]): TableRow => ({ cells: cells.map((text) => ({ text })), page: 2 });
const table = (rows: string[][]): RawBlock => ({ kind: 'table', page: 2, rows: rows.map(row) });
const para = (text: string): RawBlock => ({ kind: 'paragraph', page: 2, text });
const brief = (m: { metric: string; period: string | null; kind: string; value: number; unit: string; numerator: number | null; denominator: number | null }) => [
  m.metric,
  m.period,
  m.kind,
  m.value,
  m.unit,
  m.numerator,
  m.denominator,
];

describe('metric labels', () => {
  it('maps labels to the national metric keys', () => {
    expect(metricKeyOf('Indirectly standardised rate (ISR) of admissions per 100,000 population')).toBe('avoidable_admissions');
    expect(metricKeyOf('Avoidable emergency admissions (composite measure)')).toBe('avoidable_admissions');
    expect(metricKeyOf('Percentage of people … discharged from acute hospital to their normal place of residence')).toBe('discharge_usual_residence');
    expect(metricKeyOf('Permanent admissions of older people (aged 65 and over) to residential and nursing care homes')).toBe('residential_admissions');
    expect(metricKeyOf('Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement')).toBe('reablement');
    expect(metricKeyOf('Delayed transfers of care (delayed days) from hospital per 100,000 population')).toBe('delayed_transfers_of_care');
    expect(metricKeyOf('Total number of non-elective FFCEs in general & acute')).toBe('non_elective_admissions');
    expect(metricKeyOf('Patient / service user experience metric')).toBe('patient_experience');
    expect(metricKeyOf('Local metric: injuries due to falls')).toBe('local');
    expect(metricKeyOf('Poverty')).toBeNull();
  });
  it('normalises periods and kinds', () => {
    expect(periodOf('2021-22 Q1 Actual')).toBe('2021-22 Q1');
    expect(periodOf('2013/14 Outturn')).toBe('2013-14');
    expect(periodOf('How many non-elective admissions is the BCF planned to prevent in 14-15?')).toBe('2014-15');
    expect(periodOf('( April 2012 - March 2013 )')).toBe('2012-13');
    expect(periodOf('( April - December 2013 )')).toBe('April - December 2013');
  });
  it('completes a month range whose closing year a sheet cut at the cell edge, with the first year the range can end in', () => {
    expect(periodOf('( April 2016 - September 20')).toBe('April 2016 - September 2016');
    expect(periodOf('( October 2016 - March 2')).toBe('October 2016 - March 2017');
    expect(periodOf('( April 2016 - March 20')).toBe('2016-17');
    expect(periodOf('( April 2015 - December 201')).toBe('April 2015 - December 2015');
    expect(periodOf('( November 2015 - February')).toBe('November 2015 - February 2016');
    // The digits left must begin the year the months imply.
    expect(periodOf('( April 2016 - September 21')).toBeNull();
    expect(kindOf('2021-22 estimated')).toBe('estimate');
    expect(kindOf('2021-22estimated')).toBe('estimate'); // wrapped tight: the word glued to its year
    expect(kindOf('Replanned services')).toBeNull();
    expect(kindOf('2013/14 Outturn')).toBe('actual');
    expect(kindOf('Performance underpinning April 2015 payment')).toBe('plan');
    expect(kindOf('Current Baseline (as at 31 March 2013)')).toBe('baseline');
  });
  it('reads values as written and refuses changes and prose', () => {
    expect(parseMetricNumber('97.0%')).toEqual({ value: 97, percent: true, decimals: 1 });
    expect(parseMetricNumber('4,633')).toEqual({ value: 4633, percent: false, decimals: 0 });
    expect(parseMetricNumber('31207 (All Providers)')?.value).toBe(31207);
    expect(parseMetricNumber('31,52\n4')?.value).toBe(31524); // wrapped in a narrow PDF cell
    expect(parseMetricNumber('-2.4%')).toBeNull();
    expect(parseMetricNumber('target of 96%')).toBeNull();
    expect(parseMetricNumber('£1,874,512')).toBeNull();
  });
});

describe('extractMetrics on synthetic tables', () => {
  it('reads a 2022 block: quarterly actuals and plans with numerator/denominator rows; rationale cells ignored', () => {
    const doc = buildDocument('docx', null, [
      table([
        ['8.3 Discharge to usual place of residence', '', '2021-22 Q1 Actual', '2021-22 Q2 Actual', 'Rationale for how ambition was set'],
        ['Percentage of people discharged from acute hospital to their normal place of residence', 'Quarter (%)', '97.3%', '96.2%', 'A target of 96% was set'],
        ['', 'Numerator', '4,633', '4,580', ''],
        ['', 'Denominator', '4,760', '4,761', ''],
        ['', '', '2022-23 Q1 Plan', '2022-23 Q2 Plan', ''],
        ['', 'Quarter (%)', '97.0%', '97.0%', ''],
        ['', 'Numerator', '7,342', '6,918', ''],
        ['', 'Denominator', '7,569', '7,132', ''],
      ]),
    ]);
    const metrics = extractMetrics(doc, noSections).value;
    expect(metrics.map(brief)).toEqual([
      ['discharge_usual_residence', '2021-22 Q1', 'actual', 97.3, 'percent', 4633, 4760],
      ['discharge_usual_residence', '2021-22 Q2', 'actual', 96.2, 'percent', 4580, 4761],
      ['discharge_usual_residence', '2022-23 Q1', 'plan', 97, 'percent', 7342, 7569],
      ['discharge_usual_residence', '2022-23 Q2', 'plan', 97, 'percent', 6918, 7132],
    ]);
    expect(metrics[2].label).toBe('Percentage of people discharged from acute hospital to their normal place of residence');
    expect(metrics[0].page).toBe(2);
    expect(metrics[0].text).toContain('97.3%');
  });

  it('reads annual rates with an "estimated" column as kind estimate, the metric named by the line above', () => {
    const doc = buildDocument('txt', null, [
      para('8.4 Residential Admissions'),
      table([
        ['', '', '2020-21 Actual', '2021-22 estimated', '2022-23 Plan'],
        ['Long-term support needs of older people (age 65 and over) met by admission to residential and nursing care homes, per 100,000 population', 'Annual Rate', '596.4', '553.1', '566.0'],
        ['', 'Numerator', '188', '176', '181'],
        ['', 'Denominator', '31,524', '31,820', '31,980'],
      ]),
    ]);
    expect(extractMetrics(doc, noSections).value.map(brief)).toEqual([
      ['residential_admissions', '2020-21', 'actual', 596.4, 'rate_per_100k', 188, 31524],
      ['residential_admissions', '2021-22', 'estimate', 553.1, 'rate_per_100k', 176, 31820],
      ['residential_admissions', '2022-23', 'plan', 566, 'rate_per_100k', 181, 31980],
    ]);
  });

  it('reads a 2014 Part 2 block: baseline and planned values dated by the period row beneath them', () => {
    const doc = buildDocument('docx', null, [
      table([
        ['Metrics', '', 'Current Baseline (as at…)', 'Performance underpinning April 2015 payment'],
        ['Delayed transfers of care (delayed days) from hospital per 100,000 population (average per month)', 'Metric Value', '301.5', '280.0'],
        ['', 'Numerator', '5,400', '5,050'],
        ['', 'Denominator', '179,100', '180,357'],
        ['', '', '( April - December 2013 )', '( April - December 2014 )'],
        ['Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement / rehabilitation services', 'Metric Value', '81.3', '84.0'],
        ['', 'Numerator', '130', '147'],
        ['', 'Denominator', '160', '175'],
        ['', '', '( April 2012 - March 2013 )', '( April 2014 - March 2015 )'],
      ]),
    ]);
    expect(extractMetrics(doc, noSections).value.map(brief)).toEqual([
      ['delayed_transfers_of_care', 'April - December 2013', 'baseline', 301.5, 'rate_per_100k', 5400, 179100],
      ['delayed_transfers_of_care', 'April - December 2014', 'plan', 280, 'rate_per_100k', 5050, 180357],
      ['reablement', '2012-13', 'baseline', 81.3, 'percent', 130, 160],
      ['reablement', '2014-15', 'plan', 84, 'percent', 147, 175],
    ]);
  });

  it('reads a 2014 Part 2 block printed from Excel: names on the block\'s last row (bottom-aligned), header cells clipped', () => {
    const doc = buildDocument('docx', null, [
      table([
        ['Metrics', '', 'Current Baseline (as at', 'Performance underpinnin'],
        ['', 'Metric Value', '301.5', '280.0'],
        ['', 'Numerator', '5,400', '5,050'],
        ['Delayed transfers of care from hospital per 100,000 population (average pe', 'Denominator', '179,100', '180,357'],
        ['', '', '( April - December 2013 )', '( April - December 2014 )'],
        ['', 'Metric Value', '81.3', '84.0'],
        ['', 'Numerator', '130', '147'],
        ['Proportion of older people (65 and over) who were still at home 91 days after', 'Denominator', '160', '175'],
        ['', '', '( April 2012 - March 2013 )', '( April 2014 - March 2015 )'],
      ]),
    ]);
    expect(extractMetrics(doc, noSections).value.map(brief)).toEqual([
      ['delayed_transfers_of_care', 'April - December 2013', 'baseline', 301.5, 'rate_per_100k', 5400, 179100],
      ['delayed_transfers_of_care', 'April - December 2014', 'plan', 280, 'rate_per_100k', 5050, 180357],
      ['reablement', '2012-13', 'baseline', 81.3, 'percent', 130, 160],
      ['reablement', '2014-15', 'plan', 84, 'percent', 147, 175],
    ]);
  });

  it('reads the provider-commentary figures row by row and leaves out the % changes', () => {
    const doc = buildDocument('txt', null, [
      table([
        ['Total number of non-elective FFCEs in general & acute', '2013/14 Outturn', '31207 (All Providers)'],
        ['', '2014/15 Plan', '30452 (All Providers)'],
        ['', '14/15 Change compared to 13/14 outturn', '-2.4%'],
        ['', 'How many non-elective admissions is the BCF planned to prevent in 14-15?', '310 (this is the BCF for Quarter 4 14/15)'],
      ]),
    ]);
    const metrics = extractMetrics(doc, noSections).value;
    expect(metrics.map(brief)).toEqual([
      ['non_elective_admissions', '2013-14', 'actual', 31207, 'count', null, null],
      ['non_elective_admissions', '2014-15', 'plan', 30452, 'count', null, null],
      ['non_elective_admissions', '2014-15', 'plan_change', 310, 'count', null, null],
    ]);
    expect(metrics[1].label).toBe('Total number of non-elective FFCEs in general & acute');
    expect(metrics[2].label).toBe('How many non-elective admissions is the BCF planned to prevent in 14-15?');
  });

  it('reads a two-row header: year above "Q1 Plan | Q2 Plan"', () => {
    const doc = buildDocument('docx', null, [
      table([
        ['Avoidable admissions', '', '2023-24', ''],
        ['', '', 'Q1 Plan', 'Q2 Plan'],
        ['Indirectly standardised rate (ISR) of admissions per 100,000 population', 'Indicator value', '218.0', '205.5'],
      ]),
    ]);
    expect(extractMetrics(doc, noSections).value.map(brief)).toEqual([
      ['avoidable_admissions', '2023-24 Q1', 'plan', 218, 'rate_per_100k', null, null],
      ['avoidable_admissions', '2023-24 Q2', 'plan', 205.5, 'rate_per_100k', null, null],
    ]);
  });

  it('leaves out finance tables with plan columns, and percentages over 100', () => {
    const doc = buildDocument('docx', null, [
      table([
        ['Scheme', '2014/15 Planned expenditure (£000s)', '2015/16 Planned expenditure (£000s)'],
        ['Reablement service', '1,200', '1,300'],
      ]),
      table([
        ['Reablement', '', '2022-23 Plan'],
        ['Proportion of older people still at home 91 days after discharge into reablement', 'Annual (%)', '815%'],
      ]),
    ]);
    expect(extractMetrics(doc, noSections).value).toEqual([]);
  });

  it('leaves out benchmark and population-indicator tables (no kind of value in their headers)', () => {
    const doc = buildDocument('txt', null, [
      table([
        ['Indicator', '2010-11', '', '2012-13', ''],
        ['', 'Leicester', 'Comp.', 'Leicester', 'Comp.'],
        ['65+ rate of admission to care homes', '712', '688', '601', '9'],
        ['% of 65+ still at home 91 days+ re-ablement', '87.2', '81.4', '93', '84'],
      ]),
      table([
        ['', '', 'County', 'City', 'England'],
        ['Alcohol', '-Alcohol related hospital admissions (per 100,000)', '571.3 → (4712)', '640.2 ↓ (1388)', '462.4'],
      ]),
    ]);
    expect(extractMetrics(doc, noSections).value).toEqual([]);
  });
});

const CORPUS = join(__dirname, '../../shared/corpus');
const load = async (name: string) => extractDocument(readFileSync(join(CORPUS, name)), name);

const goldMetrics = (metrics: Pick<Metric, 'metric' | 'period' | 'kind' | 'value' | 'numerator' | 'denominator'>[]) =>
  metrics.map((m) => [m.metric, m.period, m.kind, m.value, m.numerator, m.denominator]);

// Compared with the hand-checked gold records, never with figures copied into this file.
describe.skipIf(!haveShared(['corpus', 'gold'], 'metrics: corpus plans against gold'))('extractMetrics on the corpus, against ../shared/gold', () => {
  for (const { id, gold } of corpusPlans()) {
    for (const ext of ['txt', 'docx', 'pdf']) {
      it(`${gold.template} plan .${ext}: every gold metric with its kind, numerator and denominator, and nothing else`, async () => {
        const metrics = extractMetrics(await load(`${id}.${ext}`), noSections).value;
        const got = metrics.map((m) => [m.metric, m.period, m.kind, m.value, m.numerator, m.denominator]);
        const key = (x: unknown[]) => JSON.stringify(x);
        expect(got.map(key).sort()).toEqual(goldMetrics(gold.metrics).map(key).sort());
      }, 120_000);
    }
  }
});

// The 2014 Part 2 metrics table as converters leave it (tables.md classes 1 and 3): the metric's label wrapped
// over the rows of its block, the row-role cells clipped ("Denominato" / "r"). Figures are made up.
describe('2014 Part 2 metric blocks as converted', () => {
  const header = ['Metrics', '', 'Current Baseline (as at 31 March 2013)', 'Performance underpinning April 2015 payment', 'Performance underpinning October 2015 payment'];
  it('reads each block once whatever the label wrapping, with numerator, denominator and the bracketed periods', () => {
    const doc = buildDocument('pdf', 3, [
      table([
        header,
        ['Permanent admissions of older people (aged 65', 'Metric Value', '702.1', 'N/A', '675.5'],
        ['and over) to residential and nursing care homes,', 'Numerator', '301', 'N/A', '295'],
        ['per 100,000 population', 'Denominato\nr', '42,870', 'N/A', '43,670'],
        ['', '', '( April 2012 - March 2013 )', 'N/A', '( April 2014 - March 2015 )'],
        ['Delayed transfers of care from hospital per', 'Metric Value', '310.4', '300.0', '290.0'],
        ['100,000 population (average per month)', 'Numerator', '532', '516', '499'],
        ['', 'Denominator', '171,400', '172,000', '172,069'],
        ['', '', '( April 2013 - December 2013 )', '( April - December 2014 )', '( January - June 2015 )'],
      ]),
    ]);
    expect(extractMetrics(doc, noSections).value.map((m) => [m.metric, m.period, m.kind, m.value, m.numerator, m.denominator])).toEqual([
      ['residential_admissions', '2012-13', 'baseline', 702.1, 301, 42870],
      ['residential_admissions', '2014-15', 'plan', 675.5, 295, 43670],
      ['delayed_transfers_of_care', 'April 2013 - December 2013', 'baseline', 310.4, 532, 171400],
      ['delayed_transfers_of_care', 'April - December 2014', 'plan', 300, 516, 172000],
      ['delayed_transfers_of_care', 'January - June 2015', 'plan', 290, 499, 172069],
    ]);
  });
});

// A 2022-23 metrics table and a provider-commentary table saved as text one cell per line, a blank line for each
// empty cell (LibreOffice "Text"): rebuilt as grids. Figures are made up.
describe('metric tables saved one cell per line', () => {
  it('the quarterly block: row width and start from where the values fall; numerator/denominator rows kept', async () => {
    const { extractText } = await import('../src/extract/text/index.js');
    const lines = [
      'Metrics for 2022/23',
      'Discharge to usual place of residence',
      '',
      '2021-22 Q1 Actual', '2021-22 Q2 Actual', 'Rationale for how ambition was set',
      'Percentage of people discharged from acute hospital to their normal place of residence',
      'Quarter (%)', '90.0%', '92.0%', 'Steady improvement expected',
      '',
      'Numerator', '900', '920', '',
      '',
      'Denominator', '1,000', '1,000', '',
      '',
      '2022-23 Q1 Plan', '2022-23 Q2 Plan', '',
      '',
      'Quarter (%)', '93.0%', '94.0%', '',
      'Next heading',
    ];
    const doc = extractText(lines.join('\n'), 'txt');
    expect(extractMetrics(doc, noSections).value.map((m) => [m.metric, m.period, m.kind, m.value, m.numerator, m.denominator])).toEqual([
      ['discharge_usual_residence', '2021-22 Q1', 'actual', 90, 900, 1000],
      ['discharge_usual_residence', '2021-22 Q2', 'actual', 92, 920, 1000],
      ['discharge_usual_residence', '2022-23 Q1', 'plan', 93, null, null],
      ['discharge_usual_residence', '2022-23 Q2', 'plan', 94, null, null],
    ]);
  });

  it('row-wise figures: a period-and-kind line, its value on the next; a planned reduction is plan_change', async () => {
    const { extractText } = await import('../src/extract/text/index.js');
    const lines = [
      'Total number of non-elective FFCEs in general & acute',
      '2013/14 Outturn', '31000 (All Providers)', '',
      '2014/15 Plan', '30400 (All Providers)', '',
      '14/15 Change compared to 13/14 outturn', '-1.9%', '',
      'How many non-elective admissions is the BCF planned to prevent in 14-15?', '600',
    ];
    const doc = extractText(lines.join('\n'), 'txt');
    expect(extractMetrics(doc, noSections).value.map((m) => [m.metric, m.period, m.kind, m.value])).toEqual([
      ['non_elective_admissions', '2013-14', 'actual', 31000],
      ['non_elective_admissions', '2014-15', 'plan', 30400],
      ['non_elective_admissions', '2014-15', 'plan_change', 600],
    ]);
  });
});

describe('metric tables in markdown with empty cells gone (mammoth)', () => {
  it('places each cell by what it is: metric name, column headers, row label, values, rationale', async () => {
    const { extractText } = await import('../src/extract/text/index.js');
    const cells = [
      'Reablement',
      '2020\\-21 Actual', '2021\\-22 Plan', 'Rationale for how ambition was set',
      'Proportion of older people (65 and over) who were still at home 91 days after discharge into reablement',
      'Annual \\(%\\)', '80\\.0%', '82\\.5%', 'Based on last year',
      'Numerator', '160', '165',
      'Denominator', '200', '200',
      'Residential admissions',
      '2020\\-21 Actual', '2021\\-22 Plan',
      'Long-term support needs of older people (65 and over) met by admission to residential and nursing care homes, per 100,000 population',
      'Annual Rate', '500\\.0', '480\\.0',
      '## The next section',
    ];
    const doc = extractText(cells.join('\n\n'), 'md');
    expect(extractMetrics(doc, noSections).value.map((m) => [m.metric, m.period, m.kind, m.value, m.numerator, m.denominator])).toEqual([
      ['reablement', '2020-21', 'actual', 80, 160, 200],
      ['reablement', '2021-22', 'plan', 82.5, 165, 200],
      ['residential_admissions', '2020-21', 'actual', 500, null, null],
      ['residential_admissions', '2021-22', 'plan', 480, null, null],
    ]);
  });
});
