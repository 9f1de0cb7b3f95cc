// HTML to document blocks. One walker for every HTML we meet: mammoth's output for .docx, whole .html
// files and the HTML fragments that converters leave inside .txt plans (often unclosed `<ul>` with the
// bullets typed inline). Callers pass markup through `protectNonMarkup` first so placeholders survive.
import { parseDocument } from 'htmlparser2';
import type { RawBlock, TableCell, TableRow } from '../../model/document.js';
import { normaliseSpaces } from '../../text/clean.js';

type DomDocument = ReturnType<typeof parseDocument>;
type DomNode = DomDocument['children'][number];
interface DomElement {
  type: string;
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
}

function isElement(node: DomNode): node is DomNode & DomElement {
  return 'name' in node && 'children' in node;
}
function isText(node: DomNode): node is DomNode & { data: string } {
  return node.type === 'text';
}

/** Where text being collected will go when flushed. */
type Mode =
  | { kind: 'paragraph' }
  | { kind: 'heading'; level: number }
  | { kind: 'list_item'; level: number; ordered: boolean }
  /** Text typed straight into a `<ul>`/`<ol>` without `<li>`: bullets are inline characters. */
  | { kind: 'bare_list'; level: number; ordered: boolean };

const SKIPPED = new Set(['script', 'style', 'head', 'xml', 'title', 'noscript', 'template', 'img', 'svg', 'iframe', 'object', 'embed', 'meta', 'link']);
const BLOCK_CONTAINERS = new Set([
  'p', 'div', 'section', 'article', 'aside', 'blockquote', 'header', 'footer', 'main', 'nav', 'pre', 'address',
  'figure', 'figcaption', 'dt', 'dd', 'dl', 'center', 'form', 'fieldset', 'details', 'summary', 'caption', 'body', 'html',
]);
const BOLD_TAGS = new Set(['b', 'strong']);

/** Characters typed as bullets at the start of a line or inside a list written as one paragraph. */
export const BULLET_CHARS = '•·▪●◦■□▫‣⁃∙\uf0b7\uf0a7\uf0d8\uf076\uf0fc';
const LEADING_BULLET = new RegExp(`^[${BULLET_CHARS}]\\s*`);
const INLINE_BULLET = new RegExp(`\\s*[${BULLET_CHARS}]\\s*`);

interface Segment {
  text: string;
  bold: boolean;
}

/** Collects inline text and turns it into blocks at block boundaries. */
export interface HtmlToBlocksOptions {
  /**
   * Clean the text of each block before it is classified: for sources whose text still carries a
   * converter's literal markup (markdown emphasis, escaped tags typed as text). Returns the text and
   * whether the markup made the whole text bold or typed a list marker ("- ") in front of it.
   */
  cleanText?: (text: string) => { text: string; bold: boolean; listMarker: boolean };
}

class BlockWriter {
  readonly blocks: RawBlock[] = [];
  private segments: Segment[] = [];
  private modes: Mode[];
  private listDepth = 0;

  constructor(
    initial: Mode,
    readonly options: HtmlToBlocksOptions = {},
  ) {
    this.modes = [initial];
  }

  private get mode(): Mode {
    return this.modes[this.modes.length - 1];
  }

  addText(text: string, bold: boolean): void {
    if (text) this.segments.push({ text, bold });
  }

  flush(): void {
    const segments = this.segments;
    this.segments = [];
    let text = collapse(segments.map((s) => s.text).join(''));
    let literalBold = false;
    let literalListMarker = false;
    if (this.options.cleanText && text) {
      const cleaned = this.options.cleanText(text);
      text = collapse(cleaned.text);
      literalBold = cleaned.bold;
      literalListMarker = cleaned.listMarker;
    }
    if (!text) return;
    const mode = this.mode;
    if (mode.kind === 'heading') {
      this.blocks.push({ kind: 'heading', level: mode.level, text, page: null });
      return;
    }
    if (mode.kind === 'list_item') {
      for (const item of splitInlineBullets(text, false)) {
        this.blocks.push({ kind: 'list_item', level: mode.level, text: item, page: null, ...(mode.ordered ? { ordered: true } : {}) });
      }
      return;
    }
    if (mode.kind === 'bare_list') {
      for (const item of splitInlineBullets(text, true)) {
        this.blocks.push({ kind: 'list_item', level: mode.level, text: item, page: null, ...(mode.ordered ? { ordered: true } : {}) });
      }
      return;
    }
    if (literalListMarker) {
      this.blocks.push({ kind: 'list_item', level: 1, text, page: null });
      return;
    }
    // A paragraph typed as "• a • b • c" is a list written on one line.
    if (LEADING_BULLET.test(text)) {
      for (const item of splitInlineBullets(text, false)) this.blocks.push({ kind: 'list_item', level: 1, text: item, page: null });
      return;
    }
    const bold = literalBold || isWhollyBold(segments);
    this.blocks.push({ kind: 'paragraph', text, page: null, ...(bold ? { bold: true } : {}) });
  }

