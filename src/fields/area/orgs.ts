// What kind of organisation a name is, and how to clean and split names as written in plans.
import { memoString } from '../../cache/memo.js';
import { stripMarkup } from '../../text/clean.js';

export type OrgRole = 'la' | 'ccg' | 'hwb';

const HWB_NAME = /\bHealth\s+(?:and|&)\s+Well-?\s?being\s+Boards?$/i;
const CCG_NAME = /\b(?:CCGs?|Clinical\s+Commissioning\s+Groups?|ICBs?|Integrated\s+Care\s+Boards?)$/i;
const LA_NAME = /(?:\bCouncil$|^(?:London|Royal)\s+Borough\s+of\s+\S|^(?:City|County|Borough)\s+of\s+\S.*\bCouncil$)/i;
/** First words that make a "name" a phrase instead ("the Council", "each CCG", "Signed on behalf of the Council"). */
const NOT_A_NAME_START = /^(?:the|this|that|our|each|all|both|any|every|other|local|signed|by|and|of|for|in|a|an|partner|member|participating|respective|relevant|two|three|four|five|six|seven|eight|nine|ten|\d+|council|ccgs?|clinical|name|date|minimum|total|additional)\b|^(?:county|city|district|borough)\b(?!\s+of\b)/i;

/** A name cleaned of markup, placeholders and trailing punctuation (remembered: several readers offer the same cells). */
export const cleanName = memoString(cleanNameUncached);

function cleanNameUncached(raw: string): string {
  return stripMarkup(raw.replace(/<[^>]*>/g, ' ').replace(/\((?:insert|please)[^)]*\)/gi, ' '))
    .replace(/^[\s:–-]+|[\s.,;:–-]+$/g, '')
    // "Northby CCG (lead commissioner)": the note is not part of the name.
    .replace(/\s*\((?:lead|host|co-?ordinating|coordinating|main|responsible)[^)]*\)$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The role a cleaned name has, judged by how it ends, or null when it is not an organisation name. */
export function roleOfName(name: string): OrgRole | null {
  const words = name.split(' ');
  if (words.length < 2 || words.length > 12 || !/^[A-Z]/.test(name) || NOT_A_NAME_START.test(name)) return null;
  if (/[.?!,]\s/.test(name) || /\d{3,}|£/.test(name)) return null;
  // A person's title ("Councillor X, Leader of the Council") or a role, not an organisation.
  if (/^(?:councillor|cllr|mr|mrs|ms|miss|dr|prof|sir|dame|leader|chair|chief|director|cabinet)\b/i.test(name)) return null;
  if (/\bof\s+the\s+(?:council|board|ccg)$/i.test(name)) return null;
  if (HWB_NAME.test(name)) return 'hwb';
  if (CCG_NAME.test(name)) return 'ccg';
  if (LA_NAME.test(name)) return 'la';
  return null;
}

/** Split a cell holding several names ("A CCG & B CCG", one per line, "A; B") where every part is a name. */
export function splitNames(raw: string): string[] {
  const lines = raw
    .split(/\n|;|\s\|\s/)
    .map(cleanName)
    .filter((s) => s !== '');
  const out: string[] = [];
  for (const line of lines) {
    // Split only right after a name's suffix: "A CCG & B CCG", "A Council, B Council".
    const parts = line.split(/(?<=\b(?:CCGs?|Council|ICB|Board|Group))\s*(?:,|&|\band\b|\/)\s*/i).map((p) => p.trim());
    // Only split when every part is an organisation on its own ("Eastvale and Surrounds CCG" stays whole).
    if (parts.length > 1 && parts.every((p) => roleOfName(p) !== null)) {
      out.push(...parts);
      continue;
    }
    // Two names run together where a line break was lost ("NHS A CCG NHS B CCG"): split when both are the same kind.
    const run = line.split(/(?<=\b(?:CCG|Council|ICB|Board))\s+(?=[A-Z])/);
    const role = roleOfName(run[0]);
    if (run.length > 1 && role && run.every((p) => roleOfName(p) === role)) out.push(...run);
    else out.push(line);
  }
  return out;
}

/** Case, spacing, "&"/"and", hyphens and a leading "NHS" do not make two names different. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[-\u2010-\u2015]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^nhs /, '')
    .trim();
}

/** The place in a name: "Northmoor City Council" -> "Northmoor", "Westshire Health and Wellbeing Board" -> "Westshire". */
export function placeOf(name: string): string {
  return name
    .replace(/^NHS\s+/i, '')
    .replace(HWB_NAME, '')
    .replace(CCG_NAME, '')
    .replace(/\b(?:Metropolitan\s+)?(?:City|County|Borough|District)?\s*Council$/i, '')
    .replace(/^(?:London|Royal)\s+Borough\s+of\s+/i, '')
    .replace(/\s+(?:City|County)$/i, '')
    .trim();
}
