// What one line or line group of the 2014 revised risk log read raw is (typedLog.ts reads the log by content): a
// score and its rating, a likelihood glued to a risk's line, an impact cell's opening, a header cell or the header's
// guidance, a risk's clause; and where a group of wrapped lines holds two cells (a continuation, a cut word's rest,
// a topic opening). Line-level tests only: no reading order here.
import type { LineGroup } from '../../tables/lineGroups.js';
import { cleanCellText } from '../../text/clean.js';
import { CAPITALISED_RATING_SOURCE, RATING_SOURCE, wholeRatingOf } from '../../text/ratingWords.js';
import { isRiskGuidance, type RiskVocabulary } from './columns.js';

/** A score and its rating word opening a line ("20 High Board …") or ending one ("… additional 20 High"). */
export const SCORE_OPENING = new RegExp(`^(\\d{1,2})\\s+(${RATING_SOURCE})\\b\\s*(.*)$`, 'i');
export const SCORE_ENDING = new RegExp(`^(.*\\S)\\s+(\\d{1,2})\\s+(${RATING_SOURCE})$`, 'i');
export const RATING_ALONE = new RegExp(`^(${RATING_SOURCE})$`, 'i');
/** A rating word printed into a neighbour's line, capitalised as a cell opens ("Medium associated …", "… This Medium"). */
export const RATING_OPENING = new RegExp(`^(${CAPITALISED_RATING_SOURCE})\\s+(\\p{Ll}.*)$`, 'u');
export const RATING_ENDING = new RegExp(`^(.*\\S)\\s+(${CAPITALISED_RATING_SOURCE})$`, 'u');
/** An impact cell's first line: its score, then its text. */
export const IMPACT_OPENING = /^([1-5])\s+(\p{Lu}.*)$/u;
/** A likelihood glued to the end of a risk's line ("… of qualified and skilled 4" / "preventive staff"). */
export const SCALE_ENDING = /^(.*\p{L}\S*)\s+([1-5])$/u;

/** A score printed on the baseline of a neighbour's line, without its rating word ("… beds close 15", the rating
 *  "Medium" on a line below): a figure that is a product of two 1-5 scales and no scale itself. */
const SCORE_GLUED = /^(.*\p{L}\S*)\s+(\d{1,2})$/u;
const SCALE_PRODUCTS = new Set([6, 8, 9, 10, 12, 15, 16, 20, 25]);
export function gluedScore(line: string): { value: number; rest: string } | null {
  const m = SCORE_GLUED.exec(line);
  return m && SCALE_PRODUCTS.has(Number(m[2])) ? { value: Number(m[2]), rest: m[1] } : null;
}

/**
 * A rating word cut at its cell's edge and printed at the end of a neighbour's line ("… rents would Mediu"), its
 * rest ("m") a line of its own just below: the rating, the line's text, and where the rest is. Only with the rest
 * found, which no line of prose ends on.
 */
export function cutRatingEnding(lines: string[], n: number): { whole: string; text: string; restAt: number } | null {
  const m = /^(.*\S)\s+(\p{Lu}\p{Ll}{2,})$/u.exec(lines[n]);
  const whole = m ? wholeRatingOf(m[2]) : undefined;
  if (!m || !whole) return null;
  const rest = whole.slice(m[2].length);
  const restAt = lines.findIndex((l, k) => k > n && k <= n + 3 && l === rest);
  return restAt < 0 ? null : { whole, text: m[1], restAt };
}

/** A finite verb or a negation in a risk's first sentence: the clause "There is a risk that" completes. */
const CLAUSE = /\b(not|no|fails?|failure|unable|insufficient|lack\w*|cannot|will|may|might|could|does|do|did|is|are|was|were|has|have|affects?|impacts? on|means)\b/i;
/** Actions open with an adverb of frequency, a gerund or an infinitive ("Monthly review", "Ongoing work", "To agree"). */
const ACTION_OPENING = /^(to|\p{L}+ly|\p{L}+ing)$/iu;

/** A risk named by its topic, in title case, then described: "Shared Records: local access for care staff …". */
export const TOPIC_OPENING = /^\p{Lu}[\p{L}&'/-]*(\s+\p{Lu}[\p{L}&'/-]*){0,3}:\s+\S/u;

/** Whether a free-text cell is a risk: a clause in its first sentence, or a topic and its description; not opening as
 *  an action does. */
export function isRiskClause(text: string): boolean {
  if (TOPIC_OPENING.test(text)) return true;
  const first = text.split(/(?<=[.!?])\s+/)[0];
  const opening = first.split(/\s+/)[0].replace(/[^\p{L}]/gu, '');
  return CLAUSE.test(first) && !ACTION_OPENING.test(opening);
}

/** A header cell's wrapped line that names no role alone ("Overall" / "risk factor", "materialise?"). */
const HEADER_FRAGMENT = /^(overall|risk|factor|materialise\??)$/i;

/** A header cell on a line of its own among the rows ("Potential impact", "Mitigating Actions"); not a short line of
 *  a cell's prose that wrapping left holding a role word and a sentence's end ("limit the impact. Weekly"). */
