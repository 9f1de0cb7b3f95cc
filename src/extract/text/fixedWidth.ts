// Tables laid out with spaces (pdftotext -layout, "Save as text" from a spreadsheet, fixed-width reports):
// no tabs, no pipes, only columns of characters. A run of lines whose words fall into shared columns, with
// empty vertical strips ("gutters") between them, is a table: the same projection-profile idea as the PDF
// extractor's borderless tables, with character positions for x. Cells wrap onto several lines, so lines are
// grouped into rows: where most lines carry figures, each line is a row and wrapped label lines join the row
// they continue; where rows are tall blocks of text (risk logs), each row is the block around its one line of
// figures, split where a new entry starts in the first text column.
// This module is the entry and the assembly: where the table's lines run (tableBounds.ts), its parts (one per
// page and per repeat of the header, headerRepeats.ts), each part's columns (columnEdges.ts, sheetColumns.ts) and
// cells (lineCells.ts), its rows (paddedRows.ts, rowGroups.ts, rowColumns.ts), and the parts joined into one table.
// The pieces every step shares (thresholds, fragments, what a figure is) are in fragments.ts.
import type { TableRow } from '../../model/document.js';
import { preferRowColumns } from './rowColumns.js';
import { roleBlockTableAt } from './roleBlocks.js';
import { sheetColumns, splitRunTogetherAmounts } from './sheetColumns.js';
import { type FixedWidthTable, isBlank, isGapped, join } from './fragments.js';
import { columnsOf, headerOnColumns, continuedColumns } from './columnEdges.js';
import { cellsOf, figuresToTheirColumns, figureColumns } from './lineCells.js';
import { groupRows } from './rowGroups.js';
import { scoredCellsToTheirRows, figureColumnsOfRows } from './scoredCells.js';
import { paddedRowBlocks } from './paddedRows.js';
import { isIndentedCell, tableEnd, valueRunIntoLabel } from './tableBounds.js';
import { headerRepeats } from './headerRepeats.js';
import { rejoinCutWords } from './cutWords.js';

/**
 * The fixed-width table starting at `lines[at]`, or null. `pageOf(i)` gives a line's page (form feeds), so a
 * table running over pages is read page by page: each page has its own column positions. `unjoined`: the same
 * lines before figures cut at a cell's edge were rejoined on them (cutFigures.ts), for the per-row reader
 * (rowColumns.ts), to which a cut figure's two lines say where its row's middle is.
 */
