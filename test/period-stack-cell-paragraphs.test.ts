// A 2022-23 metric block of a Word table without rules through raw pdftotext (../shared/spec/tables.md, class 7):
// each period header cell printed on its own, cut at its edge ("2022" / "-23", year, quarter, kind a line each),
// the values one a paragraph. Synthetic figures.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const brief = (m: { metric: string; period: string | null; kind: string; value: number }) => `${m.metric} ${m.period} ${m.kind} ${m.value}`;
const header = (q: number) => `2022\n-23\nQ${q}\nPlan\n`;

describe('period header cells printed one after another in reading order', () => {
  it('reads four columns whose cells take three lines each', () => {
    const text = `8.3 Discharge to usual place of residence\n\n${[1, 2, 3, 4].map(header).join('\n')}\nQuarter\n(%)\n\n91.0\n%\n\n92.0\n%\n\n93.0\n%\n\n94.0\n%\n\nNumerator\n\n1,100\n\n1,200\n\n1,300\n\n1,400\n`;
    const metrics = extractMetrics(extractText(text, 'txt'), noSections).value.map(brief);
    expect(metrics).toEqual(expect.arrayContaining(['discharge_usual_residence 2022-23 Q1 plan 91', 'discharge_usual_residence 2022-23 Q4 plan 94']));
  });

  it('leaves a row unread where it has more values than the header read columns', () => {
    // The first column's header lost (another cell printed in its place): four values under three columns.
    const text = `8.3 Discharge to usual place of residence\n\nOther cell text\n\n${[2, 3, 4].map(header).join('\n')}\nQuarter\n(%)\n\n91.0\n%\n\n92.0\n%\n\n93.0\n%\n\n94.0\n%\n`;
    const metrics = extractMetrics(extractText(text, 'txt'), noSections).value.map(brief);
    expect(metrics.filter((m) => m.startsWith('discharge_usual_residence'))).toEqual([]);
  });
});
