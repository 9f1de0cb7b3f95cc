// Borderless tables: consecutive lines whose text falls into the same columns, separated by wide gaps
// (tab stops, spreadsheet exports without gridlines). Columns are found from the empty vertical strips
// ("gutters") shared by all those lines, as a projection profile, so left-, right- and centre-aligned
// columns all work. Prose never qualifies: its words are separated by spaces, not by gaps of an em or more.
import { joinCutFigureRow, joinWrapped, joinWrappedRow, type TextLine } from './lines.js';
import { CUT_DIGIT_GROUP, isValueCell, isWholeFigure } from '../../text/figures.js';
import type { TextRun } from './types.js';

export interface TextTable {
  top: number;
  x0: number;
  x1: number;
  /** Column edges: [x0 of column 0, boundary, ..., x1 of last column]. */
  edges: number[];
  rows: string[][];
  /** The lines the table was built from (top to bottom). */
  lines: TextLine[];
  /**
   * Long prose in every column, most rows full: this is a page set in columns, not a table. The caller
   * reads it column by column instead.
   */
  proseColumns: boolean;
}

interface Chunk {
  x0: number;
  x1: number;
  text: string;
}

/** A gap this wide (in font sizes) between two runs on a line separates columns. */
const COLUMN_GAP = 1.2;

function chunksOf(line: TextLine): Chunk[] {
  const chunks: Chunk[] = [];
  let cur: TextRun[] = [];
  const flush = () => {
    if (cur.length === 0) return;
    chunks.push({ x0: cur[0].x0, x1: Math.max(...cur.map((r) => r.x1)), text: cur.map((r) => r.text).join(' ').replace(/\s+/g, ' ').trim() });
    cur = [];
  };
  for (const run of line.runs) {
    if (cur.length > 0 && (run.x0 - cur[cur.length - 1].x1 > COLUMN_GAP * line.size || clippedBoundary(cur[cur.length - 1], run, line.size))) flush();
    const prev = cur[cur.length - 1];
    // Runs that touch form one word: keep them together without a space.
    if (prev && run.x0 - prev.x1 <= 0.15 * line.size) {
      cur[cur.length - 1] = { ...prev, text: prev.text + run.text, x1: run.x1 };
      continue;
    }
    cur.push(run);
  }
  flush();
  return chunks;
}

/**
 * A sheet printed without gridlines clips a cell's text where the next cell is filled: the two cells' runs
 * touch, or overlap by a glyph, with no space between them ("Holds the poole" "Spending on BCF sch"). Text of
 * one cell runs on with a space, a hyphen or a lower-case letter; a capital, a digit or a "£" straight after a
 * letter, with no space, starts the next cell.
 */
