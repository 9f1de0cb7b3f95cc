// Borderless tables whose cells wrap: a Word or LibreOffice table with its borders removed, or a sheet printed
// without gridlines. With no rules, a wrapped cell's lines, and the lines of cells set at different heights
// (vertically centred), interleave with the other cells' lines, so reading such a region line by line gives a
// row per line. Here the region is read as columns first: the columns are the vertical strips the region's
// text leaves empty on every line (gutters, narrower than the gaps textTables.ts needs, because they must
// hold on every line of the region), and the rows are the horizontal bands of text between vertical gaps
// wider than the region's own line spacing. A band whose first cell is empty goes on the row above (the
// second paragraph of a long cell). textTables.ts reads the tables whose rows are single lines.
import { cellText, joinCutFigureRow, joinWrapped, type TextLine, type Vocabulary } from './lines.js';
import type { TextRun } from './types.js';
import { CUT_DIGIT_GROUP, isValueCell, isNotedFigure, isWholeFigure } from '../../text/figures.js';
import { isClippedHeader, type TextTable } from './textTables.js';

/** A gap this wide (in font sizes) between two runs of a line may be a gutter; it must then hold on every line. */
const MIN_GUTTER = 0.7;
/** A text line's extent above and below its baseline, in font sizes. */
const ASCENT = 0.8;
const DESCENT = 0.25;

interface Chunk {
  x0: number;
  x1: number;
  runs: TextRun[];
  line: TextLine;
}

function chunksOf(line: TextLine): Chunk[] {
  const chunks: Chunk[] = [];
  for (const run of [...line.runs].sort((a, b) => a.x0 - b.x0)) {
    if (run.text.trim() === '') continue;
    const last = chunks[chunks.length - 1];
    if (last && run.x0 - last.x1 <= MIN_GUTTER * line.size) {
      last.runs.push(run);
      last.x1 = Math.max(last.x1, run.x1);
    } else {
      chunks.push({ x0: run.x0, x1: run.x1, runs: [run], line });
    }
  }
  return chunks;
}

type Columns = Array<[number, number]>;

/**
 * The columns with a line's chunks added, or null when a chunk bridges a gutter (touches two columns, or comes
 * closer to a neighbour than a gutter's width).
 */
function withChunks(cols: Columns, chunks: Chunk[], gutter: number): Columns | null {
  const next: Columns = cols.map(([a, b]) => [a, b]);
  const filled = new Set<[number, number]>();
  for (const c of chunks) {
    const touched = next.filter(([a, b]) => c.x1 > a - gutter && c.x0 < b + gutter);
    if (touched.length > 1) return null;
    // Two cells of one line in one column: the columns change here (another table starts).
    if (touched.length === 1 && filled.has(touched[0])) return null;
    if (touched.length === 1) filled.add(touched[0]);
    if (touched.length === 1) {
      touched[0][0] = Math.min(touched[0][0], c.x0);
      touched[0][1] = Math.max(touched[0][1], c.x1);
    } else {
      const col: [number, number] = [c.x0, c.x1];
      next.push(col);
      filled.add(col);
    }
    next.sort((p, q) => p[0] - q[0]);
    for (let k = 1; k < next.length; k++) if (next[k][0] - next[k - 1][1] < gutter) return null;
  }
  return next;
}

const chunkText = (c: Chunk) => c.runs.map((r) => r.text).join('');

/**
 * Two whole figures one above the other in a cell's chunks. The rest of a figure cut at the cell's edge
 * ("£4,506,21" / "7", "184." / "6": the line above ends within an em of the column's right edge), or of a
 * financial year wrapped before its hyphen ("2022" / "-23"), is not a second figure.
 */
function stackedFigures(cells: Chunk[], right: number): boolean {
  const texts = cells.map((c) => chunkText(c).replace(/\s/g, ''));
  let figures = 0;
  texts.forEach((t, k) => {
    const cut = k > 0 && /\d[,.]?$/.test(texts[k - 1]) && cells[k - 1].x1 >= right - cells[k - 1].line.size && /^\d{1,3}$/.test(t);
    const year = k > 0 && /^(?:19|20)\d\d$/.test(texts[k - 1]) && /^[-–/]\d\d$/.test(t); // "2022" / "-23"
    if (year) return;
    if (isWholeFigure(t) && !cut) figures++;
  });
  return figures >= 2;
}

