// The run planner as pure functions: one case per line of the table at the top of src/pipeline/plan.ts, plus the
// retry rules and the removal guard. No files, no database: known documents and discovered files are literals.
import { describe, expect, it } from 'vitest';
import type { DiscoveredFile } from '../src/discover/index.js';
import { isPersistent, planRun, removalGuard, shouldRetry, triage, type TriageOptions } from '../src/pipeline/plan.js';
import type { KnownDocument } from '../src/store/state.js';

const V = '9.9.9';
const opts: TriageOptions = { force: false, retryFailed: false, extractorVersion: V };
let nextId = 1;

function doc(path: string, over: Partial<KnownDocument> = {}): KnownDocument {
  return {
    id: nextId++, path, sha256: `sha-${path}`, size: 100, mtimeMs: 1000, status: 'ok', failureReason: null, failedRuns: 0,
    extractorVersion: V, removedAt: null, ...over,
  };
}
const file = (rel: string, size = 100, mtimeMs = 1000): DiscoveredFile => ({ rel, size, mtimeMs });

function plan(known: KnownDocument[], files: DiscoveredFile[], shas: Record<string, string | null> = {}, o = opts, stillOnDisk: string[] = []) {
  const t = triage(known, files, o);
  const shaOf = new Map(t.toHash.map((f) => [f.rel, f.rel in shas ? shas[f.rel] : `sha-${f.rel}`]));
  return { t, ...planRun({ known, files, triage: t, shaOf, stillOnDisk: new Set(stillOnDisk), maxFileBytes: 1000, opts: o }) };
}
const kinds = (p: ReturnType<typeof plan>) => p.actions.map((a) => `${a.kind} ${a.file.rel}${'from' in a ? ` <- ${a.from}` : ''}`);

describe('triage (before any file is opened)', () => {
  it('leaves an unchanged ok file unopened', () => {
    const t = triage([doc('a.txt')], [file('a.txt')], opts);
    expect(t.unchanged.map((f) => f.rel)).toEqual(['a.txt']);
    expect(t.toHash).toEqual([]);
  });

  it('hashes a file whose size or mtime changed, a new file, and everything under --force or a new extractor', () => {
    expect(triage([doc('a.txt')], [file('a.txt', 101)], opts).toHash.map((f) => f.rel)).toEqual(['a.txt']);
    expect(triage([doc('a.txt')], [file('a.txt', 100, 2000)], opts).toHash.map((f) => f.rel)).toEqual(['a.txt']);
    expect(triage([], [file('new.txt')], opts).toHash.map((f) => f.rel)).toEqual(['new.txt']);
    expect(triage([doc('a.txt')], [file('a.txt')], { ...opts, force: true }).toHash.map((f) => f.rel)).toEqual(['a.txt']);
    expect(triage([doc('a.txt', { extractorVersion: '0.0.1' })], [file('a.txt')], opts).toHash.map((f) => f.rel)).toEqual(['a.txt']);
  });

  it('retries an unchanged file that failed for a transient reason, and not one that failed for a permanent reason', () => {
    const known = [
      doc('timeout.pdf', { status: 'failed', failureReason: 'timeout', failedRuns: 1 }),
      doc('corrupt.pdf', { status: 'failed', failureReason: 'corrupt', failedRuns: 1 }),
    ];
    const t = triage(known, [file('timeout.pdf'), file('corrupt.pdf')], opts);
    expect([...t.retries]).toEqual(['timeout.pdf']);
    expect(t.stillFailing.map((s) => s.file.rel)).toEqual(['corrupt.pdf']);
  });

  it('stops retrying a transient failure after three retries, and --retry-failed retries everything', () => {
    for (const reason of ['unreadable', 'timeout', 'memory', 'crashed']) {
      expect(shouldRetry({ failureReason: reason, failedRuns: 3 }, false), reason).toBe(true);
      expect(shouldRetry({ failureReason: reason, failedRuns: 4 }, false), reason).toBe(false);
      expect(isPersistent({ failureReason: reason, failedRuns: 4 }), reason).toBe(true);
    }
    for (const reason of ['corrupt', 'encrypted', 'no_text_layer', 'wrong_type', 'empty', 'too_large']) {
      expect(shouldRetry({ failureReason: reason, failedRuns: 1 }, false), reason).toBe(false);
      expect(isPersistent({ failureReason: reason, failedRuns: 1 }), reason).toBe(true);
      expect(shouldRetry({ failureReason: reason, failedRuns: 9 }, true), reason).toBe(true);
    }
    expect(shouldRetry({ failureReason: null, failedRuns: 0 }, true)).toBe(false);
  });
});

