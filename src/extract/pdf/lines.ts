// Positioned runs -> text lines, and the rules for joining wrapped lines back together.
import type { PlacedText, TextRun } from './types.js';
import { CUT_DIGIT_GROUP } from '../../text/figures.js';

/** A line of runs on one baseline; its size is the size most of its characters have, bold when all of them are. */
export interface TextLine extends PlacedText {
  runs: TextRun[];
  /** Largest gap between two runs, in units of the font size (column-like gaps are large). */
  maxGap: number;
}

/**
 * Group runs into lines: same baseline (within a fraction of the font size, so superscripts stay on their
 * line), then left to right. Sorting first keeps this O(n log n).
 */
export function groupLines(runsIn: TextRun[]): TextLine[] {
  const runs = runsIn.filter((r) => r.text.length > 0).sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const groups: TextRun[][] = [];
  let current: TextRun[] = [];
  let base = 0;
  let size = 0;
  for (const run of runs) {
    if (current.length > 0 && Math.abs(run.base - base) <= 0.4 * Math.max(size, run.size)) {
      current.push(run);
      if (run.size > size && run.text.trim()) {
        size = run.size;
        base = run.base;
      }
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [run];
    base = run.base;
    size = run.size;
  }
  if (current.length > 0) groups.push(current);
  const lines: TextLine[] = [];
  for (const g of groups) {
    const line = makeLine(g);
    if (line) lines.push(line);
  }
  return lines;
}

/** One line from runs already known to share a baseline. */
export function makeLine(runsIn: TextRun[]): TextLine | null {
  const runs = [...runsIn].sort((a, b) => a.x0 - b.x0);
  let text = '';
  let prev: TextRun | null = null;
  let maxGap = 0;
  const visible: TextRun[] = [];
  for (const run of runs) {
    if (run.text.trim() === '') continue;
    // Fake bold / shadow text is the same string drawn twice at almost the same place.
    if (prev && run.text === prev.text && Math.abs(run.x0 - prev.x0) < 1.5) continue;
    if (prev) {
      const gap = run.x0 - prev.x1;
      maxGap = Math.max(maxGap, gap / Math.max(run.size, 1));
      const spaced = /\s$/.test(text) || /^\s/.test(run.text);
      if (!spaced && gap > 0.15 * Math.min(run.size, prev.size)) text += ' ';
    }
    text += run.text;
    visible.push(run);
    prev = run;
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const weights = new Map<number, number>();
  for (const r of visible) {
    const key = Math.round(r.size * 2) / 2;
    weights.set(key, (weights.get(key) ?? 0) + r.text.length);
  }
  let size = visible[0].size;
  let best = -1;
  for (const [s, w] of weights) {
    if (w > best) {
      best = w;
      size = s;
    }
  }
  return {
    runs: visible,
    text,
    x0: visible[0].x0,
    x1: Math.max(...visible.map((r) => r.x1)),
    base: visible.reduce((b, r) => (r.size >= size ? r.base : b), visible[0].base),
    size,
    bold: visible.every((r) => r.bold || !/[\p{L}\p{N}]/u.test(r.text)) && visible.some((r) => r.bold),
    maxGap,
  };
}

const URL_TAIL = /(?:https?:\/\/|www\.)\S*[/_.=?&#-]$/i;

/**
 * Join a wrapped line to the text before it. A line ending in a hyphen inside a word ("Well-" + "being",
 * "2010-" + "11") joins without a space and keeps the hyphen, since office suites break at real hyphens;
 * a soft hyphen is removed; a URL broken after "/" joins without a space; `midWord` says the break fell
 * inside a word that was too long for its cell ("£12,345,00" + "0").
 */
export function joinWrapped(prev: string, next: string, midWord = false): string {
  if (!prev) return next;
  if (!next) return prev;
  if (prev.endsWith('\u00ad')) return prev.slice(0, -1) + next;
  if (/[\p{L}\p{N}]-$/u.test(prev) && /^[\p{L}\p{N}]/u.test(next)) return prev + next;
  // A financial year wrapped before its hyphen ("2021" + "-22 Q1 Actual").
  if (/\b(?:19|20)\d\d$/.test(prev) && /^[-–/]\d\d(?!\d)/.test(next)) return prev + next;
  if (/[\p{L}\p{N}]\/$/u.test(prev) && /^[\p{L}\p{N}]/u.test(next)) return prev + next; // "and/" + "or"
  if (URL_TAIL.test(prev) && /^[\w%-]/.test(next)) return prev + next;
  if (/(?:https?:\/\/|www\.)\S*$/i.test(prev) && /^[%/?&=#]/.test(next)) return prev + next;
  // Closing punctuation wrapped onto its own line ("(All Providers" + ")", "1" + ".") belongs to the word.
  if (/^[.,;:!?)\]%]/.test(next) && !/^\.\.\./.test(next)) return prev + next;
  if (midWord) return prev + next;
  return `${prev} ${next}`;
}

/**
 * A row that is the second line of the row above, drawn or read as a row of its own: it finishes a figure cut at
 * its cell's edge ("£4,506,21" / "7"), and each of its other cells goes on mid-text under a cell of that row
 * ("Total Minimum LA Contribution" / "(exc iBCF)"). Returns the joined row, or null.
 */
export function joinCutFigureRow(above: string[], below: string[]): string[] | null {
  if (above.length !== below.length) return null;
  const cut = (k: number) => CUT_DIGIT_GROUP.test(above[k].trim()) && /^\d{1,3}$/.test(below[k].trim());
  const goesOn = (k: number) => below[k].trim() === '' || cut(k) || (above[k].trim() !== '' && /^[\p{Ll}(]/u.test(below[k].trim()));
  if (!below.some((_, k) => cut(k)) || !below.every((_, k) => goesOn(k))) return null;
  return above.map((a, k) => (below[k].trim() ? joinWrapped(a, below[k].trim(), cut(k)) : a));
}

/**
 * A line of a table without rules that goes on with every cell of the row above: its first filled cell goes on
 * the row's label (which broke at a hyphen, or this line starts in lower case or with "("), every filled cell sits
 * under a filled one, and none is a figure (a figure would be the next row's). "Total | 2013/14 | 41250" over
 * "number of | Outturn | (All" is one row whose three cells wrapped together.
 */
export function joinWrappedRow(above: string[], below: string[], isFigure: (cell: string) => boolean): string[] | null {
  if (above.length !== below.length) return null;
  // The line goes on the row's label: the first cell filled on both lines, and not a figure.
  const first = below.findIndex((c) => c.trim() !== '');
  if (first < 0 || first !== above.findIndex((c) => c.trim() !== '') || isFigure(above[first].trim())) return null;
  const label = above[first].trim();
  const goesOnLabel = /[\p{L}]-$/u.test(label) || /^[\p{Ll}(]/u.test(below[first].trim());
  const under = below.every((c, k) => c.trim() === '' || (above[k].trim() !== '' && !isFigure(c.trim())));
  if (!goesOnLabel || !under || below.filter((c) => c.trim() !== '').length < 2) return null;
  return above.map((a, k) => (below[k].trim() ? joinWrapped(a, below[k].trim()) : a));
}

/** Short words that are seldom the tail of a longer one, so a line opening with one starts a new word. */
const FUNCTION_WORD = /^(is|the|of|and|to|for|by|with|are|was|from|that|this|which|will|were|has|have|in)\b/;

/**
 * How often each word (lower case, letters only) stands inside a run of the document's text with more text after
 * it: a word there was written whole, never cut at a cell's edge. A run's last word is left out, since that is
 * where a cut piece ("Mediu") stands.
 */
export type Vocabulary = ReadonlyMap<string, number>;

export function vocabularyOf(runs: Iterable<TextRun>): Vocabulary {
  const words = new Map<string, number>();
  for (const run of runs) {
    const tokens = run.text.split(/\s+/).filter(Boolean);
    for (const token of tokens.slice(0, -1)) {
      const word = /^\p{L}+$/u.test(token) ? token.toLowerCase() : null;
      if (word) words.set(word, (words.get(word) ?? 0) + 1);
    }
  }
  return words;
}

/**
 * Was the break between these two lines inside one word? Only when the first line is a single token that
 * fills its cell so tightly that the next line's first character would not have fitted, and the next line
 * starts like the rest of a word or number (lower case or digit), and no other line of the cell is wider.
 */
export function isMidWordBreak(prev: TextLine, next: TextLine, innerWidth: number, cellLines: TextLine[] = [prev], vocabulary?: Vocabulary): boolean {
  if (/\s/.test(prev.text) || !/[\p{L}\p{N},.]$/u.test(prev.text)) return false;
  // The rest of a word starts in lower case or a digit; an all-capitals token ("CC" + "G") may go on in capitals.
  const acronym = /^\p{Lu}{2,}$/u.test(prev.text) && /^\p{Lu}+\b/u.test(next.text);
  if (!/^[\p{Ll}\p{N}]/u.test(next.text) && !acronym) return false;
  // A word then a number ("Autumn" / "2022") is two tokens; a figure then its digits ("£12,345,00" / "0") is one.
  if (/\p{L}{2,}$/u.test(prev.text) && /^\p{N}/u.test(next.text)) return false;
  const first = next.runs[0];
  const charWidth = first.text.length > 0 ? (first.x1 - first.x0) / first.text.length : next.size * 0.55;
  const slack = innerWidth - (prev.x1 - prev.x0);
  // A line of the same cell drawn wider shows the break before this one was not forced by the cell's edge
  // (a header cell "Risk" over "rating" is two words, however tight the cell).
  const widest = Math.max(...cellLines.map((l) => l.x1 - l.x0));
  if (!(slack < charWidth * 1.2 + 0.5 && widest - (prev.x1 - prev.x0) < charWidth)) return false;
  // The geometry cannot tell "discharge" / "capacity" (a wrap at a space in a tight cell) from "Mediu" / "m": the
  // document's own words can. A whole word the document writes elsewhere is one word; two it writes apart are two.
  const tail = /^\p{L}+/u.exec(next.text)?.[0];
  const joined = vocabulary !== undefined && tail !== undefined && /^\p{L}+$/u.test(prev.text) && vocabulary.has((prev.text + tail).toLowerCase());
  if (joined) return true;
  // A line that opens with a word of its own ("admissions" / "is the BCF planned…") was wrapped at a space,
  // unless the document writes the joined word elsewhere ("With" / "in").
  if (FUNCTION_WORD.test(next.text)) return false;
  if (vocabulary && tail && /^\p{L}+$/u.test(prev.text) && vocabulary.has(prev.text.toLowerCase()) && vocabulary.has(tail.toLowerCase())) return false;
  return true;
}

/** Text of a table cell from its runs: lines joined as wrapped text; bullet lines start a new line. */
export function cellText(runs: TextRun[], cellX0: number, cellX1: number, vocabulary?: Vocabulary): string {
  const lines = groupLines(runs);
  if (lines.length === 0) return '';
  const pad = Math.max(0, Math.min(8, Math.min(...lines.map((l) => l.x0)) - cellX0));
  const inner = cellX1 - cellX0 - 2 * pad;
  let text = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const bullet = splitBullet(line, true);
    if (i === 0) {
      text = bullet ? `• ${bullet.rest}` : line.text;
    } else if (bullet) {
      text += `\n• ${bullet.rest}`;
    } else {
      text = joinWrapped(text, line.text, isMidWordBreak(lines[i - 1], line, inner, lines, vocabulary));
    }
  }
  return text;
}

const BULLET_GLYPHS = new Set(['•', '·', '▪', '■', '□', '◦', '●', '○', '➢', '➤', '►', '▶', '✓', '✔', '❖', '♦', '◆', '*', '-', '–', '—', 'o', '§', 'Ø', 'ü', 'q', 'v']);
const BULLET_PREFIX = /^([•·▪■□◦●○➢➤►▶✓✔❖♦◆\uf000-\uf0ff]|[*\-–—](?=\s))\s*/u;

/**
 * If the line starts with a bullet, the text after it and where that text starts. A bullet is a separate
 * run holding one bullet glyph (symbol fonts map them to letters like "§" or private-use code points), or
 * a bullet character/dash followed by a space at the start of the text.
 */
export function splitBullet(line: TextLine, strict = false): { rest: string; textX0: number } | null {
  const first = line.runs[0];
  const glyph = first.text.trim();
  const plain = strict && /^[*\-–—]$/.test(glyph);
  if (line.runs.length > 1 && glyph.length === 1 && !plain && (BULLET_GLYPHS.has(glyph) || /[\uf000-\uf0ff]/.test(glyph))) {
    const second = line.runs[1];
    // "o" or "-" as a bullet only with a clear gap after it (otherwise it is a word).
    if (/^[\p{L}§]$/u.test(glyph) && second.x0 - first.x1 < first.size * 0.5) return null;
    const rest = line.text.slice(line.text.indexOf(glyph) + 1).trim();
    return rest ? { rest, textX0: second.x0 } : null;
  }
  if (strict) return null;
  const m = BULLET_PREFIX.exec(line.text);
  if (m) {
    const rest = line.text.slice(m[0].length).trim();
    if (!rest) return null;
    const approx = first.x0 + ((first.x1 - first.x0) * Math.min(m[0].length, first.text.length)) / Math.max(first.text.length, 1);
    return { rest, textX0: approx };
  }
  return null;
}
