// Cutting a line into cells under a part's column starts, and moving figures into their columns: a fragment goes
// to the column its start falls in, a rating centred across a column's edge goes to the narrow column it is
// centred in, a fragment running into the next column one space apart is split there; then a score or rating
// read into the text column beside its figure column is moved back (pdftotext centres cells and shifts columns
// from row to row). Also which columns of a grid hold figures.
import { FIXED_WIDTH, fragmentsOf, FIGURE, RATING, isFigure } from './fragments.js';

/** Cells of one line under the column starts: a fragment goes to the column its start falls in; a fragment
 *  running into the next column (one space between, "12 Medium the development") gives it the words from there.
 *  `figureCols`: columns known to hold figures; a word that is no figure does not run on into one (a wrapped
 *  sentence reaching past a narrow rating column's start is still the sentence). */
export function cellsOf(line: string, starts: number[], figureCols?: Set<number>): string[] {
  const cells = starts.map(() => [] as string[]);
  const columnAt = (x: number) => Math.max(0, starts.findLastIndex((s) => s <= x + FIXED_WIDTH.edgeSlack));
  for (const f of fragmentsOf(line)) {
    let k = columnAt(f.start);
    const words = [...f.text.matchAll(/\S+/g)];
    // A rating drawn just left of a column's start (text in a column starts at it; a centred rating beside it can
    // reach past it), alone or one space from that column's text ("Medium contracts with …"), is the narrow
    // column's cell, not the first word of the wider one.
    const first = words[0]?.[0] ?? '';
    if (k > 0 && f.start < starts[k] && RATING.test(first) && first.length >= 3) {
      cells[k - 1].push(first);
      words.shift();
    } else if (
      f.start > 0 &&
      k + 2 < starts.length &&
      starts[k + 1] - f.start <= FIXED_WIDTH.cellIndent &&
      RATING.test(first) &&
      first.length >= 3 &&
      line.slice(0, f.start).trim() !== ''
    ) {
      // A rating centred in a narrow column, starting a few characters left of its edge after the text of the
      // column before (gap of its own), with the next column's text one space after it ("High as part of …"):
      // the rating is the narrow column's, the words after it the next column's.
      cells[k + 1].push(first);
      for (const w of words.slice(1)) cells[k + 2].push(w[0]);
      continue;
    }
    // A fragment taken into column k by `edgeSlack`, starting left of its edge, whose second word starts at that edge
    // ("risk Mitigating Actions", one space apart): the second word opens column k, the first is the column before's
    // (cells one space apart in text set in larger type).
    const second = words[1] ? f.start + words[1].index! : -1;
    if (k > 0 && f.start < starts[k] && second >= starts[k] && second - starts[k] <= FIXED_WIDTH.edgeSlack) k--;
    for (const w of words) {
      const x = f.start + w.index!;
      if (k + 1 < starts.length && x >= starts[k + 1] - 1) {
        const to = columnAt(x);
        if (!figureCols?.has(to) || isFigure(w[0])) k = to;
      }
      cells[k].push(w[0]);
    }
  }
  return cells.map((ws) => ws.join(' '));
}

/**
 * Figures moved into the figure column beside the cell they were read into. pdftotext centres a cell's text in
 * its cell and shifts columns from row to row, so a score can start a few characters left of its column's edge
 * (read into the text column before it), a rating can start where the next column's text starts (read into that
 * column), and a score can end a wrapped line of text one space after it ("… changes to ways 3"). A cell that is a
 * figure alone, or a small whole number ending a text cell, goes to a neighbouring figure column that is empty
 * on that line; the text column must not be one of figures itself.
 */
export function figuresToTheirColumns(grid: string[][]): string[][] {
  // A page holding two rows of a log has two figures a column, one of them maybe read into the wrong column:
  // here a column whose cells are figures from its first figure on is one too.
  const figureCols = figureColumns(grid);
  for (let k = 0; k < (grid[0]?.length ?? 0); k++) {
    const cells = grid.map((r) => r[k]).filter((c) => c !== '');
    const first = cells.findIndex(isFigure);
    if (first >= 0 && cells.slice(first).every(isFigure)) figureCols.add(k);
  }
  if (figureCols.size === 0) return grid;
  // Columns of small whole numbers (likelihood, impact, score): where a trailing number can belong.
  const scoreCols = new Set(
    [...figureCols].filter((k) => {
      const cells = grid.map((r) => r[k]).filter((c) => FIGURE.test(c));
      return cells.length > 0 && cells.every((c) => /^\d{1,2}(\s+\S+)?$/.test(c));
    }),
  );
  // A figure goes only where figures like it are: a number where numbers are, a rating where ratings are.
  const shapes = (c: string) => ({ number: /^[(\-–−]?£?\d/.test(c), rating: c.split(/\s+/).some((w) => RATING.test(w) && w.length >= 3) });
  const holdsLike = (k: number, cell: string) => {
    const want = shapes(cell.replace(/^(.*\S)\s+(\d{1,2})$/, '$2'));
    return grid.some((r) => r[k] !== '' && isFigure(r[k]) && (!want.number || shapes(r[k]).number) && (!want.rating || shapes(r[k]).rating));
  };
  return grid.map((line) => {
    const out = [...line];
    for (let k = 0; k < out.length; k++) {
      const cell = out[k];
      if (cell === '' || figureCols.has(k)) continue;
      const target = [k - 1, k + 1].find((j) => figureCols.has(j) && out[j] === '' && holdsLike(j, cell));
      if (target === undefined) continue;
      if (isFigure(cell)) {
        out[target] = cell;
        out[k] = '';
        continue;
      }
      const glued = /^(.*\S)\s+(\d{1,2})$/.exec(cell);
      if (glued && target === k + 1 && scoreCols.has(target) && /[a-z]/i.test(glued[1])) {
        out[k] = glued[1];
        out[target] = glued[2];
      }
    }
    return out;
  });
}

/** Columns that mostly hold figures once the first figure appears (likelihood, score, amounts). */
export function figureColumns(grid: string[][]): Set<number> {
  const out = new Set<number>();
  const width = grid[0]?.length ?? 0;
  for (let k = 0; k < width; k++) {
    const cells = grid.map((r) => r[k]).filter((c) => c !== '');
    const first = cells.findIndex(isFigure);
    if (first < 0) continue;
    const after = cells.slice(first);
    const figures = after.filter(isFigure).length;
    if (figures >= 2 && figures >= FIXED_WIDTH.figureShare * after.length) out.add(k);
  }
  return out;
}
