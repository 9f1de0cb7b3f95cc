// A spreadsheet's own CSV import (LibreOffice Calc, headless) of an export: a cell `x\n=1+2` arrives as that text,
// not as a row starting with a live formula. A control cell written raw (not by toCsv) shows this Calc does
// evaluate formulas on import, so the test can fail. Skipped, with one line, where Calc is not installed
// (Debian: apt-get install libreoffice-calc-nogui).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { toCsv, type Column } from '../src/export/csv.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
// Calc is a separate Debian package from the soffice launcher.
const haveCalc = !!SOFFICE && existsSync('/usr/lib/libreoffice/program/libsclo.so');
if (!haveCalc) console.warn('skipped: spreadsheet import test needs LibreOffice Calc (apt-get install libreoffice-calc-nogui)');

describe.skipIf(!haveCalc)('LibreOffice Calc importing an export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plansift-calc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows `x\\n=1+2` and `=1+2` as text, while a raw unquoted =1+2 is computed', () => {
    const cols: Column[] = [{ name: 'id', type: 'integer', description: '' }, { name: 'text', type: 'text', description: '' }];
    const csv = toCsv(cols, [{ id: 1, text: 'x\n=1+2' }, { id: 2, text: '=1+2' }, { id: 3, text: 'a\rb' }]);
    // Control row: what the old writer emitted for the text after a bare line feed.
    writeFileSync(join(dir, 'export.csv'), `${csv}4,=1+2\r\n`, 'utf8');
    const r = spawnSync(SOFFICE!, [
      `-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless',
      '--infilter=CSV:44,34,76,1', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', join(dir, 'out'), join(dir, 'export.csv'),
    ], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const out = readdirSync(join(dir, 'out')).find((f) => f.endsWith('.csv'));
    expect(out, `soffice wrote nothing: ${r.stdout} ${r.stderr}`).toBeDefined();
    const rows = parse(readFileSync(join(dir, 'out', out!), 'utf8'), { bom: true, relax_column_count: true }) as string[][];
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual(['1', 'x\n=1+2']);
    expect(rows[2]).toEqual(['2', "'=1+2"]);
    expect(rows[3][1].replace(/\r\n?/g, '\n')).toBe('a\nb');
    expect(rows[4]).toEqual(['4', '3']);
  }, 180_000);
});
