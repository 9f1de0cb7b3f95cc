// Tests that read ../shared (the real plans, their gold records and the reference lists, kept beside the repo and
// not in it) skip when it is absent, each test file saying so in one line; everything else runs on a bare clone.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared folder beside the repository (`../shared` from the repo root). */
export const SHARED_DIR = fileURLToPath(new URL('../../shared/', import.meta.url));

const told = new Set<string>();

/**
 * True when every named part of ../shared exists (`corpus`, `gold`, ...). Otherwise false, after one line on
 * stderr naming what is missing and what is skipped; use as `describe.skipIf(!haveShared('corpus', 'why'))`.
 */
export function haveShared(part: string | string[], what: string): boolean {
  const parts = Array.isArray(part) ? part : [part];
  const missing = parts.filter((p) => !existsSync(new URL(`../../shared/${p}`, import.meta.url)));
  if (missing.length === 0) return true;
  const line = `skipped: ${what} (needs ${missing.map((m) => `../shared/${m}`).join(' and ')}, not found beside the repo at ${SHARED_DIR})`;
  if (!told.has(line)) {
    told.add(line);
    console.warn(line);
  }
  return false;
}
