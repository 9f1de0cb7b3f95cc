// Shared table helpers for the field extractors: one view ("grid") of every table in a document, whether the
// extractor produced a real table block or the table arrived flattened as tab-separated lines.
import type { Block, DocumentModel } from '../../model/document.js';
import { memoString } from '../../segment/text.js';

export interface GridRow {
  /** Cell texts as written (line breaks inside a cell kept), one per grid column (colSpan expanded with ''). */
  cells: string[];
  page: number | null;
  /** Index of the block the row came from in DocumentModel.blocks. */
  block: number;
  /** True where the extractor marked the row as a header. */
  header: boolean;
  /** True for the first row after a page break inside a table (its first cells may finish the row above). */
  pageBreakBefore: boolean;
}

export interface Grid {
  rows: GridRow[];
  /** Block index range (end exclusive) the grid covers. */
  blockStart: number;
  blockEnd: number;
}

/** Cell text without markup and with whitespace collapsed: what a label comparison should see. */
// Remembered: every extractor cleans the same cells of the same grids again.
export const cleanCell = memoString(cleanCellUncached);

function cleanCellUncached(text: string): string {
  return text
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\*\*|__|`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower-case words only: for comparing names and labels ("Self-help, Prevention & …" ~ "self help prevention and …"). */
export function normaliseName(text: string): string {
  return cleanCell(text)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Cell separator of a flattened table line: a tab, or a run of three or more spaces (layout-preserving text). */
const CELL_GAP = /\t| {3,}/;

/** A line of a flattened table: tab- or wide-space-separated cells (what the text form of a table looks like). */
function isTabRow(block: Block): boolean {
  return (block.kind === 'paragraph' || block.kind === 'list_item') && CELL_GAP.test(block.text.trim());
}

/** Short noise between two parts of one table (page numbers, "- 46", a lone "31"). */
function isPageNoise(block: Block): boolean {
  return block.kind !== 'table' && /^[\s\-–—]*(page\s*)?\d{0,4}(\s*(of|\/)\s*\d+)?[\s\-–—]*$/i.test(block.text);
}

/**
 * Grid cells of a table block, colSpan expanded with ''. Converters that lay a table on a fine grid (LibreOffice
 * HTML) give the same logical column different spans in different rows, so a row with as many cells as the
 * header row puts its k-th cell where the header's k-th cell starts: header labels then find their values.
 */
function spannedCells(rows: Extract<Block, { kind: 'table' }>['rows']): string[][] {
  const reference = rows.find((r) => r.header) ?? rows[0];
  const starts: number[] = [];
  let width = 0;
  for (const c of reference?.cells ?? []) {
    starts.push(width);
    width += c.colSpan ?? 1;
  }
  return rows.map((r) => {
    const own = r.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0);
    if (r !== reference && r.cells.length === starts.length && own === width && r.cells.some((c) => (c.colSpan ?? 1) > 1)) {
      const cells = new Array<string>(width).fill('');
      r.cells.forEach((c, k) => (cells[starts[k]] = c.text));
      return cells;
    }
    const cells: string[] = [];
    for (const c of r.cells) {
      cells.push(c.text);
      for (let i = 1; i < (c.colSpan ?? 1); i++) cells.push('');
    }
    return cells;
  });
}

function tableRows(block: Block, index: number): GridRow[] {
  if (block.kind === 'table') {
    const grid = spannedCells(block.rows);
    return block.rows.map((r, k) => ({
      cells: grid[k],
      page: r.page ?? block.page,
      block: index,
      header: Boolean(r.header),
      pageBreakBefore: Boolean(r.pageBreakBefore),
    }));
  }
  if (block.kind === 'paragraph' || block.kind === 'list_item') {
    const cells = block.text.includes('\t') ? block.text.split('\t') : block.text.trim().split(/ {3,}/);
    return [{ cells, page: block.page, block: index, header: false, pageBreakBefore: false }];
  }
  return [];
}

/**
 * Every table of the document as a grid. Adjacent table parts (a table split at a page break, or tab lines
 * separated only by a page number) are merged into one grid, so a header read once applies to all its rows.
 */
export function collectGrids(doc: DocumentModel): Grid[] {
  const grids: Grid[] = [];
  let current: Grid | null = null;
  let gap = 0;
  doc.blocks.forEach((block, i) => {
    const tabular = block.kind === 'table' || isTabRow(block);
    if (tabular) {
      if (!current || gap > 0) {
        // A part separated from the previous grid only by page noise continues it.
        if (current && gap > 2) current = null;
      }
      if (!current) {
        current = { rows: [], blockStart: i, blockEnd: i + 1 };
        grids.push(current);
      }
      current.rows.push(...tableRows(block, i));
      current.blockEnd = i + 1;
      gap = 0;
      return;
    }
    if (current && isPageNoise(block)) {
      gap++;
      return;
    }
    current = null;
    gap = 0;
  });
  return grids;
}

/** Texts of the up-to-`count` non-table blocks just before block `index`, nearest first. */
export function textsBefore(doc: DocumentModel, index: number, count: number): { text: string; block: number }[] {
  const out: { text: string; block: number }[] = [];
  for (let i = index - 1; i >= 0 && out.length < count; i--) {
    const b = doc.blocks[i];
    if (b.kind === 'table' || isTabRow(b)) break;
    if (isPageNoise(b)) continue;
    out.push({ text: b.text, block: i });
  }
  return out;
}

/** The non-empty cleaned cells of a row. */
export function filledCells(row: GridRow): string[] {
  return row.cells.map(cleanCell).filter((c) => c !== '');
}

/** True when two rows carry the same cleaned cells (a header repeated at a page break). */
export function sameRow(a: GridRow, b: GridRow): boolean {
  const x = filledCells(a).join('\u0001').toLowerCase();
  return x !== '' && x === filledCells(b).join('\u0001').toLowerCase();
}
