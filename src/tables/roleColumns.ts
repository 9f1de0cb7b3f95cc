// Metric blocks of a sheet printed column by column: the 2014 Part 2 metrics sheet (../shared/spec/tables.md) gives
// each metric a block of rows "Metric Value / Numerator / Denominator" under period columns, its name in the first
// column beside the block and a row of bracketed periods under it. Printed without gridlines and read by raw
// pdftotext, the sheet comes out as its label columns first (one line per role, a clipped name glued before the
// role of the row it sits on, "… residential an Denominator", or alone on a line where it wrapped), then the
// clipped period headers ("Current Baseline (as at Performance underpinnin"), then the figures row by row (a row's
// cells on one line or one per line, "N/A" kept), or column by column where the columns print far apart. The laid-out twin of this shape is read by
// src/extract/text/roleBlocks.ts; here the figures are dealt back into rows only where that is determined: the
// roles give the rows (each block's role rows and its period row), the figures must fill every row with the same
// number of cells, no printed line may straddle two rows, period rows hold periods or no-value words only and role
// rows no period, and only one of the two reading orders may fit. Anything else (a dropped empty cell, a stray figure) leaves the table unread: a wrong figure is
// worse than a missing one. The result is the grid the laid-out reader gives: name | role | values.
import type { DocumentModel } from '../model/document.js';
import { cleanCell } from '../text/clean.js';
import { hasCellGap, type Grid, type GridRow } from './grids.js';
import { NO_VALUE, valueCellsFrom } from '../text/metricRoles.js';

