// Per-row column reading of a fixed-width table (tables.md class 7): a table converted by a layout-preserving
// text tool (pdftotext -layout) from a PDF whose text is larger than its cells. Long words overflow their cells
// and the tool shifts each line's text to keep one space between runs, so cells sit one space apart and every row
// at its own offsets: no gutter runs down the whole table, and one set of column starts for the table reads
// cells into their neighbours. Within one row, though, a cell's lines overlap each other and not the next cell's
// (the cell's text is one block, centred on the row), so a row's cells are the groups of words whose spans
// overlap from line to line. Rows are the bands around each row's line of figures (an amount), cut where every
// cell sits most evenly around its row's middle; each row's cells are matched to the table's columns by order
// (rows with the usual number of cells) and overlap (the rest, and the header's words).
import type { TableRow } from '../../model/document.js';

interface Word {
  line: number;
  start: number;
  end: number;
  text: string;
}

/** A cell of one row: words whose spans overlap from line to line. */
interface Cell {
  start: number;
  end: number;
  top: number;
  bottom: number;
  words: Word[];
}

/** An amount: "£1,486,230", "£14,206,33" (cut at its cell's edge), "12,400". */
const AMOUNT = /^[(\-–]?£\d[\d,]*(\.\d+)?\)?$|^\d{1,3}(,\d{3})+$/;

/** Named thresholds of the per-row reader. */
export const ROW_COLUMNS = {
  /** Rows needed before the reading is tried. */
  minRows: 3,
  /** Columns needed. */
  minColumns: 3,
  /** Share of rows with the usual number of cells needed. */
  usualShare: 0.5,
  /** What each cell more or fewer than the usual number costs. */
  countCost: 1,
} as const;

