// A label/value table whose year column was too narrow for its years ("2014/" over "15"): a layout-preserving
// converter reads the year and the figure beside it as one column, so one cell holds each year of the row with its
// figure, line after line ("2014/15" / "£845,000" / "2015/16 A minimum of £12,400,000 with …"). Each year-led run
// of lines is one figure of its own, dated by the year it starts with.
import { findYears } from '../../text/years.js';

/** A line that begins with a financial year ("2015/16", "2015/16 £12,345,000"). */
function startsWithYear(line: string): boolean {
  const first = findYears(line)[0];
  return first !== undefined && line.slice(0, first.index).trim() === '';
}

/**
 * The cell cut before each line (after the first) that begins with a year, where every piece then holds a figure
 * (`hasFigure`, the reader's); else the cell whole. A cell with one year, or years only in its prose, is one piece.
 */
export function yearLedPieces(cell: string, hasFigure: (text: string) => boolean): string[] {
  const lines = cell.split('\n');
  const pieces: string[][] = [];
  for (const [k, line] of lines.entries()) {
    if (k === 0 || startsWithYear(line.trim())) pieces.push([line]);
    else pieces[pieces.length - 1].push(line);
  }
  if (pieces.length < 2) return [cell];
  const texts = pieces.map((p) => p.join('\n'));
  return texts.every(hasFigure) ? texts : [cell];
}
