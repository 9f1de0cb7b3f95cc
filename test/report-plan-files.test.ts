// A plan of several files in the report (issue 14): a Part 1 narrative (fixtures/pairs) and its Part 2 workbook
// (fixtures/workbooks) of the same area and round, run through the real pipeline, then the report built from the
// database. What the pages must show is taken from the fixtures' expected.json (the facts the fixture script built
// in), never from the program's output.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../src/pipeline/run.js';
import { gather, budgetKey, planGroup, standingFiles } from '../src/report/plan-groups.js';
import { buildReport, type ReportFiles } from '../src/report/command.js';
import { formatGbp } from '../src/report/assess.js';
import type { PlanView } from '../src/report/load.js';
import type { Budget, Flag } from '../src/record/schema.js';
import { openStoreReadOnly } from '../src/store/db.js';

const PART1 = 'ashby-2014-part1';
const PART2 = 'ashby-2014-part2';
const expected = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { budgets: Budget[]; metrics: unknown[]; sections: { id: string; status: string }[] };
const part1 = expected(`fixtures/pairs/${PART1}.expected.json`);
const part2 = expected(`fixtures/workbooks/${PART2}.expected.json`);
const year = (y: string | null) => (y ? y.replace('/', '-') : null);

const text = (el: Element) => DomUtils.textContent(el).replace(/\s+/g, ' ').trim();
const byId = (root: ReturnType<typeof parseDocument>, id: string) => DomUtils.getElementById(id, root.children) as Element | null;
const rowsOf = (table: Element | null) => (table ? (DomUtils.getElementsByTagName('tr', table) as Element[]).filter((tr) => tr.parent && (tr.parent as Element).name === 'tbody') : []);
const cells = (tr: Element) => tr.children.filter((c): c is Element => c.type === 'tag').map(text);

interface Built { out: string; files: ReportFiles; planIds: Map<string, number | null> }

async function buildFrom(inputs: string[]): Promise<Built> {
  const out = mkdtempSync(join(tmpdir(), 'plansift-plan-files-'));
  const input = join(out, 'input');
  mkdirSync(input);
  for (const f of inputs) {
    const to = join(input, f.split('/').pop()!);
    copyFileSync(f, to);
    // The narrative saved after the workbook: it is the plan's current file, so the workbook is preferred for its
    // figures on its merits, not for being current.
    const when = new Date(f.endsWith('.xlsx') ? '2014-03-01T12:00:00Z' : '2014-04-04T12:00:00Z');
    utimesSync(to, when, when);
  }
  await runPipeline({ input, outDir: out, timeoutMs: 120_000, maxMemoryMb: 512, concurrency: 2 });
  const db = await openStoreReadOnly(join(out, 'plansift.sqlite'));
  try {
    const rows = await db.all<{ path: string; plan_id: number | null }>('SELECT path, plan_id FROM documents');
    const files = await buildReport(db, out, 'plansift.sqlite');
    return { out, files, planIds: new Map(rows.map((r) => [r.path, r.plan_id])) };
  } finally {
    await db.close();
  }
}

