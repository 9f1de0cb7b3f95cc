// The batch run: discover files, plan from stored state what each needs (plan.ts), extract those on the worker
// pool, and write each record (JSON file, then SQLite row) from the main process as it arrives.
// Stored documents whose file no longer exists are marked removed, never deleted; a run that would remove most of
// them (an unmounted drive, the wrong folder) changes nothing and stops.
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { extname, join, resolve } from 'node:path';
import PQueue from 'p-queue';
import { discoverFiles, type DiscoveredFile, type SkippedEntry } from '../discover/index.js';
import type { PlanRecord } from '../record/schema.js';
import type { Database } from '../store/db.js';
import { openStore, saveDocument } from '../store/db.js';
import { groupPlans } from '../store/plans.js';
import { clearLeftovers, clearTempDir, recordPath, removeRecordFile, writeRecordFile } from '../store/files.js';
import {
  finishRun,
  loadKnownDocuments,
  loadRecordJson,
  markRemoved,
  refreshDuplicates,
  relinkDocument,
  startRun,
  touchDocument,
  type KnownDocument,
  type RunFailure,
} from '../store/state.js';
import { isPersistent, planRun, removalGuard, triage, type Action, type RunPlan } from './plan.js';
import { planWorkers, WorkerPool, type PoolOptions, type PoolResult } from './pool.js';
import { EXTRACTOR_VERSION } from './version.js';

export interface RunOptions {
  input: string;
  outDir: string;
  include?: string[];
  exclude?: string[];
  force?: boolean;
  /** Extract every failing file again now, transient or not. */
  retryFailed?: boolean;
  /** Let a run with no plan files, or one that removes more than half the known documents, go ahead. */
  allowRemovals?: boolean;
  /** Follow file symlinks that point outside the input folder (refused by default). */
  followExternalLinks?: boolean;
  timeoutMs: number;
  /** The memory budget of the whole run (main process + workers), in MB: the worker count and limits follow. */
  maxMemoryMb: number;
  /** Workers wanted (at most; fewer if the budget does not hold them). */
  concurrency: number;
  templatesDir?: string;
  workerScript?: string;
}

/** What a run reports as it goes; the CLI turns these into log lines or a progress bar. */
export type RunEvent =
  | { kind: 'discovered'; files: number; skipped: SkippedEntry[] }
  | { kind: 'planned'; toExtract: number; unchanged: number; workers: number; workerMemoryMb: number }
  | { kind: 'file'; rel: string; outcome: 'ok' | 'failed'; failure?: RunFailure; pages: number | null; via: 'extracted' | 'copied'; retry: boolean; warnings?: string[] }
  | { kind: 'failing'; rel: string; reason: string; persistent: boolean }
  | { kind: 'relinked'; from: string; to: string }
  | { kind: 'removed'; rel: string }
  | { kind: 'note'; message: string };

export interface RunSummary {
  processed: number;
  skipped: number;
  /** Files whose extraction failed in this run (new failures and failed retries). */
  failed: number;
  removed: number;
  durationMs: number;
  relinked: number;
  duplicates: number;
  pages: number;
  ignored: number;
  /** Discovered files whose last extraction failed (this run or earlier): the exit status follows this. */
  failing: number;
  /** Of `failing`, the ones that failed for the first time in this run. */
  newFailures: number;
  /** Of `failing`, the ones no later run retries by itself (permanent, or transient with retries used up). */
  persistent: number;
  /** Failed files extracted again in this run (transient retries, or --retry-failed). */
  retried: number;
  failures: RunFailure[];
  runId: number;
  /** Peak RSS of the main process and its workers together (sampled every 100 ms while workers run), in MB. */
  treePeakRssMb: number;
}

/** The run would change nothing it should: stopped before writing anything (exit 2). */
export class RunRefusedError extends Error {
  override name = 'RunRefusedError';
}

/** The output disk is full: the run stopped at the first write that failed (exit 2). */
export class DiskFullError extends Error {
  override name = 'DiskFullError';
}

/** Streamed sha256: the file is never held in memory. */
export function hashFile(path: string): Promise<string> {
  return new Promise((ok, fail) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => ok(hash.digest('hex')));
  });
}

const FORMATS = ['pdf', 'docx', 'txt', 'md', 'html', 'xlsx'] as const;
function formatOf(rel: string): PlanRecord['source']['format'] {
  const ext = extname(rel).toLowerCase().slice(1).replace(/^xlsm$/, 'xlsx'); // a macro workbook is read as xlsx
  return FORMATS.find((f) => f === ext) ?? null;
}

