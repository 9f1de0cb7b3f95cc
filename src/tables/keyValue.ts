// Label/value tables flattened to lines: each row a label (possibly wrapped over several short lines) and the figure
// that ends it, with the layout lost (a plan-details summary as text, a PDF without table rulings). The lines become
// an ordinary grid of [label, (year,) figure] rows. What a figure and a label are is the reader's: it passes a spec.
// Also here: a label/value grid's label wrapped onto the next row (labelWrappedBelow).
import type { DocumentModel } from '../model/document.js';
import { cleanCell } from '../text/clean.js';
import { findYears } from '../text/years.js';
import { CUT_DIGIT_GROUP } from '../text/figures.js';
import { hasCellGap, type Grid, type GridRow } from './grids.js';

export interface KeyValueSpec {
  /** The first figure in a text ("£845,000"), or null. */
  figureIn(text: string): { text: string } | null;
  /** A label that names a value of its own ("Minimum required value of BCF pooled budget"). */
  isLabel(label: string): boolean;
  /** A label cut at the line end that the next line completes ("Total proposed value of"). */
  isOpenLabel(label: string): boolean;
  /** Words that make a line a sentence, not a label ("we shall invest £200k"). */
  proseWords: RegExp;
}


/**
 * A plan-details summary flattened to lines without tabs (the spec says what a figure and a label are): "Minimum required value of BCF pooled budget: 2014/15
 * £845,000" then "2015/16 £12,345,000". Such a line is a label (naming a budget kind, or a year continuing the line
 * above) followed by one figure that ends the line; a sentence ("we shall invest £200k") is not. A PDF without
 * table rulings breaks the same row into short lines ("Minimum required" / "value of BCF" / "pooled budget:" /
 * "2014/15" / "£845,000", even "£12,345,00" / "0"): those are joined back before reading.
 */
