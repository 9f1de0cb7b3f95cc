// Creating the output folder without `mkdir -p`'s spin: Node's recursive mkdir loops forever (100% CPU) on paths it
// cannot create such as /proc/x, so the missing folders are made one level at a time, at most once each.
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** Make `dir` and any missing parents; throws a clear error naming the folder that could not be made. */
export async function makeOutDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let d = resolve(dir);
  for (;;) {
    try {
      if (!(await stat(d)).isDirectory()) throw new Error(`${d} exists and is not a folder`);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      missing.push(d);
      const parent = dirname(d);
      if (parent === d) break;
      d = parent;
    }
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new Error(`cannot make ${folder}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
}
