// Page contents (positioned runs + ruling lines) -> ordered document blocks. Pure: no pdf.js here.
//
// Per page: ruled tables take their runs; the other runs become lines; tables and lines are put in
// reading order by their top edge. Across pages: running headers/footers and page numbers are dropped,
// lines are grouped into paragraphs (a paragraph may continue on the next page), groups are classified
// (heading by size/bold, list item by bullet), and a table that continues at the top of the next page
// with the same frame is merged into one table block; a borderless row cut by the break is joined (pageBreakRows.ts).
import type { Finding, RawBlock, TableRow } from '../../model/document.js';
import { assignRunsToCells, findRuledTables, type RuledTable } from './grid.js';
import { cellText, groupLines, joinCutFigureRow, joinWrapped, makeLine, splitBullet, vocabularyOf, type TextLine, type Vocabulary } from './lines.js';
import { findBandTables } from './bandTables.js';
import { findTextTables, type TextTable } from './textTables.js';
import type { PageContent, TextRun } from './types.js';
import type { Element, Item, LineEl, LineGroup, PageLayout, TableEl } from './layoutItems.js';
import { completesYear, continuesCutRow, joinRowRestsAboveRepeatedHeader, joinRowsCutAbovePageBreak } from './pageBreakRows.js';

/** Baseline step per point of font size assumed before the document's own is measured. */
const DEFAULT_STEP_RATIO = 1.2;

