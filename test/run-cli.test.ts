// The `plansift run` command end to end: spawned as `node bin/plansift.js run …` (dist/, built by tsc before the
// tests), as cron would run it. Exit statuses, the --json line, failure lines, the lock, SIGKILL mid-run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';

const BIN = resolve('bin/plansift.js');
let base: string;

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, 'run', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 280_000 });
  const lines = r.stdout.trim().split('\n');
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, last: lines[lines.length - 1] };
}

function plan(name: string): string {
  return `# Better Care Fund plan: ${name}\n\n## Executive summary\n\nOur vision for integrated care in ${name}.\n`;
}

function listRecords(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort();
}

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'plansift-cli-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('plansift run: exit statuses and summary', () => {
  it('exits 0 with a --json summary as the last stdout line when every file is extracted', () => {
    const input = join(base, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'one.txt'), plan('One'));
    writeFileSync(join(input, 'two.md'), plan('Two'));
    const r = cli([input, '--out', join(base, 'out'), '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.last);
    expect(Object.keys(summary).slice(0, 5)).toEqual(['processed', 'skipped', 'failed', 'removed', 'durationMs']);
    expect(summary).toMatchObject({ processed: 2, skipped: 0, failed: 0, removed: 0 });
    expect(listRecords(join(base, 'out/records'))).toEqual(['one.txt.json', 'two.md.json']);
    expect(existsSync(join(base, 'out/plansift.sqlite'))).toBe(true);
    // Not a TTY here: plain progress lines on stderr.
    expect(r.stderr).toMatch(/^\[[12]\/2\] ok one\.txt$/m); // completion order varies
    const again = cli([input, '--out', join(base, 'out'), '--json']);
    expect(JSON.parse(again.last)).toMatchObject({ processed: 0, skipped: 2, failed: 0, removed: 0 });
    expect(again.status).toBe(0);
  });

  it('exits 1 when files fail, with one line and one EXTRACTION_FAILED record per failure reason', () => {
    const input = join(base, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'good.txt'), plan('Good'));
    writeFileSync(join(input, 'empty.txt'), '');
    writeFileSync(join(input, 'legacy.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]));
    writeFileSync(join(input, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
    writeFileSync(join(input, 'archive.docx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('notes/readme.txt')]));
    writeFileSync(join(input, 'huge.pdf'), '%PDF-1.4\n');
    truncateSync(join(input, 'huge.pdf'), 101 * 1024 * 1024); // sparse: never read by the run
    for (const f of ['stuck.txt', 'greedy.txt', 'boom.txt']) writeFileSync(join(input, f), plan(f));
    // The time limit leaves a loaded machine room for the good files (at 8 s one timed out under a load average of 17).
    const r = cli([input, '--out', join(base, 'out'), '--json', '--timeout-ms', '15000', '--max-memory-mb', '1024', '--concurrency', '2'], {
      PLANSIFT_FAULT: 'hang:stuck,oom:greedy,crash:boom',
    });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.last)).toMatchObject({ processed: 9, failed: 8, skipped: 0 });
    const expected: Record<string, RegExp> = {
      'empty.txt': /^empty: file is empty/,
      'legacy.doc': /^unsupported: .*save it as \.docx/,
      'binary.txt': /^wrong_type: /,
      'archive.docx': /^wrong_type: file is a zip archive but not a Word \.docx/,
      'huge.pdf': /^too_large: file is 105906176 bytes, over the \d+-byte limit \(not read\)/,
      'stuck.txt': /^timeout: timed out after 15000 ms$/,
      'greedy.txt': /^memory: worker ran out of memory \(288 MB heap\)$/,
      'boom.txt': /^crashed: worker crashed: injected crash on boom\.txt$/,
    };
    for (const [file, message] of Object.entries(expected)) {
      const record = JSON.parse(readFileSync(join(base, 'out/records', `${file}.json`), 'utf8'));
      const failed = record.flags.filter((f: { code: string }) => f.code === 'EXTRACTION_FAILED');
      expect(failed, file).toHaveLength(1);
      expect(failed[0].message, file).toMatch(message);
      // One clear stderr line naming the file and the reason.
      const lines = r.stderr.split('\n').filter((l) => l.startsWith(`FAILED ${file}: `));
      expect(lines, file).toHaveLength(1);
      expect(lines[0].slice(`FAILED ${file}: `.length)).toMatch(message);
    }
    const good = JSON.parse(readFileSync(join(base, 'out/records/good.txt.json'), 'utf8'));
    expect(good.flags.some((f: { code: string }) => f.code === 'EXTRACTION_FAILED')).toBe(false);
  }, 300_000);

  it('exits 2 when the run cannot proceed', () => {
    const input = join(base, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'a.txt'), plan('A'));
    writeFileSync(join(base, 'file'), 'not a folder');
    const missing = cli([join(base, 'nope'), '--out', join(base, 'out')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/run could not proceed: input .*nope does not exist/);
    const badArg = cli([input, '--out', join(base, 'out'), '--concurrency', 'lots']);
    expect(badArg.status).toBe(2);
    expect(badArg.stderr).toMatch(/--concurrency must be a positive whole number, got "lots"/);
    const unwritable = cli([input, '--out', join(base, 'file/out')]);
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toMatch(/cannot create output folder/);
    const noOut = spawnSync(process.execPath, [BIN, 'run', input], { encoding: 'utf8' });
    expect(noOut.status).toBe(2);
  });

  it('--quiet prints only failures', () => {
    const input = join(base, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'a.txt'), plan('A'));
    writeFileSync(join(input, 'b.txt'), '');
    writeFileSync(join(input, 'c.pptx'), 'x');
    const r = cli([input, '--out', join(base, 'out'), '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['FAILED b.txt: empty: file is empty (0 bytes)']);
  });
});

describe('plansift run: lock', () => {
  it('refuses to run while another live run holds the lock, and takes over a stale one', () => {
    const input = join(base, 'in');
    const out = join(base, 'out');
    mkdirSync(input);
    mkdirSync(out);
    writeFileSync(join(input, 'a.txt'), plan('A'));
    writeFileSync(join(out, '.plansift.lock'), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: 'x' }));
    const held = cli([input, '--out', out]);
    expect(held.status).toBe(2);
    expect(held.stderr).toContain(`another plansift run (pid ${process.pid}, started x) holds`);
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout.trim());
    writeFileSync(join(out, '.plansift.lock'), JSON.stringify({ pid: deadPid, host: hostname(), startedAt: 'y' }));
    const stale = cli([input, '--out', out]);
    expect(stale.status).toBe(0);
    expect(stale.stderr).toContain(`taking over a stale lock left by process ${deadPid}`);
    expect(existsSync(join(out, '.plansift.lock'))).toBe(false);
  });
});

