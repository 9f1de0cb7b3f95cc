// The published contract: docs/record.schema.json is what zod generates, it validates every record `plansift run`
// writes (fixtures, a 300-file synthetic corpus and, where present, ../shared/corpus) and the test database's records, and rejects what the
// schema forbids; docs/record.md's JSON <-> SQLite <-> CSV table names every record field and only real columns.
// The synthetic and corpus runs' CSV exports are also read back and compared with their databases, cell by cell.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_TABLES } from '../src/export/tables.js';
import { recordJsonSchema, recordJsonSchemaText } from '../src/record/jsonSchema.js';
import { openStoreReadOnly, type Database } from '../src/store/db.js';
import { DB_SCHEMA } from '../src/store/schema.js';
import { compareExports } from './csv-readback.js';
import { revisedPlan2014, plan2022, failedPlan, removedPlan, originalPlan2014 } from './export-fixtures.js';
import { haveShared, SHARED_DIR } from './shared.js';

const SCHEMA_FILE = new URL('../docs/record.schema.json', import.meta.url);
const published = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(published);
const errors = (record: unknown) => (validate(record) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

const tmp = mkdtempSync(join(tmpdir(), 'plansift-contract-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `plansift run INPUT --out OUT` with the built CLI; the records it wrote. */
function runCli(input: string, out: string): { status: number | null; records: { file: string; json: unknown }[] } {
  const r = spawnSync(process.execPath, [resolve('bin/plansift.js'), 'run', input, '--out', out, '--quiet'], { encoding: 'utf8', timeout: 300_000 });
  const dir = join(out, 'records');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
  return { status: r.status, records: files.map((f) => ({ file: f, json: JSON.parse(readFileSync(join(dir, f), 'utf8')) })) };
}

describe('docs/record.schema.json', () => {
  it('is the JSON Schema generated from the zod schemas (regenerate with `npm run schema`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(recordJsonSchemaText());
    expect(published.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('validates the test database records', () => {
    for (const r of [revisedPlan2014, originalPlan2014, plan2022, failedPlan, removedPlan]) expect(errors(r), r.source.file).toEqual([]);
  });

  it('rejects what the record forbids: a year in the old form, an unknown metric kind, a missing field, an extra one', () => {
    const bad = structuredClone(revisedPlan2014) as unknown as Record<string, unknown> & { budgets: { year: string }[]; metrics: { kind: string }[] };
    bad.budgets[0].year = '2014/15';
    bad.metrics[0].kind = 'forecast';
    expect(errors(bad).join('\n')).toMatch(/\/budgets\/0\/year must match pattern[\s\S]*\/metrics\/0\/kind must be equal to one of the allowed values/);
    const { template: _t, ...noTemplate } = revisedPlan2014;
    expect(errors(noTemplate).join(' ')).toMatch(/must have required property 'template'/);
    expect(errors({ ...revisedPlan2014, surprise: 1 }).join(' ')).toMatch(/must NOT have additional properties/);
  });

  it('validates every record `plansift run` writes on fixtures/ (sample plans in every format, broken files)', () => {
    const { status, records } = runCli('fixtures', join(tmp, 'fixtures'));
    expect(status).toBe(1); // the broken files fail, each with a record
    expect(records.length).toBeGreaterThanOrEqual(20);
    for (const r of records) expect(errors(r.json), r.file).toEqual([]);
  }, 300_000);

  describe.skipIf(!haveShared('corpus', 'record contract: the corpus run (schema and CSV read-back)'))('on ../shared/corpus', () => {
    const out = join(tmp, 'corpus');
    it('validates every record `plansift run` writes on the corpus', () => {
      const { status, records } = runCli(join(SHARED_DIR, 'corpus'), out);
      expect(status).toBe(0);
      expect(records.length).toBeGreaterThanOrEqual(9);
      for (const r of records) expect(errors(r.json), r.file).toEqual([]);
    }, 300_000);

    it("every CSV export of the corpus run parses back with the database's rows and cells", async () => {
      const db = await openStoreReadOnly(join(out, 'plansift.sqlite'));
      try {
        const counts = await compareExports(db, out);
        expect(counts.documents).toBeGreaterThanOrEqual(9); // documents.csv: one row per file
        await expectEveryFileInOnePlan(db, counts);
        expect(counts.risks).toBeGreaterThan(0);
      } finally {
        await db.close();
      }
    });
  });
});

/** plans.csv (one row per area and round) holds every readable file of the run exactly once. */
async function expectEveryFileInOnePlan(db: Database, counts: Record<string, number>): Promise<void> {
  const [ok] = await db.all<{ n: number; plans: number }>("SELECT COUNT(*) AS n, COUNT(DISTINCT plan_id) AS plans FROM documents WHERE status = 'ok' AND plan_id IS NOT NULL");
  const [all] = await db.all<{ n: number }>("SELECT COUNT(*) AS n FROM documents WHERE status = 'ok'");
  const [grouped] = await db.all<{ files: number }>('SELECT SUM(document_count) AS files FROM plans');
  expect(ok.n, 'every readable file has a plan').toBe(all.n);
  expect(counts.plans).toBeGreaterThanOrEqual(1);
  expect(counts.plans).toBe(ok.plans);
  expect(grouped.files).toBe(all.n);
}

/** A corpus of `n` plan files made from fixtures/sample, each copy's bytes unique (as scripts/bench.mjs does). */
function syntheticCorpus(dir: string, n: number): void {
  const sample = resolve('fixtures/sample');
  const files = readdirSync(sample).filter((f) => /\.(pdf|docx|txt)$/.test(f)).sort();
  for (let i = 0; i < n; i++) {
    const f = files[i % files.length];
    const bytes = readFileSync(join(sample, f));
    const tag = Buffer.from(f.endsWith('.pdf') ? `\n% variant ${i}\n` : `\n\nReference: variant ${i}\n`); // after %%EOF a PDF reader ignores it
    const folder = join(dir, `batch-${Math.floor(i / 50)}`);
    mkdirSync(folder, { recursive: true });
    // A .docx is a zip: appended bytes would break it, so copies of it stay identical (recorded as duplicates).
    writeFileSync(join(folder, `${i}-${f}`), f.endsWith('.docx') ? bytes : Buffer.concat([bytes, tag]));
  }
}

describe('a 300-file synthetic corpus through plansift run', () => {
  it('every record validates against docs/record.schema.json and every CSV export parses back as the database', async () => {
    const input = join(tmp, 'synthetic-in');
    const out = join(tmp, 'synthetic-out');
    syntheticCorpus(input, 300);
    const { status, records } = runCli(input, out);
    expect(status).toBe(0);
    expect(records).toHaveLength(300);
    for (const r of records) expect(errors(r.json), r.file).toEqual([]);
    const db = await openStoreReadOnly(join(out, 'plansift.sqlite'));
    try {
      const counts = await compareExports(db, out);
      expect(counts.documents).toBe(300); // documents.csv: one row per file
      await expectEveryFileInOnePlan(db, counts);
      expect(counts.risks).toBeGreaterThan(300);
    } finally {
      await db.close();
    }
  }, 600_000);
});

/** Every leaf of the record as a dotted path with [] for arrays ("budgets[].amountGbp"), from the JSON Schema. */
function leaves(schema: Record<string, unknown>, prefix = ''): string[] {
  const node = (schema.anyOf as Record<string, unknown>[] | undefined)?.find((s) => s.type !== 'null') ?? schema;
  if (node.type === 'array') return leaves(node.items as Record<string, unknown>, `${prefix}[]`);
  if (node.type === 'object' && node.properties) {
    const props = node.properties as Record<string, Record<string, unknown>>;
    // A list of strings (area.localAuthorities) is one field, not a structure.
    return Object.entries(props).flatMap(([k, v]) => {
      const inner = (v.anyOf as Record<string, unknown>[] | undefined)?.find((s) => s.type !== 'null') ?? v;
      const path = prefix ? `${prefix}.${k}` : k;
      const isStructure = inner.type === 'object' || (inner.type === 'array' && (inner.items as Record<string, unknown>).type === 'object');
      return isStructure ? leaves(v, path) : [path];
    });
  }
  return [prefix];
}

describe('docs/record.md', () => {
  const doc = readFileSync(new URL('../docs/record.md', import.meta.url), 'utf8');
  const start = doc.indexOf('## Names: JSON record ↔ SQLite ↔ CSV');
  const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
  const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| JSON') && !l.startsWith('|---'))
    .map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, '').trim()));
  const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

  const dbColumns = new Map<string, Set<string>>();
  for (const m of DB_SCHEMA.matchAll(/CREATE TABLE IF NOT EXISTS (\w+) \(([\s\S]*?)\n\);/g)) {
    dbColumns.set(m[1], new Set(m[2].split('\n').map((l) => l.trim().match(/^(\w+)\s+(INTEGER|TEXT|REAL)/)?.[1]).filter((c): c is string => !!c)));
  }
  const csvColumns = new Map(EXPORT_TABLES.map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));

  it('shows schemaVersion 2 in its example, matching the zod schema', () => {
    expect(start).toBeGreaterThan(-1);
    expect(doc).toContain(`"schemaVersion": ${(recordJsonSchema().properties as { schemaVersion: { const: number } }).schemaVersion.const}`);
  });

  it('names every field of the record in the JSON <-> SQLite <-> CSV table', () => {
    // Rows starting with — are database or CSV names with no record field of their own.
    const documented = new Set(rows.filter((r) => !r[0].startsWith('—')).flatMap((r) => code(r[0])));
    const missing = leaves(recordJsonSchema()).filter((p) => !documented.has(p));
    expect(missing, 'add these fields to the table in docs/record.md').toEqual([]);
    for (const p of documented) expect(leaves(recordJsonSchema()), `docs/record.md names ${p}, which the record does not have`).toContain(p);
  });

  it('names only real SQLite and CSV columns', () => {
    expect(rows.length).toBeGreaterThan(40);
    for (const [, sql, csv] of rows) {
      for (const name of code(sql).filter((n) => n.includes('.'))) {
        const [table, column] = name.split('.');
        expect(dbColumns.get(table)?.has(column), `SQLite ${name}`).toBe(true);
      }
      for (const name of code(csv).filter((n) => n.includes('.'))) {
        const [file, column] = name.split('.');
        expect(csvColumns.get(file)?.has(column), `CSV ${name}`).toBe(true);
      }
    }
  });
});
