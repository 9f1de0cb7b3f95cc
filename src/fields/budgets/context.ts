// When and in what unit a budget table's figures are: the financial year and the scale ("£000s") the text just before
// a grid names, a title row inside the table, and the plan's own year where its headings name one far more than any
// other. The readers date and scale every figure no cell or header dates.
import type { DocumentModel } from '../../model/document.js';
import { cleanCell } from '../../text/clean.js';
import { textsBefore, type Grid } from '../../tables/grids.js';
import { findYears, singleYear } from '../../text/years.js';
import { unitScaleOf } from './money.js';

/** Financial year of the text just before a grid ("Spending Plan 2022/23", "BCF Income for X 2022/23:"). */
export function contextYear(doc: DocumentModel, grid: Grid): string | null {
  for (const { text } of textsBefore(doc, grid.blockStart, 3)) {
    if (text.length > 160) break;
    const y = singleYear(text);
    if (y) return y;
  }
  return null;
}

export function contextScale(doc: DocumentModel, grid: Grid): number | null {
  for (const { text } of textsBefore(doc, grid.blockStart, 2)) {
    if (text.length > 200) break;
    const s = unitScaleOf(text);
    if (s) return s;
  }
  return null;
}

/** A title row inside the table just above its header ("Spending Plan 2022/23" as a one-cell row). */
export function titleRowYear(grid: Grid, headerIndex: number): string | null {
  for (let i = headerIndex - 1; i >= Math.max(0, headerIndex - 2); i--) {
    const filled = grid.rows[i].cells.map(cleanCell).filter((c) => c !== '');
    if (filled.length === 1 && filled[0].length <= 160) {
      const y = singleYear(filled[0]);
      if (y) return y;
    }
  }
  return null;
}

/**
 * The plan's own financial year when its headings and titles name one year far more than any other ("Better Care
 * Fund 2022-23 Planning Template", "Spending Plan 2022/23"): the year of a finance table that states none nearby.
 */
export function docYearOf(doc: DocumentModel): string | null {
  const counts = new Map<string, number>();
  for (const b of doc.blocks) {
    if (b.kind === 'table' || (b.kind !== 'heading' && b.text.length > 120)) continue;
    for (const y of new Set(findYears(b.text).map((x) => x.year))) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const total = ranked.reduce((n, [, c]) => n + c, 0);
  return ranked.length > 0 && ranked[0][1] >= 2 && ranked[0][1] >= 0.7 * total ? ranked[0][0] : null;
}
