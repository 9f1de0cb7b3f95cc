// The metric tables as data: the metric readers name a metric, a row's role and a column's kind by the template's
// declared metrics tables first, then their general vocabulary. A fictional template (a copy of the 2014 one whose
// metrics table uses words the general vocabulary does not know) is read by its declaration alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument, type RawBlock, type TableRow } from '../src/model/document.js';
import { extractText } from '../src/extract/text/index.js';
import { documentTables } from '../src/fields/common/documentTables.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import { metricKeyOf } from '../src/fields/metrics/labels.js';
import { metricWords } from '../src/fields/metrics/vocabulary.js';
import { defaultTemplateDir, loadTemplates, parseTemplate, type DeclaredTable, type Template } from '../src/segment/template.js';
import { declaredRowOf } from '../src/tables/declared.js';
import type { Segmentation } from '../src/segment/types.js';
import type { Metric } from '../src/record/schema.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const row = (cells: string[]): TableRow => ({ cells: cells.map((text) => ({ text })), page: 3 });
const table = (rows: string[][]): RawBlock => ({ kind: 'table', page: 3, rows: rows.map(row) });
const brief = (m: Metric) => [m.metric, m.period, m.kind, m.value, m.unit, m.numerator, m.denominator];

/** bcf-2014-original with its metrics table's words replaced by ones no general vocabulary knows. */
function fictionalTemplate(): Template {
  const json = JSON.parse(readFileSync(join(defaultTemplateDir(), 'bcf-2014-original.json'), 'utf8'));
  json.id = 'fictional-outcomes';
  const metrics = json.tables.find((t: { field: string }) => t.field === 'metrics');
  metrics.columns = [
    { role: 'label', header: ['Measures'] },
    { role: 'rowRole', header: ['Rate', 'Count', 'Population'] },
    { role: 'value', header: ['Starting point'], kind: 'baseline' },
    { role: 'value', header: ['Aim for spring', 'Aim for autumn'], kind: 'plan' },
  ];
  metrics.rowRoles = [
    { role: 'value', label: ['Rate'] },
    { role: 'numerator', label: ['Count'] },
    { role: 'denominator', label: ['Population'] },
  ];
  metrics.rowLabels = [
    { id: 'residential_admissions', label: ['Older people living in care settings'] },
    { id: 'reablement', label: ['Back home within three months'] },
  ];
  return parseTemplate(json, 'fictional');
}

/** A plan in the 2014 metric-block shape (tables.md): per metric a block of rows, its label in the first column,
 *  the row-type column, one column per measurement point, a row of bracketed periods under the block. */
const fictionalPlan = () =>
  buildDocument('docx', null, [
    table([
      ['Measures', '', 'Starting point (as at …)', 'Aim for spring', 'Aim for autumn'],
      ['Older people living in care settings', 'Rate', '612.5', 'N/A', '590.0'],
      ['', 'Count', '245', '', '236'],
      ['', 'Population', '40,000', '', '40,000'],
      ['', '', '( April 2012 - March 2013 )', 'N/A', '( April 2014 - March 2015 )'],
      ['Back home within three months', 'Rate', '80.5%', 'N/A', '84.0%'],
      ['', 'Count', '163', '', '168'],
      ['', 'Population', '200', '', '200'],
      ['', '', '( April 2012 - March 2013 )', 'N/A', '( April 2014 - March 2015 )'],
    ]),
  ]);

