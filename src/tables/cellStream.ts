// Tables flattened to one cell per line ("Save as text", mammoth's markdown, screen readers): the header's cells
// come first, one line each, then every row's cells in the same order. Empty cells may leave a blank line or
// nothing at all, so rows are not a fixed number of lines: each line is placed in the next column that can hold
// it, by what the column holds (a 1-5 scale, a score, free text). The result is an ordinary grid.
import type { DocumentModel } from '../model/document.js';
import { type Grid, type GridRow } from './grids.js';
import { cleanCell } from '../text/clean.js';

export interface CellStreamSpec<Role extends string> {
  /** The role a header cell names, or null. */
  roleOf(text: string): Role | null;
  /** The roles a header must name for the lines to be this table. */
  required(roles: Role[]): boolean;
  /** Whether a cell can be the value of a role; text roles take anything. */
  fits(role: Role, cell: string): boolean;
  /** Guidance lines printed under the header ("Please rate on a scale of 1-5 …"): skipped. */
  isGuidance(cell: string): boolean;
}

function blankLinesBefore(doc: DocumentModel, i: number): number {
  const b = doc.blocks[i];
  return b?.kind === 'paragraph' ? (b.blankLinesBefore ?? 0) : 0;
}

/** A line block short enough to be one cell. */
function cellLine(doc: DocumentModel, i: number): string | null {
  const b = doc.blocks[i];
  if (!b || b.kind === 'table' || b.kind === 'heading') return null;
  return b.text.length <= 2000 ? b.text : null;
}

/** The header at block `at`: consecutive lines each naming a different role, at least 3 of them. */
function headerAt<Role extends string>(doc: DocumentModel, at: number, spec: CellStreamSpec<Role>): Role[] | null {
  const roles: Role[] = [];
  for (let i = at; i < doc.blocks.length; i++) {
    const t = cellLine(doc, i);
    const role = t !== null && t.length <= 200 ? spec.roleOf(t) : null;
    if (!role || roles.includes(role)) break;
    roles.push(role);
  }
  return roles.length >= 3 && spec.required(roles) ? roles : null;
}

/**
 * Grids of cell-per-line tables in blocks [from, to): each header found, then its rows, until a heading, a table,
 * or a line that fits no column of a fresh row. A header repeated (page breaks of the original) is kept as a
 * header row, so the readers see where the original pages broke.
 */
export function cellStreamGrids<Role extends string>(doc: DocumentModel, from: number, to: number, spec: CellStreamSpec<Role>): Grid[] {
  const grids: Grid[] = [];
  let i = from;
  while (i < to) {
    const roles = headerAt(doc, i, spec);
    if (!roles) {
      i++;
      continue;
    }
    const headerRow = (at: number): GridRow => ({
      cells: roles.map((_, k) => cellLine(doc, at + k) ?? ''),
      page: doc.blocks[at].page,
      block: at,
      header: true,
      pageBreakBefore: false,
    });
    const grid: Grid = { rows: [headerRow(i)], blockStart: i, blockEnd: i + roles.length };
    // Columns that only some lines fit (a 1-5 scale, a rating): prose fits none of them.
    const restricted = new Set(roles.flatMap((r, n) => (spec.fits(r, 'a line of prose') ? [] : [n])));
    // Header cells on consecutive lines: the converter writes a blank line for each empty cell.
    const blankIsCell = roles.slice(1).every((_, k) => !blankLinesBefore(doc, i + 1 + k));
    let j = i + roles.length;
    let afterHeader = true;
    while (j < to) {
      if (headerAt(doc, j, spec)?.join() === roles.join()) {
        grid.rows.push({ ...headerRow(j), pageBreakBefore: true });
        j += roles.length;
        afterHeader = true;
        continue;
      }
      const first = cellLine(doc, j);
      if (first === null) break;
      if (spec.isGuidance(cleanCell(first))) {
        j++;
        continue;
      }
      const rowStart = j;
      const { cells, next, skipped } = rowAt(doc, j, to, roles, spec, blankIsCell);
      // A line that only makes a row by skipping columns, where the row after it fills every column in order, is
      // the end of the last text cell above: a second paragraph ("Focus on …" / "" / "Review good practice …") or
      // the part of a cell cut off by a page break (the header repeated between).
      const last = grid.rows[grid.rows.length - 1];
      const previous = last.header && last.pageBreakBefore ? (grid.rows.findLast((r) => !r.header) ?? last) : last;
      const lastText = previous.header ? -1 : previous.cells.findLastIndex((c, n) => c !== '' && !restricted.has(n));
      if (next > j && lastText >= 0 && skipped > 0 && rowAt(doc, j + 1, to, roles, spec, blankIsCell).skipped === 0) {
        previous.cells[lastText] += `\n${cleanCell(cellLine(doc, j) ?? '')}`;
        j++;
        continue;
      }
      j = next;
      if (j === rowStart) break;
      grid.rows.push({ cells, page: doc.blocks[rowStart].page, block: rowStart, header: false, pageBreakBefore: afterHeader && grid.rows.length > 1 });
      afterHeader = false;
    }
    grid.blockEnd = j;
    if (grid.rows.filter((r) => !r.header).length >= 1) grids.push(grid);
    i = Math.max(j, i + 1);
  }
  return grids;
}

