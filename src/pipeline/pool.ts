// A pool of worker processes under a p-queue: each worker works on one file at a time, with a time limit and a
// memory limit, and holds the next file in its own queue so it never waits for the main process between files.
// Workers are child processes (child_process.fork), not threads: a worker thread's heap exhaustion can abort the
// whole process (Node's resourceLimits do not reliably contain it), and a thread's RSS cannot be told apart from
// the main thread's. A worker that hangs, passes its memory limit (its process RSS, so pdf.js's buffers count)
// or dies for any reason costs only the file it was working on: it is killed, that file gets a failure saying
// which, and the file queued behind it goes to another worker.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';
import type { ProcessOutcome } from './processFile.js';
import type { WorkerInit, WorkerReply, WorkerTask } from './worker.js';

export interface PoolOptions {
  size: number;
  timeoutMs: number;
  /** Each worker's memory limit: its process's resident set (RSS), watched by the pool. */
  maxMemoryMb: number;
  /** Each worker's V8 heap limit (--max-old-space-size); default three quarters of `maxMemoryMb`. */
  heapMb?: number;
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
   * with workers, the main process only gets a core when a worker waits, so without a queued file each worker
   * sat idle while the main process saved the last record and sent the next file.
   */
  queuedPerWorker?: number;
  /** How often each worker's RSS is read, in ms (default 100). */
  rssPollMs?: number;
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

/** Memory the main process keeps for itself (SQLite, records in flight, discovery) out of the run's budget. */
export const MAIN_PROCESS_MB = 256;
/** Below this a worker cannot hold pdf.js and a normal plan. */
export const MIN_WORKER_MB = 256;
/** Above this a bigger limit only lets a hostile file eat memory for longer: real plans peak well under 1 GB. */
export const MAX_WORKER_MB = 2048;

export interface WorkerPlan {
  workers: number;
  workerMemoryMb: number;
}

/**
 * The run's memory budget split into workers: the main process's share first, then as many workers as asked for
 * (one per core by default) that fit at MIN_WORKER_MB each, each given an equal share (at most MAX_WORKER_MB).
 * So the whole process tree stays under the budget: workers are killed at their share.
 */
export function planWorkers(budgetMb: number, wanted: number): WorkerPlan {
  const forWorkers = budgetMb - MAIN_PROCESS_MB;
  if (forWorkers < MIN_WORKER_MB / 2) {
    throw new RangeError(`a memory budget of ${budgetMb} MB is too small: at least ${MAIN_PROCESS_MB + MIN_WORKER_MB / 2} MB is needed`);
  }
  const workers = Math.max(1, Math.min(wanted, Math.floor(forWorkers / MIN_WORKER_MB)));
  return { workers, workerMemoryMb: Math.min(MAX_WORKER_MB, Math.floor(forWorkers / workers)) };
}

/** A process's resident set in MB from /proc (Linux), or null where that is not available. */
export function processRssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
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

/**
 * Every live worker of every pool. A run that exits without closing its pool (a signal handler calling
 * process.exit) kills them on the way out: a worker stuck in a synchronous loop would never see its IPC channel
 * close, and would be left spinning. (A parent killed with SIGKILL cannot do this: its other workers exit when
 * their channel closes, after their current file, but a worker hung in a loop at that moment stays until killed.)
 */
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;
function trackChild(child: ChildProcess): void {
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of liveChildren) c.kill('SIGKILL');
    });
  }
}

interface Job {
  task: WorkerTask;
  resolve: (result: PoolResult) => void;
  reject: (err: unknown) => void;
}

interface Slot {
  child: ChildProcess;
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
  /** The end of the worker's stderr: the reason it gives when it dies (V8's "heap out of memory", a stack). */
  stderrTail: string;
  exited: Promise<void>;
}

/** The line of a dying worker's stderr that says why (an error message), if any. */
function lastErrorLine(stderr: string): string | null {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const err = lines.filter((l) => /^(worker crashed: |\w*Error\b)/.test(l) || /FATAL ERROR/.test(l)).pop();
  return err ? err.replace(/^worker crashed: /, '') : null;
}