/** A line of the label column ending with a row's role, the block's name (clipped) glued before it. */
const roleLineOf = (roleWords: string[]) => new RegExp(`^(.*?)\\s*\\b(${roleWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`, 'i');
const PERIOD_CELL = /^\(/;

/** The value cells a line is made of, or null where anything else is written on it. */
function valueCells(text: string): string[] | null {
  const cells = valueCellsFrom(text);
  return cells && cells.length > 0 ? cells.map((c) => c.text) : null;
}

/** Header lines looked for above the figures, and value columns a sheet of this shape has at most. */
const MAX_HEADER_LINES = 3;
const MAX_COLUMNS = 8;
/** Blocks needed before label lines are read as a metrics sheet. */
const MIN_BLOCKS = 2;

interface MetricBlock {
  /** The role rows: role label and the document block of its line. */
  roles: Array<{ role: string; block: number }>;
  /** Name pieces (glued before a role, or alone on a line) and the block each was read from. */
  names: Array<{ text: string; at: number }>;
}

/** What the spec gives: which header cell says what kind of value its column holds. */
export interface RoleColumnSpec {
  /** True where a header text announces a value column (a kind of value: baseline, plan). */
  namesColumn: (text: string) => boolean;
  /** The labels of the block's rows ("metric value", "numerator", "denominator"). */
  roleWords: string[];
  /** The role a row's label gives it; a block opens at its value row. */
  roleOf: (label: string) => 'value' | 'numerator' | 'denominator';
}

/**
 * The metric-block tables of a document printed column by column, as grids: a header row (the label column's
 * header, '', one cell per value column), then per block its role rows (name on the first) and its period row.
 */
export function roleColumnGrids(doc: DocumentModel, spec: RoleColumnSpec): Grid[] {
  const text = (i: number) => {
    const b = doc.blocks[i];
    return b && (b.kind === 'paragraph' || b.kind === 'list_item') && !hasCellGap(b.text) && !b.text.includes('\n') ? cleanCell(b.text) : null;
  };
  const grids: Grid[] = [];
  const roleLine = roleLineOf(spec.roleWords);
  for (let i = 0; i < doc.blocks.length; i++) {
    const opening = roleLine.exec(text(i) ?? '');
    if (!opening || spec.roleOf(opening[2]) !== 'value') continue;
    const grid = gridFrom(doc, i, text, spec, roleLine);
    if (grid) {
      grids.push(grid);
      i = grid.blockEnd - 1;
    }
  }
  return grids;
}

function gridFrom(doc: DocumentModel, first: number, text: (i: number) => string | null, spec: RoleColumnSpec, roleLine: RegExp): Grid | null {
  // The label column: role lines and names alone, up to the value columns' header over their figures.
  const blocks: MetricBlock[] = [];
  const loose: Array<{ name: string; at: number; after: number; rolesSoFar: number }> = [];
  let i = first;
  let figuresAt = -1;
  let headerLines: string[] = [];
  for (; i < doc.blocks.length; i++) {
    const t = text(i);
    if (t === null || t === '') return null;
    const h = headerAt(i, text, spec, roleLine);
    if (h) {
      figuresAt = i + h.length;
      headerLines = h;
      break;
    }
    const role = roleLine.exec(t);
    if (role) {
      if (spec.roleOf(role[2]) === 'value') blocks.push({ roles: [], names: [] });
      const block = blocks[blocks.length - 1];
      const order = (r: string) => ['value', 'numerator', 'denominator'].indexOf(spec.roleOf(r));
      // Roles in the template's order, each once in its block.
      if (block.roles.length > 0 && order(role[2]) <= order(block.roles[block.roles.length - 1].role)) return null;
      block.roles.push({ role: role[2], block: i });
      if (role[1]) block.names.push({ text: role[1], at: i });
      continue;
    }
    // A name alone on its line: words, no figure, not a sentence.
    if (t.length > 120 || /[.!?]$/.test(t) || valueCells(t) || !/\p{L}{3}/u.test(t)) return null;
    loose.push({ name: t, at: i, after: blocks.length - 1, rolesSoFar: blocks[blocks.length - 1]?.roles.length ?? 0 });
  }
  if (figuresAt < 0 || blocks.length < MIN_BLOCKS) return null;
  // A name alone inside a block's rows is that block's; one between two blocks names the next, unless the block
  // before it has no name of its own (the rest of a name wrapped under its row).
  for (const { name, at, after, rolesSoFar } of loose) {
    const before = blocks[after];
    const inside = before && before.roles.length > rolesSoFar;
    const owner = !before ? blocks[0] : inside || before.names.length === 0 || after + 1 >= blocks.length ? before : blocks[after + 1];
    owner.names.push({ text: name, at });
  }

  // The figures: one group of value lines under the header.
  const lines: Dealt[] = [];
  for (let k = figuresAt; k < doc.blocks.length; k++) {
    const b = doc.blocks[k];
    if (k > figuresAt && b.kind === 'paragraph' && (b.blankLinesBefore ?? 0) > 0) break;
    const t = text(k);
    const cells = t ? valueCells(t) : null;
    if (!cells) break;
    lines.push({ cells, block: k });
  }
  const rowCount = blocks.reduce((n, b) => n + b.roles.length + 1, 0);
  const cellCount = lines.reduce((n, l) => n + l.cells.length, 0);
  const width = cellCount / rowCount;
  if (!Number.isInteger(width) || width < 1 || width > MAX_COLUMNS) return null;
  const header = headerCells(headerLines, width, spec);
  if (!header) return null;

  // The row each role and period row is: a period row under each block.
  const kinds = blocks.flatMap((b) => [...b.roles.map(() => 'role' as const), 'period' as const]);
  const fits = (dealt: Dealt[]) =>
    dealt.every((row, r) => (kinds[r] === 'period' ? row.cells.every((c) => PERIOD_CELL.test(c) || NO_VALUE.test(c)) : !row.cells.some((c) => PERIOD_CELL.test(c))));
  // Row by row (the sheet's rows in reading order) or column by column; taken only where one order fits.
  const orders = [rowMajor(lines, width), columnMajor(lines, width, rowCount)].filter((d): d is Dealt[] => d !== null && fits(d));
  if (orders.length === 0 || (orders.length === 2 && JSON.stringify(orders[0]) !== JSON.stringify(orders[1]))) return null;
  const dealt = orders[0];
  const page = (b: number) => doc.blocks[b].page;
  const headerBlock = figuresAt - headerLines.length;
  const labelHeader = text(first - 1);
  const opensWithHeader = labelHeader !== null && labelHeader !== '' && labelHeader.length <= 40 && !/\d/.test(labelHeader) && !roleLine.test(labelHeader);
  const rows: GridRow[] = [{ cells: [opensWithHeader ? labelHeader : '', '', ...header], page: page(headerBlock), block: headerBlock, header: true, pageBreakBefore: false }];
  let r = 0;
  for (const block of blocks) {
    block.roles.forEach((role, n) => {
      const cells = dealt[r++].cells;
      rows.push({ cells: [n === 0 ? nameOf(block) : '', role.role, ...cells], page: page(role.block), block: role.block, header: false, pageBreakBefore: false });
    });
    const periods = dealt[r++];
    rows.push({ cells: ['', '', ...periods.cells], page: page(periods.block), block: periods.block, header: false, pageBreakBefore: false });
  }
  return { rows, blockStart: opensWithHeader ? first - 1 : first, blockEnd: lines[lines.length - 1].block + 1, columnRun: true };
}

/** One row's value cells and the block its first cell was read from. */
interface Dealt {
  cells: string[];
  block: number;
}

/** The cells dealt row by row: every printed line inside one row (a line never holds two rows' cells). */
function rowMajor(lines: Dealt[], width: number): Dealt[] | null {
  const dealt: Dealt[] = [];
  let row: Dealt | null = null;
  for (const line of lines) {
    if (!row || row.cells.length === width) dealt.push((row = { cells: [], block: line.block }));
    if (row.cells.length + line.cells.length > width) return null;
    row.cells.push(...line.cells);
  }
  return dealt;
}

/** The cells dealt column by column (each value column a run of `rowCount` lines, one cell a line), or null. */
function columnMajor(lines: Dealt[], width: number, rowCount: number): Dealt[] | null {
  if (lines.some((l) => l.cells.length !== 1)) return null;
  return Array.from({ length: rowCount }, (_, r) => ({ cells: Array.from({ length: width }, (_, c) => lines[c * rowCount + r].cells[0]), block: lines[r].block }));
}

/** A block's name: its pieces in reading order. */
function nameOf(block: MetricBlock): string {
  return [...block.names].sort((a, b) => a.at - b.at).map((n) => n.text).join(' ');
}

/** The header lines over the figures when they start at block `i`: one to three lines announcing value columns,
 *  the next line figures. */
function headerAt(i: number, text: (i: number) => string | null, spec: RoleColumnSpec, roleLine: RegExp): string[] | null {
  for (let h = 1; h <= MAX_HEADER_LINES; h++) {
    const lines = Array.from({ length: h }, (_, k) => text(i + k));
    if (lines.some((l) => !l || valueCells(l) || roleLine.test(l))) return null;
    const next = text(i + h);
    if (next && valueCells(next) && spec.namesColumn(lines[0]!)) return lines as string[];
  }
  return null;
}

/**
 * The header lines cut into `width` cells. Clipped headers printed side by side run together one space apart
 * ("Current Baseline (as at Performance underpinnin"): a line is cut before a capitalised word where both its
 * halves announce a column, the rightmost such cut first. Null where the header cannot give one cell per column.
 */
function headerCells(lines: string[], width: number, spec: RoleColumnSpec): string[] | null {
  const cells = [...lines];
  while (cells.length < width) {
    let cut: { at: number; index: number } | null = null;
    cells.forEach((c, k) => {
      for (const m of c.matchAll(/\s+(?=\p{Lu})/gu)) {
        const head = c.slice(0, m.index).trim();
        const tail = c.slice(m.index! + m[0].length).trim();
        if (spec.namesColumn(head) && spec.namesColumn(tail) && (!cut || k > cut.at || (k === cut.at && m.index! > cut.index))) cut = { at: k, index: m.index! };
      }
    });
    if (!cut) return null;
    const { at, index } = cut as { at: number; index: number };
    cells.splice(at, 1, cells[at].slice(0, index).trim(), cells[at].slice(index).trim());
  }
  return cells.length === width ? cells : null;
}
