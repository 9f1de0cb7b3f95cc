// Tests that read ../shared (the real plans, their gold records and the reference lists, kept beside the repo and
// not in it) skip when it is absent, each test file saying so in one line; everything else runs on a bare clone.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** The parts of a gold record (../shared/gold/<id>.json) the corpus tests compare with. */
export interface GoldRecord {
  template: string;
  area: { localAuthorities: string[]; ccgs: string[]; healthAndWellbeingBoard: string | null };
  sections: { id: string; heading: string | null; status: string }[];
  schemes: { ref: string | null; name: string }[];
  budgets: { kind: string; year: string | null; amountGbp: number; scheme: string | null; text: string }[];
  risks: { description: string; likelihood: number | null; impact: number | null; score: number | null; rating: string | null }[];
  metrics: { metric: string; period: string; kind: string; value: number; numerator: number | null; denominator: number | null }[];
  flags: { code: string; section: string | null }[];
}

export interface CorpusPlan {
  /** The file name without extension, shared by the plan's .txt, .docx, .pdf and its gold record. */
  id: string;
  gold: GoldRecord;
}

const EMPTY_GOLD: GoldRecord = { template: '', area: { localAuthorities: [], ccgs: [], healthAndWellbeingBoard: null }, sections: [], schemes: [], budgets: [], risks: [], metrics: [], flags: [] };

/**
 * The corpus plans, found through their gold records at run time, in file order, so that tests name no corpus
 * file, area or figure. Empty when ../shared/gold is absent (the tests reading them skip then).
 */
export function corpusPlans(): CorpusPlan[] {
  const dir = join(SHARED_DIR, 'gold');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /^[^.]+\.json$/.test(f)).sort()
    .map((f) => ({ id: f.replace(/\.json$/, ''), gold: JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldRecord }));
}

/** The one corpus plan made on a template (its gold record says which); a placeholder when ../shared is absent. */
export function corpusPlan(template: 'bcf-2014-revised' | 'bcf-2014-original' | 'bcf-2022-23'): CorpusPlan {
  const all = corpusPlans();
  if (all.length === 0) return { id: `missing-${template}`, gold: EMPTY_GOLD };
  const found = all.filter((p) => p.gold.template === template);
  if (found.length !== 1) throw new Error(`expected one corpus plan on ${template} in ../shared/gold, found ${found.length}`);
  return found[0];
}

/** A gold year ("2014/15") as records write it ("2014-15"). */
export const recordYear = (year: string | null) => (year === null ? null : year.replace('/', '-'));

/** An amount as the plans print it: "£1,234,567". */
export const gbp = (n: number) => `£${n.toLocaleString('en-GB')}`;
