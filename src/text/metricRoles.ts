// The row roles of a 2014 Part 2 metric block ("Metric Value / Numerator / Denominator", ../shared/spec/tables.md)
// and the value cells written beside them, shared by the two readers of that sheet printed without gridlines: laid
// out (src/extract/text/roleBlocks.ts, before any template is known) and in reading order (src/tables/roleColumns.ts,
// which takes the role words through its spec: these and the template's declared row roles).

/** The role words; the value row is "Metric Value" in the 2014 sheet, "Indicator value" where a plan retitles it. */
export const ROLE_WORDS = 'metric value|indicator value|numerator|denominator';
export const VALUE_ROLE = /^(metric|indicator) value$/i;

const NO_VALUE_WORDS = 'n\\/a|not supplied|not applicable|not available|nil|[-–]';
export const NO_VALUE = new RegExp(`^(${NO_VALUE_WORDS})$`, 'i');

/** One value cell at the start of the text, as a sheet prints it: a period in brackets (its closing bracket clipped
 *  where the next cell runs into it), a no-value word, or a figure. */
const VALUE_TOKEN = new RegExp(`^(\\([^()]*?(?:\\)|(?=\\()|$)|(?:${NO_VALUE_WORDS})(?=\\s|\\(|$)|[(\\-–−]?£?\\d[\\d,]*(?:\\.\\d+)?%?\\)?(?=\\s|\\(|$))`, 'i');

export interface ValueCell {
  start: number;
  end: number;
  text: string;
}

/** The value cells of `text` from `from` on (none where only spaces follow), or null where anything else is written. */
export function valueCellsFrom(text: string, from = 0): ValueCell[] | null {
  const out: ValueCell[] = [];
  let at = from;
  for (;;) {
    while (at < text.length && text[at] === ' ') at++;
    if (at >= text.length) return out;
    const m = VALUE_TOKEN.exec(text.slice(at));
    if (!m) return null;
    out.push({ start: at, end: at + m[0].trimEnd().length, text: m[0].trim() });
    at += m[0].length;
  }
}
