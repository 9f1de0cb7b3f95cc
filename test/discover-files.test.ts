import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverFiles, isOfficeLockOrTemp, skipReason } from '../src/discover/index.js';

describe('skipReason', () => {
  it('keeps the supported formats and legacy .doc (failed later with "save it as .docx")', () => {
    for (const name of ['plan.pdf', 'PLAN.PDF', 'a.docx', 'a.txt', 'a.md', 'a.html', 'old.doc']) {
      expect(skipReason(name), name).toBeNull();
    }
  });
  it('names Office lock and temp files', () => {
    expect(isOfficeLockOrTemp('~$plan.docx')).toBe(true);
    expect(isOfficeLockOrTemp('.~lock.plan.docx#')).toBe(true);
    expect(isOfficeLockOrTemp('~WRL0001.tmp')).toBe(true);
    expect(isOfficeLockOrTemp('plan~1.docx')).toBe(false);
    expect(skipReason('~$plan.docx')).toBe('Office lock/temp file');
    expect(skipReason('.~lock.plan.docx#')).toBe('Office lock/temp file');
  });
  it('says why hidden and unsupported files are skipped', () => {
    expect(skipReason('.DS_Store')).toBe('hidden file');
    expect(skipReason('slides.pptx')).toMatch(/^unsupported file type \.pptx \(supported: \.pdf .docx/);
    // Workbooks are read (issue 14); a legacy .xls is kept so it gets a failed record saying "save it as .xlsx".
    for (const name of ['budget.xlsx', 'budget.xlsm', 'budget.xls']) expect(skipReason(name), name).toBeNull();
    expect(skipReason('notes')).toMatch(/^no file extension/);
  });
  it('skips a folder README (a description of the folder, not a plan) but not a plan that mentions readme', () => {
    for (const name of ['README', 'README.md', 'readme.txt', 'ReadMe.markdown']) {
      expect(skipReason(name), name).toMatch(/README describing the folder/);
    }
    expect(skipReason('readme-plan.pdf')).toBeNull();
    expect(skipReason('plan-readme.md')).toBeNull();
  });
});

describe('discoverFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plansift-discover-'));
    const put = (rel: string, text = 'x') => {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), text);
    };
    put('2024/a/plan.pdf', '%PDF-1.4');
    put('2024/a/plan.docx');
    put('2024/b/notes.txt', 'hello');
    put('2024/b/~$plan.docx');
    put('2024/b/.~lock.plan.docx#');
    put('2024/b/old.doc');
    put('2024/b/figures.pptx');
    put('.git/config');
    put('2024/.cache/x.txt');
    put('out/records/2024/b/notes.txt.json');
    symlinkSync(join(dir, '2024'), join(dir, 'loop'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds candidates recursively, with sizes, and one skip entry per ignored file or folder', async () => {
    const d = await discoverFiles(dir, { excludeDirs: [join(dir, 'out')] });
    expect(d.root).toBe(dir);
    expect(d.files.map((f) => f.rel)).toEqual(['2024/a/plan.docx', '2024/a/plan.pdf', '2024/b/notes.txt', '2024/b/old.doc']);
    expect(d.files.find((f) => f.rel === '2024/b/notes.txt')?.size).toBe(5);
    const skipped = Object.fromEntries(d.skipped.map((s) => [s.rel, s.why]));
    expect(skipped).toEqual({
      '.git/': 'hidden folder',
      '2024/.cache/': 'hidden folder',
      '2024/b/.~lock.plan.docx#': 'Office lock/temp file',
      '2024/b/figures.pptx': expect.stringMatching(/^unsupported file type \.pptx/),
      '2024/b/~$plan.docx': 'Office lock/temp file',
      loop: 'symbolic link to a folder (not followed)',
    });
  });

  it('applies --include and --exclude globs to the relative path', async () => {
    const pdfs = await discoverFiles(dir, { include: ['**/*.pdf'], excludeDirs: [join(dir, 'out')] });
    expect(pdfs.files.map((f) => f.rel)).toEqual(['2024/a/plan.pdf']);
    const noB = await discoverFiles(dir, { exclude: ['2024/b/**'], excludeDirs: [join(dir, 'out')] });
    expect(noB.files.map((f) => f.rel)).toEqual(['2024/a/plan.docx', '2024/a/plan.pdf']);
    expect(noB.skipped.some((s) => s.rel.startsWith('2024/b/'))).toBe(false);
  });

  it('accepts a single file as input, relative to its folder', async () => {
    const d = await discoverFiles(join(dir, '2024/b/notes.txt'));
    expect(d.root).toBe(join(dir, '2024/b'));
    expect(d.files.map((f) => f.rel)).toEqual(['notes.txt']);
  });

  it('rejects a missing input', async () => {
    await expect(discoverFiles(join(dir, 'nope'))).rejects.toThrow(/ENOENT/);
  });
});
