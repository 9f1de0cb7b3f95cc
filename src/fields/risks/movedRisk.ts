// A 2014 revised risk log ("There is a risk that: | How likely … 1-5 | Potential impact … 1-5 | Overall risk factor |
// Mitigating Actions") rebuilt from pdftotext's raw reading order (failure class 7 of ../shared/spec/tables.md), read
// by what its cells hold rather than by their order alone. Where a row's risk cell is printed above the row's other
// cells (a tall row, or one a page break cut), the reading order puts it after the row above's scores, in that row's
// last text column; the row's own impact and actions, their lines interleaved by baseline, then take its risk column
// ("Partners' commitment 4 Providers lose income to …"). Content says which is which: an impact cell opens with its
// 1-5 score and then its text, and the overall factor is the product likelihood × impact. A risk cell holding a rated
// impact inside it, where the row's impact column has no scale and likelihood × that impact is the row's score, is
// the row's impact and actions; the row's risk is the text the row above took last.
// Where a row's risk cell is printed after its other cells instead (the page broke inside the row, the risk continued
// at the top of the next page), the row's cells each come out one text column left: its rated impact in the risk
// column, its actions in the impact column, none in the actions column; and the risk lands in the actions column of a
// row below. A risk is a clause (typedLog.ts isRiskClause), actions are not.
import type { TableRow } from '../../model/document.js';
import type { RunRow } from '../../tables/headerRuns.js';
import { cleanCellText } from '../../text/clean.js';
import { cellOf, leadingScale, parseScoreCell, type RiskColumns } from './columns.js';
import { isRiskClause } from './typedLogLines.js';

/** A risk in an actions column: a clause opening afresh with a capital, not one opening with a rated impact. */
const isLateRisk = (text: string) => /^\p{Lu}\p{Ll}/u.test(text) && text.split(/\s+/).length >= 3 && isRiskClause(text);

/** A 1-5 score opening an impact's text inside other text: "… commitment to 4 Providers lose …". */
const INNER_RATED_IMPACT = /(\S\s+)([1-5])\s+(?=\p{Lu}\p{Ll})/gu;

/** Where the row's risk cell holds its impact, tied to the row by the product check: the impact and where it opens. */
function innerImpact(row: TableRow, cols: RiskColumns): { impact: number; at: number } | null {
  if (cols.index.impact === undefined || cols.index.likelihood === undefined || cols.index.score === undefined) return null;
  if (leadingScale(cellOf(row, cols, 'impact')) !== null) return null;
  const likelihood = leadingScale(cellOf(row, cols, 'likelihood'));
  const { score } = parseScoreCell(cellOf(row, cols, 'score'));
  if (likelihood === null || score === null) return null;
  const desc = cellOf(row, cols, 'description');
  const found = [...desc.matchAll(INNER_RATED_IMPACT)].filter((m) => likelihood * Number(m[2]) === score);
  if (found.length !== 1) return null;
  const m = found[0];
  return { impact: Number(m[2]), at: m.index! + m[1].length };
}

const withCell = (row: TableRow, i: number, text: string): TableRow => ({ ...row, cells: row.cells.map((c, n) => (n === i ? { ...c, text } : c)) });

/** A row whose cells came out one text column left: its risk column opens with a rated impact whose product with the
 *  row's likelihood is its score, its impact column has no scale, its actions column is empty. */
function shiftedLeft(row: TableRow, cols: RiskColumns): boolean {
  const rated = /^([1-5])\s+\p{Lu}/u.exec(cellOf(row, cols, 'description'));
  const likelihood = leadingScale(cellOf(row, cols, 'likelihood'));
  const { score } = parseScoreCell(cellOf(row, cols, 'score'));
  if (!rated || likelihood === null || score === null || likelihood * Number(rated[1]) !== score) return false;
  return leadingScale(cellOf(row, cols, 'impact')) === null && cellOf(row, cols, 'mitigation') === '';
}

/** Rows below a row whose risk was printed after it, where its risk may have landed. */
const LATE_RISK_ROWS = 3;

/**
 * The rows of a log read in reading order with each moved risk cell put back: the row's risk is the last text cell
 * of the row above (its actions column), which opens afresh with a capital; the row's risk cell, from its rated
 * impact on, becomes its impact, and the text before that its actions. Rows are copies; the grid is left alone.
 */
export function restoreMovedRisks(rows: RunRow[], cols: RiskColumns): RunRow[] {
  const out = rows.map((r) => ({ ...r }));
  const { description: d, impact: imp, mitigation: mit } = cols.index;
  if (d === undefined || imp === undefined || mit === undefined) return out;
  for (let k = 1; k < out.length; k++) {
    const found = innerImpact(out[k].row, cols);
    const above = out[k - 1];
    if (!found || above.row.header) continue;
    const moved = cellOf(above.row, cols, 'mitigation');
    if (!/^\p{Lu}/u.test(moved)) continue;
    const desc = cellOf(out[k].row, cols, 'description');
    const actions = cleanCellText([desc.slice(0, found.at), cellOf(out[k].row, cols, 'mitigation')].join(' '));
    let row = withCell(out[k].row, d, moved);
    row = withCell(row, imp, desc.slice(found.at));
    row = withCell(row, mit, actions);
    out[k] = { ...out[k], row };
    out[k - 1] = { ...above, row: withCell(above.row, mit, '') };
  }
  // A row shifted one text column left takes back its risk from the actions column of one of the next rows.
  for (let k = 0; k < out.length; k++) {
    if (out[k].row.header || !shiftedLeft(out[k].row, cols)) continue;
    const j = out.findIndex((r, n) => n > k && n <= k + LATE_RISK_ROWS && !r.row.header && isLateRisk(cellOf(r.row, cols, 'mitigation')));
    if (j < 0) continue;
    let row = withCell(out[k].row, d, cellOf(out[j].row, cols, 'mitigation'));
    row = withCell(row, imp, cellOf(out[k].row, cols, 'description'));
    row = withCell(row, mit, cellOf(out[k].row, cols, 'impact'));
    out[k] = { ...out[k], row };
    out[j] = { ...out[j], row: withCell(out[j].row, mit, '') };
  }
  return out;
}