export function keyValueGrids(doc: DocumentModel, tables: Grid[], spec: KeyValueSpec): Grid[] {
  const grids: Grid[] = [];
  let current: Grid | null = null;
  let pending: { text: string; block: number }[] = [];
  const blocks = doc.blocks;
  // Lines already read as a table (a table flattened to one cell per line) are not label/value lines.
  const inTable = (i: number) => tables.some((g) => i >= g.blockStart && i < g.blockEnd);
  // The lines that were a cut year's tail, gone back onto their year.
  const tails = new Set<number>();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (tails.has(i)) continue;
    // Table lines (tabs or wide gaps) are read as grids already.
    if ((block.kind !== 'paragraph' && block.kind !== 'list_item') || hasCellGap(block.text) || inTable(i)) {
      current = null;
      pending = [];
      continue;
    }
    let text = cleanCell(block.text);
    // Digits of a figure wrapped onto the next line ("£12,345,00" + "0").
    const next = blocks[i + 1];
    if (CUT_DIGIT_GROUP.test(text) && next && next.kind === 'paragraph' && /^\d{1,3}\b/.test(next.text.trim())) {
      text = `${text}\n${next.text.trim()}`;
      i++;
    }
    const hasMoney = spec.figureIn(text) !== null;
    // The row's year cut at its "/" ("… 2014/"), its figure and label words read before the year's tail.
    const cut = hasMoney ? pending.at(-1) : undefined;
    const tail = cut ? cutYearTail(doc, i, cut.text) : null;
    if (cut && tail) {
      cut.text += tail.text;
      tails.add(tail.block);
    }
    if (!hasMoney) {
      // A short label fragment or a lone year: keep it for the figure that may follow.
      // "Date submitted: 14/01/15" is a complete label/value pair of its own, not part of the next label.
      // "…pooled budget: 2014/15" is not such a pair: the year belongs to the label and the figure follows.
      if (/:\s*\S/.test(text) && !/:\s*(19|20)\d{2}\s*[/\-–]\s*\d{2}(\d{2})?$/.test(text)) pending = [];
      else if (text.length <= 60 && !spec.proseWords.test(text) && !/[.?]$/.test(text)) {
        pending.push({ text, block: i });
        if (pending.length > 6) pending.shift();
      } else {
        pending = [];
        current = null;
      }
      continue;
    }
    // The shortest run of pending fragments that makes a row, starting at a capitalised fragment (a label's
    // start: "Minimum required", not "pooled budget:").
    // A line read on its own ("2015/16 £12,345,000" continuing the row above) comes last.
    // A lone year continues the row above only when no label fragment stands before it: "Total proposed value
    // of" / "2014/15" / "£900,000" is a new row, not the year of the row above.
    let row: string[] | null = null;
    const isYear = (t: string) => /^(19|20)\d{2}\s*[/\-–]\s*\d{2}(\d{2})?$/.test(t);
    const fromEnd = [...pending.keys()].reverse();
    const starts = [...fromEnd.filter((k) => !isYear(pending[k].text)), ...fromEnd.filter((k) => isYear(pending[k].text))];
    // Then a lower-case fragment with the year and an annotated value continues the row above whole:
    // "pooled budget" / "2015/16" / "A minimum of £12,400,000 with …" (the line alone would read as a label).
    if (current && pending.length > 0 && /^[a-z]/.test(pending[0].text)) starts.push(-1);
    starts.push(pending.length);
    let rowStart = pending.length;
    for (const start of starts) {
      if (row) break;
      const k = Math.max(0, start);
      const lead = pending.slice(k);
      if (lead.length > 0 && !/^[A-Z0-9(]/.test(lead[0].text) && start >= 0) continue;
      // Nor where the fragment before it breaks off mid-phrase: "Minimum" / "required value of" / "BCF pooled" /
      // "budget: 2014/15" is one label, not a row starting at "BCF".
      if (lead.length > 0 && k > 0 && start >= 0 && endsMidPhrase(pending[k - 1].text)) continue;
      row = keyValueRow([...lead.map((p) => p.text), text].join(' '), current !== null, spec);
      rowStart = k;
    }
    // Lower-case fragments before a year that continues the row above finish that row's label: "Total proposed
    // value of" … "pooled budget" / "2015/16" / "£…".
    const rest = pending.slice(0, rowStart);
    const above = current?.rows.at(-1);
    if (row && above && above.cells.length >= 2 && rest.length > 0 && rest.every((p) => /^[a-z]/.test(p.text)) && isYear(row[0])) {
      above.cells[0] = `${above.cells[0]} ${rest.map((p) => p.text).join(' ')}`;
    } else if (row && above && above.cells.length === 2 && isYear(row[0]) && rest.length > 0 && isYear(rest[rest.length - 1].text)) {
      // The row above's figure came before the end of its label and its year, in reading order: "Minimum
      // required" / "value of BCF" / "£845,000" / "pooled budget:" / "2014/15", then "2015/16" / "£…" for this row.
      const words = rest.slice(0, -1);
      if (words.every((p) => /^[a-z]/.test(p.text))) {
        above.cells = [[above.cells[0], ...words.map((p) => p.text)].join(' '), rest[rest.length - 1].text, above.cells[1]];
      }
    }
    // The grid starts where its first label starts, so the title above the label gives the year.
    const labelStart = pending[rowStart]?.block ?? i;
    pending = [];
    if (!row) {
      current = null;
      continue;
    }
    if (!current) {
      current = { rows: [], blockStart: labelStart, blockEnd: i + 1 };
      grids.push(current);
    }
    current.rows.push({ cells: row, page: block.page, block: i, header: false, pageBreakBefore: false });
    current.blockEnd = i + 1;
  }
  return grids;
}

/** A year cut at its "/" where a line ends ("Minimum required 2014/"). */
const CUT_YEAR = /(?:^|\s)(?:19|20)(\d\d)\/$/;
/** How many lines after the row's figure its cut year's tail may come (the label's wrapped words between). */
const TAIL_REACH = 3;

/**
 * The tail of a year cut at its "/" in raw reading order (tables.md class 3; pdftotext prints a row's cells by
 * baseline: "Minimum required 2014/" / "£845,000" / "value" / "15" / "of BCF pooled"): the year's second half
 * alone on one of the few lines after the figure on line `figureLine`, in the same run of lines (no blank line
 * between), before any other line with digits (a figure or a year of the next row's). Null where there is none.
 */
