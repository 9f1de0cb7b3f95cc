// Incremental state across runs: skip / touch / re-extract / relink / removed / duplicate / --force / version bump.
// Each case runs the real pipeline (worker threads from dist/) over a small temp corpus of text plans.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPipeline, type RunEvent, type RunOptions } from '../src/pipeline/run.js';
import { openStore } from '../src/store/db.js';

const T0 = 1_700_000_000; // fixed mtimes (whole seconds) so a test can put a file's mtime back exactly

let base: string;
let input: string;
let out: string;

function plan(name: string, body = 'The pooled budget is set out below.'): string {
  return `# Better Care Fund plan: ${name}\n\n## Executive summary\n\n${body}\n`;
}

function put(rel: string, text: string, mtime = T0): void {
  const full = join(input, rel);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  utimesSync(full, mtime, mtime);
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function run(extra: Partial<RunOptions> = {}) {
  const events: RunEvent[] = [];
  const summary = await runPipeline(
    { input, outDir: out, timeoutMs: 30_000, maxMemoryMb: 1024, concurrency: 2, ...extra },
    (e) => events.push(e),
  );
  const extracted = events.flatMap((e) => (e.kind === 'file' ? [e.rel] : [])).sort();
  return { summary, events, extracted };
}

async function rows() {
  const db = await openStore(join(out, 'plansift.sqlite'));
  try {
    return await db.all<{ id: number; path: string; sha256: string; status: string; removed_at: string | null; duplicate_of: string | null; mtime_ms: number; record_json: string }>(
      'SELECT id, path, sha256, status, removed_at, duplicate_of, mtime_ms, record_json FROM documents ORDER BY path',
    );
  } finally {
    await db.close();
  }
}

const recordOf = (rel: string) => JSON.parse(readFileSync(join(out, 'records', `${rel}.json`), 'utf8'));

beforeEach(async () => {
  base = mkdtempSync(join(tmpdir(), 'plansift-inc-'));
  input = join(base, 'in');
  out = join(base, 'out');
  put('a.txt', plan('Alpha'));
  put('b.txt', plan('Beta'));
  put('sub/c.txt', plan('Gamma'));
  const first = await run();
  expect(first.extracted).toEqual(['a.txt', 'b.txt', 'sub/c.txt']);
  expect(first.summary).toMatchObject({ processed: 3, skipped: 0, failed: 0, removed: 0 });
}, 180_000);
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('incremental runs', { timeout: 180_000 }, () => {
  it('skips a file with unchanged path, size and mtime without reading it', async () => {
    // Same size, same mtime, different bytes: only a run that opens the file could notice.
    put('a.txt', plan('Alpxa'));
    const { summary, extracted } = await run();
    expect(extracted).toEqual([]);
    expect(summary).toMatchObject({ processed: 0, skipped: 3, failed: 0, removed: 0, relinked: 0 });
    expect(recordOf('a.txt').source.sha256).toBe(sha(plan('Alpha')));
  });

  it('re-hashes a touched file and skips it when the content is the same', async () => {
    put('a.txt', plan('Alpha'), T0 + 100);
    const { summary, extracted } = await run();
    expect(extracted).toEqual([]);
    expect(summary.skipped).toBe(3);
    expect((await rows()).find((r) => r.path === 'a.txt')?.mtime_ms).toBe((T0 + 100) * 1000);
  });

  it('re-extracts a file whose content changed', async () => {
    put('b.txt', plan('Beta', 'A new executive summary with different words.'), T0 + 5);
    const { summary, extracted } = await run();
    expect(extracted).toEqual(['b.txt']);
    expect(summary).toMatchObject({ processed: 1, skipped: 2 });
    const row = (await rows()).find((r) => r.path === 'b.txt')!;
    expect(row.sha256).toBe(sha(plan('Beta', 'A new executive summary with different words.')));
    expect(recordOf('b.txt').source.sha256).toBe(row.sha256);
  });

  it('relinks a moved file: same document row at the new path, no re-extraction', async () => {
    const before = (await rows()).find((r) => r.path === 'a.txt')!;
    mkdirSync(join(input, 'moved'));
    renameSync(join(input, 'a.txt'), join(input, 'moved/alpha.txt'));
    const { summary, extracted, events } = await run();
    expect(extracted).toEqual([]);
    expect(summary).toMatchObject({ processed: 0, skipped: 2, relinked: 1, removed: 0 });
    expect(events).toContainEqual({ kind: 'relinked', from: 'a.txt', to: 'moved/alpha.txt' });
    const after = await rows();
    expect(after.map((r) => r.path)).toEqual(['b.txt', 'moved/alpha.txt', 'sub/c.txt']);
    const moved = after.find((r) => r.path === 'moved/alpha.txt')!;
    expect(moved.id).toBe(before.id);
    expect(JSON.parse(moved.record_json).source.file).toBe('moved/alpha.txt');
    expect(recordOf('moved/alpha.txt').source.file).toBe('moved/alpha.txt');
    expect(existsSync(join(out, 'records/a.txt.json'))).toBe(false);
  });

  it('keeps a deleted file as removed, and restores it when the same content comes back', async () => {
    unlinkSync(join(input, 'b.txt'));
    const { summary } = await run();
    expect(summary).toMatchObject({ processed: 0, skipped: 2, removed: 1 });
    const gone = (await rows()).find((r) => r.path === 'b.txt')!;
    expect(gone.status).toBe('removed');
    expect(gone.removed_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(existsSync(join(out, 'records/b.txt.json'))).toBe(true);
    // A second run does not count it again.
    expect((await run()).summary.removed).toBe(0);
    put('b.txt', plan('Beta'), T0 + 9);
    const back = await run();
    expect(back.extracted).toEqual([]);
    const row = (await rows()).find((r) => r.path === 'b.txt')!;
    expect([row.status, row.removed_at]).toEqual(['ok', null]);
  });

  it('notes identical content at two paths with duplicate_of, copying the record instead of extracting', async () => {
    put('copy-of-c.txt', plan('Gamma'));
    const { summary, events } = await run();
    expect(summary).toMatchObject({ processed: 1, duplicates: 1, skipped: 3 });
    expect(events).toContainEqual(expect.objectContaining({ kind: 'file', rel: 'copy-of-c.txt', via: 'copied' }));
    const all = await rows();
    expect(all.find((r) => r.path === 'copy-of-c.txt')?.duplicate_of).toBe('sub/c.txt');
    expect(all.find((r) => r.path === 'sub/c.txt')?.duplicate_of).toBeNull();
    expect(recordOf('copy-of-c.txt').source.file).toBe('copy-of-c.txt');
    // The original disappears: the copy is no longer a duplicate of anything live.
    unlinkSync(join(input, 'sub/c.txt'));
    await run();
    expect((await rows()).find((r) => r.path === 'copy-of-c.txt')?.duplicate_of).toBeNull();
  });

  it('re-extracts every file with --force', async () => {
    const { summary, extracted } = await run({ force: true });
    expect(extracted).toEqual(['a.txt', 'b.txt', 'sub/c.txt']);
    expect(summary).toMatchObject({ processed: 3, skipped: 0 });
    expect((await rows()).map((r) => r.id)).toHaveLength(3);
  });

  it('re-extracts what an older extractor version produced', async () => {
    const db = await openStore(join(out, 'plansift.sqlite'));
    await db.run(`UPDATE documents SET extractor_version = '0.0.1' WHERE path = 'sub/c.txt'`);
    await db.close();
    const { summary, extracted } = await run();
    expect(extracted).toEqual(['sub/c.txt']);
    expect(summary).toMatchObject({ processed: 1, skipped: 2 });
    const row = await openStore(join(out, 'plansift.sqlite')).then(async (d) => {
      const r = await d.get<{ extractor_version: string }>(`SELECT extractor_version FROM documents WHERE path = 'sub/c.txt'`);
      await d.close();
      return r;
    });
    expect(row?.extractor_version).not.toBe('0.0.1');
  });

  it('leaves documents alone that an --include filter left out (they still exist)', async () => {
    const { summary } = await run({ include: ['sub/**'] });
    expect(summary).toMatchObject({ skipped: 1, removed: 0 });
    expect((await rows()).every((r) => r.status === 'ok')).toBe(true);
  });

  it('writes back a JSON record that was deleted from records/', async () => {
    unlinkSync(join(out, 'records/sub/c.txt.json'));
    const { extracted } = await run();
    expect(extracted).toEqual([]);
    expect(recordOf('sub/c.txt').source.file).toBe('sub/c.txt');
  });

  it('records each run in the runs table', async () => {
    unlinkSync(join(input, 'a.txt'));
    await run();
    const db = await openStore(join(out, 'plansift.sqlite'));
    const runs = await db.all<{ finished_at: string | null; processed: number; skipped: number; removed: number; extractor_version: string; input_root: string }>(
      'SELECT * FROM runs ORDER BY id',
    );
    await db.close();
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ processed: 3, skipped: 0, removed: 0, input_root: input });
    expect(runs[1]).toMatchObject({ processed: 0, skipped: 2, removed: 1 });
    expect(runs.every((r) => r.finished_at !== null)).toBe(true);
  });
});