  push(mode: Mode): void {
    this.flush();
    this.modes.push(mode);
  }

  pop(): void {
    this.flush();
    if (this.modes.length > 1) this.modes.pop();
  }

  /** Mode for a `<p>`/`<div>`: inside a list item or heading it keeps that role. */
  containerMode(): Mode {
    const m = this.mode;
    return m.kind === 'bare_list' ? { kind: 'paragraph' } : m;
  }

  enterList(ordered: boolean): void {
    this.listDepth++;
    this.push({ kind: 'bare_list', level: this.listDepth, ordered });
  }

  leaveList(): void {
    this.pop();
    this.listDepth--;
  }

  listItemMode(ordered: boolean): Mode {
    const m = this.mode;
    const isOrdered = m.kind === 'bare_list' ? m.ordered : ordered;
    return { kind: 'list_item', level: Math.max(1, this.listDepth), ordered: isOrdered };
  }

  addBlock(block: RawBlock): void {
    this.flush();
    this.blocks.push(block);
  }
}

function collapse(s: string): string {
  return normaliseSpaces(s).replace(/\s+/g, ' ').trim();
}

/** True when every visible character of the paragraph sits inside <b>/<strong>. */
function isWhollyBold(segments: Segment[]): boolean {
  const visible = segments.filter((s) => /\S/.test(normaliseSpaces(s.text)));
  return visible.length > 0 && visible.every((s) => s.bold) && visible.some((s) => /[\p{L}\p{N}]/u.test(s.text));
}

/**
 * Split "• a • b" into items. In a bare list (text typed into `<ul>`), "- a - b" is split too, but only
 * when the text itself starts with that marker: elsewhere " - " is ordinary punctuation.
 */
function splitInlineBullets(text: string, bareList: boolean): string[] {
  let items: string[];
  if (LEADING_BULLET.test(text)) {
    items = text.replace(LEADING_BULLET, '').split(INLINE_BULLET);
  } else if (bareList && /^[-*–]\s/.test(text)) {
    const marker = text[0] === '*' ? '\\*' : text[0];
    items = text.slice(1).split(new RegExp(`\\s+${marker}\\s+`));
  } else {
    items = [text];
  }
  return items.map((t) => t.trim()).filter((t) => t !== '');
}

function spanAttribute(value: string | undefined): number | undefined {
  const n = value ? Number.parseInt(value, 10) : NaN;
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : undefined;
}

function rowCells(tr: DomElement): DomElement[] {
  return tr.children.filter(isElement).filter((c) => c.name === 'td' || c.name === 'th');
}

function hasText(el: DomElement): boolean {
  return el.children.some((c) => (isText(c) ? normaliseSpaces(c.data).trim() !== '' : isElement(c) && !SKIPPED.has(c.name) && hasText(c)));
}

/**
 * The cells of a table that only frames text: a single column, or a single row with at most one
 * non-empty cell. Null for a real table.
 */
function textBoxCells(table: DomElement): DomElement[] | null {
  const rows = tableRowElements(table).map(rowCells).filter((cells) => cells.length > 0);
  if (rows.length === 0) return null;
  if (rows.every((cells) => cells.length === 1)) return rows.map((cells) => cells[0]);
  if (rows.length === 1) {
    const filled = rows[0].filter(hasText);
    if (filled.length <= 1) return filled;
  }
  return null;
}

