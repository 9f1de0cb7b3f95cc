// A run's second half: carry out the plan's file actions (touch, relink, copy, fail, extract on a worker) and write
// each record, JSON file then SQLite row, through one queue, so one document transaction runs at a time.
import { existsSync } from 'node:fs';
import { formatOfName } from '../text/formats.js';
import PQueue from 'p-queue';
import type { DiscoveredFile } from '../discover/index.js';
import type { PlanRecord } from '../record/schema.js';
import { saveDocument, type Database } from '../store/db.js';
import { recordPath, removeRecordFile, writeRecordFile } from '../store/files.js';
import { loadRecordJson, relinkDocument, touchDocument, type RunFailure } from '../store/state.js';
import type { Emit, RunSummary } from './events.js';
import type { Action, RunPlan } from './plan.js';
import type { PoolResult, WorkerPool } from './pool.js';
import type { PoolStarter } from './poolStarter.js';

/** The output disk is full: the run stopped at the first write that failed (exit 2). */
export class DiskFullError extends Error {
  override name = 'DiskFullError';
}

type Save = (file: DiscoveredFile, record: PlanRecord, failure: RunFailure | null, via: 'extracted' | 'copied', retry?: boolean, warnings?: string[]) => Promise<unknown>;

/**
 * The one write queue: each save writes the JSON record, then the document's rows, and counts it in the summary.
 * `stop` is called with the first error (a full disk); after it every queued save does nothing.
 */
function writeQueue(db: Database, outDir: string, summary: RunSummary, emit: Emit, stop: (err: unknown) => void, stopped: () => boolean) {
  const writes = new PQueue({ concurrency: 1 });
  const save: Save = (file, record, failure, via, retry = false, warnings = []) =>
    writes.add(async () => {
      if (stopped()) return;
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
  return { save, idle: () => writes.onIdle() };
}

/** Carry out the plan's file actions. Every write goes through one queue: one document transaction at a time. */
export async function carryOut(
  db: Database, outDir: string, root: string, plan: RunPlan, shaOf: ReadonlyMap<string, string | null>,
  pools: PoolStarter, summary: RunSummary, emit: Emit,
): Promise<void> {
  let fatal: unknown = null;
  // The first full disk stops the run: no more files are sent to workers, queued writes do nothing.
  const stop = (err: unknown) => {
    if (fatal) return;
    fatal = (err as NodeJS.ErrnoException).code === 'ENOSPC'
      ? new DiskFullError(`output disk is full (${(err as Error).message}); stopped, the next run finishes the rest`)
      : err;
    void pools.destroy();
  };
  const { save, idle } = writeQueue(db, outDir, summary, emit, stop, () => fatal !== null);
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
        await save(f, failedRecord({ file: f.rel, sha256: null, format: formatOfName(f.rel), pages: null }, 'too_large', message), { path: f.rel, reason: 'too_large', message }, 'extracted');
      } else {
        await extractOne(action, root, pools.get(), shaOf, failedRecord, save);
      }
    })().catch((err: unknown) => stop(err)));
  }
  // Wait for everything even if one promise rejects, so no write is left half-queued; then rethrow.
  await Promise.allSettled(pending);
  await idle();
  if (fatal) throw fatal;
}

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
    record = failedRecord({ file: f.rel, sha256: shaOf.get(f.rel) ?? null, format: formatOfName(f.rel), pages: null }, result.reason, result.message);
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

/** Skipped documents whose JSON record file is missing (deleted by hand, or a crash) get it back from the DB. */
export async function restoreMissingRecordFiles(db: Database, outDir: string, rels: string[]): Promise<void> {
  // Synchronous checks: the output folder is local and existsSync is far cheaper than a thread-pool round trip.
  const missing = rels.filter((rel) => !existsSync(recordPath(outDir, rel)));
  for (const rel of missing) {
    const json = await loadRecordJson(db, rel);
    if (json) await writeRecordFile(outDir, rel, JSON.stringify(JSON.parse(json), null, 2));
  }
}
