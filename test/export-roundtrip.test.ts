// Every CSV export read back with a real CSV parser (csv-parse, not our writer's library) must give the database's
// rows and cells: same row count, same width, every cell equal to the column's value (text neutralised against
// formulas by a leading apostrophe, numbers as written, null empty). Hostile text covers every way a cell can break.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toCsv, type Column } from '../src/export/csv.js';
import { openStore, openStoreReadOnly, saveDocument, type Database } from '../src/store/db.js';
import { groupPlans } from '../src/store/plans.js';
import { PlanRecordSchema, SCHEMA_VERSION, type PlanRecord } from '../src/record/schema.js';
import { compareExports, expectedCell, readBack } from './csv-readback.js';
import { buildFixtureDb } from './export-fixtures.js';

/** Text that breaks naive CSV: line ends of every kind, quotes, delimiters, formula starts, spaces, non-ASCII. */
const HOSTILE = [
  'line one\nline two',
  'x\n=1+2',
  'carriage\rreturn only',
  'windows\r\nline end',
  'trailing line feed\n',
  '\nleading line feed',
  'say "hello", then leave',
  '""',
  'a, b, c',
  'tab\tinside',
  '\tleading tab',
  '=1+2',
  '=HYPERLINK("http://evil.example","x")',
  '+44 1623 000000',
  '-2+3 recruitment',
  '@SUM(A1:A3)',
  '\uFF1D1+2',
  ' leading space',
  'trailing space ',
  '£1,234 – café naïve ✓ 中文 \u00a0',
  'plain text',
];

describe('toCsv read back by csv-parse', () => {
  const cols: Column[] = [
    { name: 'n', type: 'integer', description: '' },
    { name: 't', type: 'text', description: '' },
    { name: 'u', type: 'text', description: '' },
  ];

  it('keeps every hostile text as one cell of a row of the right width', () => {
    const rows = HOSTILE.map((t, i) => ({ n: -i, t, u: HOSTILE[HOSTILE.length - 1 - i] }));
    const back = readBack(toCsv(cols, rows));
    expect(back).toHaveLength(HOSTILE.length + 1);
    expect(back.slice(1)).toEqual(rows.map((r) => [String(r.n), expectedCell(r.t, 'text'), expectedCell(r.u, 'text')]));
  });

  it('quotes a cell with a bare LF or CR even though records end in CRLF, so the text after the break is not a row', () => {
    const csv = toCsv(cols, [{ n: 1, t: 'x\n=1+2', u: 'a\rb' }]);
    expect(csv).toContain('"x\n=1+2"');
    expect(csv).toContain('"a\rb"');
    // Every line end outside quotes is CRLF: no line of the file starts with the formula.
    expect(csv.split('\r\n').some((line) => line.startsWith('=1+2'))).toBe(false);
  });

  it('quotes cells with leading or trailing space, quotes and commas', () => {
    const csv = toCsv(cols, [{ n: 1, t: ' lead', u: 'trail ' }, { n: 2, t: 'a,b', u: 'say "x"' }]);
    expect(csv).toContain('" lead","trail "');
    expect(csv).toContain('"a,b","say ""x"""');
  });
});

describe('exports of the test database of five plans parse back as the database', () => {
  it('every table, every row and cell', async () => {
    const fx = await buildFixtureDb();
    const db = await openStoreReadOnly(fx.dbFile);
    try {
      const counts = await compareExports(db, fx.dir);
      expect(counts.documents).toBe(5); // documents.csv: one row per file, failed and removed ones included
      expect(counts.plans).toBe(3); // plans.csv: one per area and round of the readable files (the revised 2014 area's 2015-16 and 2022-23, the original 2014 area)
    } finally {
      await db.close();
      rmSync(fx.dir, { recursive: true, force: true });
    }
  });
});

