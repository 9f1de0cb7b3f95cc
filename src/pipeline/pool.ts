// A pool of worker threads under a p-queue: each worker works on one file at a time, with a time limit and a
// heap limit, and holds the next file in its own queue so it never waits for the main thread between files.
// A worker that hangs, runs out of memory or crashes costs only the file it was working on: it is terminated,
// that file gets a failure saying which, and the file queued behind it goes to another worker.
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
  /**
   * Files queued in a worker behind the one it is working on (default 1). On a machine whose cores are all busy
   * with workers, the main thread only gets a core when a worker waits, so without a queued file each worker
   * sat idle while the main thread saved the last record and sent the next file.
   */
  queuedPerWorker?: number;
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

interface Job {
  task: WorkerTask;
  resolve: (result: PoolResult) => void;
  reject: (err: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  /** Started: its 'ready' came; failures from now on are a file's, not the pool's. */
  started: boolean;
  tasks: number;
  dead: boolean;
  /** Takes no more files; retired once its queue is empty. */
  retiring: boolean;
  /** Memory the worker reported after its last file. */
  memoryMb: number;
  /** Files sent to this worker, in order; the first is the one it is working on. */
  jobs: Job[];
  /** The time limit of the first job. */
  timer: NodeJS.Timeout | null;
}

export class WorkerPool {
  private readonly queue: PQueue;
  private readonly all = new Set<Slot>();
  private readonly script: string;
  private readonly depth: number;
  private nextId = 1;
  private broken: PoolBrokenError | null = null;
  /** Workers started so far (for the run log and the tests). */
  started = 0;

  constructor(private readonly opts: PoolOptions) {
    this.script = opts.workerScript ?? resolveWorkerScript();
    if (!existsSync(this.script)) {
      throw new PoolBrokenError(`worker script ${this.script} is missing; run \`npm run build\``);
    }
    this.depth = 1 + Math.max(0, opts.queuedPerWorker ?? 1);
    this.queue = new PQueue({ concurrency: Math.max(1, opts.size) * this.depth });
  }

  /** Extract one file on a worker. Never rejects for a bad file; rejects with PoolBrokenError if workers cannot start. */
  run(root: string, rel: string): Promise<PoolResult> {
    return this.queue.add(
      () => new Promise<PoolResult>((resolve, reject) => this.assign({ task: { id: this.nextId++, root, rel }, resolve, reject })),
    );
  }

  /**
   * Start up to `count` workers now, so their start-up (loading the parser libraries, ~0.3 s each) overlaps
   * the main thread's own work (hashing) instead of delaying the first file.
   */
  warm(count: number): void {
    while (this.all.size < Math.min(count, this.opts.size)) {
      const slot = this.spawn();
      slot.ready.catch(() => undefined); // reported when the slot is first used (assign)
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
    const stopped = new Error('worker pool stopped');
    for (const slot of this.all) for (const job of slot.jobs.splice(0)) job.reject(stopped);
    await Promise.all([...this.all].map((s) => this.retire(s)));
  }

  /** Give a file to the least busy worker, starting one if fewer than `size` are running. */
  private assign(job: Job): void {
    if (this.broken) {
      job.reject(this.broken);
      return;
    }
    let slot: Slot | null = null;
    let live = 0;
    for (const s of this.all) {
      if (s.dead || s.retiring) continue;
      live++;
      if (s.jobs.length < this.depth && (!slot || s.jobs.length < slot.jobs.length)) slot = s;
    }
    if (!slot || (slot.jobs.length > 0 && live < this.opts.size)) slot = this.spawn();
    const target = slot;
    target.jobs.push(job);
    target.ready.then(
      () => {
        if (target.dead || !target.jobs.includes(job)) return; // re-assigned when the worker died
        target.worker.postMessage(job.task);
        if (target.jobs[0] === job) this.startTimer(target);
      },
      (err: unknown) => {
        this.broken ??= err as PoolBrokenError;
        for (const j of target.jobs.splice(0)) j.reject(this.broken);
        void this.retire(target);
      },
    );
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
    const slot: Slot = {
      worker, tasks: 0, dead: false, retiring: false, started: false, memoryMb: 0, jobs: [], timer: null,
      ready: Promise.resolve(),
    };
    slot.ready = new Promise<void>((ok, fail) => {
      worker.on('message', (msg: WorkerReply | 'ready') => {
        if (msg === 'ready') {
          slot.started = true;
          ok();
        } else {
          this.onReply(slot, msg);
        }
      });
      worker.on('error', (err: Error & { code?: string }) => {
        if (!slot.started) {
          slot.dead = true;
          fail(new PoolBrokenError(`worker thread failed to start: ${err.message}`));
        } else if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          this.kill(slot, { kind: 'killed', reason: 'memory', message: `worker exceeded memory limit (${this.opts.maxMemoryMb} MB heap)` });
        } else {
          this.kill(slot, { kind: 'killed', reason: 'crashed', message: `worker crashed: ${err.message}` });
        }
      });
      worker.on('exit', (code: number) => {
        if (!slot.started) {
          slot.dead = true;
          fail(new PoolBrokenError(`worker thread failed to start: exited with code ${code}`));
        } else {
          this.kill(slot, { kind: 'killed', reason: 'crashed', message: `worker crashed: exited with code ${code}` });
        }
      });
    });
    this.all.add(slot);
    this.started++;
    return slot;
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const job = slot.jobs[0];
    if (slot.dead || !job || job.task.id !== reply.id) return;
    this.stopTimer(slot);
    slot.jobs.shift();
    slot.tasks++;
    slot.memoryMb = reply.memoryMb;
    if (slot.jobs.length > 0) this.startTimer(slot);
    const grown = slot.memoryMb > (this.opts.recycleAtMb ?? Math.min(192, this.opts.maxMemoryMb / 2));
    if (grown || slot.tasks >= (this.opts.maxTasksPerWorker ?? 2000)) slot.retiring = true;
    if (slot.retiring && slot.jobs.length === 0) void this.retire(slot);
    job.resolve({ kind: 'done', outcome: reply.outcome });
  }

  /** The worker failed on its current file: that file gets `result`, the files queued behind it go elsewhere. */
  private kill(slot: Slot, result: PoolResult): void {
    if (slot.dead) return;
    const [current, ...queued] = slot.jobs.splice(0);
    void this.retire(slot);
    current?.resolve(result);
    for (const job of queued) this.assign(job);
  }

  private startTimer(slot: Slot): void {
    this.stopTimer(slot);
    slot.timer = setTimeout(() => {
      this.kill(slot, { kind: 'killed', reason: 'timeout', message: `timed out after ${this.opts.timeoutMs} ms` });
    }, this.opts.timeoutMs);
  }

  private stopTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  private async retire(slot: Slot): Promise<void> {
    slot.dead = true;
    this.stopTimer(slot);
    this.all.delete(slot);
    await slot.worker.terminate().catch(() => undefined);
  }
}