function wordsOf(lines: string[]): Word[] {
  return lines.flatMap((l, line) => [...l.matchAll(/\S+/g)].map((m) => ({ line, start: m.index!, end: m.index! + m[0].length, text: m[0] })));
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Whether two words on different lines are one cell's: their spans share two characters, or one with their starts
 * at most two apart (a cell's lines start together, give or take the shift). Each line is shifted on its own, so
 * the first character of the next cell's word can sit under this one's last. An amount is a cell of its own, with only the digits cut off it on a line below ("£3,418,2" over "07"):
 * a long word of the cell before it ("Contributi") can reach under it, and under the cut digits.
 */
function sameCell(a: Word, b: Word): boolean {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (shared <= 0 || (shared < 2 && Math.abs(a.start - b.start) > 2)) return false;
  const amountA = AMOUNT.test(a.text);
  const amountB = AMOUNT.test(b.text);
  // Digits alone: an amount's cut end, whatever long word of another cell they sit under.
  const digits = (w: Word) => /^\d{1,3}$/.test(w.text);
  if (amountA || amountB) return (amountA && amountB) || (amountA && digits(b)) || (amountB && digits(a));
  return digits(a) === digits(b);
}

/**
 * The cells of one row's lines: words on different lines whose spans overlap are one cell; words on one line are
 * one cell only through such overlaps, except two cells of one line each one space apart (a short name typed on
 * one line, "Day Centre") that no other line separates.
 */
function cellsOf(words: Word[]): Cell[] {
  const parent = words.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  const unite = (a: number, b: number) => (parent[find(a)] = find(b));
  for (let a = 0; a < words.length; a++) {
    for (let b = a + 1; b < words.length; b++) if (words[a].line !== words[b].line && sameCell(words[a], words[b])) unite(a, b);
  }
  const group = () => {
    const byRoot = new Map<number, Word[]>();
    words.forEach((w, k) => byRoot.set(find(k), [...(byRoot.get(find(k)) ?? []), w]));
    return [...byRoot.values()];
  };
  // A cell of one line one space after a word of another cell on its line, neither an amount (nor the digits cut
  // off one), is that cell's words
  // going on: a short name typed on one line ("Day Centre"), a cell's last word alone on its strip ("of" after
  // "Source" over "Funding").
  for (const g of group()) {
    if (new Set(g.map((w) => w.line)).size !== 1 || g.some((w) => AMOUNT.test(w.text) || /^\d{1,3}$/.test(w.text))) continue;
    const head = g.reduce((a, b) => (b.start < a.start ? b : a));
    const before = words.findIndex((w) => w.line === head.line && w.end + 1 === head.start);
    if (before >= 0 && !AMOUNT.test(words[before].text)) unite(words.indexOf(head), before);
  }
  return group()
    .map((ws) => ({
      start: Math.min(...ws.map((w) => w.start)),
      end: Math.max(...ws.map((w) => w.end)),
      top: Math.min(...ws.map((w) => w.line)),
      bottom: Math.max(...ws.map((w) => w.line)),
      words: ws.sort((a, b) => a.line - b.line || a.start - b.start),
    }))
    .sort((a, b) => a.start - b.start);
}

/** A cell's text: its lines in order, a figure cut at the cell's edge ("£3,418,2" over "07") whole again. */
function cellText(c: Cell): string {
  const lines: string[] = [];
  let line = -1;
  for (const w of c.words) {
    if (w.line !== line) lines.push(w.text);
    else lines[lines.length - 1] += ` ${w.text}`;
    line = w.line;
  }
  const out: string[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const cut = prev ? /\d,(\d{0,2})$/.exec(prev) : null;
    if (cut && /^\d{1,3}$/.test(l) && cut[1].length + l.length === 3) out[out.length - 1] = prev + l;
    else out.push(l);
  }
  return out.join('\n');
}

/** How unevenly a band's cells sit around `middle` (twice the line offset). A cell opening in lower case is not
 *  taken as cut: descriptions open so ("minor repairs, adaptations …"). */
function bandCost(cells: Cell[], middle: number, cut: boolean): number {
  let cost = 0;
  for (const c of cells) {
    const skew = c.top + c.bottom - 2 * middle;
    // A band cut by the page's end: only lines too far down count.
    cost += cut ? Math.max(0, skew) : Math.abs(skew);
  }
  return cost;
}

/** The middle of a band's amount cell (an amount cut onto the line below spans both). */
function amountMiddle(cells: Cell[], anchor: number): number {
  const c = cells.find((x) => x.words.some((w) => w.line === anchor && AMOUNT.test(w.text)));
  return c ? (c.top + c.bottom) / 2 : anchor;
}

/** The middle a header's cells are centred on: the median of their middles. */
function medianMiddle(cells: Cell[]): number {
  const mids = cells.map((c) => (c.top + c.bottom) / 2).sort((a, b) => a - b);
  return mids.length ? mids[Math.floor(mids.length / 2)] : 0;
}

export interface RowColumnsReading {
  rows: TableRow[];
  /** The column of each body row's amount (-1 where it has none). */
  amountColumns: number[];
}

/**
 * Rows and cells of one page's part of a table, read row by row. `headerLine`: the part's header margin line
 * (-1: no header, the part continues a table; its first lines may end a row cut by the page break). Null where the
 * part is not such a table: too few rows with an amount, or rows whose cells do not fall into a usual number of
 * columns.
 */
export function readRowColumns(lines: string[], headerLine: number, page: number | null, pageBreakBefore: boolean): RowColumnsReading | null {
  const anchors = lines.flatMap((l, i) => (l.split(/\s+/).some((t) => AMOUNT.test(t)) ? [i] : []));
  if (anchors.length < ROW_COLUMNS.minRows) return null;
  // A row's anchor lines next to each other (two amounts of one row on two lines) are not read here.
  if (anchors.some((a, k) => k > 0 && a === anchors[k - 1] + 1)) return null;
  if (headerLine >= anchors[0]) return null;
  const words = wordsOf(lines);
  const band = (from: number, to: number) => cellsOf(words.filter((w) => w.line >= from && w.line < to));
  const n = anchors.length;
  // The last row cut by the page's end: nothing below its amount's line (or the digits cut off it).
  const lastIsCut = lines.length - 1 <= anchors[n - 1] + 1;
  const solve = (usual: number | null) => {
    const countCost = (cells: Cell[]) => (usual === null ? 0 : ROW_COLUMNS.countCost * 2 * Math.abs(cells.length - usual));
    // best[i]: for each start of row i, the least cost of the lead (header) and rows before it, and their starts.
    let best = new Map<number, { cost: number; starts: number[] }>();
    for (let s = headerLine + 1; s <= anchors[0]; s++) {
      const lead = s > 0 ? band(0, s) : [];
      // A header is centred on its middle; the end of a row cut by the page break sits at the page's top, each of
      // its cells from the first lines on.
      const cost = headerLine >= 0 ? bandCost(lead, medianMiddle(lead), false) + countCost(lead) : lead.reduce((n, c) => n + 2 * c.top, 0);
      best.set(s, { cost, starts: [s] });
    }
    for (let r = 0; r < n; r++) {
      const next = new Map<number, { cost: number; starts: number[] }>();
      const ends = r === n - 1 ? [lines.length] : Array.from({ length: anchors[r + 1] - anchors[r] }, (_, k) => anchors[r] + 1 + k);
      for (const [s, prev] of best) {
        for (const e of ends) {
          const cells = band(s, e);
          const cost = prev.cost + bandCost(cells, amountMiddle(cells, anchors[r]), r === n - 1 && lastIsCut) + countCost(cells);
          const seen = next.get(e);
          if (!seen || cost < seen.cost) next.set(e, { cost, starts: [...prev.starts, e] });
        }
      }
      best = next;
    }
    return [...best.values()][0].starts;
  };
  // The usual number of cells a row has, from a first reading; then the reading that keeps rows to it.
  const counts = (starts: number[]) => anchors.map((_, r) => band(starts[r], starts[r + 1]).length);
  const first = counts(solve(null));
  const usual = mode(first);
  if (usual < ROW_COLUMNS.minColumns) return null;
  const starts = solve(usual);
  const bands = anchors.map((_, r) => band(starts[r], starts[r + 1]));
  const regular = bands.filter((b) => b.length === usual);
  if (regular.length < ROW_COLUMNS.usualShare * n || regular.length < 2) return null;
  // The columns' spans: the median start and end of each column over the rows with the usual number of cells.
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const spans = Array.from({ length: usual }, (_, k) => ({ start: median(regular.map((b) => b[k].start)), end: median(regular.map((b) => b[k].end)) }));
  const columnOf = (x: { start: number; end: number }) => {
    let best = 0;
    let bestScore = -Infinity;
    spans.forEach((s, k) => {
      const shared = Math.min(s.end, x.end) - Math.max(s.start, x.start);
      const score = shared > 0 ? shared : -Math.abs((s.start + s.end) / 2 - (x.start + x.end) / 2) / 100;
      if (score > bestScore) {
        best = k;
        bestScore = score;
      }
    });
    return best;
  };
  const toRow = (cells: Cell[], byOrder: boolean, extra: Partial<TableRow> = {}): TableRow => {
    // Cells sharing a column: their words in line order, as one cell's.
    const words = spans.map(() => [] as Word[]);
    cells.forEach((c, k) => words[byOrder ? k : columnOf(c)].push(...c.words));
    const text = (ws: Word[]) => (ws.length === 0 ? '' : cellText({ ...cells[0], words: [...ws].sort((a, b) => a.line - b.line || a.start - b.start) }));
    return { cells: words.map((ws) => ({ text: text(ws) })), page, ...extra };
  };
  const rows: TableRow[] = [];
  if (starts[0] > 0) {
    const leadWords = words.filter((w) => w.line < starts[0]);
    // The header's cells by order where it has the usual number, else each to the column it overlaps most.
    // The end of a cut row holds some of its cells only: by overlap.
    const lead = toRow(cellsOf(leadWords), headerLine >= 0 && cellsOf(leadWords).length === usual, pageBreakBefore ? { pageBreakBefore: true } : {});
    rows.push(headerLine >= 0 ? { ...lead, header: true } : lead);
  }
  const amountColumns: number[] = [];
  bands.forEach((b, r) => {
    const row = toRow(b, b.length === usual, r === 0 && rows.length === 0 && pageBreakBefore ? { pageBreakBefore: true } : {});
    amountColumns.push(row.cells.findIndex((c) => c.text.split(/\s+/).some((t) => AMOUNT.test(t))));
    rows.push(row);
  });
  return { rows, amountColumns };
}

function mode(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/** Columns of the body rows holding an amount. */
function amountColumnsOf(rows: TableRow[]): Set<number> {
  const out = new Set<number>();
  for (const r of rows) {
    if (r.header) continue;
    r.cells.forEach((c, k) => c.text.split(/\s+/).some((t) => AMOUNT.test(t)) && out.add(k));
  }
  return out;
}

/** Cells opening in lower case: a wrapped cell cut in the wrong place, or a header word read into a row. The end of
 *  a row cut by the page break opens so of course. */
function midSentenceCells(rows: TableRow[]): number {
  return rows.reduce((n, r) => (r.pageBreakBefore ? n : n + r.cells.filter((c) => /^[a-z]/.test(c.text) && !/^[a-z][A-Z]/.test(c.text)).length), 0);
}

/**
 * The per-row reading of a part where it puts every row's amount in one column and the usual reading (one set of
 * column starts for the part) spreads them over several, or cuts more cells mid-sentence; else the usual reading.
 */
export function preferRowColumns(usual: TableRow[], lines: string[], headerLine: number, page: number | null, pageBreakBefore: boolean): TableRow[] {
  const reading = readRowColumns(lines, headerLine, page, pageBreakBefore);
  if (!reading || new Set(reading.amountColumns.filter((k) => k >= 0)).size !== 1) return usual;
  return amountColumnsOf(usual).size > 1 || midSentenceCells(usual) > midSentenceCells(reading.rows) ? reading.rows : usual;
}