/** A row's cells read line by line: each line's text per column, top to bottom. */
function lineRows(cells: Chunk[][], cols: Columns, vocabulary?: Vocabulary): Array<[TextLine, string[]]> {
  const lines = [...new Set(cells.flat().map((c) => c.line))].sort((a, b) => a.base - b.base);
  return lines.map((line) => [line, cells.map((cs, k) => {
    const own = cs.filter((c) => c.line === line);
    return own.length ? cellText(own.flatMap((c) => c.runs), cols[k][0], cols[k][1], vocabulary) : '';
  })]);
}

/** A column's chunks (top to bottom) in paragraphs: a blank wider than `tolerance` ends one. */
function paragraphsOf(chunks: Chunk[], tolerance: number): Chunk[][] {
  const paras: Chunk[][] = [];
  let bottom = -Infinity;
  for (const c of [...chunks].sort((a, b) => a.line.base - b.line.base || a.x0 - b.x0)) {
    if (paras.length === 0 || c.line.base - ASCENT * c.line.size > bottom + tolerance) paras.push([]);
    paras[paras.length - 1].push(c);
    bottom = Math.max(bottom, c.line.base + DESCENT * c.line.size);
  }
  return paras;
}

const topOf = (p: Chunk[]) => Math.min(...p.map((c) => c.line.base - ASCENT * c.line.size));
const bottomOf = (p: Chunk[]) => Math.max(...p.map((c) => c.line.base + DESCENT * c.line.size));

/**
 * A band's cells (chunks per column) as one or more rows. Where two or more columns leave a blank at the
 * same height, the band holds several rows, and the cells with text across that height span them (the
 * metric name and rationale beside a metric's header, value and plan rows): a spanning cell's text goes to
 * the row it starts in, as a spanned cell's text does in a ruled table.
 */
function splitBand(cells: Chunk[][], tolerance: number): Chunk[][][] {
  const paras = cells.map((cs) => paragraphsOf(cs, tolerance));
  const gaps = paras.map((ps) => ps.slice(1).map((p, j) => [bottomOf(ps[j]), topOf(p)] as [number, number]));
  const cuts: number[] = [];
  gaps.forEach((gs, k) => {
    for (const [a, b] of gs) {
      for (let j = k + 1; j < gaps.length; j++) {
        for (const [c, d] of gaps[j]) {
          const lo = Math.max(a, c);
          const hi = Math.min(b, d);
          if (hi > lo) cuts.push((lo + hi) / 2);
        }
      }
    }
  });
  const boundaries: number[] = [];
  for (const y of cuts.sort((a, b) => a - b)) {
    if (boundaries.length === 0 || y - boundaries[boundaries.length - 1] > tolerance) boundaries.push(y);
  }
  const rows: Chunk[][][] = Array.from({ length: boundaries.length + 1 }, () => cells.map(() => []));
  paras.forEach((ps, k) => {
    for (const p of ps) {
      const top = topOf(p);
      rows[boundaries.filter((y) => y < top).length][k].push(...p);
    }
  });
  return rows.filter((r) => r.some((cs) => cs.length > 0));
}

/**
 * Find borderless tables with wrapped cells among a page's lines (sorted top to bottom). Returns the tables,
 * the regions in columns whose rows are single lines (for textTables.ts, one region at a time, so that it
 * cannot run one table into the next), and the other lines.
 */