/** Rows of a table element, not descending into nested tables. */
function tableRowElements(table: DomElement): DomElement[] {
  const rows: DomElement[] = [];
  const visit = (el: DomElement) => {
    for (const child of el.children) {
      if (!isElement(child)) continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

/** Text of a cell: its paragraphs and list items each on a line; a nested table flattened row by row. */
function cellText(cell: DomElement, options: HtmlToBlocksOptions): string {
  const writer = new BlockWriter({ kind: 'paragraph' }, options);
  walkChildren(cell, writer, false);
  writer.flush();
  return writer.blocks
    .map((b) => (b.kind === 'table' ? b.rows.map((r) => r.cells.map((c) => c.text.replace(/\n/g, ' ')).join(' | ')).join('\n') : b.text))
    .filter((t) => t.trim() !== '')
    .join('\n');
}

function tableBlock(table: DomElement, options: HtmlToBlocksOptions): RawBlock {
  const rows: TableRow[] = [];
  for (const tr of tableRowElements(table)) {
    const cellElements = rowCells(tr);
    if (cellElements.length === 0) continue;
    const cells: TableCell[] = cellElements.map((c) => {
      const cell: TableCell = { text: cellText(c, options) };
      const colSpan = spanAttribute(c.attribs.colspan);
      const rowSpan = spanAttribute(c.attribs.rowspan);
      if (colSpan) cell.colSpan = colSpan;
      if (rowSpan) cell.rowSpan = rowSpan;
      return cell;
    });
    const row: TableRow = { cells, page: null };
    if (cellElements.every((c) => c.name === 'th')) row.header = true;
    rows.push(row);
  }
  return { kind: 'table', rows, page: null };
}

function walkChildren(el: { children: DomNode[] }, writer: BlockWriter, bold: boolean): void {
  for (const child of el.children) walk(child, writer, bold);
}

function walk(node: DomNode, writer: BlockWriter, bold: boolean): void {
  if (isText(node)) {
    writer.addText(node.data, bold);
    return;
  }
  if (!isElement(node)) return; // comments, directives
  const name = node.name.toLowerCase();
  if (SKIPPED.has(name)) return;
  if (name === 'br' || name === 'hr') {
    writer.flush(); // a line break separates lines that may be headings
    return;
  }
  const heading = /^h([1-6])$/.exec(name);
  if (heading) {
    writer.push({ kind: 'heading', level: Number(heading[1]) });
    walkChildren(node, writer, bold);
    writer.pop();
    return;
  }
  if (name === 'ul' || name === 'ol' || name === 'menu' || name === 'dir') {
    writer.enterList(name === 'ol');
    walkChildren(node, writer, bold);
    writer.leaveList();
    return;
  }
  if (name === 'li') {
    writer.push(writer.listItemMode(false));
    walkChildren(node, writer, bold);
    writer.pop();
    return;
  }
  if (name === 'table') {
    const boxCells = textBoxCells(node);
    if (boxCells) {
      // A table used as a box around text: its paragraphs (often a heading) are read as such.
      for (const cell of boxCells) {
        writer.push(writer.containerMode());
        walkChildren(cell, writer, bold);
        writer.pop();
      }
      return;
    }
    writer.addBlock(tableBlock(node, writer.options));
    return;
  }
  if (name === 'a' && /^#(?:footnote|endnote)-/.test(node.attribs.href ?? '')) {
    return; // mammoth's note reference "[1]" and the "↑" back link: noise inside headings and text
  }
  if (name === 'tr' || name === 'td' || name === 'th' || name === 'tbody' || name === 'thead' || name === 'tfoot') {
    // Table parts outside a <table> (a broken fragment): keep their text, one block per part.
    writer.push(writer.containerMode());
    walkChildren(node, writer, bold);
    writer.pop();
    return;
  }
  if (BLOCK_CONTAINERS.has(name)) {
    writer.push(writer.containerMode());
    walkChildren(node, writer, bold);
    writer.pop();
    return;
  }
  walkChildren(node, writer, bold || BOLD_TAGS.has(name));
}

export type InitialRole = { kind: 'paragraph' } | { kind: 'heading'; level: number } | { kind: 'list_item'; level: number };

/**
 * Blocks of an HTML document or fragment, in order. `role` is what loose text becomes (a markdown
 * heading or list line that contains markup keeps its role). Input must already be protected.
 */
export function htmlToBlocks(
  html: string,
  role: InitialRole = { kind: 'paragraph' },
  options: HtmlToBlocksOptions = {},
): RawBlock[] {
  const dom = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const writer = new BlockWriter(role.kind === 'list_item' ? { ...role, ordered: false } : role, options);
  walkChildren(dom, writer, false);
  writer.flush();
  return writer.blocks;
}

/** Plain text of a fragment (a table cell written inline): block texts joined by newlines. */
export function htmlToText(html: string): string {
  return htmlToBlocks(html)
    .map((b) => (b.kind === 'table' ? b.rows.map((r) => r.cells.map((c) => c.text).join(' | ')).join('\n') : b.text))
    .join('\n');
}
