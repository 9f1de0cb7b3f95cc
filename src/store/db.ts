// SQLite access: a promise wrapper over sqlite3 and the one-transaction-per-document writer.
import sqlite3 from 'sqlite3';
import type { PlanRecord } from '../record/schema.js';
import { ITEM_TABLES, itemValues, type ItemTable } from '../record/itemTables.js';
import { dbSchema, SQL_TYPES } from './schema.js';

export type Row = Record<string, unknown>;

/** A small promise API over one sqlite3 connection. */
export class Database {
  private constructor(private readonly db: sqlite3.Database) {}

  static open(file: string, mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE): Promise<Database> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(new Database(db))));
    });
  }

  run(sql: string, params: unknown[] = []): Promise<{ lastID: number; changes: number }> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ lastID: this.lastID, changes: this.changes });
      });
    });
  }

  all<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[])));
    });
  }

  get<T = Row>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.db.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined)));
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }

  /** Run `work` inside one transaction; roll back on any error. Callers must not interleave transactions. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      await this.exec('COMMIT');
      return result;
    } catch (err) {
      await this.exec('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }
}

/** Open (creating if needed) the plansift database: WAL mode, foreign keys on, schema ensured. */
export async function openStore(file: string, itemTables: readonly ItemTable[] = ITEM_TABLES): Promise<Database> {
  const db = await Database.open(file);
  await db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;');
  await db.exec(dbSchema(itemTables));
  // Databases made by an older plansift get the newer columns (CREATE TABLE IF NOT EXISTS does not add them).
  await addMissingColumns(db, itemTables);
  return db;
}

/** v2 columns of documents, added to a database made by an older plansift (SQLite adds them at the end). */
const DOCUMENT_COLUMNS_V2: Array<[string, string]> = [
  ['round', 'TEXT'],
  ['hwb_area_code', 'TEXT'],
  ['plan_date', 'TEXT'],
  ['plan_id', 'INTEGER'],
  ['failed_runs', 'INTEGER NOT NULL DEFAULT 0'],
];

/**
 * Item columns a newer record has and the database does not, as SQLite can add them: without NOT NULL, which ALTER
 * TABLE allows only with a default (rows written before the field existed have none).
 */
function itemColumnsToAdd(itemTables: readonly ItemTable[]): Map<string, Array<[string, string]>> {
  return new Map(itemTables.map((t) => [t.table, t.columns.map((c): [string, string] => [c.name, SQL_TYPES[c.kind]])]));
}

async function addMissingColumns(db: Database, itemTables: readonly ItemTable[]): Promise<void> {
  for (const [table, columns] of [['documents', DOCUMENT_COLUMNS_V2] as const, ...itemColumnsToAdd(itemTables)]) {
    const have = new Set((await db.all<{ name: string }>(`PRAGMA table_info(${table})`)).map((c) => c.name));
    for (const [name, type] of columns) {
      if (!have.has(name)) await db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
    }
  }
}

/** Open an existing database read-only (export, report). */
export async function openStoreReadOnly(file: string): Promise<Database> {
  const db = await Database.open(file, sqlite3.OPEN_READONLY);
  await db.exec('PRAGMA foreign_keys = ON;');
  return db;
}

export interface FileMeta {
  size: number | null;
  mtimeMs: number | null;
  status: 'ok' | 'failed';
  failureReason: string | null;
  duplicateOf: string | null;
}

/** The name a reader knows the plan by: its HWB, else its first council, else its file. */
export function areaName(record: PlanRecord): string {
  return record.area.healthAndWellbeingBoard ?? record.area.localAuthorities[0] ?? record.source.file;
}

/**
 * Replace one document's rows (documents + every item table) in a single transaction, so a crash at any
 * moment leaves either the old rows or the new ones. Returns the document id. `itemTables` as for insertItems.
 */
export async function saveDocument(
  db: Database, record: PlanRecord, meta: FileMeta, now = new Date(), itemTables: readonly ItemTable[] = ITEM_TABLES,
): Promise<number> {
  return db.transaction(async () => {
    const existing = await db.get<{ id: number }>('SELECT id FROM documents WHERE path = ?', [record.source.file]);
    const values = [
      record.source.sha256, meta.size, meta.mtimeMs, record.source.format, record.source.pages, record.template,
      JSON.stringify(record.area.localAuthorities), JSON.stringify(record.area.ccgs),
      record.area.healthAndWellbeingBoard, areaName(record), meta.status, meta.failureReason, meta.duplicateOf,
      record.extractorVersion, now.toISOString(), JSON.stringify(record),
      record.round, record.area.hwbAreaCode, record.planDate,
    ];
    let id: number;
    if (existing) {
      id = existing.id;
      // One statement batch, not a round trip per table; `id` is an integer from the database.
      await db.exec(
        itemTables.map((t) => `DELETE FROM ${t.table} WHERE document_id = ${Number(id)};`).join(' '),
      );
      await db.run(
        `UPDATE documents SET sha256=?, size=?, mtime_ms=?, format=?, pages=?, template=?, local_authorities=?, ccgs=?,
         hwb=?, area_name=?, status=?, failure_reason=?, duplicate_of=?, extractor_version=?, processed_at=?,
         record_json=?, round=?, hwb_area_code=?, plan_date=?, removed_at=NULL,
         failed_runs = CASE WHEN ? = 'failed' THEN (CASE WHEN sha256 IS ? THEN failed_runs + 1 ELSE 1 END) ELSE 0 END
         WHERE id=?`,
        // failed_runs counts failures of the same content in a row (sha256 here is the stored, older value).
        [...values, meta.status, record.source.sha256, id],
      );
    } else {
      id = (
        await db.run(
          `INSERT INTO documents (sha256, size, mtime_ms, format, pages, template, local_authorities, ccgs, hwb,
           area_name, status, failure_reason, duplicate_of, extractor_version, processed_at, record_json,
           round, hwb_area_code, plan_date, path, failed_runs)
           VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
          [...values, record.source.file, meta.status === 'failed' ? 1 : 0],
        )
      ).lastID;
    }
    await insertItems(db, id, record, itemTables);
    return id;
  });
}

/** Rows per INSERT: well under SQLite's bound-parameter limit (32,766) for our widest table (metrics: 12 columns). */
const ROWS_PER_INSERT = 200;

/**
 * Insert rows with multi-row INSERTs. Each statement is a round trip to sqlite3's thread pool, so one
 * statement per table instead of one per row keeps the main thread (and the workers it shares the CPU with)
 * free: a plan has a hundred or more rows.
 */
async function insertMany(db: Database, table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
  const row = `(${columns.map(() => '?').join(',')})`;
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    await db.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => row).join(',')}`, chunk.flat());
  }
}

/**
 * Every item of the record into its table (record/itemTables.ts: one column per item field, in the schema's order).
 * `itemTables` is the record's unless a test passes an extended record's.
 */
async function insertItems(db: Database, id: number, record: PlanRecord, itemTables: readonly ItemTable[] = ITEM_TABLES): Promise<void> {
  for (const t of itemTables) {
    // A record written before a list existed has none (notes: the schema's default).
    const items = ((record as unknown as Record<string, unknown>)[t.table] ?? []) as Record<string, unknown>[];
    const columns = ['document_id', 'ord', ...t.columns.map((c) => c.name)];
    await insertMany(db, t.table, columns, items.map((item, i) => [id, i, ...itemValues(t, item)]));
  }
}