describe('planRun (once what changed is hashed)', () => {
  it('touches a file whose mtime changed but whose content did not', () => {
    expect(kinds(plan([doc('a.txt')], [file('a.txt', 100, 5000)]))).toEqual(['touch a.txt']);
  });

  it('extracts a file whose content changed', () => {
    const p = plan([doc('a.txt')], [file('a.txt', 120)], { 'a.txt': 'sha-new' });
    expect(kinds(p)).toEqual(['extract a.txt']);
    expect(p.removed).toEqual([]);
  });

  it('relinks a moved file by its content instead of extracting it, and does not mark it removed', () => {
    const p = plan([doc('old/a.txt'), doc('b.txt')], [file('new/a.txt'), file('b.txt')], { 'new/a.txt': 'sha-old/a.txt' });
    expect(kinds(p)).toEqual(['relink new/a.txt <- old/a.txt']);
    expect(p.removed).toEqual([]);
  });

  it('copies the record of a live document with the same content', () => {
    expect(kinds(plan([doc('a.txt')], [file('a.txt'), file('copy.txt')], { 'copy.txt': 'sha-a.txt' }))).toEqual(['copy copy.txt <- a.txt']);
  });

  it('extracts new content once when two new files share it; the second waits for its record', () => {
    const p = plan([], [file('x.txt'), file('y.txt')], { 'x.txt': 'same', 'y.txt': 'same' });
    expect(kinds(p)).toEqual(['extract x.txt']);
    const [x] = p.actions;
    expect(x.kind === 'extract' && x.sameContent.map((f) => f.rel)).toEqual(['y.txt']);
  });

  it('fails an oversized file without reading it', () => {
    expect(kinds(plan([], [file('big.pdf', 5000)], { 'big.pdf': null }))).toEqual(['too_large big.pdf']);
  });

  it('extracts a retry even though its content is unchanged (same sha), and marks it as a retry', () => {
    const p = plan([doc('t.pdf', { status: 'failed', failureReason: 'timeout', failedRuns: 2 })], [file('t.pdf')], { 't.pdf': 'sha-t.pdf' });
    expect(kinds(p)).toEqual(['extract t.pdf']);
    expect(p.actions[0]).toMatchObject({ kind: 'extract', retry: true });
  });

  it('marks a vanished document removed, but not one that --include left out and that still exists', () => {
    const p = plan([doc('a.txt'), doc('b.txt'), doc('c.txt'), doc('gone.txt')], [file('a.txt'), file('b.txt')], {}, opts, ['c.txt']);
    expect(p.removed.map((k) => k.path)).toEqual(['gone.txt']);
  });

  it('does not mark an already removed document removed again', () => {
    const p = plan([doc('a.txt'), doc('old.txt', { status: 'removed', removedAt: '2026-01-01T00:00:00Z' })], [file('a.txt')]);
    expect(p.removed).toEqual([]);
  });
});

/**
 * What a run does with every path, triage and plan together: 'unchanged' (not opened), 'still failing' (not opened,
 * still a failure), an action ('extract', 'retry', 'touch', 'relink <- from', 'copy <- from', 'too_large') or
 * 'removed'; and which files were opened to hash.
 */
