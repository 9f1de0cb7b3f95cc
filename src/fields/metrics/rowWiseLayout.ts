// Row-wise metric figures in a table laid out with spaces (pdftotext -layout) whose rows the fixed-width reader
// could not tell apart: the 2014 provider-commentary annex (metric name | period and kind | value, "2013/14
// Outturn | 31207 (All Providers)") on a wide or landscape page, or in large type, where every cell wraps over
// several lines, is centred on its row, and no blank line parts the rows. The rows are rebuilt from the table's
// lines as laid out: the value column is where the figures start, a value cell opens at a figure (not inside the
// bracketed note of the one before, "315 (this is the BCF for Quarter 4 16/17)"), and the label lines left of it
// are cut between rows where each label sits most evenly around its value and opens as a row label does.
import type { DocumentModel } from '../../model/document.js';
import type { Grid } from '../../tables/grids.js';
import type { Metric } from '../../record/schema.js';
import { rowWiseMetric, updateContext, type MetricContext } from './table.js';
import type { MetricWords } from './vocabulary.js';

interface Word {
  text: string;
  x: number;
}

/** A figure opening a value cell: "31207", "315", "-3.4%" (a change row's value: it still holds its row). */
const VALUE_OPENING = /^[-–+]?\d[\d,]*(\.\d+)?%?$/;
/** Characters pdftotext moves a cell's words left where they would run into the cell before ("admissions BCF for"). */
const SQUEEZE = 3;
/** A row label opening with its period ("2014/15 Plan", "14/15 Change …"); "14-15?" ends a question instead. */
const PERIOD_OPENING = /^(20)?\d\d[/-]\d\d(\s|$)/;
/** What a cut costs where the label below opens mid-phrase (lower case), or with a capital not after a closed one. */
const MID_PHRASE_COST = 3;
const CAPITAL_COST = 1;
/** What a value with no label beside it costs: every row of the shape says what its value is. */
const EMPTY_LABEL_COST = 3;

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], x: m.index ?? 0 }));
}

/** Where the value column starts on a page: the edge most figures start at (right-aligned figures and squeezed
 *  lines a few characters apart are one edge), the rightmost on a tie. Null when the page has no figure. */
function valueEdge(lines: Word[][]): number | null {
  const xs = lines.flatMap((ws) => ws.filter((w) => VALUE_OPENING.test(w.text)).map((w) => w.x));
  if (xs.length === 0) return null;
  xs.sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const x of xs) {
    const last = clusters[clusters.length - 1];
    if (last && x - last[last.length - 1] <= SQUEEZE) last.push(x);
    else clusters.push([x]);
  }
  const best = clusters.reduce((a, b) => (b.length >= a.length ? b : a));
  const mode = [...new Set(best)].reduce((a, b) => (best.filter((x) => x === b).length >= best.filter((x) => x === a).length ? b : a));
  return Math.min(best[0], mode - SQUEEZE);
}

interface ValueCell {
  text: string;
  first: number;
  /** Its lines with words of the value column. */
  lines: number[];
}

interface Split {
  label: Word[];
  value: string;
  page: number | null;
}

/**
 * Metrics of a table laid out with spaces, read row-wise from its lines; null where the table has no layout or
 * fewer than two value cells. The caller keeps whichever of this and the grid's reading finds more.
 */
export function rowWiseLaidOut(doc: DocumentModel, table: Grid, metricWords: MetricWords): Metric[] | null {
  const block = doc.blocks[table.blockStart];
  if (!block || block.kind !== 'table' || !block.layout || block.layout.length < 3) return null;
  const layout = block.layout;
  const words = layout.map((l) => wordsOf(l.text));
  // Each page of the table has its own column positions.
  const edges = new Map<number | null, number | null>();
  for (const page of new Set(layout.map((l) => l.page))) edges.set(page, valueEdge(words.filter((_, i) => layout[i].page === page)));
  let lastEdge: number | null = null;
  const split: Split[] = layout.map((l, i) => {
    const edge = edges.get(l.page) ?? lastEdge;
    lastEdge = edge;
    const label = edge === null ? words[i] : words[i].filter((w) => w.x < edge);
    const value = edge === null ? [] : words[i].filter((w) => w.x >= edge);
    return { label, value: value.map((w) => w.text).join(' '), page: l.page };
  });

  // Value cells: each opens at a figure outside the bracket of the one before and runs to the next.
  const cells: ValueCell[] = [];
  let depth = 0;
  split.forEach((s, i) => {
    if (!s.value) return;
    const opens = depth <= 0 && VALUE_OPENING.test(s.value.split(' ')[0]);
    if (opens) cells.push({ text: s.value, first: i, lines: [i] });
    else if (cells.length > 0) {
      const c = cells[cells.length - 1];
      c.text += ` ${s.value}`;
      c.lines.push(i);
    }
    if (opens || cells.length > 0) depth = Math.max(0, depth + (s.value.match(/\(/g)?.length ?? 0) - (s.value.match(/\)/g)?.length ?? 0));
  });
  if (cells.length < 2) return null;

  const labelLines = split.flatMap((s, i) => (s.label.length > 0 ? [i] : []));
  const cuts = cutLabels(labelLines, split, cells);
  const ctx: MetricContext = { key: null, label: null };
  const out: Metric[] = [];
  cells.forEach((cell, r) => {
    const own = labelLines.slice(cuts[r], cuts[r + 1]);
    const label = own.map((i) => textOf(split[i].label)).join(' ');
    const page = layout[cell.first].page;
    const row = { block: table.blockStart };
    const text = `${label}\t${cell.text}`;
    // The metric's name and the row's period and kind share the label column's lines: the row label is what
    // follows the period that opens it ("non-elective 2013/14" / "FFCEs in Outturn"), where one does.
    const named = nameAndRowLabel(own, split);
    const m = (named && rowWiseMetric([named.name, named.rowLabel, cell.text], ctx, page, text, row, metricWords)) ?? rowWiseMetric([label, cell.text], ctx, page, text, row, metricWords);
    if (m) out.push(m);
    else if (label.length < 160) updateContext(ctx, label, metricWords);
    // A label read whole (name and row label not told apart) that named the metric is the context of the rows
    // after it ("2014/15 Plan").
    if (m && !ctx.key && !/\?\s*$/.test(m.label)) updateContext(ctx, m.label, metricWords);
  });
  return out;
}