describe('plansift run: killed with SIGKILL mid-run', () => {
  it('leaves a consistent database, and the next run finishes the work without loss or duplicates', async () => {
    const input = join(base, 'in');
    const out = join(base, 'out');
    const N = 400;
    for (let i = 0; i < N; i++) {
      const dir = join(input, `batch-${i % 7}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `plan-${i}.txt`), `${plan(`Area ${i}`)}\n${'Scheme text. '.repeat(200 + i)}\n`);
    }
    const child = spawn(process.execPath, [BIN, 'run', input, '--out', out, '--concurrency', '2'], { stdio: 'ignore' });
    const exited = new Promise<void>((ok) => child.on('exit', () => ok()));
    const deadline = Date.now() + 60_000;
    while (listRecords(join(out, 'records')).length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;
    const atKill = listRecords(join(out, 'records')).length;
    expect(atKill).toBeGreaterThanOrEqual(5);
    expect(atKill).toBeLessThan(N); // killed mid-run, not after it
    expect(existsSync(join(out, '.plansift.lock'))).toBe(true);

    const db1 = await openStore(join(out, 'plansift.sqlite'));
    expect(await db1.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
    await db1.close();

    const r = cli([input, '--out', out, '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/taking over a stale lock left by process \d+/);
    const summary = JSON.parse(r.last);
    expect(summary.processed + summary.skipped).toBe(N);
    expect(summary.processed).toBeGreaterThan(0);

    const db = await openStore(join(out, 'plansift.sqlite'));
    try {
      expect(await db.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
      const docs = await db.all<{ path: string; status: string; sha256: string; record_json: string }>('SELECT path, status, sha256, record_json FROM documents');
      expect(docs).toHaveLength(N);
      expect(new Set(docs.map((d) => d.path)).size).toBe(N);
      expect(docs.every((d) => d.status === 'ok')).toBe(true);
      for (const d of docs) expect(JSON.parse(d.record_json).source.file).toBe(d.path);
      // Item rows belong to live documents only (one transaction per document: no orphans, no doubles).
      expect(await db.get('SELECT COUNT(*) AS n FROM sections WHERE document_id NOT IN (SELECT id FROM documents)')).toEqual({ n: 0 });
      const runs = await db.all<{ finished_at: string | null }>('SELECT finished_at FROM runs ORDER BY id');
      expect(runs.map((x) => x.finished_at === null)).toEqual([true, false]); // the killed run shows as unfinished
    } finally {
      await db.close();
    }
    const records = listRecords(join(out, 'records'));
    expect(records).toHaveLength(N);
    for (const f of records) JSON.parse(readFileSync(join(out, 'records', f), 'utf8'));
    expect(readdirSync(join(out, '.tmp'))).toEqual([]);
  }, 300_000);
});
