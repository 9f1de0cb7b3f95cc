// Small helpers for reading risk-log rows as converters leave them: pieces of one field split by a page break or a
// wrapped row, header rows repeated after a page break. The cell cleaner itself is src/text/clean.ts's cleanCellText.
import type { TableRow } from '../../model/document.js';
import { memoString } from '../../cache/memo.js';
import { cleanCellText } from '../../text/clean.js';

/** Join two pieces of one field that a page break or a wrapped row split. */
export function joinText(a: string | null, b: string): string | null {
  const tail = cleanCellText(b);
  if (!tail) return a;
  if (!a) return tail;
  return cleanCellText(`${a} ${tail}`);
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
