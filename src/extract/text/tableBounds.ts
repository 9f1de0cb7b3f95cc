// Where a fixed-width table starts and ends (tableEnd): the scan over its lines and the rules it stops or goes on
// by: a first line whose value was typeset one space after its label, a long line that is a wide column's wrapped
// line, a numbered heading, a title opening a page over a wider table, a first cell's last line before the blank
// line of rows padded apart (paddedRows.ts), a line indented under a later column (a wrapped cell).
import { FIXED_WIDTH, type Fragment, fragmentsOf, BULLET_LINE, isBlank, isBulletedCellRow, isGapped, isProse, FIGURE, YEAR_ONLY } from './fragments.js';
import { endsRowBlock } from './paddedRows.js';

/**
 * A long line of one fragment, indented, is a wrapped line of a wide later column (mitigating actions written
 * across half the page) when earlier lines of the table start a cell where it starts: indented prose starts
 * nowhere in particular.
 */
function continuesWideColumn(f: Fragment, cellStarts: number[]): boolean {
  if (f.start < FIXED_WIDTH.cellIndent) return false;
  return cellStarts.filter((x) => Math.abs(x - f.start) <= FIXED_WIDTH.edgeSlack).length >= 2;
}

/**
 * The first line of a table whose value was typeset one space after its label ("Minimum required 2014/15", the
 * values of the lines below starting a few characters further right): the line with the value moved to where the
 * values below start, or null. The value is a year or a figure, and two or more lines below start a value of the
 * same kind within `cellIndent` of it.
 */
export function valueRunIntoLabel(lines: string[], at: number): string | null {
  const f = fragmentsOf(lines[at]);
  if (f.length !== 1 || f[0].start >= FIXED_WIDTH.cellIndent || !isGapped(lines[at + 1] ?? '')) return null;
  const m = /^(.*\S) (\S+)$/.exec(lines[at]);
  if (!m) return null;
  const [, label, value] = m;
  const isYear = (t: string) => YEAR_ONLY.test(t);
  const kind = isYear(value) ? isYear : FIGURE.test(value) && /\d/.test(value) ? (t: string) => FIGURE.test(t) && /\d/.test(t) && !isYear(t) : null;
  if (!kind) return null;
  const x = label.length + 1;
  const starts: number[] = [];
  for (const l of lines.slice(at + 1, at + 7)) {
    if (isBlank(l)) break;
    for (const g of fragmentsOf(l)) {
      const first = g.text.split(/\s+/)[0];
      if (g.start >= FIXED_WIDTH.cellIndent && kind(first) && Math.abs(g.start - x) <= FIXED_WIDTH.cellIndent) starts.push(g.start);
    }
  }
  const to = starts.find((s0) => starts.filter((s1) => Math.abs(s1 - s0) <= FIXED_WIDTH.edgeSlack).length >= 2);
  if (to === undefined || to < label.length + FIXED_WIDTH.columnGap) return null;
  return label.padEnd(to) + value;
}

/** A heading's numbering at the margin, as the templates number their sections: "1)", "b)", "4 a)". */
const NUMBERED_HEADING = /^(\d{1,2}\s*\)|\d{1,2}\s+[a-h]\)|[a-h]\))\s+[A-Z]/;

/**
 * A title opening a page over a wider table: a workbook printed sheet by sheet puts each sheet's title at the top
 * of its page, a blank line, then the sheet's own header. Where that header has more cells than any line of the
 * table so far (an expenditure plan under a two-column income grid), the title starts a new table, not a row.
 */
function opensWiderTable(lines: string[], at: number, i: number, pageOf: (i: number) => number | null): boolean {
  if (pageOf(i) === pageOf(i - 1)) return false;
  const next = lines.slice(i + 1).find((l) => !isBlank(l));
  if (next === undefined || !isGapped(next)) return false;
  const widest = Math.max(...lines.slice(at, i).map((l) => fragmentsOf(l).length));
  return fragmentsOf(next).length > widest;
}

/** A line with one fragment that sits under a later column of the table above (a wrapped cell). */
export function isIndentedCell(lines: string[], at: number, i: number): boolean {
  const f = fragmentsOf(lines[i]);
  return f.length >= 1 && f[0].start >= FIXED_WIDTH.cellIndent && i > at;
}

/**
 * Where the fixed-width table starting at `lines[at]` ends (the index of the line after it), or null when too few
 * of its lines are gapped into columns. The table runs over lines gapped into columns and the lines between them
 * (wrapped cells, single blank lines), and ends at two blank lines, a tab, prose, a markdown heading, a list item,
 * a heading or caption alone at the margin, a numbered heading, or a long line no wide column explains.
 */
export function tableEnd(lines: string[], at: number, pageOf: (i: number) => number | null): number | null {
  let end = at;
  let gapped = 0;
  let blanks = 0;
  // Where the table's lines so far start a cell past the margin: a long wrapped line of a wide column starts at one.
  const cellStarts: number[] = [];
  for (let i = at; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) {
      blanks++;
      if (blanks >= 2) break;
      continue;
    }
    // A bulleted line ends the table, unless it is a row whose first cell opens with a dash ("- new cases   and …").
    if (line.includes('\t') || isProse(line) || /^\s{0,3}#/.test(line) || (BULLET_LINE.test(line) && (i === at || !isBulletedCellRow(line)))) break;
    // A line alone at the margin with a blank line after it is a heading or a caption: the table ended.
    if (i > at && !isGapped(line) && fragmentsOf(line)[0].start < FIXED_WIDTH.cellIndent && isBlank(lines[i + 1] ?? '') && (!endsRowBlock(lines, at, i, cellStarts) || opensWiderTable(lines, at, i, pageOf))) break;
    // So is a line alone at the margin with a heading's numbering ("b) Authorisation", "5) RISKS") opening a page
    // or after a blank line: a row cut by the page break goes on with its words, not with a numbered heading.
    if (i > at && (pageOf(i) !== pageOf(i - 1) || isBlank(lines[i - 1])) && !isGapped(line) && fragmentsOf(line).length === 1 && NUMBERED_HEADING.test(line)) break;
    if (isGapped(line)) {
      gapped++;
      for (const f of fragmentsOf(line)) if (f.start >= FIXED_WIDTH.cellIndent) cellStarts.push(f.start);
    } else if (fragmentsOf(line)[0].text.length > 60 && !continuesWideColumn(fragmentsOf(line)[0], cellStarts)) break;
    blanks = 0;
    end = i + 1;
  }
  const body = lines.slice(at, end);
  if (gapped < FIXED_WIDTH.minGappedLines) return null;
  // Trailing lines without a gap after the last gapped line are text after the table.
  while (end > at && !isGapped(lines[end - 1]) && fragmentsOf(lines[end - 1]).length <= 1 && !isIndentedCell(lines, at, end - 1)) end--;
  const used = lines.slice(at, end);
  if (used.filter(isGapped).length < FIXED_WIDTH.minGappedLines || body.length === 0) return null;
  return end;
}
