// Shared table helpers for the field extractors: one view ("grid") of every table in a document, whether the
// extractor produced a real table block or the table arrived flattened as tab-separated lines.
import type { Block, DocumentModel } from '../model/document.js';
import { cleanCell } from '../text/clean.js';
import { CUT_DIGIT_GROUP } from '../text/figures.js';
import { columnRunGrids, rowByRowBlockGrids, wideColumnRunGrids } from './columnRuns.js';
import { droppedCellGrids } from './droppedCells.js';

export interface GridRow {
  /** Cell texts as written (line breaks inside a cell kept), one per grid column (colSpan expanded with ''). */
  cells: string[];
  page: number | null;
  /** Index of the block the row came from in DocumentModel.blocks. */
  block: number;
  /** True where the extractor marked the row as a header. */
  header: boolean;
  /** True for the first row after a page break inside a table (its first cells may finish the row above). */
  pageBreakBefore: boolean;
  /** Workbooks: the reference of the row's first cell (`Income!A7`). */
  ref?: string;
}

/**
 * Where an item was read, from the row it was read from: the row's block (index into DocumentModel.blocks) and, for
 * a workbook row, its cell (absent otherwise, so records of other formats gain only the block). Spread into the
 * item where it is made: the one place an item's provenance is set.
 */
export function provenanceOf(row: Pick<GridRow, 'block' | 'ref'>): { cell?: string; block: number } {
  return row.ref ? { cell: row.ref, block: row.block } : { block: row.block };
}

export interface Grid {
  rows: GridRow[];
  /** Block index range (end exclusive) the grid covers. */
  blockStart: number;
  blockEnd: number;
  /** Rebuilt from a table printed column by column (columnRuns.ts): its columns' headers lie inside its range. */
  columnRun?: boolean;
}

/** Cell separator of a flattened table line: a tab, or a run of three or more spaces (layout-preserving text). */
const CELL_GAP = /\t| {3,}/;

/** The text (trimmed) has a cell separator. Most paragraphs have neither a tab nor three spaces: they skip the trim. */
export function hasCellGap(text: string): boolean {
  return (text.includes('\t') || text.includes('   ')) && CELL_GAP.test(text.trim());
}

/** A line of a flattened table: tab- or wide-space-separated cells (what the text form of a table looks like). */
function isTabRow(block: Block): boolean {
  return (block.kind === 'paragraph' || block.kind === 'list_item') && hasCellGap(block.text);
}

/** Short noise between two parts of one table (page numbers, "- 46", a lone "31"). */
function isPageNoise(block: Block): boolean {
  return block.kind !== 'table' && /^[\s\-–—]*(page\s*)?\d{0,4}(\s*(of|\/)\s*\d+)?[\s\-–—]*$/i.test(block.text);
}

/**
 * Grid cells of a table block, colSpan expanded with ''. Converters that lay a table on a fine grid (LibreOffice
 * HTML) give the same logical column different spans in different rows, so a row with as many cells as the
 * header row puts its k-th cell where the header's k-th cell starts: header labels then find their values.
 */
function spannedCells(rows: Extract<Block, { kind: 'table' }>['rows']): string[][] {
  const reference = rows.find((r) => r.header) ?? rows[0];
  const starts: number[] = [];
  let width = 0;
  for (const c of reference?.cells ?? []) {
    starts.push(width);
    width += c.colSpan ?? 1;
  }
  return rows.map((r) => {
    const own = r.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0);
    if (r !== reference && r.cells.length === starts.length && own === width && r.cells.some((c) => (c.colSpan ?? 1) > 1)) {
      const cells = new Array<string>(width).fill('');
      r.cells.forEach((c, k) => (cells[starts[k]] = c.text));
      return cells;
    }
    const cells: string[] = [];
    for (const c of r.cells) {
      cells.push(c.text);
      for (let i = 1; i < (c.colSpan ?? 1); i++) cells.push('');
    }
    return cells;
  });
}

function tableRows(block: Block, index: number): GridRow[] {
  if (block.kind === 'table') {
    const grid = spannedCells(block.rows);
    return block.rows.map((r, k) => ({
      cells: grid[k],
      page: r.page ?? block.page,
      block: index,
      header: Boolean(r.header),
      pageBreakBefore: Boolean(r.pageBreakBefore),
      ...(r.ref ? { ref: r.ref } : {}),
    }));
  }
  if (block.kind === 'paragraph' || block.kind === 'list_item') {
    const cells = block.text.includes('\t') ? block.text.split('\t') : block.text.trim().split(/ {3,}/);
    return [{ cells, page: block.page, block: index, header: false, pageBreakBefore: false }];
  }
  return [];
}

/** A cell line holding one amount: "£1,250,000", "(3,400)", "13,750". */
const CELL_AMOUNT = /^[(\-–]?\s*£\s*\d[\d,]*(\.\d+)?\s*\)?$|^[(\-–]?\s*\d{1,3}(,\d{3})+(\.\d+)?\s*\)?$/;
/** Words of column headers: a window of lines full of them is a table's header row. */
const HEADER_WORD = /\b(name|scheme|project|description|source|funding|provider|commissioner|area|expenditure|spend|amount|cost|ref|type|new|existing|total|value|budget)\b|£/i;

