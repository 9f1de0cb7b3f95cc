// Files beside the database: JSON records (written atomically) and the run lock.
import { mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';

/** Where a document's JSON record lives: DIR/records/<relative path>.json. */
export function recordPath(outDir: string, rel: string): string {
  return join(outDir, 'records', `${rel}.json`);
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

export async function removeRecordFile(outDir: string, rel: string): Promise<void> {
  await unlink(recordPath(outDir, rel)).catch(() => undefined);
}

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
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

/**
 * Take DIR/.plansift.lock (pid, host, start time) so two runs never write the same output. A lock left by a
 * process that no longer exists on this host is taken over, and `onStale` is told. Returns the release function.
 */
export async function acquireLock(outDir: string, onStale: (info: LockInfo) => void): Promise<() => Promise<void>> {
  const file = join(outDir, '.plansift.lock');
  const mine: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
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
    if (held && typeof held.pid === 'number' && (held.host !== mine.host || processAlive(held.pid))) {
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
