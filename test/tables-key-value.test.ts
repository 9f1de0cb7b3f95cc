// src/tables/keyValue.ts on its own: label/value lines (a plan-details summary flattened to text, or a PDF without
// rulings broken into short lines) become a grid of [label, year, figure] rows. The spec here is a toy one, so the
// tests are of the step, not of the budget vocabulary. Every figure is made up.
import { describe, expect, it } from 'vitest';
import { keyValueGrids, keyValueRow, labelWrappedBelow, startsMidSentence, type KeyValueSpec } from '../src/tables/keyValue.js';
import { buildDocument, type RawBlock } from '../src/model/document.js';
import type { Grid, GridRow } from '../src/tables/grids.js';

const SPEC: KeyValueSpec = {
  figureIn: (text) => {
    // A figure may have its last digits wrapped onto the next line ("£6,200,00" / "0").
    const m = /£[\d,]+(\s\d{1,3}\b)?/.exec(text);
    return m ? { text: m[0] } : null;
  },
  isLabel: (label) => /\b(minimum|total)\b.*\bbudget\b/i.test(label),
  isOpenLabel: (label) => /^total\b/i.test(label),
  proseWords: /\b(we|will|shall|invest)\b/i,
};
const para = (text: string): RawBlock => ({ kind: 'paragraph', text, page: 1 });
const table = (rows: string[][]): RawBlock => ({ kind: 'table', page: 1, rows: rows.map((cells) => ({ cells: cells.map((text) => ({ text })), page: 1 })) });
const doc = (blocks: RawBlock[]) => buildDocument('txt', 1, blocks);
const cellsOf = (grids: Grid[]) => grids.map((g) => g.rows.map((r) => r.cells));

describe('keyValueGrids', () => {
  it('joins a short title line above into the first label (the line read on its own is tried last)', () => {
    const d = doc([para('Plan details'), para('Minimum pooled budget: £700,000')]);
    expect(cellsOf(keyValueGrids(d, [], SPEC))).toEqual([[['Plan details Minimum pooled budget', '£700,000']]]);
  });

  it('reads "label: year figure" lines and a year line continuing the row above as one grid', () => {
    const d = doc([para('The plan details follow.'), para('Minimum pooled budget: 2014/15 £700,000'), para('2015/16 £7,100,000'), para('Total pooled budget: 2014/15 £900,000')]);
    const grids = keyValueGrids(d, [], SPEC);
    expect(cellsOf(grids)).toEqual([
      [
        ['Minimum pooled budget', '2014/15', '£700,000'],
        ['2015/16', '£7,100,000'],
        ['Total pooled budget', '2014/15', '£900,000'],
      ],
    ]);
    expect([grids[0].blockStart, grids[0].blockEnd]).toEqual([1, 4]);
  });

  it('joins a row broken into short lines, and digits wrapped onto the next line; the grid starts at the label', () => {
    const d = doc([para('Date submitted: 02/02/15'), para('Minimum'), para('pooled budget:'), para('2014/15'), para('£610,000'), para('2015/16 £6,200,00'), para('0')]);
    const grids = keyValueGrids(d, [], SPEC);
    expect(cellsOf(grids)).toEqual([
      [
        ['Minimum pooled budget', '2014/15', '£610,000'],
        ['2015/16', '£6,200,00 0'],
      ],
    ]);
    expect(grids[0].blockStart).toBe(1);
  });

  it('gives a figure printed before the end of its label the label\'s rest and year that follow it (pdftotext reading order)', () => {
    const d = doc([para('Minimum pooled'), para('budget value'), para('£610,000'), para('as agreed:'), para('2014/15'), para('2015/16'), para('£6,200,000')]);
    expect(cellsOf(keyValueGrids(d, [], SPEC))).toEqual([
      [
        ['Minimum pooled budget value as agreed:', '2014/15', '£610,000'],
        ['2015/16', '£6,200,000'],
      ],
    ]);
  });

  it('puts back a year cut at its "/" whose tail comes after the figure and the label\'s words (raw reading order)', () => {
    const afterBlank = (text: string): RawBlock => ({ ...para(text), blankLinesBefore: 1 });
    const d = doc([para('Total required 2014/'), para('£845,000'), para('value'), para('15'), para('of BCF pooled'), para('budget'), afterBlank('2015/16'), para('£7,100,000')]);
    expect(cellsOf(keyValueGrids(d, [], SPEC))).toEqual([
      [
        ['Total required value of BCF pooled budget', '2014/15', '£845,000'],
        ['2015/16', '£7,100,000'],
      ],
    ]);
    // Not a tail past another line with digits (the next row's), nor after a blank line (another run of cells).
    for (const between of [[para('Total pooled budget £900,000')], [afterBlank('budget')]]) {
      const rows = cellsOf(keyValueGrids(doc([para('Minimum pooled budget 2014/'), para('£845,000'), ...between, para('15')]), [], SPEC)).flat();
      expect(rows.some((r) => r.includes('2014/15'))).toBe(false);
    }
  });

  it('does not start a label after a fragment broken off mid-phrase, even at a capitalised fragment', () => {
    // "Total" would make a label on its own with the lines after it; "Minimum value of" runs on into it.
    const d = doc([para('Date submitted:'), para('02/02/15'), para('Minimum value of'), para('Total'), para('pooled budget: 2014/15'), para('£610,000')]);
    expect(cellsOf(keyValueGrids(d, [], SPEC))).toEqual([[['Minimum value of Total pooled budget', '2014/15', '£610,000']]]);
  });

  it('does not read a sentence holding a figure, and a sentence ends the grid', () => {
    const d = doc([para('Minimum pooled budget: £500,000'), para('We will invest £200,000 in carers.'), para('2015/16 £5,000,000')]);
    expect(cellsOf(keyValueGrids(d, [], SPEC))).toEqual([[['Minimum pooled budget', '£500,000']]]);
  });

  it('skips lines already read as a table, and tables themselves', () => {
    const d = doc([para('Minimum pooled budget: £500,000'), table([['Total pooled budget', '£800,000']]), para('Total pooled budget: £800,000')]);
    const asTable: Grid = { rows: [], blockStart: 2, blockEnd: 3 };
    expect(cellsOf(keyValueGrids(d, [asTable], SPEC))).toEqual([[['Minimum pooled budget', '£500,000']]]);
  });
});

