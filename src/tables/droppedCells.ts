// Figures of a table printed row by row with its empty cells dropped: raw pdftotext reads a sheet printed without
// gridlines one column group at a time, and a block of amount columns comes out as one run of figures, row after
// row, an empty cell leaving no line (the 2014 scheme list: "2014/15 spend" / "Recurrent" "Non-recurrent" …, then
// "£450,000" / "£2,400,000" / …). How many figures each row had is lost; what tells it is the Total row (each
// figure of it the sum of its column) or, with no cell empty, the count of figures (rows × columns). Every reading
// the sums allow is found and only the cells all of them agree on are kept: a wrong amount is worse than a missing
// one. (../shared/spec/tables.md, "one cell per line", cells dropped.)
import type { DocumentModel } from '../model/document.js';
import { lineGroups, type LineGroup } from './columnRuns.js';
import type { Grid, GridRow } from './grids.js';

/** A cell of the rebuilt rows: its figure's index in the run, null where every reading leaves it empty, undefined where readings differ. */
export type PlacedCell = number | null | undefined;

/** Pence of a figure line ("£1,250,000", "-£600,000", "(1,200)"), or null. */
export function pence(line: string): number | null {
  const m = /^([-–(])?\s*£?\s*(\d[\d,]*(?:\.\d+)?)\)?$/.exec(line.trim());
  if (!m) return null;
  const value = Math.round(parseFloat(m[2].replace(/,/g, '')) * 100);
  return m[1] ? -value : value;
}

/** Readings counted for one table before it is left unread (a run the sums cannot narrow). */
const READING_BUDGET = 20_000;
/** Figures above the Total row searched at most (each column's figures are a subset of them). */
const MAX_DATA_FIGURES = 20;
/** Columns placed at most: the Total row's columns are tried as every subset of them. */
const MAX_COLUMNS = 12;
/** Subset-search steps for one table before it is left unread. */
const STEP_BUDGET = 2_000_000;

/**
 * Places a run of figures, printed row by row with empty cells dropped, in `rows` rows of `columns` columns (the
 * last row the Total row where `total`). Returns the cells (rows × columns, each the figure's index, null for
 * empty, undefined for a figure the readings put in different rows or column groups). Readings that differ only in
 * a column inside one group (`groupOf`: "Recurrent" / "Non-recurrent" under one "2015/16 spend", which a record
 * does not tell apart) agree; the figure is put where the first reading puts it. Null where the readings cut the
 * rows differently (the labels then cannot be trusted to be one a row either), or where no reading fits or the search
 * ran too long. Without a Total row only a full run (rows × columns figures) is determined. A reading: the Total
 * row is the run's last figures, in some of the columns; each column's figures above it sum to its total (an
 * empty total: no figures); each row's figures run left to right, so a figure in a column left of the one before
 * it opens a new row; every row holds a figure.
 */
