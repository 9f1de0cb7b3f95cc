// The batch run: discover files, decide from stored state which need reading, extract those on the worker pool,
// and write each record (JSON file, then SQLite row) from the main thread as it arrives.
//
// Per file, cheapest first:
//   unchanged path+size+mtime (same extractor version)      -> skipped, file not opened
//   changed size/mtime but same sha256                      -> skipped, size/mtime updated
//   sha256 of a document whose file vanished                -> relinked (row moves to the new path)
//   sha256 of another up-to-date document                   -> record copied (duplicate_of notes it)
//   otherwise (or --force, or an older extractor version)   -> extracted on a worker
// Stored documents whose file no longer exists are marked removed, never deleted.
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
import { clearTempDir, recordPath, removeRecordFile, writeRecordFile } from '../store/files.js';
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
import { WorkerPool, type PoolResult } from './pool.js';
import { EXTRACTOR_VERSION } from './version.js';

export interface RunOptions {
  input: string;
  outDir: string;
  include?: string[];
  exclude?: string[];
  force?: boolean;
  timeoutMs: number;
  maxMemoryMb: number;
  concurrency: number;
  templatesDir?: string;
  workerScript?: string;
}

/** What a run reports as it goes; the CLI turns these into log lines or a progress bar. */
export type RunEvent =
  | { kind: 'discovered'; files: number; skipped: SkippedEntry[] }
  | { kind: 'planned'; toExtract: number; unchanged: number }
  | { kind: 'file'; rel: string; outcome: 'ok' | 'failed'; failure?: RunFailure; pages: number | null; via: 'extracted' | 'copied' }
  | { kind: 'relinked'; from: string; to: string }
  | { kind: 'removed'; rel: string }
  | { kind: 'note'; message: string };

