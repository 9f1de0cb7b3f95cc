// Lines of a part's grid grouped into rows: the header through its margin line, then the body read by its
// anchors (lines holding figures). Where most lines carry figures each line is a row, wrapped labels joining the
// row they continue (finance tables); otherwise each row is the block around its figure line, split where an
// entry starts in the entry column (risk logs). Where the cells may be vertically centred on their rows, the
// centred reading (centredRows.ts) is tried and kept when it leaves fewer cells opening mid-sentence.
import type { TableRow } from '../../model/document.js';
import { FIXED_WIDTH, FIGURE, RATING, isFigure, YEAR_ONLY, startsEntry, mergeLines } from './fragments.js';
import { figureColumns } from './lineCells.js';
import { textTopAligned, hasAmounts, isCentred, midSentenceCells, centredRows } from './centredRows.js';
import { figureOpenings, scoredCellsToTheirRows } from './scoredCells.js';

/**
 * The column whose entries mark where rows start: of the columns without figures, the one with exactly one entry
 * starting between each line of figures and the next (a label column merged over several rows has none; a
 * column of wrapped sentences has several). The leftmost on a tie.
 */
function entryColumn(grid: string[][], figureCols: Set<number>, anchors: number[]): number {
  const candidates = grid[0].map((_, k) => k).filter((k) => !figureCols.has(k) && grid.some((r) => r[k] !== ''));
  if (candidates.length === 0) return -1;
  // An entry under an empty cell is a strong start; any capitalised line a weak one (a wrapped "Plan" is one too).
  const score = (k: number, strongOnly: boolean) => {
    let n = 0;
    let from = 0;
    for (const a of anchors) {
      let starts = 0;
      for (let i = from; i <= a; i++) if (grid[i][k] !== '' && startsEntry(grid[i][k]) && (!strongOnly || i === 0 || grid[i - 1][k] === '')) starts++;
      if (starts === 1) n++;
      from = a + 1;
    }
    return n;
  };
  let best = candidates[0];
  let bestScore: [number, number] = [-1, -1];
  for (const k of candidates) {
    const s: [number, number] = [score(k, false), score(k, true)];
    // Weak starts first (what row starts look like in most tables), strong ones to break a tie.
    if (s[0] > bestScore[0] || (s[0] === bestScore[0] && s[1] > bestScore[1])) {
      best = k;
      bestScore = s;
    }
  }
  return best;
}

/**
 * A value centred beside a wrapped label ("Total agreed value of pooled budget:" / "£4,318,000" / "2014/15") has
 * its year on the line below it: a row starting at a year line just under a figure line that has no year of its
 * own starts one line later, so the year stays with its figure.
 */
function keepYearsWithFigures(starts: number[], anchors: number[], isYear: (i: number) => boolean): void {
  for (let k = 1; k < starts.length; k++) {
    const s = starts[k];
    if (!isYear(s)) continue;
    const prevAnchor = anchors.filter((a) => a < s).pop();
    if (prevAnchor === undefined || prevAnchor < starts[k - 1] || s - prevAnchor > 2) continue;
    const rowHasYear = Array.from({ length: s - starts[k - 1] }, (_, j) => starts[k - 1] + j).some(isYear);
    if (rowHasYear) continue;
    const next = starts[k + 1] ?? Infinity;
    if (s + 1 < next && anchors.some((a) => a > s && a < next)) starts[k] = s + 1;
  }
}

/**
 * A figure whose last digit group wrapped onto a line below ("£10,100,00" / "0", "£4,506,21" / "7" with other
 * columns' words on that line) is one figure again. `centreShift`: for each line holding a rejoined figure, how far
 * below it the figure's middle lies (its cell spans both lines), for rows laid out around their figures.
 */
function rejoinCutFigureCells(grid: string[][]): { grid: string[][]; centreShift: Map<number, number> } {
  const out: string[][] = [];
  const centreShift = new Map<number, number>();
  for (const line of grid) {
    const filled = line.flatMap((c, k) => (c !== '' ? [k] : []));
    const next = [...line];
    for (const k of filled) {
      if (!/^\d{1,3}$/.test(line[k])) continue;
      // The cut figure is in the same column on one of the two lines above (a label line may sit between).
      const back = [1, 2].find((d) => out[out.length - d] && out[out.length - d][k] !== '');
      const above = back ? out[out.length - back] : undefined;
      const cut = above ? /\d,(\d{0,2})$/.exec(above[k]) : null;
      // Alone on its line any digits will do; beside other cells only those completing a group of three.
      if (!above || !cut || (filled.length > 1 && cut[1].length + line[k].length !== 3)) continue;
      above[k] += line[k];
      next[k] = '';
      centreShift.set(out.length - back!, (filled.length > 1 ? back! : back! - 1) / 2);
    }
    if (next.some((c) => c !== '')) out.push(next);
  }
  return { grid: out, centreShift };
}

/**
 * Rows of one page's part of a table. `grid` holds each line's cells. Lines above the first line with figures
 * that cannot be the first entry are the header.
 */
