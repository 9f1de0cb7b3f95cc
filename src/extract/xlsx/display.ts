// A cell's value as the sheet displays it: its number format applied (numfmt implements Excel's format codes:
// `0.0%` shows 0.881 as "88.1%", `#,##0` shows 13283000 as "13,283,000"), a formula by its cached result.
import type ExcelJS from 'exceljs';
import { format as formatNumber, isDateFormat } from 'numfmt';

export interface Displayed {
  text: string;
  /** The cell holds a formula whose result was not saved with the file (written by a program, never opened in Excel). */
  noCachedResult?: boolean;
  /** The cell holds a formula (its cached result is shown). */
  formula?: boolean;
}

// Excel serial day 0 is 1899-12-30 (the 1900 leap-year bug included); exceljs hands dates over as JS Dates.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function dateSerial(d: Date, date1904: boolean): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / DAY_MS - (date1904 ? 1462 : 0);
}

function formatted(value: number, numFmt: string | undefined): string {
  const fmt = numFmt && numFmt.trim() !== '' ? numFmt : 'General';
  try {
    // Accounting formats pad with `_)` and fill with `* `: the padding is layout, not content.
    return formatNumber(fmt, value, { throws: true, nbsp: false }).replace(/\s+/g, ' ').trim();
  } catch {
    return formatNumber('General', value);
  }
}

type Scalar = ExcelJS.CellValue;

function scalarText(value: Scalar, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatted(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const fmt = numFmt && isDateFormat(numFmt) ? numFmt : 'dd/mm/yyyy';
    return formatted(dateSerial(value, date1904), fmt);
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('error' in value) return String(value.error);
    if ('text' in value && 'hyperlink' in value) {
      const t = value.text as unknown;
      return typeof t === 'string' ? t : scalarText(t as Scalar, numFmt, date1904);
    }
  }
  return String(value);
}

/** The text a reader sees in the cell (not trimmed of line breaks: a cell's lines stay lines). */
export function displayedText(cell: ExcelJS.Cell, date1904: boolean): Displayed {
  const value = cell.value;
  const numFmt = cell.numFmt;
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && ('formula' in value || 'sharedFormula' in value)) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return { text: '', formula: true, noCachedResult: true };
    return { text: scalarText(result as Scalar, numFmt, date1904).trim(), formula: true };
  }
  return { text: scalarText(value, numFmt, date1904).trim() };
}
