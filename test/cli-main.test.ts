// The plansift command's rough edges, through the built CLI (`node bin/plansift.js`, dist/ built by tsc before the
// tests): --version, help, one-line errors for a bad --templates or --out, globs at any depth, globs that match nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyDepth, discoverFiles } from '../src/discover/index.js';
import { EXTRACTOR_VERSION } from '../src/pipeline/version.js';
import { SCHEMA_VERSION } from '../src/record/schema.js';

const BIN = resolve('bin/plansift.js');
const cli = (args: string[], timeout = 120_000) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout });
const plan = (name: string) => `# Better Care Fund plan: ${name}\n\n## Executive summary\n\nOur vision for integrated care in ${name}.\n`;

let base: string;
let input: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'plansift-main-'));
  input = join(base, 'in');
  mkdirSync(join(input, '2015', 'north'), { recursive: true });
  mkdirSync(join(input, 'drafts'), { recursive: true });
  writeFileSync(join(input, 'top.txt'), plan('Top'));
  writeFileSync(join(input, '2015', 'north', 'deep.txt'), plan('Deep'));
  writeFileSync(join(input, 'drafts', 'draft.txt'), plan('Draft'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('plansift --version and --help', () => {
  it('--version prints the package, extractor and record schema versions', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const r = cli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`plansift ${pkg.version} (extractor ${EXTRACTOR_VERSION}, record schema ${SCHEMA_VERSION})`);
  });

  it('--help gives examples, every exit status and the environment', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    for (const part of ['Examples:', 'plansift run plans/ --out output', 'Exit status:', 'Environment:', 'PLANSIFT_TIMING', 'PLANSIFT_FAULT']) {
      expect(r.stdout).toContain(part);
    }
    for (const code of ['0', '1', '2', '130']) expect(r.stdout).toMatch(new RegExp(`^  ${code}\\s+\\S`, 'm'));
  });
});

describe('plansift run: errors in one line', () => {
  const oneLine = (stderr: string) => {
    const lines = stderr.trim().split('\n');
    expect(lines, stderr).toHaveLength(1);
    expect(stderr).not.toMatch(/^\s+at /m); // no stack trace
    return lines[0];
  };

  it('a --templates folder that does not exist, is empty or holds bad JSON: exit 2 and one line naming it', () => {
    const missing = join(base, 'no-such-templates');
    let r = cli(['run', input, '--out', join(base, 'o-t1'), '--templates', missing]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toBe(`plansift: run could not proceed: --templates ${missing}: no such folder`);
    const empty = join(base, 'templates-empty');
    mkdirSync(empty);
    r = cli(['run', input, '--out', join(base, 'o-t2'), '--templates', empty]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/--templates .*templates-empty: no template \(\*\.json\) in that folder$/);
    writeFileSync(join(empty, 'broken.json'), '{ not json');
    r = cli(['run', input, '--out', join(base, 'o-t3'), '--templates', empty]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/broken\.json: not valid JSON/);
    expect(existsSync(join(base, 'o-t3'))).toBe(false); // stopped before anything was written
  });

  it.skipIf(!existsSync('/proc/self'))('an --out that cannot be made (/proc/x) fails at once instead of spinning', () => {
    const started = Date.now();
    const r = cli(['run', input, '--out', '/proc/plansift-x/y'], 20_000);
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/cannot create output folder \/proc\/plansift-x\/y: cannot make \/proc\/plansift-x: ENOENT/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('globs', () => {
  it('a glob without a slash matches that name at any depth, as .gitignore does', async () => {
    expect(anyDepth(['*.pdf', '2015/**'])).toEqual(['**/*.pdf', '**/*.pdf/**', '2015/**']);
    const all = (await discoverFiles(input, { include: ['*.txt'] })).files.map((f) => f.rel);
    expect(all).toEqual(['2015/north/deep.txt', 'drafts/draft.txt', 'top.txt']);
    const noDrafts = (await discoverFiles(input, { include: ['*.txt'], exclude: ['drafts'] })).files.map((f) => f.rel);
    expect(noDrafts).toEqual(['2015/north/deep.txt', 'top.txt']);
    const anchored = (await discoverFiles(input, { include: ['2015/*.txt'] })).files.map((f) => f.rel);
    expect(anchored).toEqual([]);
  });

  it('a run whose globs match nothing says so (even with --quiet) and writes no records', () => {
    const r = cli(['run', input, '--out', join(base, 'o-g'), '--include', '*.pdf', '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr.trim()).toBe(`plansift: no plan file under ${input} matches --include *.pdf (globs are relative to INPUT; one without a slash matches that name at any depth)`);
    expect(existsSync(join(base, 'o-g', 'records'))).toBe(false);
  });

  it("--include '*.txt' on the command line finds the nested plans", () => {
    const r = cli(['run', input, '--out', join(base, 'o-n'), '--include', '*.txt', '--exclude', 'drafts', '--json', '--quiet']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toMatchObject({ processed: 2, failed: 0 });
  });
});
