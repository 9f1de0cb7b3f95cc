// The cells and rows the typed reading of the revised risk log works on (typedLog.ts), and how cells that the
// reading order or a page break cut apart are joined back: a cell split by its own likelihood, a topic's cut
// description, a parenthesis closed in a later cell, a row's rests after the header printed again.
import type { Risk } from '../../record/schema.js';
import { TOPIC_OPENING } from './typedLogLines.js';

export interface Scale {
  value: number;
  pos: number;
  rating: Risk['rating'];
  used?: boolean;
}

export interface TextCell {
  text: string;
  pos: number;
  block: number;
  /** The score an impact cell opens with; null for other cells. */
  impact: number | null;
  /** Likelihoods printed among this cell's lines (a line of text before and after it, or glued to one): on the
   *  baseline of one of its lines, so of its row. */
  inner: Scale[];
  /** Where its last line was read. */
  end: number;
}

/** A text cell being read: its lines, and the likelihoods found between them (each before line `at`). */
export interface OpenCell {
  lines: string[];
  pos: number;
  block: number;
  impact: number | null;
  inner: Array<{ scale: Scale; at: number }>;
  end?: number;
}

/** A row tied by likelihood × impact = score: its figures, where it opens in reading order, and its likelihood. */
export interface Row {
  likelihood: number;
  impact: number;
  score: number;
  rating: Risk['rating'];
  pos: number;
  scale: Scale;
  /** Where its likelihood, impact and score were read. */
  figures: number[];
}

/**
 * A risk cell whose likelihood, printed on the baseline of its middle lines, came out as a group of its own between
 * the cell's halves ("Residents and their" / "2" / "families resist the new …"): the first half ends open, the second
 * opens in lower case, nothing else read between (no score, no header cell). The halves are one cell with that likelihood among its lines; the
 * second halves are returned, no cells of their own.
 */
export function joinCellsSplitByScale(cells: TextCell[], likelihoods: Scale[], scores: Scale[], headerAt: number[]): Set<TextCell> {
  const seconds = new Set<TextCell>();
  const held = new Set(cells.flatMap((c) => c.inner));
  for (const [n, first] of cells.entries()) {
    const second = cells[n + 1];
    if (!second || seconds.has(first) || first.impact !== null || second.impact !== null || !endsOpen(first.text) || !/^\p{Ll}/u.test(second.text)) continue;
    const between = likelihoods.filter((l) => l.pos > first.end && l.pos < second.pos && !held.has(l));
    const read = (p: number) => p > first.end && p < second.pos;
    if (between.length !== 1 || scores.some((s) => read(s.pos)) || headerAt.some(read)) continue;
    first.text = `${first.text} ${second.text}`;
    first.inner.push(between[0], ...second.inner);
    first.end = second.end;
    seconds.add(second);
  }
  return seconds;
}

/** Words a topic's description keeps before it is cut and still reads as begun, not told ("Workforce: Rising"). */
const CUT_TOPIC_WORDS = 2;

/**
 * A risk named by its topic whose description stops after a word or two, open ("Home Care: Rising"), is a cell the
 * reading order cut: its rest comes later as a cell opening in lower case ("demand for visits …"). The first such cell
 * after it, holding no likelihood, read after a text cell rather than straight after a header cell (those go on from
 * the row a page break cut), is joined to it; the rests are returned, no cells of their own.
 */
export function joinCutTopicRests(cells: TextCell[], headerAt: number[]): Set<TextCell> {
  const rests = new Set<TextCell>();
  for (const [n, topic] of cells.entries()) {
    const m = TOPIC_OPENING.exec(topic.text);
    if (topic.impact !== null || !m || !endsOpen(topic.text) || topic.text.slice(topic.text.indexOf(':') + 1).trim().split(/\s+/).length > CUT_TOPIC_WORDS) continue;
    const rest = cells.slice(n + 1).find((c, k) => {
      const before = cells[n + k];
      const afterHeader = headerAt.some((h) => h >= before.end && h < c.pos);
      return c.impact === null && !rests.has(c) && c.inner.length === 0 && /^\p{Ll}/u.test(c.text) && !afterHeader;
    });
    if (!rest) continue;
    topic.text = `${topic.text} ${rest.text}`;
    rests.add(rest);
  }
  return rests;
}

