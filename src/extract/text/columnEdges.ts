// Column edges of a part of a fixed-width table: where the lines' fragments start in common (a projection profile
// over character positions), edges never used on one line merged into one column unless their cells are unlike
// (figures beside words, a score column beside sentences), a wrapped header's edges kept; and edges of one part
// matched to another's in order by relative position (a page at other offsets, a header printed on the page
// before its rows: tables.md class 2).
import { RATING_OR_CUT_SOURCE } from '../../text/ratingWords.js';
import { FIXED_WIDTH, fragmentsOf, isFigure } from './fragments.js';
import { cellsOf } from './lineCells.js';

/** Lines of words per line opening with a number under which a column is still one of sentences. */
const FIGURES_AMONG_WORDS = 8;
/** A fragment opening with a rating word, or a score and one ("Mediu", "12 Medium"). */
const RATED_OPENING = new RegExp(`^(\\d{1,2}\\s+)?${RATING_OR_CUT_SOURCE}\\b`, 'i');

/**
 * Column starts from the left edges the lines share: a fragment starts a cell, so the places where fragments of
 * two or more lines start (within `edgeSlack`) are columns. Two edges never used on the same line and close
 * together are one column written at different offsets (right-aligned figures, centred scores).
 */
export function columnsOf(lines: string[], minSupport?: number, headerLines = 0): number[] {
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
export function headerOnColumns(headerLines: string[], cols: number[]): string[] {
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
export function continuedColumns(lines: string[], previous: number[]): { starts: number[]; target: number[] } {
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
