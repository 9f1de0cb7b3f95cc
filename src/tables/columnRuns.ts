// Tables printed column by column: a sheet printed without gridlines, read by raw pdftotext (no -layout), comes out
// one column at a time, each column a group of lines (its header, then one line per row) and a blank line before
// the next column: "Health and Wellbeing Board:" / "Local Authority:" …, blank, "Northby HWB" / "Northby Council" ….
// (../shared/spec/tables.md, "one cell per line", in column order.) A run of such groups of about the same length
// is rebuilt here as the grid of rows the sheet has, so the readers that read label/value rows and tables read it.
import type { DocumentModel } from '../model/document.js';
import { cleanCell } from '../text/clean.js';
import { hasCellGap, type Grid, type GridRow } from './grids.js';

/** Lines of one group: consecutive text blocks with no blank line between them. */
export interface LineGroup {
  /** Block indices of the lines, in order. */
  blocks: number[];
  lines: string[];
}

/** A line that can be one cell of a sheet: short, not a sentence (a sheet's instructions end with a full stop). */
function cellLike(line: string): boolean {
  return line !== '' && line.length <= 100 && !/[.!?]$/.test(line);
}

/** An amount alone on its line: "£1,250,000", "£0", "-£600,000", "13,750", "93.7%", "211.4". */
const FIGURE = /^[-–(]?\s*£?\s*\d[\d,]*(\.\d+)?%?\)?$/;
const isFigure = (line: string) => FIGURE.test(line);

/** The blank-line-separated groups of text lines; a table block or a line with cell gaps ends a group. */
export function lineGroups(doc: DocumentModel): LineGroup[] {
  const groups: LineGroup[] = [];
  let current: LineGroup | null = null;
  doc.blocks.forEach((b, i) => {
    if ((b.kind !== 'paragraph' && b.kind !== 'list_item') || hasCellGap(b.text) || b.text.includes('\n')) {
      current = null;
      return;
    }
    if (!current || (b.kind === 'paragraph' && (b.blankLinesBefore ?? 0) > 0) || b.page !== doc.blocks[current.blocks[current.blocks.length - 1]].page) {
      current = { blocks: [], lines: [] };
      groups.push(current);
    }
    current.blocks.push(i);
    current.lines.push(cleanCell(b.text));
  });
  return groups;
}

/**
 * The column below its header line: every line a figure, or none (a column holds one kind of value). A group of
 * rows printed row by row (a label, then its figures) mixes the two and is no column.
 */
function oneKind(lines: string[]): boolean {
  const figures = lines.filter(isFigure).length;
  return figures === 0 || figures === lines.length;
}

/**
 * Runs of groups that are the columns of one table, rebuilt as rows. Groups of one run have the same number of
 * lines give or take two (a header line, or a title above the first column); rows are aligned at the bottom, where
 * every column ends with the table's last row, and the lines a longer column has above the shortest are left out
 * (titles) or, for the header, kept in the first row. The first column holds labels (no figures); every column is
 * of one kind below its top line; at least one column holds figures, or every label is one (`isLabel`, the
 * reader's: by default a line ending with a colon, a sheet's "Local Authority:" block), so two paragraphs of short
 * lines are not taken for a table.
 */
export function columnRunGrids(doc: DocumentModel, isLabel: (line: string) => boolean = (l) => /:$/.test(l)): Grid[] {
  const groups = lineGroups(doc).filter((g) => g.lines.length >= 3 && g.lines.length <= 60 && g.lines.every(cellLike));
  const adjacent = (a: LineGroup, b: LineGroup) => {
    const last = a.blocks[a.blocks.length - 1];
    return b.blocks[0] === last + 1;
  };
  const grids: Grid[] = [];
  let s = 0;
  while (s < groups.length) {
    const run = [groups[s]];
    while (s + run.length < groups.length && adjacent(run[run.length - 1], groups[s + run.length])) {
      const next = groups[s + run.length];
      // Each column about as long as the one before it (a header line more or less), all within two lines.
      const lengths = [...run, next].map((g) => g.lines.length);
      if (Math.max(...lengths) - Math.min(...lengths) > 2 || Math.abs(next.lines.length - run[run.length - 1].lines.length) > 1) break;
      run.push(next);
    }
    // The longest run that is a table: a group of the next table may have about the same length.
    let grid: Grid | null = null;
    let taken = run.length;
    for (; taken >= 2 && !grid; taken--) grid = gridOf(doc, run.slice(0, taken), isLabel);
    if (grid) grids.push(grid);
    s += grid ? taken + 1 : 1;
  }
  return grids;
}

