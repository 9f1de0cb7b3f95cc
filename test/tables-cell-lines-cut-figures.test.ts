// cellLineGrids (src/tables/grids.ts) and figures cut at their cell's edge (tables.md class 4): a plan-details
// summary through raw pdftotext ("Minimum" / "required value of" / … / "£4,902,00" / "0") has its amounts a few
// lines apart, as a table flattened one cell per line does; a cut figure's two lines are one cell, so they do not
// set a period. Every figure is made up.
import { describe, expect, it } from 'vitest';
import { cellLineGrids } from '../src/tables/grids.js';
import { buildDocument, type RawBlock } from '../src/model/document.js';

const para = (text: string): RawBlock => ({ kind: 'paragraph', text, page: 1 });
const doc = (lines: string[]) => buildDocument('txt', 1, lines.map(para));

describe('cellLineGrids and cut figures', () => {
  it('does not read a label/value summary with cut figures as a cell-per-line table', () => {
    const d = doc(['Minimum', 'required value of', 'BCF pooled', 'budget: 2014/15', '£734,000', '2015/16', '£15,118,000',
      'Total agreed value of pooled budget:', '2014/15', '£4,902,00', '0', '2015/16', '£15,118,0', '00']);
    expect(cellLineGrids(d)).toEqual([]);
  });

  it('still reads a table flattened one cell per line, its figures whole', () => {
    const d = doc(['Scheme', 'Provider', 'Budget', 'Home care', 'Council', '£120,000', 'Reablement', 'Trust', '£85,000', 'Carers', 'Council', '£40,000']);
    expect(cellLineGrids(d).map((g) => g.rows.map((r) => r.cells))).toEqual([
      [['Scheme', 'Provider', 'Budget'], ['Home care', 'Council', '£120,000'], ['Reablement', 'Trust', '£85,000'], ['Carers', 'Council', '£40,000']],
    ]);
  });
});
