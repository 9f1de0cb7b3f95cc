// Which row of figures (likelihood × impact = score) is which risk's, in the typed reading of the revised risk log
// (typedLog.ts): by the likelihood a risk's lines hold, by the figure that follows a lone risk, then in order.
import type { Row, TextCell } from './typedLogCells.js';

/**
 * Each risk's row. A risk whose lines hold the likelihood of a row shares that row's baseline: it is that row's,
 * wherever the reading order put it (a row's risk printed after the next row's, under the header cell read late). So
 * is a risk read alone (no risk just before it) whose next item is one of a row's figures: its row's other cells
 * follow it. Where the other risks and rows are as many and in an order those risks agree with, they pair one to one
 * in reading order. Else (a risk's rest read as a risk, a row's risk printed rows later) the risks between two tied
 * risks take the rows read between those two rows, where they are as many; then the rows still free go to the risks
 * still unpaired in reading order, after every row the order ties, so one misplaced risk no longer shifts the figures
 * of every risk after it.
 */
export function pairRisksWithRows(risks: TextCell[], rows: Row[], cells: TextCell[]): Map<TextCell, Row> {
  const rowOf = new Map<TextCell, Row>();
  for (const risk of risks) {
    const held = rows.filter((r) => risk.inner.includes(r.scale));
    if (held.length === 1) rowOf.set(risk, held[0]);
  }
  // Everything read, in order: text cells, and each row's figures (an impact cell is its row's figure).
  const figureRow = new Map<number, Row>();
  for (const r of rows) for (const p of r.figures) figureRow.set(p, r);
  const items = [...cells.filter((c) => c.impact === null).map((c) => ({ pos: c.pos, cell: c as TextCell | null })), ...[...figureRow.keys()].map((pos) => ({ pos, cell: null }))].sort((a, b) => a.pos - b.pos);
  const taken = new Set(rowOf.values());
  // The risks read alone that a row's figure follows (no risk just before them: a risk read just after another is a
  // column of risks read a few rows at a time, and the figure after it the first of those rows').
  const followedBy = new Map<TextCell, Row>();
  for (const risk of risks) {
    if (rowOf.has(risk)) continue;
    const before = items.findLast((x) => x.pos < risk.pos);
    const next = items.find((x) => x.pos > risk.end && x.cell !== risk);
    const row = next && !next.cell ? figureRow.get(next.pos) : undefined;
    if (row && !taken.has(row) && !(before?.cell && risks.includes(before.cell))) followedBy.set(risk, row);
  }
  // As many risks left as rows, and no risk followed by figures other than those of its row in that order: one to one
  // in reading order (two rows with the same figures may swap: the figures read are the same).
  const unpaired = risks.filter((r) => !rowOf.has(r));
  const free = rows.filter((r) => !taken.has(r));
  const sameFigures = (a: Row, b: Row) => a.likelihood === b.likelihood && a.impact === b.impact && a.score === b.score && a.rating === b.rating;
  if (unpaired.length === free.length && unpaired.every((r, n) => !followedBy.has(r) || sameFigures(followedBy.get(r)!, free[n]))) {
    unpaired.forEach((risk, n) => rowOf.set(risk, free[n]));
    return rowOf;
  }
  for (const [risk, row] of followedBy) {
    if (taken.has(row)) continue;
    rowOf.set(risk, row);
    taken.add(row);
  }
  const anchors = risks.flatMap((r, n) => (rowOf.has(r) ? [n] : []));
  const bounds = [-1, ...anchors, risks.length];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [a, b] = [bounds[k], bounds[k + 1]];
    const between = risks.slice(a + 1, b);
    if (between.length === 0) continue;
    const lo = a >= 0 ? rowOf.get(risks[a])!.pos : -Infinity;
    const hi = b < risks.length ? rowOf.get(risks[b])!.pos : Infinity;
    const rowsBetween = rows.filter((r) => !taken.has(r) && r.pos > lo && r.pos < hi);
    if (rowsBetween.length !== between.length) continue;
    between.forEach((risk, n) => rowOf.set(risk, rowsBetween[n]));
  }
  // What the order leaves open goes as before: the rows no risk was tied to, to the risks left, in reading order.
  const used = new Set(rowOf.values());
  const left = rows.filter((r) => !used.has(r));
  let k = 0;
  for (const risk of risks) if (!rowOf.has(risk) && k < left.length) rowOf.set(risk, left[k++]);
  return rowOf;
}