describe('a Part 1 narrative and its Part 2 workbook in the report', { timeout: 180_000 }, () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildFrom([`fixtures/pairs/${PART1}.docx`, `fixtures/workbooks/${PART2}.xlsx`]);
  }, 180_000);
  afterAll(() => rmSync(built.out, { recursive: true, force: true }));

  const planPage = () => parseDocument(readFileSync(join(built.out, 'report', 'plans', `${built.planIds.get(`${PART1}.docx`)}.html`), 'utf8'));

  it('are one plan: one index row naming both files, linking to the plan page', () => {
    const planId = built.planIds.get(`${PART1}.docx`);
    expect(planId).not.toBeNull();
    expect(built.planIds.get(`${PART2}.xlsx`)).toBe(planId);
    const index = parseDocument(readFileSync(built.files.index, 'utf8'));
    const rows = rowsOf(byId(index, 'plans'));
    expect(rows).toHaveLength(1);
    expect(text(rows[0])).toContain(`${PART1}.docx`);
    expect(text(rows[0])).toContain(`${PART2}.xlsx`);
    const link = DomUtils.findOne((e) => e.name === 'a', rows[0].children) as Element;
    expect(link.attribs.href).toBe(`plans/${planId}.html`);
    expect(new Set(built.files.plans.values())).toEqual(new Set([join(built.out, 'report', 'plans', `${planId}.html`)]));
  });

  it('the plan page lists both files, and is green though the narrative alone lacks the Part 2 sections', () => {
    const doc = planPage();
    const files = rowsOf(byId(doc, 'file-table')).map((r) => cells(r));
    expect(files.map((c) => [c[0], c[3]])).toEqual([[`${PART1}.docx`, 'document, current'], [`${PART2}.xlsx`, 'workbook']]);
    // The narrative alone: its three optional Part 2 sections are missing (amber); the workbook has them.
    expect(part1.sections.filter((s) => s.status === 'missing').map((s) => s.id)).toEqual(['finance.summary', 'finance.schemes', 'metrics.outcomes']);
    expect(files.find((c) => c[0] === `${PART1}.docx`)![4]).toMatch(/^Amber 3 sections missing/);
    const lede = DomUtils.findOne((e) => e.attribs?.class === 'lede', doc.children) as Element;
    expect(text(lede)).toMatch(/^Green/);
    for (const id of ['finance.summary', 'finance.schemes', 'metrics.outcomes']) {
      const row = cells(byId(doc, `sec-${id}`)!);
      expect(row.slice(2, 4), id).toEqual(['✓ Present', `${PART2}.xlsx`]);
    }
    expect(cells(byId(doc, 'sec-plan_details.summary')!).slice(2, 4)).toEqual(['✓ Present', `${PART1}.docx`]);
  });

  it('budgets come from both files, each row naming its file; a figure both state is shown once, from the workbook', () => {
    const doc = planPage();
    const rows = [...rowsOf(byId(doc, 'budget-headline')), ...rowsOf(byId(doc, 'budget-spend'))].map(cells);
    // Headline rows: figure, year, amount, label, as written, file, page; spend rows have a funding source column more.
    const fileOf = (c: string[]) => c[c.length - 2];
    expect(rows.filter((c) => fileOf(c) === `${PART2}.xlsx`)).toHaveLength(part2.budgets.length);
    // The narrative's figures the workbook does not state (same kind and year) are its own rows.
    const stated = new Set(part2.budgets.map((b) => `${b.kind}|${year(b.year)}`));
    const ownPart1 = part1.budgets.filter((b) => !stated.has(`${b.kind}|${year(b.year)}`));
    expect(ownPart1.map((b) => `${b.kind} ${year(b.year)}`)).toEqual(['minimum_pooled_budget 2014-15', 'total_pooled_budget 2014-15']);
    expect(rows.filter((c) => fileOf(c) === `${PART1}.docx`).map((c) => [c[1], c[2]])).toEqual(ownPart1.map((b) => [year(b.year), formatGbp(b.amountGbp)]));
    // Both state the 2015-16 minimum alike: one row, the workbook's. Both state the 2015-16 total, differently: the
    // workbook's row, saying what the narrative states.
    for (const kind of ['minimum_pooled_budget', 'total_pooled_budget'] as const) {
      const mine = part1.budgets.find((b) => b.kind === kind && year(b.year) === '2015-16')!;
      const theirs = part2.budgets.find((b) => b.kind === kind && year(b.year) === '2015-16')!;
      const label = kind === 'minimum_pooled_budget' ? 'Minimum required pooled budget' : 'Total pooled budget';
      const shown = rows.filter((c) => c[0] === label && c[1] === '2015-16');
      expect(shown, kind).toHaveLength(1);
      expect(fileOf(shown[0])).toBe(`${PART2}.xlsx`);
      // (textContent runs the line the <br> breaks into the amount)
      expect(shown[0][2]).toBe(mine.amountGbp === theirs.amountGbp ? formatGbp(theirs.amountGbp) : `${formatGbp(theirs.amountGbp)}${PART1}.docx states ${formatGbp(mine.amountGbp)}`);
    }
    // The fixture differs there on purpose (so the check above saw both cases).
    expect(part1.budgets.find((b) => b.kind === 'total_pooled_budget' && year(b.year) === '2015-16')!.amountGbp).not.toBe(
      part2.budgets.find((b) => b.kind === 'total_pooled_budget' && year(b.year) === '2015-16')!.amountGbp);
  });

  it('the example queries of docs/schema.md take each figure from the plan\'s most reliable file stating it', async () => {
    const [pooled, , reablement] = [.../```sql\n([\s\S]*?)```/g[Symbol.matchAll](readFileSync('docs/schema.md', 'utf8'))].map((m) => m[1]);
    const db = await openStoreReadOnly(join(built.out, 'plansift.sqlite'));
    try {
      const totals = await db.all<{ year: string; total_pooled_budget_gbp: number; file: string }>(pooled);
      const t = (from: typeof part1, y: string) => from.budgets.find((b) => b.kind === 'total_pooled_budget' && year(b.year) === y)!.amountGbp;
      // 2014-15 only the narrative states; 2015-16 both (differently): the workbook's.
      expect(totals.map((r) => [r.year, r.total_pooled_budget_gbp, r.file])).toEqual([
        ['2014-15', t(part1, '2014-15'), `${PART1}.docx`], ['2015-16', t(part2, '2015-16'), `${PART2}.xlsx`]]);
      const rows = await db.all<{ period: string; baseline_or_actual: number | null; plan: number | null; files: string }>(reablement);
      const wb = (part2.metrics as { metric: string; period: string; kind: string; value: number }[]).filter((m) => m.metric === 'reablement');
      expect(rows.map((r) => [r.period, r.baseline_or_actual ?? r.plan, r.files])).toEqual(wb.map((m) => [m.period, m.value, `${PART2}.xlsx`]));
    } finally {
      await db.close();
    }
  });

  it('metrics (only in the workbook) name the workbook on every row', () => {
    const doc = planPage();
    const tables = DomUtils.findAll((e) => e.attribs?.class === 'metric-table', doc.children);
    expect(tables.length).toBeGreaterThan(0);
    const rows = tables.flatMap((t) => rowsOf(t)).map(cells);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r[r.length - 1], r[0]).toBe(`${PART2}.xlsx`);
    // Every period of the workbook's metrics has a row.
    expect(rows.length).toBeGreaterThanOrEqual(new Set((part2.metrics as { metric: string; label: string; period: string }[]).map((m) => `${m.label}|${m.period}`)).size);
  });
});

