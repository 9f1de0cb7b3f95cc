// Small helpers for reading table cells as converters leave them: HTML/markdown fragments, soft line
// breaks turned into spaces, words broken at a hyphen ("re- commissioning") and ordinals split ("14 th").
import type { TableRow } from '../../model/document.js';
import { memoString } from '../../cache/memo.js';

/** Cell text with markup removed and conversion spaces repaired; keeps the words as written. */
// Remembered: every reader of a risk or metric table cleans the same cells again.
export const cleanCellText = memoString(cleanCellTextUncached);

function cleanCellTextUncached(text: string): string {
  return text
    .replace(/<\/?(?:i|b|u|em|strong|p|br|span|div|ul|ol|li|sup|sub|font)\b[^>]*>/gi, ' ')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .replace(/([A-Za-z])- ([a-z])/g, '$1-$2')
    .replace(/(\d) (st|nd|rd|th)\b/g, '$1$2')
    .trim();
}

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

/** The row as it appears in DocumentModel.text (cells tab-joined), for provenance. */
export function rowText(row: TableRow): string {
  return row.cells.map((c) => c.text.replace(/\s*\n\s*/g, ' ')).join('\t');
}

/** Character offsets of each row of a table block inside DocumentModel.text. */
export function rowOffsets(blockOffset: number, rows: TableRow[]): number[] {
  const out: number[] = [];
  let at = blockOffset;
  for (const r of rows) {
    out.push(at);
    at += rowText(r).length + 1;
  }
  return out;
}