export function groupRows(grid: string[][], page: number | null, pageBreakBefore: boolean, keyLine = -1): TableRow[] {
  const all = grid;
  // The header: through its margin line, and the lines under it with nothing at the margin (its wrapped cells).
  let headerEnd = 0;
  if (keyLine >= 0) {
    headerEnd = keyLine + 1;
    // A header with lines above its margin line is centred on it: as many lines below it are the header's, and
    // the lines after them, still empty at the margin, are the first row's upper lines.
    const limit = keyLine > 0 ? keyLine + 1 + keyLine : all.length;
    while (headerEnd < Math.min(all.length, limit) && all[headerEnd][0] === '') headerEnd++;
  }
  const headerRows: TableRow[] =
    headerEnd > 0 ? [{ cells: mergeLines(all.slice(0, headerEnd)).map((t) => ({ text: t })), page, header: true }] : [];
  if (headerEnd >= all.length) return headerRows;
  const { grid: lines, centreShift } = rejoinCutFigureCells(all.slice(headerEnd));
  const body = groupBody(lines, page, pageBreakBefore && headerEnd === 0, headerEnd > 0, centreShift, true, pageBreakBefore);
  if (pageBreakBefore && headerRows[0]) headerRows[0].pageBreakBefore = true;
  return [...headerRows, ...body];
}

