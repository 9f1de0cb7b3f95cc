// Files beside the database: JSON records (written atomically) and the run lock.
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Where a document's JSON record lives: DIR/records/<relative path>.json. A folder of the input whose name ends
 * in `.json` (then any `_`s) gets one more `_`, so a folder `a.txt.json/` can never be the record of file `a.txt`:
 * record files always end in `.json`, folders under records/ never do.
 */
export function recordPath(outDir: string, rel: string): string {
  const parts = rel.split('/');
  const folders = parts.slice(0, -1).map((p) => (/\.json_*$/i.test(p) ? `${p}_` : p));
  return join(outDir, 'records', ...folders, `${parts[parts.length - 1]}.json`);
}

/** Temp files are written here (same filesystem as records/, so rename is atomic) and cleared at each run start. */
export function tempDir(outDir: string): string {
  return join(outDir, '.tmp');
}

export async function clearTempDir(outDir: string): Promise<void> {
  await rm(tempDir(outDir), { recursive: true, force: true });
  await mkdir(tempDir(outDir), { recursive: true });
}

let tempCounter = 0;
/** Record folders already made in this process: a mkdir per record is a thread-pool round trip each time. */
const madeDirs = new Set<string>();

/** Write a JSON record via a temp file and rename: a reader (or a crash) never sees half a record. */
export async function writeRecordFile(outDir: string, rel: string, json: string): Promise<void> {
  const target = recordPath(outDir, rel);
  const folder = dirname(target);
  if (!madeDirs.has(folder)) {
    await mkdir(folder, { recursive: true });
    madeDirs.add(folder);
  }
  const temp = join(tempDir(outDir), `${process.pid}-${++tempCounter}.json`);
  await writeFile(temp, json.endsWith('\n') ? json : `${json}\n`);
  try {
    await rename(temp, target);
  } catch (err) {
    // The folder was removed since we made it (another process, a test): make it again, once.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await mkdir(folder, { recursive: true });
    await rename(temp, target);
  }
}

/**
 * What killed `report` and `export` runs leave behind: a report staging folder `.report-<pid>-<ms>/` of a process
 * that is gone, and `exports/*.csv.tmp` older than ten minutes (a running export renames its own within seconds).
 * Removed at the start of a run; returns what was removed, for the log.
 */
export async function clearLeftovers(outDir: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(outDir).catch(() => [] as string[])) {
    const m = /^\.report-(\d+)-\d+$/.exec(name);
    if (!m || (Number(m[1]) !== process.pid && processAlive(Number(m[1])))) continue;
    await rm(join(outDir, name), { recursive: true, force: true });
    removed.push(`${name}/`);
  }
  const exports = join(outDir, 'exports');
  for (const name of await readdir(exports).catch(() => [] as string[])) {
    if (!name.endsWith('.csv.tmp')) continue;
    const st = await stat(join(exports, name)).catch(() => null);
    if (!st || now - st.mtimeMs < 10 * 60_000) continue;
    await rm(join(exports, name), { force: true });
    removed.push(`exports/${name}`);
  }
  return removed;
}

export async function removeRecordFile(outDir: string, rel: string): Promise<void> {
  await unlink(recordPath(outDir, rel)).catch(() => undefined);
}

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  /** The kernel's boot id and the process's start time (clock ticks since boot): a pid reused after a reboot,
   * or by another process, does not match them. Absent where /proc is not available. */
  bootId?: string;
  processStart?: string;
}

export class LockHeldError extends Error {
  override name = 'LockHeldError';
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces and parentheses). */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** The lock's process is still the one that wrote it: alive, same boot, same start time. */
export function lockHolderAlive(held: LockInfo): boolean {
  if (!processAlive(held.pid)) return false;
  const boot = bootId();
  if (held.bootId && boot && held.bootId !== boot) return false;
  const start = processStartTime(held.pid);
  if (held.processStart && start && held.processStart !== start) return false;
  return true;
}

/**
 * Take DIR/.plansift.lock (pid, host, start time, boot id, process start) so two runs never write the same output.
 * A lock left by a process that no longer exists on this host (or whose pid now belongs to another process, as
 * after a reboot) is taken over, and `onStale` is told. Returns the release function.
 */
export async function acquireLock(outDir: string, onStale: (info: LockInfo) => void): Promise<() => Promise<void>> {
  const file = join(outDir, '.plansift.lock');
  const mine: LockInfo = {
    pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), bootId: bootId(), processStart: processStartTime(process.pid),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
      return async () => {
        const now = await readFile(file, 'utf8').catch(() => '');
        if (now.includes(`"pid":${process.pid},`)) await unlink(file).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let held: LockInfo | null = null;
    try {
      held = JSON.parse(await readFile(file, 'utf8')) as LockInfo;
    } catch {
      held = null; // unreadable or half-written lock: treat as stale
    }
    if (held && typeof held.pid === 'number' && (held.host !== mine.host || lockHolderAlive(held))) {
      const where = held.host !== mine.host ? ` on host ${held.host}` : '';
      throw new LockHeldError(
        `another plansift run (pid ${held.pid}${where}, started ${held.startedAt}) holds ${file}; ` +
          'if it is certainly dead, delete the lock file',
      );
    }
    onStale(held ?? { pid: -1, host: mine.host, startedAt: 'unknown' });
    await unlink(file).catch(() => undefined);
  }
  throw new LockHeldError(`could not take ${file}: another run keeps taking it`);
}
