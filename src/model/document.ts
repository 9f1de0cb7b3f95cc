// The one document model every input format is converted into. Segmenter and field extractors only
// ever see these types, never the source format.
import { rowText } from '../text/rows.js';
import type { SourceFormat } from '../text/formats.js';

export type { SourceFormat };

/** A message that travels with a value: what an extractor noticed, where, and the text it saw. */
export interface Finding {
  level: 'info' | 'warning' | 'error';
  message: string;
  page: number | null;
  /** The source text the finding is about (short quote), if any. */
  source?: string;
}

/** A value with the findings made while producing it (mammoth's Result pattern). */
export interface Result<T> {
  value: T;
  messages: Finding[];
}

export interface TableCell {
  text: string;
  /** >1 where the source says the cell spans columns (DOCX gridSpan / HTML colspan). */
  colSpan?: number;
  rowSpan?: number;
  /**
   * Workbooks: the cell's reference as Excel writes it (`Income!B7`, `'Finance - Summary'!C4`), for an item's
   * provenance. Absent for every other format (their cells have no address; a page and quoted text locate them).
   */
  ref?: string;
  /**
   * Workbooks: this empty cell continues a merged range that starts in a row above (the reference of its top-left
   * cell, which carries the rowSpan). Such a cell is kept, like Word's vMerge continuation, so cells line up by column.
   */
  mergedInto?: string;
}

export interface TableRow {
  cells: TableCell[];
  page: number | null;
  /** True for a row the extractor knows to be a header (e.g. <th>, or repeated header on a new page). */
  header?: boolean;
  /** First row after a page break: it may continue the row before it. */
  pageBreakBefore?: boolean;
  /** Workbooks: reference of the row's first cell in its table (`Income!A7`). */
  ref?: string;
}

interface BlockBase {
  /** Page where the block starts (1-based); null where the format has no pages. */
  page: number | null;
  /** Character offset of the block in `DocumentModel.text`. Set by `buildDocument`. */
  offset: number;
}

export interface HeadingBlock extends BlockBase {
  kind: 'heading';
  level: number;
  text: string;
}

export interface ParagraphBlock extends BlockBase {
  kind: 'paragraph';
  text: string;
  /** The whole paragraph is bold/strong: a hint that it may be a heading styled by hand. */
  bold?: boolean;
  /** Text formats: blank lines just above it (a table saved one cell per line leaves one per empty cell). */
  blankLinesBefore?: number;
}

export interface ListItemBlock extends BlockBase {
  kind: 'list_item';
  text: string;
  level: number;
  ordered?: boolean;
}

export interface TableBlock extends BlockBase {
  kind: 'table';
  rows: TableRow[];
  /** Last page the table reaches (tables merged across page breaks). */
  pageEnd?: number | null;
  /**
   * Tables rebuilt from text laid out with spaces: the lines as laid out (one per source line, page breaks
   * dropped), for readers that need what the columns lost (a header wrapped onto a stack of lines).
   */
  layout?: { text: string; page: number | null }[];
}

export type Block = HeadingBlock | ParagraphBlock | ListItemBlock | TableBlock;

/** A block as an extractor emits it, before offsets are assigned. */
export type RawBlock =
  | Omit<HeadingBlock, 'offset'>
  | Omit<ParagraphBlock, 'offset'>
  | Omit<ListItemBlock, 'offset'>
  | Omit<TableBlock, 'offset'>;

export interface DocumentModel {
  format: SourceFormat;
  /** Page count; null where the format has none. */
  pages: number | null;
  blocks: Block[];
  /** Plain text of the whole document; every block's `offset` points into it. */
  text: string;
  /** What extraction noticed (e.g. "table merged across pages 9-10"). */
  messages: Finding[];
}

/** Plain-text form of a block: how it appears in `DocumentModel.text`. Table rows are tab-joined lines. */
export function blockText(block: RawBlock | Block): string {
  if (block.kind === 'table') {
    return block.rows.map(rowText).join('\n');
  }
  return block.text;
}

/** Assign offsets and build the plain text. Every extractor ends with this, so offsets mean the same everywhere. */
export function buildDocument(
  format: SourceFormat,
  pages: number | null,
  raw: RawBlock[],
  messages: Finding[] = [],
): DocumentModel {
  const blocks: Block[] = [];
  let text = '';
  for (const b of raw) {
    const t = blockText(b);
    if (b.kind !== 'table' && t.trim() === '') continue;
    if (b.kind === 'table' && b.rows.length === 0) continue;
    if (text.length > 0) text += '\n\n';
    blocks.push({ ...b, offset: text.length } as Block);
    text += t;
  }
  return { format, pages, blocks, text, messages };
}

/** Thrown by an extractor for a file that cannot be read at all. The reason is shown to the user verbatim. */
export class ExtractionError extends Error {
  constructor(
    message: string,
    /** Short machine reason: corrupt | truncated | empty | encrypted | no_text_layer | wrong_type | too_large | timeout | memory | crashed | unsupported */
    readonly reason: string,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}
