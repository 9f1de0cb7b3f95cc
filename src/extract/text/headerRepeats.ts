// A table's header printed again at each page of the original: where it starts again (the header's margin line,
// or its margin cell wrapped at another place), so each repeat starts a part with its own columns, and which lines
// are header lines (its margin lines, its words).
import { FIXED_WIDTH, fragmentsOf, isBlank } from './fragments.js';
import { isIndentedCell } from './tableBounds.js';

/** An amount in a line: a figure in pounds, or one with thousands separators. */
const HEADER_AMOUNT = /£\s?\d|\b\d{1,3}(,\d{3})+\b/;

/**
 * Lines where the table's header starts again (printed at each page of the original): a later line whose first
 * fragment at the margin is the header line's, with the header's indented lines above it.
 */
export function headerRepeats(lines: string[], at: number, end: number): { splits: Set<number>; keys: Set<number>; ofHeaderWords: (l: string) => boolean } {
  const splits = new Set<number>();
  const keys = new Set<number>();
  const out = { splits, keys, ofHeaderWords: (_l: string) => false };
  const key = (l: string) => {
    const f = fragmentsOf(l);
    return f.length >= 2 && f[0].start < FIXED_WIDTH.cellIndent ? f[0].text.toLowerCase() : null;
  };
  let header = -1;
  for (let i = at; i < Math.min(end, at + 12); i++) {
    if (key(lines[i])) {
      header = i;
      break;
    }
  }
  if (header < 0) return out;
  // A header centred on its margin line has no amount within as many lines under it as above it: a margin line
  // that close to an amount is the first row's name cell (a borderless table, no blank line parting header and
  // rows, its header's margin cell alone on its line: "Scheme Name"). The header's margin line is then the last
  // line above it with a cell at the margin; without one there is no header to repeat.
  if (!HEADER_AMOUNT.test(lines[header]) && lines.slice(header + 1, Math.min(end, 2 * header - at + 1)).some((l) => HEADER_AMOUNT.test(l))) {
    let above = header - 1;
    while (above >= at && !(fragmentsOf(lines[above])[0]?.start < FIXED_WIDTH.cellIndent)) above--;
    if (above < at) return out;
    header = above;
  }
  const first = key(lines[header]) ?? fragmentsOf(lines[header])[0].text.toLowerCase();
  const above = header - at;
  // The first header's words, its lines above and below its margin line: a repeat prints them again, wrapped
  // at other places ("How likely is the" over "risk to" on one page, "How likely is" over "the risk to" on the next).
  const headerText = lines.slice(at, Math.min(end, header + above + 8)).join(' ').replace(/\s+/g, ' ').toLowerCase();
  const isHeaderLine = (l: string) => fragmentsOf(l).every((f) => headerText.includes(f.text.toLowerCase()));
  // Word by word, a word cut at a cell's edge ("Overal" over "l risk") being part of one of the header's words.
  const headerWords = headerText.split(' ');
  const ofHeaderWords = (l: string) => l.trim().toLowerCase().split(/\s+/).every((w) => headerWords.some((h) => h.includes(w)));
  out.ofHeaderWords = ofHeaderWords;
  for (let i = header + 1; i < end; i++) {
    const keyAt = key(lines[i]) === first ? i : wrappedKeyEnd(lines, i, end, first, ofHeaderWords);
    if (keyAt < 0) continue;
    // The header's lines above its margin line (indented cells) belong to the repeat too: as many as the first
    // header had, and any more made only of the header's words.
    let from = i;
    while (from - 1 > at && isIndentedCell(lines, at, from - 1) && (from > i - above || isHeaderLine(lines[from - 1]))) from--;
    splits.add(from);
    // The repeat's margin line is its last: the lines under it with nothing at the margin are its wrapped cells.
    keys.add(keyAt);
    i = keyAt;
  }
  // The margin line is the header when it comes again, names three or more columns, or has wrapped header cells
  // under it; a plan-details table's first label and value ("Local Authority   Eastham Council") is not one.
  const next = lines[header + 1] ?? '';
  const wrappedUnder = !isBlank(next) && fragmentsOf(next)[0]?.start >= FIXED_WIDTH.cellIndent;
  if (keys.size > 0 || fragmentsOf(lines[header]).length >= 3 || wrappedUnder) keys.add(header);
  return out;
}

/**
 * A repeat of the header whose margin cell wraps at another place than the first header's ("There is a risk" over
 * "that:" on one page, "There is a risk that:" on one line on the first, its column narrower there): from line `i`,
 * the margin fragments of the next few lines, read on, spell the first header's margin cell, and every line they
 * span holds only the header's words (`ofHeaderWords`). Returns the line of the cell's last margin fragment, or -1.
 */
function wrappedKeyEnd(lines: string[], i: number, end: number, first: string, ofHeaderWords: (l: string) => boolean): number {
  const marginText = (l: string) => {
    const f = fragmentsOf(l)[0];
    return f && f.start < FIXED_WIDTH.cellIndent ? f.text.toLowerCase() : null;
  };
  let read = marginText(lines[i]);
  if (!read || !first.startsWith(`${read} `) || !ofHeaderWords(lines[i])) return -1;
  for (let j = i + 1; j < Math.min(end, i + 6); j++) {
    if (isBlank(lines[j]) || !ofHeaderWords(lines[j])) return -1;
    const m = marginText(lines[j]);
    if (!m) continue;
    read = `${read} ${m}`;
    if (read === first) return j;
    if (!first.startsWith(`${read} `)) return -1;
  }
  return -1;
}