export function fixedWidthTableAt(input: string[], at: number, pageOf: (i: number) => number | null, unjoined: string[] = input): FixedWidthTable | null {
  // A sheet's metric blocks, whose clipped cells run together where no gutter shows them (roleBlocks.ts).
  const roleBlocks = roleBlockTableAt(input, at, pageOf);
  if (roleBlocks) return roleBlocks;
  let lines = input;
  if (!isGapped(lines[at])) {
    const moved = valueRunIntoLabel(lines, at);
    if (moved === null) return null;
    lines = [...lines];
    lines[at] = moved;
  }
  const end = tableEnd(lines, at, pageOf);
  if (end === null) return null;
  // One part per page, and one per repetition of the header: each part has its own column positions.
  const repeats = headerRepeats(lines, at, end);
  const parts: Array<{ from: number; to: number; page?: number | null }> = [];
  for (let i = at; i < end; i++) {
    if (parts.length === 0 || pageOf(i) !== pageOf(parts[parts.length - 1].from) || repeats.splits.has(i)) parts.push({ from: i, to: i + 1 });
    else parts[parts.length - 1].to = i + 1;
  }
  // A header printed at the foot of a page, its rows all on the next page, is read with them: alone, its few lines
  // cannot show the columns (a header cell of one line has no support).
  for (let n = 0; n + 1 < parts.length; n++) {
    const p = parts[n];
    const next = parts[n + 1];
    const own = [...Array(p.to - p.from).keys()].map((k) => p.from + k).filter((i) => !isBlank(lines[i]));
    const key = own.findIndex((i) => repeats.keys.has(i));
    // Under its margin line: as many lines as above it (a header centred on it), or more made of the header's words
    // only (its cells wrapped onto more lines than the first header's).
    const headerOnly =
      key >= 0 &&
      own.slice(key + 1).every((i, k) => isIndentedCell(lines, at - 1, i) && (k <= key || repeats.ofHeaderWords(lines[i])));
    if (headerOnly && repeats.splits.has(p.from) && !repeats.splits.has(next.from)) {
      parts.splice(n, 2, { from: p.from, to: next.to, page: pageOf(next.from) });
    }
  }
  const rows: TableRow[] = [];
  let width = 0;
  let previous: number[] | null = null;
  // The lines of a first part that held the header alone (printed at the foot of a page) and where its row went.
  let headerAlone: { lines: string[]; row: number; page: number | null } | null = null;
  for (const [n, part] of parts.entries()) {
    const kept = [...Array(part.to - part.from).keys()].map((k) => part.from + k).filter((i) => !isBlank(lines[i]));
    const partLines = rejoinCutWords(kept.map((i) => lines[i]));
    if (partLines.length === 0) continue;
    const keyLine = kept.findIndex((i) => repeats.keys.has(i));
    let grid: string[][];
    if (keyLine < 0 && previous && headerAlone && n === 1) {
      // The rows under a header printed alone on the page before: each page has its own column positions, and a
      // header's few lines show its columns poorly, so the rows' own columns are the table's and the header's cells
      // are laid onto them in order (tables.md class 2: the header out of place).
      const cols = columnsOf(partLines);
      previous = cols;
      const firstPass = partLines.map((l) => cellsOf(l, cols));
      grid = partLines.map((l) => cellsOf(l, cols, figureColumns(firstPass)));
      rows[headerAlone.row] = { cells: headerOnColumns(headerAlone.lines, cols).map((t) => ({ text: t })), page: headerAlone.page, header: true };
    } else if (keyLine < 0 && previous) {
      const { starts, target } = continuedColumns(partLines, previous);
      grid = partLines.map((l) => {
        const cells = previous!.map(() => '');
        cellsOf(l, starts).forEach((c, k) => (cells[target[k]] = join(cells[target[k]], c).replace(/\n/g, ' ')));
        return cells;
      });
    } else {
      const cols = sheetColumns(partLines, columnsOf(partLines, undefined, keyLine >= 0 ? 2 * keyLine + 2 : 0));
      if (cols.length < 2 && n === 0) return null;
      previous = cols;
      const firstPass = partLines.map((l) => cellsOf(l, cols));
      grid = partLines.map((l) => cellsOf(l, cols, figureColumns(firstPass)));
    }
    grid = splitRunTogetherAmounts(figuresToTheirColumns(grid));
    width = Math.max(width, grid[0].length);
    const page = part.page !== undefined ? part.page : pageOf(part.from);
    const padded = paddedRowBlocks(kept, partLines, grid, page, n > 0);
    // Rows at offsets of their own (text set larger than its cells) are read row by row where that puts every
    // row's amount in one column (rowColumns.ts).
    const rowKept = [...Array(part.to - part.from).keys()].map((k) => part.from + k).filter((i) => !isBlank(unjoined[i]));
    const rowLines = rejoinCutWords(rowKept.map((i) => (i === at ? lines[i] : unjoined[i])));
    const rowKey = keyLine >= 0 ? rowKept.indexOf(kept[keyLine]) : -1;
    const partRows = padded ?? preferRowColumns(groupRows(grid, page, n > 0, keyLine), rowLines, rowKey, page, n > 0);
    headerAlone = n === 0 && partRows.length === 1 && partRows[0].header ? { lines: partLines, row: rows.length, page } : null;
    rows.push(...partRows);
  }
  if (width < 2 || rows.length < 2) return null;
  // Across the pages too: a page of the table may hold too few rows opening with their score to show the column.
  scoredCellsToTheirRows(rows, figureColumnsOfRows(rows));
  // Every row as wide as the widest part: a page that lost an empty column pads on the right.
  for (const r of rows) while (r.cells.length < width) r.cells.push({ text: '' });
  return { rows, end };
}
