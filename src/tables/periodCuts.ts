// Pieces of a period table cut at their cell's edge onto the next line in large type ("2021" / "-22", "Actu" /
// "al", "184." / "6"), made whole before the header and rows are read (./periodStack.ts).
import { CUT_DIGIT_GROUP } from '../text/figures.js';
import { follows, tokensOf, type Line, type PeriodStackSpec, type Token } from './periodHeader.js';

/**
 * A cell's text cut at its edge onto the next line, the rest under its start (failure classes 3 and 4, large type
 * in narrow period columns): a year's "2021" over "-22" or "202" over "1-22", a kind's "Actu" over "al", a value's
 * "184." over "6", "93.4" over "%" or "51,27" over "4". The whole piece, or null where the two are not one.
 */
function cutPiece(upper: string, lower: string, spec: PeriodStackSpec): string | null {
  const joined = upper + lower;
  if (/^20\d\d$/.test(upper) && /^[-–]\d\d$/.test(lower)) return follows(Number(upper), Number(lower.slice(1))) ? joined : null;
  if (/^20\d$/.test(upper) && /^\d[-–]\d\d$/.test(lower)) return follows(Number(upper + lower[0]), Number(lower.slice(2))) ? joined : null;
  if (/^\d[\d,]*\.$/.test(upper) && /^\d+%?$/.test(lower)) return joined;
  // "51,27" over "4": a digit group cut short, its last digits below.
  const group = /\d,(\d{1,2})$/.exec(upper);
  if (group && new RegExp(`^\\d{${3 - group[1].length}}$`).test(lower)) return joined;
  if (lower === '%' && spec.isValue(upper) && !upper.endsWith('%')) return joined;
  // "estimate" / "d": a kind whole before its cut, the same kind after.
  if (/^\p{L}+$/u.test(upper) && /^\p{Ll}+$/u.test(lower) && spec.kindWord(joined) && (!spec.kindWord(upper) || spec.kindWord(upper) === spec.kindWord(joined))) return joined;
  return null;
}

/** Lines after a reading-order line n holding one token each at the margin, one after another (blank lines
 *  between), the first of them at most two lines of other text below n: the tails of cells cut on line n. */
function readingOrderTails(lines: Line[], tokens: Token[][], n: number): number[] | null {
  if (!/^\S/.test(lines[n].text) || tokens[n].length < 2) return null;
  let m = n + 1;
  for (let skipped = 0; m < lines.length && skipped <= 2 && !(tokens[m].length === 1 && tokens[m][0].x === 0); m++) if (tokens[m].length > 0) skipped++;
  const out: number[] = [];
  for (; m < lines.length && out.length < tokens[n].length; m++) {
    if (tokens[m].length === 0) continue;
    if (tokens[m].length !== 1 || tokens[m][0].x !== 0) break;
    out.push(m);
  }
  return out.length >= 2 ? out : null;
}

/** How many of a line's leading tokens are cut pieces each made whole by the next tail (no year: a year's tail
 *  apart is read by the stack itself, YEAR_TAIL); 0 unless every one of them is. */
function leadingCutHeads(line: Token[], tails: string[], spec: PeriodStackSpec): number {
  let k = 0;
  while (k < line.length && k < tails.length && !/^20\d\d$/.test(line[k].text) && cutPiece(line[k].text, tails[k], spec)) k++;
  // A head left without its tail ("Actu" x4, three tails) is no row of cut cells.
  const cutLike = (t: string) => /^\d[\d,]*\.$/.test(t) || /^\p{L}+$/u.test(t);
  const rest = line.slice(k).filter((t) => cutLike(t.text) && line.slice(0, k).some((h) => h.text === t.text));
  return rest.length === 0 ? k : 0;
}

/** The lines with each cut piece whole on its first line (cutPiece), the rest of the lower line where it was. */
export function rejoinCutPieces(lines: Line[], spec: PeriodStackSpec): Line[] {
  const tokens = lines.map((l, n) => tokensOf(l.text, n));
  let changed = false;
  // The line holding the rest of cells spanning [lo, hi) on line n: the next with a token there, a line of
  // other columns' text (a label wrapping beside the values) between.
  const below = (n: number, lo: number, hi: number) => {
    for (let m = n + 1; m < Math.min(lines.length, n + 3); m++) if (tokens[m].some((t) => t.x < hi && t.x + t.text.length > lo)) return m;
    return -1;
  };
  for (let n = 0; n + 1 < lines.length; n++) {
    // In reading order a row of cut cells can print its first lines together and then each cell's rest, a line
    // each ("Actu Actu Actu Actu was set" / "al" / "al" / "al" / "al"; "301. 245. 198. 176." / "4" / "7" / "2" /
    // "8", a rationale line between): the tails go to the line's leading pieces in order.
    const tails = readingOrderTails(lines, tokens, n);
    const heads = tails ? leadingCutHeads(tokens[n], tails.map((m) => tokens[m][0].text), spec) : 0;
    if (tails && heads >= 2) {
      tokens[n].slice(0, heads).forEach((a, k) => (a.text = cutPiece(a.text, tokens[tails[k]][0].text, spec)!));
      for (const m of tails.slice(0, heads)) tokens[m] = [];
      changed = true;
    }
    // Laid out, a line's columns can drift from the next line's ("2021" at 25, 30, 35, 40 over "-22" at 28, 35,
    // 42, 49), or the first line be a paragraph whose spaces were collapsed: pieces that cannot stand alone (a
    // year without its second half, a value ending at its point) take the tails on the next line in order, where
    // the counts agree and every pair makes a whole, and stand where their tails do (the next lines' columns).
    const ups = tokens[n].filter((t) => /^20\d\d$|^\d[\d,]*\.$/.test(t.text) || (/^[\d,]+$/.test(t.text) && CUT_DIGIT_GROUP.test(t.text)));
    const m = ups.length > 0 ? below(n, ups[0].x, Number.MAX_SAFE_INTEGER) : -1;
    const downs = m > 0 ? tokens[m].filter((t) => /^[-–]\d\d$|^\d+%?$/.test(t.text)) : [];
    const wholes = ups.map((a, k) => (downs[k] ? cutPiece(a.text, downs[k].text, spec) : null));
    if (ups.length > 0 && ups.length === downs.length && wholes.every(Boolean)) {
      ups.forEach((a, k) => Object.assign(a, { text: wholes[k]!, x: Math.max(a.x, downs[k].x) }));
      tokens[m] = tokens[m].filter((t) => !downs.includes(t));
      changed = true;
    }
    // Otherwise each piece with the tail right under it.
    for (const a of tokens[n]) {
      const at = below(n, a.x - 1, a.x + a.text.length);
      const b = at > 0 ? tokens[at].find((t) => t.x >= a.x - 1 && t.x < a.x + a.text.length) : undefined;
      const whole = b ? cutPiece(a.text, b.text, spec) : null;
      if (!whole) continue;
      a.text = whole;
      tokens[at] = tokens[at].filter((t) => t !== b);
      changed = true;
    }
  }
  if (!changed) return lines;
  // The text: each token where it is, one space after the one before where a longer piece reaches it.
  const place = (ts: Token[]) => ts.reduce((out, t) => (out.length === 0 && t.x === 0 ? t.text : `${out.padEnd(Math.max(t.x, out.length + 1))}${t.text}`), '');
  return lines.map((l, n) => ({ ...l, text: place(tokens[n]), tokens: tokens[n] }));
}
