// Tables laid out with spaces (pdftotext -layout, "Save as text" from a spreadsheet, fixed-width reports):
// no tabs, no pipes, only columns of characters. A run of lines whose words fall into shared columns, with
// empty vertical strips ("gutters") between them, is a table: the same projection-profile idea as the PDF
// extractor's borderless tables, with character positions for x. Cells wrap onto several lines, so lines are
// grouped into rows: where most lines carry figures, each line is a row and wrapped label lines join the row
// they continue; where rows are tall blocks of text (risk logs), each row is the block around its one line of
// figures, split where a new entry starts in the first text column.
import type { TableRow } from '../../model/document.js';
import { BULLET_CHARS } from './html.js';
import { preferRowColumns } from './rowColumns.js';
import { roleBlockTableAt } from './roleBlocks.js';
import { sheetColumns, splitRunTogetherAmounts } from './sheetColumns.js';
import { RATING_OR_CUT_SOURCE } from '../../text/ratingWords.js';

/** Named thresholds of the fixed-width reader (characters and shares of lines). */
export const FIXED_WIDTH = {
  /** Spaces between two words that separate columns. */
  columnGap: 3,
  /** A line indented this far holds a cell of a later column only. */
  cellIndent: 8,
  /** Lines with a column gap needed before a run of lines is taken as a table. */
  minGappedLines: 3,
  /** Fragment starts this close (characters) are one column edge. */
  edgeSlack: 3,
  /** Share of a part's lines that must start a fragment at an edge for it to be a column. */
  edgeSupport: 0.12,
  /** Two edges never used on one line and at most this far apart are one column. */
  mergeDistance: 10,
  /** A line with no gap this long, starting at the margin, is prose: it ends the table. */
  proseLength: 75,
  /** Longest cell read as a figure ("£1,486,230 Existing": a figure and one word beside it). */
  figureLength: 24,
  /** A column is a column of figures when this share of its cells, from its first figure on, are figures
   *  (the rest: wrapped words under a figure, "(All Providers)"). */
  figureShare: 0.25,
  /** Lines carrying figures above this share: each line is a row (finance tables); below it, rows are blocks. */
  lineRowShare: 0.45,
  /** Share of text cells near a row's figures that have a line on the figure line, below which the table's
   *  cells are taken as vertically centred on their figures. */
  centredOnShare: 0.75,
  /** What a centred cell opening in lower case costs, in lines of imbalance around its row's middle. */
  midSentenceCost: 2,
  /** Rows padded apart by blank lines needed before the blank lines are taken as the rows' bounds. */
  minPaddedRows: 3,
} as const;

interface Fragment {
  start: number;
  end: number;
  text: string;
}

export interface FixedWidthTable {
  rows: TableRow[];
  /** Index of the line after the table. */
  end: number;
}

