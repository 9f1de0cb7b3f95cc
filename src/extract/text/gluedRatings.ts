// A risk log's rating column, laid out with spaces (pdftotext -layout), is narrow: its word, centred in the cell,
// often ends one space before the next column's text ("High are most likely to …", "Medium contracts with …")
// where a column gap should be. Read so, the rating is the first word of the actions and the row has no rating:
// no line of figures to anchor it, so it runs into the row above (tables.md class 7, fixed-width text; class 3
// where the word is also cut at the cell edge, "Mediu" over "m"). Where the lines around carry ratings at about
// the same place, alone or glued alike, each glued rating gets its column gap back. Pure, line for line.
import { RATING_CELL, RATING_SOURCE, SCORED_RATING_CELL, wholeRatingOf } from '../../text/ratingWords.js';
import { FIXED_WIDTH, fragmentsOf } from './fragments.js';

// Rating cells are whole words (RATING_CELL). Single letters (H/M/L) are left out: too many lines open with "A" or "I".

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

/** A rating word cut at its cell's edge: a proper prefix of one ("Mediu", "Hig") whose rest opens one of the next
 *  two lines exactly under it ("m", "h"), alone there or a column gap before other text. */
function isCutRating(word: string, lines: string[], i: number, x: number): boolean {
  const whole = wholeRatingOf(word);
  if (!whole) return false;
  const rest = whole.slice(word.length);
  // On a page's last line, the rest went over the page break to the next page's first lines, at that page's offsets.
  if (word.length >= 4 && (lines[i + 1] ?? '').startsWith('\f')) return true;
  return [i + 1, i + 2].some((j) => {
    const below = lines[j] ?? '';
    return (x === 0 || below[x - 1] === ' ') && below.slice(x, x + rest.length).toLowerCase() === rest && /^\s?$/.test(below.charAt(x + rest.length));
  });
}

function ratingCells(lines: string[]): RatingCell[] {
  const out: RatingCell[] = [];
  lines.forEach((line, i) => {
    for (const f of fragmentsOf(line)) {
      // At the margin it is the risk's own text ("High level of savings …"), not a rating.
      if (f.start < FIXED_WIDTH.cellIndent) continue;
      const words = f.text.split(/\s+/);
      const two = words.slice(0, 2).join(' ');
      const word = RATING_CELL.test(two) ? two : words[0];
      const cut = !RATING_CELL.test(word) && isCutRating(word, lines, i, f.start);
      if (!RATING_CELL.test(word) && !cut) continue;
      out.push({ line: i, x: f.start, length: word.length, glued: f.text.length > word.length, cut });
    }
  });
  return out;
}


/** A cell of a score column alone: a whole number or a rating word. */
const SCORE_OR_RATING = new RegExp(`^(\\d{1,2}|${RATING_SOURCE})$`, 'i');

interface ScoreCell {
  line: number;
  x: number;
  /** It ends a fragment one space after another column's text. */
  glued: boolean;
  /** It holds a rating word: the column is a rated log's score column, not any column of small numbers. */
  rated: boolean;
}

/** Score cells ("20 High") standing alone, and those ending a fragment one space after another column's text
 *  ("… impact on the council 20 High"), with where each starts. */
function scoreCells(lines: string[]): ScoreCell[] {
  const out: ScoreCell[] = [];
  lines.forEach((line, i) => {
    for (const f of fragmentsOf(line)) {
      // The column's other cells: a score and its rating, or either alone (a score cell wrapped "12" over "Medium"),
      // or a score and rating glued to the actions after it.
      const words = f.text.split(/\s+/);
      if (SCORED_RATING_CELL.test(words.slice(0, 2).join(' ')) || SCORE_OR_RATING.test(f.text)) out.push({ line: i, x: f.start, glued: false, rated: /\p{L}/u.test(words.slice(0, 2).join(' ')) });
      // Glued: a score and rating, or a score alone whose rating wrapped below ("… sector play a 12" over "Medium").
      const tail = /(?<=\S )\d{1,2}( (very )?[A-Za-z]+)?$/.exec(f.text);
      if (tail && (SCORED_RATING_CELL.test(tail[0]) || !tail[1]) && f.start + tail.index >= FIXED_WIDTH.cellIndent) out.push({ line: i, x: f.start + tail.index, glued: true, rated: !!tail[1] });
    }
  });
  return out;
}

/** Other cells of the kind near `c` on the lines around it: enough of them and `c` is in a column of its own. */
function inColumn<C extends { line: number; x: number }>(c: C, cells: C[]): C[] {
  const others = cells.filter((o) => o.line !== c.line && Math.abs(o.line - c.line) <= WINDOW && Math.abs(o.x - c.x) <= FIXED_WIDTH.mergeDistance);
  return others.length >= MIN_OTHERS ? others : [];
}

/**
 * Lines with each glued rating set apart from the text after it by a column gap, and each glued score ("… on the
 * council 20 High", the score centred in the overall-risk column a space after the impact's text) from the text
 * before it.
 */
export function separateGluedRatings(lines: string[]): string[] {
  const cells = ratingCells(lines);
  const scores = scoreCells(lines);
  if (!cells.some((c) => c.glued) && !scores.some((c) => c.glued)) return lines;
  const out = [...lines];
  const widen = FIXED_WIDTH.columnGap - 1;
  for (const c of cells) {
    if (!c.glued) continue;
    const others = inColumn(c, cells);
    if (others.length === 0) continue;
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
  // A glued score moves right, into the blank after it where there is room (the columns after it keep their places).
  for (const c of scores) {
    if (!c.glued || !inColumn(c, scores).some((o) => o.rated)) continue;
    const line = out[c.line];
    const end = c.x + /^\S+( \S+)*/.exec(line.slice(c.x))![0].length;
    const after = line.slice(end, end + widen + FIXED_WIDTH.columnGap);
    const rest = end + widen >= line.length || after.trim() === '' ? line.slice(end + widen) : line.slice(end);
    out[c.line] = line.slice(0, c.x) + ' '.repeat(widen) + line.slice(c.x, end) + rest;
  }
  return out;
}
