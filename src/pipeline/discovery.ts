// A run's first half, before any record is written: discover the input, clear what a killed run left, hash what
// changed and plan each file's action (plan.ts, pure) from what the store knows.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { discoverFiles, type Discovery, type DiscoveredFile } from '../discover/index.js';
import { clearLeftovers, clearTempDir } from '../store/files.js';
import type { KnownDocument } from '../store/state.js';
import type { Emit } from './events.js';
import { planRun, removalGuard, type RunPlan, type Triage, type TriageOptions } from './plan.js';

/** The run would change nothing it should: stopped before writing anything (exit 2). */
export class RunRefusedError extends Error {
  override name = 'RunRefusedError';
}

export interface InputOptions {
  input: string;
  include?: string[];
  exclude?: string[];
  followExternalLinks?: boolean;
  allowRemovals?: boolean;
}

/** The plan files under the input (never the output folder), and the output folder cleared of a killed run's leftovers. */
export async function discoverInput(opts: InputOptions, outDir: string, emit: Emit): Promise<Discovery> {
  const discovery = await discoverFiles(opts.input, {
    include: opts.include, exclude: opts.exclude, excludeDirs: [outDir], followExternalLinks: opts.followExternalLinks,
  });
  emit({ kind: 'discovered', files: discovery.files.length, skipped: discovery.skipped });
  await clearTempDir(outDir);
  for (const left of await clearLeftovers(outDir)) emit({ kind: 'note', message: `removed ${left} left by a killed run` });
  return discovery;
}

/** Streamed sha256: the file is never held in memory. */
function hashFile(path: string): Promise<string> {
  return new Promise((ok, fail) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => ok(hash.digest('hex')));
  });
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

/**
 * Hash what triage found changed, plan every file's action, and refuse (RunRefusedError) a run the removal guard
 * stops unless --allow-removals.
 */
export async function hashAndPlan(
  discovery: Discovery, known: KnownDocument[], t: Triage, triageOpts: TriageOptions, opts: InputOptions,
): Promise<{ plan: RunPlan; shaOf: Map<string, string | null> }> {
  const root = discovery.root;
  // Loaded only when something changed: the extractor modules are heavy and an unchanged run never needs them.
  const maxFileBytes = t.toHash.length ? (await import('../extract/index.js')).MAX_FILE_BYTES : Infinity;
  const shaOf = await hashAll(root, t.toHash, maxFileBytes);
  const found = new Set(discovery.files.map((f) => f.rel));
  const stillOnDisk = await existingPaths(root, known.filter((k) => k.removedAt === null && !found.has(k.path)));
  const plan = planRun({ known, files: discovery.files, triage: t, shaOf, stillOnDisk, maxFileBytes, opts: triageOpts });
  const refused = removalGuard(known, discovery.files, plan.removed, !!(opts.include?.length || opts.exclude?.length));
  if (refused && !opts.allowRemovals) throw new RunRefusedError(`${refused} Nothing was changed; --allow-removals to proceed`);
  return { plan, shaOf };
}
