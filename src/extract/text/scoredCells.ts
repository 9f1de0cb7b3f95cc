// Risk-log specifics of the fixed-width reader: an impact or likelihood column that writes each cell as a score
// and its words ("5 Financial impact on ..."), whose cells, centred on their rows, open on the row above; those
// lines moved to the row they open. Also which columns of read rows hold figures, and how many cells open with one.
import type { TableRow } from '../../model/document.js';
import { isFigure, startsEntry, join } from './fragments.js';

/** Cells of the figure columns that open with a figure. */
export function figureOpenings(rows: TableRow[], figureCols: Set<number>): number {
  return rows.reduce((n, r) => n + [...figureCols].filter((k) => isFigure(r.cells[k]?.text.split('\n')[0] ?? '')).length, 0);
}

/** A line of a cell opening with a score and its words ("4 Change does not happen"). */
const SCORED_LINE = /^\d{1,2}\s+[A-Za-z]/;

/**
 * A log's impact column writes each cell as a score and its words ("5 Financial impact on …"). Its cells, centred
 * on their rows, can open above the line where their row starts: the row above then holds a second scored opening
 * in that column. That line and the lines after it go to the next row, whose cell does not open with one.
 */
export function scoredCellsToTheirRows(rows: TableRow[], figureCols: Set<number>): TableRow[] {
  const body = rows.filter((r) => !r.header);
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  for (let k = 0; k < width; k++) {
    if (figureCols.has(k)) continue;
    // Cells that open with a score, counting those that will once moved: a scored line inside a cell opens the
    // next row's (a page of the log whose every cell opened above its row, under a header repeated there).
    const opens = body.filter((r, i) => {
      const below = body[i + 1]?.cells[k]?.text;
      const lines = r.cells[k]?.text.split('\n') ?? [];
      return SCORED_LINE.test(lines[0] ?? '') || (below !== undefined && !SCORED_LINE.test(below) && lines.some((l, n) => n > 0 && SCORED_LINE.test(l)));
    }).length;
    // Of the rows that open an entry: rows cut by a page break, or misread, open none and do not count.
    const entries = body.filter((r) => startsEntry(r.cells[0]?.text ?? '')).length;
    if (opens < 2 || opens < 0.5 * Math.max(2, entries)) continue;
    for (let r = 0; r + 1 < body.length; r++) {
      const own = body[r].cells[k]?.text.split('\n') ?? [];
      const next = body[r + 1].cells[k];
      if (!next || SCORED_LINE.test(next.text)) continue;
      const cut = own.findIndex((l, i) => i > 0 && SCORED_LINE.test(l));
      if (cut < 0) continue;
      body[r].cells[k] = { ...body[r].cells[k], text: own.slice(0, cut).join('\n') };
      next.text = join(own.slice(cut).join('\n'), next.text);
    }
  }
  return rows;
}

/** Columns of rows whose cells are mostly figures (likelihood, score): never a column of scored sentences. */
export function figureColumnsOfRows(rows: TableRow[]): Set<number> {
  const body = rows.filter((r) => !r.header);
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const out = new Set<number>();
  for (let k = 0; k < width; k++) {
    const cells = body.map((r) => (r.cells[k]?.text ?? '').replace(/\n/g, ' ')).filter((t) => t !== '');
    if (cells.length > 0 && cells.filter(isFigure).length >= 0.5 * cells.length) out.add(k);
  }
  return out;
}