/**
 * Run the pipeline over `opts.input` into `opts.outDir`. Throws only when the run cannot proceed (missing input,
 * unwritable output, workers that cannot start, a full disk, the removal guard); a bad file becomes a failed
 * record. The caller holds the output lock.
 */
export async function runPipeline(opts: RunOptions, emit: (e: RunEvent) => void = () => undefined): Promise<RunSummary> {
  const started = Date.now();
  const phase = phaseTimer(emit);
  const outDir = resolve(opts.outDir);
  const { workers, workerMemoryMb } = planWorkers(opts.maxMemoryMb, opts.concurrency);
  const pools = new PoolStarter({
    size: workers, timeoutMs: opts.timeoutMs, maxMemoryMb: workerMemoryMb,
    templatesDir: opts.templatesDir, workerScript: opts.workerScript,
  });
  // A first run into this output folder, or --force, extracts everything: start the workers now, so their
  // start-up (~0.3 s each) overlaps discovery and hashing.
  if (opts.force || !existsSync(join(outDir, 'plansift.sqlite'))) pools.warm(workers);
  let db: Database | null = null;
  try {
    const discovery = await discoverFiles(opts.input, {
      include: opts.include, exclude: opts.exclude, excludeDirs: [outDir], followExternalLinks: opts.followExternalLinks,
    });
    emit({ kind: 'discovered', files: discovery.files.length, skipped: discovery.skipped });
    await clearTempDir(outDir);
    for (const left of await clearLeftovers(outDir)) emit({ kind: 'note', message: `removed ${left} left by a killed run` });
    db = await openStore(join(outDir, 'plansift.sqlite'));
    const root = discovery.root;
    const known = await loadKnownDocuments(db);
    const triageOpts = { force: opts.force === true, retryFailed: opts.retryFailed === true, extractorVersion: EXTRACTOR_VERSION };
    const t = triage(known, discovery.files, triageOpts);
    phase('discovery, store, triage');
    // Something changed, so workers will most likely be needed: start them (if not yet) while the main process hashes.
    if (t.toHash.length) pools.warm(t.toHash.length);
    // Loaded only when something changed: the extractor modules are heavy and an unchanged run never needs them.
    const maxFileBytes = t.toHash.length ? (await import('../extract/index.js')).MAX_FILE_BYTES : Infinity;
    const shaOf = await hashAll(root, t.toHash, maxFileBytes);
    const found = new Set(discovery.files.map((f) => f.rel));
    const stillOnDisk = await existingPaths(root, known.filter((k) => k.removedAt === null && !found.has(k.path)));
    const plan = planRun({ known, files: discovery.files, triage: t, shaOf, stillOnDisk, maxFileBytes, opts: triageOpts });
    const refused = removalGuard(known, discovery.files, plan.removed, !!(opts.include?.length || opts.exclude?.length));
    if (refused && !opts.allowRemovals) throw new RunRefusedError(`${refused} Nothing was changed; --allow-removals to proceed`);
    phase('hash and plan');

    const summary: RunSummary = {
      processed: 0, skipped: t.unchanged.length, failed: 0, removed: 0, durationMs: 0, relinked: 0, duplicates: 0,
      pages: 0, ignored: discovery.skipped.length, failing: 0, newFailures: 0, persistent: 0, retried: 0, failures: [],
      runId: await startRun(db, root, EXTRACTOR_VERSION), treePeakRssMb: 0,
    };
    await restoreMissingRecordFiles(db, outDir, t.unchanged.map((f) => f.rel));
    const extracting = plan.actions.filter((a) => a.kind !== 'touch' && a.kind !== 'relink');
    emit({
      kind: 'planned', toExtract: extracting.reduce((n, a) => n + 1 + (a.kind === 'extract' ? a.sameContent.length : 0), 0),
      unchanged: t.unchanged.length + plan.actions.length - extracting.length, workers, workerMemoryMb,
    });
    await execute(db, outDir, root, plan, shaOf, pools, summary, emit);
    phase('extract and save');
    for (const k of plan.removed) {
      await markRemoved(db, k.path);
      summary.removed++;
      emit({ kind: 'removed', rel: k.path });
    }
    if (summary.processed || summary.relinked || summary.removed || t.toHash.length) await refreshDuplicates(db);
    await groupPlans(db); // files into plans (area × round), current file first
    await countFailing(db, discovery.files, summary, emit);
    summary.durationMs = Date.now() - started;
    summary.treePeakRssMb = pools.peakTreeRssMb();
    await finishRun(db, summary.runId, summary, summary.failures);
    return summary;
  } finally {
    await pools.destroy();
    await db?.close();
  }
}

