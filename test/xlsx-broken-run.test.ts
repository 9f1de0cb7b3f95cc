// The bad workbooks of issue 14 in one nightly run (`node bin/plansift.js run`, dist/ built by tsc before the tests)
// under the nightly limits: each a clear reason or a record with its note, no file killed for time or memory, the
// process tree under the budget. The extractor's own tests (extract-xlsx.test.ts) check each case in process; this
// checks them through the worker pool, where a runaway file would cost a worker rather than throw.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the fixture module is plain JS
import { millionRowsWorkbook } from '../scripts/fixtures/workbooks.mjs';

const BIN = resolve('bin/plansift.js');
const BUDGET_MB = 1024;

describe('the bad workbooks in a nightly run', { timeout: 300_000 }, () => {
  let base: string;
  let out: string;
  let run: ReturnType<typeof spawnSync>;
  let summary: { processed: number; failed: number; peakRssMb: number };
  const record = (name: string) => JSON.parse(readFileSync(join(out, 'records', `${name}.json`), 'utf8')) as {
    flags: { code: string; message: string }[];
    notes: { level: string; message: string }[];
  };
  const failure = (name: string) => record(name).flags.find((f) => f.code === 'EXTRACTION_FAILED')?.message;
  const notes = (name: string) => record(name).notes.map((n) => `${n.level}: ${n.message}`);

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'plansift-bad-workbooks-'));
    const input = join(base, 'in');
    out = join(base, 'out');
    mkdirSync(input);
    for (const f of ['encrypted.xlsx', 'legacy.xls', 'macros.xlsm', 'zip-bomb.xlsx', 'empty-rows.xlsx', 'external-links.xlsx']) {
      copyFileSync(join('fixtures', 'broken', f), join(input, f));
    }
    // The million empty formatted rows as Excel writes them (`r` on every row: 2.4 MB), too big to commit.
    writeFileSync(join(input, 'million-rows.xlsx'), new Uint8Array(await millionRowsWorkbook({ refs: true })));
    run = spawnSync(process.execPath, [BIN, 'run', input, '--out', out, '--json', '--quiet', '--max-memory-mb', String(BUDGET_MB), '--timeout-ms', '60000'],
      { encoding: 'utf8', timeout: 280_000 });
    summary = JSON.parse(String(run.stdout).trim().split('\n').pop()!);
  }, 300_000);
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('finishes: exit 1 for the three unreadable ones, every file a record, under the memory budget', () => {
    expect(run.status).toBe(1);
    expect(summary).toMatchObject({ processed: 7, failed: 3 });
    expect(summary.peakRssMb).toBeLessThan(BUDGET_MB);
  });

  it('says why each unreadable workbook cannot be read', () => {
    expect(failure('encrypted.xlsx')).toMatch(/^encrypted: workbook is password-protected \(encrypted\): save an unprotected copy/);
    expect(failure('legacy.xls')).toMatch(/^unsupported: legacy Excel \.xls \(BIFF\) format is not supported: save it as \.xlsx/);
    expect(failure('zip-bomb.xlsx')).toMatch(/^too_large: workbook unpacks to 200\.\d MB .*\(a zip bomb\?\)/);
  });

  it('reads the others, each with its note, none killed for time or memory', () => {
    for (const f of ['macros.xlsm', 'external-links.xlsx', 'empty-rows.xlsx', 'million-rows.xlsx']) expect(failure(f), f).toBeUndefined();
    expect(notes('macros.xlsm')).toContainEqual(expect.stringMatching(/^info: xlsx: macro-enabled workbook \(\.xlsm\): its macros are ignored/));
    expect(notes('external-links.xlsx')).toContainEqual(expect.stringMatching(/^warning: xlsx: workbook links to 1 other workbook \(file:\/\/\/S:\/Finance\/BCF\/Pooled budget workings\.xlsx\)/));
    for (const f of ['empty-rows.xlsx', 'million-rows.xlsx']) {
      expect(notes(f), f).toContain('info: xlsx: xl/worksheets/sheet1.xml: 1,000,000 formatted rows with no values ignored');
    }
  });
});
