// The batch run: discover files, plan from stored state what each needs (plan.ts), extract those on the worker
// pool, and write each record (JSON file, then SQLite row) from the main process as it arrives.
// Stored documents whose file no longer exists are marked removed, never deleted; a run that would remove most of
// them (an unmounted drive, the wrong folder) changes nothing and stops.
// The steps live beside this file: discovery.ts (discover, hash, plan), writes.ts (carry out the plan through the
// write queue), finish.ts (removals, regrouping, failing files), events.ts (events and the summary).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from '../store/db.js';
import { openStore } from '../store/db.js';
import { finishRun, loadKnownDocuments, startRun } from '../store/state.js';
import { discoverInput, hashAndPlan } from './discovery.js';
import { phaseTimer, startSummary, type Emit, type RunSummary } from './events.js';
import { finishStore } from './finish.js';
import { triage, type RunPlan, type Triage } from './plan.js';
import { planWorkers } from './pool.js';
import { PoolStarter } from './poolStarter.js';
import { EXTRACTOR_VERSION } from './version.js';
import { carryOut, restoreMissingRecordFiles } from './writes.js';

export { RunRefusedError } from './discovery.js';
export type { RunEvent, RunSummary } from './events.js';
export { DiskFullError } from './writes.js';

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

/**
 * Run the pipeline over `opts.input` into `opts.outDir`. Throws only when the run cannot proceed (missing input,
 * unwritable output, workers that cannot start, a full disk, the removal guard); a bad file becomes a failed
 * record. The caller holds the output lock.
 */
export async function runPipeline(opts: RunOptions, emit: Emit = () => undefined): Promise<RunSummary> {
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
    const discovery = await discoverInput(opts, outDir, emit);
    db = await openStore(join(outDir, 'plansift.sqlite'));
    const known = await loadKnownDocuments(db);
    const triageOpts = { force: opts.force === true, retryFailed: opts.retryFailed === true, extractorVersion: EXTRACTOR_VERSION };
    const t = triage(known, discovery.files, triageOpts);
    phase('discovery, store, triage');
    // Something changed, so workers will most likely be needed: start them (if not yet) while the main process hashes.
    if (t.toHash.length) pools.warm(t.toHash.length);
    const { plan, shaOf } = await hashAndPlan(discovery, known, t, triageOpts, opts);
    phase('hash and plan');

    const summary = startSummary(await startRun(db, discovery.root, EXTRACTOR_VERSION), t.unchanged.length, discovery.skipped.length);
    await restoreMissingRecordFiles(db, outDir, t.unchanged.map((f) => f.rel));
    emit({ kind: 'planned', ...plannedCounts(t, plan), workers, workerMemoryMb });
    await carryOut(db, outDir, discovery.root, plan, shaOf, pools, summary, emit);
    phase('extract and save');
    await finishStore(db, discovery.files, plan.removed, t.toHash.length > 0, summary, emit);
    summary.durationMs = Date.now() - started;
    summary.treePeakRssMb = pools.peakTreeRssMb();
    await finishRun(db, summary.runId, summary, summary.failures);
    return summary;
  } finally {
    await pools.destroy();
    await db?.close();
  }
}

/** Files the run will write a record for (extracted, copied, failed), and files it leaves as they are. */
function plannedCounts(t: Triage, plan: RunPlan): { toExtract: number; unchanged: number } {
  const extracting = plan.actions.filter((a) => a.kind !== 'touch' && a.kind !== 'relink');
  return {
    toExtract: extracting.reduce((n, a) => n + 1 + (a.kind === 'extract' ? a.sameContent.length : 0), 0),
    unchanged: t.unchanged.length + plan.actions.length - extracting.length,
  };
}