function isCellLine(block: Block): boolean {
  return (block.kind === 'paragraph' || block.kind === 'list_item') && block.text.length <= 300 && !hasCellGap(block.text);
}

/**
 * Tables flattened to one cell per line (LibreOffice "Text" export, text pasted from a table): amounts k lines
 * apart in at least three rows, under k header lines, make a k-column table. The header is the k lines above the
 * first row with the most column-header words (nearest the rows on a tie). A row with a wrapped cell (one extra
 * line) breaks the period: it is skipped and the rows after it are read on.
 */
export function cellLineGrids(doc: DocumentModel): Grid[] {
  const blocks = doc.blocks;
  const amounts: number[] = [];
  // A figure cut at its cell's edge, its digits finished on the next line ("£4,902,00" / "0"), is not one cell
  // per line: counted as an amount it sets a false period over a plan-details summary broken into short lines.
  const cutFigure = (t: string, next: Block | undefined) =>
    CUT_DIGIT_GROUP.test(t) && next !== undefined && next.kind !== 'table' && /^\d{1,3}$/.test(cleanCell(next.text));
  blocks.forEach((b, i) => {
    if (b.kind === 'table' || !isCellLine(b)) return;
    const t = cleanCell(b.text);
    if (CELL_AMOUNT.test(t) && !cutFigure(t, blocks[i + 1])) amounts.push(i);
  });
  const allCellLines = (from: number, to: number) => from >= 0 && blocks.slice(from, to).every(isCellLine);
  const grids: Grid[] = [];
  let n = 0;
  while (n + 2 < amounts.length) {
    // The period: the commonest gap between the next few amounts (one wrapped row must not set it).
    const gaps = [1, 2, 3, 4].filter((d) => n + d < amounts.length).map((d) => amounts[n + d] - amounts[n + d - 1]);
    const k = [...gaps].sort((a, b) => gaps.filter((g) => g === b).length - gaps.filter((g) => g === a).length || a - b)[0];
    if (k < 3 || k > 12 || !allCellLines(amounts[n], amounts[n + 1]) || amounts[n + 1] - amounts[n] > 2 * k) {
      n++;
      continue;
    }
    // The header: the column offset c whose header window has the most header words.
    let best = -1;
    let bestScore = 0;
    for (let c = 0; c < k; c++) {
      const start = amounts[n] - c - k;
      if (!allCellLines(start, amounts[n] - c)) continue;
      const lines = blocks.slice(start, amounts[n] - c).map((b) => (b.kind === 'table' ? '' : cleanCell(b.text)));
      if (lines.some((l) => CELL_AMOUNT.test(l) || l.length > 60)) continue;
      const score = lines.filter((l) => HEADER_WORD.test(l)).length;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best < 0 || bestScore < Math.ceil(k / 2)) {
      n++;
      continue;
    }
    const cellsAt = (start: number) => blocks.slice(start, start + k).map((b) => (b.kind === 'table' ? '' : b.text));
    const headerStart = amounts[n] - best - k;
    const rows: GridRow[] = [
      { cells: cellsAt(headerStart), page: blocks[headerStart].page, block: headerStart, header: true, pageBreakBefore: false },
    ];
    let end = headerStart + k;
    let m = n;
    while (m < amounts.length) {
      const start = amounts[m] - best;
      // Rows follow each other; lines left between two rows are a row with a wrapped cell, skipped.
      if (start < end || start - end > k || !allCellLines(end, start + k)) break;
      if (start === end) rows.push({ cells: cellsAt(start), page: blocks[start].page, block: start, header: false, pageBreakBefore: false });
      end = start + k;
      m++;
    }
    // Header and at least three rows: two amounts k lines apart under header words is not yet a table.
    if (rows.length >= 4) grids.push({ rows, blockStart: headerStart, blockEnd: end });
    n = Math.max(m, n + 1);
  }
  return grids;
}

/**
 * Every table of the document as a grid. Adjacent table parts (a table split at a page break, or tab lines
 * separated only by a page number) are merged into one grid, so a header read once applies to all its rows.
 */
export function collectGrids(doc: DocumentModel): Grid[] {
  const grids: Grid[] = [];
  let current: Grid | null = null;
  let gap = 0;
  doc.blocks.forEach((block, i) => {
    const tabular = block.kind === 'table' || isTabRow(block);
    if (tabular) {
      if (!current || gap > 0) {
        // A part separated from the previous grid only by page noise continues it.
        if (current && gap > 2) current = null;
      }
      if (!current) {
        current = { rows: [], blockStart: i, blockEnd: i + 1 };
        grids.push(current);
      }
      current.rows.push(...tableRows(block, i));
      current.blockEnd = i + 1;
      gap = 0;
      return;
    }
    if (current && isPageNoise(block)) {
      gap++;
      return;
    }
    current = null;
    gap = 0;
  });
  const flattened = [...cellLineGrids(doc), ...columnMajorGrids(doc)];
  // Sheets printed column by column (columnRuns.ts), where no other reading took their lines.
  const taken = (g: Grid) => [...grids, ...flattened].some((o) => o.blockStart < g.blockEnd && g.blockStart < o.blockEnd);
  flattened.push(...[...columnRunGrids(doc), ...wideColumnRunGrids(doc), ...rowByRowBlockGrids(doc)].filter((g) => !taken(g)));
  // Figures printed row by row with empty cells dropped (droppedCells.ts), where none of those took the lines.
  flattened.push(...droppedCellGrids(doc).filter((g) => !taken(g)));
  if (flattened.length === 0) return grids;
  return [...grids, ...flattened].sort((a, b) => a.blockStart - b.blockStart);
}

