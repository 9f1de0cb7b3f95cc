// plansift export: one CSV per table under OUT/exports/ from the SQLite database.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../store/db.js';
import { toCsv } from './csv.js';
import { withStoreSource } from './source.js';
import { EXPORT_TABLES, type ExportTable } from './tables.js';

export interface ExportedFile {
  table: string;
  file: string;
  rows: number;
}

/** The CSV text of one table. */
export async function tableCsv(db: Database, table: ExportTable): Promise<{ csv: string; rows: number }> {
  const rows = await db.all(table.sql).catch((err: Error) => {
    // A database from before schema version 2 has no plans table or round columns until a run upgrades it.
    if (/no such (?:table|column)/.test(err.message)) throw new Error(`${err.message}: the database was made by an older plansift; run plansift run on it first`);
    throw err;
  });
  for (const row of rows) {
    for (const col of table.jsonLists ?? []) row[col] = jsonListText(row[col]);
  }
  return { csv: toCsv(table.columns, rows), rows: rows.length };
}

/** '["A","B"]' -> 'A; B'. Bad JSON is kept as written rather than dropped. */
function jsonListText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const list: unknown = JSON.parse(value);
    return Array.isArray(list) ? list.map(String).join('; ') : value;
  } catch {
    return value;
  }
}

/** Write every table to exportsDir; each file appears whole (written beside, then renamed). */
export async function exportCsv(db: Database, exportsDir: string, tables: readonly ExportTable[] = EXPORT_TABLES): Promise<ExportedFile[]> {
  await mkdir(exportsDir, { recursive: true });
  const written: ExportedFile[] = [];
  for (const table of tables) {
    const { csv, rows } = await tableCsv(db, table);
    const file = join(exportsDir, `${table.name}.csv`);
    await writeFile(`${file}.tmp`, csv, 'utf8');
    await rename(`${file}.tmp`, file);
    written.push({ table: table.name, file, rows });
  }
  return written;
}

/** CLI entry. 0 written, 2 could not proceed (no database, unknown format). */
export async function exportCommand(opts: Record<string, unknown>): Promise<number> {
  const format = typeof opts.format === 'string' ? opts.format.toLowerCase() : 'csv';
  if (format !== 'csv') {
    console.error(`plansift export: unknown --format ${String(opts.format)} (supported: csv)`);
    return 2;
  }
  return withStoreSource('export', opts, async (db, source) => {
    const files = await exportCsv(db, join(source.outDir, 'exports'));
    for (const f of files) console.log(`${f.file}\t${f.rows} rows`);
  });
}