export function placeDroppedCells(figures: number[], rows: number, columns: number, total: boolean, groupOf: (column: number) => number = (c) => c, holds: (column: number, figure: number) => boolean = () => true): PlacedCell[][] | null {
  const n = figures.length;
  if (n === rows * columns) return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => r * columns + c));
  if (!total || rows < 2 || columns > MAX_COLUMNS) return null;
  const dataRows = rows - 1;
  const budget = { steps: 0 };
  // Per figure: where the first reading puts it, and whether every reading puts it in that row and column group.
  let first: Array<{ row: number; column: number }> | null = null;
  const agreed = new Array<boolean>(n).fill(true);
  let rowsAgree = true;
  let readings = 0;
  const agree = (at: Array<{ row: number; column: number }>) => {
    readings++;
    if (!first) first = at.map((p) => ({ ...p }));
    else at.forEach((p, i) => {
      if (p.row !== first![i].row) rowsAgree = false;
      if (p.row !== first![i].row || groupOf(p.column) !== groupOf(first![i].column)) agreed[i] = false;
    });
  };
  const sum = (from: number, to: number) => figures.slice(from, to).reduce((a, b) => a + b, 0);
  for (let k = 1; k <= Math.min(columns, n - 1); k++) {
    const start = n - k;
    // The totals add up to the figures above them: this alone fixes k, nearly always.
    if (start > MAX_DATA_FIGURES || sum(0, start) !== sum(start, n)) continue;
    for (const totalColumns of subsets(columns, k)) {
      if (totalColumns.some((c, j) => !holds(c, figures[start + j]))) continue;
      const target: Array<number | null> = new Array(columns).fill(null);
      totalColumns.forEach((c, j) => (target[c] = figures[start + j]));
      const column = new Array<number>(start).fill(-1);
      // Each column in turn takes a subset of the figures left whose sum is its total.
      const fill = (c: number, left: number[]): void => {
        if (readings > READING_BUDGET || budget.steps > STEP_BUDGET) return;
        if (c === columns) {
          if (left.length === 0) rowReadings(column, dataRows, (rowOf) => {
            agree([...rowOf.map((r, i) => ({ row: r, column: column[i] })), ...totalColumns.map((tc) => ({ row: dataRows, column: tc }))]);
            return readings <= READING_BUDGET;
          });
          return;
        }
        if (target[c] === null) return fill(c + 1, left);
        for (const pick of subsetsSummingTo(left, figures, target[c]!, dataRows, budget)) {
          if (pick.some((i) => !holds(c, figures[i]))) continue;
          pick.forEach((i) => (column[i] = c));
          fill(c + 1, left.filter((i) => !pick.includes(i)));
          pick.forEach((i) => (column[i] = -1));
        }
      };
      fill(0, Array.from({ length: start }, (_, i) => i));
      if (readings > READING_BUDGET || budget.steps > STEP_BUDGET) return null;
    }
  }
  // Rows the readings cut differently: the labels may not be one a row (a label wrapped onto two lines).
  if (!first || !rowsAgree) return null;
  const cells: PlacedCell[][] = Array.from({ length: rows }, () => new Array<PlacedCell>(columns).fill(null));
  (first as Array<{ row: number; column: number }>).forEach((p, i) => (cells[p.row][p.column] = agreed[i] ? i : undefined));
  return cells;
}

/** The non-empty subsets of `pool` (figure indices) of at most `most` figures whose figures sum to `target`. */
function subsetsSummingTo(pool: number[], figures: number[], target: number, most: number, budget: { steps: number }): number[][] {
  const out: number[][] = [];
  const pick: number[] = [];
  const walk = (from: number, s: number) => {
    if (++budget.steps > STEP_BUDGET) return;
    if (pick.length > 0 && s === target) out.push([...pick]);
    if (pick.length === most) return;
    for (let j = from; j < pool.length; j++) {
      pick.push(pool[j]);
      walk(j + 1, s + figures[pool[j]]);
      pick.pop();
    }
  };
  walk(0, 0);
  return out;
}

/**
 * The ways to cut figures with these columns into `rows` rows, left to right in each, every row holding a figure
 * (a label row with no figure could be any row, and a label wrapped onto a second line is such a row: neither is
 * read): every figure whose column is not right of the one before it opens a row. `each` returns false to stop.
 */
function rowReadings(column: number[], rows: number, each: (rowOf: number[]) => boolean): void {
  const rowOf = new Array<number>(column.length).fill(0);
  let go = true;
  const walk = (i: number, r: number) => {
    if (!go) return;
    if (i === column.length) {
      if (r === rows - 1) go = each(rowOf);
      return;
    }
    const stay = i > 0 && column[i] > column[i - 1];
    for (const rr of i === 0 ? [0] : stay ? [r, r + 1] : [r + 1]) {
      if (rr >= rows || !go) continue;
      rowOf[i] = rr;
      walk(i + 1, rr);
    }
  };
  walk(0, 0);
}

/** The k-subsets of 0..n-1, each in increasing order. */
function* subsets(n: number, k: number, from = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= n - k; i++) for (const rest of subsets(n, k - 1, i + 1)) yield [i, ...rest];
}

/** A Total row's label: the row whose figures are its columns' sums. */
const TOTAL_LABEL = /^(bcf\s+)?(grand\s+)?total\b/i;

/**
 * A header printed as its group names, then its sub-column names glued line to line ("2014/15 spend" …
 * "2015/16 benefits", then "Recurrent" / "Non-recurrent Recurrent" / … / "Non-recurrent"): the sub-header's words
 * are one group's words said once per group name, cut into cells where a line ends. Null where the lines are no
 * such header (then each line is one column's header).
 */
