// Tables whose columns are periods, in text that lost the table (pdftotext with or without -layout,
// fixed-width text). Narrow period columns wrap their headers onto a stack of lines ("2021-  2021-" over
// "22 Q1  22 Q2" over "Actual  Actual"); each row's values stay together as a run of numbers, on one line
// (-layout) or one per line (pdftotext's reading order). So no cell geometry is needed: the columns are read
// from the pieces of the stack in order, and a row is a run of exactly as many numbers as there are columns,
// labelled by the words just before it ("Numerator", "Denominato" cut at the cell edge). The name of the
// table (a metric) is the nearest text before the stack the caller recognises. The result is an ordinary grid:
// a header row of "2021-22 Q1 Actual" cells and one row per run. In reading order, where positions say nothing
// across lines, the columns go in time order (a year's quarters too, whatever order their lines came in), a header
// can come in two parts with values or the label cells between (its last column alone, the table's name between
// the parts), rows can stand apart by long text cells, and a row can come in pieces (rowsOf), one of them a value
// joined to the next cell's line ("88.2% Rates held in the"). In large type a piece of a header or a value can be cut
// at its cell edge onto the line below ("2021" / "-22", "Actu" / "al", "184." / "6"): made whole first
// (rejoinCutPieces).
import type { DocumentModel } from '../model/document.js';
import type { Grid, GridRow } from './grids.js';
import { CUT_DIGIT_GROUP } from '../text/figures.js';
import { interleavedHeaderAt } from './interleavedHeader.js';

export interface PeriodStackSpec {
  /** The kind a single header word announces ("Actual", "Plan", "estimated"), or null. */
  kindWord(word: string): string | null;
  /** Whether a token is a value of the table ("218.4", "4,633", "97.3%"). */
  isValue(token: string): boolean;
  /** Whether a text names a table of this kind (a metric name): the header row's label. */
  namesTable(text: string): boolean;
  /** Words that say which row a run is ("Numerator", "Denominator"), cut or whole; a cut word's tail ("r") is
   *  no break in a run. */
  roleWord: RegExp;
  /** Words that name a row of the table ("Annual Rate", "Numerator", "Denominato"): in reading order, where a row
   *  can come in pieces, such a label opens a row. Without it, only the first row may come in pieces. */
  isRowType?(text: string): boolean;
  /** Whether a word can be the start of a kind word cut at its cell edge ("Actu", "estimat"): with it, an annual
   *  header whose cells' lines interleave, glued and cut, is rebuilt where its pieces allow one reading
   *  (./interleavedHeader.ts). */
  kindHead?(word: string): boolean;
}

interface Line {
  text: string;
  page: number | null;
  block: number;
  /** A blank line before it. */
  gap?: boolean;
  /** Its tokens where they are not its text's words at their offsets (cut pieces made whole: rejoinCutPieces). */
  tokens?: Token[];
}

interface Token {
  text: string;
  x: number;
  line: number;
}

/** Header pieces: a whole financial year ("2021-22", and "202122" where a converter dropped the hyphen at a line
 *  end), the first half of one wrapped at its hyphen ("2021-", "2021Rationale" glued to the next cell), the
 *  second half ("22", "22 Q1"), a quarter on its own. */
const WHOLE_YEAR = /^(20\d\d)\s*[-/–]\s*(\d\d)$/;
const GLUED_YEAR = /^(20\d\d)(\d\d)$/;
const YEAR_START = /^(20\d\d)(?:[-–]|(?=[A-Z][a-z]))/;
const YEAR_END = /^(\d\d)$/;
const QUARTER = /^Q([1-4])$/;
const YEAR_TAIL = /^[-–](\d\d)$/;

/** Most lines a header stack spans (in large type its pieces a line each, the label column's lines between),
 *  and most lines after it that can hold its rows. */
const STACK_LINES = 9;
/** In reading order a stack's pieces come a line each where the columns' lines do not share a baseline (four cells
 *  printed one after another, year, quarter and kind a line each: twelve). */
const READING_STACK_LINES = 12;
const SCOPE_LINES = 60;
/** In reading order the rationale cells beside a block's header (two of them, a dozen or more lines each) can
 *  come before its first row; the next stack still ends the scope. */
const READING_SCOPE_LINES = 100;
/** In reading order, where a row of header cells prints their first lines together ("2021" four times, the
 *  rationale headers' first lines) and then each cell's rest, the label cells' text between: most lines a stack
 *  spans while a year still waits for its second half. */
const OPEN_STACK_LINES = 40;

interface Column {
  x: number;
  /** The line its year begins on. */
  line: number;
  start: number;
  /** Set once the year is whole. */
  end: number | null;
  quarter: string | null;
  kind: string | null;
}

function tokensOf(line: string | Line, n: number): Token[] {
  if (typeof line !== 'string' && line.tokens) return line.tokens.map((t) => ({ ...t, line: n }));
  const out: Token[] = [];
  for (const m of (typeof line === 'string' ? line : line.text).matchAll(/\S+/g)) out.push({ text: m[0], x: m.index ?? 0, line: n });
  return out;
}

const follows = (start: number, end: number) => (start + 1) % 100 === end;

type PieceKind = 'year' | 'end' | 'quarter' | 'kind' | 'value' | 'word';

interface Piece extends Token {
  piece: PieceKind;
  /** year: the first half; end: the second half. */
  start?: number;
  end?: number | null;
}

/**
 * A token made of several header pieces run together, where conversion dropped a hyphen at a line end or put two
 * cells' words in one ("202121": "2021-" and the "21" under another column; "20222021-22": "2022-" and a whole
 * "2021-22"; "20212022-": two first halves). Null unless the whole token splits into two or more pieces.
 */
