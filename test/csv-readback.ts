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

/** Every table of `db` exported to `dir`, compared with the database row by row and cell by cell. */
export async function compareExports(db: Database, dir: string): Promise<Record<string, number>> {
  const files = await exportCsv(db, join(dir, 'exports'));
  const counts: Record<string, number> = {};
  for (const table of EXPORT_TABLES) {
    const file = files.find((f) => f.table === table.name)!;
    const rows = readBack(readFileSync(file.file, 'utf8'));
    const dbRows = await db.all(table.sql);
    expect(rows[0], table.name).toEqual(table.columns.map((c) => c.name));
    expect(rows.length - 1, `${table.name}.csv rows`).toBe(dbRows.length);
    dbRows.forEach((r, i) => {
      const want = table.columns.map((c) => {
        const v = r[c.name];
        if (table.jsonLists?.includes(c.name) && typeof v === 'string') return expectedCell((JSON.parse(v) as string[]).join('; '), 'text');
        return expectedCell(v, c.type);
      });
      expect(rows[i + 1], `${table.name}.csv row ${i + 1}`).toEqual(want);
    });
    counts[table.name] = dbRows.length;
  }
  return counts;
}