/** Bare page numbers: "3", "Page 3", "Page 3 of 31", "3 / 31", "- 46 -". */
const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;
/** A numbered paragraph or item marker: "1.", "2)", "(a)", "iv." */
const NUMBERED = /^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])\s/i;
/** A gap this wide within a line (in font sizes) parts two columns of text, as textTables.ts reads them. */
const COLUMN_GAP_EMS = 1.2;
const SENTENCE_END = /[.!?:;]["”’)\]]?$/;

export interface LayoutResult {
  blocks: RawBlock[];
  messages: Finding[];
}

export function layoutDocument(pages: PageContent[]): LayoutResult {
  const messages: Finding[] = [];
  const vocabulary = vocabularyOf(pages.flatMap((p) => p.runs));
  const layouts = pages.map((p) => layoutPage(p, vocabulary));
  dropRunningHeadersAndFooters(layouts, messages);
  const stats = textStats(layouts);
  const items = joinRowRestsAboveRepeatedHeader(joinRowsCutAbovePageBreak(groupElements(layouts, stats), messages), vocabulary, messages);
  const blocks = classify(items, stats, messages);
  return { blocks, messages };
}

// ---------------------------------------------------------------------------------------------- pages

function layoutPage(content: PageContent, vocabulary: Vocabulary): PageLayout {
  const tables = findRuledTables(content.hsegs, content.vsegs);
  const outside = assignRunsToCells(tables, content.runs);
  const elements: Element[] = [];
  for (const table of tables) {
    // A grid with no text at all (a drawing, an empty form frame) gives no element.
    const el = tableElement(table, content.page, vocabulary);
    if (el) elements.push(el);
  }
  const banded = findBandTables(groupLines(outside), DEFAULT_STEP_RATIO, vocabulary);
  const found = [...banded.lineRegions, banded.rest].map((lines) => findTextTables(lines, DEFAULT_STEP_RATIO));
  const rest = found.flatMap((f) => f.rest).sort((a, b) => a.base - b.base);
  for (const t of [...banded.tables, ...found.flatMap((f) => f.tables)]) {
    if (t.proseColumns) {
      elements.push(...columnLines(t, content.page));
      continue;
    }
    const rows = t.rows.map((cells) => ({ cells: cells.map((text) => ({ text })), page: content.page }));
    elements.push({ kind: 'table', page: content.page, top: t.top, x0: t.x0, x1: t.x1, rows, firstXs: t.edges, lastXs: t.edges, borderless: true });
  }
  for (const line of rest) {
    elements.push({ kind: 'line', page: content.page, top: line.base - line.size * 0.8, line });
  }
  elements.sort((a, b) => a.top - b.top || (a.kind === 'line' && b.kind === 'line' ? a.line.x0 - b.line.x0 : 0));
  return { page: content.page, width: content.width, height: content.height, elements };
}

/**
 * A page region set in text columns: split each line at the column edges and order the pieces column by
 * column (synthetic tops inside the region keep them in place among the page's other elements).
 */
function columnLines(t: TextTable, page: number): LineEl[] {
  const columns = t.edges.length - 1;
  const perColumn: TextLine[][] = Array.from({ length: columns }, () => []);
  for (const line of t.lines) {
    const parts: TextRun[][] = Array.from({ length: columns }, () => []);
    for (const run of line.runs) {
      const mid = (run.x0 + run.x1) / 2;
      let k = t.edges.findIndex((e, i) => i > 0 && mid <= e) - 1;
      if (k < 0) k = mid < t.edges[0] ? 0 : columns - 1;
      parts[k].push(run);
    }
    parts.forEach((runs, k) => {
      const piece = runs.length > 0 ? makeLine(runs) : null;
      if (piece) perColumn[k].push(piece);
    });
  }
  const last = t.lines[t.lines.length - 1];
  const height = Math.max(last.base - t.top, 1);
  const out: LineEl[] = [];
  perColumn.forEach((lines, k) => {
    if (lines.length === 0) return;
    const column = { left: Math.min(...lines.map((l) => l.x0)), right: Math.max(...lines.map((l) => l.x1)) };
    lines.forEach((line, i) => {
      out.push({ kind: 'line', page, top: t.top + ((k + i / lines.length) * height) / columns, line, column });
    });
  });
  return out;
}

function tableElement(table: RuledTable, page: number, vocabulary: Vocabulary): TableEl | null {
  const rows: TableRow[] = [];
  let firstXs: number[] = [];
  let lastXs: number[] = [];
  for (const band of table.bands) {
    const cells = band.cells.map((c) => ({ text: c.owner === c ? cellText(c.runs, c.x0, c.x1, vocabulary) : '' }));
    if (cells.every((c) => c.text === '')) continue;
    const xs = [band.cells[0].x0, ...band.cells.map((c) => c.x1)];
    if (rows.length === 0) firstXs = xs;
    lastXs = xs;
    // A rule drawn through one row (a partial border) cuts it in two bands: a cut figure shows it.
    const above = rows[rows.length - 1];
    const joined = above ? joinCutFigureRow(above.cells.map((c) => c.text), cells.map((c) => c.text)) : null;
    if (above && joined) {
      above.cells = above.cells.map((c, k) => ({ ...c, text: joined[k] }));
      continue;
    }
    rows.push({ cells, page });
  }
  if (rows.length === 0) return null;
  return { kind: 'table', page, top: table.y0, x0: table.x0, x1: table.x1, rows, firstXs, lastXs };
}

// ------------------------------------------------------------------------------ headers and footers

function headerKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Drop lines in the top or bottom margin band that repeat on at least half of the pages (digits ignored,
 * so "Page 3 of 31" matches "Page 4 of 31"), and bare page numbers there.
 */
function dropRunningHeadersAndFooters(layouts: PageLayout[], messages: Finding[]): void {
  const inMargin = (el: Element, height: number) =>
    el.kind === 'line' && (el.line.base < height * 0.11 || el.top > height * 0.89);
  const pagesWithKey = new Map<string, Set<number>>();
  for (const p of layouts) {
    for (const el of p.elements) {
      if (!inMargin(el, p.height) || el.kind !== 'line') continue;
      const key = headerKey(el.line.text);
      let set = pagesWithKey.get(key);
      if (!set) pagesWithKey.set(key, (set = new Set()));
      set.add(p.page);
    }
  }
  const minPages = Math.max(2, Math.ceil(layouts.length * 0.5));
  const repeated = new Set([...pagesWithKey].filter(([, s]) => s.size >= minPages).map(([k]) => k));
  // A bare number in the margin is a page number only where the pages are numbered: the number and the page
  // keep one offset on several pages. Otherwise it is text that reached the margin (a "Scheme ref no." of 3
  // at the top of a page).
  const numberOf = (text: string) => (PAGE_NUMBER.test(text.trim()) ? Number(/\d+/.exec(text)![0]) : null);
  const offsets = new Map<number, number>();
  for (const p of layouts)
    for (const el of p.elements) {
      const n = inMargin(el, p.height) && el.kind === 'line' ? numberOf(el.line.text) : null;
      if (n !== null) offsets.set(n - p.page, (offsets.get(n - p.page) ?? 0) + 1);
    }
  const numbering = new Set([...offsets].filter(([, count]) => count >= Math.min(3, Math.max(1, layouts.length - 1))).map(([o]) => o));
  const isPageNumber = (text: string, page: number) => {
    const n = numberOf(text);
    return n !== null && (numbering.has(n - page) || !/^\d+$/.test(text.trim()));
  };
  let dropped = 0;
  for (const p of layouts) {
    p.elements = p.elements.filter((el) => {
      if (!inMargin(el, p.height) || el.kind !== 'line') return true;
      const bare = /^\d+$/.test(el.line.text.trim());
      if ((repeated.has(headerKey(el.line.text)) && !(bare && !isPageNumber(el.line.text, p.page))) || isPageNumber(el.line.text, p.page)) {
        dropped++;
        return false;
      }
      return true;
    });
  }
  if (repeated.size > 0) {
    messages.push({
      level: 'info',
      message: `dropped ${dropped} running header/footer line(s) repeated on ${minPages}+ pages`,
      page: null,
      source: [...repeated].slice(0, 3).join(' | '),
    });
  }
}

// ------------------------------------------------------------------------------------------ stats

interface TextStats {
  bodySize: number;
  /** Baseline-to-baseline distance of body lines, per point of font size. */
  stepRatio: number;
  /** Heading font sizes, largest first (index + 1 = heading level). */
  headingSizes: number[];
  /** Right edge of the text column per page (widest body lines). */
  rightEdge: Map<number, number>;
  leftEdge: Map<number, number>;
}

function mode(weights: Map<number, number>, fallback: number): number {
  let best = fallback;
  let bestW = -1;
  for (const [k, w] of weights) {
    if (w > bestW) {
      bestW = w;
      best = k;
    }
  }
  return best;
}

function isHeadingSize(size: number, bodySize: number): boolean {
  return size >= bodySize + Math.max(1, bodySize * 0.12);
}

function textStats(layouts: PageLayout[]): TextStats {
  const sizeWeights = new Map<number, number>();
  for (const p of layouts) {
    for (const el of p.elements) {
      if (el.kind !== 'line') continue;
      const key = Math.round(el.line.size * 2) / 2;
      sizeWeights.set(key, (sizeWeights.get(key) ?? 0) + el.line.text.length);
    }
  }
  const bodySize = mode(sizeWeights, 10);
  const stepWeights = new Map<number, number>();
  const rightEdge = new Map<number, number>();
  const leftEdge = new Map<number, number>();
  for (const p of layouts) {
    let prev: TextLine | null = null;
    let right = -Infinity;
    let left = Infinity;
    for (const el of p.elements) {
      if (el.kind !== 'line') {
        prev = null;
        continue;
      }
      const line = el.line;
      if (Math.abs(line.size - bodySize) < 0.6) {
        right = Math.max(right, line.x1);
        left = Math.min(left, line.x0);
        if (prev && Math.abs(prev.size - line.size) < 0.6) {
          const ratio = (line.base - prev.base) / line.size;
          if (ratio > 0.9 && ratio < 2.2) {
            const key = Math.round(ratio * 20) / 20;
            stepWeights.set(key, (stepWeights.get(key) ?? 0) + 1);
          }
        }
      }
      prev = line;
    }
    rightEdge.set(p.page, Number.isFinite(right) ? right : p.width * 0.9);
    leftEdge.set(p.page, Number.isFinite(left) ? left : p.width * 0.1);
  }
  const stepRatio = mode(stepWeights, 1.2);
  const big = new Set<number>();
  for (const [size] of sizeWeights) if (isHeadingSize(size, bodySize)) big.add(size);
  // Sizes within a point of each other are one heading level.
  const headingSizes: number[] = [];
  for (const s of [...big].sort((a, b) => b - a)) {
    if (headingSizes.length === 0 || headingSizes[headingSizes.length - 1] - s > 1) headingSizes.push(s);
  }
  return { bodySize, stepRatio, headingSizes, rightEdge, leftEdge };
}

// ---------------------------------------------------------------------------------------- grouping

function groupElements(layouts: PageLayout[], stats: TextStats): Item[] {
  const items: Item[] = [];
  let group: LineGroup | null = null;
  let lastPage = 0;
  let lastWasTable = false;
  for (const p of layouts) {
    let first = true;
    for (const el of p.elements) {
      if (el.kind === 'table') {
        if (group) items.push(group);
        group = null;
        items.push({ kind: 'table', el });
        lastWasTable = true;
        first = false;
        lastPage = p.page;
        continue;
      }
      const line = el.line;
      const pageBreak = first && lastPage > 0 && lastPage < p.page;
      const left = el.column?.left ?? stats.leftEdge.get(p.page) ?? line.x0;
      const right = el.column?.right ?? stats.rightEdge.get(p.page) ?? line.x1;
      if (group && !lastWasTable && continuesGroup(group, line, pageBreak, stats, left, right)) {
        group.lines.push(line);
      } else {
        if (group) items.push(group);
        group = { kind: 'group', page: p.page, lines: [line], bullet: splitBullet(line) };
      }
      lastWasTable = false;
      first = false;
      lastPage = p.page;
    }
  }
  if (group) items.push(group);
  return items;
}

function continuesGroup(g: LineGroup, line: TextLine, pageBreak: boolean, stats: TextStats, left: number, right: number): boolean {
  const last = g.lines[g.lines.length - 1];
  if (Math.abs(line.size - last.size) > 0.6) return false;
  if (line.bold !== last.bold) return false;
  const size = last.size;
  const ref = g.bullet && g.lines.length === 1 ? g.bullet.textX0 : last.x0;
  const width = Math.max(right - left, 1);
  const full = last.x1 >= right - Math.max(0.15 * width, 3 * size);
  if (splitBullet(line)) {
    // A dash or asterisk at the start of a wrapped line may be punctuation ("Trust" + "– that have"):
    // it starts an item only after a finished line or another item.
    const glyph = !/^[-–—*]\s/.test(line.text);
    if (glyph || g.bullet || !full || SENTENCE_END.test(last.text)) return false;
  }
  // A numbered marker starts an item, unless it is a "(12)" wrapped into an unfinished sentence.
  if (NUMBERED.test(line.text) && !(line.text.startsWith('(') && full && !SENTENCE_END.test(last.text))) return false;
  if (pageBreak) {
    // Continue across the page only when the last line runs to the margin and the sentence is unfinished.
    if (!full) return false;
    if (Math.abs(line.x0 - ref) > 1.5 * size && Math.abs(line.x0 - g.lines[0].x0) > 1.5 * size) return false;
    return !SENTENCE_END.test(last.text) || /^\p{Ll}/u.test(line.text);
  }
  const gap = line.base - last.base;
  const step = size * stats.stepRatio;
  if (gap <= 0 || gap > step * 1.35 + 0.5) return false;
  if (g.bullet) {
    if (line.x0 < g.lines[0].x0 - 2) return false;
  } else if (g.lines.length > 1 || line.x0 > last.x0) {
    // A first-line indent may start a paragraph; otherwise lines of a paragraph share their left edge.
    if (Math.abs(line.x0 - ref) > 1.5 * size) return false;
  }
  if (!full && SENTENCE_END.test(last.text)) return false;
  // Lines whose text stands in two columns (a table's row left as lines) and a line of prose are not one
  // paragraph (a heading straight under such a row).
  if (last.maxGap >= COLUMN_GAP_EMS !== line.maxGap >= COLUMN_GAP_EMS) return false;
  // A short line followed by a capitalised line is a hard line break between paragraphs.
  if (last.x1 < left + 0.6 * width && /^\p{Lu}/u.test(line.text)) return false;
  return true;
}

// ------------------------------------------------------------------------------------ classification

interface OpenTable {
  block: Extract<RawBlock, { kind: 'table' }>;
  el: TableEl;
  lastXs: number[];
  x0: number;
  x1: number;
}

function sameEdges(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) < 3);
}

