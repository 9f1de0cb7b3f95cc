// Text extractor: plan text that someone else already converted (markdown, HTML fragments, tables
// flattened to tabs or pipes, OCR slips) into the shared document model. Line-oriented: every
// non-blank line is its own block, because plans put headings on their own line without markup.
import { buildDocument, type DocumentModel, type Finding, type RawBlock, type TableRow } from '../../model/document.js';
import { BULLET_CHARS, htmlToBlocks, htmlToText, type InitialRole } from './html.js';
import { normaliseSpaces } from '../../text/clean.js';
import { markdownInlineToHtml } from './inline.js';
import { protectNonMarkup } from './markup.js';
import { fixedWidthTableAt } from './fixedWidth.js';
import { rejoinClippedYears } from './cutWords.js';
import { rejoinCutFigures, rejoinCutPercents } from './cutFigures.js';
import { separateGluedRatings } from './gluedRatings.js';

const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const LIST_MARKER = new RegExp(`^([ \\t]*)(?:[-*+–${BULLET_CHARS}])[ \\t]+(?=\\S)`);
const HORIZONTAL_RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(={3,}|-{3,})\s*$/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const CODE_FENCE = /^\s{0,3}(?:```|~~~)/;
/** A line that opens a table element: collect lines until it closes. */
const TABLE_OPEN = /<table[\s>]/i;
const TABLE_CLOSE = /<\/table\s*>/i;
/** Block-level markup that makes a line an HTML fragment rather than a markdown line. */
const HTML_BLOCK_TAG = /<\/?(?:p|div|ul|ol|li|br|h[1-6]|table|tr|td|th|blockquote|section|hr)\b[^<>]*>/i;

/** Extract the document model from text. `md` and `txt` share the rules; `html` is parsed as a whole page. */
export function extractText(text: string, format: 'txt' | 'md' | 'html'): DocumentModel {
  const messages: Finding[] = [];
  const source = text.replace(/^\ufeff/, '');
  if (format === 'html') {
    return buildDocument('html', null, htmlToBlocks(protectNonMarkup(source)), messages);
  }
  // Form feeds (pdftotext's page breaks) give the text pages.
  const pages = source.includes('\f') ? source.split('\f').filter((p, k, all) => k < all.length - 1 || p.trim() !== '').length : null;
  return buildDocument(format, pages, textToBlocks(source), messages);
}

/** A line with tabs is a table row: cells split on tabs, empty cells kept, markup stripped. */
function tabCells(line: string): string[] {
  return line.split('\t').map((cell) => inlineText(cell));
}

function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => inlineText(cell.replace(/\\\|/g, '|')));
}

/** Text of an inline fragment (a table cell): markup stripped, entities decoded, placeholders kept. */
function inlineText(fragment: string): string {
  return htmlToText(markdownInlineToHtml(protectNonMarkup(fragment))).trim();
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** A tab line with at least one non-empty cell (a line of tabs alone is layout, not a row). */
function isTabRow(line: string): boolean {
  return line.includes('\t') && line.split('\t').some((c) => c.trim() !== '');
}

/** Two rows belong to one table across a blank line when they have about the same number of cells. */
function similarShape(a: number, b: number): boolean {
  return a === b || (Math.max(a, b) >= 3 && Math.abs(a - b) <= 1);
}

/** One row with at most one filled cell is a line with a stray separator (maybe a heading), not a table. */
function tableOrLine(rows: TableRow[]): RawBlock[] {
  if (rows.length === 0) return [];
  if (rows.length === 1) {
    const filled = rows[0].cells.filter((c) => c.text !== '');
    if (filled.length <= 1) return filled.map((c) => ({ kind: 'paragraph', text: c.text, page: null }));
  }
  return [{ kind: 'table', rows, page: null }];
}

function lineBlocks(line: string, role: InitialRole): RawBlock[] {
  const html = markdownInlineToHtml(protectNonMarkup(line));
  if (!/[<&]/.test(html) && !new RegExp(`[${BULLET_CHARS}]`).test(html)) {
    // Plain text: no markup to parse.
    const text = html.replace(/\s+/g, ' ').trim();
    if (!text) return [];
    if (role.kind === 'paragraph') return [{ kind: 'paragraph', text, page: null }];
    return [{ ...role, text, page: null }];
  }
  return htmlToBlocks(html, role);
}

export function textToBlocks(text: string): RawBlock[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const paged = text.includes('\f');
  // The page of each line: one more after every form feed.
  const linePages: (number | null)[] = [];
  let page = 1;
  for (const l of raw) {
    page += (l.match(/\f/g) ?? []).length;
    linePages.push(paged ? page : null);
  }
  const pageOf = (n: number) => linePages[n] ?? null;
  const unjoined = rejoinClippedYears(separateGluedRatings(raw.map((l) => normaliseSpaces(l.replace(/\f/g, '')).replace(/[ ]+$/, ''))));
  const lines = rejoinCutPercents(rejoinCutFigures(unjoined, pageOf), pageOf);
  const blocks: RawBlock[] = [];
  // Blocks take the page of the line they start on.
  let placed = 0;
  let lineOfBlocks = 0;
  let blanks = 0;
  const place = () => {
    for (; placed < blocks.length; placed++) {
      const b = blocks[placed];
      if (paged) (b as { page: number | null }).page ??= pageOf(lineOfBlocks);
      if (b.kind === 'paragraph' && blanks > 0) b.blankLinesBefore = blanks;
      blanks = 0;
    }
  };
  let i = 0;
  while (i < lines.length) {
    place();
    lineOfBlocks = i;
    const line = lines[i];
    if (isBlank(line)) {
      blanks++;
      i++;
      continue;
    }

    // A table laid out with spaces (no tabs): columns from the gutters the lines share.
    const fixed = fixedWidthTableAt(lines, i, pageOf, unjoined);
    if (fixed) {
      const layout = lines.slice(i, fixed.end).map((text, k) => ({ text, page: pageOf(i + k) }));
      blocks.push({ kind: 'table', rows: fixed.rows, page: pageOf(i), pageEnd: pageOf(fixed.end - 1), layout });
      i = fixed.end;
      continue;
    }

    if (isTabRow(line)) {
      const rows: TableRow[] = [];
      let width = 0;
      while (i < lines.length) {
        if (isTabRow(lines[i])) {
          const cells = tabCells(lines[i]);
          width = cells.length;
          rows.push({ cells: cells.map((text) => ({ text })), page: null });
          i++;
          continue;
        }
        // One blank line between rows of the same shape is a gap in the converter's output, not a new table.
        const next = lines[i + 1];
        if (isBlank(lines[i]) && next !== undefined && isTabRow(next) && similarShape(width, next.split('\t').length)) {
          i++;
          continue;
        }
        break;
      }
      blocks.push(...tableOrLine(rows));
      continue;
    }

    if (CODE_FENCE.test(line)) {
      i++; // the fence line only; the lines inside are read as text
      continue;
    }

    // A pipe table: `| a | b |` rows, or `a | b` rows when a `---|---` separator follows the first.
    const outerPipes = PIPE_ROW.test(line);
    const bareHeader = !outerPipes && line.includes('|') && lines[i + 1]?.includes('|') && PIPE_SEPARATOR.test(lines[i + 1] ?? '');
    if (outerPipes || bareHeader) {
      const isRow = (l: string) => (outerPipes ? PIPE_ROW.test(l) : l.includes('|') && !isBlank(l));
      const rows: TableRow[] = [];
      while (i < lines.length && isRow(lines[i])) {
        if (PIPE_SEPARATOR.test(lines[i])) {
          if (rows.length === 1) rows[0].header = true;
        } else {
          rows.push({ cells: pipeCells(lines[i]).map((text) => ({ text })), page: null });
        }
        i++;
      }
      blocks.push(...tableOrLine(rows));
      continue;
    }

    if (TABLE_OPEN.test(line) && !TABLE_CLOSE.test(line)) {
      // An HTML table written over several lines: parse it as one fragment.
      let end = i + 1;
      while (end < lines.length && !TABLE_CLOSE.test(lines[end])) end++;
      const fragment = lines.slice(i, Math.min(end + 1, lines.length)).join('\n');
      blocks.push(...htmlToBlocks(protectNonMarkup(fragment)));
      i = end + 1;
      continue;
    }

    const heading = ATX_HEADING.exec(line);
    if (heading) {
      blocks.push(...lineBlocks(heading[2], { kind: 'heading', level: heading[1].length }));
      i++;
      continue;
    }

    // Setext heading: a text line underlined with === or ---.
    const next = lines[i + 1];
    if (next !== undefined && SETEXT_UNDERLINE.test(next) && !LIST_MARKER.test(line) && !HTML_BLOCK_TAG.test(line)) {
      const level = next.trim().startsWith('=') ? 1 : 2;
      blocks.push(...lineBlocks(line, { kind: 'heading', level }));
      i += 2;
      continue;
    }

    if (HORIZONTAL_RULE.test(line)) {
      i++;
      continue;
    }

    const marker = LIST_MARKER.exec(line);
    if (marker) {
      const indent = marker[1].replace(/\t/g, '    ').length;
      const level = 1 + Math.min(5, Math.ceil(indent / 2));
      // Keep a bullet character in front so "• a • b" (a list typed on one line) is split into items.
      const bulletFirst = new RegExp(`^[${BULLET_CHARS}]`).test(line.slice(marker[1].length));
      const item = bulletFirst ? line.slice(marker[1].length) : line.slice(marker[0].length);
      blocks.push(...lineBlocks(item, { kind: 'list_item', level }));
      i++;
      continue;
    }

    blocks.push(...lineBlocks(line, { kind: 'paragraph' }));
    i++;
  }
  place();
  return blocks;
}