/** Deterministic pseudo-random numbers (mulberry32), so a failure names the same plan every time. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A synthetic plan whose every text field mixes hostile pieces. */
function syntheticPlan(i: number, rand: () => number): PlanRecord {
  const pick = () => HOSTILE[Math.floor(rand() * HOSTILE.length)];
  const text = (parts = 1 + Math.floor(rand() * 3)) => Array.from({ length: parts }, pick).join(rand() < 0.5 ? '\n' : ' ');
  const n = (max: number) => Math.floor(rand() * max);
  const year = `${2014 + (i % 9)}-${String((15 + (i % 9)) % 100).padStart(2, '0')}`;
  return PlanRecordSchema.parse({
    schemaVersion: SCHEMA_VERSION, extractorVersion: 'test-synthetic',
    source: { file: `synthetic/${String(i).padStart(3, '0')} ${pick().replace(/[\r\n\t/]/g, ' ')}.pdf`, sha256: null, format: 'pdf', pages: 1 + n(40) },
    template: 'bcf-2014-revised',
    area: { localAuthorities: [text(1), text(1)], ccgs: [text(1)], healthAndWellbeingBoard: rand() < 0.8 ? `Board ${i} ${text(1)}` : null },
    sections: [{ id: 'plan_details.summary', heading: text(), status: 'present', page: 1 }],
    schemes: Array.from({ length: n(4) }, (_, k) => ({ ref: String(k + 1), name: `${k} ${text()}`, theme: rand() < 0.5 ? text() : null, page: 1 + n(30), text: text() })),
    budgets: Array.from({ length: n(4) }, (_, k) => ({
      kind: 'other', year: rand() < 0.8 ? year : null, amountGbp: (rand() < 0.3 ? -1 : 1) * (k + 1) * n(1_000_000), scheme: null,
      source: null, label: text(), text: text(), page: 1 + n(30),
    })),
    risks: Array.from({ length: n(6) }, () => ({
      description: `r ${text()}`, likelihood: 1 + n(5), impact: 1 + n(5), score: n(26), rating: 'high', mitigation: text(), owner: rand() < 0.5 ? text(1) : null,
      page: 1 + n(30), text: text(),
    })),
    metrics: Array.from({ length: n(3) }, () => ({
      metric: 'local', label: text(), period: year, kind: 'plan', value: Math.round(rand() * 10_000) / 10, unit: 'count',
      numerator: null, denominator: null, page: 1 + n(30), text: text(),
    })),
    flags: Array.from({ length: n(3) }, () => ({ code: 'PLACEHOLDER_TEXT', severity: 'warning', message: text(), section: null, page: 1 + n(30), text: text() })),
  });
}

describe('exports of a 300-plan synthetic corpus full of hostile text parse back as the database', () => {
  let dir: string;
  let db: Database;
  beforeAll(async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    dir = mkdtempSync(join(tmpdir(), 'plansift-roundtrip-'));
    const rw = await openStore(join(dir, 'plansift.sqlite'));
    const rand = rng(12);
    for (let i = 0; i < 300; i++) {
      await saveDocument(rw, syntheticPlan(i, rand), { size: 1, mtimeMs: 1, status: 'ok', failureReason: null, duplicateOf: null });
    }
    await groupPlans(rw); // as a run does, so plans.csv carries the hostile paths and area names too
    await rw.close();
    db = await openStoreReadOnly(join(dir, 'plansift.sqlite'));
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it('same rows and cells in every file', async () => {
    const counts = await compareExports(db, dir);
    expect(counts.documents).toBe(300);
    // Every file is in exactly one plan: plans.csv's document counts add up to documents.csv's rows.
    const grouped = await db.all<{ plans: number; files: number }>('SELECT COUNT(*) AS plans, SUM(document_count) AS files FROM plans');
    expect(counts.plans).toBe(grouped[0].plans);
    expect(grouped[0].files).toBe(300);
    expect(counts.plans).toBeGreaterThan(200); // most synthetic plans name a board of their own
    // Enough multi-line text for the test to mean something.
    const risks = await db.all<{ n: number }>("SELECT COUNT(*) AS n FROM risks WHERE description LIKE '%' || char(10) || '%'");
    expect(risks[0].n).toBeGreaterThan(100);
  });
});