function outcome(known: KnownDocument[], files: DiscoveredFile[], shas: Record<string, string | null> = {}, o = opts) {
  const p = plan(known, files, shas, o);
  const of: Record<string, string> = {};
  for (const f of p.t.unchanged) of[f.rel] = 'unchanged';
  for (const s of p.t.stillFailing) of[s.file.rel] = 'still failing';
  for (const a of p.actions) {
    of[a.file.rel] = a.kind === 'extract' && a.retry ? 'retry' : 'from' in a ? `${a.kind} <- ${a.from}` : a.kind;
    if (a.kind === 'extract') for (const g of a.sameContent) of[g.rel] = `copy <- ${a.file.rel} (once extracted)`;
  }
  for (const k of p.removed) of[k.path] = 'removed';
  return { of, hashed: p.t.toHash.map((f) => f.rel) };
}

describe('each incremental case, from stored state and discovered files to what the run does', () => {
  it('unchanged: same path, size and mtime, last extraction ok -> left alone, not even hashed', () => {
    expect(outcome([doc('a.txt'), doc('b.txt')], [file('a.txt'), file('b.txt')])).toEqual({ of: { 'a.txt': 'unchanged', 'b.txt': 'unchanged' }, hashed: [] });
  });

  it('changed: new size and new content -> extracted again; new mtime but the same content -> only touched', () => {
    const r = outcome([doc('a.txt'), doc('b.txt')], [file('a.txt', 120), file('b.txt', 100, 9000)], { 'a.txt': 'sha-edited' });
    expect(r).toEqual({ of: { 'a.txt': 'extract', 'b.txt': 'touch' }, hashed: ['a.txt', 'b.txt'] });
  });

  it('moved: the old path is gone and a new path has its content -> the row relinks, nothing extracted or removed', () => {
    const r = outcome([doc('2015/a.txt'), doc('b.txt')], [file('archive/a.txt'), file('b.txt')], { 'archive/a.txt': 'sha-2015/a.txt' });
    expect(r.of).toEqual({ 'archive/a.txt': 'relink <- 2015/a.txt', 'b.txt': 'unchanged' });
  });

  it('copied: a new path with the content of a file still in place -> its record copied; two new copies of new content -> extracted once', () => {
    const r = outcome([doc('a.txt')], [file('a.txt'), file('copy of a.txt'), file('n1.txt'), file('n2.txt')], { 'copy of a.txt': 'sha-a.txt', 'n1.txt': 'new', 'n2.txt': 'new' });
    expect(r.of).toEqual({ 'a.txt': 'unchanged', 'copy of a.txt': 'copy <- a.txt', 'n1.txt': 'extract', 'n2.txt': 'copy <- n1.txt (once extracted)' });
  });

  it('deleted: a stored path no longer found and not on disk -> marked removed (kept); one left out by --include is not', () => {
    const p = plan([doc('a.txt'), doc('b.txt'), doc('gone.txt'), doc('excluded.txt')], [file('a.txt'), file('b.txt')], {}, opts, ['excluded.txt']);
    expect(p.removed.map((k) => k.path)).toEqual(['gone.txt']);
    expect(p.actions).toEqual([]);
    expect(outcome([doc('a.txt'), doc('gone.txt')], [file('a.txt')]).of).toEqual({ 'a.txt': 'unchanged', 'gone.txt': 'removed' });
  });

  it('failed, transient: an unchanged file that timed out -> retried (hashed, extracted), until its retries are used up', () => {
    const timedOut = (failedRuns: number) => doc('t.pdf', { status: 'failed', failureReason: 'timeout', failedRuns });
    expect(outcome([timedOut(1)], [file('t.pdf')])).toEqual({ of: { 't.pdf': 'retry' }, hashed: ['t.pdf'] });
    expect(outcome([timedOut(3)], [file('t.pdf')]).of).toEqual({ 't.pdf': 'retry' });
    expect(outcome([timedOut(4)], [file('t.pdf')])).toEqual({ of: { 't.pdf': 'still failing' }, hashed: [] });
  });

  it('failed, permanent: an unchanged encrypted file -> still failing, not opened; --retry-failed or a new version of it -> extracted', () => {
    const encrypted = doc('e.pdf', { status: 'failed', failureReason: 'encrypted', failedRuns: 1 });
    expect(outcome([encrypted], [file('e.pdf')])).toEqual({ of: { 'e.pdf': 'still failing' }, hashed: [] });
    expect(outcome([encrypted], [file('e.pdf')], {}, { ...opts, retryFailed: true }).of).toEqual({ 'e.pdf': 'retry' });
    expect(outcome([encrypted], [file('e.pdf', 300)], { 'e.pdf': 'sha-decrypted' }).of).toEqual({ 'e.pdf': 'extract' });
  });

  it('newer extractor: records of an older version are never trusted -> extracted again, not touched, copied or relinked', () => {
    const old = { extractorVersion: '0.0.1' };
    const r = outcome(
      [doc('same.txt', old), doc('a.txt', old), doc('moved-from.txt', old)],
      [file('same.txt'), file('a.txt'), file('copy.txt'), file('moved-to.txt')],
      { 'copy.txt': 'sha-a.txt', 'moved-to.txt': 'sha-moved-from.txt' },
    );
    expect(r.hashed).toEqual(['same.txt', 'a.txt', 'copy.txt', 'moved-to.txt']);
    expect(r.of).toEqual({ 'same.txt': 'extract', 'a.txt': 'extract', 'copy.txt': 'copy <- a.txt (once extracted)', 'moved-to.txt': 'extract', 'moved-from.txt': 'removed' });
  });
});