function gluedPieces(text: string): Array<{ text: string; piece: PieceKind; start?: number; end?: number | null }> | null {
  const out: Array<{ text: string; piece: PieceKind; start?: number; end?: number | null }> = [];
  let rest = text;
  while (rest) {
    let m: RegExpExecArray | null;
    if ((m = /^(20\d\d)[-–](\d\d)(?!\d)/.exec(rest)) && follows(Number(m[1]), Number(m[2]))) out.push({ text: m[0], piece: 'year', start: Number(m[1]), end: Number(m[2]) });
    else if ((m = /^(20\d\d)[-–]?/.exec(rest))) out.push({ text: m[0], piece: 'year', start: Number(m[1]), end: null });
    else if ((m = /^\d\d$/.exec(rest))) out.push({ text: m[0], piece: 'end' });
    else return null;
    rest = rest.slice(m[0].length);
  }
  return out.length >= 2 ? out : null;
}

function piecesOf(line: Line, n: number, spec: PeriodStackSpec, readingOrder = false): Piece[] {
  const tokens = tokensOf(line, n);
  const out: Piece[] = [];
  const leadingYears = tokens.findIndex((t) => !/^20\d\d$/.test(t.text)) < 0 ? tokens.length : tokens.findIndex((t) => !/^20\d\d$/.test(t.text));
  tokens.forEach((t, k) => {
    let m: RegExpExecArray | null;
    if ((m = WHOLE_YEAR.exec(t.text)) && follows(Number(m[1]), Number(m[2]))) out.push({ ...t, piece: 'year', start: Number(m[1]), end: Number(m[2]) });
    else if ((m = GLUED_YEAR.exec(t.text)) && follows(Number(m[1]), Number(m[2]))) {
      // "202223 Q1": the last column's "2022-" glued, at a line end, to the first column's "23".
      const glued = QUARTER.test(tokens[k + 1]?.text ?? '');
      out.push({ ...t, piece: 'year', start: Number(m[1]), end: glued ? null : Number(m[2]) });
      if (glued) out.push({ text: m[2], x: t.x + 4, line: n, piece: 'end' });
    } else if ((m = YEAR_START.exec(t.text))) out.push({ ...t, piece: 'year', start: Number(m[1]), end: null });
    // In reading order a year alone on its line ("2021", its "-22" cut off) is a first half: the stack holds
    // only where its tail comes.
    // So are the years that open a line two or more together ("2021 2021 2021 2021 Rationale for how": a row of
    // header cells' first lines, the next cell's after them), their tails a line each further on.
    else if (readingOrder && /^20\d\d$/.test(t.text) && (tokens.length === 1 || (leadingYears >= 2 && k < leadingYears))) out.push({ ...t, piece: 'year', start: Number(t.text), end: null });
    else if (gluedPieces(t.text)) out.push(...gluedPieces(t.text)!.map((g, d) => ({ ...t, ...g, x: t.x + d })));
    else if (YEAR_END.test(t.text)) out.push({ ...t, piece: 'end' });
    // In reading order a year cut at its cell edge ("2021" / "-22") can have its tail lines away from it, the
    // first lines of the cells beside it between (YEAR_TAIL).
    else if (readingOrder && (m = YEAR_TAIL.exec(t.text))) out.push({ ...t, text: m[1], piece: 'end' });
    else if (QUARTER.test(t.text)) out.push({ ...t, piece: 'quarter' });
    else if (spec.kindWord(t.text)) out.push({ ...t, piece: 'kind' });
    else out.push({ ...t, piece: spec.isValue(t.text) ? 'value' : 'word' });
  });
  return out;
}

/**
 * The columns of a header stack starting at line `at` (a line holding year pieces), with the index of the first
 * line after it and the x where the columns begin (0 in reading order); null when the pieces do not make two or
 * more whole periods with a kind each.
 */
