// Tables whose rows a writer padded apart with blank lines (rows spaced vertically): every block between blank
// lines holds one line of figures, so the blank lines are the rows' bounds. Where such a table goes on past a
// line alone at the margin before a blank line (a first cell's last line), and the rows read block by block.
import type { TableRow } from '../../model/document.js';
import { FIXED_WIDTH, fragmentsOf, isBlank, isGapped, isFigure, startsEntry, mergeLines } from './fragments.js';

/**
 * Rows of a part whose rows a writer padded apart with blank lines: every block of lines between blank lines holds
 * exactly one line of figures (a row's cells wrap and centre around it), the first block none (the header) or one.
 * Each block is then one row, however its cells wrap: the blank lines say where rows end better than any guess
 * from where entries start. `kept`: the part's line numbers (blank lines left out, so a jump is a blank line);
 * `lines`: the part's lines, `grid` their cells.
 * Null when the part is not laid out so.
 */
export function paddedRowBlocks(kept: number[], lines: string[], grid: string[][], page: number | null, pageBreakBefore: boolean): TableRow[] | null {
  const blocks: number[][] = [];
  kept.forEach((line, j) => {
    if (j === 0 || line - kept[j - 1] > 1) blocks.push([]);
    blocks[blocks.length - 1].push(j);
  });
  // A figure is a fragment of its line (a cell can hold it beside words a column start does not separate).
  const figureLines = (b: number[]) => b.filter((j) => fragmentsOf(lines[j]).some((f) => isFigure(f.text))).length;
  // A block of a later column's lines alone, no figures, is the row above's cell going on after a blank line.
  for (let k = blocks.length - 1; k > 1; k--) {
    if (isContinuationBlock(blocks[k].map((j) => lines[j]))) blocks.splice(k - 1, 2, [...blocks[k - 1], ...blocks[k]]);
  }
  // A block opening mid-sentence at the margin, above its own entry and figures, opens with the row above's cells
  // going on after a blank line their lines spread over (tables.md class 1): those lines are the row above's.
  for (let k = 1; k < blocks.length; k++) {
    if (figureLines(blocks[k - 1]) !== 1) continue;
    const b = blocks[k];
    const margin = b.flatMap((j, n) => {
      const f = fragmentsOf(lines[j])[0];
      return f.start < FIXED_WIDTH.cellIndent ? [{ n, text: f.text }] : [];
    });
    const entry = margin.find((m) => startsEntry(m.text));
    if (!entry || margin[0] === entry || !/^[a-z]/.test(margin[0].text)) continue;
    const firstFigure = b.findIndex((j) => fragmentsOf(lines[j]).some((f) => isFigure(f.text)));
    if (firstFigure < entry.n) continue;
    blocks[k - 1].push(...b.slice(0, entry.n));
    blocks[k] = b.slice(entry.n);
  }
  if (blocks.length === 0 || figureLines(blocks[0]) > 1 || blocks.slice(1).some((b) => figureLines(b) !== 1)) return null;
  const headed = figureLines(blocks[0]) === 0;
  if (blocks.length - (headed ? 1 : 0) < FIXED_WIDTH.minPaddedRows) return null;
  const rows = blocks.map((b, k): TableRow => ({
    cells: mergeLines(b.map((j) => grid[j])).map((t) => ({ text: t })),
    page,
    ...(k === 0 && headed ? { header: true } : {}),
  }));
  if (pageBreakBefore) rows[0].pageBreakBefore = true;
  return rows;
}

/**
 * A line alone at the margin, then a blank line, that is the last wrapped line of a first-column cell of a table
 * whose rows are padded apart by blank lines (a writer that spaces rows vertically): it follows a table line with
 * no blank between, it fits inside the first column (ends before the table's next column starts), and the line
 * after the blank opens another row at the margin with columns of its own. A heading or caption after a table is
 * set apart from the table above it, or is wider than its first column.
 */
export function endsRowBlock(lines: string[], at: number, i: number, cellStarts: number[]): boolean {
  if (i === 0 || isBlank(lines[i - 1]) || cellStarts.length === 0) return false;
  const own = fragmentsOf(lines[i]);
  if (own.length !== 1 || own[0].end + 1 >= Math.min(...cellStarts)) return false;
  const next = lines[i + 2] ?? '';
  if (isGapped(next) && fragmentsOf(next)[0].start < FIXED_WIDTH.cellIndent) return true;
  // Where the blocks so far are rows padded apart (each, after the header, holds one line of figures), the next
  // row may open with a line of a later column (its first cell centred lower down) or a first cell of several
  // lines: it goes on when the block after the blank holds one line of figures too.
  const after = blockAt(lines, i + 2);
  return paddedAround(lines, at, i) && (figureLinesIn(after) === 1 || isContinuationBlock(after));
}

/** A block of lines between blank lines holding no figure and nothing at the margin: a later column's cell going on
 *  (a second paragraph of mitigating actions), part of the row above in a table whose rows are padded apart. */
function isContinuationBlock(block: string[]): boolean {
  return block.length > 0 && figureLinesIn(block) === 0 && block.every((l) => fragmentsOf(l)[0].start >= FIXED_WIDTH.cellIndent);
}

/** The lines from `from` to the next blank line. */
function blockAt(lines: string[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < lines.length && !isBlank(lines[i]); i++) out.push(lines[i]);
  return out;
}

/** Lines holding a figure as a fragment of their own (a row's line of figures). */
function figureLinesIn(block: string[]): number {
  return block.filter((l) => fragmentsOf(l).some((f) => isFigure(f.text))).length;
}

/**
 * Whether the table's lines `at`..`i` are rows padded apart by blank lines: every block between blank lines holds
 * one line of figures (the first block may be a header, with none), the block ending at `i` included, and with the
 * blocks after it that hold one line of figures each (one blank line apart), at least `minPaddedRows` of them: a
 * table's first row can end so, before the rows after it are read.
 */
function paddedAround(lines: string[], at: number, i: number): boolean {
  const blocks: string[][] = [[]];
  for (let j = at; j <= i; j++) {
    if (isBlank(lines[j])) {
      if (blocks[blocks.length - 1].length > 0) blocks.push([]);
    } else blocks[blocks.length - 1].push(lines[j]);
  }
  const counts = blocks.filter((b, k) => k < 2 || !isContinuationBlock(b)).map(figureLinesIn);
  const rows = counts[0] === 0 ? counts.slice(1) : counts;
  if (rows.length === 0 || !rows.every((n) => n === 1)) return false;
  let ahead = 0;
  for (let j = i + 2; rows.length + ahead < FIXED_WIDTH.minPaddedRows && j < lines.length && !isBlank(lines[j]); ) {
    const block = blockAt(lines, j);
    const goesOn = isContinuationBlock(block);
    if (!goesOn && figureLinesIn(block) !== 1) break;
    if (!goesOn) ahead++;
    j += block.length + 1;
  }
  return rows.length + ahead >= FIXED_WIDTH.minPaddedRows;
}
