// Worker isolation: a hang, an out-of-memory and a crash each cost only their own file. The faults are injected
// with the test-only PLANSIFT_FAULT variable (see src/pipeline/worker.ts); workers run from dist/ (built by tsc).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoolBrokenError, WorkerPool } from '../src/pipeline/pool.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plansift-pool-'));
  for (const name of ['good-1.txt', 'good-2.txt', 'stuck.txt', 'greedy.txt', 'boom.txt', 'hoarder.txt', 'aborts.txt']) {
    writeFileSync(join(dir, name), `# ${name}\n\nA short plan.\n`);
  }
  process.env.PLANSIFT_FAULT = 'hang:stuck,oom:greedy,crash:boom,rss:hoarder,abort:aborts';
});
afterAll(() => {
  delete process.env.PLANSIFT_FAULT;
  rmSync(dir, { recursive: true, force: true });
});

describe('WorkerPool', () => {
  // Limits are generous so a loaded CI machine cannot push a good file over them.
  it('kills a hung parse at its time limit, and the file queued behind it goes to a fresh worker', async () => {
    const pool = new WorkerPool({ size: 1, timeoutMs: 5000, maxMemoryMb: 256 });
    try {
      // One worker: good-1 waits in its queue behind the hung file, and must not share its fate.
      const [stuck, good] = await Promise.all([pool.run(dir, 'stuck.txt'), pool.run(dir, 'good-1.txt')]);
      expect(pool.started).toBe(2);
      expect(stuck).toEqual({ kind: 'killed', reason: 'timeout', message: 'timed out after 5000 ms' });
      expect(good.kind).toBe('done');
      if (good.kind === 'done') {
        expect(good.outcome.failure).toBeNull();
        expect(good.outcome.record.source.file).toBe('good-1.txt');
      }
    } finally {
      await pool.close();
    }
  });

  it('reports a worker that exhausts its V8 heap (a fatal error that kills its process), then carries on', async () => {
    const pool = new WorkerPool({ size: 1, timeoutMs: 60_000, maxMemoryMb: 1024, heapMb: 64 });
    try {
      const greedy = await pool.run(dir, 'greedy.txt');
      expect(greedy).toEqual({ kind: 'killed', reason: 'memory', message: 'worker ran out of memory (64 MB heap)' });
      expect((await pool.run(dir, 'good-2.txt')).kind).toBe('done');
    } finally {
      await pool.close();
    }
  });

  it('kills a worker whose RSS (memory outside the heap, like pdf.js buffers) passes its limit, then carries on', async () => {
    const pool = new WorkerPool({ size: 1, timeoutMs: 60_000, maxMemoryMb: 300, heapMb: 200, rssPollMs: 20 });
    try {
      const hoarder = await pool.run(dir, 'hoarder.txt');
      expect(hoarder).toMatchObject({ kind: 'killed', reason: 'memory' });
      if (hoarder.kind === 'killed') expect(hoarder.message).toMatch(/^worker used \d+ MB, over its 300 MB memory limit$/);
      expect((await pool.run(dir, 'good-2.txt')).kind).toBe('done');
    } finally {
      await pool.close();
    }
  });

  it('reports a worker killed by a signal as crashed, then carries on', async () => {
    const pool = new WorkerPool({ size: 1, timeoutMs: 60_000, maxMemoryMb: 512 });
    try {
      const [aborted, good] = await Promise.all([pool.run(dir, 'aborts.txt'), pool.run(dir, 'good-1.txt')]);
      expect(aborted).toEqual({ kind: 'killed', reason: 'crashed', message: 'worker crashed: killed by SIGABRT' });
      expect(good.kind).toBe('done');
    } finally {
      await pool.close();
    }
  });

  it('keeps one worker for many files, and replaces a worker whose memory grows past the threshold', async () => {
    const steady = new WorkerPool({ size: 1, timeoutMs: 60_000, maxMemoryMb: 256 });
    try {
      for (const f of ['good-1.txt', 'good-2.txt', 'good-1.txt']) expect((await steady.run(dir, f)).kind).toBe('done');
      expect(steady.started).toBe(1);
    } finally {
      await steady.close();
    }
    // A threshold of 0 MB means any memory at all counts as grown: every file gets a fresh worker.
    const strict = new WorkerPool({ size: 1, timeoutMs: 60_000, maxMemoryMb: 256, recycleAtMb: 0 });
    try {
      for (const f of ['good-1.txt', 'good-2.txt', 'good-1.txt']) expect((await strict.run(dir, f)).kind).toBe('done');
      expect(strict.started).toBe(3);
    } finally {
      await strict.close();
    }
  });

  it('reports a crashed worker with its error, then carries on', async () => {
    const pool = new WorkerPool({ size: 2, timeoutMs: 60_000, maxMemoryMb: 256 });
    try {
      const results = await Promise.all(['boom.txt', 'good-1.txt', 'good-2.txt'].map((f) => pool.run(dir, f)));
      expect(results[0]).toEqual({ kind: 'killed', reason: 'crashed', message: 'worker crashed: injected crash on boom.txt' });
      expect(results.slice(1).map((r) => r.kind)).toEqual(['done', 'done']);
    } finally {
      await pool.close();
    }
  });

  it('returns a failed record, not an exception, for a file that vanished before the worker read it', async () => {
    const pool = new WorkerPool({ size: 1, timeoutMs: 60_000, maxMemoryMb: 256 });
    try {
      const r = await pool.run(dir, 'gone.txt');
      expect(r.kind).toBe('done');
      if (r.kind === 'done') {
        expect(r.outcome.failure?.reason).toBe('unreadable');
        expect(r.outcome.record.flags[0].code).toBe('EXTRACTION_FAILED');
        expect(r.outcome.record.flags[0].message).toMatch(/^unreadable: ENOENT/);
      }
    } finally {
      await pool.close();
    }
  });

  it('refuses to start without the compiled worker script', () => {
    expect(() => new WorkerPool({ size: 1, timeoutMs: 1000, maxMemoryMb: 64, workerScript: join(dir, 'missing.js') }))
      .toThrow(PoolBrokenError);
  });

  it('stops with PoolBrokenError when the worker script cannot start', async () => {
    const bad = join(dir, 'bad-worker.mjs');
    writeFileSync(bad, 'throw new Error("cannot load");\n');
    const pool = new WorkerPool({ size: 1, timeoutMs: 1000, maxMemoryMb: 64, workerScript: bad });
    await expect(pool.run(dir, 'good-1.txt')).rejects.toThrow(/worker process failed to start: Error: cannot load/);
    await pool.destroy();
  });
});
