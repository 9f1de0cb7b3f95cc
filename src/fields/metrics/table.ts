// Reading one metric table (a grid of the logical-table stage): the value columns its header rows announce, the
// metric each value row names, numerator / denominator / period rows beneath, and row-wise figures.
import type { DocumentModel, Finding } from '../../model/document.js';
import { provenanceOf, textsBefore, type Grid, type GridRow } from '../../tables/grids.js';
import type { Metric, MetricKey } from '../../record/schema.js';
import { cleanCellText } from '../../text/clean.js';
import { isYearOnly } from '../../text/years.js';
import { parseMetricNumber, periodOf, unitOf, type MetricNumber } from './labels.js';
import type { MetricWords } from './vocabulary.js';

interface Column {
  kind: Metric['kind'];
  period: string | null;
}

export interface MetricContext {
  key: MetricKey | null;
  /** The descriptive label (long first cell), else the heading that named the metric. */
  label: string | null;
}

interface GridState {
  columns: Map<number, Column>;
  /** Values read since the last column header, by column, for numerator/denominator/period rows. */
  values: Map<number, Metric>;
}

/** A column header row: cells announcing a kind of value, each with a period, or "Baseline". `yearRow` is
 *  the row above when it holds only years, for two-row headers ("2023-24" over "Q1 Plan | Q2 Plan"). */
function columnsOf(cells: string[], yearRow: string[] | null, words: MetricWords): Map<number, Column> | null {
  // A row holding values is data ("2013/14 Outturn | 31207"), not a header.
  if (cells.some((c) => parseMetricNumber(c) || /^[+\-−–]\s*\d/.test(c))) return null;
  const cols = new Map<number, Column>();
  cells.forEach((c, i) => {
    if (i === 0 || !c || c.length > 80 || /\b(change|difference|variance)\b/i.test(c)) return;
    const kind = words.kindOf(c);
    let period = periodOf(c);
    if (kind && !period && yearRow) {
      // The year of a merged cell sits at its left edge.
      const above = yearRow.slice(0, i + 1).reverse().find((y) => y && isYearOnly(y));
      const quarter = /\bQ\s?([1-4])\b/i.exec(c)?.[1];
      const year = above ? periodOf(above) : null;
      if (year) period = quarter ? `${year} Q${quarter}` : year;
    }
    if (kind && (period || kind === 'baseline' || words.declaresColumn(c) || /performance underpin\w*/i.test(c))) cols.set(i, { kind, period });
  });
  return cols.size > 0 ? cols : null;
}

/** Numbers of a data row under the header's columns. A flattened row can sit one or two cells off its header
 *  (a label cell the header merged); the alignment that puts the most numbers under columns wins. */
function numbersUnder(cells: string[], columns: Map<number, Column>): { shift: number; numbers: Map<number, MetricNumber> } {
  let best = { shift: 0, numbers: new Map<number, MetricNumber>() };
  for (const shift of [0, 1, 2, -1]) {
    const numbers = new Map<number, MetricNumber>();
    for (const i of columns.keys()) {
      const n = cells[i + shift] ? parseMetricNumber(cells[i + shift]) : null;
      if (n) numbers.set(i, n);
    }
    if (numbers.size > best.numbers.size) best = { shift, numbers };
  }
  return best;
}

/** A row or column that states a planned reduction or increase rather than the level planned. */
const PLANNED_CHANGE = /\b(prevent(ed)?|reduc(e|ed|tion)|increase|avoid(ed)?|fewer|change in)\b/i;

/** A cell saying there is no value: "N/A", "n/a", "-", "not supplied", "nil". */
const NO_VALUE = /^\s*(n\/?a|not applicable|not supplied|not available|-|–|nil|none)\s*$/i;

const MONEY_WORDS = /£|\bsavings?\b|\bcosts?\b|\bspend|expenditure|\bfunding\b|\bbudget|\bincome\b|\binvestment\b|\bcontribution/i;

