// The 2014 Part 2 metrics sheet (../shared/spec/tables.md) printed without gridlines and converted with
// pdftotext -layout: each metric a block of "Metric Value / Numerator / Denominator" rows with a period row under
// it. The printed cells clip and run together: the value headers one space apart, a baseline one space before
// "N/A", period cells with no space between them, and a name too long for its cell alone on its own line at the
// margin (which ended the gutter-read table, so no block after it was read). Synthetic figures.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

const pad = (s: string, n: number) => s.padEnd(n);
const SHEET = [
  'Outcomes are reviewed quarterly.',
  '',
  pad('Metrics', 90) + pad('Current Baseline (as at Performance underpinnin', 56) + 'Performance underpinnin',
  pad('', 72) + pad('Metric Value', 40) + pad('512.4 N/A', 56) + '498.0',
  pad('', 72) + pad('Numerator', 42) + pad('311 N/A', 56) + '305',
  pad('Permanent admissions of older people (aged 65 and over) to residential a', 72) + ' ' + pad('Denominator', 39) + pad('60,700 N/A', 54) + '61,250',
  pad('', 90) + pad('( April 2012 - March 2013 ) N/A', 56) + '( April 2014 - March 2015 )',
  pad('', 74) + pad('Metric Value', 39) + pad('76.5% N/A', 56) + '79.0%',
  pad('', 74) + pad('Numerator', 42) + pad('153 N/A', 56) + '166',
  'Proportion of older people (65 and over) who were still at home 91 days after',
  pad('', 74) + pad('Denominator', 42) + pad('200 N/A', 56) + '210',
  pad('', 90) + pad('( April 2012 - March 2013 ) N/A', 56) + '( April 2014 - March 2015 )',
  pad('', 73) + pad('Metric Value', 42) + pad('412.0', 27) + pad('398.5', 27) + '385.1',
  pad('', 73) + pad('Numerator', 44) + pad('433', 27) + pad('420', 27) + '406',
  pad('Delayed transfers of care from hospital per 100,000 population (average', 73) + pad('Denominator', 38) + pad('105,100', 27) + pad('105,400', 27) + '105,450',
  pad('', 90) + '( April 2013 - December 201( April 2014 - September 20( October 2014 - March 2015',
  '',
].join('\n');

describe('a sheet\'s 2014 metric blocks printed without gridlines (pdftotext -layout)', () => {
  it('reads every block, its values, numerators, denominators and periods', () => {
    const doc = extractText(SHEET, 'txt');
    const got = extractMetrics(doc, noSections).value.map((m) => `${m.metric} ${m.period} ${m.kind} ${m.value} ${m.numerator}/${m.denominator}`);
    expect(got).toEqual(
      expect.arrayContaining([
        'residential_admissions 2012-13 baseline 512.4 311/60700',
        'residential_admissions 2014-15 plan 498 305/61250',
        'reablement 2012-13 baseline 76.5 153/200',
        'reablement 2014-15 plan 79 166/210',
        'delayed_transfers_of_care April 2013 - December 2013 baseline 412 433/105100',
        'delayed_transfers_of_care April 2014 - September 2014 plan 398.5 420/105400',
        'delayed_transfers_of_care October 2014 - March 2015 plan 385.1 406/105450',
      ]),
    );
    expect(got).toHaveLength(7);
  });

  it('reads them through rows padded apart by blank lines, a name wrapped over two lines and a page break', () => {
    const lines = SHEET.split('\n');
    const header = lines[2];
    // The first name wrapped: its first words alone at the margin above the row holding the rest.
    const named = lines[5];
    const padded = [...lines.slice(0, 5), 'Permanent admissions of older', named.replace('Permanent admissions of older', '                             ')];
    // Every row after it printed taller than its text (a blank line under it), a new page after the second block.
    for (const l of lines.slice(6, 11)) padded.push(l, '');
    padded.push('\f' + header, ...lines.slice(11));
    const doc = extractText(padded.join('\n'), 'txt');
    const got = extractMetrics(doc, noSections).value.map((m) => `${m.metric} ${m.period} ${m.kind} ${m.value} ${m.numerator}/${m.denominator}`);
    expect(got).toEqual(
      expect.arrayContaining([
        'residential_admissions 2012-13 baseline 512.4 311/60700',
        'reablement 2014-15 plan 79 166/210',
        'delayed_transfers_of_care October 2014 - March 2015 plan 385.1 406/105450',
      ]),
    );
    expect(got).toHaveLength(7);
    const table = doc.blocks.find((b) => b.kind === 'table' && b.rows.some((r) => r.cells.some((c) => c.text === 'Denominator')));
    expect(table?.kind === 'table' && table.rows.find((r) => r.cells[1].text === 'Denominator')?.cells[0].text).toMatch(/^Permanent admissions of older people \(aged/);
  });
});
