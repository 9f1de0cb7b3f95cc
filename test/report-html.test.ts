import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { displayNames, ragStatus } from '../src/report/assess.js';
import { heatMapSvg, riskGrid, shortenMiddle } from '../src/report/charts.js';
import { buildReport, reportCommand, renderReport } from '../src/report/command.js';
import { plannedMetricSeries } from '../src/report/compare-page.js';
import { renderPlan } from '../src/report/plan-page.js';
import { escapeHtml, html } from '../src/report/html.js';
import { loadReportData, type PlanView, type ReportData } from '../src/report/load.js';
import { riskThemes } from '../src/report/themes.js';
import { openStore, openStoreReadOnly, saveDocument } from '../src/store/db.js';
import { buildFixtureDb, revisedPlan2014, type FixtureDb } from './export-fixtures.js';

interface Element { name: string; attrs: Record<string, string>; text: string }

/** Every element with its attributes, the text inside it, and heading levels in order. */
function parse(markup: string): { elements: Element[]; headings: number[]; scripts: string[] } {
  const elements: Element[] = [];
  const open: Element[] = [];
  const headings: number[] = [];
  const scripts: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      const el = { name, attrs, text: '' };
      elements.push(el);
      open.push(el);
      if (/^h[1-6]$/.test(name)) headings.push(Number(name[1]));
    },
    ontext(text) {
      for (const el of open) el.text += text;
    },
    onclosetag(name) {
      const el = open.pop();
      if (name === 'script' && el) scripts.push(el.text);
    },
  }, { decodeEntities: true });
  parser.write(markup);
  parser.end();
  return { elements, headings, scripts };
}

function plan(overrides: Partial<PlanView>): PlanView {
  return {
    id: 1, path: 'a.pdf', areaName: 'Area', hwb: null, localAuthorities: [], ccgs: [], template: 'bcf-2014-revised',
    format: 'pdf', pages: 3, status: 'ok', failureReason: null, duplicateOf: null, removedAt: null,
    processedAt: '2026-11-23T00:00:00Z', extractorVersion: 't', sections: [{ id: 'risks.risk_log', heading: 'Risks', status: 'present', page: 2 }],
    schemes: [], budgets: [], risks: [], metrics: [], flags: [], ...overrides,
  };
}

describe('escaping', () => {
  it('escapes markup and quotes in interpolated text, but not nested html', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;');
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'" onmouseover="x'}">${inner}${['<a>', 3]}</p>`.value)
      .toBe('<p title="&quot; onmouseover=&quot;x"><b>&lt;i&gt;</b>&lt;a&gt;3</p>');
  });
});

describe('RAG status', () => {
  const flag = (code: PlanView['flags'][number]['code'], severity: 'error' | 'warning' | 'info') => ({ code, severity, message: 'm', section: null, page: null, text: null });
  it('is red for a file that could not be read, saying why', () => {
    const s = ragStatus(plan({ status: 'failed', failureReason: 'encrypted', flags: [flag('EXTRACTION_FAILED', 'error')] }));
    expect(s).toEqual({ rag: 'red', reasons: ['could not be read: password-protected: needs an unprotected copy'] });
  });
  it('says why a file could not be read in words, and keeps an unknown reason as written', () => {
    expect(ragStatus(plan({ status: 'failed', failureReason: 'no_text_layer' })).reasons).toEqual(['could not be read: scanned PDF: no text layer; needs OCR']);
    expect(ragStatus(plan({ status: 'failed', failureReason: 'gremlins' })).reasons).toEqual(['could not be read: could not be read (gremlins)']);
  });
  it('is red for any error flag, and for a missing required section even when flagged as a warning', () => {
    expect(ragStatus(plan({ flags: [flag('UNSIGNED', 'error'), flag('PLACEHOLDER_TEXT', 'warning')] })).rag).toBe('red');
    expect(ragStatus(plan({ flags: [flag('MISSING_SECTION', 'warning')] }))).toMatchObject({ rag: 'red', reasons: ['1 required section missing'] });
  });
  it('is amber for warnings, placeholder or unflagged missing sections, or an unknown template', () => {
    expect(ragStatus(plan({ flags: [flag('RISK_SCORE_MISMATCH', 'warning')] })).rag).toBe('amber');
    expect(ragStatus(plan({ sections: [{ id: 'x', heading: 'X', status: 'placeholder', page: 1 }] })).rag).toBe('amber');
    expect(ragStatus(plan({ sections: [{ id: 'finance.summary', heading: null, status: 'missing', page: null }] })).rag).toBe('amber');
    expect(ragStatus(plan({ template: 'unknown' })).reasons).toEqual(['no recognised template']);
  });
  it('lists what else is wrong after the reason for red', () => {
    const s = ragStatus(plan({ flags: [flag('UNSIGNED', 'error'), flag('PLACEHOLDER_TEXT', 'warning')], sections: [{ id: 'a', heading: null, status: 'missing', page: null }] }));
    expect(s.reasons).toEqual(['1 error flag: UNSIGNED', '1 warning flag: PLACEHOLDER_TEXT', '1 section missing']);
  });
  it('is green with only information notes', () => {
    expect(ragStatus(plan({ flags: [flag('METRIC_RATIO_MISMATCH', 'info')] })).rag).toBe('green');
  });
});