function cutYearTail(doc: DocumentModel, figureLine: number, text: string): { text: string; block: number } | null {
  const m = CUT_YEAR.exec(text.trim());
  if (!m) return null;
  const rest = String((Number(m[1]) + 1) % 100).padStart(2, '0');
  for (let j = figureLine + 1; j <= figureLine + TAIL_REACH && j < doc.blocks.length; j++) {
    const b = doc.blocks[j];
    if (b.kind !== 'paragraph' || (b.blankLinesBefore ?? 0) > 0) return null;
    const t = b.text.trim();
    if (t === rest) return { text: rest, block: j };
    if (/\d/.test(t)) return null;
  }
  return null;
}

/** A line broken off before the end of its phrase ("required value of", "Health and"): the next line continues it. */
function endsMidPhrase(text: string): boolean {
  return /\b(of|and|or|the|a|an|to|for|in|on|by|with|from|per)$|[,&]$/i.test(text.trim());
}

/** One label/value line as cells: [label, figure], [label, year, figure], or a year continuing the row above. */
export function keyValueRow(text: string, continuing: boolean, spec: KeyValueSpec): string[] | null {
  const t = cleanCell(text);
  if (t.includes('\t') || t.length > 180) return null;
  const money = spec.figureIn(t);
  if (!money) return null;
  const at = t.indexOf(money.text);
  if (at < 0) return null;
  const endsWithFigure = /^[\s.)]*$/.test(t.slice(at + money.text.length));
  // A continuation line may carry an annotated value: "pooled budget 2015/16 A minimum of £12,400,000 with …".
  const year0 = findYears(t.slice(0, at)).at(-1);
  if (!endsWithFigure) {
    // A label wrapped around its value by a PDF line merge: "Minimum required value of 2014/15 £845,000 BCF pooled
    // budget:" is label "Minimum required value of BCF pooled budget:", year and figure.
    const tail = t.slice(at + money.text.length).trim();
    const head = (year0 ? t.slice(0, year0.index) : t.slice(0, at)).trim();
    const between = year0 ? t.slice(year0.index + year0.text.length, at).trim() : '';
    if (tail.length <= 60 && between === '' && head !== '' && !/\d/.test(tail) && !spec.proseWords.test(`${head} ${tail}`)) {
      const wrapped = `${head} ${tail}`.replace(/\s+/g, ' ').replace(/[\s:]+$/, '');
      if (spec.isLabel(wrapped)) return year0 ? [wrapped, year0.text, money.text] : [wrapped, money.text];
    }
    const lead = year0 ? t.slice(0, year0.index).trim() : '';
    if (!continuing || !year0 || !/^[a-z]/.test(lead) || spec.proseWords.test(lead)) return null;
    return [lead, year0.text, t.slice(year0.index + year0.text.length).trim()];
  }
  const label = t.slice(0, at).replace(/[\s:=\-–|]+$/, '').trim();
  if (label === '' || spec.proseWords.test(label)) return null;
  const year = findYears(label).at(-1);
  const bare = year ? label.replace(year.text, ' ').replace(/[\s:]+$/, '').trim() : label;
  if (bare === '' && year && continuing) return [year.text, t.slice(at)];
  // A label cut at the line end ("Total proposed value of") is completed by the next line.
  if (!spec.isLabel(bare) && !spec.isOpenLabel(bare)) return null;
  return year ? [bare, year.text, t.slice(at)] : [bare, t.slice(at)];
}

/** A label that continues the row above: "of BCF pooled budget", "pooled budget" (but not "iBCF …"). */
export function startsMidSentence(label: string): boolean {
  return /^([a-z][a-z]|\()/.test(label);
}

/**
 * The rest of row i's label where the converter wrapped it onto the next row ("Total proposed value of" over
 * "pooled budget | 2015/16 | £…"): the next row's label starts mid-sentence and a later cell of it holds a figure
 * (`hasFigure`, the reader's). Else ''. The reader reads the two rows' labels as one.
 */
export function labelWrappedBelow(rows: GridRow[], i: number, hasFigure: (cell: string) => boolean): string {
  const next = rows[i + 1];
  const nextLabel = next ? cleanCell(next.cells[0] ?? '') : '';
  const nextHasFigure = next ? next.cells.slice(1).some(hasFigure) : false;
  return startsMidSentence(nextLabel) && nextHasFigure ? nextLabel : '';
}
