// Plans above files: the files of one HWB area and round grouped into one plan with a current file.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDate, planDate } from '../src/fields/area/dated.js';
import { runPipeline } from '../src/pipeline/run.js';
import { PlanRecordSchema, type PlanRecord } from '../src/record/schema.js';
import { openStore, openStoreReadOnly, saveDocument, type FileMeta } from '../src/store/db.js';
import { groupPlans } from '../src/store/plans.js';

const meta = (mtimeMs: number, status: FileMeta['status'] = 'ok'): FileMeta => ({ size: 1000, mtimeMs, status, failureReason: status === 'failed' ? 'corrupt' : null, duplicateOf: null });

function record(file: string, opts: { round: string | null; code: string | null; hwb: string | null; date?: string | null; format?: 'pdf' | 'docx' | 'txt' }): PlanRecord {
  return PlanRecordSchema.parse({
    schemaVersion: 1, extractorVersion: 'test', template: 'unknown',
    source: { file, sha256: file.padEnd(64, '0').slice(0, 64), format: opts.format ?? 'pdf', pages: null },
    round: opts.round, planDate: opts.date ?? null,
    area: { localAuthorities: [], ccgs: [], healthAndWellbeingBoard: opts.hwb, hwbAreaCode: opts.code },
    sections: [], schemes: [], risks: [], metrics: [], flags: [],
    budgets: [{ kind: 'total_pooled_budget', year: '2015/16', amountGbp: file.length * 1000, scheme: null, label: 'Total', text: 'x', page: null }],
  });
}

describe('grouping files into plans', () => {
  it('three formats of one plan, a draft and a final, a failed and a removed file, an unmatched area', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plansift-plans-'));
    const db = await openStore(join(dir, 'plansift.sqlite'));
    const derby = { round: '2015-16', code: 'E06000015', hwb: 'Derby City Health and Well-being Board', date: '2014-09-11' };
    const ids = {
      txt: await saveDocument(db, record('derby/plan.txt', { ...derby, format: 'txt' }), meta(3000)),
      docx: await saveDocument(db, record('derby/plan.docx', { ...derby, format: 'docx' }), meta(1000)),
      pdf: await saveDocument(db, record('derby/plan.pdf', derby), meta(2000)),
      // Same area, next round: a plan of its own under the same code.
      derby22: await saveDocument(db, record('derby/2022.pdf', { round: '2022-23', code: 'E06000015', hwb: 'Derby Health and Wellbeing Board' }), meta(500)),
      // A draft saved after the final (newer mtime), but the final states the later date.
      final: await saveDocument(db, record('staffs/final.pdf', { round: '2015-16', code: 'E10000028', hwb: 'Staffordshire HWB', date: '2014-04-04' }), meta(100)),
      draft: await saveDocument(db, record('staffs/draft.pdf', { round: '2015-16', code: 'E10000028', hwb: 'Staffordshire HWB', date: '2014-02-14' }), meta(900)),
      failed: await saveDocument(db, record('broken.pdf', { round: null, code: null, hwb: null }), meta(100, 'failed')),
      gone: await saveDocument(db, record('staffs/old.pdf', { round: '2015-16', code: 'E10000028', hwb: 'Staffordshire HWB', date: '2015-01-01' }), meta(100)),
      unmatched: await saveDocument(db, record('elsewhere.txt', { round: '2015-16', code: null, hwb: 'Northby Health and Wellbeing Board' }), meta(100)),
    };
    await db.run("UPDATE documents SET status = 'removed', removed_at = 'x' WHERE id = ?", [ids.gone]);
    expect(await groupPlans(db)).toBe(4);
    const plans = await db.all<Record<string, unknown>>('SELECT * FROM plans ORDER BY area_name, round');
    expect(plans.map((p) => [p.area_name, p.hwb_area_code, p.round, p.document_count])).toEqual([
      ['Derby City Council', 'E06000015', '2015-16', 3],
      ['Derby City Council', 'E06000015', '2022-23', 1],
      ['Northby Health and Wellbeing Board', null, '2015-16', 1],
      ['Staffordshire County Council', 'E10000028', '2015-16', 2],
    ]);
    // Three formats stating the same date: the most recently modified is current.
    expect(plans[0].current_document_id).toBe(ids.txt);
    expect(JSON.parse(String(plans[0].document_ids))).toEqual([ids.txt, ids.pdf, ids.docx]);
    // The final, by the date it states, though the draft was modified later; the removed file is in no plan.
    expect(plans[3].current_document_id).toBe(ids.final);
    expect(JSON.parse(String(plans[3].paths))).toEqual(['staffs/final.pdf', 'staffs/draft.pdf']);
    const planOf = new Map((await db.all<{ id: number; plan_id: number | null }>('SELECT id, plan_id FROM documents')).map((r) => [r.id, r.plan_id]));
    expect(planOf.get(ids.failed)).toBeNull();
    expect(planOf.get(ids.gone)).toBeNull();
    expect(planOf.get(ids.docx)).toBe(plans[0].id);

    // Regrouping keeps plan ids; a plan whose files are all gone disappears.
    const before = plans[0].id;
    await db.run("UPDATE documents SET status = 'removed' WHERE id = ?", [ids.derby22]);
    expect(await groupPlans(db)).toBe(3);
    expect((await db.get<{ id: number }>("SELECT id FROM plans WHERE plan_key = 'E06000015|2015-16'"))?.id).toBe(before);
    await db.close();
  });

  it('a database made before plans existed gets the new documents columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plansift-plans-old-'));
    const file = join(dir, 'plansift.sqlite');
    const old = await openStore(file);
    await old.exec('DROP TABLE plans; ALTER TABLE documents DROP COLUMN plan_id; ALTER TABLE documents DROP COLUMN round;');
    await old.close();
    const db = await openStore(file);
    const cols = (await db.all<{ name: string }>('PRAGMA table_info(documents)')).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['round', 'hwb_area_code', 'plan_date', 'plan_id']));
    await saveDocument(db, record('a.pdf', { round: '2015-16', code: 'E06000015', hwb: null }), meta(1));
    expect(await groupPlans(db)).toBe(1);
    await db.close();
  });
});