export function updateContext(ctx: MetricContext, text: string, words: MetricWords): void {
  const key = words.metricKeyOf(text);
  if (!key) return;
  const label = text.replace(/^\s*[\d.]+\s+/, '').trim();
  // A cell holding the start of the label already read whole (the label line cut at the value column's edge)
  // names the same metric and keeps the whole label.
  if (ctx.key === key && ctx.label && ctx.label.length > label.length && ctx.label.startsWith(label)) return;
  ctx.key = key;
  ctx.label = label;
}

function makeMetric(key: MetricKey, label: string, col: Column, n: MetricNumber, rowLabel: string, page: number | null, text: string, row: Pick<GridRow, 'block' | 'ref'>): Metric {
  return {
    metric: key,
    label,
    period: col.period,
    kind: col.kind,
    value: n.value,
    unit: unitOf(label, rowLabel, n, key),
    numerator: null,
    denominator: null,
    page,
    ...provenanceOf(row),
    text,
  };
}

/** Row-wise figures: a cell naming period and kind, then the value ("2014/15 Plan | 30452 (All Providers)",
 *  "How many non-elective admissions is the BCF planned to prevent in 14-15? | 310"). */
export function rowWiseMetric(
  cells: string[],
  carried: MetricContext,
  page: number | null,
  text: string,
  row: Pick<GridRow, 'block' | 'ref'>,
  words: MetricWords,
): Metric | null {
  for (let i = 0; i < cells.length - 1; i++) {
    const c = cells[i];
    if (!c || /\bchange\b|%/.test(c.toLowerCase())) continue;
    const kind = words.kindOf(c);
    const period = periodOf(c);
    if (!kind || !period) continue;
    const n = parseMetricNumber(cells[i + 1]);
    if (!n) continue;
    // A long cell is a question or description in its own right; a short one ("2013/14 Outturn") takes the row label.
    const own = c.length > 40 ? words.metricKeyOf(c) : null;
    const firstLabel = cells.slice(0, i).find((x) => x && !parseMetricNumber(x));
    const key = own ?? (firstLabel ? words.metricKeyOf(firstLabel) : null) ?? carried.key;
    if (!key) return null;
    const label = own ? c : (firstLabel ?? carried.label ?? c);
    if (!own && firstLabel) updateContext(carried, firstLabel, words);
    // "… is the BCF planned to prevent in 14-15?": a planned change, not a level (records.md v2).
    const changeKind = kind === 'plan' && PLANNED_CHANGE.test(c) ? 'plan_change' : kind;
    return makeMetric(key, label, { kind: changeKind, period }, n, c, page, text, row);
  }
  return null;
}

/**
 * The metrics of one table: value columns announced by header rows ("2021-22 Q1 Actual", "Baseline"), the metric
 * named by the row's label, a heading just above, or a row that only names it; numerator and denominator rows
 * under a value row; a period row dating the values above it; row-wise figures ("2013/14 Outturn | 31207").
 */
