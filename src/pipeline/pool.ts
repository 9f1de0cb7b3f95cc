// A pool of worker threads under a p-queue: one file per worker at a time, each with a time limit and a heap
// limit. A worker that hangs, runs out of memory or crashes costs only its own file: it is terminated, the
// file gets a failure saying which, and the next file gets a fresh worker.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import type { ProcessOutcome } from './processFile.js';
import type { WorkerInit, WorkerReply, WorkerTask } from './worker.js';

export interface PoolOptions {
  size: number;
  timeoutMs: number;
  maxMemoryMb: number;
  templatesDir?: string;
  /**
   * Replace a worker whose memory after a file is over this many MB (default: 192, or half of `maxMemoryMb` if
   * that is less), or that has done `maxTasksPerWorker` files (default 2,000), so a slow leak in a parser library
   * cannot grow without bound. Replacing costs a cold start (~0.5 s of CPU), so it is done when memory says so,
   * not every few hundred files.
   */
  recycleAtMb?: number;
  maxTasksPerWorker?: number;
  workerScript?: string;
}

/** What happened to one file: the worker's outcome, or why the worker could not give one. */
export type PoolResult =
  | { kind: 'done'; outcome: ProcessOutcome }
  | { kind: 'killed'; reason: 'timeout' | 'memory' | 'crashed'; message: string };

/** The pool itself is broken (the worker script cannot start): no file can be processed, the run must stop. */
export class PoolBrokenError extends Error {
  override name = 'PoolBrokenError';
}

/**
 * The compiled worker script. Workers must run JS: from dist/pipeline/pool.js that is the sibling worker.js; from
 * src/pipeline/pool.ts (vitest) it is the dist/ equivalent, built by `tsc` before the tests.
 */
export function resolveWorkerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return resolve(dirname(here), '../../dist/pipeline/worker.js');
  return join(dirname(here), 'worker.js');
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  tasks: number;
  dead: boolean;
  /** Memory the worker reported after its last file. */
  memoryMb: number;
}

export class WorkerPool {
  private readonly queue: PQueue;
  private readonly idle: Slot[] = [];
  private readonly all = new Set<Slot>();
  private readonly script: string;
  private nextId = 1;
  /** Workers started so far (for the run log and the tests). */
  started = 0;
  private broken: PoolBrokenError | null = null;

  constructor(private readonly opts: PoolOptions) {
    this.script = opts.workerScript ?? resolveWorkerScript();
    if (!existsSync(this.script)) {
      throw new PoolBrokenError(`worker script ${this.script} is missing; run \`npm run build\``);
    }
    this.queue = new PQueue({ concurrency: Math.max(1, opts.size) });
  }

  /** Extract one file on a worker. Never rejects for a bad file; rejects with PoolBrokenError if workers cannot start. */
  run(root: string, rel: string): Promise<PoolResult> {
    return this.queue.add(() => this.runOnWorker(root, rel));
  }

  /**
   * Start up to `count` workers now, so their start-up (loading the parser libraries, ~0.3 s each) overlaps
   * the main thread's own work (hashing) instead of delaying the first file.
   */
  warm(count: number): void {
    for (let i = this.all.size; i < Math.min(count, this.opts.size); i++) {
      const slot = this.spawn();
      slot.ready.catch(() => undefined); // reported when the slot is first used (runOnWorker)
      this.idle.push(slot);
    }
  }

  /** Wait for queued files, then stop every worker. */
  async close(): Promise<void> {
    await this.queue.onIdle();
    await Promise.all([...this.all].map((s) => this.retire(s)));
  }

  /** Stop now: drop queued files and terminate running workers (used when the run is interrupted). */
  async destroy(): Promise<void> {
    this.queue.clear();
    await Promise.all([...this.all].map((s) => this.retire(s)));
  }

  private spawn(): Slot {
    const init: WorkerInit = { templatesDir: this.opts.templatesDir };
    const worker = new Worker(this.script, {
      workerData: init,
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxMemoryMb },
      // Parser libraries print warnings to the console; keep them off our stdout (the --json line) and progress bar.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const slot: Slot = { worker, tasks: 0, dead: false, memoryMb: 0, ready: Promise.resolve() };
    slot.ready = new Promise<void>((ok, fail) => {
      const onReady = (msg: unknown) => {
        if (msg === 'ready') {
          worker.off('error', onFail);
          worker.off('exit', onFail);
          ok();
        }
      };
      const onFail = (err: unknown) => {
        slot.dead = true;
        const why = err instanceof Error ? err.message : `exited with code ${String(err)}`;
        fail(new PoolBrokenError(`worker thread failed to start: ${why}`));
      };
      worker.once('message', onReady);
      worker.once('error', onFail);
      worker.once('exit', onFail);
    });
    this.all.add(slot);
    this.started++;
    return slot;
  }

  private async retire(slot: Slot): Promise<void> {
    slot.dead = true;
    this.all.delete(slot);
    await slot.worker.terminate().catch(() => undefined);
  }

  private async runOnWorker(root: string, rel: string): Promise<PoolResult> {
    if (this.broken) throw this.broken;
    const slot = this.idle.pop() ?? this.spawn();
    try {
      await slot.ready;
    } catch (err) {
      this.broken = err as PoolBrokenError;
      await this.retire(slot);
      throw err;
    }
    const result = await this.dispatch(slot, { id: this.nextId++, root, rel });
    slot.tasks++;
    const grown = slot.memoryMb > (this.opts.recycleAtMb ?? Math.min(192, this.opts.maxMemoryMb / 2));
    if (slot.dead || grown || slot.tasks >= (this.opts.maxTasksPerWorker ?? 2000)) await this.retire(slot);
    else this.idle.push(slot);
    return result;
  }

  private dispatch(slot: Slot, task: WorkerTask): Promise<PoolResult> {
    const { worker } = slot;
    return new Promise<PoolResult>((resolveResult) => {
      let settled = false;
      const settle = (result: PoolResult, kill: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill) {
          slot.dead = true;
          void this.retire(slot);
        }
        resolveResult(result);
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== task.id) return;
        slot.memoryMb = reply.memoryMb;
        settle({ kind: 'done', outcome: reply.outcome }, false);
      };
      const onError = (err: Error & { code?: string }) => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          settle({ kind: 'killed', reason: 'memory', message: `worker exceeded memory limit (${this.opts.maxMemoryMb} MB heap)` }, true);
        } else {
          settle({ kind: 'killed', reason: 'crashed', message: `worker crashed: ${err.message}` }, true);
        }
      };
      const onExit = (code: number) => {
        settle({ kind: 'killed', reason: 'crashed', message: `worker crashed: exited with code ${code}` }, true);
      };
      const timer = setTimeout(() => {
        settle({ kind: 'killed', reason: 'timeout', message: `timed out after ${this.opts.timeoutMs} ms` }, true);
      }, this.opts.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(task);
    });
  }
}
