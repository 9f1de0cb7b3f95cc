// Metric tables: values under column headers that say what kind of value they hold ("2021-22 Q1 Actual",
// "2022-23 Plan", "2021-22 estimated", "Baseline"), with "Numerator"/"Denominator" rows and period rows
// beneath them (2014 Part 2 and 2022 planning templates); and row-wise figures where a cell names a
// period and kind ("2013/14 Outturn | 31207") as in the 2014 provider-commentary annex.
// Tables without such headers (benchmarks against comparators, population indicators, modelling) are
// context, and figures in prose or rationale cells are not metrics. The reader: which tables (the grids, and the
// tables text conversion flattened, rebuilt by src/tables from the specs below), each read by ./table.ts.
// Every reader names a metric, a row's role and a column's kind by the template's declared metrics tables first,
// then the general vocabulary (./vocabulary.ts): the specs below are built from those words once per call.
import type { DocumentModel, Finding, Result } from '../../model/document.js';
import { documentTables, type DocumentTables } from '../common/documentTables.js';
import type { Grid } from '../../tables/grids.js';
import type { Metric } from '../../record/schema.js';
import { fieldRanges, fieldReads, type Segmentation } from '../../segment/types.js';
import { periodicCellGrids, typedLineGrids, type PeriodicSpec } from '../../tables/periodicCells.js';
import { periodStackGrids, type PeriodStackSpec } from '../../tables/periodStack.js';
import { roleColumnGrids, type RoleColumnSpec } from '../../tables/roleColumns.js';
import { cleanCellText } from '../../text/clean.js';
import { parseMetricNumber, periodOf } from './labels.js';
import { annexQuestionRows } from './annexQuestions.js';
import { nameAroundValue } from './cutName.js';
import { rowWiseLaidOut } from './rowWiseLayout.js';
import { readMetricTable, rowWiseMetric, updateContext, type MetricContext } from './table.js';
import { metricWords, type MetricWords } from './vocabulary.js';

/** What a metric table's cells look like, for tables saved one cell per line. */
function metricCells(words: MetricWords): PeriodicSpec {
  return {
    isColumnHeader: (c) => c.length <= 60 && words.kindOf(c) !== null && (periodOf(c) !== null || /baseline/i.test(c)),
    isValue: (c) => parseMetricNumber(c) !== null,
    opensRow: (c) => c.length > 3 && words.metricKeyOf(c) !== null,
  };
}

/** What a metric table looks like in text that lost it (pdftotext): a stack of period pieces, runs of values. */
function metricStack(words: MetricWords): PeriodStackSpec {
  const kindWords = new Set(words.kindHeaderWords);
  return {
    kindWord: (w) => (kindWords.has(w.toLowerCase()) ? words.kindOf(w) : null),
    // A kind word cut at its cell edge ("Actu", "estimat"): three letters or more of one, not the whole.
    kindHead: (w) => w.length >= 3 && words.kindHeaderWords.some((k) => k.startsWith(w.toLowerCase()) && k !== w.toLowerCase()),
    isValue: (t) => parseMetricNumber(t) !== null,
    namesTable: (t) => t.length < 200 && words.metricKeyOf(t) !== null,
    roleWord: /^(numerator|denominator)$/i,
    // A row's label has words: a "%" alone is a value's sign cut off at its cell edge ("76.5" / "%").
    isRowType: (t) => /\p{L}/u.test(t) && words.isRowTypeLabel(t),
  };
}

/** What a metrics sheet's value column header looks like: a kind of value ("Current Baseline", "Performance
 *  underpinnin", clipped). */
function metricRoleColumns(words: MetricWords): RoleColumnSpec {
  return {
    namesColumn: (t) => t.length <= 80 && (words.kindOf(t) !== null || /performance underpin/i.test(t)),
    roleWords: words.roleWords,
    roleOf: (label) => words.rowRole([label]),
  };
}

/** Every metric value in the document's metric tables, in document order. */
export function extractMetrics(doc: DocumentModel, seg: Segmentation, tables: DocumentTables = documentTables(doc)): Result<Metric[]> {
  const metrics: Metric[] = [];
  const messages: Finding[] = [];
  // The template's declared words first, then the general vocabulary: the specs are built once per call.
  const words = metricWords(tables.declarations);
  const cells = metricCells(words);
  const stack = metricStack(words);
  // Metric tables saved one cell per line (LibreOffice text) become grids too.
  const ranges = fieldRanges(seg, 'metrics', doc.blocks.length);
  const periodic = ranges.flatMap(([from, to]) => periodicCellGrids(doc, from, to, cells));
  // Where empty cells left nothing at all (markdown), the cells are placed by what each one is.
  const typed = ranges.flatMap(([from, to]) => typedLineGrids(doc, from, to, periodic, { ...cells, isRowType: words.isRowTypeLabel }));
  // Where text conversion flattened the table (pdftotext), its period header and runs of values.
  const inStream = (i: number) => [...periodic, ...typed].some((g) => i >= g.blockStart && i < g.blockEnd);
  const stacked = ranges.flatMap(([from, to]) => periodStackGrids(doc, from, to, stack, inStream));
  // A metrics sheet printed column by column (raw pdftotext): its blocks dealt back into rows.
  const roleColumns = roleColumnGrids(doc, metricRoleColumns(words)).filter((g) => !inStream(g.blockStart));
  const stream = [...periodic, ...typed, ...stacked, ...roleColumns];
  // A laid-out table read as a period stack is not read again as its (garbled) columns.
  const grids = tables.grids.filter((g) => ![...stacked, ...roleColumns].some((s) => s.blockStart < g.blockEnd && g.blockStart < s.blockEnd));
  for (const table of [...grids, ...stream].sort((x, y) => x.blockStart - y.blockStart)) {
    // Only the tables in the sections the template gives metrics (outcomes and metrics, provider commentary).
    if (!fieldReads(seg, 'metrics', table.blockStart, doc.blocks.length)) continue;
    const read = readMetricTable(doc, table, messages, words);
    // A row-wise table laid out with spaces whose rows ran together is read again from its lines (./rowWiseLayout.ts),
    // where that finds more of its figures than its cells did.
    const laidOut = rowWiseLaidOut(doc, table, words);
    metrics.push(...(laidOut && laidOut.length > read.length ? laidOut : read));
  }
  // The annex's question rows in raw reading order (./annexQuestions.ts), their lines read by no other line reader.
  const questions = annexQuestionRows(doc, seg, (i) => stream.some((g) => i >= g.blockStart && i < g.blockEnd), words);
  const lineMetrics = [...questions.metrics, ...rowWiseLines(doc, seg, stream, words).filter((m) => m.block == null || !questions.covers(m.block))];
  metrics.push(...lineMetrics.sort((a, b) => (a.block ?? 0) - (b.block ?? 0)));
  return { value: dedupe(metrics), messages };
}

