// The nightly run as cron runs it (`node bin/plansift.js run …`, dist/ built by tsc before the tests), over the
// things that used to take it down or fool it: a huge text file among real plans, an empty (unmounted) input,
// failures that stay or pass, a reused lock pid, colliding record paths, special files and symlinks, hostile
// names, leftovers of killed commands.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';
import { processStartTime } from '../src/store/files.js';

const BIN = resolve('bin/plansift.js');
const CORPUS = resolve('../shared/corpus');
let base: string;
let input: string;
let out: string;

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, 'run', input, '--out', out, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 280_000 });
  const lines = r.stdout.trim().split('\n');
  let summary: Record<string, number> | null = null;
  try {
    summary = JSON.parse(lines[lines.length - 1]) as Record<string, number>;
  } catch {
    summary = null;
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, summary };
}

const plan = (name: string) => `# Better Care Fund plan: ${name}\n\n## Executive summary\n\nOur vision for integrated care in ${name}.\n`;
const record = (rel: string) => JSON.parse(readFileSync(join(out, 'records', `${rel}.json`), 'utf8'));
const failure = (rel: string) => record(rel).flags.find((f: { code: string }) => f.code === 'EXTRACTION_FAILED')?.message as string | undefined;

async function documents() {
  const db = await openStore(join(out, 'plansift.sqlite'));
  try {
    return await db.all<{ path: string; status: string; failed_runs: number }>('SELECT path, status, failed_runs FROM documents ORDER BY path');
  } finally {
    await db.close();
  }
}

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'plansift-nightly-'));
  input = join(base, 'in');
  out = join(base, 'out');
  mkdirSync(input);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('1, 2: a 90 MB text file among real plans', () => {
  const pdfs = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')) : [];
  it.skipIf(pdfs.length === 0)('finishes with exit 1: that file fails with a reason, every other file has its record', () => {
    for (const f of pdfs) copyFileSync(join(CORPUS, f), join(input, f));
    // Plan text repeated to 90 MB: under the 100 MB file limit, far over what a text plan is.
    const text = readFileSync(join(CORPUS, readdirSync(CORPUS).find((f) => f.endsWith('.txt'))!), 'utf8');
    writeFileSync(join(input, 'huge-plan.txt'), Buffer.from(text.repeat(Math.ceil((90 * 1048576) / Buffer.byteLength(text)))).subarray(0, 90 * 1048576));
    const r = cli(['--json', '--max-memory-mb', '1024']);
    expect(r.status).toBe(1);
    expect(r.summary).toMatchObject({ processed: pdfs.length + 1, failed: 1, failing: 1, newFailures: 1 });
    expect(failure('huge-plan.txt')).toMatch(/^too_large: text file is 94371840 bytes, over the 16777216-byte limit for text/);
    for (const f of pdfs) expect(failure(f), f).toBeUndefined();
    // The whole process tree (main + worker processes) stayed under the budget.
    expect(r.summary!.peakRssMb).toBeLessThan(1024);
  }, 300_000);
});

