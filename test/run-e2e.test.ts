// End to end over the fixtures (sample plans in every format, broken files) with the real CLI:
// `node bin/plansift.js run fixtures --out TMP --json`, then an unchanged re-run.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';

const FIXTURES = resolve('fixtures');
const haveFixtures = existsSync(join(FIXTURES, 'sample')) && readdirSync(join(FIXTURES, 'sample')).some((f) => f.endsWith('.pdf'));
const SUPPORTED = new Set(['.pdf', '.docx', '.txt', '.md', '.html', '.doc', '.xlsx', '.xlsm', '.xls']);

let out: string;
let first: { status: number | null; stdout: string; stderr: string };
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function run(args: string[] = []) {
  return spawnSync(process.execPath, [resolve('bin/plansift.js'), 'run', FIXTURES, '--out', out, '--json', ...args], { encoding: 'utf8', timeout: 300_000 });
}
const lastLine = (s: string) => JSON.parse(s.trim().split('\n').pop()!);

describe.skipIf(!haveFixtures)('plansift run over fixtures/', { timeout: 300_000 }, () => {
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'plansift-e2e-'));
    first = run();
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const inputs = () =>
    readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
      .filter((f) => SUPPORTED.has(extname(f).toLowerCase()) && !f.split('/').some((p) => p.startsWith('.') || p.startsWith('~$')))
      // A folder README describes the folder; discovery skips it.
      .filter((f) => !/(^|\/)readme\.(md|txt)$/i.test(f))
      .sort();

  it('writes one record and one document row per plan file, in every format', async () => {
    const files = inputs();
    expect(files.filter((f) => f.startsWith('sample/')).map((f) => extname(f)).sort()).toEqual(
      expect.arrayContaining(['.docx', '.pdf', '.txt']),
    );
    const summary = lastLine(first.stdout);
    expect(summary.processed).toBe(files.length);
    const db = await openStore(join(out, 'plansift.sqlite'));
    const rows = await db.all<{ path: string; sha256: string | null }>('SELECT path, sha256 FROM documents ORDER BY path');
    await db.close();
    expect(rows.map((r) => r.path)).toEqual(files);
    for (const f of files) {
      const record = JSON.parse(readFileSync(join(out, 'records', `${f}.json`), 'utf8'));
      expect(record.source.file).toBe(f);
      if (record.source.sha256) expect(record.source.sha256).toBe(sha(join(FIXTURES, f)));
    }
  });

  it('extracts every sample plan without failure', () => {
    for (const f of inputs().filter((x) => x.startsWith('sample/'))) {
      const record = JSON.parse(readFileSync(join(out, 'records', `${f}.json`), 'utf8'));
      const failed = record.flags.filter((fl: { code: string; message: string }) => fl.code === 'EXTRACTION_FAILED');
      expect(failed, f).toEqual([]);
      expect(record.source.format, f).toBe(extname(f).slice(1));
    }
  });

  it('fails broken files with a reason, one FAILED line each, and exit status 1', () => {
    expect(first.status).toBe(1);
    const reasonOf = (f: string) => {
      const record = JSON.parse(readFileSync(join(out, 'records', `${f}.json`), 'utf8'));
      return record.flags.find((fl: { code: string }) => fl.code === 'EXTRACTION_FAILED')?.message as string | undefined;
    };
    expect(reasonOf('broken/zero-byte.pdf')).toMatch(/^empty: /);
    expect(reasonOf('broken/legacy.doc')).toMatch(/^unsupported: .*save it as \.docx/);
    expect(reasonOf('broken/not-a-docx.docx')).toMatch(/^wrong_type: /);
    // Workbooks (issue 14): read by content; the broken ones each with their reason.
    expect(reasonOf('broken/notes.xlsx')).toMatch(/^empty: workbook has no sheets/);
    expect(reasonOf('broken/legacy.xls')).toMatch(/^unsupported: .*save it as \.xlsx/);
    expect(reasonOf('broken/encrypted.xlsx')).toMatch(/^encrypted: workbook is password-protected/);
    expect(reasonOf('broken/zip-bomb.xlsx')).toMatch(/^too_large: .*zip bomb/);
    for (const f of ['broken/macros.xlsm', 'broken/external-links.xlsx', 'broken/empty-rows.xlsx']) expect(reasonOf(f), f).toBeUndefined();
    const failedLines = first.stderr.split('\n').filter((l) => l.startsWith('FAILED '));
    expect(failedLines).toHaveLength(lastLine(first.stdout).failed);
    for (const line of failedLines) {
      const file = line.slice('FAILED '.length, line.indexOf(': '));
      expect(reasonOf(file), file).toBeDefined();
      expect(line).toBe(`FAILED ${file}: ${reasonOf(file)}`);
    }
  });

  it('names every file it ignores, and why', () => {
    expect(first.stderr).toMatch(/^skip broken\/~\$plan\.docx: Office lock\/temp file$/m);
  });

  it('skips everything on an unchanged re-run, and still exits 1 while the broken files are failing', () => {
    const again = run();
    const summary = lastLine(again.stdout);
    // The broken fixtures fail for permanent reasons (empty, corrupt, wrong type): not retried, still failing.
    expect(summary).toMatchObject({ processed: 0, skipped: inputs().length, failed: 0, removed: 0, newFailures: 0 });
    expect(summary.failing).toBe(lastLine(first.stdout).failed);
    expect(summary.persistent).toBe(summary.failing);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^still failing broken\/zero-byte\.pdf: empty \(persistent: /m);
  });
});
