// The run planner: what an incremental run does with each file, as pure functions of what the store knows, what
// discovery found and the hashes of what changed. No I/O here: run.ts reads the inputs and carries out the plan.
//
// Per file, cheapest first:
//   unchanged path+size+mtime (same extractor version), last extraction ok   -> unchanged, file not opened
//   ... but failed: transient reason, retried fewer than MAX_RETRIES times -> extracted again (a retry)
//                   permanent reason (or retries used up), no --retry-failed -> unchanged, still failing
//   changed size/mtime but same sha256                                       -> touched (size/mtime updated)
//   sha256 of a document whose file vanished                                 -> relinked (row moves to the new path)
//   sha256 of another up-to-date document                                    -> record copied (duplicate_of notes it)
//   sha256 of a file extracted earlier in this run                           -> waits for that record, copied
//   over the size limit                                                      -> failed record, not read
//   otherwise (or --force, or an older extractor version)                    -> extracted on a worker
// Stored documents whose file no longer exists (and was not relinked) are marked removed, never deleted.
import type { DiscoveredFile } from '../discover/index.js';
import type { KnownDocument } from '../store/state.js';
import { isTransient, MAX_RETRIES } from './failures.js';

export interface TriageOptions {
  force: boolean;
  retryFailed: boolean;
  extractorVersion: string;
}

/** A known document the run can trust: stored by this extractor version and not forced. */
function upToDate(k: KnownDocument | undefined, opts: TriageOptions): k is KnownDocument {
  return !!k && !opts.force && k.extractorVersion === opts.extractorVersion;
}

/** A stored failure the next run tries again: transient and retries left, or everything with --retry-failed. */
export function shouldRetry(k: Pick<KnownDocument, 'failureReason' | 'failedRuns'>, retryFailed: boolean): boolean {
  if (k.failureReason === null) return false;
  return retryFailed || (isTransient(k.failureReason) && k.failedRuns <= MAX_RETRIES);
}

/** A stored failure no later run retries by itself (permanent, or transient with its retries used up). */
export function isPersistent(k: Pick<KnownDocument, 'failureReason' | 'failedRuns'>): boolean {
  return k.failureReason !== null && !(isTransient(k.failureReason) && k.failedRuns <= MAX_RETRIES);
}

export interface Triage {
  /** Unchanged and not opened (ok records, and failures left to wait). */
  unchanged: DiscoveredFile[];
  /** Unchanged, failed earlier and not retried now: still failing. */
  stillFailing: { file: DiscoveredFile; doc: KnownDocument }[];
  /** To hash and classify (changed, new, forced, or a retry). */
  toHash: DiscoveredFile[];
  /** Paths among toHash that are retries of an unchanged failed file: always extracted again. */
  retries: Set<string>;
}

/** Step 1, before any file is opened: which files are unchanged by path, size and mtime. */
export function triage(known: KnownDocument[], files: DiscoveredFile[], opts: TriageOptions): Triage {
  const byPath = new Map(known.map((k) => [k.path, k]));
  const t: Triage = { unchanged: [], stillFailing: [], toHash: [], retries: new Set() };
  for (const f of files) {
    const k = byPath.get(f.rel);
    if (!upToDate(k, opts) || k.removedAt !== null || k.size !== f.size || k.mtimeMs !== f.mtimeMs) {
      t.toHash.push(f);
    } else if (k.failureReason !== null && shouldRetry(k, opts.retryFailed)) {
      t.toHash.push(f);
      t.retries.add(f.rel);
    } else {
      t.unchanged.push(f);
      if (k.failureReason !== null) t.stillFailing.push({ file: f, doc: k });
    }
  }
  return t;
}

export type Action =
  | { kind: 'touch'; file: DiscoveredFile }
  | { kind: 'relink'; file: DiscoveredFile; from: string }
  | { kind: 'copy'; file: DiscoveredFile; from: string }
  | { kind: 'too_large'; file: DiscoveredFile }
  | { kind: 'extract'; file: DiscoveredFile; sha: string | null; retry: boolean; sameContent: DiscoveredFile[] };

