// Rows of a table whose cells are vertically centred on their row's figures (Word tables of amounts, logs rated by
// words, logs set large): whether a part looks so, and the reading that splits each column's lines between rows
// around each row's middle. Also the measure both readings are judged by: cells opening mid-sentence.
// rowColumns.ts and src/fields/metrics/rowWiseLayout.ts cut rows around a row's middle too, for their inputs.
import type { TableRow } from '../../model/document.js';
import { FIXED_WIDTH, RATING, startsEntry } from './fragments.js';

/**
 * Whether a log's risk text is top-aligned beside its centred figures: at half or more of its rows' figure lines
 * (lines next to each other one row's), the first text column opens an entry there, the nearest line above it in
 * that column going on from an earlier one (lower case, the row above's end). Centred text opens above its figures.
 */
export function textTopAligned(grid: string[][], figureCols: Set<number>, anchors: number[]): boolean {
  const col = (grid[0] ?? []).findIndex((_, k) => !figureCols.has(k) && grid.some((r) => r[k] !== ''));
  if (col < 0) return true;
  const groups = anchors.filter((a, i) => i === 0 || a !== anchors[i - 1] + 1);
  const top = groups.filter((a) => {
    if (!startsEntry(grid[a][col])) return false;
    let i = a - 1;
    while (i >= 0 && grid[i][col] === '') i--;
    return i < 0 || !startsEntry(grid[i][col]);
  }).length;
  return top >= 0.5 * groups.length;
}

/** Whether a table's figure lines hold sums of money ("£4,318,000"), not scores or counts. */
export function hasAmounts(grid: string[][], figureCols: Set<number>, anchors: number[]): boolean {
  return anchors.some((a) => [...figureCols].some((k) => /£/.test(grid[a][k])));
}

/**
 * Whether a table's rows are laid out around their figures (cells vertically centred, as Word tables often are):
 * then a wrapped cell's lines sit above and below its row's line of figures. Either the first row has lines
 * between the header and its figures (top-aligned cells start on the figure line), or few text cells have a line
 * on the figure lines (cells of two or four lines straddle them).
 */
export function isCentred(grid: string[][], figureCols: Set<number>, anchors: number[], headed: boolean): boolean {
  if (anchors.length < 3) return false;
  // Risk logs scored by numbers centre their scores beside top-aligned text (the usual reading handles them); a
  // finance table's cells, or a log rated by words alone, are centred all alike.
  const amounts = anchors.some((a) => [...figureCols].some((k) => /£|\d,\d{3}/.test(grid[a][k])));
  const ratedByWords = anchors.every((a) => [...figureCols].every((k) => grid[a][k] === '' || RATING.test(grid[a][k])));
  if (!amounts && !ratedByWords) return false;
  if (headed && anchors[0] > 0) return true;
  let near = 0;
  let on = 0;
  for (const a of anchors) {
    for (let k = 0; k < (grid[0]?.length ?? 0); k++) {
      if (figureCols.has(k)) continue;
      const window = grid.slice(Math.max(0, a - 2), a + 3).some((l) => l[k] !== '');
      if (!window) continue;
      near++;
      if (grid[a][k] !== '') on++;
    }
  }
  return near >= 2 * anchors.length && on < FIXED_WIDTH.centredOnShare * near;
}

/** Cells of the rows opening in lower case: a wrapped cell cut in the wrong place. */
export function midSentenceCells(rows: TableRow[]): number {
  return rows.reduce((n, r) => n + r.cells.filter((c) => /^[a-z]/.test(c.text) && !startsEntry(c.text)).length, 0);
}

/**
 * Rows of a table whose cells are centred on their row's line of figures. Each column is split on its own: the
 * lines between two rows' figures go, in order, to the row above and then the row below, at the point where each
 * cell sits most evenly around its row's middle (a small dynamic programme per column). Lines above the first
 * row's cells are a header (or, after a page break, the end of the row cut off on the page before).
 */
