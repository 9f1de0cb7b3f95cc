// Read the plans back out of the SQLite database for the report: the documents row plus every item table,
// mapped onto the record types (record/schema.ts) so the pages speak the record's language.
import type { Database, Row } from '../store/db.js';
import type { Budget, Flag, Metric, Note, Risk, Scheme, Section } from '../record/schema.js';
import { groupFiles, type PlanRow } from './plan-groups.js';

export type DocumentStatus = 'ok' | 'failed' | 'removed';

/** The file an item of a plan was read from. */
export interface FromFile {
  documentId: number;
  path: string;
  format: string | null;
}

/** An item with the file it came from (set on a plan's gathered items), and other files stating it otherwise. */
export type FromItem<T> = T & { from?: FromFile; differs?: { path: string; value: number }[] };

export interface PlanView {
  id: number;
  path: string;
  areaName: string;
  hwb: string | null;
  localAuthorities: string[];
  ccgs: string[];
  template: string;
  format: string | null;
  pages: number | null;
  status: DocumentStatus;
  failureReason: string | null;
  duplicateOf: string | null;
  removedAt: string | null;
  processedAt: string;
  extractorVersion: string;
  sections: FromItem<Section>[];
  schemes: FromItem<Scheme>[];
  budgets: FromItem<Budget>[];
  risks: FromItem<Risk>[];
  metrics: FromItem<Metric>[];
  flags: FromItem<Flag>[];
  /** What extraction and the fields noticed (the record's notes), in document order. */
  notes: FromItem<Note>[];
  /** The page of the plan this file is shown on, relative to the report root; unset: plans/<id>.html. */
  page?: string;
}

/**
 * One plan as the pages show it (plan-groups.ts): the fields of its current file, with sections, flags and notes
 * of its standing files and budgets, metrics, schemes and risks gathered from all its files.
 */
export interface PlanGroupView extends PlanView {
  page: string;
  /** plans.id; null for a file in no plan (failed, removed). */
  planId: number | null;
  round: string | null;
  /** Current first. */
  files: PlanView[];
  /** documents.id of the files whose flags, notes and sections stand for the plan. */
  standing: number[];
}

export interface LastRun {
  startedAt: string;
  finishedAt: string | null;
  inputRoot: string;
  processed: number;
  failed: number;
  removed: number;
}

export interface ReportData {
  /** Every file (documents row). */
  plans: PlanView[];
  /** Every plan: one per row of the plans table, and one per file in none. */
  groups: PlanGroupView[];
  lastRun: LastRun | null;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

function jsonList(v: unknown): string[] {
  try {
    const parsed: unknown = JSON.parse(String(v ?? '[]'));
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

/** Rows of one item table grouped by document, in document order. */
async function itemsByDocument<T>(db: Database, table: string, map: (r: Row) => T): Promise<Map<number, T[]>> {
  const grouped = new Map<number, T[]>();
  for (const r of await db.all(`SELECT * FROM ${table} ORDER BY document_id, ord`)) {
    const id = Number(r.document_id);
    const list = grouped.get(id) ?? [];
    list.push(map(r));
    grouped.set(id, list);
  }
  return grouped;
}

export async function loadReportData(db: Database): Promise<ReportData> {
  const docs = await db.all('SELECT * FROM documents ORDER BY area_name COLLATE NOCASE, id');
  const sections = await itemsByDocument<Section>(db, 'sections', (r) => ({
    id: String(r.section_id), heading: str(r.heading), status: r.status as Section['status'], page: num(r.page),
  }));
  const schemes = await itemsByDocument<Scheme>(db, 'schemes', (r) => ({
    ref: str(r.ref), name: String(r.name), theme: str(r.theme), page: num(r.page), cell: str(r.cell), block: num(r.block), text: str(r.source_text),
  }));
  const budgets = await itemsByDocument<Budget>(db, 'budgets', (r) => ({
    kind: r.kind as Budget['kind'], year: str(r.year), amountGbp: Number(r.amount_gbp), scheme: str(r.scheme),
    source: str(r.funding_source), label: str(r.label), text: String(r.source_text ?? ''), page: num(r.page), cell: str(r.cell), block: num(r.block),
  }));
  const risks = await itemsByDocument<Risk>(db, 'risks', (r) => ({
    description: String(r.description), likelihood: num(r.likelihood), impact: num(r.impact), score: num(r.score),
    rating: (str(r.rating) as Risk['rating']) ?? null, mitigation: str(r.mitigation), owner: str(r.owner),
    page: num(r.page), cell: str(r.cell), block: num(r.block), text: str(r.source_text),
  }));
  const metrics = await itemsByDocument<Metric>(db, 'metrics', (r) => ({
    metric: r.metric as Metric['metric'], label: String(r.label), period: str(r.period), kind: r.kind as Metric['kind'],
    value: Number(r.value), unit: r.unit as Metric['unit'], numerator: num(r.numerator), denominator: num(r.denominator),
    page: num(r.page), cell: str(r.cell), block: num(r.block), text: str(r.source_text),
  }));
  const flags = await itemsByDocument<Flag>(db, 'flags', (r) => ({
    code: r.code as Flag['code'], severity: r.severity as Flag['severity'], message: String(r.message),
    section: str(r.section), page: num(r.page), text: str(r.source_text),
  }));

  const notes = await itemsByDocument<Note>(db, 'notes', (r) => ({
    level: r.level as Note['level'], stage: r.stage as Note['stage'], message: String(r.message), page: num(r.page),
    text: str(r.source_text),
  })).catch(() => new Map<number, Note[]>()); // a database from before the notes table (opened read-only): none

  const plans = docs.map((d): PlanView => {
    const id = Number(d.id);
    return {
      id,
      path: String(d.path),
      areaName: str(d.area_name) ?? String(d.path),
      hwb: str(d.hwb),
      localAuthorities: jsonList(d.local_authorities),
      ccgs: jsonList(d.ccgs),
      template: String(d.template),
      format: str(d.format),
      pages: num(d.pages),
      status: (['ok', 'failed', 'removed'].includes(String(d.status)) ? d.status : 'failed') as DocumentStatus,
      failureReason: str(d.failure_reason),
      duplicateOf: str(d.duplicate_of),
      removedAt: str(d.removed_at),
      processedAt: String(d.processed_at),
      extractorVersion: String(d.extractor_version),
      sections: sections.get(id) ?? [],
      schemes: schemes.get(id) ?? [],
      budgets: budgets.get(id) ?? [],
      risks: risks.get(id) ?? [],
      metrics: metrics.get(id) ?? [],
      flags: flags.get(id) ?? [],
      notes: notes.get(id) ?? [],
    };
  });

  const run = await db
    .get("SELECT * FROM runs ORDER BY id DESC LIMIT 1")
    .catch(() => undefined); // a database from before the runs table: no run summary
  const lastRun: LastRun | null = run
    ? {
        startedAt: String(run.started_at), finishedAt: str(run.finished_at), inputRoot: String(run.input_root),
        processed: Number(run.processed), failed: Number(run.failed), removed: Number(run.removed),
      }
    : null;
  const planRows = await db
    .all<{ id: number; document_ids: string; round: string | null }>('SELECT id, document_ids, round FROM plans ORDER BY id')
    .catch(() => []); // a database from before plans: each file a plan of its own
  const rows: PlanRow[] = planRows.map((r) => ({ id: Number(r.id), documentIds: jsonList(r.document_ids).map(Number), round: r.round }));
  return { plans, groups: groupFiles(plans, rows), lastRun };
}