export function clippedBoundary(prev: TextRun, run: TextRun, size: number): boolean {
  // An acronym cut at the edge ("CC" / "G") goes on in capitals.
  const acronym = /^\p{Lu}+$/u.test(prev.text.split(/\s/).pop() ?? '') && /^\p{Lu}+\b/u.test(run.text);
  if (run.x0 - prev.x1 >= 0.5 * size || !/^[\p{Lu}\d£(]/u.test(run.text) || acronym) return false;
  // Text boxes that overlap by more than a point (a clipped cell's last glyph under the next cell's first) end a
  // cell whatever it ends with ("… December 201" "( April 2014 …"); prose never overlaps its own text.
  // An opening bracket straight after a figure ("… 20" "( October …") is a cut cell too.
  return /[\p{L}(]$/u.test(prev.text) || run.x0 < prev.x1 - 1 || (/\d$/.test(prev.text) && run.text.startsWith('('));
}

/**
 * A sheet's clipped header: three or more cells, two or more of them touching their neighbour (one is enough
 * in a header of five or more cells, where the widths left most of them whole, or where two overlap).
 */
function clippedHeaderCells(line: TextLine, chunks: Chunk[]): boolean {
  const gaps = chunks.slice(1).map((c, k) => c.x0 - chunks[k].x1);
  const touching = gaps.filter((g) => g < 0.5 * line.size).length;
  // Text boxes that overlap (a clipped cell's last glyph under the next cell's first) never happen in prose.
  const overlapping = gaps.filter((g) => g < -0.5).length;
  // A header names; a row holding an amount is data, however clipped its cells.
  const amount = chunks.some((c) => /£\s?\d|\d,\d{3}/.test(c.text));
  return chunks.length >= 3 && !amount && (overlapping >= 1 || touching >= (chunks.length >= 5 ? 1 : 2));
}

export function isClippedHeader(line: TextLine): boolean {
  return clippedHeaderCells(line, chunksOf(line));
}

/**
 * Column intervals from a header line of clipped cells (clippedHeaderCells): its cells start the columns (a sheet's header sits left-aligned at its columns' starts, over figures
 * that may be right-aligned). Null when the region's first lines hold no such header.
 */
function clippedHeaderColumns(region: Array<{ line: TextLine; chunks: Chunk[] }>, x1: number): Array<[number, number]> | null {
  let best: Chunk[] | null = null;
  let bestLine: TextLine | null = null;
  for (const { line, chunks } of region.slice(0, 3)) {
    if ((clippedHeaderCells(line, chunks) || startsColumns(line, region)) && (!best || chunks.length > best.length)) {
      best = chunks;
      bestLine = line;
    }
  }
  if (!best || !bestLine) return null;
  // A sheet prints each cell as a text run of its own: the header's runs, not its chunks, start the columns
  // (two header cells a few points apart make one chunk).
  const headerStarts = cellRuns(bestLine).map((c) => c.x0);
  // A column with no header text of its own (the row labels "Metric Value" / "Numerator" / "Denominator" beside
  // a metric's name): words that start at one place on three or more lines start a column too. Figures do not
  // (right-aligned amounts of one width would share a start inside their column).
  const wordStarts = new Map<number, number>();
  for (const { line } of region) {
    if (line === bestLine) continue;
    for (const c of cellRuns(line)) {
      if (/^[£$€(-]?\d/.test(c.text)) continue;
      const x = Math.round(c.x0);
      wordStarts.set(x, (wordStarts.get(x) ?? 0) + 1);
    }
  }
  const extra = [...wordStarts].filter(([x, n]) => n >= 3 && headerStarts.every((h) => Math.abs(h - x) > 3)).map(([x]) => x);
  const starts = [...headerStarts, ...extra].sort((a, b) => a - b);
  const left = Math.min(starts[0], ...region.flatMap((r) => r.chunks.map((c) => c.x0)));
  return starts.map((x, k) => [k === 0 ? left : x - 1, k + 1 < starts.length ? starts[k + 1] - 1.5 : Math.max(x1, best![best!.length - 1].x1)]);
}

/**
 * A header of words whose every cell starts where a value cell of the rows below starts: a sheet's header, set
 * left in its cells over cells set left ("N/A") and figures set right, which may be a gutter apart in one column.
 */
function startsColumns(line: TextLine, region: Array<{ line: TextLine; chunks: Chunk[] }>): boolean {
  const cells = cellRuns(line);
  if (cells.length < 2 || cells.some((c) => isValueCell(c.text))) return false;
  const below = region.filter((r) => r.line.base > line.base).flatMap((r) => cellRuns(r.line).filter((c) => isValueCell(c.text)).map((c) => c.x0));
  return cells.every((c) => below.some((x) => Math.abs(x - c.x0) <= 1.5));
}

/** A line's cells as a sheet prints them: its runs, those that touch joined unless a clipped cell ends there. */
function cellRuns(line: TextLine): Chunk[] {
  const cells: Chunk[] = [];
  let last: TextRun | null = null;
  for (const run of [...line.runs].sort((a, b) => a.x0 - b.x0)) {
    if (run.text.trim() === '') continue;
    const cell = cells[cells.length - 1];
    if (cell && last && run.x0 - last.x1 <= 0.15 * line.size && !clippedBoundary(last, run, line.size)) {
      cell.text += run.text;
      cell.x1 = Math.max(cell.x1, run.x1);
    } else {
      cells.push({ x0: run.x0, x1: run.x1, text: run.text.trim() });
    }
    last = run;
  }
  return cells.map((c) => ({ ...c, text: c.text.replace(/\s+/g, ' ').trim() }));
}

/** The x-intervals covered by chunks, merged where they overlap or nearly touch: the columns. */
function coveredColumns(chunks: Chunk[], minGutter: number): Array<[number, number]> {
  const sorted = [...chunks].sort((a, b) => a.x0 - b.x0);
  const cols: Array<[number, number]> = [];
  for (const c of sorted) {
    const last = cols[cols.length - 1];
    if (last && c.x0 < last[1] + minGutter) last[1] = Math.max(last[1], c.x1);
    else cols.push([c.x0, c.x1]);
  }
  return cols;
}

function headerColumn(chunk: Chunk, cols: Array<[number, number]>): number {
  const width = Math.max(chunk.x1 - chunk.x0, 1);
  const overlaps = cols.map(([a, b]) => Math.max(0, Math.min(b, chunk.x1) - Math.max(a, chunk.x0)) / width);
  const most = overlaps.indexOf(Math.max(...overlaps));
  if (overlaps[most] >= 0.3) return most;
  const right = cols.findIndex(([a]) => a >= chunk.x0);
  return right >= 0 ? right : cols.length - 1;
}

function columnsTouched(chunk: Chunk, cols: Array<[number, number]>): number {
  return cols.filter(([a, b]) => chunk.x1 > a + 1 && chunk.x0 < b - 1).length;
}

function crossesGutter(chunk: Chunk, cols: Array<[number, number]>): boolean {
  // A chunk that covers parts of two columns (spans a gutter) is prose, not a cell.
  let touched = 0;
  for (const [a, b] of cols) if (chunk.x1 > a + 1 && chunk.x0 < b - 1) touched++;
  return touched > 1;
}

/**
 * Find borderless tables among a page's lines (sorted top to bottom). Returns the tables and the lines
 * that are not part of one.
 */
export function findTextTables(lines: TextLine[], stepRatio: number): { tables: TextTable[]; rest: TextLine[] } {
  const chunked = lines.map((line) => ({ line, chunks: chunksOf(line) }));
  const tables: TextTable[] = [];
  const used = new Set<TextLine>();
  let i = 0;
  while (i < chunked.length) {
    if (chunked[i].chunks.length < 2) {
      i++;
      continue;
    }
    // Grow a region of column lines; single-chunk lines may sit inside it (a row with one cell filled).
    let j = i + 1;
    let lastMulti = i;
    let singles = 0;
    while (j < chunked.length) {
      const prev = chunked[j - 1].line;
      const cur = chunked[j];
      const gap = cur.line.base - prev.base;
      if (gap <= 0 || gap > 2.6 * stepRatio * prev.size || Math.abs(cur.line.size - prev.size) > 1) break;
      if (cur.chunks.length >= 2) {
        lastMulti = j;
        singles = 0;
      } else if (++singles > 2) {
        break;
      }
      j++;
    }
    // Keep trailing one-cell lines set at line spacing: the wrapped end of the last row.
    let end = lastMulti + 1;
    while (end < j && end - lastMulti <= 2 && chunked[end].line.base - chunked[end - 1].line.base <= 1.3 * stepRatio * chunked[end].line.size) end++;
    const region = chunked.slice(i, end);
    const table = regionTable(region, stepRatio);
    if (table) {
      tables.push(table.table);
      for (const r of region.slice(0, table.used)) used.add(r.line);
      i += Math.max(table.used, 1);
    } else {
      i = lastMulti + 1;
    }
  }
  return { tables, rest: lines.filter((l) => !used.has(l)) };
}

function regionTable(region: Array<{ line: TextLine; chunks: Chunk[] }>, stepRatio: number): { table: TextTable; used: number } | null {
  const multi = region.filter((r) => r.chunks.length >= 2);
  if (multi.length < 2) return null;
  const size = region[0].line.size;
  const right = Math.max(...region.flatMap((r) => r.chunks.map((c) => c.x1)));
  const headerCols = clippedHeaderColumns(region, right);
  // A header of words over columns of figures: the columns come from the figure rows, so that a header word
  // set left in its cell, over right-aligned figures, cannot merge with the clipped label before it.
  const isFigure = (c: Chunk) => isValueCell(c.text);
  const body = multi.slice(1);
  const wordsOver = (header: Chunk[], rows: typeof body) => !headerCols && multi[0] === region[0] && !header.some(isFigure) && rows.filter((r) => r.chunks.some(isFigure)).length * 2 >= rows.length;
  const figureHeader = body.length >= 2 && wordsOver(region[0].chunks, body);
  // A metric block with one row filled ("Indicator value" and its figures, the numerator and denominator left
  // empty): its header's cells, one over each figure, are the evidence two lines of columns lack.
  const figuresUnder = (r: { chunks: Chunk[] }) => r.chunks.filter(isFigure).length;
  const oneFilledRow = body.length === 1 && wordsOver(cellRuns(region[0].line), body) && figuresUnder(body[0]) >= 2 && figuresUnder(body[0]) === cellRuns(region[0].line).length;
  const cols = headerCols ?? coveredColumns((figureHeader || oneFilledRow ? body : multi).flatMap((r) => r.chunks), COLUMN_GAP * size * 0.8);
  if (cols.length < 2) return null;
  // Cut the region at the first line that spans a gutter (under a clipped header, whose columns touch, a chunk
  // may run a little into the next column: one spanning three is prose).
  let used = region.length;
  for (let k = 0; k < region.length; k++) {
    if (headerCols ? cellRuns(region[k].line).some((c) => columnsTouched(c, cols) > 2) : region[k].chunks.some((c) => crossesGutter(c, cols))) {
      used = k;
      break;
    }
  }
  const rowsIn = region.slice(0, used);
  const multiRows = rowsIn.filter((r) => r.chunks.length >= 2);
  const columnsPerLine = multiRows.map((r) => r.chunks.length);
  // Enough evidence: three lines in columns, or two lines with three or more columns each.
  if (!(multiRows.length >= 3 || (multiRows.length >= 2 && Math.min(...columnsPerLine) >= 3) || oneFilledRow)) return null;
  const rows: string[][] = [];
  let prevLine: TextLine | null = null;
  // Where the previous line's text ends in each column.
  let prevEnds: number[] = [];
  for (const { line, chunks } of rowsIn) {
    const cells = cols.map(() => '');
    const ends: number[] = cols.map(() => -Infinity);
    let firstWordWidth = 0;
    // A sheet prints each header cell as a run of its own; two may come closer than a column gap.
    const overFigures = (figureHeader || oneFilledRow) && line === region[0].line;
    for (const c of headerCols || overFigures ? cellRuns(line) : chunks) {
      // Under a clipped header a cell starts in its column (and may overflow it); elsewhere its middle is in it.
      // A header word over figures goes to the column it overlaps most, or else the first to its right.
      const mid = headerCols ? c.x0 + 1 : (c.x0 + c.x1) / 2;
      let k = overFigures ? headerColumn(c, cols) : cols.findIndex(([a, b]) => mid >= a - 1 && mid <= b + 1);
      if (k < 0) k = cols.findIndex(([a]) => c.x0 < a) - 1;
      if (k < 0) k = cols.length - 1;
      if (!cells[k]) firstWordWidth = ((c.x1 - c.x0) * (c.text.split(' ')[0].length + 1)) / Math.max(c.text.length, 1);
      cells[k] = cells[k] ? `${cells[k]} ${c.text}` : c.text;
      ends[k] = Math.max(ends[k], c.x1);
    }
    const filled = cells.filter((c) => c !== '').length;
    const prev = rows[rows.length - 1];
    const tight = !!prevLine && line.base - prevLine.base <= 1.3 * stepRatio * line.size;
    // One wrapped cell: a line with a single filled cell under a filled cell of the row above, at line spacing.
    // Not when its first word would have fitted on the line above, before the next column: that line did not
    // wrap, and this is the next row's label (a sheet's rows are set at line spacing).
    if (prev && tight && filled === 1) {
      const k = cells.findIndex((c) => c !== '');
      const fitted = k + 1 < cols.length && (prevEnds[k] ?? -Infinity) + firstWordWidth < cols[k + 1][0] - 0.5 * line.size;
      if (prev[k] !== '' && !fitted) {
        prev[k] = joinWrapped(prev[k], cells[k], CUT_DIGIT_GROUP.test(prev[k]) && /^\d{1,3}\b/.test(cells[k]));
        prevLine = line;
        prevEnds = ends;
        continue;
      }
    }
    // Several wrapped cells: around a figure cut at the cell's edge ("… Contribution | £4,506,21" / "(exc iBCF) | 7"),
    // or a row whose cells all wrapped together.
    const joined = prev && tight && filled > 1 ? (joinCutFigureRow(prev, cells) ?? joinWrappedRow(prev, cells, isValueCell)) : null;
    if (joined) {
      rows[rows.length - 1] = joined;
      prevLine = line;
      prevEnds = ends;
      continue;
    }
    rows.push(cells);
    prevLine = line;
    prevEnds = ends;
  }
  const edges = [cols[0][0], ...cols.slice(0, -1).map(([, b], k) => (b + cols[k + 1][0]) / 2), cols[cols.length - 1][1]];
  const top = rowsIn[0].line.base - rowsIn[0].line.size * 0.8;
  const cellLengths = rowsIn.flatMap((r) => r.chunks.map((c) => c.text.length));
  const meanLength = cellLengths.reduce((a, b) => a + b, 0) / Math.max(cellLengths.length, 1);
  const proseColumns = cols.length <= 3 && rowsIn.length >= 6 && meanLength >= 30 && multiRows.length >= rowsIn.length * 0.6;
  const lines = rowsIn.map((r) => r.line);
  return { table: { top, x0: edges[0], x1: edges[edges.length - 1], edges, rows, lines, proseColumns }, used };
}
