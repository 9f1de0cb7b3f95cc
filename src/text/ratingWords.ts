// The words a risk rating cell can hold, in one place: every reader of risk logs (fixed-width text, glued
// ratings, typed logs, stray cells, the rating column) matches ratings through these, so a rating word one reader
// knows is a rating word to all of them.

/** Whole rating words, by the rating each stands for (RAG colours and severity words included). */
export const RATING_LEVELS = {
  high: ['very high', 'high', 'red', 'severe'],
  medium: ['medium', 'med', 'moderate', 'amber'],
  low: ['very low', 'low', 'green'],
} as const;

/** The base words (without "very"), longest first so an alternation prefers "medium" to "med". */
const BASE_WORDS = [...new Set(Object.values(RATING_LEVELS).flat().map((w) => w.replace(/^very /, '')))].sort((a, b) => b.length - a.length);

/** Shortest piece of a cut word still read as one: "Hig", "Mediu"; "Me" or "Hi" could be anything. */
const MIN_CUT = 3;

/** Proper prefixes of the longer words, as a word cut at a narrow cell's edge leaves them ("Mediu", "Hig"), that
 *  are no whole word themselves ("Med" is one). */
const CUT_WORDS = [
  ...new Set(BASE_WORDS.filter((w) => w.length > MIN_CUT).flatMap((w) => Array.from({ length: w.length - MIN_CUT }, (_, i) => w.slice(0, MIN_CUT + i)))),
]
  .filter((p) => !BASE_WORDS.includes(p))
  .sort((a, b) => b.length - a.length);

/** Regex source of a rating word, "very" allowed before it, case-insensitive, for callers' own patterns. */
export const RATING_SOURCE = `(?:very\\s+)?(?:${BASE_WORDS.join('|')})`;

/** Regex source of a rating word or its cut form. */
export const RATING_OR_CUT_SOURCE = `(?:very\\s+)?(?:${[...BASE_WORDS, ...CUT_WORDS].sort((a, b) => b.length - a.length).join('|')})`;

/** Regex source of a rating word capitalised as a cell opens ("High", "Very High"), case-sensitive. */
const capitalised = (w: string) => w.replace(/\b\w/g, (c) => c.toUpperCase());
export const CAPITALISED_RATING_SOURCE = `(?:Very )?(?:${BASE_WORDS.map(capitalised).join('|')})`;

/** A cell that is a rating word and nothing else ("High", "Very High", "Amber"). */
export const RATING_CELL = new RegExp(`^${RATING_SOURCE}$`, 'i');

/** A cell that is a rating word or a cut one ("Mediu", its rest on a line below or lost over a page break). */
export const RATING_OR_CUT_CELL = new RegExp(`^${RATING_OR_CUT_SOURCE}$`, 'i');

/** A rating's single letter (H / M / L), read only where a cell stands alone in a rating column. */
export const RATING_LETTER = /^[hml]$/i;

/** A score and its rating word ("20 High", "8 Medium"): an overall risk factor cell. */
export const SCORED_RATING_CELL = new RegExp(`^\\d{1,2}\\s${RATING_SOURCE}$`, 'i');

/** The whole word a cut rating word is the start of ("Mediu" -> "medium"), or undefined. */
export function wholeRatingOf(cut: string): string | undefined {
  const c = cut.toLowerCase();
  if (c.length < MIN_CUT || BASE_WORDS.includes(c)) return undefined;
  return BASE_WORDS.find((w) => w.length > c.length && w.startsWith(c));
}

/** Rating words found anywhere in a text (word-bounded), for a cell that holds its rating among other words. */
export const RATING_ANYWHERE: Array<[RegExp, keyof typeof RATING_LEVELS]> = (Object.keys(RATING_LEVELS) as Array<keyof typeof RATING_LEVELS>).map(
  (level) => {
    // A level's cut forms ("Mediu") and its letter (H / M / L) read as the level.
    const cuts = CUT_WORDS.filter((c) => RATING_LEVELS[level].some((w) => w.startsWith(c)));
    return [new RegExp(`\\b(${[...RATING_LEVELS[level], ...cuts].sort((a, b) => b.length - a.length).join('|')}|${level[0]})\\b`, 'i'), level];
  },
);