function gridOf(doc: DocumentModel, run: LineGroup[], isLabel: (line: string) => boolean): Grid | null {
  const n = Math.min(...run.map((g) => g.lines.length));
  const tails = run.map((g) => ({ lines: g.lines.slice(-n), blocks: g.blocks.slice(-n) }));
  const [labels, ...values] = tails;
  if (labels.lines.some(isFigure)) return null;
  if (!values.every((v) => oneKind(v.lines.slice(1)))) return null;
  const figures = values.some((v) => v.lines.slice(1).every(isFigure));
  if (!figures && !labels.lines.every(isLabel)) return null;
  // The top row is the header where the columns under it hold figures and it holds none.
  const header = figures && !values.some((v) => isFigure(v.lines[0]));
  const first = run[0].blocks[run[0].blocks.length - n];
  const shifted = shiftedHeaders(run, n);
  if (shifted) {
    const rows: GridRow[] = [
      { cells: ['', ...shifted], page: doc.blocks[run[0].blocks[0]].page, block: run[0].blocks[0], header: true, pageBreakBefore: false },
      ...Array.from({ length: n }, (_, r) => ({ cells: tails.map((t) => t.lines[r]), page: doc.blocks[labels.blocks[r]].page, block: labels.blocks[r], header: false, pageBreakBefore: false })),
    ];
    const last = run[run.length - 1].blocks;
    return { rows, blockStart: run[0].blocks[0], blockEnd: last[last.length - 1] + 1, columnRun: true };
  }
  const rows: GridRow[] = Array.from({ length: n }, (_, r) => ({
    cells: tails.map((t) => t.lines[r]),
    page: doc.blocks[labels.blocks[r]].page,
    block: labels.blocks[r],
    header: header && r === 0,
    pageBreakBefore: false,
  }));
  const last = run[run.length - 1].blocks;
  return { rows, blockStart: first, blockEnd: last[last.length - 1] + 1, columnRun: true };
}

/**
 * Figure columns whose headers came out one column to the left: a header cell wider than its column, centred over
 * it, reaches into the column before, and pdftotext reads it with that column ("2015/16" over the row labels,
 * "Ongoing" over the 2015/16 figures, nothing over the last). Every group but the last has one line above the rows,
 * none of them a figure, the last none, and every column but the labels holds figures: the headers of the figure
 * columns, in order; else null. Two figure columns at least, so a title over a label column is not taken for one.
 */
function shiftedHeaders(run: LineGroup[], n: number): string[] | null {
  if (run.length < 3) return null;
  const last = run[run.length - 1];
  const before = run.slice(0, -1);
  if (last.lines.length !== n || !before.every((g) => g.lines.length === n + 1 && !isFigure(g.lines[0]))) return null;
  if (!run.slice(1).every((g) => g.lines.slice(-n).every(isFigure))) return null;
  return before.map((g) => g.lines[0]);
}

/** A line holding an amount of money ("£880,000", "13,750"), not a scheme's reference number. */
const HOLDS_AMOUNT = /£\s*\d|\d{1,3}(,\d{3})+/;

/** A line that opens with an amount: a figure column's cell, maybe with the next column's short cell glued on. */
const OPENS_WITH_AMOUNT = /^[-–(]?\s*£\s*\d[\d,]*(\.\d+)?\)?(?=\s|$)/;

/**
 * Where a line holding two cells of a sheet is cut between them: where a word is glued to the one before it
 * ("Charity / Voluntary SectorMinimum NHS Contribution"), after an amount ("£1,450,000 Existing"), after a
 * closing bracket ("Expenditure (£) New/Existing Sc") or after a one- or two-letter fragment the cell edge clipped
 * ("Scheme I Scheme Name"). Null where none of these is in the line.
 */
export function twoCells(line: string): [string, string] | null {
  const cuts: Array<RegExp> = [/(?<=\p{Ll})(?=\p{Lu}\p{Ll})/u, /(?<=^[-–(]?\s*£\s*\d[\d,]*(\.\d+)?\)?)\s+(?=\S)/, /(?<=\))\s+(?=\S)/, /(?<=\s\p{Lu}\p{Ll}?)\s+(?=\p{Lu})/u];
  for (const cut of cuts) {
    const m = cut.exec(line);
    if (!m || m.index === 0) continue;
    const left = line.slice(0, m.index).trim();
    const right = line.slice(m.index + m[0].length).trim();
    if (left && right) return [left, right];
  }
  return null;
}