describe('risk heat map', () => {
  const r = (likelihood: number | null, impact: number | null) => ({ description: 'd', likelihood, impact, score: null, rating: null, mitigation: null, owner: null, page: null, text: null });
  it('counts risks per likelihood × impact cell and keeps unscored ones out', () => {
    const grid = riskGrid([r(4, 5), r(4, 5), r(1, 1), r(null, null), r(3, null)]);
    expect(grid.counts[3][4]).toBe(2);
    expect(grid.counts[0][0]).toBe(1);
    expect(grid).toMatchObject({ scored: 3, unscored: 2 });
    const svg = heatMapSvg(grid, 'h').value;
    expect(svg).toContain('Likelihood 4, impact 5 (score 20, extreme (15–25)): 2 risks');
    expect(svg.match(/<rect /g)).toHaveLength(25);
  });
});

describe('names side by side', () => {
  it('adds the file name only where documents share an area', () => {
    const names = displayNames([plan({ id: 1, areaName: 'A', path: '2014/a.pdf' }), plan({ id: 2, areaName: 'A', path: '2014/a.docx' }), plan({ id: 3, areaName: 'B', path: 'b.txt' })]);
    expect([...names.values()]).toEqual(['A – a.pdf', 'A – a.docx', 'B']);
  });
  it('shortens long chart labels in the middle so the distinguishing end stays', () => {
    expect(shortenMiddle('Herefordshire Health and Wellbeing Board – 007_3fa1c92e7b04d65a.docx', 44)).toBe('Herefordshire HWB – 00…3fa1c92e7b04d65a.docx');
    expect(shortenMiddle('Leicester Health and Wellbeing Board', 44)).toBe('Leicester HWB');
    const s = shortenMiddle('Leicester City Health and Well-being Board – a-very-long-file-name-for-testing.pdf', 40);
    expect(s.length).toBeLessThanOrEqual(40);
    expect(s.startsWith('Leicester City HWB')).toBe(true);
    expect(s.endsWith('testing.pdf')).toBe(true);
  });
});

describe('risk themes', () => {
  it('counts phrases and words per risk and area, dropping stop words and not bridging over them', () => {
    const themes = riskThemes([
      { area: 'A', description: 'Delayed transfers of care rise as social care budgets fall' },
      { area: 'B', description: 'Social care budgets are cut; delayed transfers increase' },
      { area: 'B', description: 'The risk that workforce may not be recruited' },
    ]);
    // all three are in two risks of two areas: ties are alphabetical
    expect(themes.phrases.map((p) => p.term)).toEqual(['care budgets', 'delayed transfers', 'social care']);
    expect(themes.phrases[1]).toEqual({ term: 'delayed transfers', risks: 2, areas: 2 });
    expect(themes.phrases.map((p) => p.term)).not.toContain('transfers care');
    const words = themes.words.map((w) => w.term);
    expect(words).toEqual(expect.arrayContaining(['budgets', 'delayed', 'social', 'transfers']));
    for (const stop of ['the', 'of', 'risk', 'may', 'care']) expect(words).not.toContain(stop);
  });

  it('counts a risk read twice for the same area (PDF and Word copies) once', () => {
    const risk = { area: 'A', description: 'Workforce shortages in domiciliary care' };
    const themes = riskThemes([risk, { ...risk, description: 'Workforce  shortages in Domiciliary care.' }, { area: 'B', description: 'Domiciliary care workforce shortages' }]);
    expect(themes.riskCount).toBe(2);
    expect(themes.words.find((w) => w.term === 'workforce')).toEqual({ term: 'workforce', risks: 2, areas: 2 });
    expect(themes.phrases.map((p) => p.term)).toEqual(['domiciliary care', 'workforce shortages']);
  });
});

