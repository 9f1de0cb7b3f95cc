// A risk log's rating column, laid out with spaces (pdftotext -layout), is narrow: its word, centred in the cell,
// often ends one space before the next column's text ("High are most likely to …", "Medium contracts with …")
// where a column gap should be. Read so, the rating is the first word of the actions and the row has no rating:
// no line of figures to anchor it, so it runs into the row above (tables.md class 7, fixed-width text; class 3
// where the word is also cut at the cell edge, "Mediu" over "m"). Where the lines around carry ratings at about
// the same place, alone or glued alike, each glued rating gets its column gap back. Pure, line for line.
import { FIXED_WIDTH } from './fixedWidth.js';

/** The words a rating cell holds. Single letters (H/M/L) are left out: too many lines open with "A" or "I". */
const RATING_WORD = /^(very\s+)?(high|medium|med|low|red|amber|green)$/i;

/** Lines above and below a glued rating searched for the other ratings of its column. */
const WINDOW = 60;

/** Other rating cells near a glued one (same place within `mergeDistance`) needed to call it a rating column. */
const MIN_OTHERS = 2;

interface RatingCell {
  line: number;
  x: number;
  /** Characters of the rating word as printed ("Mediu" for a cut "Medium"). */
  length: number;
  /** Text follows one space after it: the gap to restore. */
  glued: boolean;
  /** Cut at the cell's edge, its rest on a line below. */
  cut: boolean;
}

/** Fragments of a line: words separated by fewer than `columnGap` spaces. */
function fragments(line: string): Array<{ start: number; text: string }> {
  const re = new RegExp(`\\S+(?: {1,${FIXED_WIDTH.columnGap - 1}}\\S+)*`, 'g');
  return [...line.matchAll(re)].map((m) => ({ start: m.index!, text: m[0] }));
}

/** A rating word cut at its cell's edge: a proper prefix of one ("Mediu", "Hig") whose rest opens one of the next
 *  two lines exactly under it ("m", "h"), alone there or a column gap before other text. */
function isCutRating(word: string, lines: string[], i: number, x: number): boolean {
  if (word.length < 3) return false;
  const whole = ['medium', 'high', 'amber', 'green'].find((w) => w.length > word.length && w.startsWith(word.toLowerCase()));
  if (!whole) return false;
  const rest = whole.slice(word.length);
  return [i + 1, i + 2].some((j) => {
    const below = lines[j] ?? '';
    return (x === 0 || below[x - 1] === ' ') && below.slice(x, x + rest.length).toLowerCase() === rest && /^\s?$/.test(below.charAt(x + rest.length));
  });
}

function ratingCells(lines: string[]): RatingCell[] {
  const out: RatingCell[] = [];
  lines.forEach((line, i) => {
    for (const f of fragments(line)) {
      // At the margin it is the risk's own text ("High level of savings …"), not a rating.
      if (f.start < FIXED_WIDTH.cellIndent) continue;
      const words = f.text.split(/\s+/);
      const two = words.slice(0, 2).join(' ');
      const word = RATING_WORD.test(two) ? two : words[0];
      const cut = !RATING_WORD.test(word) && isCutRating(word, lines, i, f.start);
      if (!RATING_WORD.test(word) && !cut) continue;
      out.push({ line: i, x: f.start, length: word.length, glued: f.text.length > word.length, cut });
    }
  });
  return out;
}

/** Lines with each glued rating set apart from the text after it by a column gap. */
export function separateGluedRatings(lines: string[]): string[] {
  const cells = ratingCells(lines);
  if (!cells.some((c) => c.glued)) return lines;
  const out = [...lines];
  const widen = FIXED_WIDTH.columnGap - 1;
  for (const c of cells) {
    if (!c.glued) continue;
    const others = cells.filter((o) => o.line !== c.line && Math.abs(o.line - c.line) <= WINDOW && Math.abs(o.x - c.x) <= FIXED_WIDTH.mergeDistance);
    if (others.length < MIN_OTHERS) continue;
    // A rating right of where its column's ratings start moves left into the blank before it, where there is room
    // (towards its column; the text after it keeps its place, and with it the next column's start); else the text
    // after it moves right (the rating keeps its place at its column's start). A cut rating stays, its rest under it.
    const xs = others.map((o) => o.x).sort((a, b) => a - b);
    const columnStart = xs[Math.floor((xs.length - 1) / 2)];
    const line = out[c.line];
    const end = c.x + c.length;
    const room = c.x - widen - FIXED_WIDTH.columnGap;
    if (!c.cut && c.x > columnStart && room >= 0 && line.slice(room, c.x).trim() === '') {
      out[c.line] = line.slice(0, c.x - widen) + line.slice(c.x, end) + ' '.repeat(widen) + line.slice(end);
    } else {
      out[c.line] = line.slice(0, end) + ' '.repeat(widen) + line.slice(end);
    }
  }
  return out;
}
