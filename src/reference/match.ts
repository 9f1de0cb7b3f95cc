// Names as written -> gazetteer organisations, within the dates of the plan's round.
import { activeBetween, PLANS_WITH, type Gazetteer, type Organisation, type OrgKind } from './gazetteer.js';
import { kindOfName, nameCore, type NameKind } from './names.js';

/** The months a round's plans are written and run in: from a year before its first April to its last March. */
export function roundWindow(round: string | null): { from: string; to: string; start: string } | null {
  const m = round ? /^(\d{4})-(\d{2})$/.exec(round) : null;
  if (!m) return null;
  const first = Number(m[1]);
  const last = Math.floor(first / 100) * 100 + Number(m[2]);
  if (last <= first) return null;
  return { from: `${first - 1}-04`, to: `${last}-03`, start: `${first}-04` };
}

export interface OrgMatch {
  kind: OrgKind;
  organisation: Organisation | null;
  /** Why a name was not matched (or was matched against the odds), for the record's note. */
  note: string | null;
}

/** Which gazetteer kinds a written kind may be: a board is its council's area; a 2022 "CCG" may be an ICB's sub-location. */
function kindsFor(kind: NameKind): OrgKind[] {
  if (kind === 'ccg') return ['ccg', 'icb'];
  if (kind === 'icb') return ['icb', 'ccg'];
  return ['council'];
}

function pick(cands: Organisation[], window: ReturnType<typeof roundWindow>): Organisation | null {
  if (cands.length <= 1) return cands[0] ?? null;
  if (window) {
    const atStart = cands.filter((o) => activeBetween(o, window.start, window.start));
    if (atStart.length >= 1) return atStart[0];
  }
  // The latest organisation of the name (a successor council bearing its predecessor's name).
  return [...cands].sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? ''))[0];
}

/**
 * Match one name as written. `kind` is what the name or its label says it is (a board matches its council).
 * An organisation that did not exist in the round is no match (an ICB named in a 2014 plan is something else),
 * noted with what it would have been.
 */
export function matchOrganisation(g: Gazetteer, written: string, round: string | null, kind: NameKind | null = kindOfName(written)): OrgMatch {
  const asKind: NameKind = kind ?? 'council';
  const window = roundWindow(round);
  const outKind: OrgKind = asKind === 'hwb' ? 'council' : asKind;
  let outOfDate: Organisation | null = null;
  for (const k of kindsFor(asKind)) {
    const key = nameCore(written, k === 'council' ? asKind : k);
    const cands = g.index[k].get(key) ?? [];
    const inRound = window ? cands.filter((o) => activeBetween(o, window.from, window.to)) : cands;
    const chosen = pick(inRound, window);
    if (chosen) return { kind: chosen.kind, organisation: chosen, note: null };
    outOfDate ??= cands[0] ?? null;
  }
  if (outOfDate) {
    const dates = `${outOfDate.validFrom ?? '…'} to ${outOfDate.validTo ?? 'now'}`;
    // A CCG that had merged by the round: say which CCG took it over (lineage.csv).
    const next = g.lineage.filter((l) => l.relation === 'ccg_successor' && l.from_ods === outOfDate!.odsCode).map((l) => l.to_name);
    const successor = next.length ? `; succeeded by ${[...new Set(next)].join(', ')}` : '';
    return { kind: outKind, organisation: null, note: `not matched: ${outOfDate.name} existed ${dates}, not in round ${round}${successor}` };
  }
  const what = asKind === 'council' || asKind === 'hwb' ? 'upper-tier council' : asKind === 'ccg' ? 'CCG or ICB' : 'ICB or CCG';
  const lower = outKind === 'council' && /\b(?:district|borough|town|parish)\b/i.test(written) ? ' (a district or borough council is not an HWB area)' : '';
  return { kind: outKind, organisation: null, note: `not matched: no ${what} of this name in the gazetteer${lower}` };
}

/** The HWB area code for a council's code: the area it plans with where it shares a board. */
export function hwbAreaOf(onsCode: string): string {
  return PLANS_WITH[onsCode] ?? onsCode;
}

/** The upper-tier council area an NHS body mostly covers (most LSOAs in its overlaps), as a last resort. */
export function mainAreaOf(g: Gazetteer, orgs: Organisation[]): string | null {
  const counts = new Map<string, number>();
  for (const o of orgs) {
    for (const ov of g.overlaps) {
      if (ov.ods_code === o.odsCode && ov.kind === o.kind) counts.set(ov.utla_ons, (counts.get(ov.utla_ons) ?? 0) + ov.lsoa_count);
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? hwbAreaOf(best[0]) : null;
}