describe('planned metric series', () => {
  it('charts levels only: a planned change beside a planned level is left out', () => {
    const base = { label: 'l', numerator: null, denominator: null, page: null, text: null, metric: 'non_elective_admissions', period: '2014-15', unit: 'count' } as const;
    const series = plannedMetricSeries([plan({ metrics: [{ ...base, kind: 'plan', value: 27_000 }, { ...base, kind: 'plan_change', value: 250 }] })]);
    expect(series.map((s) => s.bars.map((b) => b.value))).toEqual([[27_000]]);
    const page = renderPlan({ generatedAt: 'now', dbName: 'db', root: '../' }, plan({ metrics: [{ ...base, kind: 'plan', value: 27_000 }, { ...base, kind: 'plan_change', value: 250 }] })).value;
    const { elements } = parse(page);
    const table = elements.find((e) => e.name === 'table' && e.attrs.class === 'metric-table')!;
    expect(elements.filter((e) => e.name === 'th' && e.text === 'Planned change')).toHaveLength(1);
    // Period, then the Plan column (the level), then the Planned change column.
    expect(table.text).toMatch(/2014-15\s*27,000\s*250\s*$/);
  });

  it('takes plan values only, one series per metric and unit', () => {
    const base = { label: 'l', numerator: null, denominator: null, page: null, text: null };
    const series = plannedMetricSeries([
      plan({ id: 1, areaName: 'A', metrics: [
        { ...base, metric: 'reablement', period: '2015-16', kind: 'plan', value: 82, unit: 'percent' },
        { ...base, metric: 'reablement', period: '2013-14', kind: 'baseline', value: 79.1, unit: 'percent' },
        { ...base, metric: 'non_elective_admissions', period: '2015-16', kind: 'plan', value: 845, unit: 'count' },
        { ...base, metric: 'local', period: '2015-16', kind: 'plan', value: 5, unit: 'count' },
      ] }),
      plan({ id: 2, areaName: 'B', metrics: [{ ...base, metric: 'reablement', period: '2022-23', kind: 'plan', value: 81.7, unit: 'percent' }] }),
    ]);
    expect(series.map((s) => [s.metric, s.unit, s.bars.map((b) => [b.label, b.value])])).toEqual([
      ['non_elective_admissions', 'count', [['A', 845]]],
      ['reablement', 'percent', [['A', 82], ['B', 81.7]]],
    ]);
  });
});

