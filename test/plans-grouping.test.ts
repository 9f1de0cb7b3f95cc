// Plans above files: the files of one HWB area and round grouped into one plan with a current file.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { exportCommand } from '../src/export/command.js';
import { resolveArea } from '../src/fields/area/codes.js';
import { isoDate, planDate } from '../src/fields/area/dated.js';
import { loadTemplates } from '../src/segment/index.js';
import { runPipeline } from '../src/pipeline/run.js';
import { PlanRecordSchema, SCHEMA_VERSION, type PlanRecord } from '../src/record/schema.js';
import { openStore, openStoreReadOnly, saveDocument, type FileMeta } from '../src/store/db.js';
import { groupPlans } from '../src/store/plans.js';

const meta = (mtimeMs: number, status: FileMeta['status'] = 'ok'): FileMeta => ({ size: 1000, mtimeMs, status, failureReason: status === 'failed' ? 'corrupt' : null, duplicateOf: null });

function record(file: string, opts: { round: string | null; code: string | null; hwb: string | null; date?: string | null; format?: 'pdf' | 'docx' | 'txt' }): PlanRecord {
  return PlanRecordSchema.parse({
    schemaVersion: SCHEMA_VERSION, extractorVersion: 'test', template: 'unknown',
    source: { file, sha256: file.padEnd(64, '0').slice(0, 64), format: opts.format ?? 'pdf', pages: null },
    round: opts.round, planDate: opts.date ?? null,
    area: { localAuthorities: [], ccgs: [], healthAndWellbeingBoard: opts.hwb, hwbAreaCode: opts.code },
    sections: [], schemes: [], risks: [], metrics: [], flags: [],
    budgets: [{ kind: 'total_pooled_budget', year: '2015-16', amountGbp: file.length * 1000, scheme: null, label: 'Total', text: 'x', page: null }],
  });
}

describe('grouping files into plans', () => {
  it('three formats of one plan, a draft and a final, a failed and a removed file, an unmatched area', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plansift-plans-'));
    const db = await openStore(join(dir, 'plansift.sqlite'));
    const leeds = { round: '2015-16', code: 'E08000035', hwb: 'Leeds Health and Well-being Board', date: '2014-09-11' };
    const ids = {
      txt: await saveDocument(db, record('leeds/plan.txt', { ...leeds, format: 'txt' }), meta(3000)),
      docx: await saveDocument(db, record('leeds/plan.docx', { ...leeds, format: 'docx' }), meta(1000)),
      pdf: await saveDocument(db, record('leeds/plan.pdf', leeds), meta(2000)),
      // Same area, next round: a plan of its own under the same code.
      leeds22: await saveDocument(db, record('leeds/2022.pdf', { round: '2022-23', code: 'E08000035', hwb: 'Leeds Health and Wellbeing Board' }), meta(500)),
      // A draft saved after the final (newer mtime), but the final states the later date.
      final: await saveDocument(db, record('kent/final.pdf', { round: '2015-16', code: 'E10000016', hwb: 'Kent HWB', date: '2014-04-04' }), meta(100)),
      draft: await saveDocument(db, record('kent/draft.pdf', { round: '2015-16', code: 'E10000016', hwb: 'Kent HWB', date: '2014-02-14' }), meta(900)),
      failed: await saveDocument(db, record('broken.pdf', { round: null, code: null, hwb: null }), meta(100, 'failed')),
      gone: await saveDocument(db, record('kent/old.pdf', { round: '2015-16', code: 'E10000016', hwb: 'Kent HWB', date: '2015-01-01' }), meta(100)),
      unmatched: await saveDocument(db, record('elsewhere.txt', { round: '2015-16', code: null, hwb: 'Northby Health and Wellbeing Board' }), meta(100)),
    };
    await db.run("UPDATE documents SET status = 'removed', removed_at = 'x' WHERE id = ?", [ids.gone]);
    expect(await groupPlans(db)).toBe(4);
    const plans = await db.all<Record<string, unknown>>('SELECT * FROM plans ORDER BY area_name, round');
    expect(plans.map((p) => [p.area_name, p.hwb_area_code, p.round, p.document_count])).toEqual([
      ['Kent County Council', 'E10000016', '2015-16', 2],
      ['Leeds City Council', 'E08000035', '2015-16', 3],
      ['Leeds City Council', 'E08000035', '2022-23', 1],
      ['Northby Health and Wellbeing Board', null, '2015-16', 1],
    ]);
    // Three formats stating the same date: the most recently modified is current.
    expect(plans[1].current_document_id).toBe(ids.txt);
    expect(JSON.parse(String(plans[1].document_ids))).toEqual([ids.txt, ids.pdf, ids.docx]);
    // The final, by the date it states, though the draft was modified later; the removed file is in no plan.
    expect(plans[0].current_document_id).toBe(ids.final);
    expect(JSON.parse(String(plans[0].paths))).toEqual(['kent/final.pdf', 'kent/draft.pdf']);
    const planOf = new Map((await db.all<{ id: number; plan_id: number | null }>('SELECT id, plan_id FROM documents')).map((r) => [r.id, r.plan_id]));
    expect(planOf.get(ids.failed)).toBeNull();
    expect(planOf.get(ids.gone)).toBeNull();
    expect(planOf.get(ids.docx)).toBe(plans[1].id);

    // Regrouping keeps plan ids; a plan whose files are all gone disappears.
    const before = plans[1].id;
    await db.run("UPDATE documents SET status = 'removed' WHERE id = ?", [ids.leeds22]);
    expect(await groupPlans(db)).toBe(3);
    expect((await db.get<{ id: number }>("SELECT id FROM plans WHERE plan_key = 'E08000035|2015-16'"))?.id).toBe(before);
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
    await saveDocument(db, record('a.pdf', { round: '2015-16', code: 'E08000035', hwb: null }), meta(1));
    expect(await groupPlans(db)).toBe(1);
    // Export of a database no run has upgraded says what to do.
    await db.exec('DROP TABLE plans');
    await db.close();
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await exportCommand({ out: dir })).toBe(2);
    expect(err.mock.calls.flat().join(' ')).toMatch(/no such table: plans.*older plansift; run plansift run/);
    err.mockRestore();
  });
});

