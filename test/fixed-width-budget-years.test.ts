// Failure class 3 of ../shared/spec/tables.md (cells cut) in the 2014 plan-details summary as pdftotext -layout
// writes it: the year column is too narrow for "2014/15", so the year wraps ("2014/1" over "5") and the layout
// reader takes the year and the figure beside it for one column. One cell then holds each year of the row with its
// figure, or a year stands alone on the row above its figure. Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractBudgets } from '../src/fields/budgets/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const budgets = (lines: string[]) =>
  extractBudgets(extractText(['a) Summary of Plan', '', ...lines, '', 'b) Authorisation and signoff', ''].join('\n'), 'txt'), noSections)
    .value.map((b) => `${b.kind} ${b.year} ${b.amountGbp}`)
    .sort();

const expected = [
  'minimum_pooled_budget 2014-15 9450000',
  'minimum_pooled_budget 2015-16 31720000',
  'total_pooled_budget 2014-15 9450000',
  'total_pooled_budget 2015-16 31720000',
];

describe('plan-details years wrapped in a narrow cell, in laid-out text', () => {
  it('a cell holding each year with its figure reads one figure per year', () => {
    const lines = [
      pad([[0, 'Minimum required'], [27, '2014/1']]),
      pad([[34, '£9,450,000']]),
      pad([[0, 'value'], [27, '5']]),
      pad([[27, '2015/1']]),
      pad([[0, 'of BCF pooled budget'], [34, '£31,720,000']]),
      pad([[27, '6']]),
      pad([[27, '2014/1']]),
      pad([[0, 'Total proposed value of'], [34, '£9,450,000']]),
      pad([[27, '5']]),
      pad([[27, '2015/1'], [34, 'A minimum of £31,720,000 with likely total']]),
      pad([[0, 'pooled budget']]),
      pad([[27, '6'], [34, 'pooled']]),
      pad([[35, 'budget being in excess of £88,000,000']]),
    ];
    expect(budgets(lines)).toEqual(expected);
  });

  it('a year alone on the row above its figure dates that figure, not the rows below it', () => {
    const lines = [
      pad([[0, 'Minimum required'], [21, '2014/']]),
      pad([[27, '£9,450,000']]),
      pad([[0, 'value'], [21, '15']]),
      pad([[0, 'of BCF pooled'], [21, '2015/']]),
      pad([[27, '£31,720,000']]),
      pad([[0, 'budget'], [21, '16']]),
      pad([[0, 'Total proposed'], [21, '2014/']]),
      pad([[27, '£9,450,000']]),
      pad([[0, 'value of'], [21, '15']]),
      pad([[21, '2015/'], [27, 'A minimum of £31,720,000 with likely']]),
      pad([[0, 'pooled budget']]),
      pad([[21, '16'], [27, 'total pooled']]),
      pad([[29, 'budget being in excess of']]),
      pad([[29, '£88,000,000']]),
    ];
    expect(budgets(lines)).toEqual(expected);
  });

  it('a label wrapped around its figures, its last row cut off into a laid-out table, keeps each label whole', () => {
    // Rows one blank line apart (no table found there): the label's first line above the figure's line, its rest
    // below; the last label's end opens the next table ("pooled budget 2015/16 | A minimum of …").
    const lines = [
      'Minimum required',
      pad([[26, '2014/15 £9,450,000']]),
      'value',
      '',
      pad([[0, 'of BCF pooled budget'], [26, '2015/16 £31,720,000']]),
      '',
      'Total proposed value of 2014/15 £9,450,000',
      '',
      pad([[36, 'A minimum of £31,720,000 with likely total']]),
      pad([[0, 'pooled budget'], [26, '2015/16']]),
      pad([[36, 'pooled']]),
      '',
      pad([[36, 'budget being in excess of £88,000,000']]),
    ];
    expect(budgets(lines)).toEqual(expected);
  });

  it('a label wrapped around its figures, its last row cut off into a laid-out table, keeps each label whole', () => {
    // Rows one blank line apart (no table found there): the label's first line above the figure's line, its rest
    // below; the last label's end opens the next table ("pooled budget 2015/16 | A minimum of …").
    const lines = [
      'Minimum required',
      pad([[26, '2014/15 £9,450,000']]),
      'value',
      '',
      pad([[0, 'of BCF pooled budget'], [26, '2015/16 £31,720,000']]),
      '',
      'Total proposed value of 2014/15 £9,450,000',
      '',
      pad([[36, 'A minimum of £31,720,000 with likely total']]),
      pad([[0, 'pooled budget'], [26, '2015/16']]),
      pad([[36, 'pooled']]),
      '',
      pad([[36, 'budget being in excess of £88,000,000']]),
    ];
    expect(budgets(lines)).toEqual(expected);
  });
});