/** PLANSIFT_TIMING=1 logs how long each phase took (for diagnosing slow runs on a share). */
function phaseTimer(emit: (e: RunEvent) => void): (name: string) => void {
  let lap = Date.now();
  return (name) => {
    if (!process.env.PLANSIFT_TIMING) return;
    const now = Date.now();
    emit({ kind: 'note', message: `timing: ${name} ${now - lap} ms` });
    lap = now;
  };
}

/** The pool, made when first needed; one that cannot start is reported where a file first needs it. */
class PoolStarter {
  private pool: WorkerPool | null = null;
  constructor(private readonly options: PoolOptions) {}
  warm(files: number): void {
    try {
      this.pool ??= new WorkerPool(this.options);
      this.pool.warm(files);
    } catch {
      this.pool = null;
    }
  }
  get(): WorkerPool {
    this.pool ??= new WorkerPool(this.options);
    return this.pool;
  }
  async destroy(): Promise<void> {
    await this.pool?.destroy();
  }
  peakTreeRssMb(): number {
    return this.pool?.peakTreeRssMb ?? 0;
  }
}

/** sha256 of each changed file (streamed, a few at a time); oversized or unreadable files get null. */
async function hashAll(root: string, files: DiscoveredFile[], maxFileBytes: number): Promise<Map<string, string | null>> {
  const shaOf = new Map<string, string | null>();
  const queue = new PQueue({ concurrency: 4 });
  await Promise.all(files.map((f) => queue.add(async () => {
    shaOf.set(f.rel, f.size > maxFileBytes ? null : await hashFile(join(root, f.rel)).catch(() => null));
  })));
  return shaOf;
}

/** Known documents that were not discovered but still exist: left out by --include/--exclude this time. */
async function existingPaths(root: string, docs: KnownDocument[]): Promise<Set<string>> {
  const found = await Promise.all(docs.map((k) => stat(join(root, k.path)).then(() => k.path, () => null)));
  return new Set(found.filter((p): p is string => p !== null));
}

/** Carry out the plan's file actions. Every write goes through one queue: one document transaction at a time. */
async function execute(
  db: Database, outDir: string, root: string, plan: RunPlan, shaOf: ReadonlyMap<string, string | null>,
  pools: PoolStarter, summary: RunSummary, emit: (e: RunEvent) => void,
): Promise<void> {
  const writes = new PQueue({ concurrency: 1 });
  let fatal: unknown = null;
  // The first full disk stops the run: no more files are sent to workers, queued writes do nothing.
  const stop = (err: unknown) => {
    if (fatal) return;
    fatal = (err as NodeJS.ErrnoException).code === 'ENOSPC'
      ? new DiskFullError(`output disk is full (${(err as Error).message}); stopped, the next run finishes the rest`)
      : err;
    void pools.destroy();
  };
  const save: Save = (file, record, failure, via, retry = false, warnings = []) =>
    writes.add(async () => {
      if (fatal) return;
      try {
        // JSON first: if the run dies between the two, the DB still says "not done" and the next run redoes it.
        await writeRecordFile(outDir, file.rel, JSON.stringify(record, null, 2));
        await saveDocument(db, record, {
          size: file.size, mtimeMs: file.mtimeMs, status: failure ? 'failed' : 'ok', failureReason: failure?.reason ?? null, duplicateOf: null,
        });
      } catch (err) {
        stop(err);
        return;
      }
      summary.processed++;
      if (via === 'copied') summary.duplicates++;
      if (retry) summary.retried++;
      if (failure) {
        summary.failed++;
        summary.failures.push(failure);
      }
      summary.pages += record.source.pages ?? 0;
      emit({ kind: 'file', rel: file.rel, outcome: failure ? 'failed' : 'ok', failure: failure ?? undefined, pages: record.source.pages, via, retry, warnings });
    });
  const { failedRecord } = await import('./analyse.js');
  const maxFileBytes = (await import('../extract/index.js')).MAX_FILE_BYTES;
  const pending: Promise<unknown>[] = [];
  for (const action of plan.actions) {
    if (fatal) break;
    const f = action.file;
    pending.push((async () => {
      if (action.kind === 'touch') {
        await touchDocument(db, f.rel, f.size, f.mtimeMs);
        await restoreMissingRecordFiles(db, outDir, [f.rel]);
        summary.skipped++;
      } else if (action.kind === 'relink') {
        const json = await relinkDocument(db, action.from, f.rel, f.size, f.mtimeMs);
        await writeRecordFile(outDir, f.rel, json);
        await removeRecordFile(outDir, action.from);
        summary.relinked++;
        emit({ kind: 'relinked', from: action.from, to: f.rel });
      } else if (action.kind === 'copy') {
        const record = copyRecord(JSON.parse((await loadRecordJson(db, action.from))!) as PlanRecord, f);
        await save(f, record, failureFromRecord(record), 'copied');
      } else if (action.kind === 'too_large') {
        const message = `file is ${f.size} bytes, over the ${maxFileBytes}-byte limit (not read)`;
        await save(f, failedRecord({ file: f.rel, sha256: null, format: formatOf(f.rel), pages: null }, 'too_large', message), { path: f.rel, reason: 'too_large', message }, 'extracted');
      } else {
        await extractOne(action, root, pools.get(), shaOf, failedRecord, save);
      }
    })().catch((err: unknown) => stop(err)));
  }
  // Wait for everything even if one promise rejects, so no write is left half-queued; then rethrow.
  await Promise.allSettled(pending);
  await writes.onIdle();
  if (fatal) throw fatal;
}

