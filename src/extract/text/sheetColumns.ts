// Column starts of a sheet printed without gridlines, read back from laid-out text (pdftotext -layout). A sheet
// right-aligns its amounts and left-aligns its text, so two of its column edges are not where the gutters say:
// - an amount column's header starts left of its figures (the figures end at the cell's right edge, the header
//   starts at its left): the gutter-found start is the figures', and the header is read into the column before;
// - a text column just right of an amount column starts one space after the amounts ("£1,450,000 Existing"),
//   so no gutter shows it, and the header over it runs on from the amount column's ("Expenditure (£) New/Existing").
import { FIXED_WIDTH, fragmentsOf, isFigure } from './fragments.js';

/** An amount of money or a count with thousands separators ("£1,450,000", "-£120,000", "15,600"): never a score. */
const AMOUNT = /^[(\-–−]?£\s?\d[\d,]*(\.\d+)?\)?$|^[(\-–−]?\d{1,3}(,\d{3})+(\.\d+)?\)?$/;

/** The part's column starts with both sheet edges restored (see the file comment). */
export function sheetColumns(lines: string[], cols: number[]): number[] {
  const frags = lines.map(fragmentsOf);
  const firstFigureLine = frags.findIndex((fs) => fs.some((f) => AMOUNT.test(f.text.split(' ')[0])));
  if (firstFigureLine < 0) return cols;
  return amountHeaderStarts(frags, withOneSpaceColumns(frags, cols), firstFigureLine);
}

type Frag = ReturnType<typeof fragmentsOf>[number];

/**
 * A text column opening one space after amounts: on three or more lines, and on most lines holding an amount
 * there, an amount opening a fragment is followed by one space and a word at the same place (within `edgeSlack`),
 * and no column starts near it.
 */
function withOneSpaceColumns(frags: Frag[][], cols: number[]): number[] {
  const after: number[] = [];
  let amountsOpening = 0;
  for (const fs of frags) {
    for (const f of fs) {
      const words = [...f.text.matchAll(/\S+/g)];
      if (!AMOUNT.test(words[0]?.[0] ?? '')) continue;
      amountsOpening++;
      const next = words[1];
      if (next && /^\p{L}/u.test(next[0]) && f.text[next.index! - 2] !== ' ') after.push(f.start + next.index!);
    }
  }
  after.sort((a, b) => a - b);
  const out = [...cols];
  for (let k = 0; k < after.length; ) {
    let j = k;
    while (j + 1 < after.length && after[j + 1] - after[k] <= FIXED_WIDTH.edgeSlack) j++;
    const support = j - k + 1;
    const x = after[k];
    if (support >= FIXED_WIDTH.minGappedLines && support * 2 >= amountsOpening && out.every((c) => Math.abs(c - x) > FIXED_WIDTH.edgeSlack)) out.push(x);
    k = j + 1;
  }
  return out.sort((a, b) => a - b);
}

/**
 * An amount column's start moved left to its header: a header line's fragment within `mergeDistance` left of a
 * column whose cells below the header are amounts, where no line below the header has text between the fragment's
 * start and the column, and which is not the column before's own header.
 */
function amountHeaderStarts(frags: Frag[][], cols: number[], firstFigureLine: number): number[] {
  const out = [...cols];
  const body = frags.slice(firstFigureLine);
  for (let k = 1; k < out.length; k++) {
    const inColumn = body.flatMap((fs) => fs.filter((f) => f.start >= out[k] - FIXED_WIDTH.edgeSlack && (k + 1 >= out.length || f.start < out[k + 1])));
    if (inColumn.length < 2 || inColumn.filter((f) => isFigure(f.text.split(' ')[0])).length * 2 < inColumn.length) continue;
    for (const fs of frags.slice(0, firstFigureLine)) {
      // Not the column before's own header: that starts near its column, first on its line in that column.
      const ownOfColumnBefore = (g: Frag, n: number) => g.start - out[k - 1] <= FIXED_WIDTH.mergeDistance && !(n > 0 && fs[n - 1].end > out[k - 1]);
      const f = fs.find((g, n) => g.start > out[k - 1] && g.start < out[k] - FIXED_WIDTH.edgeSlack && out[k] - g.start <= FIXED_WIDTH.mergeDistance && !ownOfColumnBefore(g, n));
      if (!f) continue;
      const clear = body.every((bs) => bs.every((b) => b.end < f.start || b.start >= out[k] - FIXED_WIDTH.edgeSlack));
      if (clear) out[k] = f.start;
    }
  }
  return out;
}

/**
 * A cell holding two amounts one space apart ("£5,100,000 £19,832,000") beside an empty cell on its right: a
 * figure written wider than its column or shifted left reaches the amount before it, and the two read as one
 * cell. The second amount is the empty cell's. Pure, line for line.
 */
export function splitRunTogetherAmounts(grid: string[][]): string[][] {
  return grid.map((cells) => {
    const out = [...cells];
    for (let k = 0; k + 1 < out.length; k++) {
      const m = /^(\S+) (\S+)$/.exec(out[k]);
      if (!m || out[k + 1] !== '' || !AMOUNT.test(m[1]) || !AMOUNT.test(m[2])) continue;
      out[k] = m[1];
      out[k + 1] = m[2];
    }
    return out;
  });
}