function stackAt(lines: Line[], at: number, spec: PeriodStackSpec, minColumns = 2): { columns: Column[]; end: number; left: number; laidOut: boolean; shuffled: boolean } | null {
  const first = piecesOf(lines[at], at, spec, /^\S/.test(lines[at].text));
  const years = first.filter((p) => p.piece === 'year');
  if (years.length === 0) return null;
  // Laid out, the columns sit where the first line's years do; pieces far right of them are other cells'
  // words ("Local plan to meet"). In reading order every line starts at the margin.
  const laidOut = years[0].x > 0;
  // A single period cell (looked for only in reading order) opens its line; a year inside a line of words is
  // prose ("since 2021/22 a" over "steady rise …" in a rationale cell), not a header.
  // Nor is a year that a sentence runs on from ("2021/22 given in the" in a rationale cell): on a header cell's line
  // only the next cell's text can follow it, and a cell opens with a capital ("2022-23 Rationale for how").
  const runsOn = first[1] && (first[1].piece === 'value' || (first[1].piece === 'word' && !/^\p{Lu}/u.test(first[1].text)));
  if (minColumns === 1 && (first[0].piece !== 'year' || runsOn)) return null;
  // A year on a later line next to the columns so far, right or left of them, is one more column (its cell
  // centred lower: "2020-" alone on the first line, "2021  2021-22  2022" on the next; "2021-22" over "Q2" first,
  // "2021-22 Q1" left of it on the next).
  let left = years[0].x;
  let right = years[years.length - 1].x;
  const inColumns = (p: Piece) => !laidOut || (p.x >= left - 3 && p.x <= right + 12) || (p.piece === 'year' && p.x < left && p.x + p.text.length >= left - 12);
  const widen = (line: Piece[]) => {
    for (let grew = laidOut; grew; ) {
      grew = false;
      for (const p of line) {
        if (p.piece !== 'year' || !inColumns(p) || (p.x >= left && p.x <= right)) continue;
        left = Math.min(left, p.x);
        right = Math.max(right, p.x);
        grew = true;
      }
    }
  };
  const pieces: Piece[] = [];
  let end = at;
  // Lines a cut piece was moved off (rejoinCutPieces: "2022" / "-23") hold nothing and do not count.
  const waiting = () => pieces.filter((p) => p.piece === 'year' && p.end === null).length > pieces.filter((p) => p.piece === 'end').length;
  let waited = false;
  for (let n = at, counted = 0; n < lines.length && counted < (laidOut ? STACK_LINES : waited ? OPEN_STACK_LINES : READING_STACK_LINES); n++) {
    if (/\S/.test(lines[n].text)) counted++;
    waited ||= !laidOut && waiting();
    // Laid out, the stack is whole once each year is and has its kind: the lines after it are the rows'.
    const yearsIn = pieces.filter((p) => p.piece === 'year');
    const halves = yearsIn.filter((p) => p.end === null).length;
    const whole = yearsIn.length > 0 && pieces.filter((p) => p.piece === 'end').length === halves && pieces.filter((p) => p.piece === 'kind').length >= yearsIn.length;
    if (laidOut && whole) break;
    const line = n === at ? first : piecesOf(lines[n], n, spec, !laidOut);
    widen(line);
    const mine = line.filter(inColumns);
    // A two-digit figure among words ("(age 65 and") is no year's second half.
    if (!laidOut && mine.some((p) => p.piece === 'word')) for (const p of mine) if (p.piece === 'end') p.piece = 'value';
    // Once every first half has its second, two-digit numbers are values ("Indicator 45 52").
    let open = pieces.filter((q) => q.piece === 'year' && q.end === null).length;
    let ends = pieces.filter((q) => q.piece === 'end').length;
    for (const p of mine) {
      if (p.piece === 'year' && p.end === null) open++;
      else if (p.piece === 'end' && ends < open) ends++;
      else if (p.piece === 'end') p.piece = 'value';
    }
    // The stack ends at the first line holding values, or at a line with no header piece once kinds are in.
    // In reading order, while a year waits for its tail, figures are the label cells' ("per 100,000", "8.4
    // Residential", "100,000" on its own line in a wrapped name), and lines of words are the cells printed
    // between: the stack holds only where the tails come.
    const waitingTail = !laidOut && waiting();
    if (n > at && mine.some((p) => p.piece === 'value') && !waitingTail) break;
    // In reading order a kind after a word on its line is prose ("… 2021/22 a target of …"), not a header cell's.
    if (!laidOut) mine.forEach((p, k) => p.piece === 'kind' && mine.slice(0, k).some((q) => q.piece === 'word' || q.piece === 'value') && (p.piece = 'word'));
    const header = mine.filter((p) => p.piece !== 'word' && p.piece !== 'value');
    // In reading order a line of the next cell's words can come before the last column's kind ("-22" / "Q4" /
    // "ambition was set" / "Actual"): the stack holds while a column still waits for its kind.
    const kindsWaiting = !laidOut && pieces.filter((p) => p.piece === 'kind').length < pieces.filter((p) => p.piece === 'year').length && pieces.filter((p) => p.piece === 'end').length === pieces.filter((p) => p.piece === 'year' && p.end === null).length;
    if (n > at && header.length === 0 && mine.length > 0 && pieces.some((p) => p.piece === 'kind') && !waitingTail && !kindsWaiting) break;
    // A kind counts on a line of header words ("Actual Plan  Plan was set"), not in prose ("A target of").
    const kinds = header.filter((p) => p.piece === 'kind').length;
    // Words right of the last column's start are the next cell's ("Plan  how ambition": the rationale header).
    const words = mine.filter((p) => p.piece === 'word' && (!laidOut || p.x <= right)).length;
    // In reading order a kind may share its line with the next cell's words ("Plan was set"): it counts where it
    // opens the line and the years so far still lack kinds.
    const yearsSoFar = [...pieces, ...header].filter((p) => p.piece === 'year').length;
    const kindsSoFar = pieces.filter((p) => p.piece === 'kind').length;
    const leads = !laidOut && kinds === 1 && line[0]?.piece === 'kind' && kindsSoFar < yearsSoFar;
    pieces.push(...(kinds >= words || leads ? header : header.filter((p) => p.piece !== 'kind')));
    end = n + 1;
  }
  const byX = (a: { x: number; line: number }, b: { x: number; line: number }) => a.x - b.x || a.line - b.line;
  // In reading order positions say nothing across lines: pieces go by their order in the text, and the columns
  // by time (the templates' period columns run forwards: "2020-21 Actual", "2021-22 Plan", "2021-22 estimated").
  const inText = (a: { x: number; line: number }, b: { x: number; line: number }) => a.line - b.line || a.x - b.x;
  const order = laidOut ? byX : inText;
  const columns: Column[] = pieces
    .filter((p) => p.piece === 'year')
    .sort(order)
    .map((p) => ({ x: p.x, line: p.line, start: p.start!, end: p.end ?? null, quarter: null, kind: null }));
  if (!laidOut) columns.sort((a, b) => a.start - b.start);
  if (columns.length < minColumns) return null;
  const open = columns.filter((c) => c.end === null);
  const ends = pieces.filter((p) => p.piece === 'end').sort(order);
  if (ends.length !== open.length) return null;
  const tailOf = new Map<Piece, Column>();
  if (laidOut) {
    // Second halves go, in order, to the columns waiting for one; each must be the year after its first half.
    for (let k = 0; k < open.length; k++) {
      const e = Number(ends[k].text);
      if (!follows(open[k].start, e)) return null;
      open[k].end = e;
    }
  } else {
    // Each second half to a column whose first half it follows ("21" under "2020-", whatever came between).
    for (const e of ends) {
      const c = open.find((o) => o.end === null && follows(o.start, Number(e.text)));
      if (!c) return null;
      c.end = Number(e.text);
      tailOf.set(e, c);
    }
  }
  const kinds = pieces.filter((p) => p.piece === 'kind').sort(order);
  if (kinds.length !== columns.length) return null;
  // In reading order a year that begins below the stack's first line ("2021-22" over "estimated", centred in the
  // header row beside "2020-" / "21" / "Actual") is half a line lower than the others all through, so its kind
  // comes out before theirs.
  const lower = (c: Column) => c.line > at;
  const byKind = laidOut ? columns : [...columns.filter(lower), ...columns.filter((c) => !lower(c))];
  // In reading order a header cell printed whole on its line ("2021-22 Actual", two on one line: "2021-22
  // estimated 2022-23 Plan") says its own kind: where every kind follows a whole year on its line, each is that
  // year's.
  const ownKinds = laidOut ? null : kinds.map((t) => wholeYearBefore(pieces, t, columns));
  if (ownKinds && ownKinds.every(Boolean) && new Set(ownKinds).size === columns.length) kinds.forEach((t, k) => (ownKinds[k]!.kind = spec.kindWord(t.text)));
  else {
    const byTail = laidOut ? null : kindsAfterTails([...pieces].sort(order), kinds, tailOf, columns);
    if (byTail) byTail.forEach((c, t) => (c.kind = spec.kindWord(t.text)));
    else kinds.forEach((t, k) => (byKind[k].kind = spec.kindWord(t.text)));
  }
  const quarters = pieces.filter((p) => p.piece === 'quarter').sort(order);
  if (quarters.length === columns.length) quarters.forEach((t, k) => (columns[k].quarter = t.text));
  else if (quarters.length > 0) return null;
  // In reading order the quarters of one year come in the order their lines did, and a taller header cell's
  // lines interleave with its neighbour's ("2021-22" / "2021-22 Q3" / "Q2"): the columns of a year run forwards,
  // so its quarters go to them in time order.
  // Where they came out of time order the writer printed the cells not one after another but by line across
  // cells of different heights, and which value of a row is whose column no longer follows from their order in
  // the stream either (shuffled: the header is read, its rows are not).
  let shuffled = false;
  if (!laidOut && quarters.length > 0) {
    for (const year of new Set(columns.map((c) => c.start))) {
      const same = columns.filter((c) => c.start === year);
      const sorted = same.map((c) => c.quarter!).sort();
      shuffled ||= same.some((c, k) => c.quarter !== sorted[k]);
      same.forEach((c, k) => (c.quarter = sorted[k]));
    }
  }
  return { columns, end, left: laidOut ? columns[0].x : 0, laidOut, shuffled };
}

