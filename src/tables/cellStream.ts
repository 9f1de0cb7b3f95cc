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
  /** A text role whose cells open with a scale and then describe it ("4 Fewer providers bid …", a potential impact
   *  rated and described), so the scale alone may be its whole cell. None where absent. */
  opensWithScale?(role: Role): boolean;
  /** The text role a cell's wording gives away (an action opening with an instruction), null where it tells
   *  nothing: for cells the reading order gives out of column order. None where absent. */
  readsAs?(cell: string): Role | null;
}

/** Blank lines the converter left before block `i` (an empty cell, or the gap between two cells). */
export function blankLinesBefore(doc: DocumentModel, i: number): number {
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

