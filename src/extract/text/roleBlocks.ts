// Metric blocks of a sheet read back from laid-out text (pdftotext -layout of a sheet printed without
// gridlines): the 2014 Part 2 metrics sheet (../shared/spec/tables.md) gives each metric a block of rows
// "Metric Value / Numerator / Denominator" under period columns, the metric's name in the first column on one
// of the block's rows, and a period row "( April 2012 - March 2013 )" under each block. Printed, the sheet's cells
// clip and run together: a long name sits alone on its own line at the margin, the clipped value headers join one
// space apart ("Current Baseline (as at Performance underpinnin"), a value sits one space before "N/A" and period
// cells run into each other ("( April 2013 - December 201( April 2014 - September 20"). No gutter shows these
// columns, so the gutter-based reader (fixedWidth.ts) cannot; here the lines are read by what each one is: a row
// labelled by its role, a period row, a name alone, the header above. Values are read as tokens (figures, "N/A",
// period cells), so one space between them is enough; the columns come from the lines holding every column's
// value, and the header is cut where those columns begin. The result is one logical table: name | role | values.
import type { TableRow } from '../../model/document.js';
import { FIXED_WIDTH, fragmentsOf, type FixedWidthTable } from './fragments.js';
import { ROLE_WORDS, VALUE_ROLE, valueCellsFrom, type ValueCell } from '../../text/metricRoles.js';

/** A row's role label: the block's value row, or its numerator or denominator row. */
const ROLE = new RegExp(`(?<=^|\\s)(${ROLE_WORDS})(?=\\s|$)`, 'i');

interface Line {
  index: number;
  kind: 'role' | 'period' | 'name';
  name: string;
  role: string;
  roleStart: number;
  roleEnd: number;
  values: ValueCell[];
}

/** What one line of a metric block is, or null for any other line. */
function classify(text: string, index: number): Line | null {
  const role = ROLE.exec(text);
  if (role) {
    const values = valueCellsFrom(text, role.index + role[0].length);
    if (!values) return null;
    return { index, kind: 'role', name: text.slice(0, role.index).trim(), role: role[0], roleStart: role.index, roleEnd: role.index + role[0].length, values };
  }
  const frags = fragmentsOf(text);
  if (frags.length === 0) return null;
  if (frags[0].start >= FIXED_WIDTH.cellIndent) {
    // A period row: periods and "N/A" only, never a figure (that is a value row that lost its label).
    const values = valueCellsFrom(text, 0);
    if (values && values.length > 0 && values.every((v) => !/\d/.test(v.text) || v.text.startsWith('('))) {
      return { index, kind: 'period', name: '', role: '', roleStart: -1, roleEnd: -1, values };
    }
    return null;
  }
  // A name alone at the margin: too long for its cell, the printer set it on a line of its own (its wrapped
  // rest may open with a bracket: "(aged 65 and over)"); figures alone there are no name.
  const asValues = valueCellsFrom(text, 0);
  if (frags.length === 1 && !asValues?.every((v) => !v.text.startsWith('('))) return { index, kind: 'name', name: frags[0].text, role: '', roleStart: -1, roleEnd: -1, values: [] };
  return null;
}

/** Lines of a header above a block's rows: laid out in cells, no figure of their own. */
function isHeaderLine(text: string): boolean {
  const frags = fragmentsOf(text);
  if (frags.length === 0 || ROLE.test(text) || /\d[\d,]*\.\d|\d,\d{3}/.test(text)) return false;
  return frags.length >= 2 || frags[0].start >= FIXED_WIDTH.cellIndent;
}