describe('3: removal guard', () => {
  it('an empty input after a run: exit 2, nothing marked removed; a mostly-missing input likewise; --allow-removals proceeds', async () => {
    for (const n of ['a', 'b', 'c']) writeFileSync(join(input, `${n}.txt`), plan(n));
    expect(cli([]).status).toBe(0);
    for (const n of ['a', 'b', 'c']) rmSync(join(input, `${n}.txt`));
    const empty = cli([]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('input holds no plans: is the drive mounted? Nothing was changed; --allow-removals to proceed');
    expect((await documents()).map((d) => d.status)).toEqual(['ok', 'ok', 'ok']);
    writeFileSync(join(input, 'a.txt'), plan('a'));
    const wrong = cli([]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('2 of the 3 known documents would be marked removed: is this the right input folder?');
    expect((await documents()).map((d) => d.status)).toEqual(['ok', 'ok', 'ok']);
    const allowed = cli(['--allow-removals', '--json']);
    expect(allowed.status).toBe(0);
    expect(allowed.summary).toMatchObject({ removed: 2 });
    expect((await documents()).map((d) => d.status)).toEqual(['ok', 'removed', 'removed']);
  }, 120_000);
});

describe('4: failures that stay, and failures that pass', () => {
  it('retries a transient failure for three more runs, then calls it persistent; a permanent one waits; exit 1 throughout', async () => {
    writeFileSync(join(input, 'good.txt'), plan('good'));
    writeFileSync(join(input, 'flaky.txt'), plan('flaky'));
    writeFileSync(join(input, 'empty.txt'), '');
    const fault = { PLANSIFT_FAULT: 'crash:flaky' };
    const first = cli(['--json'], fault);
    expect(first.status).toBe(1);
    expect(first.summary).toMatchObject({ processed: 3, failed: 2, failing: 2, newFailures: 2, retried: 0 });
    for (let night = 1; night <= 3; night++) {
      const r = cli(['--json'], fault);
      expect(r.status, `night ${night}`).toBe(1);
      // Only the crashed file is read again; the empty one waits for the file to change.
      expect(r.summary, `night ${night}`).toMatchObject({ processed: 1, failed: 1, retried: 1, failing: 2, newFailures: 0 });
      expect(r.stderr).toMatch(/^FAILED flaky\.txt: crashed: worker crashed: injected crash on flaky\.txt \(retried\)$/m);
      expect(r.stderr).toMatch(/^still failing empty\.txt: empty \(persistent: /m);
    }
    expect((await documents()).find((d) => d.path === 'flaky.txt')?.failed_runs).toBe(4);
    const fifth = cli(['--json'], fault);
    expect(fifth.status).toBe(1);
    expect(fifth.summary).toMatchObject({ processed: 0, failed: 0, failing: 2, persistent: 2, newFailures: 0 });
    expect(fifth.stderr).toMatch(/^still failing flaky\.txt: crashed \(persistent: /m);
    expect(cli([], fault).stdout).toMatch(/; 2 failing \(0 new, 2 persistent\)$/m);
    // The cause is gone: --retry-failed reads every failing file now; the empty one still fails.
    const fixed = cli(['--json', '--retry-failed']);
    expect(fixed.summary).toMatchObject({ processed: 2, failed: 1, retried: 2, failing: 1 });
    expect(failure('flaky.txt')).toBeUndefined();
    expect(fixed.status).toBe(1);
    writeFileSync(join(input, 'empty.txt'), plan('empty no more'));
    const clean = cli(['--json']);
    expect(clean.status).toBe(0);
    expect(clean.summary).toMatchObject({ processed: 1, failing: 0 });
  }, 200_000);
});

describe('5: lock ownership', () => {
  it('takes over a lock whose pid is alive but belongs to another process (reused after a reboot)', () => {
    writeFileSync(join(input, 'a.txt'), plan('a'));
    mkdirSync(out);
    const lock = (over: object) => writeFileSync(join(out, '.plansift.lock'), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: 'x', ...over }));
    // Our own (live) pid with its real start time and boot: held.
    lock({ bootId: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(), processStart: processStartTime(process.pid) });
    expect(cli([]).status).toBe(2);
    // The same pid, but a different process start time: the pid was reused.
    lock({ processStart: '1' });
    const reused = cli([]);
    expect(reused.status).toBe(0);
    expect(reused.stderr).toContain(`taking over a stale lock left by process ${process.pid}`);
    // The same pid, another boot.
    lock({ bootId: '00000000-0000-0000-0000-000000000000' });
    expect(cli([]).status).toBe(0);
  }, 60_000);
});

describe('6: record paths', () => {
  it('keeps a.txt and a folder a.txt.json/ apart under records/', () => {
    writeFileSync(join(input, 'a.txt'), plan('a'));
    mkdirSync(join(input, 'a.txt.json'));
    writeFileSync(join(input, 'a.txt.json/b.txt'), plan('b'));
    const r = cli(['--json']);
    expect(r.status).toBe(0);
    expect(r.summary).toMatchObject({ processed: 2 });
    expect(record('a.txt').source.file).toBe('a.txt');
    expect(JSON.parse(readFileSync(join(out, 'records/a.txt.json_/b.txt.json'), 'utf8')).source.file).toBe('a.txt.json/b.txt');
    expect(cli([]).status).toBe(0); // and again, unchanged
  }, 60_000);
});

describe('7, 9: special files and symbolic links', () => {
  let server: Server | null = null;
  afterEach(() => server?.close());

  it('gives every non-regular file a skip line, refuses links out of the input, and names loops as loops', async () => {
    writeFileSync(join(input, 'a.txt'), plan('a'));
    spawnSync('mkfifo', [join(input, 'pipe.txt')]);
    server = createServer();
    await new Promise<void>((ok) => server!.listen(join(input, 'sock.txt'), ok));
    symlinkSync(join(input, 'pipe.txt'), join(input, 'link-to-pipe.txt'));
    const outside = join(base, 'secret.txt');
    writeFileSync(outside, plan('outside'));
    symlinkSync(outside, join(input, 'outside.txt'));
    symlinkSync(join(input, 'a.txt'), join(input, 'inside.txt'));
    symlinkSync(join(input, 'loop-b.txt'), join(input, 'loop-a.txt'));
    symlinkSync(join(input, 'loop-a.txt'), join(input, 'loop-b.txt'));
    symlinkSync(join(input, 'nothing.txt'), join(input, 'dangling.txt'));
    const r = cli(['--json']);
    expect(r.status).toBe(0);
    expect(r.summary).toMatchObject({ processed: 2, ignored: 7 }); // a.txt and inside.txt
    const skips = r.stderr.split('\n').filter((l) => l.startsWith('skip ')).sort();
    expect(skips).toEqual([
      'skip dangling.txt: broken symbolic link (its target does not exist)',
      'skip link-to-pipe.txt: symbolic link to a named pipe (FIFO), not a regular file',
      'skip loop-a.txt: symbolic link loop (not followed)',
      'skip loop-b.txt: symbolic link loop (not followed)',
      'skip outside.txt: symbolic link to a file outside the input folder (--follow-external-links to follow it)',
      'skip pipe.txt: named pipe (FIFO), not a regular file',
      'skip sock.txt: socket, not a regular file',
    ].sort());
    expect(existsSync(join(out, 'records/outside.txt.json'))).toBe(false);
    const followed = cli(['--json', '--follow-external-links']);
    expect(followed.summary).toMatchObject({ processed: 1 });
    expect(record('outside.txt').area).toBeDefined();
  }, 60_000);
});

describe('9: content before extension', () => {
  it('reads a tiny .doc that is really text as text, says so in a warning line, and reads UTF-16 text', () => {
    writeFileSync(join(input, 'tiny.doc'), 'hello\n');
    writeFileSync(join(input, 'unicode.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plan('Ærøby'), 'utf16le')]));
    writeFileSync(join(input, 'utf8.txt'), plan('Ærøby'));
    const r = cli(['--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^warning tiny\.doc: file extension \.doc but content is txt$/m);
    expect(record('tiny.doc').source.format).toBe('txt');
    expect(failure('unicode.txt')).toBeUndefined();
    // The same record as the same plan in UTF-8, apart from its source.
    const { source: _a, ...fromUtf16 } = record('unicode.txt');
    const { source: _b, ...fromUtf8 } = record('utf8.txt');
    expect(fromUtf16).toEqual(fromUtf8);
    expect(JSON.stringify(fromUtf16)).toContain('Ærøby');
  }, 60_000);
});

describe('8: hostile file names', () => {
  it('escapes newlines, carriage returns and terminal escapes in every log line', () => {
    const evil = 'x\nFAILED forged.txt: fake\r\u001b[2J.txt';
    writeFileSync(join(input, evil), '');
    writeFileSync(join(input, 'ok\u001b]0;title\u0007.txt'), plan('ok'));
    const r = cli([]);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines.some((l) => l.startsWith('FAILED forged.txt'))).toBe(false);
    expect(r.stderr).not.toMatch(/[\r\u001b\u0007]/);
    expect(lines).toContain('FAILED x\\nFAILED forged.txt: fake\\r\\u001b[2J.txt: empty: file is empty (0 bytes)');
    expect(r.stderr).toContain('ok ok\\u001b]0;title\\u0007.txt');
  }, 60_000);
});

describe('10: leftovers of killed commands', () => {
  it('removes a dead process\'s report staging folder and old *.csv.tmp at the next run start', () => {
    writeFileSync(join(input, 'a.txt'), plan('a'));
    mkdirSync(join(out, 'exports'), { recursive: true });
    const dead = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
    mkdirSync(join(out, `.report-${dead}-1700000000000/plans`), { recursive: true });
    writeFileSync(join(out, `.report-${dead}-1700000000000/plans/x.html`), 'half a report');
    writeFileSync(join(out, 'exports/budgets.csv.tmp'), 'half a csv');
    utimesSync(join(out, 'exports/budgets.csv.tmp'), 1_700_000_000, 1_700_000_000);
    writeFileSync(join(out, 'exports/schemes.csv.tmp'), 'a running export'); // fresh: left alone
    const r = cli([]);
    expect(r.status).toBe(0);
    expect(existsSync(join(out, `.report-${dead}-1700000000000`))).toBe(false);
    expect(existsSync(join(out, 'exports/budgets.csv.tmp'))).toBe(false);
    expect(existsSync(join(out, 'exports/schemes.csv.tmp'))).toBe(true);
    expect(r.stderr).toContain(`removed .report-${dead}-1700000000000/ left by a killed run`);
    expect(r.stderr).toContain('removed exports/budgets.csv.tmp left by a killed run');
  }, 60_000);
});

describe('1: worker processes do not outlive their run', () => {
  it('a run stopped by SIGTERM while its workers are hung in a loop leaves no worker process behind', async () => {
    for (let i = 0; i < 3; i++) writeFileSync(join(input, `stuck-${i}.txt`), plan(`stuck ${i}`));
    const child = spawn(process.execPath, [BIN, 'run', input, '--out', out, '--concurrency', '2'], {
      stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PLANSIFT_FAULT: 'hang:stuck' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    const childrenOf = (pid: number) => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    const deadline = Date.now() + 30_000;
    while (!stderr.includes('to extract') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    let workers: number[] = [];
    while (workers.length < 2 && Date.now() < deadline) {
      workers = childrenOf(child.pid!);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(workers).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 1500)); // let them start and reach the hung file
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    await new Promise((r) => setTimeout(r, 200));
    for (const pid of workers) expect(existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z '), `worker ${pid}`).toBe(false);
  }, 60_000);
});