export const isHeaderLine = (line: string, words: RiskVocabulary) =>
  HEADER_FRAGMENT.test(line) || (!!words.roleOf(line) && line.split(/\s+/).length <= 3 && !/[.!?]\s+\p{Lu}/u.test(line) && !WRAPPED_PROSE.test(line));

/** A short line that goes on as prose does, not as a header cell: it opens inside a parenthesis or ends on a word a
 *  sentence cannot end on ("Effect of the" / "new tariff on …", "(with a knock-on impact" / "for the …"). */
const WRAPPED_PROSE = /^\(|\b(the|a|an|of|on|to|in|for|and|or|by|with|from|at|that)$/i;


/** A group made only of header cells and guidance, printed again or scattered among the rows. */
export function isHeaderGroup(lines: string[], words: RiskVocabulary): boolean {
  const whole = cleanCellText(lines.join(' '));
  return isRiskGuidance(whole) || (!!words.roleOf(whole) && whole.length <= 40) || lines.every((l) => !!words.roleOf(l) || HEADER_FRAGMENT.test(l));
}

/**
 * Where a group that opens with the header's guidance ("Please rate on a scale of 1-5 …", the impact's "And if there
 * is some financial impact …", interleaved as the narrow header cells wrap) ends and the first row's cells begin: the
 * first line after it opening a capitalised sentence that opens no guidance. 0 for a group that opens no guidance or
 * is guidance to its end.
 */
export function guidanceEnd(lines: string[], words: RiskVocabulary): number {
  if (!isRiskGuidance(lines[0])) return 0;
  const at = lines.findIndex((l, n) => n > 0 && /^\p{Lu}/u.test(l) && !isRiskGuidance(l) && !isHeaderLine(l, words));
  return at < 0 ? 0 : at;
}

/** Share of a cell's longest line up to which the next line's first word would have fitted on its last line. */
const ROOM_SHARE = 0.8;

/**
 * A run opening in lower case is the rest of a cell a page break or the reading order cut; it ends with its cell, and
 * a capitalised word that would have fitted on the line before opens the next cell ("… for the BCF" / "schemes" /
 * "Partners withdraw …"), even where that cell's lines are short (a narrow column: splitRunOnCells asks a wrapped
 * line of a cell in the same run's width).
 */
export function splitAfterContinuation(group: LineGroup): LineGroup[] {
  const { lines } = group;
  if (!/^\p{Ll}/u.test(lines[0] ?? '')) return [group];
  for (let n = 1; n < lines.length; n++) {
    const last = lines[n - 1];
    const next = lines[n];
    if (/[.;:!?,]$/.test(last) || !/^\p{Lu}\p{Ll}/u.test(next)) continue;
    // Room measured on the cell's own lines so far ("… the Adult Care" / "Board …" filled its line: it goes on).
    const width = Math.max(...lines.slice(0, n).map((l) => l.length));
    if (last.length + 1 + next.split(/\s+/)[0].length > ROOM_SHARE * width) continue;
    return [{ lines: lines.slice(0, n), block: group.block }, { lines: lines.slice(n), block: group.block + n }];
  }
  return [group];
}

/**
 * A word cut at the cell's edge leaves its rest a line of one or two letters ("… services/reablemen" / "t"): the line
 * before was full, so a capitalised line after the rest whose first word fits in the cell's width would have gone on
 * the rest's line had it been the same cell's: it opens the next cell ("Residents/Carers" after "e"). splitRunOnCells
 * keeps a margin for proportional type that a long first word after so short a line exceeds.
 */
export function splitAfterCutWordRest(group: LineGroup): LineGroup[] {
  const { lines } = group;
  const width = Math.max(...lines.map((l) => l.length));
  for (let n = 2; n < lines.length; n++) {
    if (!/^\p{Ll}{1,2}$/u.test(lines[n - 1]) || !/\p{L}$/u.test(lines[n - 2]) || !/^\p{Lu}\p{Ll}/u.test(lines[n])) continue;
    if (lines[n - 1].length + 1 + lines[n].split(/\s+/)[0].length > width) continue;
    return [{ lines: lines.slice(0, n), block: group.block }, ...splitAfterCutWordRest({ lines: lines.slice(n), block: group.block + n })];
  }
  return [group];
}

/**
 * A risk named by its topic opens a cell ("Shared Records: local access …"): a line inside a run that opens so, after
 * a line that ends no clause with a colon of its own, is the next risk's first line, run into the cell above with no
 * blank line between (two risks of one column printed together).
 */
export function splitOnTopicOpening(group: LineGroup): LineGroup[] {
  const { lines } = group;
  const at = lines.findIndex((l, n) => n > 0 && TOPIC_OPENING.test(l) && !/:$/.test(lines[n - 1]));
  if (at < 0) return [group];
  return [{ lines: lines.slice(0, at), block: group.block }, ...splitOnTopicOpening({ lines: lines.slice(at), block: group.block + at })];
}