function rowKey(row: TableRow): string {
  return row.cells.map((c) => c.text.replace(/\s+/g, ' ').trim().toLowerCase()).join('\t');
}

function groupText(lines: TextLine[], firstText: string): string {
  let text = firstText;
  for (let i = 1; i < lines.length; i++) text = joinWrapped(text, lines[i].text);
  return text;
}

function classify(items: Item[], stats: TextStats, messages: Finding[]): RawBlock[] {
  const blocks: RawBlock[] = [];
  let open: OpenTable | null = null;
  const listIndents: number[] = [];
  const boldLevel = Math.min(6, stats.headingSizes.length + 1);
  for (const item of items) {
    if (item.kind === 'table') {
      const el = item.el;
      const prevBlock = blocks[blocks.length - 1];
      const continues =
        open !== null &&
        prevBlock === open.block &&
        (open.block.pageEnd ?? open.block.page ?? 0) === el.page - 1 &&
        Math.abs(open.x0 - el.x0) < 4 &&
        (Math.abs(open.x1 - el.x1) < 4 || (open.el.borderless === true && el.borderless === true && open.lastXs.length === el.firstXs.length)) &&
        (sameEdges(open.lastXs, el.firstXs) || open.lastXs.length === el.firstXs.length || startsWithHeader(open.block.rows, el.rows) > 0);
      if (open && continues) {
        const repeated = startsWithHeader(open.block.rows, el.rows);
        for (let i = 0; i < repeated; i++) open.block.rows[i].header = true;
        const rest = el.rows.slice(repeated).map((r) => ({ ...r }));
        const last = open.block.rows[open.block.rows.length - 1];
        const figureCut = rest.length > 0 && last ? joinCutFigureRow(last.cells.map((c) => c.text), rest[0].cells.map((c) => c.text)) : null;
        if (rest.length > 0 && last && (figureCut || continuesCutRow(last, rest[0]))) {
          // Word lets a row break across pages: its cells go on at the top of the next page (under a repeated header).
          last.cells = last.cells.map((c, k) => {
            const next = rest[0].cells[k].text;
            if (figureCut) return { ...c, text: figureCut[k] };
            return { ...c, text: completesYear(c.text, next) ? c.text.trim() + next.trim() : joinWrapped(c.text, next) };
          });
          rest.shift();
          messages.push({ level: 'info', message: `table row cut by the page break joined again`, page: el.page });
        }
        if (rest.length > 0) rest[0].pageBreakBefore = true;
        open.block.rows.push(...rest);
        open.block.pageEnd = el.page;
        open.lastXs = el.lastXs;
        messages.push({
          level: 'info',
          message: `table continued from page ${el.page - 1} to page ${el.page}${repeated ? ` (repeated header row dropped)` : ''}`,
          page: el.page,
        });
        continue;
      }
      const block = { kind: 'table' as const, page: el.page, rows: el.rows.map((r) => ({ ...r })), pageEnd: el.page };
      blocks.push(block);
      open = { block, el, lastXs: el.lastXs, x0: el.x0, x1: el.x1 };
      listIndents.length = 0;
      continue;
    }
    const g = item;
    const size = g.lines[0].size;
    const bold = g.lines.every((l) => l.bold);
    if (g.bullet && !isHeadingSize(size, stats.bodySize)) {
      blocks.push({ kind: 'list_item', page: g.page, level: listLevel(listIndents, g.lines[0].x0), text: groupText(g.lines, g.bullet.rest) });
      continue;
    }
    const text = groupText(g.lines, g.bullet ? g.bullet.rest : g.lines[0].text);
    if (isHeadingSize(size, stats.bodySize) && text.length <= 200 && g.lines.length <= 3) {
      const idx = stats.headingSizes.findIndex((s) => size >= s - 1);
      blocks.push({ kind: 'heading', page: g.page, level: Math.min(6, idx < 0 ? boldLevel : idx + 1), text });
      listIndents.length = 0;
      continue;
    }
    const words = text.split(/\s+/).length;
    if (bold && g.lines.length <= 2 && text.length <= 120 && words <= 16 && !/[.,;]$/.test(text)) {
      blocks.push({ kind: 'heading', page: g.page, level: boldLevel, text });
      listIndents.length = 0;
      continue;
    }
    if (NUMBERED.test(text) && !bold) {
      blocks.push({ kind: 'list_item', page: g.page, level: listLevel(listIndents, g.lines[0].x0), ordered: true, text });
      continue;
    }
    blocks.push(bold ? { kind: 'paragraph', page: g.page, text, bold: true } : { kind: 'paragraph', page: g.page, text });
    listIndents.length = 0;
  }
  for (const b of blocks) if (b.kind === 'table' && b.pageEnd === b.page) delete b.pageEnd;
  return blocks;
}

/** Nesting level of a list item from its indent: deeper than the item before means one level down. */
function listLevel(indents: number[], indent: number): number {
  while (indents.length > 0 && indent < indents[indents.length - 1] - 2) indents.pop();
  if (indents.length === 0 || indent > indents[indents.length - 1] + 2) indents.push(indent);
  return indents.length;
}

/** How many leading rows of a continuation repeat the table's first rows (a repeated header). */
function startsWithHeader(tableRows: TableRow[], next: TableRow[]): number {
  let n = 0;
  while (n < 3 && n < next.length && n < tableRows.length && rowKey(tableRows[n]) === rowKey(next[n]) && rowKey(next[n]).replace(/\t/g, '') !== '') n++;
  return n;
}
