// After a run's files are written: documents whose file is gone marked removed, duplicates and plans regrouped, and
// the failing files counted for the summary and the exit status.
import type { DiscoveredFile } from '../discover/index.js';
import type { Database } from '../store/db.js';
import { groupPlans } from '../store/plans.js';
import { loadKnownDocuments, markRemoved, refreshDuplicates, type KnownDocument } from '../store/state.js';
import type { Emit, RunSummary } from './events.js';
import { isPersistent } from './plan.js';

/** `anyHashed`: some file was hashed this run, so a duplicate may have appeared even if nothing was written. */
export async function finishStore(
  db: Database, files: DiscoveredFile[], removed: KnownDocument[], anyHashed: boolean, summary: RunSummary, emit: Emit,
): Promise<void> {
  for (const k of removed) {
    await markRemoved(db, k.path);
    summary.removed++;
    emit({ kind: 'removed', rel: k.path });
  }
  if (summary.processed || summary.relinked || summary.removed || anyHashed) await refreshDuplicates(db);
  await groupPlans(db); // files into plans (area × round), current file first
  await countFailing(db, files, summary, emit);
}

/** Failing files among those discovered, after the run: new this run, or still failing from earlier ones. */
async function countFailing(db: Database, files: DiscoveredFile[], summary: RunSummary, emit: Emit): Promise<void> {
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
