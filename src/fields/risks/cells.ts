// Small helpers for reading risk-log rows as converters leave them: pieces of one field split by a page break or a
// wrapped row (header rows repeated after a page break: src/tables/headerRuns.ts). The cell cleaner itself is
// src/text/clean.ts's cleanCellText.
import { cleanCellText } from '../../text/clean.js';

/** Join two pieces of one field that a page break or a wrapped row split. */
export function joinText(a: string | null, b: string): string | null {
  const tail = cleanCellText(b);
  if (!tail) return a;
  if (!a) return tail;
  return cleanCellText(`${a} ${tail}`);
}