/**
 * In reading order a cell's pieces come in its order, year, tail, quarter, kind, whatever other cells' pieces
 * came between its lines ("2020-", "2021", "2021-22", "2022", then "21" / "Actual", "-22" / "Plan", "estimated",
 * "-23" / "Plan"): a kind right after a tail (a quarter between) is the tail's column's, one right after a whole
 * year that year's; a single kind left over goes to the single column left over (the whole "2021-22" its
 * "estimated"). Null where that leaves any kind's column unknown, or where a line holds more than one piece.
 */
function kindsAfterTails(inOrder: Piece[], kinds: Piece[], tailOf: Map<Piece, Column>, columns: Column[]): Map<Piece, Column> | null {
  // Only where every piece is alone on its line: a line of several ("20222021-22" over "23", "22" over "Actual
  // Plan") is a row of cells read across, whose order is the columns', not one cell's.
  if (inOrder.some((p) => inOrder.filter((q) => q.line === p.line).length > 1)) return null;
  const owner = new Map<Piece, Column>();
  for (const kind of kinds) {
    let k = inOrder.indexOf(kind) - 1;
    while (k >= 0 && inOrder[k].piece === 'quarter') k--;
    const before = inOrder[k];
    const column = !before ? undefined : before.piece === 'end' ? tailOf.get(before) : before.piece === 'year' && before.end != null ? columns.find((c) => c.line === before.line && c.x === before.x) : undefined;
    if (column && ![...owner.values()].includes(column)) owner.set(kind, column);
  }
  const leftKinds = kinds.filter((t) => !owner.has(t));
  const leftColumns = columns.filter((c) => ![...owner.values()].includes(c));
  if (leftKinds.length > 1 || leftKinds.length !== leftColumns.length) return null;
  if (leftKinds.length === 1) owner.set(leftKinds[0], leftColumns[0]);
  return owner;
}

/** In reading order, an annual header whose cells' pieces interleave, glued and cut (./interleavedHeader.ts), as a
 *  stack; null where the spec reads no cut kinds or the pieces do not rebuild in one way. */
function interleavedStackAt(lines: Line[], at: number, spec: PeriodStackSpec): NonNullable<ReturnType<typeof stackAt>> | null {
  if (!spec.kindHead || !/^\S/.test(lines[at].text)) return null;
  const header = interleavedHeaderAt(lines.map((l) => l.text), at, { kindWord: spec.kindWord, kindHead: spec.kindHead, isValue: spec.isValue });
  if (!header) return null;
  const columns: Column[] = header.columns.map((c, x) => ({ x, line: c.line, start: c.start, end: c.end, quarter: null, kind: c.kind }));
  return { columns, end: header.end, left: 0, laidOut: false, shuffled: false };
}

/** The column whose whole year is the piece just before a kind on its line (a quarter between), or null. */
function wholeYearBefore(pieces: Piece[], kind: Piece, columns: Column[]): Column | null {
  const before = pieces.filter((p) => p.line === kind.line && p.x < kind.x).sort((a, b) => a.x - b.x);
  const last = before[before.length - 1]?.piece === 'quarter' ? before[before.length - 2] : before[before.length - 1];
  if (!last || last.piece !== 'year' || last.end === null || last.end === undefined) return null;
  return columns.find((c) => c.line === last.line && c.x === last.x) ?? null;
}