/** How far a text leaves parentheses open: below 0 where it closes one it never opened. */
function parenthesisBalance(text: string): { open: number; closesUnopened: boolean } {
  let depth = 0;
  let closesUnopened = false;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) closesUnopened = true;
      else depth--;
    }
  }
  return { open: depth, closesUnopened };
}

/**
 * A text cell that closes a parenthesis it never opened ("… Changes to transport (bus routes," then, cells later,
 * "rail fares) leave …") is the rest of the nearest cell before it left open: the reading order took the cell's first
 * lines with its row's figures and the rest after the row's other cells. The rest is joined to that cell (and its
 * likelihoods with it); the rests are returned, no cells of their own.
 */
export function joinParenthesisRests(cells: TextCell[]): Set<TextCell> {
  const rests = new Set<TextCell>();
  for (const [n, cell] of cells.entries()) {
    if (cell.impact !== null || !parenthesisBalance(cell.text).closesUnopened) continue;
    const opened = cells.slice(0, n).findLast((c) => c.impact === null && !rests.has(c) && parenthesisBalance(c.text).open > 0);
    if (!opened) continue;
    opened.text = `${opened.text} ${cell.text}`;
    opened.inner.push(...cell.inner);
    rests.add(cell);
  }
  return rests;
}

/** A cell left open at its end: no sentence's end, no closed parenthesis (" … waits for the families:"). */
const endsOpen = (text: string) => !/[.!?)]$/.test(text.trim());

/**
 * The cells that go on from a row a page break cut. They come at the top of the next page, after the last cell of the
 * header printed again and before the next row's figures: each column's rest of the row in column order, those whose
 * sentence goes on opening in lower case ("result in failure …", "engaged in …"). A cell between the header and the
 * last such piece is one of them, whatever it opens with (a new sentence of the cut impact: "Provider activity levels
 * remain …"): no risk. The cut row's own figures printed after the header (its score centred on the row, the row
 * spanning the break) are no next row's; a cell holding a likelihood on its baseline is the next row's. The cut
 * impact's rest comes next after the risk's in column order: a capitalised cell right after the risk's rest, holding
 * no figure and followed by none, ending its cell (a sentence's end: a rest runs to its cell's end), where the impact
 * read last before the header was left open, is that rest too.
 */
export function cutRowContinuations(cells: TextCell[], headerAt: number[], breakAt: number[], figureAt: number[], rows: Row[]): Set<TextCell> {
  const continued = new Set<TextCell>();
  for (const h of headerAt) {
    const afterBreak = breakAt.includes(h);
    const straddling = new Set(afterBreak ? rows.filter((r) => r.figures.some((p) => p < h) && r.figures.some((p) => p > h)).flatMap((r) => r.figures) : []);
    const nextFigures = figureAt.filter((p) => p > h && !straddling.has(p));
    // Up to the next row's figures, or the next header cell (the header goes on; then the run starts after it).
    const next = Math.min(...nextFigures, ...headerAt.filter((p) => p > h));
    const run = cells.filter((c) => c.pos > h && c.pos < next && !(afterBreak && c.inner.length > 0));
    const last = run.findLastIndex((c) => /^\p{Ll}/u.test(c.text));
    for (const c of run.slice(0, Math.max(0, last))) continued.add(c);
    const impactBefore = cells.findLast((c) => c.pos < h && c.impact !== null);
    if (!afterBreak || !impactBefore || !endsOpen(impactBefore.text)) continue;
    const riskRest = run.findIndex((c) => /^\p{Ll}/u.test(c.text));
    const impactRest = riskRest >= 0 ? run[riskRest + 1] : undefined;
    if (!impactRest || continued.has(impactRest) || !/^\p{Lu}/u.test(impactRest.text) || endsOpen(impactRest.text)) continue;
    const after = Math.min(...cells.filter((c) => c.pos > impactRest.end).map((c) => c.pos), Infinity);
    if (nextFigures.some((p) => p > impactRest.end && p < after)) continue;
    continued.add(impactRest);
  }
  return continued;
}
