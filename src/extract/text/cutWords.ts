// Words and years cut at a narrow cell's right edge in laid-out text, rejoined before the table is read
// (tables.md class 3: "Mediu" over "m", "2014/1" over "5"). Pure, line for line; figures cut so are in
// cutFigures.ts.
import { fragmentsOf } from './fragments.js';

/** Short words a cell's line can start with: never the cut end of a longer word. */
const SHORT_WORDS = new Set('a i an as at be by do go he if in is it me my no of on or so to up us we st nd rd th am pm eg ie vs ok'.split(' '));

/**
 * Words cut at a narrow cell's right edge rejoined (tables.md class 3: "Mediu" over "m", "materialis" over "e?",
 * "Overal" over "l risk"): pdftotext writes the cell's next line from the cell's left edge, so the cut end opens a
 * fragment exactly under the cut word, one or two lines down. The end is one or two lower-case letters (maybe with
 * a stop or a question mark) and not a short word of its own; the cut word ends its fragment and has four letters
 * or more. The end's place is left blank, so the other columns keep their places. Pure, line for line.
 */
export function rejoinCutWords(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    for (const f of fragmentsOf(out[i])) {
      const last = /(\S+)$/.exec(f.text)![1];
      const x = f.end - last.length;
      if (!/^[A-Za-z(]?[A-Za-z]{3,}[a-z]$/.test(last)) continue;
      for (const j of [i + 1, i + 2]) {
        const below = out[j] ?? '';
        // Two lines down only past a line with nothing under the word (another column's line).
        if (j === i + 2 && (out[i + 1] ?? '').slice(x, x + last.length).trim() !== '') break;
        const rest = /^([a-z]{1,2})([.?:,;)]?)(?=\s|$)/.exec(below.slice(x));
        if (!rest || (x > 0 && below[x - 1] !== ' ') || SHORT_WORDS.has(rest[1])) continue;
        const cut = rest[0].length;
        out[i] = out[i].slice(0, f.end) + rest[0] + out[i].slice(f.end + Math.min(cut, Math.max(0, /^ */.exec(out[i].slice(f.end))![0].length - 1)));
        out[j] = (below.slice(0, x) + ' '.repeat(cut) + below.slice(x + cut)).replace(/[ ]+$/, '');
        break;
      }
    }
  }
  return out;
}

/** A year cut at a narrow cell's edge in laid-out text: "2014/1" with its last digit on the line below, or
 *  "2014/" with both ("15"). */
const CLIPPED_YEAR = /(^|\s)(20(\d\d)[/\-–](\d?))(?=\s|$)/g;

/**
 * Years cut at a cell edge rejoined (tables.md class 3: "2014/1" over "5"): the digit below, alone at the same
 * place, goes back onto the year when the two make the year after the first half ("2014/15"); the digit's line
 * keeps its layout. Pure, line for line.
 */
export function rejoinClippedYears(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    for (const m of [...out[i].matchAll(CLIPPED_YEAR)].reverse()) {
      const x = (m.index ?? 0) + m[1].length;
      const end = x + m[2].length;
      const next = (Number(m[3]) + 1) % 100;
      // "2014/1" + "5": the cut digit completes the year after the first half; "2014/" + "15" both digits.
      if (m[4] !== '' && Math.floor(next / 10) !== Number(m[4])) continue;
      const rest = m[4] === '' ? String(next).padStart(2, '0') : String(next % 10);
      // The rest: alone, under the year, on one of the next two lines (another column's line may come between).
      for (const j of [i + 1, i + 2]) {
        const below = out[j] ?? '';
        const at = [...below.slice(x, end + 1)].findIndex(
          (_, k) => below.startsWith(rest, x + k) && below.slice(x + k + rest.length, x + k + rest.length + 2).trim() === '' && (below[x + k - 1] ?? ' ') === ' ',
        );
        if (at < 0 || below.slice(Math.max(0, x - 2), x + at).trim() !== '') continue;
        // Keep the columns after it where they were: the inserted digits take spaces, leaving one.
        const after = out[i].slice(end);
        const spaces = /^ */.exec(after)![0].length;
        out[i] = out[i].slice(0, end) + rest + after.slice(Math.min(rest.length, Math.max(0, spaces - 1)));
        out[j] = (below.slice(0, x + at) + ' '.repeat(rest.length) + below.slice(x + at + rest.length)).replace(/[ ]+$/, '');
        break;
      }
    }
  }
  return out;
}