function periodText(c: Column): string {
  const year = `${c.start}-${String(c.end).padStart(2, '0')}`;
  return [year, c.quarter, c.kind].filter(Boolean).join(' ');
}

/** The last of `texts` the spec says names a table, read over up to four lines so that a name wrapped in a
 *  narrow column is whole. */
function nameBefore(texts: string[], spec: PeriodStackSpec): string | null {
  for (let k = texts.length - 1; k >= 0; k--) {
    for (let w = 1; w <= 4 && k + w <= texts.length; w++) {
      const t = texts.slice(k, k + w).join(' ').replace(/\s+/g, ' ').trim();
      if (t && spec.namesTable(t)) return t;
    }
  }
  return null;
}

/** The first of `texts` the spec says names a table, read over up to four lines as nameBefore does. */
function nameAfter(texts: string[], spec: PeriodStackSpec): string | null {
  for (let k = 0; k < texts.length; k++) {
    for (let w = 1; w <= 4 && k + w <= texts.length; w++) {
      const t = texts.slice(k, k + w).join(' ').replace(/\s+/g, ' ').trim();
      if (t && spec.namesTable(t)) return t;
    }
  }
  return null;
}

/** Lines of the blocks [from, to): paragraphs and list items line by line, laid-out tables by their lines. */
function linesOf(doc: DocumentModel, from: number, to: number, skip: (block: number) => boolean): Line[][] {
  const runs: Line[][] = [[]];
  for (let i = from; i < to; i++) {
    const b = doc.blocks[i];
    if (skip(i) || (b.kind === 'table' && !b.layout)) {
      if (runs[runs.length - 1].length > 0) runs.push([]);
      continue;
    }
    const run = runs[runs.length - 1];
    if (b.kind === 'table') for (const l of b.layout!) run.push({ text: l.text, page: l.page, block: i });
    else b.text.split('\n').forEach((text, n) => run.push({ text, page: b.page, block: i, gap: n === 0 && b.kind === 'paragraph' && (b.blankLinesBefore ?? 0) > 0 }));
  }
  return runs.filter((r) => r.length > 0);
}

interface Run {
  values: Token[];
  label: string;
  /** Its lines hold only its values, set apart by blank lines: a cell's, not a figure in a wrapped label. */
  apart: boolean;
  /** Its first value opens its line. */
  opensLine: boolean;
  /** Laid out, fewer values than columns: a row's values on one of its two lines (pairLaidOutPieces). */
  partial?: boolean;
}

const isPercent = (t: Token) => /%$/.test(t.text);
const decimalsOf = (t: Token) => /\.(\d+)%?$/.exec(t.text)?.[1].length ?? 0;
const digitsOf = (t: Token) => (/^[^.]*/.exec(t.text)?.[0] ?? '').replace(/\D/g, '').length;
/** Two values written the same way: both percentages with as many decimals, or neither, with as many decimals and
 *  digits before the point within one of each other ("431.5" like "402.7", "188" like "205"; "65" unlike "205"). */
const writtenAlike = (v: Token, w: Token) =>
  isPercent(v) === isPercent(w) && decimalsOf(v) === decimalsOf(w) && (isPercent(v) || Math.abs(digitsOf(v) - digitsOf(w)) <= 1);

/**
 * The rows of a period table from its runs of values. A run of as many values as columns is a row. In reading
 * order (runs shorter than that are kept only there) a row can come in pieces, where pdftotext read a block of
 * the table's cells before the cells beside it (the first column's values of two rows, then the other columns'):
 * a piece opens a row where its label names one ("Numerator"); otherwise, set apart by blank lines (not a figure
 * in a wrapped label), it opens the table's first row or goes on the first row still short of values that it
 * fits, since the last whole row. Only rows that end whole are rows.
 */
function rowsOf(runs: Run[], k: number, spec: PeriodStackSpec): Run[] {
  const rows: Run[] = [];
  let from = 0; // rows before a whole one are not gone back to
  const overfull = new Set<Run>();
  for (const r of runs) {
    if (r.values.length === k) {
      rows.push({ ...r });
      from = rows.length;
    } else if (spec.isRowType?.(r.label) ?? false) rows.push({ ...r, values: [...r.values] });
    else if (!r.apart) {
      // A value cell on the same baseline as the next cell's text comes joined to it ("88.2% Rates held in the",
      // "431.5 held below the"): a value opening its line, written as the values of the row still short of it (a
      // percentage, or a figure with as many decimals and about as many digits), is that row's.
      // Other figures among words are the words' ("65 and over) met", "homes, per" / "100,000" / "population").
      const short = rows.slice(from).find((o) => o.values.length + r.values.length <= k);
      const like = (o: Run) => r.values.every((v) => o.values.every((w) => writtenAlike(v, w)));
      if (r.opensLine && short && like(short)) short.values.push(...r.values);
    }
    else if (rows.length === 0) rows.push({ ...r, values: [...r.values] });
    else {
      const short = rows.slice(from).find((o) => o.values.length + r.values.length <= k);
      // The last column's cells printed down after the rest of the rows ("318" / "52,604" under the numerator
      // and denominator rows each one value short): one value to each short row, in order.
      const oneShort = rows.slice(from).filter((o) => o.values.length < k);
      if (short) short.values.push(...r.values);
      else if (r.values.length >= 2 && oneShort.length === r.values.length && oneShort.every((o) => o.values.length === k - 1)) oneShort.forEach((o, i) => o.values.push(r.values[i]));
      // A piece that fits no row right after one, no word between: the row had more values than the header has
      // columns (a column of the header not read), so which value is whose is not known: that row is no row.
      else if (rows.length > 0 && r.label === '') overfull.add(rows[rows.length - 1]);
    }
  }
  const whole = rows.filter((r) => r.values.length === k && !overfull.has(r));
  // Reading order can print the label cells together before the rows ("Annual (%)", "Numerator", then the
  // percentages, then the counts): a row of percentages is no numerator or denominator (counts of people), so
  // where an unlabelled row of counts follows it, that label is the next row's.
  whole.forEach((r, i) => {
    const next = whole[i + 1];
    if (next && next.label === '' && spec.roleWord.test(r.label.split(/\s+/).pop() ?? '') && r.values.every(isPercent) && !next.values.some(isPercent)) {
      next.label = r.label;
      r.label = '';
    }
  });
  return whole;
}

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
function rejoinCutPieces(lines: Line[], spec: PeriodStackSpec): Line[] {
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

/**
 * Laid out, a row whose cut values ("76.5" / "%") sit half a line above its whole ones comes as two short runs on
 * adjacent lines, the label and rationale cells' words between and around them: two such runs that together fill
 * every column once (each value under its nearest column) are one row, left to right. Other short runs are not
 * rows.
 */
function pairLaidOutPieces(runs: Run[], columns: Column[], spec: PeriodStackSpec): Run[] {
  const columnOf = (t: Token) => columns.reduce((best, c, i) => (Math.abs(c.x - t.x) < Math.abs(columns[best].x - t.x) ? i : best), 0);
  const out: Run[] = [];
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    if (!r.partial) {
      out.push(r);
      continue;
    }
    const next = runs[i + 1];
    if (!next?.partial || Math.abs(next.values[0].line - r.values[0].line) !== 1) continue;
    const values = [...r.values, ...next.values].sort((a, b) => a.x - b.x);
    if (values.length !== columns.length || new Set(values.map(columnOf)).size !== columns.length) continue;
    const label = [r.label, next.label].find((l) => spec.isRowType?.(l)) ?? (r.label || next.label);
    out.push({ values, label, apart: false, opensLine: false });
    i++;
  }
  return out;
}