describe('removalGuard', () => {
  const known = [doc('a'), doc('b'), doc('c'), doc('d')];
  it('refuses a run that finds no plan files (an unmounted drive), even a first run', () => {
    expect(removalGuard(known, [], known)).toMatch(/^input holds no plans: is the drive mounted\?/);
    expect(removalGuard([], [], [])).toMatch(/^input holds no plans/);
  });
  it('lets globs that match nothing through on a first run (the CLI says they match nothing), never past removals', () => {
    expect(removalGuard([], [], [], true)).toBeNull();
    expect(removalGuard(known, [], known, true)).toBe('4 of the 4 known documents would be marked removed: is this the right input folder?');
    expect(removalGuard(known, [], [], true)).toBeNull(); // the documents the globs left out are still on disk: none removed
  });
  it('refuses a run that would mark more than half of the known documents removed', () => {
    expect(removalGuard(known, [file('a')], known.slice(1))).toBe('3 of the 4 known documents would be marked removed: is this the right input folder?');
  });
  it('lets through a run that removes half or fewer, counting only documents not already removed', () => {
    expect(removalGuard(known, [file('a'), file('b')], known.slice(2))).toBeNull();
    const withOld = [...known, doc('old', { status: 'removed', removedAt: 'x' })];
    expect(removalGuard(withOld, [file('a'), file('b')], known.slice(2))).toBeNull();
  });
});

describe('the memory budget of a run', () => {
  it('splits the budget: the main process share first, then equal worker shares within bounds', async () => {
    const { planWorkers } = await import('../src/pipeline/pool.js');
    expect(planWorkers(1024, 2)).toEqual({ workers: 2, workerMemoryMb: 384 });
    // Fewer workers than asked for when the budget cannot hold them at 256 MB each.
    expect(planWorkers(800, 4)).toEqual({ workers: 2, workerMemoryMb: 272 });
    expect(planWorkers(500, 4)).toEqual({ workers: 1, workerMemoryMb: 244 });
    // A large budget does not make one worker's limit unbounded.
    expect(planWorkers(20_000, 2)).toEqual({ workers: 2, workerMemoryMb: 2048 });
    expect(() => planWorkers(300, 1)).toThrow(/a memory budget of 300 MB is too small: at least 384 MB is needed/);
  });

  it('defaults to half the RAM, or three quarters of the free memory if that is less', async () => {
    const { defaultBudgetMb } = await import('../src/cli/run.js');
    const GB = 1024 ** 3;
    expect(defaultBudgetMb(24 * GB, 20 * GB)).toBe(12 * 1024);
    expect(defaultBudgetMb(24 * GB, 4 * GB)).toBe(3 * 1024);
    expect(defaultBudgetMb(24 * GB, 0.5 * GB)).toBe(1024); // never below what a run needs
  });
});
