// The rows of a period table in text that lost the table (./periodStack.ts): runs of values under a header's
// columns, labelled by the words before them, put together where a row comes in pieces.
import type { GridRow } from './grids.js';
import { tokensOf, type Column, type Line, type PeriodStackSpec, type Token } from './periodHeader.js';

export interface Run {
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
export function rowsOf(runs: Run[], k: number, spec: PeriodStackSpec): Run[] {
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
 * Laid out, a row whose cut values ("76.5" / "%") sit half a line above its whole ones comes as two short runs on
 * adjacent lines, the label and rationale cells' words between and around them: two such runs that together fill
 * every column once (each value under its nearest column) are one row, left to right. Other short runs are not
 * rows.
 */
export function pairLaidOutPieces(runs: Run[], columns: Column[], spec: PeriodStackSpec): Run[] {
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

/** A label's role word: its last word whole ("Numerator"), or its first where cut ("Denominato" / "r"). */
export const roleOf = (label: string) => label.split(/\s+/).find((w) => /^(numera|denomin)/i.test(w))?.replace(/^(numera|denomin)\w*$/i, (w, h: string) => (/^numera/i.test(h) ? 'numerator' : 'denominator')) ?? '';

/** The label of a run opening at line `l` (x): the words before it on its line, else those of the line above. */
export function labelOf(words: Token[], l: number, x = Number.MAX_SAFE_INTEGER): string {
  const own = words.filter((w) => w.line === l && w.x < x);
  const label = own.length > 0 ? own : words.filter((w) => w.line === Math.max(...words.filter((v) => v.line < l).map((v) => v.line)));
  return label.map((w) => w.text).join(' ');
}

/**
 * In reading order a row's label cell and its first value cell can share a baseline and come out as one line
 * ("Indicator value 61.2"), printed among the header's own lines where the header cells are taller than the row's
 * first line: such a line inside the stack [at, end), a row label then values only, opens that row.
 */
export function labelledValuesIn(lines: Line[], at: number, end: number, spec: PeriodStackSpec): Run[] {
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

/** The rows under a shuffled header (stackAt) whose column order does not matter: the header, and each row whose
 *  values are one figure repeated, its numerator and denominator rows only with it. */
export function keptUnderShuffledHeader(rows: GridRow[]): GridRow[] {
  const isRole = (r: GridRow) => /numera|denomin/i.test(r.cells[1]);
  const flat = (r: GridRow) => new Set(r.cells.slice(2)).size === 1;
  let valueKept = false;
  return rows.filter((r) => {
    if (r.header) return true;
    if (!isRole(r)) valueKept = flat(r);
    return valueKept && flat(r);
  });
}
