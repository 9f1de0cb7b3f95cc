// The gazetteer: councils, CCGs and ICBs with their ONS/ODS codes and dates (data/reference/*.csv, sources in
// data/reference/README.md). Loaded and validated once per process (each worker thread is one), then
// used to match names as plans write them to official organisations and codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { deepFreeze } from '../cache/memo.js';
import { nameCore } from './names.js';

const month = z.string().regex(/^\d{4}-\d{2}$/, 'yyyy-mm');
const optMonth = z.union([z.literal(''), month]).transform((v) => v || null);
const optCode = z.string().transform((v) => v.trim() || null);
const list = z.string().transform((v) => v.split(';').map((s) => s.trim()).filter((s) => s !== ''));

export const OrganisationRowSchema = z.object({
  kind: z.enum(['upper_tier_la', 'ccg', 'icb']),
  name: z.string().min(1),
  ons_code: optCode,
  ods_code: optCode,
  valid_from: optMonth,
  valid_to: optMonth,
  parent_hwb_ons: list,
  aliases: list,
  source: z.string(),
});

export const LineageRowSchema = z.object({
  relation: z.enum(['ccg_successor', 'ccg_to_sub_icb_location', 'sub_icb_location_in_icb_2022']),
  from_ods: z.string().min(1),
  from_name: z.string(),
  effective: month,
  to_code: z.string().min(1),
  to_name: z.string(),
  source: z.string(),
});

export const OverlapRowSchema = z.object({
  kind: z.enum(['ccg', 'icb']),
  ods_code: z.string().min(1),
  ons_code: z.string(),
  vintage: z.string().min(1),
  utla_ons: z.string().regex(/^E\d{8}$/),
  lsoa_count: z.coerce.number().int().nonnegative(),
  share_of_org_lsoas: z.coerce.number().min(0).max(1),
});

export type OrgKind = 'council' | 'ccg' | 'icb';

export interface Organisation {
  kind: OrgKind;
  name: string;
  onsCode: string | null;
  odsCode: string | null;
  /** First and last month active (yyyy-mm), null where open-ended. */
  validFrom: string | null;
  validTo: string | null;
  /** Upper-tier councils (ONS codes) the organisation overlaps; for a council, empty. */
  parentHwb: string[];
  aliases: string[];
}

export interface Gazetteer {
  organisations: Organisation[];
  lineage: z.infer<typeof LineageRowSchema>[];
  overlaps: z.infer<typeof OverlapRowSchema>[];
  /** nameCore(name or alias, kind) -> organisations of that kind. */
  index: Record<OrgKind, Map<string, Organisation[]>>;
  byOns: Map<string, Organisation>;
}

/**
 * HWB areas that plan with a neighbour's board (BCF practice, data/reference/NOTES.md): the smaller council's
 * code -> the code of the area it plans with.
 */
export const PLANS_WITH: Readonly<Record<string, string>> = {
  E09000001: 'E09000012', // City of London with Hackney
  E06000053: 'E06000052', // Isles of Scilly with Cornwall
};

export function defaultReferenceDir(): string {
  return fileURLToPath(new URL('../../data/reference/', import.meta.url));
}

/** Parse and validate one CSV file; a bad row fails with the file, line and reason. */
export function readCsv<S extends z.ZodType>(file: string, schema: S, text = readFileSync(file, 'utf8')): z.infer<S>[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  } catch (err) {
    throw new Error(`${file}: not valid CSV: ${err instanceof Error ? err.message : String(err)}`);
  }
  return rows.map((row, i) => {
    const r = schema.safeParse(row);
    if (!r.success) throw new Error(`${file}: row ${i + 2}: ${z.prettifyError(r.error)}`);
    return r.data;
  });
}

export function buildGazetteer(
  orgRows: z.infer<typeof OrganisationRowSchema>[],
  lineage: z.infer<typeof LineageRowSchema>[] = [],
  overlaps: z.infer<typeof OverlapRowSchema>[] = [],
): Gazetteer {
  const organisations: Organisation[] = orgRows.map((r) => ({
    kind: r.kind === 'upper_tier_la' ? 'council' : r.kind,
    name: r.name,
    onsCode: r.ons_code,
    odsCode: r.ods_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    parentHwb: r.parent_hwb_ons,
    aliases: r.aliases.filter((a) => !/^E\d{8}$/.test(a)),
  }));
  const index: Gazetteer['index'] = { council: new Map(), ccg: new Map(), icb: new Map() };
  const byOns = new Map<string, Organisation>();
  for (const o of organisations) {
    if (o.onsCode) byOns.set(o.onsCode, o);
    for (const n of [o.name, ...o.aliases]) {
      const key = nameCore(n, o.kind);
      if (!key) continue;
      const list = index[o.kind].get(key) ?? [];
      if (!list.includes(o)) list.push(o);
      index[o.kind].set(key, list);
    }
  }
  return { organisations, lineage, overlaps, index, byOns };
}

let cached: { dir: string; gazetteer: Gazetteer } | null = null;

/** The gazetteer from `dir` (default data/reference), read and validated once per process (every plan's area is
 *  matched against it). Frozen (its lists and rows; the Maps are not reached), since every later plan shares it. */
export function loadGazetteer(dir: string = defaultReferenceDir()): Gazetteer {
  if (cached?.dir === dir) return cached.gazetteer;
  const gazetteer = deepFreeze(buildGazetteer(
    readCsv(join(dir, 'organisations.csv'), OrganisationRowSchema),
    readCsv(join(dir, 'lineage.csv'), LineageRowSchema),
    readCsv(join(dir, 'overlaps.csv'), OverlapRowSchema),
  ));
  cached = { dir, gazetteer };
  return gazetteer;
}

/** Whether an organisation existed at some time in [from, to] (yyyy-mm, inclusive). */
export function activeBetween(o: Organisation, from: string, to: string): boolean {
  return (o.validFrom === null || o.validFrom <= to) && (o.validTo === null || o.validTo >= from);
}

/** The HWB areas (upper-tier councils, less those that plan with a neighbour) that existed in a month. */
export function hwbAreasAt(g: Gazetteer, at: string): Organisation[] {
  return g.organisations
    .filter((o) => o.kind === 'council' && o.onsCode && !(o.onsCode in PLANS_WITH) && activeBetween(o, at, at))
    .sort((a, b) => a.name.localeCompare(b.name));
}
