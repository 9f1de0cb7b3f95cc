// plansift report: a static HTML site under OUT/report/ built from the SQLite database.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { withStoreSource } from '../export/source.js';
import type { Database } from '../store/db.js';
import { renderCompare } from './compare-page.js';
import { renderIndex } from './index-page.js';
import type { PageContext } from './layout.js';
import { loadReportData, type ReportData } from './load.js';
import { renderPlan } from './plan-page.js';
import { loadTrackedPlans, renderTracker, type TrackedPlan } from './tracker-page.js';

export interface ReportFiles {
  dir: string;
  index: string;
  compare: string;
  tracker: string;
  /** documents.id of every file -> the page of the plan it is shown on. */
  plans: Map<number, string>;
}

/** Every page as file path (relative to the report folder) -> HTML. Pure given the data. */
export function renderReport(data: ReportData, ctx: Omit<PageContext, 'root'>, tracked: TrackedPlan[] = []): Map<string, string> {
  const root: PageContext = { ...ctx, root: '' };
  const files = new Map<string, string>();
  files.set('index.html', renderIndex(root, data).value);
  files.set('compare.html', renderCompare(root, data).value);
  files.set('tracker.html', renderTracker(root, data, tracked).value);
  for (const plan of data.groups) files.set(plan.page, renderPlan(root, plan).value);
  return files;
}

/** The input folder as a relative URL from OUT/report/plans/, each segment percent-encoded, ending in '/'. */
export function sourceBaseUrl(outDir: string, inputRoot: string): string {
  const rel = relative(join(outDir, 'report', 'plans'), inputRoot);
  return rel === '' ? '' : `${rel.split(sep).map(encodeURIComponent).join('/')}/`;
}

/**
 * Build the site in a fresh folder beside the old one, then swap it in, so a reader never sees a half-written
 * report and pages of plans no longer in the database do not linger.
 */
export async function buildReport(db: Database, outDir: string, dbName: string, now = new Date()): Promise<ReportFiles> {
  const data = await loadReportData(db);
  const pages = renderReport(data, {
    generatedAt: now.toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    dbName,
    // Paths in the database are relative to the input folder of the run; the latest run's is the one on disk.
    sourceBase: data.lastRun ? sourceBaseUrl(outDir, data.lastRun.inputRoot) : null,
  }, await loadTrackedPlans(db));
  const dir = join(outDir, 'report');
  const staging = join(outDir, `.report-${process.pid}-${now.getTime()}`);
  await mkdir(join(staging, 'plans'), { recursive: true });
  for (const [rel, content] of pages) await writeFile(join(staging, rel), content, 'utf8');
  const old = `${staging}-old`;
  await rename(dir, old).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  await rename(staging, dir);
  await rm(old, { recursive: true, force: true });
  return {
    dir,
    index: join(dir, 'index.html'),
    compare: join(dir, 'compare.html'),
    tracker: join(dir, 'tracker.html'),
    plans: new Map(data.groups.flatMap((g) => g.files.map((f) => [f.id, join(dir, g.page)] as const))),
  };
}

/** CLI entry. 0 written, 2 could not proceed (no database, not a plansift database, cannot write). */
export async function reportCommand(opts: Record<string, unknown>): Promise<number> {
  return withStoreSource('report', opts, async (db, source) => {
    const files = await buildReport(db, source.outDir, basename(source.dbFile));
    console.log(`${files.index}\t${new Set(files.plans.values()).size} plan pages`);
  });
}
