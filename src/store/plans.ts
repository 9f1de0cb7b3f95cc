// Plans above files: a plan is one HWB area's submission for one round. The same plan as .txt, .docx and
// .pdf, a draft and the final, Part 1 and a Part 2 workbook are files of one plan; its current file is the
// latest by the date the plans state (submitted, agreed) where every file states one, else by modification time.
import { loadGazetteer } from '../reference/gazetteer.js';
import type { Database } from './db.js';

interface DocRow {
  id: number;
  path: string;
  area_name: string | null;
  round: string | null;
  hwb_area_code: string | null;
  plan_date: string | null;
  mtime_ms: number | null;
}

export interface PlanGroup {
  key: string;
  hwbAreaCode: string | null;
  areaName: string;
  round: string | null;
  /** Current first. */
  documents: DocRow[];
}

/** The key a file is grouped by: its area code and round, else (no code) its area as written and round. */
export function planKey(d: Pick<DocRow, 'hwb_area_code' | 'round' | 'area_name' | 'path'>): string {
  const area = d.hwb_area_code ?? `name:${(d.area_name ?? d.path).toLowerCase().replace(/\s+/g, ' ').trim()}`;
  return `${area}|${d.round ?? ''}`;
}

/** Order the files of one plan, current first. Ties (same date, same modification time) go by path, never by
 *  document id: ids follow the order workers finished in, which changes from run to run. */
export function orderFiles<T extends Pick<DocRow, 'path' | 'plan_date' | 'mtime_ms'>>(docs: T[]): T[] {
  const byDate = docs.every((d) => d.plan_date !== null);
  return [...docs].sort(
    (a, b) =>
      (byDate ? (b.plan_date ?? '').localeCompare(a.plan_date ?? '') : 0) ||
      (b.mtime_ms ?? 0) - (a.mtime_ms ?? 0) ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
}

/** Group the readable, present files (status ok) into plans. Pure given the rows. */
export function groupDocuments(rows: DocRow[]): PlanGroup[] {
  const g = loadGazetteer();
  const groups = new Map<string, DocRow[]>();
  for (const r of rows) {
    const key = planKey(r);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()].map(([key, docs]) => {
    const ordered = orderFiles(docs);
    const code = ordered[0].hwb_area_code;
    const council = code ? g.byOns.get(code) : undefined;
    return { key, hwbAreaCode: code, areaName: council?.name ?? ordered[0].area_name ?? ordered[0].path, round: ordered[0].round, documents: ordered };
  });
}

/**
 * Rebuild the plans table from documents in one transaction. Plan ids stay while their area and round have
 * files; a plan whose files are all gone or failed is dropped. Failed and removed files belong to no plan.
 */
export async function groupPlans(db: Database): Promise<number> {
  return db.transaction(async () => {
    const rows = await db.all<DocRow>(
      `SELECT id, path, area_name, round, hwb_area_code, plan_date, mtime_ms FROM documents WHERE status = 'ok' ORDER BY id`,
    );
    const groups = groupDocuments(rows);
    const keys = groups.map((p) => p.key);
    await db.run(`DELETE FROM plans WHERE plan_key NOT IN (${keys.map(() => '?').join(',') || "''"})`, keys);
    await db.run('UPDATE documents SET plan_id = NULL');
    for (const p of groups) {
      const cur = p.documents[0];
      await db.run(
        `INSERT INTO plans (plan_key, hwb_area_code, area_name, round, current_document_id, current_path, document_count, document_ids, paths)
         VALUES (?,?,?,?,?,?,?,?,?)
         ON CONFLICT(plan_key) DO UPDATE SET hwb_area_code=excluded.hwb_area_code, area_name=excluded.area_name,
           round=excluded.round, current_document_id=excluded.current_document_id, current_path=excluded.current_path,
           document_count=excluded.document_count, document_ids=excluded.document_ids, paths=excluded.paths`,
        [p.key, p.hwbAreaCode, p.areaName, p.round, cur.id, cur.path, p.documents.length,
          JSON.stringify(p.documents.map((d) => d.id)), JSON.stringify(p.documents.map((d) => d.path))],
      );
      const ids = p.documents.map((d) => d.id);
      await db.run(
        `UPDATE documents SET plan_id = (SELECT id FROM plans WHERE plan_key = ?) WHERE id IN (${ids.map(() => '?').join(',')})`,
        [p.key, ...ids],
      );
    }
    return groups.length;
  });
}