export function findBandTables(lines: TextLine[], stepRatio: number, vocabulary?: Vocabulary): { tables: TextTable[]; lineRegions: TextLine[][]; rest: TextLine[] } {
  const chunked = lines.map(chunksOf);
  const tables: TextTable[] = [];
  const lineRegions: TextLine[][] = [];
  const used = new Set<TextLine>();
  let i = 0;
  while (i < lines.length) {
    // A sheet's clipped header starts no region: the rows under it take it (below).
    if (chunked[i].length < 2 || isClippedHeader(lines[i])) {
      i++;
      continue;
    }
    const size = lines[i].size;
    const gutter = MIN_GUTTER * size;
    let cols: Columns | null = withChunks([], chunked[i], gutter);
    if (!cols) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    while (end < lines.length) {
      const gap = lines[end].base - lines[end - 1].base;
      if (gap <= 0 || gap > 2.6 * stepRatio * size || Math.abs(lines[end].size - size) > 1) break;
      // A line of one piece of text set left of the first column's edge, where rows above align (a title at the
      // body's margin), is outside the table.
      const left = cols[0][0];
      const aligned = chunked.slice(start, end).filter((cs) => cs.length > 0 && Math.abs(cs[0].x0 - left) < 1).length;
      if (aligned >= 2 && chunked[end].length === 1 && chunked[end][0].x0 < left - 2) break;
      const grown = withChunks(cols, chunked[end], gutter);
      if (!grown) break;
      cols = grown;
      end++;
    }
    // Lines just above that fit the columns, none left of the first: the tops of a stacked header, the top
    // lines of a first row whose cells are centred (a title or a paragraph's last line above becomes a one-cell
    // row, dropped below).
    let top = start;
    while (top > 0 && top > start - 6) {
      const above = lines[top - 1];
      const gap = lines[top].base - above.base;
      if (used.has(above) || gap <= 0 || gap > 2.6 * stepRatio * size || Math.abs(above.size - size) > 1) break;
      const grown = withChunks(cols, chunked[top - 1], gutter);
      if (!grown || chunked[top - 1].some((c) => c.x0 < cols![0][0] - 2)) break;
      cols = grown;
      top--;
    }
    // At the top of a page, lines whose every cell starts inside one of the columns are the rest of a row cut
    // by the page break.
    const inside = (c: Chunk) => cols!.some(([a, b]) => c.x0 >= a - 2 && c.x0 < b && c.x1 < b + 4 * gutter);
    const fits = (k: number) => !used.has(lines[k]) && Math.abs(lines[k].size - size) <= 1 && chunked[k].every(inside) && withChunks(cols!, chunked[k], gutter)?.length === cols!.length;
    if (top > 0 && top <= 6 && Array.from({ length: top }, (_, k) => k).every(fits)) {
      for (let k = top - 1; k >= 0; k--) cols = withChunks(cols, chunked[k], gutter)!;
      top = 0;
    }
    const table = cols.length >= 2 ? bandTable(chunked.slice(top, end).flat(), cols, vocabulary) : null;
    if (table === 'single-lines') {
      // Columns whose rows are single lines: textTables.ts reads them, within these bounds, with the sheet's
      // clipped header just above (and a line of spanned year groups over it), whose cells touch.
      const above = (k: number) => k > 0 && !used.has(lines[k - 1]) && lines[k].base - lines[k - 1].base <= 2.6 * stepRatio * size;
      // Or a header of words over rows of figures (period names over a sheet's values), set left in its cells
      // so that it bridged the figures' gutters.
      const hasFigure = (k: number) => chunked[k].some((c) => isValueCell(chunkText(c)));
      const words = (k: number) => chunked[k].length >= 2 && !hasFigure(k);
      const figureRows = lines.slice(top, end).filter((_, k) => hasFigure(top + k)).length;
      if (above(top) && (isClippedHeader(lines[top - 1]) || (words(top - 1) && figureRows * 2 >= end - top))) {
        top--;
        if (above(top) && chunked[top - 1].length >= 2) top--;
      }
      const region = lines.slice(top, end).filter((l) => !used.has(l));
      // Under the same header, a sheet's rows can fall into several regions (a row whose clipped cells run into
      // each other breaks one): the lines between two line regions at row spacing make them one.
      const previous = lineRegions[lineRegions.length - 1];
      const from = previous ? lines.indexOf(previous[previous.length - 1]) + 1 : -1;
      const between = previous ? lines.slice(from, top) : [];
      const tight = previous && [previous[previous.length - 1], ...between, lines[top]].every((l, k, all) => k === 0 || (!used.has(l) || k === all.length - 1) && l.base - all[k - 1].base <= 2.6 * stepRatio * size);
      // Only rows in columns between them: a line of prose between two tables keeps them apart.
      // A sheet row whose clipped cells run into each other is a row too.
      const rowsBetween = between.every((l) => chunked[lines.indexOf(l)].length >= 2 || isClippedHeader(l));
      const merged = previous && tight && rowsBetween && between.length <= 6 ? previous : null;
      if (merged) merged.push(...between, ...region);
      else lineRegions.push(region);
      const whole = merged ?? region;
      // Lines below whose cells sit where the region's cells sit are its rows too, however they bridge its
      // gutters (a sheet's row of clipped or overflowing cells).
      while (end < lines.length && !used.has(lines[end]) && lines[end].base - lines[end - 1].base <= 2.6 * stepRatio * size && alignedRow(lines[end], whole)) whole.push(lines[end++]);
      for (const line of whole) used.add(line);
      i = end;
    } else if (table) {
      tables.push(table);
      for (const line of table.lines) used.add(line);
      i = end;
    } else {
      i++;
    }
  }
  return { tables, lineRegions, rest: lines.filter((l) => !used.has(l)) };
}