describe('metrics read by a template declaration', () => {
  it('reads a fictional template metric blocks by its declared words, and none by the general vocabulary alone', () => {
    const doc = fictionalPlan();
    const declared = { ...documentTables(doc), declarations: fictionalTemplate().tables };
    const metrics = extractMetrics(doc, noSections, declared).value;
    expect(metrics.map(brief)).toEqual([
      ['residential_admissions', '2012-13', 'baseline', 612.5, 'rate_per_100k', 245, 40000],
      ['residential_admissions', '2014-15', 'plan', 590, 'rate_per_100k', 236, 40000],
      ['reablement', '2012-13', 'baseline', 80.5, 'percent', 163, 200],
      ['reablement', '2014-15', 'plan', 84, 'percent', 168, 200],
    ]);
    expect(metrics[0].label).toBe('Older people living in care settings');
    // Without the declaration: no column header says a kind and no label names a metric.
    expect(extractMetrics(doc, noSections, documentTables(doc)).value).toEqual([]);
  });

  it('reads the same sheet printed column by column (raw pdftotext) by its declared row labels', () => {
    const lines = [
      'Measures',
      'Rate',
      'Count',
      'Older people living in care settings Population',
      'Rate',
      'Count',
      'Back home within three months Population',
      '',
      'Starting point (as at Aim for spring',
      'Aim for autumn',
      ...['612.5 N/A', '590.0', '245 N/A', '236', '40,000 N/A', '40,000', '( April 2012 - March 2013 ) N/A', '( April 2014 - March 2015 )'],
      ...['80.5% N/A', '84.0%', '163 N/A', '168', '200 N/A', '200', '( April 2012 - March 2013 ) N/A', '( April 2014 - March 2015 )'],
    ];
    const doc = extractText(lines.join('\n'), 'txt');
    const read = (declarations: DeclaredTable[]) => extractMetrics(doc, noSections, { ...documentTables(doc), declarations }).value.map(brief);
    expect(read(fictionalTemplate().tables)).toEqual([
      ['residential_admissions', '2012-13', 'baseline', 612.5, 'rate_per_100k', 245, 40000],
      ['residential_admissions', '2014-15', 'plan', 590, 'rate_per_100k', 236, 40000],
      ['reablement', '2012-13', 'baseline', 80.5, 'percent', 163, 200],
      ['reablement', '2014-15', 'plan', 84, 'percent', 168, 200],
    ]);
    expect(read([])).toEqual([]);
  });

  it('keeps two templates words apart: the declared words are the template own, the general memo has none of them', () => {
    const fictional = metricWords(fictionalTemplate().tables);
    expect(fictional.metricKeyOf('Back home within three months')).toBe('reablement');
    expect(metricWords([]).metricKeyOf('Back home within three months')).toBeNull();
    expect(metricKeyOf('Back home within three months')).toBeNull();
    expect(fictional.rowRole(['Back home within three months', 'Count'])).toBe('numerator');
    expect(metricWords([]).rowRole(['Count'])).toBe('value');
    // The general vocabulary still answers where the declared words miss.
    expect(fictional.metricKeyOf('Delayed transfers of care')).toBe('delayed_transfers_of_care');
    expect(fictional.rowRole(['Denominator'])).toBe('denominator');
  });
});

describe('the real templates declare their metrics tables (tables.md)', () => {
  const templates = loadTemplates();
  const metricsTables = (id: string): DeclaredTable[] => templates.find((t) => t.id === id)!.tables.filter((t) => t.field === 'metrics');

  it('bcf-2014-original: Outcomes and metrics, its metric names, row types and measurement columns', () => {
    const tables = metricsTables('bcf-2014-original');
    expect(tables.map((t) => t.section)).toEqual(['metrics.outcomes']);
    const key = (label: string) => declaredRowOf(tables, 'metrics', 'rowLabels', label);
    expect(key('Permanent admissions of older people (aged 65 and over) to residential and nursing care homes, per 100,000 population')).toBe('residential_admissions');
    expect(key('Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement / rehabilitation services')).toBe('reablement');
    expect(key('Delayed transfers of care from hospital per 100,000 population (average per month)')).toBe('delayed_transfers_of_care');
    expect(key('Avoidable emergency admissions (composite measure)')).toBe('avoidable_admissions');
    expect(key('Patient / service user experience')).toBe('patient_experience');
    expect(key('Local metric')).toBe('local');
    const role = (label: string) => declaredRowOf(tables, 'metrics', 'rowRoles', label);
    expect(['Metric Value', 'Numerator', 'Denominato'].map(role)).toEqual(['value', 'numerator', 'denominator']);
    const words = metricWords(tables);
    expect(words.kindOf('Current Baseline (as at …)')).toBe('baseline');
    expect(words.kindOf('Performance underpinning April 2015 payment')).toBe('plan');
    expect(words.declaresColumn('Performance underpinning October 2015 payment')).toBe(true);
  });

  it('bcf-2022-23: Metrics, its four metrics, numerator and denominator rows, actual / plan / estimate columns', () => {
    const tables = metricsTables('bcf-2022-23');
    expect(tables.map((t) => t.section)).toEqual(['planning.metrics']);
    const key = (label: string) => declaredRowOf(tables, 'metrics', 'rowLabels', label);
    expect(key('Indirectly standardised rate (ISR) of admissions per 100,000 population')).toBe('avoidable_admissions');
    expect(key('Discharge to usual place of residence')).toBe('discharge_usual_residence');
    expect(key('Long-term support needs of older people (age 65 and over) met by admission to residential and nursing care homes, per 100,000 population')).toBe('residential_admissions');
    expect(key('Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement / rehabilitation services')).toBe('reablement');
    expect(['Indicator value', 'Numerator', 'Denominator'].map((l) => declaredRowOf(tables, 'metrics', 'rowRoles', l))).toEqual(['value', 'numerator', 'denominator']);
    const words = metricWords(tables);
    expect(['2021-22 Q1 Actual', '2022-23 Q1 Plan', '2021-22 estimated'].map(words.kindOf)).toEqual(['actual', 'plan', 'estimate']);
    // A one-word kind names a column only with its period.
    expect(words.declaresColumn('Plan')).toBe(false);
  });

  it('bcf-2014-revised declares no metrics table: tables.md gives Annex 2 no header to declare', () => {
    expect(metricsTables('bcf-2014-revised')).toEqual([]);
  });
});
