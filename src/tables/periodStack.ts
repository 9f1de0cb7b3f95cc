// Tables whose columns are periods, in text that lost the table (pdftotext with or without -layout,
// fixed-width text). Narrow period columns wrap their headers onto a stack of lines ("2021-  2021-" over
// "22 Q1  22 Q2" over "Actual  Actual"); each row's values stay together as a run of numbers, on one line
// (-layout) or one per line (pdftotext's reading order). So no cell geometry is needed: the columns are read
// from the pieces of the stack in order, and a row is a run of exactly as many numbers as there are columns,
// labelled by the words just before it ("Numerator", "Denominato" cut at the cell edge). The name of the
// table (a metric) is the nearest text before the stack the caller recognises. The result is an ordinary grid:
// a header row of "2021-22 Q1 Actual" cells and one row per run. In reading order, where positions say nothing
// across lines, the columns go in time order (a year's quarters too, whatever order their lines came in), a header
// can come in two parts with values or the label cells between (its last column alone, the table's name between
// the parts), rows can stand apart by long text cells, and a row can come in pieces (rowsOf), one of them a value
// joined to the next cell's line ("88.2% Rates held in the"). In large type a piece of a header or a value can be cut
// at its cell edge onto the line below ("2021" / "-22", "Actu" / "al", "184." / "6"): made whole first
// (rejoinCutPieces). The header is read in ./periodHeader.ts, the rows in ./periodRows.ts, cut pieces made whole in
// ./periodCuts.ts; this file finds the tables and puts each together.
import type { DocumentModel } from '../model/document.js';
import type { Grid, GridRow } from './grids.js';
import { rejoinCutPieces } from './periodCuts.js';
import {
  allQuarters,
  inTimeOrder,
  interleavedStackAt,
  periodText,
  READING_SCOPE_LINES,
  SCOPE_LINES,
  stackAt,
  stackWithFirstColumnApart,
  tokensOf,
  type Line,
  type PeriodStackSpec,
  type Token,
} from './periodHeader.js';
import { keptUnderShuffledHeader, labelledValuesIn, labelOf, pairLaidOutPieces, roleOf, rowsOf, type Run } from './periodRows.js';

export type { PeriodStackSpec } from './periodHeader.js';


/** The last of `texts` the spec says names a table, read over up to four lines so that a name wrapped in a
 *  narrow column is whole. */
function nameBefore(texts: string[], spec: PeriodStackSpec): string | null {
  for (let k = texts.length - 1; k >= 0; k--) {
    for (let w = 1; w <= 4 && k + w <= texts.length; w++) {
      const t = texts.slice(k, k + w).join(' ').replace(/\s+/g, ' ').trim();
      if (t && spec.namesTable(t)) return t;
    }
  }
  return null;
}

/** The first of `texts` the spec says names a table, read over up to four lines as nameBefore does. */
function nameAfter(texts: string[], spec: PeriodStackSpec): string | null {
  for (let k = 0; k < texts.length; k++) {
    for (let w = 1; w <= 4 && k + w <= texts.length; w++) {
      const t = texts.slice(k, k + w).join(' ').replace(/\s+/g, ' ').trim();
      if (t && spec.namesTable(t)) return t;
    }
  }
  return null;
}

/** Lines of the blocks [from, to): paragraphs and list items line by line, laid-out tables by their lines. */
function linesOf(doc: DocumentModel, from: number, to: number, skip: (block: number) => boolean): Line[][] {
  const runs: Line[][] = [[]];
  for (let i = from; i < to; i++) {
    const b = doc.blocks[i];
    if (skip(i) || (b.kind === 'table' && !b.layout)) {
      if (runs[runs.length - 1].length > 0) runs.push([]);
      continue;
    }
    const run = runs[runs.length - 1];
    if (b.kind === 'table') for (const l of b.layout!) run.push({ text: l.text, page: l.page, block: i });
    else b.text.split('\n').forEach((text, n) => run.push({ text, page: b.page, block: i, gap: n === 0 && b.kind === 'paragraph' && (b.blankLinesBefore ?? 0) > 0 }));
  }
  return runs.filter((r) => r.length > 0);
}