/**
 * Lines of a group that holds two columns, some rows on one line: a line ends with another line of the group
 * ("Home Care or Domiciliary Care Social Care" where a row of its own reads "Social Care"), the second column's
 * cell printed beside the first's.
 */
function holdsTwoColumns(lines: string[]): boolean {
  return lines.some((l) => lines.some((o) => o.length < l.length && l.endsWith(o) && /[\s\p{Ll}]$/u.test(l.slice(0, l.length - o.length))));
}

/**
 * A wide table printed column by column, where a column group holds two of the sheet's columns (printed row by
 * row inside the group: "1" / "Community Equipment Service" / "2" / …) and header lines differ from group to group
 * (a title, a spanned group name over two headers). The rows are counted in the figure column (its lines open with
 * an amount, under one header line); each text group before it, of one to three header lines and then one line per
 * row, or exactly two per row (two cells), becomes its columns; a group with some rows on one line and some on
 * two cannot be cut without the sheet's widths, and is left out. Every text group holds no figure (rows printed row
 * by row mix figures into every group) and the grid has a column besides the figures'.
 */
export function wideColumnRunGrids(doc: DocumentModel): Grid[] {
  const groups = lineGroups(doc).filter((g) => g.lines.length >= 3 && g.lines.every(cellLike));
  const grids: Grid[] = [];
  groups.forEach((money, m) => {
    const rowsCount = money.lines.length - 1;
    if (rowsCount < 3 || isFigure(money.lines[0]) || !money.lines.slice(1).every((l) => OPENS_WITH_AMOUNT.test(l))) return;
    // A column of as many figures and no header right after it: the headers came one column left (shiftedHeaders),
    // and its top line is the next column's.
    const after = groups[m + 1];
    if (after && after.blocks[0] === money.blocks[money.blocks.length - 1] + 1 && after.lines.length === rowsCount && after.lines.every(isFigure)) return;
    // The text groups before it, nearest first, as long as each fits the row count.
    const columns: Array<{ header: string[]; cells: string[][]; blocks: number[] }> = [];
    let start = money.blocks[0];
    for (let k = m - 1; k >= 0; k--) {
      const g = groups[k];
      if (g.blocks[g.blocks.length - 1] + 1 !== start || g.lines.some((l) => HOLDS_AMOUNT.test(l))) break;
      const len = g.lines.length;
      if (len < rowsCount + 1 || len > 2 * rowsCount + 3) break;
      start = g.blocks[0];
      const one = len - rowsCount;
      const two = len - 2 * rowsCount;
      if (one >= 1 && one <= 3 && !holdsTwoColumns(g.lines)) {
        columns.unshift({ header: [g.lines[one - 1]], cells: g.lines.slice(one).map((l) => [l]), blocks: g.blocks.slice(one) });
      } else if (two >= 1 && two <= 3 && twoCells(g.lines[two - 1])) {
        // Two columns in the group: their headers are one line too, cut at the cell edge.
        const data = g.lines.slice(two);
        columns.unshift({
          header: twoCells(g.lines[two - 1])!,
          cells: Array.from({ length: rowsCount }, (_, r) => [data[2 * r], data[2 * r + 1]]),
          blocks: Array.from({ length: rowsCount }, (_, r) => g.blocks[two + 2 * r]),
        });
      } else {
        columns.unshift({ header: [], cells: [], blocks: [] });
      }
    }
    const read = columns.filter((c) => c.header.length > 0);
    if (read.length === 0) return;
    const figureCells = money.lines.slice(1).map((l) => twoCells(l) ?? [l, '']);
    const figureHeader = figureCells.some((c) => c[1] !== '') ? (twoCells(money.lines[0]) ?? [money.lines[0], '']) : [money.lines[0]];
    const width = figureHeader.length;
    const first = read[0].blocks[0];
    const rows: GridRow[] = [
      { cells: [...read.flatMap((c) => c.header), ...figureHeader], page: doc.blocks[first].page, block: first - 1, header: true, pageBreakBefore: false },
      ...Array.from({ length: rowsCount }, (_, r) => ({
        cells: [...read.flatMap((c) => c.cells[r]), ...figureCells[r].slice(0, width)],
        page: doc.blocks[read[0].blocks[r]].page,
        block: read[0].blocks[r],
        header: false,
        pageBreakBefore: false,
      })),
    ];
    grids.push({ rows, blockStart: start, blockEnd: money.blocks[money.blocks.length - 1] + 1, columnRun: true });
  });
  return grids;
}

