// Which free-text cell of a spending-plan row is a scheme name and which its Brief Description, where reading order
// (raw pdftotext of a retypeset table) has put them side by side or one for the other: a name is a short title,
// its words capitalised; a description is a sentence wrapped over its cell's lines, its words in lower case.

/** Words that carry no case in a title ("Help with Shopping", "Meals for the Weekend"). */
const FUNCTION_WORDS = new Set(['and', 'the', 'for', 'with', 'from', 'into', 'our', 'their', 'via']);
/** Fewest content words a sentence needs here: a short name may be all lower case ("garden tidy visits"). */
const SENTENCE_MIN_WORDS = 6;
/** Share of a sentence's content words in lower case. */
const SENTENCE_LOWER_SHARE = 0.6;

/**
 * A cell that reads as a sentence, not a scheme's name: six or more content words (three letters or more, not
 * function words and not the drop-down options the caller knows, which interleave their lines with the cell's),
 * most of them in lower case. A long lower-case name stays a name below six words.
 */
export function readsAsSentence(lines: readonly string[], isOptionWord: (word: string) => boolean): boolean {
  const words = lines
    .join(' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[(\['"]+|[)\]'",.;:!?]+$/g, ''))
    .filter((w) => /^\p{L}[\p{L}'’-]{2,}$/u.test(w) && !FUNCTION_WORDS.has(w.toLowerCase()) && !isOptionWord(w));
  if (words.length < SENTENCE_MIN_WORDS) return false;
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return lower >= SENTENCE_LOWER_SHARE * words.length;
}
