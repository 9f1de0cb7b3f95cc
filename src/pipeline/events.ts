// What a run reports as it goes and what it sums up at the end: the CLI turns these into log lines, a progress bar
// and the exit status.
import type { SkippedEntry } from '../discover/index.js';
import type { RunFailure } from '../store/state.js';

/** What a run reports as it goes; the CLI turns these into log lines or a progress bar. */
export type RunEvent =
  | { kind: 'discovered'; files: number; skipped: SkippedEntry[] }
  | { kind: 'planned'; toExtract: number; unchanged: number; workers: number; workerMemoryMb: number }
  | { kind: 'file'; rel: string; outcome: 'ok' | 'failed'; failure?: RunFailure; pages: number | null; via: 'extracted' | 'copied'; retry: boolean; warnings?: string[] }
  | { kind: 'failing'; rel: string; reason: string; persistent: boolean }
  | { kind: 'relinked'; from: string; to: string }
  | { kind: 'removed'; rel: string }
  | { kind: 'note'; message: string };

export type Emit = (e: RunEvent) => void;

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

/** A summary before any file is written: the unchanged files count as skipped. */
export function startSummary(runId: number, unchanged: number, ignored: number): RunSummary {
  return {
    processed: 0, skipped: unchanged, failed: 0, removed: 0, durationMs: 0, relinked: 0, duplicates: 0,
    pages: 0, ignored, failing: 0, newFailures: 0, persistent: 0, retried: 0, failures: [], runId, treePeakRssMb: 0,
  };
}

/** PLANSIFT_TIMING=1 logs how long each phase took (for diagnosing slow runs on a share). */
export function phaseTimer(emit: Emit): (name: string) => void {
  let lap = Date.now();
  return (name) => {
    if (!process.env.PLANSIFT_TIMING) return;
    const now = Date.now();
    emit({ kind: 'note', message: `timing: ${name} ${now - lap} ms` });
    lap = now;
  };
}
