// Organisations named anywhere in a plan, found by the gazetteer: every "… Council", "… CCG", "… ICB",
// "… Health and Wellbeing Board" (and "London Borough of …") whose words, as written, match an organisation
// of the plan's round. Used where the plan-details table, sign-off or income rows name no party: covers,
// committee reports wrapping a plan, converted text whose table lost its layout, narrative plans.
import { activeBetween, type Gazetteer, type Organisation } from '../../reference/gazetteer.js';
import { hwbAreaOf, matchOrganisation, roundWindow } from '../../reference/match.js';
import type { NameKind } from '../../reference/names.js';

export interface Mention {
  /** As written (spacing collapsed). */
  written: string;
  kind: NameKind;
  organisation: Organisation;
  index: number;
}

const WORD = String.raw`(?:[A-Z][\w'’.-]*|of|the|and|&|upon|on|under|in|with|le)`;
const SUFFIX = String.raw`(?:Clinical\s+Commissioning\s+Group|CCG|Integrated\s+Care\s+Board|ICB|Health\s+(?:and|&)\s+Well-?\s?being\s+Board|HWB|Council|Corporation)`;
const ENDED = new RegExp(String.raw`(?:NHS\s+)?[A-Z][\w'’.-]*(?:[ \t]+${WORD}){0,8}?[ \t]+${SUFFIX}\b|\b(?:NHS\s+)?[A-Z]{2,}[ \t]+${SUFFIX}\b`, 'g');
const PREFIXED = /\b(?:London\s+Borough|Royal\s+Borough|City|Borough|Council)\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:[ \t]+(?:(?:and|&|upon|on)[ \t]+)?[A-Z][\w'’-]*){0,3}/g;

/** Capitalised words that begin a phrase, not a place: "The", "Between", "Report", "Dear". */
const LEADING = /^(?:The|This|That|Our|And|Or|Between|With|To|For|By|From|Of|In|On|At|Report|Dear|Agenda|Item|Title|Subject|Meeting|Signed|Behalf|Lead|Chair|Both|Each|All|Partners?|Members?|Namely|Including|Across|Within|NHS|Authority|Authorities|Groups?|CCGs|ICBs|Boards?|Organisations?|Commissioning|Name|Area)$/;

function kindOf(written: string): NameKind {
  if (/Well-?\s?being\s+Board$|HWB$/i.test(written)) return 'hwb';
  if (/(?:CCG|Commissioning\s+Group)$/i.test(written)) return 'ccg';
  if (/(?:ICB|Integrated\s+Care\s+Board)$/i.test(written)) return 'icb';
  return 'council';
}

/** The longest tail of the words (dropping words from the left) that matches an organisation of the round. */
function matchTail(g: Gazetteer, text: string, round: string | null, kind: NameKind | null): { written: string; org: Organisation } | null {
  // A tab or a run of spaces is a column gap (a flattened table row "Label    Value"): the name is after it.
  const words = text.split(/\t| {2,}/).pop()!.replace(/\s+/g, ' ').trim().split(' ');
  for (let i = 0; i < words.length; i++) {
    if (!/^[A-Z&]/.test(words[i]) || words[i] === '&') continue;
    // Drop leading words only where they cannot be part of the name: "Report to Northby Council", not
    // "South Northby District Council" -> "Northby District Council".
    // "NHS" always begins a name ("Commissioning NHS Northby CCG" from a flattened table row).
    if (i > 0 && words[i] !== 'NHS' && /^[A-Z]/.test(words[i - 1]) && !/[.:;,]$/.test(words[i - 1]) && !LEADING.test(words[i - 1])) continue;
    if (words[i] !== 'NHS' && LEADING.test(words[i])) continue;
    const written = words.slice(i).join(' ');
    const m = matchOrganisation(g, written, round, kind ?? kindOf(written));
    if (m.organisation) return { written, org: m.organisation };
  }
  return null;
}

/** Every mention of an organisation of the round, in document order. */
export function scanOrganisations(text: string, round: string | null, g: Gazetteer): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(ENDED)) {
    const hit = matchTail(g, m[0], round, kindOf(m[0]));
    if (hit) out.push({ written: hit.written, kind: kindOf(m[0]), organisation: hit.org, index: (m.index ?? 0) + m[0].indexOf(hit.written.split(' ')[0]) });
  }
  for (const m of text.matchAll(PREFIXED)) {
    const written = m[0].replace(/\s+/g, ' ');
    const hit = matchOrganisation(g, written, round, 'council');
    if (hit.organisation) out.push({ written, kind: 'council', organisation: hit.organisation, index: m.index ?? 0 });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Share of one NHS body's LSOAs in an area, or of the area's LSOAs in it, whichever is larger (any vintage). */
function overlapWith(g: Gazetteer, nhs: Organisation, area: string): number {
  let best = 0;
  for (const ov of g.overlaps) {
    if (ov.ods_code !== nhs.odsCode || ov.utla_ons !== area) continue;
    best = Math.max(best, ov.share_of_org_lsoas, ov.lsoa_count / areaLsoas(g, area, ov.vintage));
  }
  return best;
}

// LSOAs per area and vintage, summed once per gazetteer: every NHS body a plan names is weighed against them.
const areaSizes = new WeakMap<Gazetteer, Map<string, number>>();
function areaLsoas(g: Gazetteer, area: string, vintage: string): number {
  let sizes = areaSizes.get(g);
  if (!sizes) {
    sizes = new Map();
    for (const ov of g.overlaps) sizes.set(`${ov.utla_ons}|${ov.vintage}`, (sizes.get(`${ov.utla_ons}|${ov.vintage}`) ?? 0) + ov.lsoa_count);
    areaSizes.set(g, sizes);
  }
  return sizes.get(`${area}|${vintage}`) ?? Number.POSITIVE_INFINITY;
}

export interface ScannedArea {
  /** HWB area code the mentions point to. */
  code: string | null;
  councils: string[];
  nhs: string[];
  board: string | null;
}

/**
 * The plan's own area from the mentions: councils and boards score by how often they are named, the opening
 * (cover, title, a report's first lines) counting most. Its parties: the area's council(s) as written, the CCGs/
 * ICBs named that cover a real part of it, and the board named after it.
 */
export function areaFromMentions(mentions: Mention[], g: Gazetteer, round: string | null, openingChars = 3000): ScannedArea {
  const score = new Map<string, number>();
  for (const m of mentions) {
    if (m.kind !== 'council' && m.kind !== 'hwb') continue;
    const code = m.organisation.onsCode;
    if (!code) continue;
    const w = (m.index < openingChars ? 3 : 1) * (m.kind === 'hwb' ? 2 : 1);
    score.set(hwbAreaOf(code), (score.get(hwbAreaOf(code)) ?? 0) + w);
  }
  let code = [...score.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  if (!code) {
    // No council or board named: the area the NHS bodies named most cover.
    const nhsScore = new Map<string, number>();
    for (const m of mentions) {
      if (m.kind !== 'ccg' && m.kind !== 'icb') continue;
      for (const a of m.organisation.parentHwb) nhsScore.set(hwbAreaOf(a), (nhsScore.get(hwbAreaOf(a)) ?? 0) + overlapWith(g, m.organisation, a));
    }
    code = [...nhsScore.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  }
  if (!code) return { code: null, councils: [], nhs: [], board: null };
  const inArea = (o: Organisation) => o.onsCode !== null && hwbAreaOf(o.onsCode) === code;
  const firstWritten = (list: Mention[]) => {
    const seen = new Map<Organisation, string>();
    for (const m of list) if (!seen.has(m.organisation)) seen.set(m.organisation, m.written);
    return [...seen.values()];
  };
  const councils = firstWritten(mentions.filter((m) => m.kind === 'council' && inArea(m.organisation)));
  const window = roundWindow(round);
  const nhs = firstWritten(
    mentions.filter(
      (m) =>
        (m.kind === 'ccg' || m.kind === 'icb') &&
        (!window || activeBetween(m.organisation, window.from, window.to)) &&
        m.organisation.parentHwb.some((a) => hwbAreaOf(a) === code && overlapWith(g, m.organisation, a) >= 0.1),
    ),
  );
  const boards = mentions.filter((m) => m.kind === 'hwb' && inArea(m.organisation));
  const counts = new Map<string, number>();
  for (const b of boards) counts.set(b.written, (counts.get(b.written) ?? 0) + 1);
  const board = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { code, councils, nhs, board };
}