/** The period tables of blocks [from, to) that text conversion flattened, as grids. */
export function periodStackGrids(doc: DocumentModel, from: number, to: number, spec: PeriodStackSpec, skip: (block: number) => boolean = () => false): Grid[] {
  const grids: Grid[] = [];
  for (const cut of linesOf(doc, from, to, skip)) {
    const lines = rejoinCutPieces(cut, spec);
    let named: string | null = null;
    let since = 0; // first line after the last row read: where the next table's name can be
    for (let n = 0; n < lines.length; n++) {
      const candidate = /\b20\d\d/.test(lines[n].text);
      const apart = candidate && !stackAt(lines, n, spec) ? stackWithFirstColumnApart(lines, n, spec) : null;
      const stack = apart?.stack ?? (candidate ? (stackAt(lines, n, spec) ?? interleavedStackAt(lines, n, spec)) : null);
      if (!stack) continue;
      const { end, left, laidOut } = stack;
      let columns = stack.columns;
      let shuffled = stack.shuffled;
      let k = columns.length;
      // The name: text before the stack, and (laid out) the label column beside it.
      const before = lines.slice(since, n).map((l) => (left ? l.text.slice(0, left) : l.text));
      // The label column beside a stack can run on below it (a name taller than the header), up to the first row.
      let besideEnd = end;
      while (left && besideEnd < Math.min(lines.length, end + 4) && !tokensOf(lines[besideEnd], besideEnd).some((t) => t.x >= left - 3 && spec.isValue(t.text))) besideEnd++;
      // In reading order the label cells' lines can come between the stack's own ("2020-", "8.4 Residential", "21").
      const beside = left ? lines.slice(n, besideEnd).map((l) => l.text.slice(0, left)) : lines.slice(n, end).map((l) => l.text);
      // A sheet prints a cell's text on across the empty cells right of it: a heading line that is one cell (no
      // wide gap in it) is read whole where the label column's width cut its name ("… discharged from acute hos").
      const oneCell = lines.slice(since, n).filter((l) => /\S/.test(l.text) && !/\S\s{3,}\S/.test(l.text)).map((l) => l.text);
      const betweenParts = apart ? nameBefore(lines.slice(...apart.between).map((l) => l.text), spec) : null;
      const found = betweenParts ?? nameBefore([...before, ...beside], spec) ?? (left ? nameBefore(oneCell, spec) : null);
      named = found ?? named;
      // Rows: runs of exactly k values, in the lines up to the next stack, each labelled by the words before it
      // on its line, else by the line above ("Numerator" over its run in reading order). In reading order a row
      // can come in pieces (below).
      const runs: Run[] = laidOut ? [] : labelledValuesIn(lines, n, end, spec);
      let run: Token[] = [];
      let words: Token[] = [];
      let pendingRole: string | null = null;
      const close = () => {
        const partial = laidOut && run.length > 0 && run.length < k;
        if (run.length === k || (!laidOut && run.length > 0) || partial) {
          // Laid out, a row's values can stand on two lines (a cell not cut centred between the cut ones'
          // lines): they go to the columns left to right.
          if (laidOut) run.sort((a, b) => a.x - b.x);
          let label = labelOf(words, run[0].line, run[0].x);
          const carried = pendingRole;
          pendingRole = null;
          // In reading order the label cells of several rows can print together before the first of them
          // ("Indicator" / "value" / "Denominato", then the values): a role label after a row-type label is the
          // next row's, and this run is the earlier label's.
          if (!laidOut && spec.roleWord.test(roleOf(label))) {
            const earlier = [...new Set(words.filter((w) => w.line < run[0].line).map((w) => w.line))]
              .map((l) => words.filter((w) => w.line === l).map((w) => w.text).join(' '))
              .find((t) => (spec.isRowType?.(t) ?? false) && !spec.roleWord.test(roleOf(t)));
            if (earlier && earlier !== label) [label, pendingRole] = [earlier, label];
          } else if (!laidOut && carried && !(spec.isRowType?.(label) ?? false)) label = carried; // rationale words between are no label
          // A piece set apart: its lines hold only its values, with blank lines before and after.
          const first = run[0].line;
          const lastLine = run[run.length - 1].line;
          const onlyValues = lines.slice(first, lastLine + 1).every((x) => x.text.split(/\s+/).filter(Boolean).every((w) => spec.isValue(w)));
          // Lines a cut piece was moved off (rejoinCutPieces: "64.3" / "%") hold nothing and do not count.
          let after = lastLine + 1;
          while (after < lines.length && !/\S/.test(lines[after].text) && !lines[after].gap) after++;
          const apart = onlyValues && !!lines[first].gap && (after >= lines.length || !!lines[after].gap);
          const opensLine = run[0].x === lines[first].text.search(/\S/);
          runs.push({ values: run, label, apart, opensLine, partial });
          if (!partial) words = [];
        }
        run = [];
      };
      let limit = Math.min(lines.length, end + (laidOut ? SCOPE_LINES : READING_SCOPE_LINES));
      let merged = false;
      for (let m = end; m < limit; m++) {
        // The second part of a header may be a single column ("2022-23" / "Plan", the last column's cell printed
        // after the label cells beside it), taken only where it can be one (no row whole yet); a single column is
        // no table of its own, so it may also come before any value.
        // The header's parts can be several where no value cell came between (its cells printed one after
        // another, the label cells between them, figures in their words: "(65 and over)").
        // A header of a year's four quarters is whole (the template's quarterly block: a year's actuals, the next
        // year's plans under a header of their own): where the runs so far already make a whole row under it (a
        // value joined to its row's label, "Indicator value 61.2", and the rest set apart), the next stack is a
        // table of its own.
        const partialSoFar = (single = false) =>
          !laidOut && (!merged || runs.every((r) => !r.apart)) && (single || runs.length > 0) && runs.every((r) => r.values.length < k) && !(allQuarters(columns) && rowsOf(runs, k, spec).length > 0);
        const candidate = m > end && /\b20\d\d/.test(lines[m].text);
        let next = candidate ? stackAt(lines, m, spec) : null;
        // The next block's header rebuilt from interleaved pieces ends this one's scope.
        if (candidate && !next && !laidOut && interleavedStackAt(lines, m, spec)) break;
        const single = !next && candidate && partialSoFar(true);
        if (single) next = stackAt(lines, m, spec, 1);
        // A single period cell after the rows is the next table's header: it ends this one's scope.
        else if (candidate && !next && !laidOut && stackAt(lines, m, spec, 1)) break;
        if (next) {
          // In reading order a header can come in two parts with values between ("2020-21 Actual", "2021-22 Plan",
          // values of their first column, then "2021-22 estimated", "2022-23 Plan"): where no row is whole yet,
          // the second part's periods are more columns of the same table, in time order.
          close();
          const partial = !next.laidOut && partialSoFar(single);
          const fresh = next.columns.every((c) => !columns.some((d) => periodText(d) === periodText(c)));
          if (!partial || !fresh) break;
          columns = [...columns, ...next.columns].sort(inTimeOrder);
          shuffled ||= next.shuffled;
          // The label column's cells can come between the parts ("8.3 Usual residence" after the first periods):
          // the table's name is the last text naming one before the second part.
          named = nameBefore(lines.slice(end, m).map((l) => l.text), spec) ?? named;
          k = columns.length;
          merged = true;
          limit = Math.min(lines.length, next.end + SCOPE_LINES);
          m = next.end - 1;
          continue;
        }
        const tokens = tokensOf(lines[m], m);
        // In reading order a figure ending a paragraph of words ("homes, per" / "100,000") is the words' (a
        // wrapped label's), not the start of a row that runs on past the blank line into the value cells below;
        // a row label before it ("Annual Rate", "Numerator"), or the header right above it, makes it a row's.
        const wordsBefore = run.length > 0 ? labelOf(words, run[0].line) : '';
        if (!laidOut && lines[m].gap && wordsBefore && !lines[run[0].line].gap && !(spec.isRowType?.(wordsBefore) ?? false)) close();
        // In reading order a line that opens with a number and goes on in words ("8.5 Reablement", "65 and over)
        // met") is not more of the run above it.
        if (!laidOut && tokens.length > 1 && spec.isValue(tokens[0].text) && tokens.some((t) => !spec.isValue(t.text))) close();
        for (const t of tokens) {
          const cut = words[words.length - 1];
          if (spec.isValue(t.text)) {
            // A row is complete at k values: a number after it ("8.4 Residential") starts something else.
            run.push(t);
            // Rows of a table in reading order can stand apart by long cells of text (a rationale beside them):
            // the scope goes on past each whole row.
            if (run.length === k) {
              close();
              if (!laidOut) limit = Math.max(limit, Math.min(lines.length, m + 1 + SCOPE_LINES));
            }
          } else if (run.length > 0 && cut && !spec.roleWord.test(cut.text) && spec.roleWord.test(cut.text + t.text)) {
            // "Denominato" … "r": the tail of a label cut at the cell edge, in the middle of its run.
          } else if (run.length === 0 && cut && cut.line < t.line && !spec.roleWord.test(cut.text) && spec.roleWord.test(cut.text + t.text)) {
            // "Denominat" / "or" over the run: the label cut at its cell edge onto the next line, made whole.
            cut.text += t.text;
          } else {
            close();
            words.push(t);
          }
        }
      }
      close();
      const rows: GridRow[] = [
        { cells: [named ?? '', '', ...columns.map(periodText)], page: lines[n].page, block: lines[n].block, header: true, pageBreakBefore: false },
      ];
      let last = end;
      const read = rowsOf(laidOut ? pairLaidOutPieces(runs, columns, spec) : runs, k, spec);
      // In reading order the label cells of a block can print after its header cells, before its first row
      // ("2021-22 Q1 Actual" x4, then "8.3" / "Discharge to" / "usual place" / "of residence", then the values):
      // with no name before the stack, the first text naming a table there names it, not the block before's name.
      if (!found && !laidOut && read.length > 0) rows[0].cells[0] = nameAfter(lines.slice(end, read[0].values[0].line + 1).map((l) => l.text), spec) ?? rows[0].cells[0];
      named = rows[0].cells[0] || named;
      for (const r of read) {
        const at = lines[r.values[0].line];
        rows.push({ cells: ['', r.label, ...r.values.map((t) => t.text)], page: at.page, block: at.block, header: false, pageBreakBefore: false });
        last = Math.max(last, ...r.values.map((t) => t.line + 1));
      }
      // A shuffled header's rows are read, so that they are no other table's, but only those whose values are all
      // one figure (a flat plan: which is whose column does not matter) are kept: a value under the wrong period is
      // worse than none.
      const kept = shuffled ? keptUnderShuffledHeader(rows) : rows;
      if (rows.length > 1) grids.push({ rows: kept, blockStart: rows[0].block, blockEnd: rows[rows.length - 1].block + 1 });
      since = last;
      n = Math.max(n, last - 1);
    }
  }
  return grids;
}
