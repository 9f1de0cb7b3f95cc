// The logical-table steps: from the grid rows a converter left (any format) to the rows the template's table
// really has. Each step is a small pure function over rows of cell strings, so each failure class of
// ../shared/spec/tables.md has its own step and its own test:
//   furniture rows removed (class 5), overlaid duplicate rows collapsed (6), split digit groups rejoined (4),
//   wrapped cells merged into the row they continue (1), header rows found wherever they are (2, 3).
import { cleanCell, normaliseName } from '../text/clean.js';
import { CUT_DIGIT_GROUP } from '../text/figures.js';

export interface Row {
  cells: string[];
  page: number | null;
  block: number;
  /** Where a step joined rows, every source row's text, for provenance. */
  sources: string[];
  /** Workbooks: the first cell of the (first) source row. */
  ref?: string;
}


const filled = (r: Row) => r.cells.map(cleanCell).filter((c) => c !== '');

/** A row that is page furniture inside a table: "DRAFT", "Page 4 of 12", a lone page number, "- 7 -". */
export function isFurniture(row: Row): boolean {
  const f = filled(row);
  if (f.length !== 1) return false;
  return /^(draft|confidential|official(-sensitive)?|not protectively marked|page\s*\d+(\s*(of|\/)\s*\d+)?|[-–—\s]*\d{1,3}[-–—\s]*)$/i.test(f[0]);
}

export function dropFurniture(rows: Row[]): Row[] {
  return rows.filter((r) => !isFurniture(r));
}

const signature = (r: Row) => r.cells.map((c) => normaliseName(c)).join('|');

/** Two rows that are the same text drawn twice: equal, or one a shifted/truncated copy of the other. */
function overlaid(a: Row, b: Row): boolean {
  const sa = signature(a);
  const sb = signature(b);
  if (sa === '' || sb === '') return false;
  if (sa === sb) return true;
  const wa = filled(a).join(' ').toLowerCase();
  const wb = filled(b).join(' ').toLowerCase();
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.length >= 20 && long.startsWith(short.slice(0, Math.floor(short.length * 0.9)));
}

/** Consecutive rows that are one row drawn twice (an overlaid PDF, overlapping OCR) become one: the fuller. */
export function collapseOverlaidRows(rows: Row[]): { rows: Row[]; collapsed: number } {
  const out: Row[] = [];
  let collapsed = 0;
  for (const r of rows) {
    const prev = out[out.length - 1];
    if (prev && overlaid(prev, r)) {
      collapsed++;
      if (filled(r).join('').length > filled(prev).join('').length) out[out.length - 1] = { ...r, sources: [...prev.sources, ...r.sources] };
      continue;
    }
    out.push(r);
  }
  return { rows: out, collapsed };
}


/**
 * Digit groups split over two rows ("£9,000,00" / "0"): the second row holds nothing but the rest of the
 * figure(s), in the same column(s). The rest joins the figure and the second row goes.
 */
export function rejoinSplitDigits(rows: Row[]): Row[] {
  const out: Row[] = [];
  for (const r of rows) {
    const prev = out[out.length - 1];
    const rest = r.cells.map(cleanCell);
    if (prev && rest.some((c) => c !== '') && rest.every((c, k) => c === '' || (/^\d{1,3}$/.test(c) && CUT_DIGIT_GROUP.test(cleanCell(prev.cells[k] ?? ''))))) {
      out[out.length - 1] = {
        ...prev,
        cells: prev.cells.map((c, k) => (rest[k] ? `${cleanCell(c)}${rest[k]}` : c)),
        sources: [...prev.sources, ...r.sources],
      };
      continue;
    }
    out.push(r);
  }
  return out;
}

/** Words that leave a label unfinished: the next row continues it. */
const OPEN_END = /(\b(and|or|of|to|for|in|on|the|a|by|with|from|per|at)|[,&(/–-])$/i;

/**
 * Wrapped cells that the converter made rows of their own: a row with text only in the label column, next to a
 * row with figures. It continues the row above when it starts in lower case (figures on the first line), or
 * the row below when that one starts in lower case or this one ends open (figures on the last line). Where the
 * table has title rows ("iBCF Contribution", "Reablement"), a title starts a new entry and stays.
 */
export function mergeContinuations(rows: Row[], labelCol: number, valueCols: number[], titleRows = true): Row[] {
  const hasValues = (r: Row) => valueCols.some((k) => cleanCell(r.cells[k] ?? '') !== '');
  const labelOf = (r: Row) => cleanCell(r.cells[labelCol] ?? '');
  const onlyLabel = (r: Row) => !hasValues(r) && labelOf(r) !== '' && filled(r).length === 1;
  const join = (a: Row, b: Row): Row => ({
    cells: a.cells.map((c, k) => {
      const x = cleanCell(c);
      const y = cleanCell(b.cells[k] ?? '');
      return x && y ? `${x} ${y}` : x || y;
    }),
    page: a.page,
    block: a.block,
    sources: [...a.sources, ...b.sources],
    ...((a.ref ?? b.ref) ? { ref: a.ref ?? b.ref } : {}),
  });
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const prev = out[out.length - 1];
    const next = rows[i + 1];
    if (onlyLabel(r) && prev && hasValues(prev) && /^[a-z(]/.test(labelOf(r))) {
      out[out.length - 1] = join(prev, r);
      continue;
    }
    // Where the table has no title rows, a label alone is always the start of the next row's label.
    if (onlyLabel(r) && next && hasValues(next) && (!titleRows || /^[a-z(]/.test(labelOf(next)) || labelOf(next) === '' || OPEN_END.test(labelOf(r)))) {
      rows[i + 1] = join(r, next);
      continue;
    }
    // A row of figures without a label under a label-only row: the label's figures on the line below.
    if (hasValues(r) && labelOf(r) === '' && prev && onlyLabel(prev)) {
      out[out.length - 1] = join(prev, r);
      continue;
    }
    out.push(r);
  }
  return out;
}

/** How well a row's cells name the declared columns: the number of distinct columns named. */
export type HeaderMatcher = (cell: string) => number | null;

/**
 * The header row: the row naming the most declared columns (at least `min`), anywhere in the table (top,
 * repeated after a page break, printed below the data). Returns its index or -1.
 */
export function findHeaderRow(rows: Row[], columnOf: HeaderMatcher, min: number): number {
  let best = -1;
  let bestScore = min - 1;
  rows.forEach((r, i) => {
    const named = new Set(r.cells.map((c) => columnOf(cleanCell(c))).filter((x): x is number => x !== null));
    if (named.size > bestScore) {
      best = i;
      bestScore = named.size;
    }
  });
  return best;
}