describe('the report built from a test database', () => {
  let fx: FixtureDb;
  let data: ReportData;
  let pages: Map<string, string>;
  beforeAll(async () => {
    fx = await buildFixtureDb();
    const db = await openStoreReadOnly(fx.dbFile);
    data = await loadReportData(db);
    await db.close();
    pages = renderReport(data, { generatedAt: '2026-11-23 09:00 UTC', dbName: 'plansift.sqlite' });
  });

  it('has an index, a comparison and one page per plan: a readable file by its plan, a failed or removed one by itself', async () => {
    const db = await openStoreReadOnly(fx.dbFile);
    const planOf = async (id: number) => (await db.get<{ plan_id: number }>('SELECT plan_id FROM documents WHERE id = ?', [id]))!.plan_id;
    const readable = [await planOf(fx.ids.revisedPlan2014), await planOf(fx.ids.originalPlan2014), await planOf(fx.ids.plan2022)];
    await db.close();
    expect(new Set(readable).size).toBe(3); // three areas or rounds: three plans
    expect([...pages.keys()].sort()).toEqual(['compare.html', 'index.html', 'tracker.html', ...readable.map((id) => `plans/${id}.html`),
      `plans/file-${fx.ids.failed}.html`, `plans/file-${fx.ids.removed}.html`].sort());
  });

  it('reads the database back into the records it was built from', () => {
    const revised = data.plans.find((p) => p.id === fx.ids.revisedPlan2014)!;
    // Optional fields a record leaves out (a workbook cell, a block, a funding source) read back as null.
    expect(revised.risks).toEqual(revisedPlan2014.risks.map((r) => ({ ...r, cell: null, block: null })));
    expect(revised.metrics).toEqual(revisedPlan2014.metrics.map((m) => ({ ...m, cell: null, block: null })));
    expect(revised.flags).toEqual(revisedPlan2014.flags);
    expect(revised.budgets).toEqual(revisedPlan2014.budgets.map((b) => ({ ...b, source: null, cell: null, block: null })));
  });

  it('shows hostile plan text as text: no script or img element comes from the plan', () => {
    const original = pages.get(`plans/${fx.ids.originalPlan2014}.html`)!;
    expect(original).toContain('&lt;script&gt;window.__xss = 1&lt;/script&gt;');
    expect(original).toContain('&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;');
    for (const [name, markup] of pages) {
      const { elements, scripts } = parse(markup);
      expect(elements.filter((e) => e.name === 'img'), name).toEqual([]);
      expect(elements.filter((e) => Object.keys(e.attrs).some((a) => a.startsWith('on'))), name).toEqual([]);
      expect(scripts, name).toHaveLength(1);
      expect(scripts[0], name).not.toContain('__xss');
    }
  });

  it('loads nothing from outside: no external URLs, a CSP that forbids them, lang set', () => {
    for (const [name, markup] of pages) {
      const { elements } = parse(markup);
      expect(elements.find((e) => e.name === 'html')?.attrs.lang, name).toBe('en-GB');
      const urls = elements.flatMap((e) => ['src', 'href'].map((a) => e.attrs[a]).filter((v): v is string => !!v));
      expect(urls.filter((u) => /^[a-z]+:/i.test(u) || u.startsWith('//')), name).toEqual([]);
      expect(elements.filter((e) => e.name === 'link' || e.name === 'iframe' || (e.name === 'script' && e.attrs.src)), name).toEqual([]);
      const csp = elements.find((e) => e.name === 'meta' && e.attrs['http-equiv'] === 'Content-Security-Policy')?.attrs.content;
      expect(csp, name).toMatch(/^default-src 'none';/);
    }
  });

  it('has one h1, headings that never skip a level, captioned tables and scoped header cells', () => {
    for (const [name, markup] of pages) {
      const { elements, headings } = parse(markup);
      expect(headings[0], name).toBe(1);
      expect(headings.filter((h) => h === 1), name).toHaveLength(1);
      headings.forEach((h, i) => { if (i > 0) expect(h - headings[i - 1], `${name} heading ${i}`).toBeLessThanOrEqual(1); });
      const tables = elements.filter((e) => e.name === 'table').length;
      expect(elements.filter((e) => e.name === 'caption').length, name).toBe(tables);
      for (const th of elements.filter((e) => e.name === 'th')) expect(['col', 'row', 'colgroup'], `${name}: ${th.text}`).toContain(th.attrs.scope);
    }
  });

  it('index marks the removed document and states the RAG rule', () => {
    const { elements } = parse(pages.get('index.html')!);
    const removed = elements.find((e) => e.attrs.id === 'removed-plans')!;
    expect(removed.text).toContain('Leicester City Health and Well-being Board (draft)');
    expect(elements.find((e) => e.attrs.id === 'plans')!.text).not.toContain('(draft)');
    expect(elements.find((e) => e.attrs.id === 'rag-rule')!.text).toMatch(/Amber: .*Green: /s);
  });

  it('plan page lists the flags with page and quoted source text, and a text table beside the heat map', () => {
    const { elements } = parse(pages.get(`plans/${fx.ids.revisedPlan2014}.html`)!);
    const flagTable = elements.find((e) => e.attrs.id === 'flag-table')!.text;
    expect(flagTable).toContain('score 12 but likelihood 4 × impact 4 = 16');
    expect(flagTable).toContain('Data sharing: local agreements wait on a national information governance decision 4 4 12');
    expect(elements.some((e) => e.name === 'svg' && e.attrs.class === 'heatmap')).toBe(true);
    const heatTable = elements.find((e) => e.name === 'table' && e.attrs.class === 'heat-table')?.text;
    // The fixture's risks by likelihood × impact: three at 5 × 4, one each at 4 × 3, 4 × 4 and 3 × 3.
    expect(heatTable).toMatch(/Likelihood 5\s*0\s*0\s*0\s*3\s*0/);
    expect(heatTable).toMatch(/Likelihood 4\s*0\s*0\s*1\s*1\s*0/);
    expect(heatTable).toMatch(/Likelihood 3\s*0\s*0\s*1\s*0\s*0/);
  });

  it('compare page says there is no population source and shows totals', () => {
    const text = parse(pages.get('compare.html')!).elements.find((e) => e.name === 'main')!.text;
    expect(text).toMatch(/no population source/);
    expect(text).toContain('£48,316,000'); // the original 2014 plan's 2015/16 total
    expect(text).not.toContain('(draft)');
  });
});