export class WorkerPool {
  private readonly queue: PQueue;
  private readonly all = new Set<Slot>();
  private readonly script: string;
  private readonly depth: number;
  private nextId = 1;
  private broken: PoolBrokenError | null = null;
  private rssTimer: NodeJS.Timeout | null = null;
  private stopped: Error | null = null;
  /** Workers started so far (for the run log and the tests). */
  started = 0;
  /** Highest RSS seen of this process plus every worker at one moment (sampled with the RSS watch), in MB. */
  peakTreeRssMb = 0;

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
    this.stopWatching();
  }

  /** Stop now: drop queued files and terminate running workers (used when the run is interrupted). */
  async destroy(): Promise<void> {
    // Files still queued are answered (rejected) as they come out of the queue, so no caller waits for ever.
    const stopped = new Error('worker pool stopped');
    this.stopped = stopped;
    for (const slot of this.all) for (const job of slot.jobs.splice(0)) job.reject(stopped);
    await Promise.all([...this.all].map((s) => this.retire(s)));
    this.stopWatching();
  }

  /** Give a file to the least busy worker, starting one if fewer than `size` are running. */
  private assign(job: Job): void {
    if (this.broken || this.stopped) {
      job.reject(this.broken ?? this.stopped);
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
        target.child.send(job.task);
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
    const heapMb = this.opts.heapMb ?? Math.max(32, Math.floor(this.opts.maxMemoryMb * 0.75));
    const child = fork(this.script, [], {
      // Our own flags only: not the parent's (a test runner's loaders, --inspect).
      execArgv: [`--max-old-space-size=${heapMb}`],
      env: { ...process.env, PLANSIFT_WORKER_INIT: JSON.stringify(init) },
      // Structured clone over the channel: records are plain data, and this is faster than JSON for big ones.
      serialization: 'advanced',
      // Parser libraries print warnings to the console; keep them off our stdout (the --json line) and progress
      // bar. stderr is read for the reason a worker dies.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    trackChild(child);
    let exited!: () => void;
    const slot: Slot = {
      child, tasks: 0, dead: false, retiring: false, started: false, memoryMb: 0, jobs: [], timer: null,
      ready: Promise.resolve(), stderrTail: '', exited: new Promise<void>((ok) => (exited = ok)),
    };
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      slot.stderrTail = (slot.stderrTail + chunk).slice(-4096);
    });
    slot.ready = new Promise<void>((ok, fail) => {
      child.on('message', (msg: WorkerReply | 'ready') => {
        if (msg === 'ready') {
          slot.started = true;
          ok();
        } else {
          this.onReply(slot, msg);
        }
      });
      child.on('error', (err: Error) => {
        // The process could not be spawned, or a message could not be sent to it.
        if (!slot.started) {
          slot.dead = true;
          fail(new PoolBrokenError(`worker process failed to start: ${err.message}`));
        } else {
          this.kill(slot, { kind: 'killed', reason: 'crashed', message: `worker crashed: ${err.message}` });
        }
      });
      // 'close' comes after the stderr stream has ended, so the tail is complete.
      child.on('close', (code: number | null, signal: NodeJS.Signals | null) => {
        exited();
        const said = lastErrorLine(slot.stderrTail);
        if (!slot.started) {
          slot.dead = true;
          this.all.delete(slot);
          fail(new PoolBrokenError(`worker process failed to start: ${said ?? `exited with ${signal ?? `code ${code}`}`}`));
        } else if (/heap out of memory|Allocation failed|Reached heap limit/i.test(slot.stderrTail)) {
          this.kill(slot, { kind: 'killed', reason: 'memory', message: `worker ran out of memory (${heapMb} MB heap)` });
        } else {
          const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
          this.kill(slot, { kind: 'killed', reason: 'crashed', message: `worker crashed: ${said ?? how}` });
        }
      });
    });
    this.all.add(slot);
    this.started++;
    this.watchMemory();
    return slot;
  }

  /**
   * Read every worker's RSS a few times a second; a worker past its limit is killed and its file fails with
   * reason `memory`. The parent does this (not the worker) so a worker stuck in a loop is caught too. Where
   * /proc is missing (not Linux) only the V8 heap limit applies.
   */
  private watchMemory(): void {
    if (this.rssTimer) return;
    this.rssTimer = setInterval(() => {
      let tree = Math.round(process.memoryUsage.rss() / 1048576);
      for (const slot of this.all) {
        if (slot.dead || !slot.child.pid) continue;
        const rss = processRssMb(slot.child.pid);
        tree += rss ?? 0;
        if (rss !== null && slot.jobs.length > 0 && rss > this.opts.maxMemoryMb) {
          this.kill(slot, {
            kind: 'killed', reason: 'memory',
            message: `worker used ${rss} MB, over its ${this.opts.maxMemoryMb} MB memory limit`,
          });
        }
      }
      this.peakTreeRssMb = Math.max(this.peakTreeRssMb, tree);
      if (this.all.size === 0) this.stopWatching();
    }, this.opts.rssPollMs ?? 100);
    this.rssTimer.unref();
  }

  private stopWatching(): void {
    if (this.rssTimer) clearInterval(this.rssTimer);
    this.rssTimer = null;
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
    // A worker holds no state worth keeping: killed outright, and waited for so no process outlives the pool.
    if (slot.child.exitCode === null && slot.child.signalCode === null) slot.child.kill('SIGKILL');
    await slot.exited;
  }
}