export function twoRowHeader(lines: string[]): { groups: string[]; subs: string[] } | null {
  for (let q = 2; q < lines.length; q++) {
    const words: string[] = [];
    const cutAfter = new Set<number>();
    for (const line of lines.slice(q)) {
      words.push(...line.split(/\s+/).filter(Boolean));
      cutAfter.add(words.length);
    }
    if (words.length % q !== 0) continue;
    const period = words.length / q;
    if (period < 2 || !words.every((w, i) => w === words[i % period])) continue;
    // A cell boundary is where some repetition has a line end at that place in its group.
    const cuts = [...cutAfter].map((c) => c % period).filter((c) => c !== 0);
    const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), period];
    const subs = bounds.slice(1).map((b, i) => words.slice(bounds[i], b).join(' '));
    if (subs.length < 2) continue;
    return { groups: lines.slice(0, q), subs };
  }
  return null;
}

/** A column of money spent ("2014/15 spend"): it holds no negative figure, savings are written negative. */
const SPEND_HEADER = /\b(spend|spending|expenditure|investment)\b/i;

/** A line that can be one cell of a sheet: short, not a sentence. */
const cellLike = (line: string) => line !== '' && line.length <= 100 && !/[.!?]$/.test(line);

/**
 * Sheets whose text columns came out as groups (a label column ending with its Total row, other text columns
 * beside it) and whose amount columns came out as one group: their header lines, then the figures row by row with
 * empty cells dropped. Rebuilt as rows where the Total row is there to place the figures (placeDroppedCells); the
 * labels and text cells are kept either way, figures only where every reading agrees.
 */
export function droppedCellGrids(doc: DocumentModel): Grid[] {
  const groups = lineGroups(doc);
  const grids: Grid[] = [];
  groups.forEach((block, k) => {
    const p = block.lines.findIndex((l) => pence(l) !== null);
    if (p < 1 || block.lines.length - p < 2 || !block.lines.slice(p).every((l) => pence(l) !== null)) return;
    const headerLines = block.lines.slice(0, p);
    if (!headerLines.every(cellLike)) return;
    // The text columns before it, nearest last: groups of text, each a header and a line per row.
    const textColumns: LineGroup[] = [];
    for (let j = k - 1; j >= 0 && textColumns.length < 4; j--) {
      const g = groups[j];
      const next = textColumns[0] ?? block;
      if (g.blocks[g.blocks.length - 1] + 1 !== next.blocks[0] || !g.lines.every(cellLike) || g.lines.some((l) => pence(l) !== null)) break;
      textColumns.unshift(g);
    }
    // The label column is the first whose last line is a Total; the Total row places the figures.
    const li = textColumns.findIndex((g) => TOTAL_LABEL.test(g.lines[g.lines.length - 1]));
    if (li < 0) return;
    const [labels, ...others] = textColumns.slice(li);
    const rows = labels.lines.length - 1;
    if (rows < 3) return;
    // Another text column has a cell per row, or per row above the Total (whose text cells are empty); else left out.
    const kept = others.filter((g) => g.lines.length - 1 === rows || g.lines.length === rows);
    const two = twoRowHeader(headerLines);
    const figureHeads = two ? two.groups.flatMap((g) => two.subs.map(() => g)) : headerLines;
    const columns = figureHeads.length;
    const perGroup = two ? two.subs.length : 1;
    const figures = block.lines.slice(p);
    const spend = (c: number) => SPEND_HEADER.test(figureHeads[c]);
    const cells = placeDroppedCells(figures.map((l) => pence(l)!), rows, columns, true, (c) => Math.floor(c / perGroup), (c, f) => f >= 0 || !spend(c));
    if (!cells) return;
    const at = (r: number) => labels.blocks[r + 1];
    const head = (cellsOf: string[]): GridRow => ({ cells: cellsOf, page: doc.blocks[labels.blocks[0]].page, block: labels.blocks[0], header: true, pageBreakBefore: false });
    grids.push({
      rows: [
        head([labels.lines[0], ...kept.map((g) => g.lines[0]), ...figureHeads]),
        ...(two ? [head(['', ...kept.map(() => ''), ...two.groups.flatMap(() => two.subs)])] : []),
        ...Array.from({ length: rows }, (_, r) => ({
          cells: [labels.lines[r + 1], ...kept.map((g) => g.lines[r + 1] ?? ''), ...cells[r].map((i) => (typeof i === 'number' ? figures[i] : ''))],
          page: doc.blocks[at(r)].page,
          block: at(r),
          header: false,
          pageBreakBefore: false,
        })),
      ],
      blockStart: labels.blocks[0],
      blockEnd: block.blocks[block.blocks.length - 1] + 1,
      columnRun: true,
    });
  });
  return grids;
}