type Save = (file: DiscoveredFile, record: PlanRecord, failure: RunFailure | null, via: 'extracted' | 'copied', retry?: boolean, warnings?: string[]) => Promise<unknown>;

/** One file on a worker; later files with the same new content take a copy of its record instead of a worker. */
async function extractOne(
  action: Extract<Action, { kind: 'extract' }>, root: string, pool: WorkerPool, shaOf: ReadonlyMap<string, string | null>,
  failedRecord: typeof import('./analyse.js').failedRecord, save: Save,
): Promise<void> {
  const f = action.file;
  const result: PoolResult = await pool.run(root, f.rel);
  let record: PlanRecord;
  let failure: RunFailure | null;
  if (result.kind === 'done') {
    record = result.outcome.record;
    const fail = result.outcome.failure;
    failure = fail ? { path: f.rel, reason: fail.reason, message: fail.message } : null;
  } else {
    record = failedRecord({ file: f.rel, sha256: shaOf.get(f.rel) ?? null, format: formatOf(f.rel), pages: null }, result.reason, result.message);
    failure = { path: f.rel, reason: result.reason, message: result.message };
  }
  await Promise.all([
    // Extraction warnings (a mislabelled file) go to the log until the record has notes of its own.
    save(f, record, failure, 'extracted', action.retry, result.kind === 'done' ? result.outcome.messages.filter((m) => m.startsWith('warning: ')) : []),
    ...action.sameContent.map((g) => save(g, copyRecord(record, g), failure ? { ...failure, path: g.rel } : null, 'copied')),
  ]);
}

function copyRecord(record: PlanRecord, file: DiscoveredFile): PlanRecord {
  return { ...record, source: { ...record.source, file: file.rel } };
}

function failureFromRecord(record: PlanRecord): RunFailure | null {
  const flag = record.flags.find((fl) => fl.code === 'EXTRACTION_FAILED');
  if (!flag) return null;
  const i = flag.message.indexOf(': ');
  return i > 0
    ? { path: record.source.file, reason: flag.message.slice(0, i), message: flag.message.slice(i + 2) }
    : { path: record.source.file, reason: 'failed', message: flag.message };
}

/** Failing files among those discovered, after the run: new this run, or still failing from earlier ones. */
async function countFailing(db: Database, files: DiscoveredFile[], summary: RunSummary, emit: (e: RunEvent) => void): Promise<void> {
  const present = new Set(files.map((f) => f.rel));
  const failedNow = new Set(summary.failures.map((f) => f.path));
  const failing = (await loadKnownDocuments(db)).filter((k) => k.status === 'failed' && present.has(k.path));
  summary.failing = failing.length;
  for (const k of failing) {
    const persistent = isPersistent(k);
    if (persistent) summary.persistent++;
    if (k.failedRuns <= 1 && failedNow.has(k.path)) summary.newFailures++;
    else if (!failedNow.has(k.path)) emit({ kind: 'failing', rel: k.path, reason: k.failureReason ?? 'failed', persistent });
  }
}

/** Skipped documents whose JSON record file is missing (deleted by hand, or a crash) get it back from the DB. */
async function restoreMissingRecordFiles(db: Database, outDir: string, rels: string[]): Promise<void> {
  // Synchronous checks: the output folder is local and existsSync is far cheaper than a thread-pool round trip.
  const missing = rels.filter((rel) => !existsSync(recordPath(outDir, rel)));
  for (const rel of missing) {
    const json = await loadRecordJson(db, rel);
    if (json) await writeRecordFile(outDir, rel, JSON.stringify(JSON.parse(json), null, 2));
  }
}