/** Words of a line grouped into fragments separated by `columnGap` or more spaces. */
export function fragmentsOf(line: string): Fragment[] {
  const out: Fragment[] = [];
  const re = new RegExp(`\\S+(?: {1,${FIXED_WIDTH.columnGap - 1}}\\S+)*`, 'g');
  for (const m of line.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  return out;
}

/** A bulleted line (any indent, any bullet glyph a converter writes): a list, not a table row. */
const BULLET_LINE = new RegExp(`^\\s*[-*+${BULLET_CHARS}]\\s`);

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** A line that shows column structure: two fragments, or one cell indented into a later column. */
/** A bulleted line that is a table row: its first cell holds the dash and words ("- new cases"), and other
 *  cells follow; a list item laid out with spaces has the bullet alone ("•   Item"). */
function isBulletedCellRow(line: string): boolean {
  const f = fragmentsOf(line);
  return f.length >= 2 && /^\S+\s+\S/.test(f[0].text);
}

function isGapped(line: string): boolean {
  if (line.includes('\t') || line.includes('|') || (BULLET_LINE.test(line) && !isBulletedCellRow(line))) return false;
  const f = fragmentsOf(line);
  return f.length >= 2 || (f.length === 1 && f[0].start >= FIXED_WIDTH.cellIndent && f[0].text.length <= 60);
}

function isProse(line: string): boolean {
  const f = fragmentsOf(line);
  return f.length === 1 && f[0].start < FIXED_WIDTH.cellIndent && f[0].text.length >= FIXED_WIDTH.proseLength;
}

/** Lines of words per line opening with a number under which a column is still one of sentences. */
const FIGURES_AMONG_WORDS = 8;
/** A fragment opening with a rating word, or a score and one ("Mediu", "12 Medium"). */
const RATED_OPENING = new RegExp(`^(\\d{1,2}\\s+)?${RATING_OR_CUT_SOURCE}\\b`, 'i');

/**
 * Column starts from the left edges the lines share: a fragment starts a cell, so the places where fragments of
 * two or more lines start (within `edgeSlack`) are columns. Two edges never used on the same line and close
 * together are one column written at different offsets (right-aligned figures, centred scores).
 */
function columnsOf(lines: string[], minSupport?: number, headerLines = 0): number[] {
  const frags = lines.map(fragmentsOf);
  // A lone figure ("3", "20 High") is a cell on its own: it counts as two lines' support.
  const starts = frags.flatMap((fs, line) =>
    fs.flatMap((f) => {
      // A fragment opening with a score or a rating glued to the next column's words ("8 Medium Executives …",
      // "Medium care …") counts as a figure, and so does a year (a plan-details table's year beside its amount).
      const words = f.text.split(/\s+/);
      const figure = isFigure(f.text) || isFigure(words[0]) || isFigure(words.slice(0, 2).join(' ')) || /^(19|20)\d{2}\s*[/\-–]\s*\d{1,2}/.test(f.text);
      const rated = figure && RATED_OPENING.test(f.text);
      return isFigure(f.text) && fs.length > 1 ? [{ x: f.start, line, figure, rated }, { x: f.start, line: -1 - line, figure, rated }] : [{ x: f.start, line, figure, rated }];
    }),
  );
  starts.sort((a, b) => a.x - b.x);
  const clusters: Array<{ x: number; lines: Set<number>; figures: number; words: number; ratings: number }> = [];
  for (const s of starts) {
    const last = clusters[clusters.length - 1];
    const add = (c: { figures: number; words: number; ratings: number }) => (s.figure ? c.figures++ : c.words++, s.rated && c.ratings++);
    if (last && s.x - last.x <= FIXED_WIDTH.edgeSlack) {
      last.lines.add(s.line);
      add(last);
    } else {
      clusters.push({ x: s.x, lines: new Set([s.line]), figures: 0, words: 0, ratings: 0 });
      add(clusters[clusters.length - 1]);
    }
  }
  // A column of figures beside a column of words (a risk score and its mitigating actions) is two columns even
  // when no line uses both edges: right-aligned figures, or a column written at two offsets, are alike on both
  // (mostly figures, the header's words among them; or words only).
  const kind = (c: { figures: number; words: number }) => (c.figures > c.words ? 'figures' : c.figures === 0 ? 'words' : 'mixed');
  // A header's few words over a column of figures ("Risk" / "rating" over centred ratings) are that column's.
  // A risk log's score column (ratings among its figures) beside its actions is two columns even when a few lines
  // of the actions open with a number ("14 to develop …"): in laid-out text of a log without rules, the score cell's
  // lines ("12" / "Mediu" / "m") sit on lines of their own between the actions' lines, never on one with them.
  const sentences = (c: { figures: number; words: number }) => c.figures * FIGURES_AMONG_WORDS <= c.words;
  const scoreColumn = (c: { figures: number; words: number; ratings: number }) => kind(c) === 'figures' && c.ratings >= 2;
  const unlike = (a: { figures: number; words: number; ratings: number }, b: { figures: number; words: number; ratings: number }) =>
    Math.min(a.figures + a.words, b.figures + b.words) >= 3 &&
    ((kind(a) === 'figures' && kind(b) === 'words') ||
      (kind(a) === 'words' && kind(b) === 'figures') ||
      (scoreColumn(a) && sentences(b)) ||
      (sentences(a) && scoreColumn(b)));
  // An edge a few lines share is a gap inside justified text, not a column.
  const support = minSupport ?? Math.max(2, Math.ceil(FIXED_WIDTH.edgeSupport * lines.length));
  let edges: Array<(typeof clusters)[number] & { last?: number }> = clusters.filter((c, k) => k === 0 || c.lines.size >= support);
  for (let merged = true; merged; ) {
    merged = false;
    for (let k = 1; k < edges.length; k++) {
      const a = edges[k - 1];
      const b = edges[k];
      // Measured from the edge merged last: a column written at offsets creeping from row to row is one column.
      if (b.x - (a.last ?? a.x) <= FIXED_WIDTH.mergeDistance && !unlike(a, b) && ![...b.lines].some((l) => a.lines.has(l) || a.lines.has(-1 - l))) {
        edges = [...edges.slice(0, k - 1), { x: a.x, last: b.x, lines: new Set([...a.lines, ...b.lines]), figures: a.figures + b.figures, words: a.words + b.words, ratings: a.ratings + b.ratings }, ...edges.slice(k + 1)];
        merged = true;
        break;
      }
    }
  }
  // The first `headerLines` lines are the part's header: a column's name wrapped over two or more of its lines starts
  // where the column does, however few rows start a cell there (cells one space apart in text set in larger type).
  // Only clear of every column found (more than half `mergeDistance` away): nearer one, it is that column's name
  // written a few characters off its start; and not beside a column of figures within `mergeDistance`, whose name
  // it is (a rating column's cells centred at several offsets under "Risk rating").
  const named = clusters.filter((c) => [...c.lines].filter((l) => l >= 0 && l < headerLines).length >= 2);
  const xs = edges.map((e) => e.x);
  for (const c of named) {
    const near = edges.filter((e) => Math.abs(e.x - c.x) <= FIXED_WIDTH.mergeDistance);
    if (near.every((e) => Math.abs(e.x - c.x) > FIXED_WIDTH.mergeDistance / 2 && kind(e) !== 'figures')) xs.push(c.x);
  }
  return xs.sort((a, b) => a - b);
}

/**
 * A header's lines read onto the columns of rows at other offsets (the rows on the next page): the header's own
 * cells, laid onto the rows' columns in order by relative position across the table (`alignInOrder`). One cell per
 * column of the rows.
 */
function headerOnColumns(headerLines: string[], cols: number[]): string[] {
  // The header's own columns, or, where they are fewer than the rows' (columnsOf takes edges never used on one line
  // for one column, and a header's cells of one line each are just that), every place a fragment starts.
  const own = columnsOf(headerLines, 1);
  const edges = own.length >= cols.length ? own : fragmentStarts(headerLines);
  const target = alignInOrder(edges, cols);
  const cells = cols.map(() => [] as string[]);
  for (const l of headerLines) {
    const line = cols.map(() => '');
    cellsOf(l, edges).forEach((c, k) => c !== '' && (line[target[k]] = line[target[k]] ? `${line[target[k]]} ${c}` : c));
    line.forEach((c, k) => c !== '' && cells[k].push(c));
  }
  return cells.map((ls) => ls.join('\n'));
}

/** Where fragments of the lines start, starts within `edgeSlack` taken as one. */
function fragmentStarts(lines: string[]): number[] {
  const xs = [...new Set(lines.flatMap((l) => fragmentsOf(l).map((f) => f.start)))].sort((a, b) => a - b);
  return xs.filter((x, k) => k === 0 || x - xs[k - 1] > FIXED_WIDTH.edgeSlack);
}

/**
 * Each edge of `from` matched to an edge of `to` keeping their order, by relative position between each list's first
 * and last edge (pages and rows differ in offset and scale): the least total distance, two edges of `from` sharing
 * one of `to` only where `from` has more. Returns the index in `to` for each edge of `from`.
 */
export function alignInOrder(from: number[], to: number[]): number[] {
  const rel = (xs: number[]) => xs.map((x) => (x - xs[0]) / Math.max(1, xs[xs.length - 1] - xs[0]));
  const a = rel(from);
  const b = rel(to);
  const shared = from.length > to.length;
  // cost[i][j]: least cost of matching from[0..i] with from[i] on to[j]; back[i][j] the j of from[i - 1].
  const cost = a.map(() => b.map(() => Infinity));
  const back = a.map(() => b.map(() => -1));
  b.forEach((y, j) => (cost[0][j] = Math.abs(a[0] - y)));
  for (let i = 1; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      for (let p = 0; p <= j; p++) {
        if (p === j && !shared) continue;
        const c = cost[i - 1][p] + Math.abs(a[i] - b[j]);
        if (c < cost[i][j]) {
          cost[i][j] = c;
          back[i][j] = p;
        }
      }
    }
  }
  const last = a.length - 1;
  let j = cost[last].indexOf(Math.min(...cost[last]));
  const out: number[] = [];
  for (let i = last; i >= 0; i--) {
    out[i] = Math.max(0, j);
    j = back[i][j];
  }
  return out;
}