/**
 * A line of two or more cells, each starting where cells start on two or more of the region's lines, or (a
 * figure, set right) ending where they end: a row of a sheet whose columns the region shows.
 */
function alignedRow(line: TextLine, region: TextLine[]): boolean {
  const cells = line.runs.filter((r) => r.text.trim() !== '');
  if (cells.length < 2) return false;
  const seen = (edge: (r: TextRun) => number) => {
    const counts = new Map<number, number>();
    for (const l of region) for (const x of new Set(l.runs.filter((r) => r.text.trim() !== '').map((r) => Math.round(edge(r))))) counts.set(x, (counts.get(x) ?? 0) + 1);
    return [...counts].filter(([, n]) => n >= 2).map(([x]) => x);
  };
  const starts = seen((r) => r.x0);
  const ends = seen((r) => r.x1);
  const near = (xs: number[], x: number) => xs.some((v) => Math.abs(v - x) <= 1.5);
  return cells.every((r) => near(starts, r.x0) || (isWholeFigure(r.text.trim()) && near(ends, r.x1)));
}

function bandTable(chunks: Chunk[], cols: Columns, vocabulary?: Vocabulary): TextTable | 'single-lines' | null {
  // Two or more lines in columns at line spacing, each a row; or no table at all.
  const perLine = new Map<TextLine, number>();
  for (const c of chunks) perLine.set(c.line, (perLine.get(c.line) ?? 0) + 1);
  const inColumns = [...perLine.values()].filter((n) => n >= 2).length;
  const singleLines = () => (inColumns < 2 ? null : 'single-lines');
  const column = (c: Chunk) => cols.findIndex(([a, b]) => c.x1 > a - 0.5 && c.x0 < b + 0.5);
  // The region's line spacing: a short step between consecutive lines of one column.
  const steps: number[] = [];
  cols.forEach((_, k) => {
    const bases = [...new Set(chunks.filter((c) => column(c) === k).map((c) => c.line.base))].sort((a, b) => a - b);
    for (let j = 1; j < bases.length; j++) steps.push(bases[j] - bases[j - 1]);
  });
  const size = chunks[0].line.size;
  const inCell = steps.filter((s) => s < 1.8 * size).sort((a, b) => a - b);
  if (inCell.length === 0) return singleLines(); // no cell wraps
  // The shortest step a line can make (no less than its size): steps between rows of a column can be as many
  // as those inside its cells.
  const step = inCell.find((s) => s >= 0.9 * size) ?? inCell[inCell.length - 1];
  // Vertical blank between two lines at that step, plus a margin: a wider blank separates rows.
  const tolerance = Math.max(0.15 * size, step - (ASCENT + DESCENT) * size + 0.2 * size);
  const sorted = [...chunks].sort((a, b) => a.line.base - b.line.base);
  const bands: Chunk[][] = [];
  let bottom = -Infinity;
  for (const c of sorted) {
    const top = c.line.base - ASCENT * c.line.size;
    if (bands.length === 0 || top > bottom + tolerance) bands.push([]);
    bands[bands.length - 1].push(c);
    bottom = Math.max(bottom, c.line.base + DESCENT * c.line.size);
  }

  if (bands.length === sorted.length) return singleLines();
  const rows: string[][] = [];
  const rowLines: TextLine[][] = [];
  let wrapped = 0;
  for (const band of bands) {
    const subRows = splitBand(cols.map((_, k) => band.filter((c) => column(c) === k)), tolerance);
    for (const [s, cells] of subRows.entries()) {
      // Two figures one above the other in a cell are two rows, not a wrapped cell: rows set at line spacing
      // (a sheet's), each line a row, under a header that may still wrap.
      if (cells.some((cs, k) => stackedFigures(cs, cols[k][1]))) {
        const first = rows.length;
        for (const [line, texts] of lineRows(cells, cols, vocabulary)) {
          const prev = rows.length > first ? rows[rows.length - 1] : null;
          const filled = texts.filter((t) => t !== '');
          const k = texts.findIndex((t) => t !== '');
          // A line with one cell of words under a filled cell of the line above is that cell wrapped.
          const wrapsCell = prev !== null && filled.length === 1 && prev[k] !== '' && !isWholeFigure(filled[0]);
          const joined = wrapsCell ? prev.map((p, j) => (j === k ? joinWrapped(p, texts[k]) : p)) : prev ? joinCutFigureRow(prev, texts) : null;
          if (joined) {
            rows[rows.length - 1] = joined;
            rowLines[rowLines.length - 1].push(line);
          } else {
            rows.push(texts);
            rowLines.push([line]);
          }
        }
        continue;
      }
      if (new Set(cells.flat().map((c) => c.line)).size > 1) wrapped++;
      const texts = cells.map((cs, k) => (cs.length ? cellText(cs.flatMap((c) => c.runs), cols[k][0], cols[k][1], vocabulary) : ''));
      const prev = rows[rows.length - 1];
      // A band with its first cell empty and one or two cells of words is a further paragraph of the row above,
      // where that row names itself in its first cell; one with figures, or with more cells, is a row of its own
      // (a metric's plan rows under its actuals), and so is one under a row that leaves its first cell empty too
      // (a metric's "Denominator" row under its "Indicator value" row). A figure may carry its note ("27,500 (All
      // Trusts)": an annex's plan rows under the label cell spanning them).
      const filled = texts.filter((t) => t !== '');
      if (s === 0 && prev && prev[0] !== '' && texts[0] === '' && filled.length <= 2 && !filled.some((t) => isWholeFigure(t) || isNotedFigure(t))) {
        texts.forEach((t, k) => {
          if (t) prev[k] = prev[k] ? `${prev[k]}\n${t}` : t;
        });
        rowLines[rowLines.length - 1].push(...cells.flat().map((c) => c.line));
        continue;
      }
      rows.push(texts);
      rowLines.push(cells.flat().map((c) => c.line));
    }
  }
  // Nothing wrapped: the rows are single lines, for textTables.ts.
  if (wrapped === 0) return singleLines();
  // A one-cell row at either end is a title or a paragraph next to the table, not a row of it.
  const oneCell = (r: string[]) => r.filter((t) => t !== '').length <= 1;
  while (rows.length > 2 && oneCell(rows[rows.length - 1])) {
    rows.pop();
    rowLines.pop();
  }
  while (rows.length > 2 && oneCell(rows[0])) {
    rows.shift();
    rowLines.shift();
  }
  // Enough evidence of a table: two rows with two or more cells filled.
  if (rows.filter((r) => r.filter((t) => t !== '').length >= 2).length < 2) return bands.length < 2 ? singleLines() : null;
  const edges = [cols[0][0], ...cols.slice(0, -1).map(([, b], k) => (b + cols[k + 1][0]) / 2), cols[cols.length - 1][1]];
  const lines = [...new Set(rowLines.flat())].sort((a, b) => a.base - b.base);
  const first = lines[0];
  return { top: first.base - first.size * ASCENT, x0: edges[0], x1: edges[edges.length - 1], edges, rows, lines, proseColumns: false };
}