describe('the same narrative twice (.docx and .txt) beside the workbook', { timeout: 180_000 }, () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildFrom([`fixtures/pairs/${PART1}.docx`, `fixtures/pairs/${PART1}.txt`, `fixtures/workbooks/${PART2}.xlsx`]);
  }, 180_000);
  afterAll(() => rmSync(built.out, { recursive: true, force: true }));

  it('is one plan of three files, and a figure the two copies both state is one row', () => {
    expect(new Set(built.planIds.values()).size).toBe(1);
    const index = parseDocument(readFileSync(built.files.index, 'utf8'));
    expect(rowsOf(byId(index, 'plans'))).toHaveLength(1);
    const doc = parseDocument(readFileSync([...built.files.plans.values()][0], 'utf8'));
    expect(rowsOf(byId(doc, 'file-table'))).toHaveLength(3);
    const rows = rowsOf(byId(doc, 'budget-headline')).map(cells);
    const min1415 = rows.filter((c) => c[0] === 'Minimum required pooled budget' && c[1] === '2014-15');
    expect(min1415).toHaveLength(1);
    expect([`${PART1}.docx`, `${PART1}.txt`]).toContain(min1415[0][5]);
  });
});

describe('gathering a plan\'s figures', () => {
  const file = (id: number, path: string, format: string, o: Partial<PlanView> = {}): PlanView => ({
    id, path, areaName: 'A', hwb: null, localAuthorities: [], ccgs: [], template: 'bcf-2014-original', format, pages: null,
    status: 'ok', failureReason: null, duplicateOf: null, removedAt: null, processedAt: 't', extractorVersion: 't',
    sections: [], schemes: [], budgets: [], risks: [], metrics: [], flags: [], notes: [], ...o,
  });
  const spend = (amountGbp: number, label: string): Budget => ({ kind: 'scheme_spend', year: '2015-16', amountGbp, scheme: 'Home First', source: null, label, text: formatGbp(amountGbp), page: null });

  it('keeps a workbook\'s two rows under one figure, and flags a narrative only when its total differs', () => {
    const wb = file(2, 'p2.xlsx', 'xlsx', { budgets: [spend(2_400_000, 'Recurrent'), spend(150_000, 'Non-recurrent')] });
    const agrees = gather([file(1, 'p1.docx', 'docx', { budgets: [spend(2_550_000, 'Total')] }), wb], (f) => f.budgets, budgetKey, (b) => b.amountGbp);
    expect(agrees.map((b) => [b.amountGbp, b.from?.path, b.differs ?? null])).toEqual([[2_400_000, 'p2.xlsx', null], [150_000, 'p2.xlsx', null]]);
    const disagrees = gather([file(1, 'p1.docx', 'docx', { budgets: [spend(2_600_000, 'Total')] }), wb], (f) => f.budgets, budgetKey, (b) => b.amountGbp);
    expect(disagrees.map((b) => b.differs)).toEqual([[{ path: 'p1.docx', value: 2_600_000 }], [{ path: 'p1.docx', value: 2_600_000 }]]);
  });

  it('judges a plan by its current workbook and current other file: a superseded draft\'s flags do not count', () => {
    const flag: Flag = { code: 'MISSING_SECTION', severity: 'error', message: 'm', section: 'x', page: null, text: null };
    const files = [file(3, 'final.docx', 'docx'), file(2, 'part2.xlsx', 'xlsx'), file(1, 'draft.docx', 'docx', { flags: [flag] })];
    expect(standingFiles(files).map((f) => f.path)).toEqual(['final.docx', 'part2.xlsx']);
    const g = planGroup(files, { id: 7, documentIds: [3, 2, 1], round: '2015-16' });
    expect(g.flags).toEqual([]);
    expect(g.page).toBe('plans/7.html');
    expect(g.files.map((f) => f.path)).toEqual(['final.docx', 'part2.xlsx', 'draft.docx']);
  });
});
