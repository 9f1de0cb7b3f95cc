// How an organisation's name is reduced to its core for matching: "NHS North Eastham Clinical
// Commissioning Group" and "North Eastham CCG" are one CCG; "Eastham City Council", "City of Eastham" and
// "Eastham City Health and Well-being Board" are one area. Case, "&"/"and", hyphens, "NHS", the kind's own
// words ("CCG", "ICB", "Council", "Borough", "Metropolitan", ...) do not make names different.

export type NameKind = 'council' | 'ccg' | 'icb' | 'hwb';

/** Lower case, "&" -> "and", punctuation and hyphens to spaces, "well-being" -> "wellbeing". */
export function plainName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2019]/g, '')
    .replace(/\bwell[\s\-\u2010-\u2015]+being\b/g, 'wellbeing')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const HWB_SUFFIX = /\s(?:health\sand\swellbeing\sboard|hwb|health\sand\swellbeing\spartnership|wellbeing\sboard)$/;
const CCG_SUFFIX = /\s(?:clinical\scommissioning\sgroups?|ccgs?)$/;
const ICB_SUFFIX = /\s(?:integrated\scare\s(?:board|system|partnership)|icb|ics)$/;
const COUNCIL_PREFIX = /^(?:the\s)?(?:london\sborough\sof|royal\sborough\sof|metropolitan\sborough\sof|borough\sof|city\sand\scounty\sof\sthe\scity\sof|city\sand\scounty\sof|city\sof|county\sof|council\sof\sthe|council\sof)\s/;
const COUNCIL_SUFFIX = /\s(?:council|corporation|ua|london\sboro|district|metropolitan\sborough|metropolitan\sdistrict|borough|county|city|city\sof|county\sof|unitary\sauthority|local\sauthority|mbc|cc|bc)$/;

/** The kind a name says it is, by its own words; null when it does not say. */
export function kindOfName(name: string): NameKind | null {
  const p = ` ${plainName(name)}`;
  if (HWB_SUFFIX.test(p)) return 'hwb';
  // "NHS X ICB - 15M": a Sub-ICB Location, the CCG's successor under its code.
  if (CCG_SUFFIX.test(p) || /\sicb\s[0-9a-z]{3}$/.test(p)) return 'ccg';
  if (ICB_SUFFIX.test(p)) return 'icb';
  if (/\s(?:council|corporation)$/.test(p) || COUNCIL_PREFIX.test(p.trim())) return 'council';
  return null;
}

/** Strip a pattern repeatedly from the end ("… metropolitan borough council" -> "…"). */
function stripEnd(s: string, re: RegExp): string {
  let prev: string;
  do {
    prev = s;
    s = ` ${s}`.replace(re, '').trim();
  } while (s !== prev && s !== '');
  return s || prev;
}

/**
 * The core of a name for matching within one kind. Councils and boards reduce to their place ("eastham");
 * CCGs and ICBs to the words between "NHS" and their suffix ("north eastham").
 */
export function nameCore(name: string, kind: NameKind): string {
  let s = plainName(name).replace(/^the\s/, '');
  if (kind === 'ccg' || kind === 'icb') {
    s = s.replace(/^nhs\s/, '');
    s = stripEnd(s, kind === 'ccg' ? CCG_SUFFIX : ICB_SUFFIX);
    return s.replace(/^nhs\s/, '');
  }
  if (kind === 'hwb') s = stripEnd(s, HWB_SUFFIX);
  s = s.replace(COUNCIL_PREFIX, '');
  s = stripEnd(s, COUNCIL_SUFFIX);
  return s.replace(COUNCIL_PREFIX, '');
}
