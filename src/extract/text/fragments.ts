// The shared vocabulary of the fixed-width reader (fixedWidth.ts and the modules around it: sheetColumns.ts,
// roleBlocks.ts, gluedRatings.ts): its named thresholds, a line's fragments (words one or two spaces apart; three
// spaces part two cells), what a line is (blank, gapped into columns, prose, a bulleted list item), and what a cell
// is (a figure, a rating, the opening of an entry). Kept apart so those modules import it without a cycle.
import type { TableRow } from '../../model/document.js';
import { BULLET_CHARS } from './html.js';
import { RATING_OR_CUT_SOURCE } from '../../text/ratingWords.js';

/** Named thresholds of the fixed-width reader (characters and shares of lines). */
export const FIXED_WIDTH = {
  /** Spaces between two words that separate columns. */
  columnGap: 3,
  /** A line indented this far holds a cell of a later column only. */
  cellIndent: 8,
  /** Lines with a column gap needed before a run of lines is taken as a table. */
  minGappedLines: 3,
  /** Fragment starts this close (characters) are one column edge. */
  edgeSlack: 3,
  /** Share of a part's lines that must start a fragment at an edge for it to be a column. */
  edgeSupport: 0.12,
  /** Two edges never used on one line and at most this far apart are one column. */
  mergeDistance: 10,
  /** A line with no gap this long, starting at the margin, is prose: it ends the table. */
  proseLength: 75,
  /** Longest cell read as a figure ("£1,486,230 Existing": a figure and one word beside it). */
  figureLength: 24,
  /** A column is a column of figures when this share of its cells, from its first figure on, are figures
   *  (the rest: wrapped words under a figure, "(All Providers)"). */
  figureShare: 0.25,
  /** Lines carrying figures above this share: each line is a row (finance tables); below it, rows are blocks. */
  lineRowShare: 0.45,
  /** Share of text cells near a row's figures that have a line on the figure line, below which the table's
   *  cells are taken as vertically centred on their figures. */
  centredOnShare: 0.75,
  /** What a centred cell opening in lower case costs, in lines of imbalance around its row's middle. */
  midSentenceCost: 2,
  /** Rows padded apart by blank lines needed before the blank lines are taken as the rows' bounds. */
  minPaddedRows: 3,
} as const;

export interface Fragment {
  start: number;
  end: number;
  text: string;
}

export interface FixedWidthTable {
  rows: TableRow[];
  /** Index of the line after the table. */
  end: number;
}

/** Words of a line grouped into fragments separated by `columnGap` or more spaces. */
export function fragmentsOf(line: string): Fragment[] {
  const out: Fragment[] = [];
  const re = new RegExp(`\\S+(?: {1,${FIXED_WIDTH.columnGap - 1}}\\S+)*`, 'g');
  for (const m of line.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  return out;
}

/** A bulleted line (any indent, any bullet glyph a converter writes): a list, not a table row. */
export const BULLET_LINE = new RegExp(`^\\s*[-*+${BULLET_CHARS}]\\s`);

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** A bulleted line that is a table row: its first cell holds the dash and words ("- new cases"), and other
 *  cells follow; a list item laid out with spaces has the bullet alone ("•   Item"). */
export function isBulletedCellRow(line: string): boolean {
  const f = fragmentsOf(line);
  return f.length >= 2 && /^\S+\s+\S/.test(f[0].text);
}

/** A line that shows column structure: two fragments, or one cell indented into a later column. */
export function isGapped(line: string): boolean {
  if (line.includes('\t') || line.includes('|') || (BULLET_LINE.test(line) && !isBulletedCellRow(line))) return false;
  const f = fragmentsOf(line);
  return f.length >= 2 || (f.length === 1 && f[0].start >= FIXED_WIDTH.cellIndent && f[0].text.length <= 60);
}

/** A long line of one fragment at the margin: prose, which ends a table. */
export function isProse(line: string): boolean {
  const f = fragmentsOf(line);
  return f.length === 1 && f[0].start < FIXED_WIDTH.cellIndent && f[0].text.length >= FIXED_WIDTH.proseLength;
}

/** A short figure: "4", "20 High", "£1,874,512", "(3,400)", "93.0%", "12.5", "N/A" is not one. */
export const FIGURE = /^[(\-–−]?\s*£?\s*\d[\d,.]*\s*(%|k|m|bn)?\)?(\s+\(?[A-Za-z]{1,10})?$/i;

/** A rating alone ("High", "Amber", "M"): a risk log's score column, as good a row anchor as a figure. Also one
 *  cut at its cell's edge ("Mediu", its rest on a line below or over the page break). */
export const RATING = new RegExp(`^(?:${RATING_OR_CUT_SOURCE}|[hml])$`, 'i');

export function isFigure(cell: string): boolean {
  return cell.length <= FIXED_WIDTH.figureLength && (FIGURE.test(cell) || RATING.test(cell));
}

/** A financial year alone ("2014/15", "2015-16"): the key of a plan-details line ("…pooled budget: 2014/15"). */
export const YEAR_ONLY = /^(19|20)\d{2}\s*[/\-–]\s*\d{2}(\d{2})?:?$/;

/** A line whose first text cell starts an entry: a capital, a digit, an opening quote, or a name written with a
 *  lower-case first letter ("iBCF Contribution", "eHealth"). */
export function startsEntry(cell: string): boolean {
  return /^['"‘“]?([A-Z0-9]|[a-z][A-Z])/.test(cell);
}

/** Two texts of one cell, one line under the other. */
export function join(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return `${a}\n${b}`;
}

/** Lines of cells merged column by column into one row's cells. */
export function mergeLines(lines: string[][]): string[] {
  return lines.reduce((acc, l) => acc.map((c, k) => join(c, l[k])), lines[0].map(() => ''));
}