/**
 * Columns of a part continued from the page before, without a header of its own: few lines, so edges need less
 * support; each edge is the previous part's column nearest it in relative position (pages differ in offsets).
 * Returns, for each of the part's edges, the previous part's column index.
 */
function continuedColumns(lines: string[], previous: number[]): { starts: number[]; target: number[] } {
  // A few lines (a cut row's end above the header repeated on its page): a cell alone on its line is a column too.
  const starts = columnsOf(lines, lines.length <= 6 ? 1 : 2);
  const span = (xs: number[]) => [xs[0], Math.max(xs[xs.length - 1], xs[0] + 1)];
  const [p0, p1] = span(previous);
  const [s0, s1] = span(starts);
  const target = starts.map((x) => {
    const rel = (x - s0) / (s1 - s0 || 1);
    let best = 0;
    previous.forEach((px, k) => {
      if (Math.abs((px - p0) / (p1 - p0 || 1) - rel) < Math.abs((previous[best] - p0) / (p1 - p0 || 1) - rel)) best = k;
    });
    return best;
  });
  return { starts, target };
}

/** Cells of one line under the column starts: a fragment goes to the column its start falls in; a fragment
 *  running into the next column (one space between, "12 Medium the development") gives it the words from there.
 *  `figureCols`: columns known to hold figures; a word that is no figure does not run on into one (a wrapped
 *  sentence reaching past a narrow rating column's start is still the sentence). */