/** A line that can be a label of a two-column table: short, no figure, not a sentence. */
function labelLine(b: Block | undefined): boolean {
  if (!b || (b.kind !== 'paragraph' && b.kind !== 'list_item')) return false;
  const t = cleanCell(b.text);
  return t !== '' && t.length <= 120 && !CELL_AMOUNT_IN.test(t) && !/[.!]$/.test(t);
}

/** A line that can be a value: short, a figure or a name. */
function valueLine(b: Block | undefined): boolean {
  if (!b || (b.kind !== 'paragraph' && b.kind !== 'list_item')) return false;
  const t = cleanCell(b.text);
  return t !== '' && t.length <= 60 && !/[.!?:]$/.test(t);
}

const CELL_AMOUNT_IN = /£\s*\d|\d{1,3},\d{3}/;

/** A label a figure can stand under: it names money, or is a financial year alone. */
const MONEY_LABEL = /budget|contribution|fund|grant|total|minimum|value|expenditure|spend|income|allocation|£|^\s*(19|20)\d{2}\s*[/\-–]\s*\d{2}(\d{2})?\s*:?\s*$/i;

/**
 * A two-column table flattened column by column (a converter reading down each column): all the labels, then all
 * the values, as many of each ("Local Authority" … "2015/16", then "Eastham Council" … "£10,100,000"). In a run of
 * short lines ending at its last figure, the first half (no figures) are the labels and the second half (a figure
 * last, figures at least half of it) the values; a heading or two just above the labels is left out. Each label gets the value in its place.
 */
export function columnMajorGrids(doc: DocumentModel): Grid[] {
  const blocks = doc.blocks;
  const text = (k: number) => {
    const b = blocks[k];
    return b && b.kind !== 'table' ? cleanCell(b.text) : '';
  };
  const short = (k: number) => labelLine(blocks[k]) || valueLine(blocks[k]);
  const money = (k: number) => CELL_AMOUNT.test(text(k));
  const grids: Grid[] = [];
  let i = 0;
  while (i < blocks.length) {
    if (!short(i)) {
      i++;
      continue;
    }
    let end = i;
    while (end < blocks.length && short(end)) end++;
    let last = end - 1;
    while (last >= i && !money(last)) last--;
    let found: { start: number; n: number } | null = null;
    for (let start = i; start <= i + 2 && last >= start; start++) {
      const len = last + 1 - start;
      if (len < 6 || len % 2 !== 0) continue;
      const n = len / 2;
      const labels = Array.from({ length: n }, (_, k) => start + k);
      const values = Array.from({ length: n }, (_, k) => start + n + k);
      // Figures make at least half of the values (a row-by-row label/value run would have names among them).
      // Each figure's label names money or a year ("Total agreed value of pooled budget", "2015/16").
      const labelsFit = values.every((v, k) => !money(v) || MONEY_LABEL.test(text(labels[k])));
      if (labels.every((k) => labelLine(blocks[k])) && !labels.some(money) && 2 * values.filter(money).length >= n && labelsFit) {
        found = { start, n };
        break;
      }
    }
    if (!found) {
      i = end;
      continue;
    }
    const { start, n } = found;
    const rows: GridRow[] = Array.from({ length: n }, (_, k) => ({
      cells: [text(start + k), text(start + n + k)],
      page: blocks[start + k].page,
      block: start + k,
      header: false,
      pageBreakBefore: false,
    }));
    grids.push({ rows, blockStart: start, blockEnd: start + 2 * n });
    i = end;
  }
  return grids;
}

/** Texts of the up-to-`count` non-table blocks just before block `index`, nearest first. */
export function textsBefore(doc: DocumentModel, index: number, count: number): { text: string; block: number }[] {
  const out: { text: string; block: number }[] = [];
  for (let i = index - 1; i >= 0 && out.length < count; i--) {
    const b = doc.blocks[i];
    if (b.kind === 'table' || isTabRow(b)) break;
    if (isPageNoise(b)) continue;
    out.push({ text: b.text, block: i });
  }
  return out;
}

/** The non-empty cleaned cells of a row. */
export function filledCells(row: GridRow): string[] {
  return row.cells.map(cleanCell).filter((c) => c !== '');
}

/** True when two rows carry the same cleaned cells (a header repeated at a page break). */
export function sameRow(a: GridRow, b: GridRow): boolean {
  const x = filledCells(a).join('\u0001').toLowerCase();
  return x !== '' && x === filledCells(b).join('\u0001').toLowerCase();
}