/**
 * Row-wise figures whose cells arrived one per line (a table saved as text or markdown): a line naming a period
 * and kind ("2013/14 Outturn") and the value on the next ("31207 (All Providers)"), under the last line that
 * named a metric. Only lines outside every table, in the sections the template gives metrics.
 */
function rowWiseLines(doc: DocumentModel, seg: Segmentation, grids: Grid[], words: MetricWords): Metric[] {
  const out: Metric[] = [];
  const inGrid = (i: number) => grids.some((g) => i >= g.blockStart && i < g.blockEnd);
  const line = (i: number) => {
    const b = doc.blocks[i];
    return b && b.kind === 'paragraph' && !inGrid(i) ? cleanCellText(b.text) : null;
  };
  // In reading order (pdftotext) the label cell comes as a block of short lines, the period and kind apart
  // ("non-elective 2013/14" / "FFCEs in" / "Outturn"), then a blank line and the value: the block read as one cell.
  // A value cell whose bracketed note wrapped ("260 (this" / "is the" / … / "14/15)"): its lines up to the one
  // that closes the bracket, in its group.
  const valueAt = (i: number): string | null => {
    const first = line(i);
    if (first === null || !/^[-–]?\d[\d,.]*%?\s*\([^)]*$/.test(first)) return first;
    const parts = [first];
    for (let k = i + 1; k < i + 8; k++) {
      const b = doc.blocks[k];
      const t = line(k);
      if (t === null || (b.kind === 'paragraph' && (b.blankLinesBefore ?? 0) > 0)) break;
      parts.push(t);
      if (t.includes(')')) return parts.join(' ');
    }
    return first;
  };
  const blockMetric = (i: number, valueText: string): Metric | null => {
    const lines: string[] = [];
    for (let k = i; k >= 0 && lines.length < 8; k--) {
      const t = line(k);
      if (t === null || t.length > 60 || parseMetricNumber(t)) break;
      lines.unshift(t);
      const blank = doc.blocks[k].kind === 'paragraph' && ((doc.blocks[k] as { blankLinesBefore?: number }).blankLinesBefore ?? 0) > 0;
      if (blank) break;
    }
    const value = doc.blocks[i + 1];
    if (lines.length < 2 || value.kind !== 'paragraph' || !value.blankLinesBefore) return null;
    // A name cut around the row's period and value (./cutName.ts) names the measure where nothing above did.
    const cutName = ctx.key ? null : nameAroundValue(i - lines.length + 1, i + 1, line, (k) => ((doc.blocks[k] as { blankLinesBefore?: number }).blankLinesBefore ?? 0) > 0, words);
    if (cutName) ctx.key = cutName;
    // The block can open with the tail of the cell above it, no blank line between ("to planned" / "14/15" /
    // "outturn" / "How many …"): the label is the shortest run of its last lines, from a line opening with a
    // capital, that names a period and kind; else the whole block.
    for (let s = lines.length - 2; s >= 0; s--) {
      if (s > 0 && !/^\p{Lu}/u.test(lines[s])) continue;
      const label = lines.slice(s).join(' ');
      const m = rowWiseMetric([label, valueText], ctx, doc.blocks[i].page, `${label}\t${valueText}`, { block: i }, words);
      if (m) return m;
    }
    return null;
  };
  let ctx: MetricContext = { key: null, label: null };
  for (const [from, to] of fieldRanges(seg, 'metrics', doc.blocks.length)) {
    ctx = { key: null, label: null };
    for (let i = from; i + 1 < to; i++) {
      const a = line(i);
      const b = valueAt(i + 1);
      if (a === null || b === null || a.length > 200) continue;
      if (!parseMetricNumber(b)) {
        if (a.length < 160 && words.metricKeyOf(a) && !parseMetricNumber(a)) updateContext(ctx, a, words);
        continue;
      }
      const m = rowWiseMetric([a, b], ctx, doc.blocks[i].page, `${doc.blocks[i].kind === 'paragraph' ? a : ''}\t${b}`, { block: i }, words) ?? blockMetric(i, b);
      if (m) {
        out.push(m);
        i++;
      }
    }
  }
  return out;
}

/** A value read twice (a table repeated in an appendix) is recorded once. */
function dedupe(metrics: Metric[]): Metric[] {
  const seen = new Set<string>();
  return metrics.filter((m) => {
    const k = `${m.metric}|${m.period}|${m.kind}|${m.value}|${m.numerator}|${m.denominator}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