function cellsOf(line: string, starts: number[], figureCols?: Set<number>): string[] {
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

/** A short figure: "4", "20 High", "£1,874,512", "(3,400)", "93.0%", "12.5", "N/A" is not one. */
const FIGURE = /^[(\-–−]?\s*£?\s*\d[\d,.]*\s*(%|k|m|bn)?\)?(\s+\(?[A-Za-z]{1,10})?$/i;

/** A rating alone ("High", "Amber", "M"): a risk log's score column, as good a row anchor as a figure. Also one
 *  cut at its cell's edge ("Mediu", its rest on a line below or over the page break). */
const RATING = new RegExp(`^(?:${RATING_OR_CUT_SOURCE}|[hml])$`, 'i');

export function isFigure(cell: string): boolean {
  return cell.length <= FIXED_WIDTH.figureLength && (FIGURE.test(cell) || RATING.test(cell));
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
function figureColumns(grid: string[][]): Set<number> {
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

/** A financial year alone ("2014/15", "2015-16"): the key of a plan-details line ("…pooled budget: 2014/15"). */
const YEAR_ONLY = /^(19|20)\d{2}\s*[/\-–]\s*\d{2}(\d{2})?:?$/;

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

/** A line whose first text cell starts an entry: a capital, a digit, an opening quote, or a name written with a
 *  lower-case first letter ("iBCF Contribution", "eHealth"). */
function startsEntry(cell: string): boolean {
  return /^['"‘“]?([A-Z0-9]|[a-z][A-Z])/.test(cell);
}

function join(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return `${a}\n${b}`;
}

function mergeLines(lines: string[][]): string[] {
  return lines.reduce((acc, l) => acc.map((c, k) => join(c, l[k])), lines[0].map(() => ''));
}

/**
 * Rows of one page's part of a table. `grid` holds each line's cells. Lines above the first line with figures
 * that cannot be the first entry are the header.
 */
/**
 * A figure whose last digit group wrapped onto a line below ("£10,100,00" / "0", "£4,506,21" / "7" with other
 * columns' words on that line) is one figure again. `centreShift`: for each line holding a rejoined figure, how far
 * below it the figure's middle lies (its cell spans both lines), for rows laid out around their figures.
 */
function rejoinCutFigures(grid: string[][]): { grid: string[][]; centreShift: Map<number, number> } {
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

function groupRows(grid: string[][], page: number | null, pageBreakBefore: boolean, keyLine = -1): TableRow[] {
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
  const { grid: lines, centreShift } = rejoinCutFigures(all.slice(headerEnd));
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

/**
 * Whether a log's risk text is top-aligned beside its centred figures: at half or more of its rows' figure lines
 * (lines next to each other one row's), the first text column opens an entry there, the nearest line above it in
 * that column going on from an earlier one (lower case, the row above's end). Centred text opens above its figures.
 */
function textTopAligned(grid: string[][], figureCols: Set<number>, anchors: number[]): boolean {
  const col = (grid[0] ?? []).findIndex((_, k) => !figureCols.has(k) && grid.some((r) => r[k] !== ''));
  if (col < 0) return true;
  const groups = anchors.filter((a, i) => i === 0 || a !== anchors[i - 1] + 1);
  const top = groups.filter((a) => {
    if (!startsEntry(grid[a][col])) return false;
    let i = a - 1;
    while (i >= 0 && grid[i][col] === '') i--;
    return i < 0 || !startsEntry(grid[i][col]);
  }).length;
  return top >= 0.5 * groups.length;
}

/** Cells of the figure columns that open with a figure. */
function figureOpenings(rows: TableRow[], figureCols: Set<number>): number {
  return rows.reduce((n, r) => n + [...figureCols].filter((k) => isFigure(r.cells[k]?.text.split('\n')[0] ?? '')).length, 0);
}

/** A line of a cell opening with a score and its words ("4 Change does not happen"). */
const SCORED_LINE = /^\d{1,2}\s+[A-Za-z]/;

/**
 * A log's impact column writes each cell as a score and its words ("5 Financial impact on …"). Its cells, centred
 * on their rows, can open above the line where their row starts: the row above then holds a second scored opening
 * in that column. That line and the lines after it go to the next row, whose cell does not open with one.
 */
function scoredCellsToTheirRows(rows: TableRow[], figureCols: Set<number>): TableRow[] {
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
function figureColumnsOfRows(rows: TableRow[]): Set<number> {
  const body = rows.filter((r) => !r.header);
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const out = new Set<number>();
  for (let k = 0; k < width; k++) {
    const cells = body.map((r) => (r.cells[k]?.text ?? '').replace(/\n/g, ' ')).filter((t) => t !== '');
    if (cells.length > 0 && cells.filter(isFigure).length >= 0.5 * cells.length) out.add(k);
  }
  return out;
}

/** Whether a table's figure lines hold sums of money ("£4,318,000"), not scores or counts. */
function hasAmounts(grid: string[][], figureCols: Set<number>, anchors: number[]): boolean {
  return anchors.some((a) => [...figureCols].some((k) => /£/.test(grid[a][k])));
}

/**
 * Whether a table's rows are laid out around their figures (cells vertically centred, as Word tables often are):
 * then a wrapped cell's lines sit above and below its row's line of figures. Either the first row has lines
 * between the header and its figures (top-aligned cells start on the figure line), or few text cells have a line
 * on the figure lines (cells of two or four lines straddle them).
 */
function isCentred(grid: string[][], figureCols: Set<number>, anchors: number[], headed: boolean): boolean {
  if (anchors.length < 3) return false;
  // Risk logs scored by numbers centre their scores beside top-aligned text (the usual reading handles them); a
  // finance table's cells, or a log rated by words alone, are centred all alike.
  const amounts = anchors.some((a) => [...figureCols].some((k) => /£|\d,\d{3}/.test(grid[a][k])));
  const ratedByWords = anchors.every((a) => [...figureCols].every((k) => grid[a][k] === '' || RATING.test(grid[a][k])));
  if (!amounts && !ratedByWords) return false;
  if (headed && anchors[0] > 0) return true;
  let near = 0;
  let on = 0;
  for (const a of anchors) {
    for (let k = 0; k < (grid[0]?.length ?? 0); k++) {
      if (figureCols.has(k)) continue;
      const window = grid.slice(Math.max(0, a - 2), a + 3).some((l) => l[k] !== '');
      if (!window) continue;
      near++;
      if (grid[a][k] !== '') on++;
    }
  }
  return near >= 2 * anchors.length && on < FIXED_WIDTH.centredOnShare * near;
}

/** Cells of the rows opening in lower case: a wrapped cell cut in the wrong place. */
function midSentenceCells(rows: TableRow[]): number {
  return rows.reduce((n, r) => n + r.cells.filter((c) => /^[a-z]/.test(c.text) && !startsEntry(c.text)).length, 0);
}

/**
 * Rows of a table whose cells are centred on their row's line of figures. Each column is split on its own: the
 * lines between two rows' figures go, in order, to the row above and then the row below, at the point where each
 * cell sits most evenly around its row's middle (a small dynamic programme per column). Lines above the first
 * row's cells are a header (or, after a page break, the end of the row cut off on the page before).
 */
function centredRows(
  grid: string[][],
  anchors: number[],
  centreShift: Map<number, number>,
  page: number | null,
  pageBreakBefore: boolean,
  headed: boolean,
  figureCols?: Set<number>,
  risk: { groupCentre: boolean; leadAfterBreak: boolean } = { groupCentre: false, leadAfterBreak: false },
): TableRow[] {
  // One anchor per row: figure lines next to each other with no text of their own between them are one row.
  // With `figureCols`, a figure line with text of its own in another column is a row of its own even next to
  // another ("2015/16   £12,400,000" under "budget: 2014/15   £845,000").
  const ownText = (a: number) => figureCols !== undefined && grid[a].some((c, k) => c !== '' && !figureCols.has(k));
  const rowsAt = anchors.filter((a, k) => !(k > 0 && a === anchors[k - 1] + 1 && !ownText(a)));
  // With `groupCentre`, a row's middle is the middle of its figure lines (each figure centred at its own height).
  const groupEnd = (a: number) => {
    let e = a;
    while (risk.groupCentre && anchors.includes(e + 1) && !rowsAt.includes(e + 1)) e++;
    return e;
  };
  const centre = rowsAt.map((a) => (a + groupEnd(a)) / 2 + (centreShift.get(a) ?? 0));
  const n = rowsAt.length;
  const width = grid[0].length;
  // cells[r + 1][k]: lines of column k for row r; cells[0] is the lead row (header, or the end of a cut row).
  const cells: string[][][] = Array.from({ length: n + 1 }, () => Array.from({ length: width }, () => [] as string[]));
  // Under a header repeated after a page break, lines above the first row's cells may end the row cut off there.
  const lead = !headed || risk.leadAfterBreak;
  for (let k = 0; k < width; k++) {
    const lines = grid.flatMap((l, i) => (l[k] !== '' ? [i] : []));
    // Gaps: lines before the first anchor, between anchors, after the last one (on an anchor: that row's).
    const gaps: number[][] = Array.from({ length: n + 1 }, () => []);
    const onAnchor = new Map<number, number[]>();
    for (const i of lines) {
      // A row's figure lines are its own (with `groupCentre`, every line of the group).
      const r = rowsAt.findIndex((a) => a <= i && i <= groupEnd(a));
      if (r >= 0) onAnchor.set(r, [...(onAnchor.get(r) ?? []), i]);
      else gaps[rowsAt.filter((a) => a < i).length].push(i);
    }
    // Row r's cost: how unevenly its lines sit around its middle; an empty cell costs a little (most rows fill
    // most columns). The last row may be cut by the page's end: only its lines too far down count.
    // A cell opening in lower case ("and their carers …") is the end of the cell above.
    const cost = (r: number, own: number[]) => {
      if (own.length === 0) return 1;
      const up = centre[r] - Math.min(...own);
      const down = Math.max(...own) - centre[r];
      const opening = grid[Math.min(...own)][k];
      const opensMidSentence = /^[a-z]/.test(opening) && !startsEntry(opening) ? FIXED_WIDTH.midSentenceCost : 0;
      // With `groupCentre` (a log's rows, each whole on its page) the last row is balanced like the others.
      return opensMidSentence + (r === n - 1 && !risk.groupCentre ? Math.max(0, down - up) : Math.abs(up - down));
    };
    // best[s]: least cost of rows before r when s lines of the gap above row r go to row r (the rest above).
    let best = new Map<number, { cost: number; splits: number[] }>();
    const first = gaps[0];
    for (let s = lead ? 0 : first.length; s <= first.length; s++) best.set(s, { cost: 0, splits: [first.length - s] });
    for (let r = 0; r < n; r++) {
      const above = gaps[r];
      const below = gaps[r + 1];
      const next = new Map<number, { cost: number; splits: number[] }>();
      for (const [s, prev] of best) {
        // The last row takes every line after it.
        for (const keepBelow of r === n - 1 ? [below.length] : [...Array(below.length + 1).keys()]) {
          const own = [...above.slice(above.length - s), ...(onAnchor.get(r) ?? []), ...below.slice(0, keepBelow)];
          const total = prev.cost + cost(r, own);
          const carry = below.length - keepBelow;
          const seen = next.get(carry);
          if (!seen || total < seen.cost) next.set(carry, { cost: total, splits: [...prev.splits, keepBelow] });
        }
      }
      best = next;
    }
    const { splits } = [...best.values()].sort((a, b) => a.cost - b.cost)[0];
    // splits[0]: lines of the first gap for the lead row; splits[r + 1]: lines below row r's anchor that are row r's.
    let taken = splits[0];
    first.slice(0, taken).forEach((i) => cells[0][k].push(grid[i][k]));
    first.slice(taken).forEach((i) => cells[1][k].push(grid[i][k]));
    for (let r = 0; r < n; r++) {
      if (onAnchor.has(r)) {
        // Keep line order: the anchor's line after those above it.
        for (const i of onAnchor.get(r)!) cells[r + 1][k].push(grid[i][k]);
      }
      const below = gaps[r + 1];
      taken = splits[r + 1];
      below.slice(0, taken).forEach((i) => cells[r + 1][k].push(grid[i][k]));
      if (r + 1 < n) below.slice(taken).forEach((i) => cells[r + 2][k].push(grid[i][k]));
    }
  }
  const rows: TableRow[] = [];
  const leadCells = cells[0].map((ls) => ls.join('\n'));
  if (leadCells.some((c) => c !== '')) rows.push({ cells: leadCells.map((t) => ({ text: t })), page, ...(pageBreakBefore ? { pageBreakBefore: true } : headed ? {} : { header: true }) });
  for (let r = 0; r < n; r++) rows.push({ cells: cells[r + 1].map((ls) => ({ text: ls.join('\n') })), page, ...(r === 0 && pageBreakBefore && rows.length === 0 ? { pageBreakBefore: true } : {}) });
  return rows;
}

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
  let end = at;
  let gapped = 0;
  let blanks = 0;
  // Where the table's lines so far start a cell past the margin: a long wrapped line of a wide column starts at one.
  const cellStarts: number[] = [];
  for (let i = at; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) {
      blanks++;
      if (blanks >= 2) break;
      continue;
    }
    // A bulleted line ends the table, unless it is a row whose first cell opens with a dash ("- new cases   and …").
    if (line.includes('\t') || isProse(line) || /^\s{0,3}#/.test(line) || (BULLET_LINE.test(line) && (i === at || !isBulletedCellRow(line)))) break;
    // A line alone at the margin with a blank line after it is a heading or a caption: the table ended.
    if (i > at && !isGapped(line) && fragmentsOf(line)[0].start < FIXED_WIDTH.cellIndent && isBlank(lines[i + 1] ?? '') && (!endsRowBlock(lines, at, i, cellStarts) || opensWiderTable(lines, at, i, pageOf))) break;
    // So is a line alone at the margin with a heading's numbering ("b) Authorisation", "5) RISKS") opening a page
    // or after a blank line: a row cut by the page break goes on with its words, not with a numbered heading.
    if (i > at && (pageOf(i) !== pageOf(i - 1) || isBlank(lines[i - 1])) && !isGapped(line) && fragmentsOf(line).length === 1 && NUMBERED_HEADING.test(line)) break;
    if (isGapped(line)) {
      gapped++;
      for (const f of fragmentsOf(line)) if (f.start >= FIXED_WIDTH.cellIndent) cellStarts.push(f.start);
    } else if (fragmentsOf(line)[0].text.length > 60 && !continuesWideColumn(fragmentsOf(line)[0], cellStarts)) break;
    blanks = 0;
    end = i + 1;
  }
  const body = lines.slice(at, end);
  if (gapped < FIXED_WIDTH.minGappedLines) return null;
  // Trailing lines without a gap after the last gapped line are text after the table.
  while (end > at && !isGapped(lines[end - 1]) && fragmentsOf(lines[end - 1]).length <= 1 && !isIndentedCell(lines, at, end - 1)) end--;
  const used = lines.slice(at, end);
  if (used.filter(isGapped).length < FIXED_WIDTH.minGappedLines || body.length === 0) return null;
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

/** An amount in a line: a figure in pounds, or one with thousands separators. */
const HEADER_AMOUNT = /£\s?\d|\b\d{1,3}(,\d{3})+\b/;

/**
 * Lines where the table's header starts again (printed at each page of the original): a later line whose first
 * fragment at the margin is the header line's, with the header's indented lines above it.
 */
function headerRepeats(lines: string[], at: number, end: number): { splits: Set<number>; keys: Set<number>; ofHeaderWords: (l: string) => boolean } {
  const splits = new Set<number>();
  const keys = new Set<number>();
  const out = { splits, keys, ofHeaderWords: (_l: string) => false };
  const key = (l: string) => {
    const f = fragmentsOf(l);
    return f.length >= 2 && f[0].start < FIXED_WIDTH.cellIndent ? f[0].text.toLowerCase() : null;
  };
  let header = -1;
  for (let i = at; i < Math.min(end, at + 12); i++) {
    if (key(lines[i])) {
      header = i;
      break;
    }
  }
  if (header < 0) return out;
  // A header centred on its margin line has no amount within as many lines under it as above it: a margin line
  // that close to an amount is the first row's name cell (a borderless table, no blank line parting header and
  // rows, its header's margin cell alone on its line: "Scheme Name"). The header's margin line is then the last
  // line above it with a cell at the margin; without one there is no header to repeat.
  if (!HEADER_AMOUNT.test(lines[header]) && lines.slice(header + 1, Math.min(end, 2 * header - at + 1)).some((l) => HEADER_AMOUNT.test(l))) {
    let above = header - 1;
    while (above >= at && !(fragmentsOf(lines[above])[0]?.start < FIXED_WIDTH.cellIndent)) above--;
    if (above < at) return out;
    header = above;
  }
  const first = key(lines[header]) ?? fragmentsOf(lines[header])[0].text.toLowerCase();
  const above = header - at;
  // The first header's words, its lines above and below its margin line: a repeat prints them again, wrapped
  // at other places ("How likely is the" over "risk to" on one page, "How likely is" over "the risk to" on the next).
  const headerText = lines.slice(at, Math.min(end, header + above + 8)).join(' ').replace(/\s+/g, ' ').toLowerCase();
  const isHeaderLine = (l: string) => fragmentsOf(l).every((f) => headerText.includes(f.text.toLowerCase()));
  // Word by word, a word cut at a cell's edge ("Overal" over "l risk") being part of one of the header's words.
  const headerWords = headerText.split(' ');
  const ofHeaderWords = (l: string) => l.trim().toLowerCase().split(/\s+/).every((w) => headerWords.some((h) => h.includes(w)));
  out.ofHeaderWords = ofHeaderWords;
  for (let i = header + 1; i < end; i++) {
    const keyAt = key(lines[i]) === first ? i : wrappedKeyEnd(lines, i, end, first, ofHeaderWords);
    if (keyAt < 0) continue;
    // The header's lines above its margin line (indented cells) belong to the repeat too: as many as the first
    // header had, and any more made only of the header's words.
    let from = i;
    while (from - 1 > at && isIndentedCell(lines, at, from - 1) && (from > i - above || isHeaderLine(lines[from - 1]))) from--;
    splits.add(from);
    // The repeat's margin line is its last: the lines under it with nothing at the margin are its wrapped cells.
    keys.add(keyAt);
    i = keyAt;
  }
  // The margin line is the header when it comes again, names three or more columns, or has wrapped header cells
  // under it; a plan-details table's first label and value ("Local Authority   Eastham Council") is not one.
  const next = lines[header + 1] ?? '';
  const wrappedUnder = !isBlank(next) && fragmentsOf(next)[0]?.start >= FIXED_WIDTH.cellIndent;
  if (keys.size > 0 || fragmentsOf(lines[header]).length >= 3 || wrappedUnder) keys.add(header);
  return out;
}

/**
 * A repeat of the header whose margin cell wraps at another place than the first header's ("There is a risk" over
 * "that:" on one page, "There is a risk that:" on one line on the first, its column narrower there): from line `i`,
 * the margin fragments of the next few lines, read on, spell the first header's margin cell, and every line they
 * span holds only the header's words (`ofHeaderWords`). Returns the line of the cell's last margin fragment, or -1.
 */
function wrappedKeyEnd(lines: string[], i: number, end: number, first: string, ofHeaderWords: (l: string) => boolean): number {
  const marginText = (l: string) => {
    const f = fragmentsOf(l)[0];
    return f && f.start < FIXED_WIDTH.cellIndent ? f.text.toLowerCase() : null;
  };
  let read = marginText(lines[i]);
  if (!read || !first.startsWith(`${read} `) || !ofHeaderWords(lines[i])) return -1;
  for (let j = i + 1; j < Math.min(end, i + 6); j++) {
    if (isBlank(lines[j]) || !ofHeaderWords(lines[j])) return -1;
    const m = marginText(lines[j]);
    if (!m) continue;
    read = `${read} ${m}`;
    if (read === first) return j;
    if (!first.startsWith(`${read} `)) return -1;
  }
  return -1;
}

/**
 * A long line of one fragment, indented, is a wrapped line of a wide later column (mitigating actions written
 * across half the page) when earlier lines of the table start a cell where it starts: indented prose starts
 * nowhere in particular.
 */
function continuesWideColumn(f: Fragment, cellStarts: number[]): boolean {
  if (f.start < FIXED_WIDTH.cellIndent) return false;
  return cellStarts.filter((x) => Math.abs(x - f.start) <= FIXED_WIDTH.edgeSlack).length >= 2;
}

/**
 * The first line of a table whose value was typeset one space after its label ("Minimum required 2014/15", the
 * values of the lines below starting a few characters further right): the line with the value moved to where the
 * values below start, or null. The value is a year or a figure, and two or more lines below start a value of the
 * same kind within `cellIndent` of it.
 */
function valueRunIntoLabel(lines: string[], at: number): string | null {
  const f = fragmentsOf(lines[at]);
  if (f.length !== 1 || f[0].start >= FIXED_WIDTH.cellIndent || !isGapped(lines[at + 1] ?? '')) return null;
  const m = /^(.*\S) (\S+)$/.exec(lines[at]);
  if (!m) return null;
  const [, label, value] = m;
  const isYear = (t: string) => YEAR_ONLY.test(t);
  const kind = isYear(value) ? isYear : FIGURE.test(value) && /\d/.test(value) ? (t: string) => FIGURE.test(t) && /\d/.test(t) && !isYear(t) : null;
  if (!kind) return null;
  const x = label.length + 1;
  const starts: number[] = [];
  for (const l of lines.slice(at + 1, at + 7)) {
    if (isBlank(l)) break;
    for (const g of fragmentsOf(l)) {
      const first = g.text.split(/\s+/)[0];
      if (g.start >= FIXED_WIDTH.cellIndent && kind(first) && Math.abs(g.start - x) <= FIXED_WIDTH.cellIndent) starts.push(g.start);
    }
  }
  const to = starts.find((s0) => starts.filter((s1) => Math.abs(s1 - s0) <= FIXED_WIDTH.edgeSlack).length >= 2);
  if (to === undefined || to < label.length + FIXED_WIDTH.columnGap) return null;
  return label.padEnd(to) + value;
}

/** A heading's numbering at the margin, as the templates number their sections: "1)", "b)", "4 a)". */
const NUMBERED_HEADING = /^(\d{1,2}\s*\)|\d{1,2}\s+[a-h]\)|[a-h]\))\s+[A-Z]/;

/**
 * Rows of a part whose rows a writer padded apart with blank lines: every block of lines between blank lines holds
 * exactly one line of figures (a row's cells wrap and centre around it), the first block none (the header) or one.
 * Each block is then one row, however its cells wrap: the blank lines say where rows end better than any guess
 * from where entries start. `kept`: the part's line numbers (blank lines left out, so a jump is a blank line);
 * `lines`: the part's lines, `grid` their cells.
 * Null when the part is not laid out so.
 */
function paddedRowBlocks(kept: number[], lines: string[], grid: string[][], page: number | null, pageBreakBefore: boolean): TableRow[] | null {
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
function endsRowBlock(lines: string[], at: number, i: number, cellStarts: number[]): boolean {
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

/**
 * A title opening a page over a wider table: a workbook printed sheet by sheet puts each sheet's title at the top
 * of its page, a blank line, then the sheet's own header. Where that header has more cells than any line of the
 * table so far (an expenditure plan under a two-column income grid), the title starts a new table, not a row.
 */
function opensWiderTable(lines: string[], at: number, i: number, pageOf: (i: number) => number | null): boolean {
  if (pageOf(i) === pageOf(i - 1)) return false;
  const next = lines.slice(i + 1).find((l) => !isBlank(l));
  if (next === undefined || !isGapped(next)) return false;
  const widest = Math.max(...lines.slice(at, i).map((l) => fragmentsOf(l).length));
  return fragmentsOf(next).length > widest;
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

/** A line with one fragment that sits under a later column of the table above (a wrapped cell). */
function isIndentedCell(lines: string[], at: number, i: number): boolean {
  const f = fragmentsOf(lines[i]);
  return f.length >= 1 && f[0].start >= FIXED_WIDTH.cellIndent && i > at;
}

/** Short words a cell's line can start with: never the cut end of a longer word. */
const SHORT_WORDS = new Set('a i an as at be by do go he if in is it me my no of on or so to up us we st nd rd th am pm eg ie vs ok'.split(' '));

/**
 * Words cut at a narrow cell's right edge rejoined (tables.md class 3: "Mediu" over "m", "materialis" over "e?",
 * "Overal" over "l risk"): pdftotext writes the cell's next line from the cell's left edge, so the cut end opens a
 * fragment exactly under the cut word, one or two lines down. The end is one or two lower-case letters (maybe with
 * a stop or a question mark) and not a short word of its own; the cut word ends its fragment and has four letters
 * or more. The end's place is left blank, so the other columns keep their places. Pure, line for line.
 */
export function rejoinCutWords(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    for (const f of fragmentsOf(out[i])) {
      const last = /(\S+)$/.exec(f.text)![1];
      const x = f.end - last.length;
      if (!/^[A-Za-z(]?[A-Za-z]{3,}[a-z]$/.test(last)) continue;
      for (const j of [i + 1, i + 2]) {
        const below = out[j] ?? '';
        // Two lines down only past a line with nothing under the word (another column's line).
        if (j === i + 2 && (out[i + 1] ?? '').slice(x, x + last.length).trim() !== '') break;
        const rest = /^([a-z]{1,2})([.?:,;)]?)(?=\s|$)/.exec(below.slice(x));
        if (!rest || (x > 0 && below[x - 1] !== ' ') || SHORT_WORDS.has(rest[1])) continue;
        const cut = rest[0].length;
        out[i] = out[i].slice(0, f.end) + rest[0] + out[i].slice(f.end + Math.min(cut, Math.max(0, /^ */.exec(out[i].slice(f.end))![0].length - 1)));
        out[j] = (below.slice(0, x) + ' '.repeat(cut) + below.slice(x + cut)).replace(/[ ]+$/, '');
        break;
      }
    }
  }
  return out;
}

/** A year cut at a narrow cell's edge in laid-out text: "2014/1" with its last digit on the line below, or
 *  "2014/" with both ("15"). */
const CLIPPED_YEAR = /(^|\s)(20(\d\d)[/\-–](\d?))(?=\s|$)/g;

/**
 * Years cut at a cell edge rejoined (tables.md class 3: "2014/1" over "5"): the digit below, alone at the same
 * place, goes back onto the year when the two make the year after the first half ("2014/15"); the digit's line
 * keeps its layout. Pure, line for line.
 */
export function rejoinClippedYears(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    for (const m of [...out[i].matchAll(CLIPPED_YEAR)].reverse()) {
      const x = (m.index ?? 0) + m[1].length;
      const end = x + m[2].length;
      const next = (Number(m[3]) + 1) % 100;
      // "2014/1" + "5": the cut digit completes the year after the first half; "2014/" + "15" both digits.
      if (m[4] !== '' && Math.floor(next / 10) !== Number(m[4])) continue;
      const rest = m[4] === '' ? String(next).padStart(2, '0') : String(next % 10);
      // The rest: alone, under the year, on one of the next two lines (another column's line may come between).
      for (const j of [i + 1, i + 2]) {
        const below = out[j] ?? '';
        const at = [...below.slice(x, end + 1)].findIndex(
          (_, k) => below.startsWith(rest, x + k) && below.slice(x + k + rest.length, x + k + rest.length + 2).trim() === '' && (below[x + k - 1] ?? ' ') === ' ',
        );
        if (at < 0 || below.slice(Math.max(0, x - 2), x + at).trim() !== '') continue;
        // Keep the columns after it where they were: the inserted digits take spaces, leaving one.
        const after = out[i].slice(end);
        const spaces = /^ */.exec(after)![0].length;
        out[i] = out[i].slice(0, end) + rest + after.slice(Math.min(rest.length, Math.max(0, spaces - 1)));
        out[j] = (below.slice(0, x + at) + ' '.repeat(rest.length) + below.slice(x + at + rest.length)).replace(/[ ]+$/, '');
        break;
      }
    }
  }
  return out;
}