/** Whether the columns are the four quarters of each year they hold. */
const allQuarters = (columns: Column[]) => columns.every((c) => c.quarter) && [...new Set(columns.map((c) => c.start))].every((y) => new Set(columns.filter((c) => c.start === y).map((c) => c.quarter)).size === 4);

/** Periods in time order; within a year, an estimate of it after its plan (the templates' "2021-22 Plan",
 *  "2021-22 estimated"). */
const inTimeOrder = (x: Column, y: Column) => x.start - y.start || (x.quarter ?? '').localeCompare(y.quarter ?? '') || Number(x.kind === 'estimate') - Number(y.kind === 'estimate');

/** Most lines between a block's first header cell printed apart and the rest of its header (the label cells). */
const APART_LINES = 20;

/**
 * In reading order a block's first header cell can print apart from the others, the label cells (the metric's
 * name) between: "2021-22" / "Q1" / "Actual", "8.3 Discharge to usual place …", then "2021-22" / "Q2" / "Actual"
 * and the rest. A single column followed, before any row of values, by a stack of other periods is one header,
 * its columns in time order (as every reading-order stack's are); `between` holds the lines that can name it.
 */
function stackWithFirstColumnApart(lines: Line[], at: number, spec: PeriodStackSpec): { stack: NonNullable<ReturnType<typeof stackAt>>; between: [number, number] } | null {
  const single = stackAt(lines, at, spec, 1);
  if (!single || single.laidOut || single.columns.length !== 1) return null;
  for (let m = single.end; m < Math.min(lines.length, single.end + APART_LINES); m++) {
    const tokens = tokensOf(lines[m], m);
    // A row before the rest of the header: the single column is not a header's first cell.
    if (tokens.length > 0 && tokens.every((t) => spec.isValue(t.text))) return null;
    if (!/\b20\d\d/.test(lines[m].text)) continue;
    const rest = stackAt(lines, m, spec);
    if (!rest || rest.laidOut || rest.columns.some((c) => periodText(c) === periodText(single.columns[0]))) return null;
    const columns = [...single.columns, ...rest.columns].sort(inTimeOrder);
    return { stack: { ...rest, columns }, between: [single.end, m] };
  }
  return null;
}

/** A label's role word: its last word whole ("Numerator"), or its first where cut ("Denominato" / "r"). */
const roleOf = (label: string) => label.split(/\s+/).find((w) => /^(numera|denomin)/i.test(w))?.replace(/^(numera|denomin)\w*$/i, (w, h: string) => (/^numera/i.test(h) ? 'numerator' : 'denominator')) ?? '';

/** The label of a run opening at line `l` (x): the words before it on its line, else those of the line above. */
function labelOf(words: Token[], l: number, x = Number.MAX_SAFE_INTEGER): string {
  const own = words.filter((w) => w.line === l && w.x < x);
  const label = own.length > 0 ? own : words.filter((w) => w.line === Math.max(...words.filter((v) => v.line < l).map((v) => v.line)));
  return label.map((w) => w.text).join(' ');
}

/**
 * In reading order a row's label cell and its first value cell can share a baseline and come out as one line
 * ("Indicator value 61.2"), printed among the header's own lines where the header cells are taller than the row's
 * first line: such a line inside the stack [at, end), a row label then values only, opens that row.
 */
function labelledValuesIn(lines: Line[], at: number, end: number, spec: PeriodStackSpec): Run[] {
  const out: Run[] = [];
  for (let m = at + 1; m < end; m++) {
    const tokens = tokensOf(lines[m], m);
    const v = tokens.findIndex((t) => spec.isValue(t.text));
    if (v < 1 || !tokens.slice(v).every((t) => spec.isValue(t.text))) continue;
    const label = tokens.slice(0, v).map((t) => t.text).join(' ');
    if (spec.isRowType?.(label)) out.push({ values: tokens.slice(v), label, apart: false, opensLine: false });
  }
  return out;
}

