// CSV writing: RFC 4180 quoting (csv-stringify), UTF-8 with a byte-order mark so Excel reads £ correctly,
// and text cells neutralised against spreadsheet formula injection.
import { stringify } from 'csv-stringify/sync';

export type ColumnType = 'text' | 'integer' | 'number';

export interface Column {
  name: string;
  type: ColumnType;
  /** One line for docs/exports.md. */
  description: string;
}

/** Characters that make Excel, LibreOffice or Sheets treat a cell as a formula (OWASP CSV injection), with the
 *  full-width forms Apple Numbers folds to them. */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/**
 * A text cell a spreadsheet would run as a formula ("=HYPERLINK(...)", "-2+3", "@SUM(...)") gets a leading
 * apostrophe, which spreadsheets show as text. Only text columns: numbers such as -129506 stay numbers.
 */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]) ? `'${text}` : text;
}

/** The cell text for one value of a column: empty for null, numbers as written, text neutralised. */
export function csvCell(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return '';
  if (type === 'text') return neutraliseFormula(String(value));
  const n = typeof value === 'number' ? value : Number(value);
  // A numeric column never holds text; if the database does (it should not), keep it readable but inert.
  return Number.isFinite(n) ? String(n) : neutraliseFormula(String(value));
}

/**
 * One CSV file: BOM, a header row of column names, then one line per row; CRLF line ends (RFC 4180).
 * A cell holding CR, LF, a quote, the delimiter or leading/trailing space is quoted. csv-stringify quotes only
 * the record delimiter itself (CRLF) once one is set, so a bare LF or CR would split the row: both options below
 * say so explicitly. A quoted cell stays one cell, so the formula check on its first character covers all of it.
 */
export function toCsv(columns: readonly Column[], rows: readonly Record<string, unknown>[]): string {
  const records = rows.map((row) => columns.map((c) => csvCell(row[c.name], c.type)));
  return stringify([columns.map((c) => c.name), ...records], {
    bom: true,
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    quoted_match: [/[\r\n"]/, /^\s|\s$/],
  });
}
