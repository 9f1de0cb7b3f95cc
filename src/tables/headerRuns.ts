// Tables read by header role: a grid (a table with its page-split parts merged) is cut into runs, each the rows
// under one header row. A header printed again after a page break (the same text, or the same roles re-wrapped by
// the converter) does not start a new run: it stays in the run, marked, so the reader sees where the pages broke.
// Each row also says whether it is the first after a break (a new block, a new page, or the PDF extractor's
// page-break mark): where a split row continues. Which rows are headers is the reader's: it passes a spec.
import type { DocumentModel, TableRow } from '../model/document.js';
import { memoString } from '../cache/memo.js';
import { cleanCellText } from '../text/clean.js';
import type { Grid, GridRow } from './grids.js';

export interface HeaderRunSpec<Cols> {
  /** The columns a header row names, or null when the row is no header of this table. */
  columnsOf(row: TableRow): Cols | null;
  /** Two headers naming the same columns: the second is the first printed again. */
  sameColumns(a: Cols, b: Cols): boolean;
}

export interface RunRow {
  row: TableRow;
  /** The grid row it is read from, for the item's provenance. */
  gridRow: GridRow;
  page: number | null;
  /** First row of a new table part or page: where a split row continues. */
  afterBreak: boolean;
}

export interface HeaderRun<Cols> {
  cols: Cols;
  /** The header row's signature, to spot it printed again. */
  headerSig: string;
  rows: RunRow[];
}

/** A cell's letters and digits only, lower-cased (remembered: every row of every table is signed). */
const cellSignature = memoString((text: string) => cleanCellText(text).toLowerCase().replace(/[^a-z0-9]+/g, ''));

/** Normalised row signature, for spotting a header row repeated after a page break. */
export function rowSignature(row: TableRow): string {
  return row.cells.map((c) => cellSignature(c.text)).join('|');
}

/** True when the extractor says the row is the first one after a page break (PDF extractor). */
export function startsAfterPageBreak(row: TableRow): boolean {
  return (row as TableRow & { pageBreakBefore?: boolean }).pageBreakBefore === true;
}

/** The runs of rows under each header row of one grid; rows above the first header belong to none. */
export function headerRuns<Cols>(doc: DocumentModel, grid: Grid, spec: HeaderRunSpec<Cols>): HeaderRun<Cols>[] {
  const runs: HeaderRun<Cols>[] = [];
  let run: HeaderRun<Cols> | null = null;
  const seenInBlock = new Map<number, number>();
  grid.rows.forEach((g, k) => {
    const row: TableRow = { cells: g.cells.map((text) => ({ text })), page: g.page, header: g.header };
    // The source row, for the PDF extractor's page-break mark (grid rows keep block order).
    const nth = seenInBlock.get(g.block) ?? 0;
    seenInBlock.set(g.block, nth + 1);
    const block = doc.blocks[g.block];
    const source = block.kind === 'table' ? block.rows[nth] : undefined;
    const prev = grid.rows[k - 1];
    const afterBreak =
      !!prev &&
      (prev.block !== g.block || (prev.page !== null && g.page !== null && prev.page !== g.page) || (source ? startsAfterPageBreak(source) : false));
    const sig = rowSignature(row);
    if (run && sig === run.headerSig) {
      run.rows.push({ row, gridRow: g, page: g.page, afterBreak: true });
      return;
    }
    const cols = spec.columnsOf(row);
    if (cols && run && spec.sameColumns(cols, run.cols)) {
      // The header repeated on a new page, re-wrapped by the converter.
      run.rows.push({ row: { ...row, header: true }, gridRow: g, page: g.page, afterBreak: true });
      return;
    }
    if (cols) {
      run = { cols, headerSig: sig, rows: [] };
      runs.push(run);
      return;
    }
    run?.rows.push({ row, gridRow: g, page: g.page, afterBreak });
  });
  return runs;
}