export function centredRows(
  grid: string[][],
  anchors: number[],
  centreShift: Map<number, number>,
  page: number | null,
  pageBreakBefore: boolean,
  headed: boolean,
  figureCols?: Set<number>,
  risk: { groupCentre: boolean; leadAfterBreak: boolean } = { groupCentre: false, leadAfterBreak: false },
): TableRow[] {
  // One anchor per row: figure lines next to each other with no text of their own between them are one row.
  // With `figureCols`, a figure line with text of its own in another column is a row of its own even next to
  // another ("2015/16   £12,400,000" under "budget: 2014/15   £845,000").
  const ownText = (a: number) => figureCols !== undefined && grid[a].some((c, k) => c !== '' && !figureCols.has(k));
  const rowsAt = anchors.filter((a, k) => !(k > 0 && a === anchors[k - 1] + 1 && !ownText(a)));
  // With `groupCentre`, a row's middle is the middle of its figure lines (each figure centred at its own height).
  const groupEnd = (a: number) => {
    let e = a;
    while (risk.groupCentre && anchors.includes(e + 1) && !rowsAt.includes(e + 1)) e++;
    return e;
  };
  const centre = rowsAt.map((a) => (a + groupEnd(a)) / 2 + (centreShift.get(a) ?? 0));
  const n = rowsAt.length;
  const width = grid[0].length;
  // cells[r + 1][k]: lines of column k for row r; cells[0] is the lead row (header, or the end of a cut row).
  const cells: string[][][] = Array.from({ length: n + 1 }, () => Array.from({ length: width }, () => [] as string[]));
  // Under a header repeated after a page break, lines above the first row's cells may end the row cut off there.
  const lead = !headed || risk.leadAfterBreak;
  for (let k = 0; k < width; k++) {
    const lines = grid.flatMap((l, i) => (l[k] !== '' ? [i] : []));
    // Gaps: lines before the first anchor, between anchors, after the last one (on an anchor: that row's).
    const gaps: number[][] = Array.from({ length: n + 1 }, () => []);
    const onAnchor = new Map<number, number[]>();
    for (const i of lines) {
      // A row's figure lines are its own (with `groupCentre`, every line of the group).
      const r = rowsAt.findIndex((a) => a <= i && i <= groupEnd(a));
      if (r >= 0) onAnchor.set(r, [...(onAnchor.get(r) ?? []), i]);
      else gaps[rowsAt.filter((a) => a < i).length].push(i);
    }
    // Row r's cost: how unevenly its lines sit around its middle; an empty cell costs a little (most rows fill
    // most columns). The last row may be cut by the page's end: only its lines too far down count.
    // A cell opening in lower case ("and their carers …") is the end of the cell above.
    const cost = (r: number, own: number[]) => {
      if (own.length === 0) return 1;
      const up = centre[r] - Math.min(...own);
      const down = Math.max(...own) - centre[r];
      const opening = grid[Math.min(...own)][k];
      const opensMidSentence = /^[a-z]/.test(opening) && !startsEntry(opening) ? FIXED_WIDTH.midSentenceCost : 0;
      // With `groupCentre` (a log's rows, each whole on its page) the last row is balanced like the others.
      return opensMidSentence + (r === n - 1 && !risk.groupCentre ? Math.max(0, down - up) : Math.abs(up - down));
    };
    // best[s]: least cost of rows before r when s lines of the gap above row r go to row r (the rest above).
    let best = new Map<number, { cost: number; splits: number[] }>();
    const first = gaps[0];
    for (let s = lead ? 0 : first.length; s <= first.length; s++) best.set(s, { cost: 0, splits: [first.length - s] });
    for (let r = 0; r < n; r++) {
      const above = gaps[r];
      const below = gaps[r + 1];
      const next = new Map<number, { cost: number; splits: number[] }>();
      for (const [s, prev] of best) {
        // The last row takes every line after it.
        for (const keepBelow of r === n - 1 ? [below.length] : [...Array(below.length + 1).keys()]) {
          const own = [...above.slice(above.length - s), ...(onAnchor.get(r) ?? []), ...below.slice(0, keepBelow)];
          const total = prev.cost + cost(r, own);
          const carry = below.length - keepBelow;
          const seen = next.get(carry);
          if (!seen || total < seen.cost) next.set(carry, { cost: total, splits: [...prev.splits, keepBelow] });
        }
      }
      best = next;
    }
    const { splits } = [...best.values()].sort((a, b) => a.cost - b.cost)[0];
    // splits[0]: lines of the first gap for the lead row; splits[r + 1]: lines below row r's anchor that are row r's.
    let taken = splits[0];
    first.slice(0, taken).forEach((i) => cells[0][k].push(grid[i][k]));
    first.slice(taken).forEach((i) => cells[1][k].push(grid[i][k]));
    for (let r = 0; r < n; r++) {
      if (onAnchor.has(r)) {
        // Keep line order: the anchor's line after those above it.
        for (const i of onAnchor.get(r)!) cells[r + 1][k].push(grid[i][k]);
      }
      const below = gaps[r + 1];
      taken = splits[r + 1];
      below.slice(0, taken).forEach((i) => cells[r + 1][k].push(grid[i][k]));
      if (r + 1 < n) below.slice(taken).forEach((i) => cells[r + 2][k].push(grid[i][k]));
    }
  }
  const rows: TableRow[] = [];
  const leadCells = cells[0].map((ls) => ls.join('\n'));
  if (leadCells.some((c) => c !== '')) rows.push({ cells: leadCells.map((t) => ({ text: t })), page, ...(pageBreakBefore ? { pageBreakBefore: true } : headed ? {} : { header: true }) });
  for (let r = 0; r < n; r++) rows.push({ cells: cells[r + 1].map((ls) => ({ text: ls.join('\n') })), page, ...(r === 0 && pageBreakBefore && rows.length === 0 ? { pageBreakBefore: true } : {}) });
  return rows;
}