/** A line with its runs of spaces made one: a repeated header compared with the first. */
function squeezed(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Blocks needed before lines are read as a sheet's metric blocks. */
const MIN_BLOCKS = 2;
/** Header lines looked for above the first block. */
const MAX_HEADER_LINES = 3;

/**
 * The metric-block table starting at `lines[at]` (its header, or its first value row), or null. Every line from
 * the first block to the last is a role row, a period row or a name alone; a blank line or any other line ends it.
 */
export function roleBlockTableAt(lines: string[], at: number, pageOf: (i: number) => number | null): FixedWidthTable | null {
  let first = at;
  while (first < lines.length && first - at < MAX_HEADER_LINES && isHeaderLine(lines[first]) && !classify(lines[first], first)) first++;
  const opening = classify(lines[first] ?? '', first);
  if (!opening || opening.kind !== 'role' || !VALUE_ROLE.test(opening.role)) return null;
  const body: Line[] = [];
  const header = lines.slice(at, first).map(squeezed);
  for (let i = first; i < lines.length; i++) {
    // A blank line between rows (rows printed taller than their text) and the header repeated over a new page
    // are no end: the next line is read as the block's.
    if (lines[i].trim() === '' && lines[i - 1].trim() !== '') continue;
    if (header.includes(squeezed(lines[i])) && pageOf(i) !== pageOf(i - 1)) continue;
    const line = classify(lines[i], i);
    if (!line) break;
    body.push(line);
  }
  while (body.length > 0 && body[body.length - 1].kind === 'name') body.pop();
  const roles = body.filter((l) => l.kind === 'role');
  if (roles.filter((l) => VALUE_ROLE.test(l.role)).length < MIN_BLOCKS) return null;
  // The role labels form a column: a name running into it still ends before it.
  const roleLeft = Math.min(...roles.map((l) => l.roleStart));
  const roleRight = Math.max(...roles.map((l) => l.roleEnd));
  if (roleRight - roleLeft > FIXED_WIDTH.mergeDistance + 'Metric Value'.length) return null;

  const spans = valueSpans(body);
  if (spans.length === 0) return null;
  const width = 2 + spans.length;
  const rows: TableRow[] = [];
  const headerLines = lines.slice(at, first);
  if (headerLines.length > 0) {
    const cells = Array.from({ length: width }, () => [] as string[]);
    for (const h of headerLines) {
      const perLine = headerCells(h, roleLeft, roleRight, spans);
      perLine.forEach((t, k) => t && cells[k].push(t));
    }
    rows.push({ cells: cells.map((c) => ({ text: c.join('\n') })), page: pageOf(at), header: true });
  }
  const rowOf = new Map<Line, TableRow>();
  for (const line of body) {
    if (line.kind === 'name') continue;
    const cells = Array.from({ length: width }, () => '');
    cells[0] = line.name;
    cells[1] = line.role;
    placeValues(line.values, spans).forEach((k, n) => (cells[2 + k] = line.values[n].text));
    const row: TableRow = { cells: cells.map((text) => ({ text })), page: pageOf(line.index) };
    rowOf.set(line, row);
    rows.push(row);
  }
  // A name alone goes with the next role row of its block (the row the sheet set it on; a block's name above its
  // value row), else the one before: its lines in reading order around the row's own part of the name.
  const namesOf = new Map<Line, { above: string[]; below: string[] }>();
  body.forEach((line, n) => {
    if (line.kind !== 'name') return;
    const next = body.slice(n + 1).find((l) => l.kind !== 'name');
    const before = body.slice(0, n).reverse().find((l) => l.kind !== 'name');
    const sameBlock = next?.kind === 'role' && (!VALUE_ROLE.test(next.role) || !before || before.kind === 'period');
    const owner = sameBlock ? next : before?.kind === 'role' ? before : next?.kind === 'role' ? next : undefined;
    if (!owner) return;
    if (!namesOf.has(owner)) namesOf.set(owner, { above: [], below: [] });
    namesOf.get(owner)![line.index < owner.index ? 'above' : 'below'].push(line.name);
  });
  for (const [owner, { above, below }] of namesOf) rowOf.get(owner)!.cells[0].text = [...above, owner.name, ...below].filter(Boolean).join(' ');
  const last = body[body.length - 1];
  return { rows, end: last.index + 1 };
}

/** Each value column's extent: the k-th cells of the lines holding a cell in every column. */
function valueSpans(body: Line[]): Array<{ start: number; end: number }> {
  const count = Math.max(0, ...body.map((l) => l.values.length));
  const full = body.filter((l) => l.values.length === count && count > 0);
  return Array.from({ length: count }, (_, k) => ({
    start: Math.min(...full.map((l) => l.values[k].start)),
    end: Math.max(...full.map((l) => l.values[k].end)),
  }));
}

/** The column of each of a line's value cells, in order: all columns filled, in order; fewer, each where it
 *  overlaps a column most (nearest where none), leaving room for the cells after it. */
function placeValues(values: ValueCell[], spans: Array<{ start: number; end: number }>): number[] {
  if (values.length === spans.length) return values.map((_, k) => k);
  const out: number[] = [];
  let from = 0;
  values.forEach((v, n) => {
    const last = spans.length - (values.length - n);
    let best = from;
    let bestScore = -Infinity;
    for (let k = from; k <= last; k++) {
      const overlap = Math.min(v.end, spans[k].end) - Math.max(v.start, spans[k].start);
      const score = overlap > 0 ? overlap : -Math.abs((v.start + v.end) / 2 - (spans[k].start + spans[k].end) / 2);
      if (score > bestScore) [best, bestScore] = [k, score];
    }
    out.push(best);
    from = best + 1;
  });
  return out;
}

/**
 * A header line's cells: words left of the role labels name the first column, words over the labels the second,
 * and the rest are cut where each value column begins, at the word start nearest that edge (clipped headers run
 * on one space apart, so no gap shows the cut).
 */
function headerCells(text: string, roleLeft: number, roleRight: number, spans: Array<{ start: number; end: number }>): string[] {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index!, text: m[0] }));
  const cuts = [roleLeft, roleRight + 1];
  for (let k = 1; k < spans.length; k++) {
    const edge = spans[k].start;
    const nearest = words
      .filter((w) => w.start > cuts[cuts.length - 1] && Math.abs(w.start - edge) <= FIXED_WIDTH.mergeDistance)
      .sort((a, b) => Math.abs(a.start - edge) - Math.abs(b.start - edge))[0];
    cuts.push(nearest ? nearest.start : edge);
  }
  const cells = Array.from({ length: 2 + spans.length }, () => [] as string[]);
  for (const w of words) {
    let k = 0;
    while (k < cuts.length && w.start >= cuts[k]) k++;
    cells[k].push(w.text);
  }
  return cells.map((c) => c.join(' '));
}
