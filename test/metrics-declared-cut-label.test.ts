// A 2022-23 metric laid out with spaces (pdftotext -layout of the planning sheet): the metric's name on a line of
// its own, longer than the label column, so the fixed-width reader cuts it at the value column's edge. The cut
// start still names the metric by the template's declared words; the metric keeps the whole name it was read
// with, not the cut copy. Figures are made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import { documentTables } from '../src/fields/common/documentTables.js';
import { loadTemplates } from '../src/segment/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { rebuildTables } from '../src/tables/index.js';

const template = loadTemplates().find((t) => t.id === 'bcf-2022-23')!;
const noSections: Segmentation = { template: template.id, sections: [], flags: [] };
const NAME = 'Long-term support needs of older people (age 65 and over) met by admission to residential and nursing care homes, per 100,000 population';
const col = (text: string, at: number) => text.padEnd(at);

const text = [
  'Metrics for 2022/23',
  '',
  NAME,
  col('', 73) + col('2020-21 Actual', 23) + col('2021-22 estimated', 18) + '2022-23 Plan',
  col('Indicator value', 90) + col('612.4', 21) + col('598.0', 23) + '585.1',
  col('Numerator', 92) + col('250', 21) + col('247', 21) + '244',
  col('Denominator', 89) + col('40,820', 21) + col('41,300', 21) + '41,700',
  '',
].join('\n');

describe('a metric name cut at the value column by a fixed-width reading', () => {
  it('is read with the whole name, by the declared words', () => {
    const doc = extractText(text, 'txt');
    const tables = documentTables(doc, rebuildTables(doc, noSections, template));
    const metrics = extractMetrics(doc, noSections, tables).value.filter((m) => m.metric === 'residential_admissions');
    expect(metrics.map((m) => `${m.period} ${m.kind} ${m.value} ${m.numerator}/${m.denominator}`)).toEqual([
      '2020-21 actual 612.4 250/40820',
      '2021-22 estimate 598 247/41300',
      '2022-23 plan 585.1 244/41700',
    ]);
    expect(new Set(metrics.map((m) => m.label))).toEqual(new Set([NAME]));
  });
});
