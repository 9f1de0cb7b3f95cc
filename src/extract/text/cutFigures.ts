// Figures cut at a narrow cell's right edge in laid-out text (tables.md class 4, "£16,218,00" over "0"): pdftotext
// -layout writes the cell's next line from the cell's left edge, so the cut digits sit under the figure, alone,
// one to four lines down (the lines between belong to other columns of a cell centred on its row). Large type and
// narrow columns do this to every amount of a spending plan, and put the next column one space after the amount, so
// the table reader would read the amount and that column's words as one cell: those amounts are rejoined here, on
// the lines, before any column is found.

/** A figure whose last digit group is short ("£4,506,2", "51,27", "£12,"), alone between spaces. */
const CUT_FIGURE = /(?<=^|\s)(£?\d{1,3}(?:,\d{3})*,(\d{0,2}))(?=\s|$)/g;

/** Lines below a cut figure searched for its digits. */
const MAX_LINES_DOWN = 4;

/**
 * Cut figures rejoined: the digits that complete the last group to three, alone on a line below and starting inside
 * the figure's span, with nothing under that span on the lines between, go back onto the figure. The figure's line
 * keeps its other columns in place (the digits take the spaces after it, leaving one); the digits' place on their
 * line is blanked. `pageOf`: a line's page, so a figure never takes digits from the next page. Pure, line for line.
 */
export function rejoinCutFigures(lines: string[], pageOf: (i: number) => number | null = () => null): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    for (const m of [...out[i].matchAll(CUT_FIGURE)].reverse()) {
      const x = m.index!;
      const end = x + m[1].length;
      const want = 3 - m[2].length;
      for (let j = i + 1; j <= i + MAX_LINES_DOWN && j < out.length && pageOf(j) === pageOf(i); j++) {
        const below = out[j];
        const span = below.slice(x, end);
        const digits = /(?<=^|\s)\d+(?=\s|$)/.exec(span);
        if (!digits) {
          // Another column's line may come between, but not one with text under the figure.
          if (span.trim() !== '') break;
          continue;
        }
        const at = x + digits.index;
        const rest = /^\d+/.exec(below.slice(at))![0];
        if (rest.length !== want || (below[at - 1] ?? ' ') !== ' ' || (below[at + rest.length] ?? ' ') !== ' ') break;
        // A figure that is a fragment of its own, its digits too, is left to the table reader, which rejoins it cell
        // by cell and knows the cell spans both lines (where its middle is, for cells centred on their figures).
        if (!gluedToNeighbour(out[i], x, end) && !gluedToNeighbour(below, at, at + rest.length)) break;
        out[i] = insertKeepingColumns(out[i], x, end, rest);
        out[j] = (below.slice(0, at) + ' '.repeat(rest.length) + below.slice(at + rest.length)).replace(/[ ]+$/, '');
        break;
      }
    }
  }
  return out;
}

/** Whether the text at `x`..`end` has another word within a column gap (under three spaces) of it: read by columns,
 *  it would be one cell with that word ("£4,506,2 Existin"). */
function gluedToNeighbour(line: string, x: number, end: number): boolean {
  return line.slice(Math.max(0, x - 2), x).trim() !== '' || line.slice(end, end + 2).trim() !== '';
}

/**
 * `digits` appended to the figure at `x`..`end` of `line`, the line's other columns kept where they are: the digits
 * take the spaces after the figure (leaving one), or, where the next column follows one space on, the figure moves
 * left into the spaces before it (leaving one); only where neither has room does the rest of the line move.
 */
function insertKeepingColumns(line: string, x: number, end: number, digits: string): string {
  const after = line.slice(end);
  const spacesAfter = /^ */.exec(after)![0].length;
  if (spacesAfter === after.length || spacesAfter > digits.length) return line.slice(0, end) + digits + after.slice(Math.min(digits.length, spacesAfter));
  const before = line.slice(0, x);
  const spacesBefore = / *$/.exec(before)![0].length;
  if (spacesBefore > digits.length && spacesBefore < before.length) return before.slice(0, x - digits.length) + line.slice(x, end) + digits + after;
  return line.slice(0, end) + digits + after;
}

/** A number that may have lost its per cent sign to the line below ("76.5" over "%"), alone between spaces. */
const BARE_NUMBER = /(?<=^|\s)(\d{1,3}(?:\.\d+)?)(?=\s|$)/g;

/**
 * Percentages cut at a narrow cell's edge rejoined (tables.md class 4: "76.5" over "%", the sign wrapped under the
 * number, a metric table's value beside others written whole): the "%" alone on one of the next two lines, under
 * the number, nothing under it on the line between. The whole figure goes where the cell's middle is: on the line
 * between the two parts when that line is free there (so it sits on its row's line of figures, like its whole
 * neighbours), else on the number's line. Only a number that is a fragment of its own. Pure, line for line.
 */
export function rejoinCutPercents(lines: string[], pageOf: (i: number) => number | null = () => null): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    for (const m of [...out[i].matchAll(BARE_NUMBER)].reverse()) {
      const x = m.index!;
      const end = x + m[1].length;
      // A run of numbers one space apart ("93.0 93.0 93.0" over "% % %") has no room for the signs: left as it is.
      if (gluedToNeighbour(out[i], x, end)) continue;
      for (let j = i + 1; j <= i + 2 && j < out.length && pageOf(j) === pageOf(i); j++) {
        const below = out[j];
        const span = below.slice(Math.max(0, x - 1), end + 2);
        if (span.trim() === '') continue;
        const at = below.indexOf('%', x);
        if (span.trim() !== '%' || at < x || at > end || (below[at - 1] ?? ' ') !== ' ' || (below[at + 1] ?? ' ') !== ' ') break;
        const figure = `${m[1]}%`;
        const middle = j === i + 2 ? i + 1 : -1;
        const free = (l: string) => l.slice(Math.max(0, x - 1), x + figure.length + 1).trim() === '';
        out[j] = (below.slice(0, at) + ' ' + below.slice(at + 1)).replace(/[ ]+$/, '');
        if (middle >= 0 && free(out[middle])) {
          out[i] = (out[i].slice(0, x) + ' '.repeat(m[1].length) + out[i].slice(end)).replace(/[ ]+$/, '');
          out[middle] = out[middle].padEnd(x).slice(0, x) + figure + out[middle].slice(x + figure.length);
        } else {
          out[i] = insertKeepingColumns(out[i], x, end, '%');
        }
        break;
      }
    }
  }
  return out;
}