export interface RunSummary {
  processed: number;
  skipped: number;
  failed: number;
  removed: number;
  durationMs: number;
  relinked: number;
  duplicates: number;
  pages: number;
  ignored: number;
  /** Documents whose file exists and whose last extraction failed (this run or earlier), for monitoring. */
  failing: number;
  failures: RunFailure[];
  runId: number;
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

function failureOf(record: PlanRecord, reason: string, message: string): RunFailure {
  return { path: record.source.file, reason, message };
}

/**
 * Run the pipeline over `opts.input` into `opts.outDir`. Throws only when the run cannot proceed (missing input,
 * unwritable output, workers that cannot start); a bad file becomes a failed record.
 * The caller holds the output lock.
 */
export async function runPipeline(opts: RunOptions, emit: (e: RunEvent) => void = () => undefined): Promise<RunSummary> {
  const started = Date.now();
  // PLANSIFT_TIMING=1 logs how long each phase took (for diagnosing slow runs on a share).
  let lap = started;
  const phase = (name: string) => {
    if (!process.env.PLANSIFT_TIMING) return;
    const now = Date.now();
    emit({ kind: 'note', message: `timing: ${name} ${now - lap} ms` });
    lap = now;
  };
  const outDir = resolve(opts.outDir);
  const poolOptions = {
    size: opts.concurrency, timeoutMs: opts.timeoutMs, maxMemoryMb: opts.maxMemoryMb,
    templatesDir: opts.templatesDir, workerScript: opts.workerScript,
  };
  // Start the workers as soon as it is likely they are needed, so their start-up (~0.3 s each) overlaps the main
  // thread's discovery and hashing. A pool that cannot start is reported where it is first needed.
  let pool: WorkerPool | null = null;
  const startPool = (files: number) => {
    try {
      pool ??= new WorkerPool(poolOptions);
      pool.warm(files);
    } catch {
      pool = null;
    }
  };
  // A first run into this output folder, or --force, extracts everything.
  if (opts.force || !existsSync(join(outDir, 'plansift.sqlite'))) startPool(opts.concurrency);

  let discovery: Awaited<ReturnType<typeof discoverFiles>>;
  let db: Database;
  try {
    discovery = await discoverFiles(opts.input, {
      include: opts.include,
      exclude: opts.exclude,
      excludeDirs: [outDir],
    });
    emit({ kind: 'discovered', files: discovery.files.length, skipped: discovery.skipped });
    phase('discovery');
    await clearTempDir(outDir);
    db = await openStore(join(outDir, 'plansift.sqlite'));
    phase('open store');
  } catch (err) {
    if (pool) await (pool as WorkerPool).destroy();
    throw err;
  }
  const root = discovery.root;
  const summary: RunSummary = {
    processed: 0, skipped: 0, failed: 0, removed: 0, durationMs: 0, relinked: 0, duplicates: 0, pages: 0,
    ignored: discovery.skipped.length, failing: 0, failures: [], runId: 0,
  };
  try {
    summary.runId = await startRun(db, root, EXTRACTOR_VERSION);
    const known = await loadKnownDocuments(db);
    phase('load state');
    const byPath = new Map(known.map((k) => [k.path, k]));
    const upToDate = (k: KnownDocument | undefined): k is KnownDocument =>
      !!k && !opts.force && k.extractorVersion === EXTRACTOR_VERSION;

    // 1. Unchanged by path, size and mtime: skipped without opening the file.
    const toHash: DiscoveredFile[] = [];
    const unchanged: string[] = [];
    for (const f of discovery.files) {
      const k = byPath.get(f.rel);
      if (upToDate(k) && k.removedAt === null && k.size === f.size && k.mtimeMs === f.mtimeMs) unchanged.push(f.rel);
      else toHash.push(f);
    }
    summary.skipped += unchanged.length;
    await restoreMissingRecordFiles(db, outDir, unchanged);
    phase('check unchanged records');

    // Something changed, so workers will most likely be needed: start them (if not yet) while the main thread hashes.
    if (toHash.length) startPool(toHash.length);

    // 2. Hash what changed (streamed, a few at a time). Oversized files are not read at all.
    // Loaded only when something changed: the extractor modules are heavy and an unchanged run never needs them.
    const MAX_FILE_BYTES = toHash.length ? (await import('../extract/index.js')).MAX_FILE_BYTES : Infinity;
    const shaOf = new Map<string, string | null>();
    const hashQueue = new PQueue({ concurrency: 4 });
    await Promise.all(
      toHash.map((f) =>
        hashQueue.add(async () => {
          shaOf.set(f.rel, f.size > MAX_FILE_BYTES ? null : await hashFile(join(root, f.rel)).catch(() => null));
        }),
      ),
    );

    // 3. Stored documents whose file is gone are relink candidates (by content), else removed at the end.
    const present = new Set(discovery.files.map((f) => f.rel));
    const vanishedBySha = new Map<string, KnownDocument[]>();
    const vanished: KnownDocument[] = [];
    for (const k of known) {
      if (present.has(k.path) || k.removedAt !== null) continue;
      // Not discovered but still on disk: filtered out by --include/--exclude this time, so left alone.
      if (await stat(join(root, k.path)).then(() => true, () => false)) continue;
      vanished.push(k);
      if (k.sha256 && upToDate(k) && k.status !== 'removed') {
        vanishedBySha.set(k.sha256, [...(vanishedBySha.get(k.sha256) ?? []), k]);
      }
    }
    // Up-to-date stored content (unchanged, or re-hashed to the same sha) that a new path can copy.
    const hashed = new Set(toHash.map((f) => f.rel));
    const liveBySha = new Map<string, string>();
    for (const k of known) {
      if (!present.has(k.path) || !upToDate(k) || !k.sha256 || k.removedAt !== null) continue;
      if (hashed.has(k.path) && shaOf.get(k.path) !== k.sha256) continue;
      if (!liveBySha.has(k.sha256)) liveBySha.set(k.sha256, k.path);
    }

    const toExtract: DiscoveredFile[] = [];
    const copies: { file: DiscoveredFile; fromPath: string }[] = [];
    const waitingOn = new Map<string, DiscoveredFile[]>(); // sha -> later files with the same new content
    const extractingSha = new Set<string>();
    const oversized: DiscoveredFile[] = [];
    for (const f of toHash) {
      const sha = shaOf.get(f.rel) ?? null;
      const k = byPath.get(f.rel);
      if (f.size > MAX_FILE_BYTES) {
        oversized.push(f);
      } else if (sha && upToDate(k) && k.sha256 === sha) {
        await touchDocument(db, f.rel, f.size, f.mtimeMs);
        await restoreMissingRecordFiles(db, outDir, [f.rel]);
        summary.skipped++;
      } else if (sha && vanishedBySha.get(sha)?.length) {
        const from = vanishedBySha.get(sha)!.shift()!;
        vanished.splice(vanished.indexOf(from), 1);
        const json = await relinkDocument(db, from.path, f.rel, f.size, f.mtimeMs);
        await writeRecordFile(outDir, f.rel, json);
        await removeRecordFile(outDir, from.path);
        summary.relinked++;
        emit({ kind: 'relinked', from: from.path, to: f.rel });
      } else if (sha && liveBySha.has(sha)) {
        copies.push({ file: f, fromPath: liveBySha.get(sha)! });
      } else if (sha && extractingSha.has(sha)) {
        waitingOn.set(sha, [...(waitingOn.get(sha) ?? []), f]);
      } else {
        if (sha) extractingSha.add(sha);
        toExtract.push(f);
      }
    }
    phase('hash and classify changed files');
    const planned = toExtract.length + copies.length + oversized.length + [...waitingOn.values()].reduce((n, l) => n + l.length, 0);
    emit({ kind: 'planned', toExtract: planned, unchanged: summary.skipped + summary.relinked });

    // Every write goes through this one queue: only the main thread writes, one document transaction at a time.
    const writes = new PQueue({ concurrency: 1 });
    const save = (file: DiscoveredFile, record: PlanRecord, failure: RunFailure | null, via: 'extracted' | 'copied') =>
      writes.add(async () => {
        // JSON first: if the run dies between the two, the DB still says "not done" and the next run redoes it.
        await writeRecordFile(outDir, file.rel, JSON.stringify(record, null, 2));
        await saveDocument(db, record, {
          size: file.size, mtimeMs: file.mtimeMs, status: failure ? 'failed' : 'ok',
          failureReason: failure?.reason ?? null, duplicateOf: null,
        });
        summary.processed++;
        if (via === 'copied') summary.duplicates++;
        if (failure) {
          summary.failed++;
          summary.failures.push(failure);
        }
        summary.pages += record.source.pages ?? 0;
        emit({ kind: 'file', rel: file.rel, outcome: failure ? 'failed' : 'ok', failure: failure ?? undefined, pages: record.source.pages, via });
      });
    const copyRecord = (record: PlanRecord, file: DiscoveredFile): PlanRecord => ({
      ...record,
      source: { ...record.source, file: file.rel },
    });
    const failureFromRecord = (record: PlanRecord): RunFailure | null => {
      const flag = record.flags.find((fl) => fl.code === 'EXTRACTION_FAILED');
      if (!flag) return null;
      const i = flag.message.indexOf(': ');
      return i > 0
        ? { path: record.source.file, reason: flag.message.slice(0, i), message: flag.message.slice(i + 2) }
        : { path: record.source.file, reason: 'failed', message: flag.message };
    };

    const pending: Promise<unknown>[] = [];
    for (const { file, fromPath } of copies) {
      const json = await loadRecordJson(db, fromPath);
      const record = copyRecord(JSON.parse(json!) as PlanRecord, file);
      pending.push(save(file, record, failureFromRecord(record), 'copied'));
    }
    if (oversized.length || toExtract.length) {
      const { failedRecord } = await import('./analyse.js');
      for (const f of oversized) {
        const message = `file is ${f.size} bytes, over the ${MAX_FILE_BYTES}-byte limit (not read)`;
        const record = failedRecord({ file: f.rel, sha256: null, format: formatOf(f.rel), pages: null }, 'too_large', message);
        pending.push(save(f, record, failureOf(record, 'too_large', message), 'extracted'));
      }
      if (toExtract.length) {
        pool ??= new WorkerPool(poolOptions);
        const activePool: WorkerPool = pool;
        for (const f of toExtract) {
          pending.push(
            activePool.run(root, f.rel).then(async (result: PoolResult) => {
              const sha = shaOf.get(f.rel) ?? null;
              let record: PlanRecord;
              let failure: RunFailure | null;
              if (result.kind === 'done') {
                record = result.outcome.record;
                const fail = result.outcome.failure;
                failure = fail ? failureOf(record, fail.reason, fail.message) : null;
              } else {
                record = failedRecord({ file: f.rel, sha256: sha, format: formatOf(f.rel), pages: null }, result.reason, result.message);
                failure = failureOf(record, result.reason, result.message);
              }
              // Later files with the same new content take a copy of this record instead of a worker.
              const same = sha ? waitingOn.get(sha) ?? [] : [];
              await Promise.all([
                save(f, record, failure, 'extracted'),
                ...same.map((g) => save(g, copyRecord(record, g), failure ? { ...failure, path: g.rel } : null, 'copied')),
              ]);
            }),
          );
        }
      }
    }
    // Wait for everything even if one promise rejects, so no write is left half-queued; then rethrow.
    const settled = await Promise.allSettled(pending);
    await writes.onIdle();
    const broken = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (broken) throw broken.reason;

    phase('extract and save');
    // 4. Files that are gone: keep their documents and records, mark them removed.
    for (const k of vanished) {
      if (k.removedAt !== null) continue;
      await markRemoved(db, k.path);
      summary.removed++;
      emit({ kind: 'removed', rel: k.path });
    }
    if (summary.processed || summary.relinked || summary.removed || toHash.length) await refreshDuplicates(db);
    await groupPlans(db); // files into plans (area × round), current file first

    summary.failing = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM documents WHERE status = 'failed'`))?.n ?? 0;
    phase('removed and duplicates');
    summary.durationMs = Date.now() - started;
    await finishRun(db, summary.runId, summary, summary.failures);
    return summary;
  } finally {
    if (pool) await (pool as WorkerPool).destroy();
    await db.close();
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