export interface RunPlan {
  actions: Action[];
  /** Stored documents to mark removed. */
  removed: KnownDocument[];
}

export interface PlanInput {
  known: KnownDocument[];
  files: DiscoveredFile[];
  triage: Triage;
  /** sha256 of each file in triage.toHash (null: could not be read, or over the size limit). */
  shaOf: ReadonlyMap<string, string | null>;
  /** Known paths that were not discovered but still exist (left out by --include/--exclude): not removed. */
  stillOnDisk: ReadonlySet<string>;
  maxFileBytes: number;
  opts: TriageOptions;
}

/** Step 2, once what changed is hashed: one action per changed file, and the documents whose file is gone. */
export function planRun(input: PlanInput): RunPlan {
  const { known, files, triage: t, shaOf, stillOnDisk, maxFileBytes, opts } = input;
  const byPath = new Map(known.map((k) => [k.path, k]));
  const present = new Set(files.map((f) => f.rel));
  // Stored documents whose file is gone are relink candidates (by content), else removed.
  const removed: KnownDocument[] = [];
  const vanishedBySha = new Map<string, KnownDocument[]>();
  for (const k of known) {
    if (present.has(k.path) || k.removedAt !== null || stillOnDisk.has(k.path)) continue;
    removed.push(k);
    if (k.sha256 && upToDate(k, opts) && k.status !== 'removed') {
      vanishedBySha.set(k.sha256, [...(vanishedBySha.get(k.sha256) ?? []), k]);
    }
  }
  // Up-to-date stored content (unchanged, or re-hashed to the same sha) that a new path can copy.
  const hashed = new Set(t.toHash.map((f) => f.rel));
  const liveBySha = new Map<string, string>();
  for (const k of known) {
    if (!present.has(k.path) || !upToDate(k, opts) || !k.sha256 || k.removedAt !== null || t.retries.has(k.path)) continue;
    if (hashed.has(k.path) && shaOf.get(k.path) !== k.sha256) continue;
    if (!liveBySha.has(k.sha256)) liveBySha.set(k.sha256, k.path);
  }

  const actions: Action[] = [];
  const extracting = new Map<string, Extract<Action, { kind: 'extract' }>>();
  for (const f of t.toHash) {
    const sha = shaOf.get(f.rel) ?? null;
    const k = byPath.get(f.rel);
    if (f.size > maxFileBytes) {
      actions.push({ kind: 'too_large', file: f });
    } else if (t.retries.has(f.rel)) {
      actions.push({ kind: 'extract', file: f, sha, retry: true, sameContent: [] });
    } else if (sha && upToDate(k, opts) && k.sha256 === sha) {
      actions.push({ kind: 'touch', file: f });
    } else if (sha && vanishedBySha.get(sha)?.length) {
      const from = vanishedBySha.get(sha)!.shift()!;
      removed.splice(removed.indexOf(from), 1);
      actions.push({ kind: 'relink', file: f, from: from.path });
    } else if (sha && liveBySha.has(sha)) {
      actions.push({ kind: 'copy', file: f, from: liveBySha.get(sha)! });
    } else if (sha && extracting.has(sha)) {
      extracting.get(sha)!.sameContent.push(f);
    } else {
      const action: Extract<Action, { kind: 'extract' }> = { kind: 'extract', file: f, sha, retry: false, sameContent: [] };
      if (sha) extracting.set(sha, action);
      actions.push(action);
    }
  }
  return { actions, removed };
}

/**
 * Why a run must not go ahead (the input looks unmounted or wrong), or null. No file at all is refused even on a
 * first run, unless `globs` (--include/--exclude) selected the files: then none found is a glob that matches
 * nothing, which the CLI reports as such, and the run is refused only where it would mark documents removed.
 */
export function removalGuard(known: KnownDocument[], files: DiscoveredFile[], removed: KnownDocument[], globs = false): string | null {
  const live = known.filter((k) => k.removedAt === null).length;
  if (files.length === 0 && !globs) return 'input holds no plans: is the drive mounted?';
  if (live > 0 && removed.length > live / 2) {
    return `${removed.length} of the ${live} known documents would be marked removed: is this the right input folder?`;
  }
  return null;
}