function groupBody(
  grid: string[][],
  page: number | null,
  pageBreakBefore: boolean,
  headed: boolean,
  centreShift = new Map<number, number>(),
  tryCentred = true,
  afterBreak = pageBreakBefore,
): TableRow[] {
  const figureCols = figureColumns(grid);
  // In a column of numbers, a rating word beside them ("12" over "Medium") is part of the cell, not a new row.
  const numeric = new Set([...figureCols].filter((k) => grid.filter((r) => r[k] !== '' && FIGURE.test(r[k]) && r[k].length <= FIXED_WIDTH.figureLength).length >= 2));
  const anchorIn = (cell: string, k: number) => (numeric.has(k) ? cell.length <= FIXED_WIDTH.figureLength && FIGURE.test(cell) : isFigure(cell));
  const anchors = grid.flatMap((r, i) => ([...figureCols].some((k) => anchorIn(r[k], k)) ? [i] : []));
  const textCol = entryColumn(grid, figureCols, anchors);
  const text = (i: number) => (textCol >= 0 ? grid[i][textCol] : '');
  const toRow = (from: number, to: number, header = false): TableRow => ({
    cells: mergeLines(grid.slice(from, to)).map((t) => ({ text: t })),
    page,
    ...(header ? { header: true } : {}),
  });
  const rows: TableRow[] = [];
  if (anchors.length === 0) {
    // No figures: one row per line, wrapped lines (starting lower case) joined to the row above.
    let from = 0;
    for (let i = 1; i <= grid.length; i++) {
      if (i === grid.length || startsEntry(text(i)) || text(i) === '') {
        if (i === grid.length || text(i) !== '' || grid[i].every((c) => c === '')) {
          rows.push(toRow(from, i));
          from = i;
        }
      }
    }
    if (pageBreakBefore && rows[0]) rows[0].pageBreakBefore = true;
    return rows;
  }
  const lineRows = anchors.length >= FIXED_WIDTH.lineRowShare * grid.length;
  // Where each row starts.
  const starts: number[] = [];
  if (lineRows) {
    for (let i = 0; i < grid.length; i++) {
      const isAnchor = anchors.includes(i);
      const t = text(i);
      if (isAnchor) {
        // A figure line whose label starts lower case finishes a label begun on the line above.
        if (!startsEntry(t) && t !== '' && i > 0 && !anchors.includes(i - 1) && starts[starts.length - 1] === i - 1) continue;
        if (t === '' && i > 0 && starts.length > 0 && !anchors.includes(i - 1) && starts[starts.length - 1] === i - 1) continue;
        starts.push(i);
      } else if (t !== '' && startsEntry(t)) {
        starts.push(i);
      } else if (starts.length === 0) starts.push(i);
    }
  } else if (tryCentred && isCentred(grid, figureCols, anchors, headed)) {
    // Cells centred on their figures, or text cells top-aligned beside centred figures (risk logs): whichever
    // reading leaves fewer cells opening mid-sentence.
    const centred = centredRows(grid, anchors, centreShift, page, pageBreakBefore, headed);
    const usual = groupBody(grid, page, pageBreakBefore, headed, centreShift, false);
    return midSentenceCells(centred) < midSentenceCells(usual) ? centred : usual;
  } else {
    // Block rows: one row per line of figures. Where each line of figures has one entry of its own (an entry
    // under an empty cell), a row runs from the first of its entry and its figures to the next row's first: cells
    // may be centred, so the figures can sit above their label. Otherwise, between two lines of figures, the new
    // row starts at the first line whose text column starts an entry (or at the figure line itself when its own
    // text starts one).
    const strong = grid.flatMap((_, i) => (text(i) !== '' && startsEntry(text(i)) && (i === 0 || text(i - 1) === '') ? [i] : []));
    // Two figure lines in a row are one row's figures when their text goes on (no new entry), or when a score
    // cell of two lines goes on in them ("12" over "Medium"): centred beside one-line cells, its number sits a
    // line above the other figures of its row.
    const scoreGoesOn = (prev: number, a: number) =>
      [...figureCols].some((k) => /^\d+$/.test(grid[prev][k]) && (RATING.test(grid[a][k]) || (grid[a][k] === '' && RATING.test(grid[a + 1]?.[k] ?? ''))));
    // Or a line further down, with another column's line between (pdftotext interleaves the columns' lines).
    const scoreGoesOnBelow = (prev: number, a: number) =>
      a === prev + 2 && [...figureCols].some((k) => /^\d+$/.test(grid[prev][k]) && grid[prev + 1][k] === '' && RATING.test(grid[a][k]));
    const sameRow = (prev: number, a: number) =>
      (a === prev + 1 && (text(a) === '' || !startsEntry(text(a)) || scoreGoesOn(prev, a))) || scoreGoesOnBelow(prev, a);
    const rowAnchors = anchors.filter((a, k) => !(k > 0 && sameRow(anchors[k - 1], a)));
    // Each row's entry between the figures of the rows before and after it, or the pairing is a coincidence.
    const paired = rowAnchors.every((a, k) => (k === 0 || strong[k] > rowAnchors[k - 1]) && (k + 1 >= rowAnchors.length || strong[k] < rowAnchors[k + 1]));
    if (strong.length === rowAnchors.length && strong.length > 1 && paired) {
      let prevEnd = -1;
      rowAnchors.forEach((a, k) => {
        const start = Math.max(prevEnd + 1, Math.min(a, strong[k]));
        starts.push(start);
        prevEnd = Math.max(a, strong[k]);
      });
    }
    let prevAnchor = -1;
    for (const a of starts.length > 0 ? [] : anchors) {
      if (prevAnchor >= 0 && sameRow(prevAnchor, a)) {
        prevAnchor = a; // figures over two lines of one row (its text going on, not a new entry)
        continue;
      }
      let start = a;
      if (!(text(a) !== '' && startsEntry(text(a)) && prevAnchor >= 0)) {
        const from = prevAnchor + 1;
        const candidates: number[] = [];
        for (let i = from; i < a; i++) if (text(i) !== '' && startsEntry(text(i))) candidates.push(i);
        if (candidates.length > 0) {
          // Before the first figures the header comes first: the entry nearest the figures; between figures,
          // the first entry after the row above.
          start = prevAnchor < 0 && !headed ? candidates[candidates.length - 1] : candidates[0];
        }
      }
      starts.push(start);
      prevAnchor = a;
    }
  }
  if (!lineRows) keepYearsWithFigures(starts, anchors, (i) => YEAR_ONLY.test(text(i)));
  const first = starts[0] ?? 0;
  if (first > 0) rows.push(toRow(0, first, !pageBreakBefore && !headed));
  starts.forEach((s, k) => rows.push(toRow(s, starts[k + 1] ?? grid.length)));
  if (pageBreakBefore && rows[0]) rows[0].pageBreakBefore = true;
  const usual = rows.filter((r) => r.cells.some((c) => c.text !== ''));
  // A table of amounts whose rows, read the usual way, leave cells opening mid-sentence ("budget: 2014/15" under a
  // label's middle line): its labels may be centred on their amounts; the centred reading if it leaves fewer.
  if (tryCentred && !lineRows && anchors.length >= 2 && hasAmounts(grid, figureCols, anchors) && midSentenceCells(usual) > 0) {
    const centred = centredRows(grid, anchors, centreShift, page, pageBreakBefore, headed, figureCols);
    if (midSentenceCells(centred) < midSentenceCells(usual)) return centred;
  }
  // A log scored by numbers whose text cells are centred on their rows too (set large, every cell wrapping over
  // many lines): read so, each row's figures are centred at their own heights (a two-line score a line above a
  // one-line likelihood), and under a header repeated after a page break the cut row's end comes first.
  const scoresOnly = anchors.every((a) => [...figureCols].every((k) => grid[a][k] === '' || /^\d{1,2}(\s+\S+)?$/.test(grid[a][k]) || RATING.test(grid[a][k])));
  if (tryCentred && !lineRows && headed && afterBreak && anchors.length >= 3 && scoresOnly && !textTopAligned(grid, figureCols, anchors) && midSentenceCells(usual) > 0) {
    const centred = centredRows(grid, anchors, centreShift, page, pageBreakBefore, headed, undefined, { groupCentre: true, leadAfterBreak: afterBreak });
    // Only where every score cell the usual reading opens with its figure still does (no other column's line on top).
    const better = midSentenceCells(centred) < midSentenceCells(usual) && figureOpenings(centred, figureCols) >= figureOpenings(usual, figureCols);
    if (better) return scoredCellsToTheirRows(centred, figureCols);
  }
  return lineRows ? usual : scoredCellsToTheirRows(usual, figureCols);
}