/** A row's label lines as the metric's name and the row label: the row label starts at the row's first period
 *  word; later lines' words from about that column on are the row label's. Null where no line has such a word
 *  after the line's first word. */
function nameAndRowLabel(own: number[], split: Split[]): { name: string; rowLabel: string } | null {
  const texts = own.map((i) => split[i].label);
  const opensRowLabel = (w: Word, k: number) => k > 0 && PERIOD_OPENING.test(`${w.text} `);
  const at = texts.findIndex((ws) => ws.some(opensRowLabel));
  if (at < 0) return null;
  const column = texts[at].find(opensRowLabel)!.x - SQUEEZE;
  const name: Word[] = [];
  const rowLabel: Word[] = [];
  texts.forEach((ws, n) => {
    // A line's words from the row label's column on are the row label's ("FFCEs in Outturn").
    for (const [k, w] of ws.entries()) (n >= at && w.x >= column && ws.slice(k).every((v) => v.x >= column) ? rowLabel : name).push(w);
  });
  return { name: textOf(name), rowLabel: textOf(rowLabel) };
}

const textOf = (ws: Word[]) => ws.map((w) => w.text).join(' ');

/**
 * Which label lines go with which value cell: cuts[r] is the first label line (index into `labelLines`) of row r.
 * A small dynamic programme over the cuts: a row costs how unevenly its label sits around its value's middle
 * (nothing where a page break cut the row: its halves are centred on no line), a cut what its opening line says.
 */
function cutLabels(labelLines: number[], split: Split[], cells: ValueCell[]): number[] {
  const n = cells.length;
  const m = labelLines.length;
  const rowCost = (r: number, a: number, b: number): number => {
    if (a === b) return EMPTY_LABEL_COST;
    const own = labelLines.slice(a, b);
    let cost = 0;
    // Page by page: a row a page break cut is centred on each page on its own lines there, and a part of it with
    // no value beside it (the label's tail on the next page) is centred on nothing.
    for (const page of new Set(own.map((i) => split[i].page))) {
      const values = cells[r].lines.filter((i) => split[i].page === page);
      const labels = own.filter((i) => split[i].page === page);
      if (values.length === 0) continue;
      const middle = (values[0] + values[values.length - 1]) / 2;
      cost += Math.abs(middle - labels[0] - (labels[labels.length - 1] - middle));
    }
    return cost;
  };
  const openCost = (a: number): number => {
    if (a >= m) return 0;
    const text = textOf(split[labelLines[a]].label);
    if (PERIOD_OPENING.test(text)) return 0;
    if (/^\p{Lu}/u.test(text)) return a > 0 && /[?.)]$/.test(textOf(split[labelLines[a - 1]].label)) ? 0 : CAPITAL_COST;
    return MID_PHRASE_COST;
  };
  // best[r][a]: least cost of rows before r with row r opening at label line a.
  let best: Array<{ cost: number; cuts: number[] } | undefined> = [{ cost: 0, cuts: [0] }];
  for (let r = 0; r < n; r++) {
    const next: Array<{ cost: number; cuts: number[] } | undefined> = [];
    best.forEach((prev, a) => {
      if (!prev) return;
      const ends = r === n - 1 ? [m] : [...Array(m - a + 1).keys()].map((k) => a + k);
      for (const b of ends) {
        const cost = prev.cost + rowCost(r, a, b) + (r < n - 1 ? openCost(b) : 0);
        if (!next[b] || cost < next[b]!.cost) next[b] = { cost, cuts: [...prev.cuts, b] };
      }
    });
    best = next;
  }
  return best[m]!.cuts;
}