describe('plansift report command', () => {
  afterAll(() => vi.restoreAllMocks());

  it('returns 2 with a message when there is no database', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await reportCommand({ out: `/tmp/plansift-no-db-${process.pid}` })).toBe(2);
    expect(err.mock.calls.flat().join(' ')).toMatch(/no database at/);
  });

  it('returns 2 for a file that is not a plansift database', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fx = await buildFixtureDb();
    const bogus = join(fx.dir, 'notes.sqlite');
    writeFileSync(bogus, 'not a database');
    expect(await reportCommand({ out: fx.dir, db: bogus })).toBe(2);
    expect(err.mock.calls.flat().join(' ')).toMatch(/cannot open/);
  });

  it('links each plan page to its source file, and PDF page numbers to that page of it, relative so they open from disk', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const fx = await buildFixtureDb();
    const files = await (async () => {
      const db = await openStoreReadOnly(fx.dbFile);
      try { return await buildReport(db, fx.dir, 'plansift.sqlite'); } finally { await db.close(); }
    })();
    const planFile = files.plans.get(fx.ids.revisedPlan2014)!;
    const { elements } = parse(readFileSync(planFile, 'utf8'));
    const source = elements.find((e) => e.attrs.id === 'source-link')!;
    expect(source.attrs.href).toBe('../../input/2014/leicester-city-bcf.pdf');
    expect(existsSync(join(dirname(planFile), source.attrs.href))).toBe(true);
    const flagRow = elements.find((e) => e.name === 'tr' && e.text.includes('RISK_SCORE_MISMATCH'))!;
    const links = elements.filter((e) => e.name === 'a' && e.attrs.class === 'page-link');
    expect(links.find((a) => flagRow.text.includes(a.text) && a.attrs.href.endsWith('#page=8'))?.attrs.href).toBe('../../input/2014/leicester-city-bcf.pdf#page=8');
    // Sections, budgets, schemes and risks link too: one link per paged item.
    expect(links.length).toBeGreaterThanOrEqual(revisedPlan2014.flags.length + revisedPlan2014.risks.length + revisedPlan2014.budgets.length);
    // A text plan links to its file, without page anchors; a removed plan has no link (its file is gone).
    const txt = parse(readFileSync(files.plans.get(fx.ids.plan2022)!, 'utf8')).elements;
    expect(txt.find((e) => e.attrs.id === 'source-link')?.attrs.href).toBe('../../input/2022/leicester-bcf-2022-23.txt');
    expect(txt.filter((e) => e.attrs.class === 'page-link')).toEqual([]);
    expect(parse(readFileSync(files.plans.get(fx.ids.removed)!, 'utf8')).elements.find((e) => e.attrs.id === 'source-link')).toBeUndefined();
  });

  it('index counts the files failing now, not only the last run\'s new failures; the failure is in words', async () => {
    const fx = await buildFixtureDb();
    const db = await openStoreReadOnly(fx.dbFile);
    const files = await buildReport(db, fx.dir, 'plansift.sqlite');
    await db.close();
    const { elements } = parse(readFileSync(files.index, 'utf8'));
    const line = elements.find((e) => e.attrs.id === 'last-run')!.text.replace(/\s+/g, ' ');
    expect(line).toContain('0 processed (0 of them failed)');
    expect(line).toContain('1 file cannot be read now');
    expect(elements.find((e) => e.attrs.id === 'plans')!.text).toContain('could not be read: password-protected: needs an unprotected copy');
    const failedPage = readFileSync(files.plans.get(fx.ids.failed)!, 'utf8');
    expect(failedPage).toContain('This file could not be read: password-protected: needs an unprotected copy.');
  });

  it('writes the site and, when rebuilt, drops pages of documents no longer in the database', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const fx = await buildFixtureDb();
    expect(await reportCommand({ out: fx.dir })).toBe(0);
    expect(readdirSync(join(fx.dir, 'report')).sort()).toEqual(['compare.html', 'index.html', 'plans', 'tracker.html']);
    expect(existsSync(join(fx.dir, 'report', 'plans', `file-${fx.ids.failed}.html`))).toBe(true);

    const db = await openStore(fx.dbFile);
    await db.run('DELETE FROM documents WHERE id = ?', [fx.ids.failed]);
    await saveDocument(db, { ...revisedPlan2014, source: { ...revisedPlan2014.source, file: '2016/new.pdf' } }, { size: 1, mtimeMs: 1, status: 'ok', failureReason: null, duplicateOf: null });
    const files = await buildReport(db, fx.dir, 'plansift.sqlite');
    await db.close();
    expect(existsSync(join(fx.dir, 'report', 'plans', `file-${fx.ids.failed}.html`))).toBe(false);
    expect(files.plans.size).toBe(5);
    expect(readFileSync(files.index, 'utf8')).toContain('2016/new.pdf');
    expect(readdirSync(fx.dir).filter((f) => f.startsWith('.report-'))).toEqual([]);
  });
});
