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

/** A token a title is made of: a capitalised word or figure (bracketed or not), or a joiner ("&", "-", "/", "x"). */
const TITLE_TOKEN = /^(?:[(\[]?[\p{Lu}\d]|[&\-–/]$|x$)/u;
/** The opening of a sentence: a capitalised word, then one in lower case ("Helping older", "Visits, weekly"). */
const SENTENCE_OPENING = /^\p{Lu}\p{Ll}+,?\s+\p{Ll}/u;

/** The title words a line opens with: the whole line where every word is one (a function word between two of
 *  them allowed), or two or more of them before lower-case words ("Meal Deliveries made on the"); else none. */
function titleRun(line: string): string | null {
  const tokens = line.trim().split(/\s+/);
  let n = 0;
  while (n < tokens.length && (TITLE_TOKEN.test(tokens[n]) || (n > 0 && n + 1 < tokens.length && FUNCTION_WORDS.has(tokens[n]) && TITLE_TOKEN.test(tokens[n + 1])))) n++;
  if (n === tokens.length || n >= 2) return tokens.slice(0, n).join(' ');
  return null;
}

/**
 * A scheme's name read out of a group that holds its row's description too, the description's lines first (raw
 * pdftotext of name and description cells side by side, the shorter name centred on its row so its lines come
 * between the description's: "Hot meals for" / "tenants who dine" / "Meal Deliveries alone, made" / …). The group opens as
 * a sentence and a later line goes on in lower case; the name is the title words that open the other lines, the
 * lines that are only options (an interleaved area of spend) aside. The lines unchanged where the group does not
 * read so or no title words are found.
 */
export function titleLinesOf(lines: readonly string[], isOptionLine: (line: string) => boolean): string[] {
  if (lines.length < 3 || !SENTENCE_OPENING.test(lines[0].trim()) || !lines.slice(1).some((l) => /^\p{Ll}/u.test(l.trim()))) return [...lines];
  const title = lines.slice(1).flatMap((l) => (isOptionLine(l) ? [] : [titleRun(l) ?? ''])).filter((t) => t !== '');
  return title.length > 0 ? title : [...lines];
}