export function readMetricTable(doc: DocumentModel, table: Grid, messages: Finding[], words: MetricWords): Metric[] {
  const { metricKeyOf, isRowTypeLabel, rowRole } = words;
  const metrics: Metric[] = [];
  // A short heading or line just above the table naming a metric ("8.5 Reablement") sets the context.
  const ctx: MetricContext = { key: null, label: null };
  const named = textsBefore(doc, table.blockStart, 2).find((t) => t.text.length < 160 && metricKeyOf(t.text));
  if (named) updateContext(ctx, named.text, words);
  let rowLabelCtx: MetricContext = { ...ctx };
  let grid: GridState | null = null;
  let previous: string[] | null = null;
  const allCells = table.rows.map((r) => r.cells.map(cleanCellText));
  // The block's name may sit on any of its rows: on the value row, centred beside the block, or on its last row
  // (a sheet bottom-aligns a merged cell). Looked for below the value row, up to the next value row.
  const nameBelow = (from: number, firstCol: number): string | undefined => {
    // Only the block's own numerator and denominator rows: a row without such a label ends the block.
    for (let j = from + 1; j < allCells.length; j++) {
      const labels = allCells[j].slice(0, firstCol).filter(Boolean);
      const kind = labels.find(isRowTypeLabel);
      if (!kind || rowRole([kind]) === 'value') return undefined;
      const name = labels.find((l) => !isRowTypeLabel(l) && metricKeyOf(l));
      if (name) return name;
    }
    return undefined;
  };
  for (const [index, row] of table.rows.entries()) {
    const cells = allCells[index];
    const page = row.page;
    const text = row.cells.map((c) => c.replace(/\s*\n\s*/g, ' ')).join('\t');
    if (cells.every((c) => !c)) continue;
    const yearRow = previous && previous.slice(1).some((c) => c && isYearOnly(c)) ? previous : null;
    previous = cells;

    const cols = columnsOf(cells, yearRow, words);
    if (cols && cells.some((c) => MONEY_WORDS.test(c))) {
      // A finance table with plan/actual columns ("2014/15 Planned expenditure (£000s)") is not a metric table.
      grid = null;
      continue;
    }
    if (cols) {
      grid = { columns: cols, values: new Map() };
      if (cells[0]) updateContext(ctx, cells[0], words);
      continue;
    }
    if (grid) {
      const g: GridState = grid;
      const { shift, numbers } = numbersUnder(cells, g.columns);
      const firstCol = Math.min(...g.columns.keys()) + shift;
      if (numbers.size > 0) {
        const labels = cells.slice(0, firstCol).filter(Boolean);
        if (labels.some((l) => MONEY_WORDS.test(l))) continue;
        const role = rowRole(labels);
        const described = labels.find((l) => !isRowTypeLabel(l)) ?? (role === 'value' ? nameBelow(index, firstCol) : undefined);
        if (described) {
          ctx.key = metricKeyOf(described) ?? ctx.key;
          ctx.label = described;
        }
        if (role === 'value') {
          if (!ctx.key) {
            messages.push({ level: 'info', message: 'metric row with no recognised metric skipped', page, source: text.slice(0, 200) });
            continue;
          }
          const label = described ?? ctx.label ?? labels.join(' ');
          g.values.clear();
          for (const [i, n] of numbers) {
            const m = makeMetric(ctx.key, label, g.columns.get(i)!, n, labels.join(' '), page, text, row);
            if (m.unit === 'percent' && m.value > 100) continue;
            g.values.set(i, m);
            metrics.push(m);
          }
        } else {
          for (const [i, n] of numbers) {
            const m = g.values.get(i);
            if (m) m[role] = n.value;
          }
        }
        continue;
      }
      // A period row under the values ("( April 2012 - March 2013 )") dates the values just read.
      const periodShift = [0, 1, 2, -1].find((k) => [...g.columns.keys()].some((i) => cells[i + k] && periodOf(cells[i + k]))) ?? 0;
      // "N/A" under a column that has no value for this metric is no period and no obstacle.
      const inColumns = [...g.columns.keys()].filter((i) => cells[i + periodShift] && !NO_VALUE.test(cells[i + periodShift]));
      const periods = inColumns.map((i) => [i, periodOf(cells[i + periodShift])] as const).filter(([, p]) => p);
      if (periods.length > 0 && periods.length === inColumns.length) {
        for (const [i, p] of periods) {
          const m = g.values.get(i);
          if (m && m.period === null) m.period = p;
        }
        continue;
      }
      // A row that only names the next metric ("8.4 Residential Admissions").
      if (cells[0] && cells.slice(1).every((c) => !c)) {
        updateContext(ctx, cells[0], words);
        continue;
      }
    }
    const m = rowWiseMetric(cells, rowLabelCtx, page, text, row, words);
    if (m) metrics.push(m);
    else if (cells[0] && metricKeyOf(cells[0])) {
      rowLabelCtx = { key: metricKeyOf(cells[0]), label: cells[0] };
      if (cells.slice(1).every((c) => !c)) updateContext(ctx, cells[0], words);
    }
  }
  return metrics;
}