/** A line of two amounts with a space between ("£5,100,000 £19,832,000") as its two cells; any other line as it is. */
function splitFigurePair(line: string): string[] {
  const parts = line.split(/\s+(?=[-–(]?£)/);
  return parts.length === 2 && parts.every(isFigure) ? parts : [line];
}

/** A short text cell beside figures in a row: a flag ("Y", "N", "Yes"), not a label. */
const FLAG_CELL = /^(y|n|yes|no)$/i;

/**
 * A label column printed as its own group, then the rest of the table in one group, row by row with its empty cells
 * dropped (the 2014 finance summary: "Organisation" and the organisations, then the header lines, "Y", three
 * amounts, "N", three amounts, the total row's three amounts). The header lines (one may hold two cells glued:
 * twoCells) give a flag column and the figure columns; in the rows a flag opens a row and figures fill it, a figure
 * past a full row opening the next with no flag. Taken only where that makes exactly one row per label.
 */
export function rowByRowBlockGrids(doc: DocumentModel): Grid[] {
  const groups = lineGroups(doc);
  const grids: Grid[] = [];
  groups.forEach((whole, k) => {
    const rest = groups[k + 1];
    // The label column's lines: after the sheet's instructions printed above it in the same group.
    const from = whole.lines.length - [...whole.lines].reverse().findIndex((l) => !cellLike(l));
    const labels = from > whole.lines.length ? whole : { lines: whole.lines.slice(from), blocks: whole.blocks.slice(from) };
    const count = labels.lines.length - 1;
    if (count < 2 || !rest || !rest.lines.every(cellLike) || rest.blocks[0] !== whole.blocks[whole.blocks.length - 1] + 1 || labels.lines.some(isFigure)) return;
    const firstCell = rest.lines.findIndex((l) => isFigure(l) || FLAG_CELL.test(l));
    if (firstCell < 1 || firstCell > 4) return;
    // An amount typed as text sits left in its cell, close enough to the figure before it for pdftotext to print
    // both on one line ("£5,100,000 £19,832,000"): two cells.
    const data = rest.lines.slice(firstCell).flatMap(splitFigurePair);
    if (!data.every((l) => isFigure(l) || FLAG_CELL.test(l))) return;
    // The figure columns: the figures between the first two flags (a row with no flag runs on into the next).
    const flags = data.map((l, i) => (FLAG_CELL.test(l) ? i : -1)).filter((i) => i >= 0);
    if (flags.length < 2) return;
    const figures = flags[1] - flags[0] - 1;
    const rows: Array<{ flag: string; figures: string[] }> = [];
    for (const l of data) {
      const cur = rows[rows.length - 1];
      if (FLAG_CELL.test(l) || !cur || cur.figures.length === figures) rows.push({ flag: FLAG_CELL.test(l) ? l : '', figures: [] });
      if (isFigure(l)) rows[rows.length - 1].figures.push(l);
    }
    if (figures < 2 || rows.length !== count || rows.some((r) => r.figures.length !== figures)) return;
    let header = rest.lines.slice(0, firstCell);
    for (let i = 0; header.length < figures + 1 && i < header.length; i++) {
      const two = twoCells(header[i]);
      if (two) header = [...header.slice(0, i), ...two, ...header.slice(i + 1)];
    }
    if (header.length !== figures + 1) return;
    const block = (r: number) => labels.blocks[r + 1];
    grids.push({
      rows: [
        { cells: [labels.lines[0], ...header], page: doc.blocks[labels.blocks[0]].page, block: labels.blocks[0], header: true, pageBreakBefore: false },
        ...rows.map((r, i) => ({ cells: [labels.lines[i + 1], r.flag, ...r.figures], page: doc.blocks[block(i)].page, block: block(i), header: false, pageBreakBefore: false })),
      ],
      blockStart: labels.blocks[0],
      blockEnd: rest.blocks[rest.blocks.length - 1] + 1,
      columnRun: true,
    });
  });
  return grids;
}
