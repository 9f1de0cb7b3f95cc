// Reading CSV exports back with a real CSV parser (csv-parse, not the writer's library) and comparing them with the
// database: same row count, same width, every cell equal to the column's value (text neutralised against formulas
// by a leading apostrophe, numbers as written, null empty).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { exportCsv } from '../src/export/command.js';
import type { Column } from '../src/export/csv.js';
import { EXPORT_TABLES } from '../src/export/tables.js';
import type { Database } from '../src/store/db.js';

const TRIGGER = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** What the cell must read as, stated independently of src/export/csv.ts. */
export function expectedCell(value: unknown, type: Column['type']): string {
  if (value === null || value === undefined) return '';
  if (type !== 'text') return String(Number(value));
  const s = String(value);
  return TRIGGER.test(s) ? `'${s}` : s;
}

export function readBack(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  // Strict: a row of the wrong width or a stray quote throws. Any of CRLF, LF and CR ends a record outside quotes,
  // as in spreadsheets (csv-parse would otherwise take the first line end it meets as the only one).
  return parse(text, {
    bom: true, record_delimiter: ['\r\n', '\n', '\r'], relax_quotes: false, relax_column_count: false, skip_empty_lines: false,
  }) as string[][];
}

/**
 * The database table each CSV file copies, and the CSV columns that hold its key: documents.csv is the documents
 * table (one row per file), plans.csv the plans table (one row per area and round), every item file its item table.
 * `document` names the column through which a row reaches its file's documents row (for joined columns such as
 * area_name on item files, or hwb and template on plans.csv).
 */
const BASE: Record<string, { table: string; key: Record<string, string>; document: string }> = {
  plans: { table: 'plans', key: { plan_id: 'id' }, document: 'current_document_id' },
  documents: { table: 'documents', key: { document_id: 'id' }, document: 'document_id' },
};
const ITEM_BASE = { key: { document_id: 'document_id', ord: 'ord' }, document: 'document_id' };

function cellOf(table: { jsonLists?: readonly string[] }, column: Column, value: unknown): string {
  if (table.jsonLists?.includes(column.name) && typeof value === 'string') return expectedCell((JSON.parse(value) as unknown[]).join('; '), 'text');
  return expectedCell(value, column.type);
}

/**
 * Every table of `db` exported to `dir`, compared with the database row by row and cell by cell: each file against
 * the export's query, and against the database table it copies (documents.csv against documents, plans.csv against
 * plans, each item file against its table): same number of rows, and every cell of a column that table (or, for a
 * joined column, the row's documents row) holds equal to the stored value. Returns the row count of each file.
 */
export async function compareExports(db: Database, dir: string): Promise<Record<string, number>> {
  const files = await exportCsv(db, join(dir, 'exports'));
  expect(files.map((f) => f.table).sort()).toEqual(EXPORT_TABLES.map((t) => t.name).sort());
  const documents = new Map((await db.all<Record<string, unknown>>('SELECT * FROM documents')).map((d) => [String(d.id), d]));
  const counts: Record<string, number> = {};
  for (const table of EXPORT_TABLES) {
    const file = files.find((f) => f.table === table.name)!;
    const rows = readBack(readFileSync(file.file, 'utf8'));
    const dbRows = await db.all(table.sql);
    expect(rows[0], table.name).toEqual(table.columns.map((c) => c.name));
    expect(rows.length - 1, `${table.name}.csv rows`).toBe(dbRows.length);
    dbRows.forEach((r, i) => {
      expect(rows[i + 1], `${table.name}.csv row ${i + 1}`).toEqual(table.columns.map((c) => cellOf(table, c, r[c.name])));
    });

    // The same file against the table it copies, read without the export's query.
    const base = BASE[table.name] ?? { table: table.name, ...ITEM_BASE };
    const stored = await db.all<Record<string, unknown>>(`SELECT * FROM ${base.table}`);
    expect(rows.length - 1, `${table.name}.csv rows = rows of the ${base.table} table`).toBe(stored.length);
    const keyCols = Object.keys(base.key);
    const index = (cells: (name: string) => unknown) => keyCols.map((k) => String(cells(k))).join('|');
    const byKey = new Map(stored.map((s) => [index((k) => s[base.key[k]]), s]));
    const at = (name: string) => table.columns.findIndex((c) => c.name === name);
    const docCol = at(base.document);
    expect(docCol, `${table.name}.csv has ${base.document}`).toBeGreaterThanOrEqual(0);
    let compared = 0;
    rows.slice(1).forEach((cells, i) => {
      const where = `${table.name}.csv row ${i + 1}`;
      const row = byKey.get(index((k) => cells[at(k)]));
      expect(row, `${where}: no ${base.table} row with that key`).toBeDefined();
      const doc = documents.get(cells[docCol]);
      expect(doc, `${where}: ${base.document} ${cells[docCol]} is not in documents`).toBeDefined();
      table.columns.forEach((c, j) => {
        const column = base.key[c.name] ?? c.name;
        let value: unknown;
        if (row && column in row) value = row[column];
        else if (doc && c.name in doc) value = doc[c.name];
        else return; // a computed column (counts): checked against the export's query above
        expect(cells[j], `${where}, ${c.name}`).toBe(cellOf(table, c, value));
        compared++;
      });
    });
    if (rows.length > 1) expect(compared, `${table.name}.csv cells compared with ${base.table}`).toBeGreaterThan(0);
    counts[table.name] = dbRows.length;
  }
  return counts;
}