/**
 * One row from line `j`: each line goes to the next column that can hold it. `next`: the line after the row;
 * `skipped`: columns passed over because the line could not fill them (not those a blank line left empty), or
 * left unfilled at the end of a complete header's row.
 */
function rowAt<Role extends string>(doc: DocumentModel, j: number, to: number, roles: Role[], spec: CellStreamSpec<Role>, blankIsCell: boolean): { cells: string[]; next: number; skipped: number } {
  const cells = roles.map(() => '');
  const rowStart = j;
  let k = 0;
  let skipped = 0;
  while (j < to && k < roles.length) {
    const t = cellLine(doc, j);
    if (t === null || (k > 0 && headerAt(doc, j, spec))) break;
    const cell = cleanCell(t);
    if (blankIsCell && j > rowStart) k += blankLinesBefore(doc, j);
    const from = k;
    while (k < roles.length && !spec.fits(roles[k], cell)) k++;
    if (k >= roles.length) break;
    skipped += k - from;
    cells[k] = cell;
    k++;
    j++;
  }
  return { cells, next: j, skipped };
}

export interface PeriodicSpec {
  /** A header cell of a value column ("2021-22 Q1 Actual", "Baseline"). */
  isColumnHeader(cell: string): boolean;
  /** A value cell ("252.9", "97.9%"). */
  isValue(cell: string): boolean;
  /** A cell that can open a row (a metric's name): where rows are cut, when the values alone cannot tell. */
  opensRow(cell: string): boolean;
}

/**
 * Tables saved one cell per line with a blank line for each empty cell (LibreOffice "Text"): the lines are a
 * grid read row by row, k cells a row. Where two or more value-column headers stand on consecutive lines, k and
 * the row's first cell are the ones that put the most values under those headers in the rows below. Rows go on
 * while they hold values or further column headers (a second header row for the plan columns).
 */
export function periodicCellGrids(doc: DocumentModel, from: number, to: number, spec: PeriodicSpec): Grid[] {
  // The cells in order: each line, and an empty cell for each blank line before it.
  const cells: Array<{ text: string; block: number }> = [];
  for (let i = from; i < to; i++) {
    const b = doc.blocks[i];
    if (b.kind === 'table') {
      cells.push({ text: '\u0000', block: i }); // a real table ends any run
      continue;
    }
    const blanks = b.kind === 'paragraph' ? (b.blankLinesBefore ?? 0) : 0;
    for (let k = 0; k < blanks; k++) cells.push({ text: '', block: i });
    cells.push({ text: cleanCell(b.text), block: i });
  }
  const grids: Grid[] = [];
  let n = 0;
  while (n < cells.length) {
    // A run of value-column headers on consecutive lines.
    let end = n;
    while (end < cells.length && spec.isColumnHeader(cells[end].text)) end++;
    if (end - n < 2) {
      n = Math.max(n + 1, end);
      continue;
    }
    const best = bestPeriod(cells, n, end, spec);
    if (!best) {
      n = end;
      continue;
    }
    const { start, k } = best;
    const rows: GridRow[] = [];
    let at = start;
    let idle = 0;
    while (at + k <= cells.length) {
      const row = cells.slice(at, at + k);
      if (row.some((c) => c.text === '\u0000')) break;
      const useful = row.some((c) => spec.isValue(c.text) || spec.isColumnHeader(c.text));
      idle = useful ? 0 : idle + 1;
      if (idle >= 2) break;
      const first = row.find((c) => c.text !== '') ?? row[0];
      rows.push({ cells: row.map((c) => c.text), page: doc.blocks[first.block].page, block: first.block, header: at === start, pageBreakBefore: false });
      at += k;
    }
    while (rows.length > 0 && !rows[rows.length - 1].cells.some((c) => spec.isValue(c))) rows.pop();
    if (rows.length >= 2) grids.push({ rows, blockStart: cells[start].block, blockEnd: cells[Math.min(at, cells.length) - 1].block + 1 });
    n = Math.max(at, end);
  }
  return grids;
}

/** The row width and first cell that put the most values under the header run [a, b) in the next rows. */
function bestPeriod(cells: Array<{ text: string }>, a: number, b: number, spec: PeriodicSpec): { start: number; k: number } | null {
  let best: { start: number; k: number; hits: number; opens: number } | null = null;
  for (let start = Math.max(0, a - 3); start <= a; start++) {
    for (let k = b - start; k <= b - start + 4; k++) {
      let hits = 0;
      let opens = 0;
      for (let r = 0; r <= 3; r++) {
        if (r > 0) for (let j = a; j < b; j++) if (spec.isValue(cells[j + r * k]?.text ?? '')) hits++;
        if (spec.opensRow(cells[start + r * k]?.text ?? '')) opens++;
      }
      // The values decide the width; where rows are cut (which cell opens a row) decides the start.
      const better = !best || hits > best.hits || (hits === best.hits && (opens > best.opens || (opens === best.opens && start > best.start)));
      if (hits >= b - a && better) best = { start, k, hits, opens };
    }
  }
  return best;
}
