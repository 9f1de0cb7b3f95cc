// Where export and report read from: the run's SQLite database, opened read-only.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openStoreReadOnly, type Database } from '../store/db.js';

export interface StoreSource {
  outDir: string;
  dbFile: string;
}

/** --out DIR and --db FILE (default DIR/plansift.sqlite), or a message saying why we cannot proceed. */
export function resolveStoreSource(opts: Record<string, unknown>): StoreSource | { error: string } {
  if (typeof opts.out !== 'string' || opts.out.trim() === '') return { error: '--out DIR is required' };
  const outDir = resolve(opts.out);
  const dbFile = resolve(typeof opts.db === 'string' && opts.db !== '' ? opts.db : join(outDir, 'plansift.sqlite'));
  if (!existsSync(dbFile) || !statSync(dbFile).isFile()) {
    return { error: `no database at ${dbFile} (run \`plansift run INPUT --out ${opts.out}\` first, or pass --db FILE)` };
  }
  return { outDir, dbFile };
}

/** Open read-only and check it is a plansift database (has the documents table). */
export async function openSource(dbFile: string): Promise<Database> {
  const db = await openStoreReadOnly(dbFile);
  try {
    const t = await db.get("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'documents'");
    if (!t) throw new Error(`${dbFile} is not a plansift database (no documents table)`);
    return db;
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * What export and report both do with the database: resolve and open it, run `work` on it, close it. Every failure
 * is one line on stderr (`plansift COMMAND: …`) and exit status 2; 0 when `work` finished.
 */
export async function withStoreSource(command: string, opts: Record<string, unknown>, work: (db: Database, source: StoreSource) => Promise<void>): Promise<number> {
  const source = resolveStoreSource(opts);
  if ('error' in source) {
    console.error(`plansift ${command}: ${source.error}`);
    return 2;
  }
  let db: Database;
  try {
    db = await openSource(source.dbFile);
  } catch (err) {
    console.error(`plansift ${command}: cannot open ${source.dbFile}: ${messageOf(err)}`);
    return 2;
  }
  try {
    await work(db, source);
    return 0;
  } catch (err) {
    console.error(`plansift ${command}: ${messageOf(err)}`);
    return 2;
  } finally {
    await db.close().catch(() => undefined);
  }
}
