import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failedRecord } from '../src/pipeline/analyse.js';
import { openStore, saveDocument, type Database } from '../src/store/db.js';
import { acquireLock, LockHeldError, writeRecordFile, clearTempDir } from '../src/store/files.js';
import { loadKnownDocuments, markRemoved, refreshDuplicates, relinkDocument, touchDocument } from '../src/store/state.js';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plansift-store-'));
  db = await openStore(join(dir, 'plansift.sqlite'));
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const meta = { size: 10, mtimeMs: 1000, status: 'failed' as const, failureReason: 'empty', duplicateOf: null };
const save = (file: string, sha: string) =>
  saveDocument(db, failedRecord({ file, sha256: sha, format: 'txt', pages: null }, 'empty', 'file is empty'), meta);

describe('document state', () => {
  it('stores every item of a large record in order, and replaces them all when the document is saved again', async () => {
    const base = failedRecord({ file: 'big.pdf', sha256: 'ccc', format: 'pdf', pages: 9 }, 'x', 'y');
    // More rows than one multi-row INSERT takes (200), so the chunking is exercised.
    const budgets = Array.from({ length: 450 }, (_, i) => ({
      kind: 'scheme_spend' as const, year: '2015-16', amountGbp: 1000 + i, scheme: `S${i}`, label: `Scheme ${i}`,
      text: `£${1000 + i}`, page: 1 + (i % 9),
    }));
    const record = { ...base, budgets, flags: [] };
    const id = await saveDocument(db, record, { ...meta, status: 'ok', failureReason: null });
    const rows = await db.all<{ idx: number; amount: number; scheme: string }>(
      'SELECT ord AS idx, amount_gbp AS amount, scheme FROM budgets WHERE document_id = ? ORDER BY ord', [id]);
    expect(rows).toHaveLength(450);
    expect(rows[0]).toEqual({ idx: 0, amount: 1000, scheme: 'S0' });
    expect(rows[449]).toEqual({ idx: 449, amount: 1449, scheme: 'S449' });
    expect(rows.every((r, i) => r.idx === i && r.amount === 1000 + i)).toBe(true);
    await saveDocument(db, { ...record, budgets: budgets.slice(0, 3) }, { ...meta, status: 'ok', failureReason: null });
    expect(await db.get('SELECT COUNT(*) AS n FROM budgets WHERE document_id = ?', [id])).toEqual({ n: 3 });
  });

  it('relinks a row to a new path, replacing what was stored there, and keeps its id and items', async () => {
    const id = await save('old/a.txt', 'aaa');
    await save('new/a.txt', 'bbb'); // the content formerly at the target path
    const json = await relinkDocument(db, 'old/a.txt', 'new/a.txt', 11, 2000);
    expect(JSON.parse(json).source.file).toBe('new/a.txt');
    const docs = await loadKnownDocuments(db);
    expect(docs.map((d) => [d.id, d.path, d.sha256, d.size, d.mtimeMs, d.status])).toEqual([[id, 'new/a.txt', 'aaa', 11, 2000, 'failed']]);
    expect(await db.get('SELECT COUNT(*) AS n FROM flags WHERE document_id = ?', [id])).toEqual({ n: 1 });
  });

  it('marks a row removed once, and a touch brings it back with its previous status', async () => {
    await save('a.txt', 'aaa');
    await markRemoved(db, 'a.txt', new Date('2026-01-02T03:04:05Z'));
    await markRemoved(db, 'a.txt', new Date('2026-02-02T03:04:05Z')); // keeps the first removal time
    let [doc] = await loadKnownDocuments(db);
    expect([doc.status, doc.removedAt]).toEqual(['removed', '2026-01-02T03:04:05.000Z']);
    await touchDocument(db, 'a.txt', 10, 3000);
    [doc] = await loadKnownDocuments(db);
    expect([doc.status, doc.removedAt, doc.mtimeMs]).toEqual(['failed', null, 3000]);
  });

  it('points duplicates at the first stored document with the same content that still exists', async () => {
    await save('z-first.txt', 'same');
    await save('a-second.txt', 'same');
    await save('other.txt', 'different');
    await refreshDuplicates(db);
    const dup = async () => Object.fromEntries((await db.all<{ path: string; duplicate_of: string | null }>('SELECT path, duplicate_of FROM documents')).map((r) => [r.path, r.duplicate_of]));
    expect(await dup()).toEqual({ 'z-first.txt': null, 'a-second.txt': 'z-first.txt', 'other.txt': null });
    await markRemoved(db, 'z-first.txt');
    await refreshDuplicates(db);
    expect(await dup()).toEqual({ 'z-first.txt': null, 'a-second.txt': null, 'other.txt': null });
  });
});

describe('output files', () => {
  it('writes a record through a temp file and leaves no temp behind', async () => {
    await clearTempDir(dir);
    await writeRecordFile(dir, 'deep/er/plan.pdf', '{"a":1}');
    expect(readFileSync(join(dir, 'records/deep/er/plan.pdf.json'), 'utf8')).toBe('{"a":1}\n');
    expect(existsSync(join(dir, '.tmp'))).toBe(true);
    expect(readdirSync(join(dir, '.tmp'))).toEqual([]);
  });

  it('takes the lock, refuses a second holder, and releases it', async () => {
    const release = await acquireLock(dir, () => undefined);
    const lock = JSON.parse(readFileSync(join(dir, '.plansift.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, host: hostname() });
    await expect(acquireLock(dir, () => undefined)).rejects.toThrow(LockHeldError);
    await release();
    expect(existsSync(join(dir, '.plansift.lock'))).toBe(false);
  });

  it('takes over a stale lock (dead pid, or unreadable) and says so', async () => {
    const stale: number[] = [];
    writeFileSync(join(dir, '.plansift.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), startedAt: 'then' }));
    const release = await acquireLock(dir, (held) => stale.push(held.pid));
    expect(stale).toEqual([2 ** 22 + 12345]);
    await release();
    writeFileSync(join(dir, '.plansift.lock'), '{"pid": 12'); // half-written by a killed run
    const release2 = await acquireLock(dir, (held) => stale.push(held.pid));
    expect(stale).toEqual([2 ** 22 + 12345, -1]);
    await release2();
  });

  it('treats a lock from another host as held (its pid cannot be checked from here)', async () => {
    writeFileSync(join(dir, '.plansift.lock'), JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: 'then' }));
    await expect(acquireLock(dir, () => undefined)).rejects.toThrow(/pid 1 on host elsewhere/);
  });
});