describe('keyValueRow', () => {
  it('unwraps a label a line merge put around its year and figure', () => {
    expect(keyValueRow('Minimum value of 2014/15 £1,000,000 pooled budget:', false, SPEC)).toEqual(['Minimum value of pooled budget', '2014/15', '£1,000,000']);
  });
  it('keeps a label cut at the line end only where the spec says the next line completes it', () => {
    expect(keyValueRow('Total proposed value of £900,000', false, SPEC)).toEqual(['Total proposed value of', '£900,000']);
    expect(keyValueRow('Carers £900,000', false, SPEC)).toBeNull();
  });
  it('reads a lone year as a continuation only when a row is open', () => {
    expect(keyValueRow('2015/16 £5,000,000', true, SPEC)).toEqual(['2015/16', '£5,000,000']);
    expect(keyValueRow('2015/16 £5,000,000', false, SPEC)).toBeNull();
  });
});

describe('labelWrappedBelow', () => {
  const row = (...cells: string[]): GridRow => ({ cells, page: 1, block: 0, header: false, pageBreakBefore: false });
  const hasFigure = (c: string) => /£\d|^(19|20)\d{2}\/\d{2}$/.test(c.trim());
  // The plan-details summary's shape: "label | year | figure", a label wrapped onto the next row with the next year.
  const rows = [
    row('Total proposed value of', '2014/15', '£900,000'),
    row('pooled budget', '2015/16', '£9,100,000'),
    row('Minimum required value', '2014/15', '£700,000'),
    row('iBCF contribution', '2015/16', '£1,000'),
    row('(of which carers)', '', ''),
  ];
  it('gives the rest of the label when the next row starts mid-sentence and has a figure', () => {
    expect(labelWrappedBelow(rows, 0, hasFigure)).toBe('pooled budget');
  });
  it('gives nothing when the next row starts a label of its own, has no figure, or there is none', () => {
    expect(labelWrappedBelow(rows, 1, hasFigure)).toBe('');
    expect(labelWrappedBelow(rows, 2, hasFigure)).toBe('');
    expect(labelWrappedBelow(rows, 3, hasFigure)).toBe('');
    expect(labelWrappedBelow(rows, 4, hasFigure)).toBe('');
  });
  it('reads "iBCF" as a label start, "of …" and "(…" as mid-sentence', () => {
    expect([startsMidSentence('iBCF contribution'), startsMidSentence('of BCF pooled budget'), startsMidSentence('(£000s)'), startsMidSentence('Total')]).toEqual([false, true, true, false]);
  });
});
