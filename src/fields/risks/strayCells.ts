// Risk-log cells that a reader of laid-out text put in the wrong row or column (failure classes 1 and 7 of
// ../shared/spec/tables.md): rows rebuilt from fixed-width text, whose columns shift from page to page and whose
// wrapped cells' lines interleave with other columns' lines, are read back by what the cells hold.
import type { TableRow } from '../../model/document.js';
import type { RunRow } from '../../tables/headerRuns.js';
import { cleanCellText } from '../../text/clean.js';
import { cellOf, leadingScale, parseRating, parseScoreCell, type RiskColumns } from './columns.js';
import { RATING_OR_CUT_CELL } from '../../text/ratingWords.js';

/** A row with any of likelihood, impact, score or rating. */
function isScored(row: TableRow, cols: RiskColumns): boolean {
  const s = parseScoreCell(cellOf(row, cols, 'score'));
  return (
    leadingScale(cellOf(row, cols, 'likelihood')) !== null ||
    leadingScale(cellOf(row, cols, 'impact')) !== null ||
    s.score !== null ||
    s.rating !== null ||
    parseRating(cellOf(row, cols, 'rating')) !== null
  );
}

/**
 * The first lines of a row's taller cells, read as a row of their own above its risk text (cells centred on their
 * row in laid-out text without rules: the impact and the actions open a line or two above the risk's first line):
 * a row with no risk text whose every cell stops mid-sentence and goes on, in lower case, in the same column of a
 * next row that opens a risk.
 */
function isCellTops(head: TableRow, next: TableRow, cols: RiskColumns): boolean {
  if (cellOf(head, cols, 'description') !== '' || !/^['"‘“]?\p{Lu}/u.test(cellOf(next, cols, 'description'))) return false;
  const filled = head.cells.map((c, i) => [cleanCellText(c.text), cleanCellText(next.cells[i]?.text ?? '')]).filter(([h]) => h !== '');
  return filled.length > 0 && filled.every(([h, n]) => /[\p{L},]$/u.test(h) && /^\p{Ll}/u.test(n));
}

/**
 * A risk cell's first lines read as a row of their own ("Care home" above "providers leave the market …", the
 * row's figures on a later line, another column's line between): an unscored row whose actions stop mid-sentence,
 * over a scored row whose actions go on in lower case, is that row's top. The two become one row.
 */
export function joinHeadRows(rows: RunRow[], cols: RiskColumns): RunRow[] {
  if (cols.index.mitigation === undefined) return rows;
  const out: RunRow[] = [];
  for (let k = 0; k < rows.length; k++) {
    const head = rows[k];
    const next = rows[k + 1];
    const joins =
      next &&
      !head.row.header &&
      !next.row.header &&
      !next.afterBreak &&
      // The head opens a risk (a row opening mid-sentence goes on from the row above) and stops mid-sentence.
      /^['"‘“]?\p{Lu}.*[\p{L}/,-]$/u.test(cellOf(head.row, cols, 'description')) &&
      cellOf(next.row, cols, 'description') !== '' &&
      !isScored(head.row, cols) &&
      isScored(next.row, cols) &&
      /\p{L}$/u.test(cellOf(head.row, cols, 'mitigation')) &&
      /^\p{Ll}/u.test(cellOf(next.row, cols, 'mitigation'));
    const topOnly = next && !head.row.header && !next.row.header && !next.afterBreak && isCellTops(head.row, next.row, cols);
    if (!joins && !topOnly) {
      out.push(head);
      continue;
    }
    const width = Math.max(head.row.cells.length, next.row.cells.length);
    const cells = Array.from({ length: width }, (_, i) => ({
      text: [head.row.cells[i]?.text ?? '', next.row.cells[i]?.text ?? ''].filter((t) => t !== '').join('\n'),
    }));
    out.push({ ...head, row: { ...head.row, cells } });
    k++;
  }
  return out;
}

/**
 * A score and its rating read into a text column beside the empty score column ("9 Medium" a line of the actions,
 * the columns shifted on that page): a line of the cell that is a score cell alone, equal to likelihood × impact.
 * Returns the score cell's reading and the text cell without that line, or null.
 */
export function strayScore(cell: string, likelihood: number | null, impact: number | null): { score: number; rating: ReturnType<typeof parseRating>; rest: string } | null {
  if (likelihood === null || impact === null) return null;
  const lines = cell.split('\n');
  // A score cell's shape: the number alone or with its rating ("12 weeks" is the actions' own words).
  const isScoreCell = (t: string) => /^\d{1,2}$/.test(t) || (/^\d{1,2}\s+\S+$/.test(t) && parseScoreCell(t).rating !== null);
  const at = lines.findIndex((l) => isScoreCell(cleanCellText(l)) && parseScoreCell(l).score === likelihood * impact);
  if (at < 0) return null;
  const { score, rating } = parseScoreCell(lines[at]);
  return { score: score!, rating, rest: lines.filter((_, i) => i !== at).join('\n') };
}

/** A rating word alone on a line of a cell ("Mediu": cut at its cell edge, its rest lost over a page break). */
const RATING_ALONE = RATING_OR_CUT_CELL;

/**
 * A rating read into a column beside the rating column that names no role (a narrow rating column whose cells,
 * centred at offsets creeping from row to row, start past its edge): the first line of that cell that is a rating
 * word alone. Null where there is none, or the log has no rating column.
 */
export function strayRating(row: TableRow, cols: RiskColumns): ReturnType<typeof parseRating> {
  const k = cols.index.rating;
  if (k === undefined) return null;
  const named = new Set(Object.values(cols.index));
  for (const j of [k + 1, k - 1]) {
    if (j < 0 || named.has(j)) continue;
    const line = (row.cells[j]?.text ?? '').split('\n').map(cleanCellText).find((l) => RATING_ALONE.test(l));
    if (line) return parseRating(line);
  }
  return null;
}