/** The period tables of blocks [from, to) that text conversion flattened, as grids. */
export function periodStackGrids(doc: DocumentModel, from: number, to: number, spec: PeriodStackSpec, skip: (block: number) => boolean = () => false): Grid[] {
  const grids: Grid[] = [];
  for (const cut of linesOf(doc, from, to, skip)) {
    const lines = rejoinCutPieces(cut, spec);
    let named: string | null = null;
    let since = 0; // first line after the last row read: where the next table's name can be
    for (let n = 0; n < lines.length; n++) {
      const candidate = /\b20\d\d/.test(lines[n].text);
      const apart = candidate && !stackAt(lines, n, spec) ? stackWithFirstColumnApart(lines, n, spec) : null;
      const stack = apart?.stack ?? (candidate ? (stackAt(lines, n, spec) ?? interleavedStackAt(lines, n, spec)) : null);
      if (!stack) continue;
      const { end, left, laidOut } = stack;
      let columns = stack.columns;
      let shuffled = stack.shuffled;
      let k = columns.length;
      // The name: text before the stack, and (laid out) the label column beside it.
      const before = lines.slice(since, n).map((l) => (left ? l.text.slice(0, left) : l.text));
      // The label column beside a stack can run on below it (a name taller than the header), up to the first row.
      let besideEnd = end;
      while (left && besideEnd < Math.min(lines.length, end + 4) && !tokensOf(lines[besideEnd], besideEnd).some((t) => t.x >= left - 3 && spec.isValue(t.text))) besideEnd++;
      // In reading order the label cells' lines can come between the stack's own ("2020-", "8.4 Residential", "21").
      const beside = left ? lines.slice(n, besideEnd).map((l) => l.text.slice(0, left)) : lines.slice(n, end).map((l) => l.text);
      // A sheet prints a cell's text on across the empty cells right of it: a heading line that is one cell (no
      // wide gap in it) is read whole where the label column's width cut its name ("… discharged from acute hos").
      const oneCell = lines.slice(since, n).filter((l) => /\S/.test(l.text) && !/\S\s{3,}\S/.test(l.text)).map((l) => l.text);
      const betweenParts = apart ? nameBefore(lines.slice(...apart.between).map((l) => l.text), spec) : null;
      const found = betweenParts ?? nameBefore([...before, ...beside], spec) ?? (left ? nameBefore(oneCell, spec) : null);
      named = found ?? named;
      // Rows: runs of exactly k values, in the lines up to the next stack, each labelled by the words before it
      // on its line, else by the line above ("Numerator" over its run in reading order). In reading order a row
      // can come in pieces (below).
      const runs: Run[] = laidOut ? [] : labelledValuesIn(lines, n, end, spec);
      let run: Token[] = [];
      let words: Token[] = [];
      let pendingRole: string | null = null;
      const close = () => {
        const partial = laidOut && run.length > 0 && run.length < k;
        if (run.length === k || (!laidOut && run.length > 0) || partial) {
          // Laid out, a row's values can stand on two lines (a cell not cut centred between the cut ones'
          // lines): they go to the columns left to right.
          if (laidOut) run.sort((a, b) => a.x - b.x);
          let label = labelOf(words, run[0].line, run[0].x);
          const carried = pendingRole;
          pendingRole = null;
          // In reading order the label cells of several rows can print together before the first of them
          // ("Indicator" / "value" / "Denominato", then the values): a role label after a row-type label is the
          // next row's, and this run is the earlier label's.
          if (!laidOut && spec.roleWord.test(roleOf(label))) {
            const earlier = [...new Set(words.filter((w) => w.line < run[0].line).map((w) => w.line))]
              .map((l) => words.filter((w) => w.line === l).map((w) => w.text).join(' '))
              .find((t) => (spec.isRowType?.(t) ?? false) && !spec.roleWord.test(roleOf(t)));
            if (earlier && earlier !== label) [label, pendingRole] = [earlier, label];
          } else if (!laidOut && carried && !(spec.isRowType?.(label) ?? false)) label = carried; // rationale words between are no label
          // A piece set apart: its lines hold only its values, with blank lines before and after.
          const first = run[0].line;
          const lastLine = run[run.length - 1].line;
          const onlyValues = lines.slice(first, lastLine + 1).every((x) => x.text.split(/\s+/).filter(Boolean).every((w) => spec.isValue(w)));
          // Lines a cut piece was moved off (rejoinCutPieces: "64.3" / "%") hold nothing and do not count.
          let after = lastLine + 1;
          while (after < lines.length && !/\S/.test(lines[after].text) && !lines[after].gap) after++;
          const apart = onlyValues && !!lines[first].gap && (after >= lines.length || !!lines[after].gap);
          const opensLine = run[0].x === lines[first].text.search(/\S/);
          runs.push({ values: run, label, apart, opensLine, partial });
          if (!partial) words = [];
        }
        run = [];
      };
      let limit = Math.min(lines.length, end + (laidOut ? SCOPE_LINES : READING_SCOPE_LINES));
      let merged = false;
      for (let m = end; m < limit; m++) {
        // The second part of a header may be a single column ("2022-23" / "Plan", the last column's cell printed
        // after the label cells beside it), taken only where it can be one (no row whole yet); a single column is
        // no table of its own, so it may also come before any value.
        // The header's parts can be several where no value cell came between (its cells printed one after
        // another, the label cells between them, figures in their words: "(65 and over)").
        // A header of a year's four quarters is whole (the template's quarterly block: a year's actuals, the next
        // year's plans under a header of their own): where the runs so far already make a whole row under it (a
        // value joined to its row's label, "Indicator value 61.2", and the rest set apart), the next stack is a
        // table of its own.
        const partialSoFar = (single = false) =>
          !laidOut && (!merged || runs.every((r) => !r.apart)) && (single || runs.length > 0) && runs.every((r) => r.values.length < k) && !(allQuarters(columns) && rowsOf(runs, k, spec).length > 0);
        const candidate = m > end && /\b20\d\d/.test(lines[m].text);
        let next = candidate ? stackAt(lines, m, spec) : null;
        // The next block's header rebuilt from interleaved pieces ends this one's scope.
        if (candidate && !next && !laidOut && interleavedStackAt(lines, m, spec)) break;
        const single = !next && candidate && partialSoFar(true);
        if (single) next = stackAt(lines, m, spec, 1);
        // A single period cell after the rows is the next table's header: it ends this one's scope.
        else if (candidate && !next && !laidOut && stackAt(lines, m, spec, 1)) break;
        if (next) {
          // In reading order a header can come in two parts with values between ("2020-21 Actual", "2021-22 Plan",
          // values of their first column, then "2021-22 estimated", "2022-23 Plan"): where no row is whole yet,
          // the second part's periods are more columns of the same table, in time order.
          close();
          const partial = !next.laidOut && partialSoFar(single);
          const fresh = next.columns.every((c) => !columns.some((d) => periodText(d) === periodText(c)));
          if (!partial || !fresh) break;
          columns = [...columns, ...next.columns].sort(inTimeOrder);
          shuffled ||= next.shuffled;
          // The label column's cells can come between the parts ("8.3 Usual residence" after the first periods):
          // the table's name is the last text naming one before the second part.
          named = nameBefore(lines.slice(end, m).map((l) => l.text), spec) ?? named;
          k = columns.length;
          merged = true;
          limit = Math.min(lines.length, next.end + SCOPE_LINES);
          m = next.end - 1;
          continue;
        }
        const tokens = tokensOf(lines[m], m);
        // In reading order a figure ending a paragraph of words ("homes, per" / "100,000") is the words' (a
        // wrapped label's), not the start of a row that runs on past the blank line into the value cells below;
        // a row label before it ("Annual Rate", "Numerator"), or the header right above it, makes it a row's.
        const wordsBefore = run.length > 0 ? labelOf(words, run[0].line) : '';
        if (!laidOut && lines[m].gap && wordsBefore && !lines[run[0].line].gap && !(spec.isRowType?.(wordsBefore) ?? false)) close();
        // In reading order a line that opens with a number and goes on in words ("8.5 Reablement", "65 and over)
        // met") is not more of the run above it.
        if (!laidOut && tokens.length > 1 && spec.isValue(tokens[0].text) && tokens.some((t) => !spec.isValue(t.text))) close();
        for (const t of tokens) {
          const cut = words[words.length - 1];
          if (spec.isValue(t.text)) {
            // A row is complete at k values: a number after it ("8.4 Residential") starts something else.
            run.push(t);
            // Rows of a table in reading order can stand apart by long cells of text (a rationale beside them):
            // the scope goes on past each whole row.
            if (run.length === k) {
              close();
              if (!laidOut) limit = Math.max(limit, Math.min(lines.length, m + 1 + SCOPE_LINES));
            }
          } else if (run.length > 0 && cut && !spec.roleWord.test(cut.text) && spec.roleWord.test(cut.text + t.text)) {
            // "Denominato" … "r": the tail of a label cut at the cell edge, in the middle of its run.
          } else if (run.length === 0 && cut && cut.line < t.line && !spec.roleWord.test(cut.text) && spec.roleWord.test(cut.text + t.text)) {
            // "Denominat" / "or" over the run: the label cut at its cell edge onto the next line, made whole.
            cut.text += t.text;
          } else {
            close();
            words.push(t);
          }
        }
      }
      close();
      const rows: GridRow[] = [
        { cells: [named ?? '', '', ...columns.map(periodText)], page: lines[n].page, block: lines[n].block, header: true, pageBreakBefore: false },
      ];
      let last = end;
      const read = rowsOf(laidOut ? pairLaidOutPieces(runs, columns, spec) : runs, k, spec);
      // In reading order the label cells of a block can print after its header cells, before its first row
      // ("2021-22 Q1 Actual" x4, then "8.3" / "Discharge to" / "usual place" / "of residence", then the values):
      // with no name before the stack, the first text naming a table there names it, not the block before's name.
      if (!found && !laidOut && read.length > 0) rows[0].cells[0] = nameAfter(lines.slice(end, read[0].values[0].line + 1).map((l) => l.text), spec) ?? rows[0].cells[0];
      named = rows[0].cells[0] || named;
      for (const r of read) {
        const at = lines[r.values[0].line];
        rows.push({ cells: ['', r.label, ...r.values.map((t) => t.text)], page: at.page, block: at.block, header: false, pageBreakBefore: false });
        last = Math.max(last, ...r.values.map((t) => t.line + 1));
      }
      // A shuffled header's rows are read, so that they are no other table's, but only those whose values are all
      // one figure (a flat plan: which is whose column does not matter) are kept: a value under the wrong period is
      // worse than none.
      const kept = shuffled ? keptUnderShuffledHeader(rows) : rows;
      if (rows.length > 1) grids.push({ rows: kept, blockStart: rows[0].block, blockEnd: rows[rows.length - 1].block + 1 });
      since = last;
      n = Math.max(n, last - 1);
    }
  }
  return grids;
}

/** The rows under a shuffled header (stackAt) whose column order does not matter: the header, and each row whose
 *  values are one figure repeated, its numerator and denominator rows only with it. */
function keptUnderShuffledHeader(rows: GridRow[]): GridRow[] {
  const isRole = (r: GridRow) => /numera|denomin/i.test(r.cells[1]);
  const flat = (r: GridRow) => new Set(r.cells.slice(2)).size === 1;
  let valueKept = false;
  return rows.filter((r) => {
    if (r.header) return true;
    if (!isRole(r)) valueKept = flat(r);
    return valueKept && flat(r);
  });
}
