// Tables of periods (a metric's quarters or years) saved one cell per line: read as a grid k cells a row
// (periodicCellGrids), or line by line by what each line holds (typedLineGrids).
import type { DocumentModel } from '../model/document.js';
import { type Grid, type GridRow } from './grids.js';
import { cleanCell } from '../text/clean.js';

export interface PeriodicSpec {
  /** A header cell of a value column ("2021-22 Q1 Actual", "Baseline"). */
  isColumnHeader(cell: string): boolean;
  /** A value cell ("218.4", "97.3%"). */
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
    // The row that holds the column headers the rows below it are read under, and where it starts in the cells.
    let headerRow = -1;
    let headerAt = start;
    let misread = false;
    while (at + k <= cells.length) {
      const row = cells.slice(at, at + k);
      if (row.some((c) => c.text === '\u0000')) break;
      const useful = row.some((c) => spec.isValue(c.text) || spec.isColumnHeader(c.text));
      idle = useful ? 0 : idle + 1;
      if (idle >= 2) break;
      if (at === start || (!row.some((c) => spec.isValue(c.text)) && row.some((c) => spec.isColumnHeader(c.text)))) {
        headerRow = rows.length;
        headerAt = at;
      } else if (headerRow >= 0 && !underHeaders(rows[headerRow].cells, row.map((c) => c.text), spec)) {
        misread = true;
        break;
      }
      const first = row.find((c) => c.text !== '') ?? row[0];
      rows.push({ cells: row.map((c) => c.text), page: doc.blocks[first.block].page, block: first.block, header: at === start, pageBreakBefore: false });
      at += k;
    }
    // A row whose values are not under the headers: the cells are not a grid of k a row from that header on (a
    // table printed row by row with its empty cells dropped, pdftotext's reading order): what was read under it is
    // dropped, and a later header is looked at again.
    if (misread) {
      rows.splice(headerRow);
      at = headerRow > 0 ? headerAt : at;
    }
    while (rows.length > 0 && !rows[rows.length - 1].cells.some((c) => spec.isValue(c))) rows.pop();
    if (rows.length >= 2) grids.push({ rows, blockStart: cells[start].block, blockEnd: cells[Math.min(at, cells.length) - 1].block + 1 });
    n = misread && headerRow > 0 ? at : Math.max(at, end);
  }
  return grids;
}

/**
 * A row of a grid read k cells a row holds its values under the column headers of the header row above it, each
 * header's cell a value or empty ("Indicator value" under "2021-22 Actual" is a misread row).
 */
function underHeaders(header: string[], row: string[], spec: PeriodicSpec): boolean {
  if (!row.some((c) => spec.isValue(c))) return true;
  return row.every((c, j) => (spec.isColumnHeader(header[j] ?? '') ? c === '' || spec.isValue(c) : !spec.isValue(c)));
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

/** What the lines of a period table flattened with its empty cells dropped are. */
export interface TypedLineSpec extends PeriodicSpec {
  /** A label that only says which row this is ("Indicator value", "Numerator"). */
  isRowType(cell: string): boolean;
}

/**
 * The column headers of one line: in reading order two header cells on one baseline come on one line
 * ("2021-22 estimated 2022-23 Plan"), cut before each period where every piece is a header of its own.
 */
function headerCells(line: string, spec: PeriodicSpec): string[] {
  const pieces = line.split(/\s+(?=20\d\d\s*[-/–]\s*\d\d\b)/);
  return pieces.length >= 2 && pieces.every((p) => spec.isColumnHeader(p)) ? pieces : [line];
}

/**
 * Period tables (metrics) whose cells arrived one per line with empty cells dropped (mammoth's markdown,
 * screen-reader text): a line naming a metric opens a row, value-column headers make a header row, a row label ("Indicator
 * value", "Numerator") opens a data row and the values that follow fill the header's columns in order; the text
 * after them (rationale, local plan) closes the row. Lines outside every grid already read.
 */
export function typedLineGrids(doc: DocumentModel, from: number, to: number, read: Grid[], spec: TypedLineSpec): Grid[] {
  interface Draft {
    header: boolean;
    label: string;
    rowType: string;
    cells: string[];
    texts: string[];
    block: number;
  }
  const grids: Grid[] = [];
  let rows: Draft[] = [];
  let cur: Draft | null = null;
  let width = 0;
  const flush = () => {
    if (cur) rows.push(cur);
    cur = null;
  };
  const close = (end: number) => {
    flush();
    const headers = rows.filter((r) => r.header && r.cells.length >= 2);
    // A table: a header of two or more value columns and a row filling two or more of them.
    if (headers.length > 0 && rows.some((r) => !r.header && r.cells.length >= 2)) {
      const gridRows: GridRow[] = rows.map((r) => ({
        cells: [r.label, r.rowType, ...r.cells, ...new Array(Math.max(0, width - r.cells.length)).fill(''), ...r.texts],
        page: doc.blocks[r.block].page,
        block: r.block,
        header: r.header,
        pageBreakBefore: false,
      }));
      grids.push({ rows: gridRows, blockStart: rows[0].block, blockEnd: end });
    }
    rows = [];
    width = 0;
  };
  const inRead = (i: number) => read.some((g) => i >= g.blockStart && i < g.blockEnd);
  for (let i = from; i < to; i++) {
    const b = doc.blocks[i];
    if (b.kind === 'table' || b.kind === 'heading' || inRead(i)) {
      close(i);
      continue;
    }
    const c = cleanCell(b.text);
    const d: Draft | null = cur;
    if (spec.isColumnHeader(c)) {
      if (!d || !d.header) {
        // A row holding only a metric's name is the header's label.
        const label: string = d && !d.header && !d.rowType && d.cells.length === 0 ? d.label : '';
        if (label) cur = null;
        flush();
        cur = { header: true, label, rowType: '', cells: [], texts: [], block: i };
      }
      cur!.cells.push(...headerCells(c, spec));
      width = Math.max(width, cur!.cells.length);
    } else if (spec.isRowType(c)) {
      const label: string = d && !d.header && !d.rowType && d.cells.length === 0 ? d.label : '';
      if (label) cur = null;
      flush();
      cur = { header: false, label, rowType: c, cells: [], texts: [], block: i };
    } else if (spec.isValue(c) && d && !d.header && d.texts.length === 0) {
      d.cells.push(c);
    } else if (spec.opensRow(c) && c.length <= 300) {
      flush();
      cur = { header: false, label: c, rowType: '', cells: [], texts: [], block: i };
    } else if (d && (d.header || d.cells.length > 0) && d.texts.length < 2) {
      d.texts.push(c); // the header's text columns, or a row's rationale and plan
    } else {
      close(i);
    }
  }
  close(to);
  return grids;
}