describe('the date a plan states', () => {
  it('reads submitted/agreed/signed dates in the ways plans write them, the latest wins', () => {
    expect(planDate('Date agreed at Health and Well-Being Board:\t18/09/2014\nDate submitted:\t19/09/2014')).toBe('2014-09-19');
    expect(planDate('Date submitted: 14/01/15')).toBe('2015-01-14');
    expect(planDate('Signed off by the Health and Wellbeing Board on 30th June 2022.')).toBe('2022-06-30');
    expect(planDate('Date to be agreed at Health and Well-Being Board:\nDate submitted:\n')).toBeNull();
    expect(isoDate('1 March 2023')).toBe('2023-03-01');
    expect(isoDate('31/02/20x')).toBeNull();
  });
});

const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;
const GOLD = new URL('../../shared/gold/', import.meta.url).pathname;
if (!existsSync(CORPUS)) console.warn('plans-grouping: corpus test skipped, ../shared/corpus is absent');
describe.skipIf(!existsSync(CORPUS))('on the corpus', () => {
  it('one plan per area and round, each with its three formats; the pooled-budget query gives one row per area and year', async () => {
    // Expected plans from the gold records: each gold area's code (by the gazetteer) and its template's round.
    const templates = loadTemplates();
    const expected = new Map<string, number>();
    for (const f of readdirSync(GOLD).filter((n) => /^\d+_[0-9a-f]+\.json$/.test(n))) {
      const gold = JSON.parse(readFileSync(join(GOLD, f), 'utf8'));
      const round = templates.find((t) => t.id === gold.template)!.round!;
      const key = `${resolveArea(gold.area, round).hwbAreaCode}|${round}`;
      expected.set(key, (expected.get(key) ?? 0) + 3); // .txt, .docx and .pdf of each
    }
    const out = mkdtempSync(join(tmpdir(), 'plansift-plans-corpus-'));
    await runPipeline({ input: CORPUS, outDir: out, timeoutMs: 120_000, maxMemoryMb: 512, concurrency: 2 });
    const db = await openStoreReadOnly(join(out, 'plansift.sqlite'));
    const plans = await db.all<{ plan_key: string; document_count: number }>('SELECT plan_key, document_count FROM plans');
    expect(new Map(plans.map((p) => [p.plan_key, p.document_count]))).toEqual(expected);
    // Two rounds of one area share its code (the same council named differently in each round).
    const codes = [...expected.keys()].map((k) => k.split('|')[0]);
    expect(new Set(codes).size).toBeLessThan(codes.length);
    const query = /```sql\n([\s\S]*?)```/.exec(readFileSync(new URL('../docs/schema.md', import.meta.url), 'utf8'))![1];
    const rows = await db.all<{ hwb_area_code: string; year: string }>(query);
    const keys = rows.map((r) => `${r.hwb_area_code} ${r.year}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(rows.map((r) => r.hwb_area_code))).toEqual(new Set(codes));
    await db.close();
  });
});

describe('the current file of a plan whose files tie on date and modification time', () => {
  it('is chosen by path, whatever order the workers stored them in', async () => {
    const { orderFiles } = await import('../src/store/plans.js');
    const file = (id: number, path: string) => ({ id, path, plan_date: '2014-04-04', mtime_ms: 1000 });
    const stored = [file(1, 'plans/eastham.txt'), file(2, 'plans/eastham.docx'), file(3, 'plans/eastham.pdf')];
    const current = (docs: typeof stored) => orderFiles(docs).map((d) => d.path);
    expect(current(stored)).toEqual(['plans/eastham.docx', 'plans/eastham.pdf', 'plans/eastham.txt']);
    expect(current([...stored].reverse().map((d, k) => ({ ...d, id: k + 1 })))).toEqual(['plans/eastham.docx', 'plans/eastham.pdf', 'plans/eastham.txt']);
  });
});
