// A plan is one HWB area's submission for one round (store/plans.ts); its files (formats, drafts, a Part 1 narrative
// and a Part 2 workbook) are shown as one plan. This builds the plan-level view the pages read: the plan's figures
// gathered from every file, each item saying the file it came from. Pure given the files.
import type { Budget, Flag, Metric, Note, Risk, Scheme, Section } from '../record/schema.js';
import type { FromFile, FromItem, PlanGroupView, PlanView } from './load.js';

/** One row of the plans table: its id and its files, current first. */
export interface PlanRow {
  id: number;
  documentIds: number[];
  round: string | null;
}

const norm = (s: string | null | undefined): string => (s ?? '').toLowerCase().replace(/[^a-z0-9£%]+/g, ' ').trim();

export const fromFile = (f: PlanView): FromFile => ({ documentId: f.id, path: f.path, format: f.format });

/**
 * Files in the order their figures are preferred: workbooks first (the figures are typed into cells there, the
 * most reliable source: a narrative's copy of them went through Word), then the rest; each kind current first.
 */
export function preferenceOrder(files: PlanView[]): PlanView[] {
  return [...files.filter((f) => f.format === 'xlsx'), ...files.filter((f) => f.format !== 'xlsx')];
}

/**
 * The files whose flags, notes and sections stand for the plan: the current readable workbook (Part 2) and the
 * current readable other file (Part 1, or the whole plan). Earlier copies and versions are superseded: a draft's
 * missing section must not make the final plan red.
 */
export function standingFiles(files: PlanView[]): PlanView[] {
  const ok = files.filter((f) => f.status === 'ok');
  const workbook = ok.find((f) => f.format === 'xlsx');
  const other = ok.find((f) => f.format !== 'xlsx');
  const standing = files.filter((f) => f === workbook || f === other);
  return standing.length ? standing : files.slice(0, 1);
}

/**
 * Items of every file, de-duplicated by what they state (the key): a key is taken from the most preferred file that
 * states it, with all that file's items under it (a workbook's recurrent and non-recurrent spend on one scheme stay
 * two rows); other files' items under the same key are dropped. Where a dropped file's total under the key differs
 * from the kept one, the kept items say so (`differs`), so a disagreement between Part 1 and Part 2 stays visible.
 */
export function gather<T>(files: PlanView[], items: (f: PlanView) => T[], key: (t: T) => string, value?: (t: T) => number): FromItem<T>[] {
  const owner = new Map<string, FromItem<T>[]>();
  const kept: FromItem<T>[] = [];
  const done = new Set<FromItem<T>>();
  for (const f of preferenceOrder(files)) {
    const mine = new Map<string, T[]>();
    for (const it of items(f)) mine.set(key(it), [...(mine.get(key(it)) ?? []), it]);
    for (const [k, list] of mine) {
      const held = owner.get(k);
      if (!held) {
        const rows = list.map((it) => ({ ...it, from: fromFile(f) }));
        owner.set(k, rows);
        continue;
      }
      if (!value) continue;
      const theirs = list.reduce((s, it) => s + value(it), 0);
      if (held.reduce((s, it) => s + value(it), 0) !== theirs) for (const h of held) (h.differs ??= []).push({ path: f.path, value: theirs });
    }
    // Kept rows in the file's own order.
    for (const it of items(f)) {
      const rows = owner.get(key(it))!;
      const row = rows.find((r) => r.from?.documentId === f.id && !done.has(r));
      if (row) {
        kept.push(row);
        done.add(row);
      }
    }
  }
  return kept;
}

/** What makes two budget rows the same figure: kind, year, scheme, funding source (and the label, for "other"). */
export const budgetKey = (b: Budget): string =>
  [b.kind, b.year ?? '', norm(b.scheme), norm(b.source ?? null), b.kind === 'other' ? norm(b.label) : ''].join('|');

/** What makes two metric values the same figure: metric, period, kind and unit (and the label, for a local metric). */
export const metricKey = (m: Metric): string =>
  [m.metric, m.period ?? '', m.kind, m.unit, m.metric === 'local' ? norm(m.label) : ''].join('|');

const SECTION_RANK: Record<Section['status'], number> = { present: 0, placeholder: 1, missing: 2 };

/** Sections of the standing files, one row per section: the best answer any of them gives (Part 2 sections from the workbook). */
function mergeSections(standing: PlanView[]): FromItem<Section>[] {
  const out: FromItem<Section>[] = [];
  for (const f of standing) {
    for (const s of f.sections) {
      const i = out.findIndex((o) => o.id === s.id);
      const row = { ...s, from: fromFile(f) };
      if (i < 0) out.push(row);
      else if (SECTION_RANK[s.status] < SECTION_RANK[out[i].status]) out[i] = row;
    }
  }
  return out;
}

/** The plan-level view of one plan's files (current first). */
export function planGroup(files: PlanView[], plan: PlanRow | null): PlanGroupView {
  const current = files[0];
  const standing = standingFiles(files);
  const tagged = <T>(pick: (f: PlanView) => T[]) => standing.flatMap((f) => pick(f).map((it) => ({ ...it, from: fromFile(f) })));
  const union = (pick: (f: PlanView) => string[]) => [...new Set(standing.flatMap(pick))];
  return {
    ...current,
    page: plan ? `plans/${plan.id}.html` : `plans/file-${current.id}.html`,
    planId: plan?.id ?? null,
    round: plan?.round ?? null,
    files,
    standing: standing.map((f) => f.id),
    hwb: standing.map((f) => f.hwb).find((h) => h !== null) ?? null,
    localAuthorities: union((f) => f.localAuthorities),
    ccgs: union((f) => f.ccgs),
    status: standing.some((f) => f.status === 'ok') ? 'ok' : current.status,
    sections: mergeSections(standing),
    flags: tagged<Flag>((f) => f.flags),
    notes: tagged<Note>((f) => f.notes),
    budgets: gather<Budget>(files, (f) => f.budgets, budgetKey, (b) => b.amountGbp),
    metrics: gather<Metric>(files, (f) => f.metrics, metricKey, (m) => m.value),
    schemes: gather<Scheme>(files, (f) => f.schemes, (s) => norm(s.name)),
    risks: gather<Risk>(files, (f) => f.risks, (r) => norm(r.description)),
  };
}

/**
 * Plans from the files: the readable files of each row of the plans table as one plan (its current file first);
 * every other file (failed, removed, or from a database made before plans) a plan of its own.
 */
export function groupFiles(files: PlanView[], plans: PlanRow[]): PlanGroupView[] {
  const byId = new Map(files.map((f) => [f.id, f]));
  const placed = new Set<number>();
  const groups: PlanGroupView[] = [];
  for (const p of plans) {
    const mine = p.documentIds.map((id) => byId.get(id)).filter((f): f is PlanView => !!f && f.status === 'ok' && !placed.has(f.id));
    if (!mine.length) continue;
    for (const f of mine) placed.add(f.id);
    groups.push(planGroup(mine, p));
  }
  for (const f of files) if (!placed.has(f.id)) groups.push(planGroup([f], null));
  // The documents' order (area, then id), by each plan's current file.
  const order = new Map(files.map((f, i) => [f.id, i]));
  return groups.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}