describe('the date a plan states', () => {
  it('reads submitted/agreed/signed dates in the ways plans write them, the latest wins', () => {
    expect(planDate('Date agreed at Health and Well-Being Board:\t11/09/2014\nDate submitted:\t19/09/2014')).toBe('2014-09-19');
    expect(planDate('Date submitted: 09/01/15')).toBe('2015-01-09');
    expect(planDate('Signed off by the Health and Wellbeing Board on 30th June 2022.')).toBe('2022-06-30');
    expect(planDate('Date to be agreed at Health and Well-Being Board:\nDate submitted:\n')).toBeNull();
    expect(isoDate('1 March 2023')).toBe('2023-03-01');
    expect(isoDate('31/02/20x')).toBeNull();
  });
});

const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;
describe.skipIf(!existsSync(CORPUS))('on the corpus', () => {
  it('one plan per area and round; the pooled-budget query gives one row per area and year, Derby 2014 and 2022-23 under one code', async () => {
    const out = mkdtempSync(join(tmpdir(), 'plansift-plans-corpus-'));
    await runPipeline({ input: CORPUS, outDir: out, timeoutMs: 120_000, maxMemoryMb: 512, concurrency: 2 });
    const db = await openStoreReadOnly(join(out, 'plansift.sqlite'));
    const plans = await db.all<{ area_name: string; hwb_area_code: string; round: string; document_count: number }>(
      'SELECT area_name, hwb_area_code, round, document_count FROM plans ORDER BY area_name, round',
    );
    expect(plans).toEqual([
      { area_name: 'Derby City Council', hwb_area_code: 'E06000015', round: '2015-16', document_count: 3 },
      { area_name: 'Derby City Council', hwb_area_code: 'E06000015', round: '2022-23', document_count: 3 },
      { area_name: 'Staffordshire County Council', hwb_area_code: 'E10000028', round: '2015-16', document_count: 3 },
    ]);
    const query = /```sql\n([\s\S]*?)```/.exec(readFileSync(new URL('../docs/schema.md', import.meta.url), 'utf8'))![1];
    const rows = await db.all<{ hwb_area_code: string; year: string }>(query);
    const keys = rows.map((r) => `${r.hwb_area_code} ${r.year}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(rows.map((r) => r.hwb_area_code))).toEqual(new Set(['E06000015', 'E10000028']));
    await db.close();
  });
});
