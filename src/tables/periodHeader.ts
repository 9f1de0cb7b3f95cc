// The header of a period table in text that lost the table (./periodStack.ts): the pieces of its wrapped cells
// ("2021-" over "22 Q1" over "Actual"), read into columns from a stack of lines, laid out or in reading order, with
// its first column printed apart or its cells interleaved (./interleavedHeader.ts).
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

export interface Line {
  text: string;
  page: number | null;
  block: number;
  /** A blank line before it. */
  gap?: boolean;
  /** Its tokens where they are not its text's words at their offsets (cut pieces made whole: rejoinCutPieces). */
  tokens?: Token[];
}

export interface Token {
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
export const SCOPE_LINES = 60;
/** In reading order the rationale cells beside a block's header (two of them, a dozen or more lines each) can
 *  come before its first row; the next stack still ends the scope. */
export const READING_SCOPE_LINES = 100;
/** In reading order, where a row of header cells prints their first lines together ("2021" four times, the
 *  rationale headers' first lines) and then each cell's rest, the label cells' text between: most lines a stack
 *  spans while a year still waits for its second half. */
const OPEN_STACK_LINES = 40;

export interface Column {
  x: number;
  /** The line its year begins on. */
  line: number;
  start: number;
  /** Set once the year is whole. */
  end: number | null;
  quarter: string | null;
  kind: string | null;
}

export function tokensOf(line: string | Line, n: number): Token[] {
  if (typeof line !== 'string' && line.tokens) return line.tokens.map((t) => ({ ...t, line: n }));
  const out: Token[] = [];
  for (const m of (typeof line === 'string' ? line : line.text).matchAll(/\S+/g)) out.push({ text: m[0], x: m.index ?? 0, line: n });
  return out;
}

export const follows = (start: number, end: number) => (start + 1) % 100 === end;

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
export function stackAt(lines: Line[], at: number, spec: PeriodStackSpec, minColumns = 2): { columns: Column[]; end: number; left: number; laidOut: boolean; shuffled: boolean } | null {
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
export function interleavedStackAt(lines: Line[], at: number, spec: PeriodStackSpec): NonNullable<ReturnType<typeof stackAt>> | null {
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

export function periodText(c: Column): string {
  const year = `${c.start}-${String(c.end).padStart(2, '0')}`;
  return [year, c.quarter, c.kind].filter(Boolean).join(' ');
}

/** Whether the columns are the four quarters of each year they hold. */
export const allQuarters = (columns: Column[]) => columns.every((c) => c.quarter) && [...new Set(columns.map((c) => c.start))].every((y) => new Set(columns.filter((c) => c.start === y).map((c) => c.quarter)).size === 4);

/** Periods in time order; within a year, an estimate of it after its plan (the templates' "2021-22 Plan",
 *  "2021-22 estimated"). */
export const inTimeOrder = (x: Column, y: Column) => x.start - y.start || (x.quarter ?? '').localeCompare(y.quarter ?? '') || Number(x.kind === 'estimate') - Number(y.kind === 'estimate');

/** Most lines between a block's first header cell printed apart and the rest of its header (the label cells). */
const APART_LINES = 20;

/**
 * In reading order a block's first header cell can print apart from the others, the label cells (the metric's
 * name) between: "2021-22" / "Q1" / "Actual", "8.3 Discharge to usual place …", then "2021-22" / "Q2" / "Actual"
 * and the rest. A single column followed, before any row of values, by a stack of other periods is one header,
 * its columns in time order (as every reading-order stack's are); `between` holds the lines that can name it.
 */
export function stackWithFirstColumnApart(lines: Line[], at: number, spec: PeriodStackSpec): { stack: NonNullable<ReturnType<typeof stackAt>>; between: [number, number] } | null {
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
