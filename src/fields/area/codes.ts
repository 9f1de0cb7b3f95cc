// The area's organisations matched to the gazetteer, and the plan's HWB area code.
import type { Organisation } from '../../record/schema.js';
import { loadGazetteer, type Gazetteer, type Organisation as GazOrg } from '../../reference/gazetteer.js';
import { hwbAreaOf, mainAreaOf, matchOrganisation } from '../../reference/match.js';
import { kindOfName } from '../../reference/names.js';

export interface AreaNames {
  localAuthorities: string[];
  ccgs: string[];
  healthAndWellbeingBoard: string | null;
}

export interface AreaCodes {
  organisations: Organisation[];
  hwbAreaCode: string | null;
}

function entry(written: string, m: ReturnType<typeof matchOrganisation>): Organisation {
  const o = m.organisation;
  return {
    kind: m.kind,
    name: written,
    canonicalName: o?.name ?? null,
    onsCode: o?.onsCode ?? null,
    odsCode: o?.odsCode ?? null,
    note: m.note,
  };
}

/**
 * Match the names as written and choose the HWB area: the board's own area where its name matches a council,
 * else the first upper-tier council named, else the council area the named CCGs/ICBs mostly cover. A plan for
 * two councils that share a board (City of London with Hackney) gets the larger's code.
 */
export function resolveArea(names: AreaNames, round: string | null, g: Gazetteer = loadGazetteer()): AreaCodes {
  const organisations: Organisation[] = [];
  const councils: GazOrg[] = [];
  const nhs: GazOrg[] = [];
  for (const name of names.localAuthorities) {
    const m = matchOrganisation(g, name, round, 'council');
    organisations.push(entry(name, m));
    if (m.organisation) councils.push(m.organisation);
  }
  for (const name of names.ccgs) {
    const said = kindOfName(name);
    const m = matchOrganisation(g, name, round, said === 'icb' ? 'icb' : 'ccg');
    organisations.push(entry(name, m));
    if (m.organisation) nhs.push(m.organisation);
  }
  let code: string | null = null;
  if (names.healthAndWellbeingBoard) {
    const board = matchOrganisation(g, names.healthAndWellbeingBoard, round, 'hwb').organisation;
    if (board?.onsCode) code = hwbAreaOf(board.onsCode);
  }
  if (!code) {
    const areas = [...new Set(councils.map((c) => c.onsCode).filter((c): c is string => !!c).map(hwbAreaOf))];
    code = areas[0] ?? null;
  }
  code ??= mainAreaOf(g, nhs);
  return { organisations, hwbAreaCode: code };
}
