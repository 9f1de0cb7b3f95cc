// Candidate heading positions in a document: heading blocks, short/bold paragraphs and list items, the
// start of a long paragraph (a heading run into its answer) and single-cell table rows.
import type { Block, DocumentModel } from '../model/document.js';
import { stripMarkup } from '../text/clean.js';
import { cellLine, rowText as rowTextOf } from '../text/rows.js';
import { contentTokens, parseHeadingPrefix, type HeadingPrefix } from './text.js';

export type CandidateKind = 'heading' | 'bold' | 'short' | 'row' | 'runin';

export interface Candidate {
  blockIndex: number;
  /** Table row index for a row candidate, else null. */
  rowIndex: number | null;
  /** Offset of the candidate in DocumentModel.text. */
  offset: number;
  /** Offset just after the candidate's own text (for a run-in heading: the end of the paragraph's first sentence). */
  end: number;
  page: number | null;
  /** The line as written, markup removed (for a long paragraph: its opening). */
  display: string;
  prefix: HeadingPrefix;
  /** Content tokens of the text after the numbering (first 60 for a long paragraph). */
  tokens: string[];
  kind: CandidateKind;
  /** Tokens and 4-letter stems of longer tokens, for a quick "could this match at all" test. */
  keys: Set<string>;
  /** Ends in a page number or dot leaders: a contents entry. */
  tocLike: boolean;
  /** One of a run of short single-line paragraphs: a table's column read as text (its labels, then its values). */
  inLabelRun: boolean;
}

/** Longest text that can be a heading line on its own (the 2014 templates' question headings run to ~190 chars). */
const MAX_HEADING_CHARS = 240;
const MAX_HEADING_WORDS = 40;
const TOC_TAIL = /(?:\.{3,}|\u2026|\t)\s*\d{1,3}\s*$|\s\d{1,3}$/;

export function tokenKeys(tokens: string[]): Set<string> {
  const keys = new Set<string>(tokens);
  for (const t of tokens) if (t.length >= 5) keys.add(`~${t.slice(0, 4)}`);
  return keys;
}

function isShort(text: string): boolean {
  if (text.length > MAX_HEADING_CHARS) return false;
  // n characters split into at most ceil(n / 2) + 1 pieces: short text needs no split.
  return text.length <= 2 * (MAX_HEADING_WORDS - 1) || text.split(/\s+/).length <= MAX_HEADING_WORDS;
}

function makeCandidate(
  blockIndex: number,
  rowIndex: number | null,
  offset: number,
  rawLine: string,
  page: number | null,
  kind: CandidateKind,
): Candidate | null {
  const tocLike = TOC_TAIL.test(rawLine.replace(/\s+$/, '')) && kind !== 'heading';
  const display = stripMarkup(rawLine.replace(/\t+/g, ' '));
  if (!/[A-Za-z]/.test(display)) return null;
  const prefix = parseHeadingPrefix(display);
  const tokens = contentTokens(prefix.rest).slice(0, 60);
  if (tokens.length === 0) return null;
  return { blockIndex, rowIndex, offset, end: offset + rawLine.length, page, display, prefix, tokens, kind, tocLike, inLabelRun: false, keys: tokenKeys(tokens) };
}

function textCandidates(block: Exclude<Block, { kind: 'table' }>, index: number): Candidate[] {
  const kind: CandidateKind =
    block.kind === 'heading' ? 'heading' : block.kind === 'paragraph' && block.bold ? 'bold' : 'short';
  const lineEnd = block.text.indexOf('\n');
  const first = lineEnd < 0 ? block.text : block.text.slice(0, lineEnd);
  if (isShort(first.trim()) && (lineEnd >= 0 || isShort(block.text.trim()))) {
    // A short block, or a multi-line block whose first line is a heading and the rest its answer.
    const c = makeCandidate(index, null, block.offset, first, block.page, kind);
    return c ? [c] : [];
  }
  // A long paragraph: its opening may be a heading run into the answer.
  const c = makeCandidate(index, null, block.offset, block.text.slice(0, 400), block.page, 'runin');
  if (!c) return [];
  c.tocLike = false;
  c.end = block.offset;
  return [c];
}

function rowCandidates(block: Extract<Block, { kind: 'table' }>, index: number): Candidate[] {
  const out: Candidate[] = [];
  let offset = block.offset;
  for (let r = 0; r < block.rows.length; r++) {
    const row = block.rows[r];
    const rowText = rowTextOf(row);
    const filled = row.cells.map((c) => c.text.trim()).filter((t) => t !== '');
    let line: string | null = null;
    let end = offset + rowText.length;
    if (filled.length === 1) line = filled[0];
    // "a) | Summary of plan | 4": a numbered row, as in a contents table or a template laid out in a grid.
    else if (filled.length >= 2 && filled.length <= 3 && /^\(?(?:\d{1,2}|[a-h])[).]?$/i.test(filled[0])) {
      line = filled.join(' ');
      if (filled.length === 3 && /^\d{1,3}$/.test(filled[2])) line = `${filled[0]} ${filled[1]}\t${filled[2]}`;
    } else if (filled.length >= 2 && /^\(?(?:\d{1,2}|[a-h])\s*\)\s*\S/i.test(filled[0]) && !/^\d{1,3}$/.test(filled[filled.length - 1])) {
      // "b) Contingency plan | <the answer>": the question in the first cell, its answer beside it.
      line = filled[0];
      const at = rowText.indexOf(cellLine(row.cells.find((c) => c.text.trim() !== '')!.text));
      end = offset + Math.max(0, at) + line.length;
    }
    if (line && isShort(line)) {
      const c = makeCandidate(index, r, offset, line, row.page ?? block.page, 'row');
      if (c) {
        c.end = end;
        out.push(c);
      }
    }
    offset += rowText.length + 1;
  }
  return out;
}

const CONTENTS_TITLE = /^(?:table\s+of\s+)?contents(?:\s+page)?:?$|^index$/i;
const PAGE_TAIL = /(?:^|\s|\.)\d{1,3}\s*$/;

/** A table most of whose rows end in a page number: a contents table. */
function isContentsTable(block: Extract<Block, { kind: 'table' }>): boolean {
  const rows = block.rows.map((r) => r.cells.map((c) => c.text.trim()).filter((t) => t !== ''));
  const paged = rows.filter((r) => r.length >= 2 && /^\d{1,3}$/.test(r[r.length - 1])).length;
  return paged >= 3 && paged >= rows.length * 0.4;
}

/**
 * Blocks that make up a contents list: a table of page-numbered rows, or what follows a "Contents"
 * title (that table, or the short lines up to the first long paragraph or the first repeated entry).
 */
export function contentsBlocks(doc: DocumentModel): Set<number> {
  const out = new Set<number>();
  const blocks = doc.blocks;
  blocks.forEach((b, i) => {
    if (b.kind === 'table' && isContentsTable(b)) out.add(i);
  });
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'table' || !CONTENTS_TITLE.test(stripMarkup(b.text))) continue;
    if (blocks[i + 1]?.kind === 'table') {
      out.add(i + 1);
      continue;
    }
    const seen = new Set<string>();
    for (let k = i + 1; k < blocks.length && k < i + 120; k++) {
      const n = blocks[k];
      if (n.kind === 'table' || n.text.length > 150) break;
      const key = contentTokens(parseHeadingPrefix(stripMarkup(n.text).replace(PAGE_TAIL, '')).rest).join(' ');
      if (seen.has(key)) break;
      seen.add(key);
      out.add(k);
    }
  }
  return out;
}

/** Fewest short single-line paragraphs in a row that are a table's column read as text, not headings and prose. */
const LABEL_RUN = 4;
const LABEL_LINE_CHARS = 80;
/** A line ending in a word a phrase goes on after: wrapped, not a whole label. */
const WRAPPED_TAIL = /\b(?:and|or|of|for|the|to|with|in|on|by|your|our|a|an|from|at|as)$/i;

/**
 * Blocks in a run of LABEL_RUN or more plain paragraphs of one short line each, none ending a sentence: a table
 * without rules that a converter gave column by column (an income table's funding sources one a line, then their
 * amounts). A label there may repeat part of a section heading ("Disabled Facilities Grant (DFG)"); it is not one.
 */
export function labelRunBlocks(doc: DocumentModel): Set<number> {
  const out = new Set<number>();
  // A label is whole: a line that opens or ends mid-phrase, or that the next line goes on from, is wrapped text.
  const isLabelLine = (b: Block, next: Block | undefined) => {
    if (b.kind !== 'paragraph' || b.bold || b.text.includes('\n')) return false;
    const t = b.text.trim();
    if (t.length > LABEL_LINE_CHARS) return false;
    if (/[.!?,;\-–]$/.test(t) || WRAPPED_TAIL.test(t) || /^\p{Ll}/u.test(t)) return false;
    return !(next !== undefined && next.kind !== 'table' && /^\p{Ll}/u.test(next.text.trim()));
  };
  let start = 0;
  doc.blocks.forEach((b, i) => {
    if (!isLabelLine(b, doc.blocks[i + 1])) start = i + 1;
    else if (i + 1 - start === LABEL_RUN) for (let k = start; k <= i; k++) out.add(k);
    else if (i + 1 - start > LABEL_RUN) out.add(i);
  });
  return out;
}

/** Every place in the document that could be a section heading, in document order. */
export function findCandidates(doc: DocumentModel): Candidate[] {
  const out: Candidate[] = [];
  const contents = contentsBlocks(doc);
  const labelRuns = labelRunBlocks(doc);
  doc.blocks.forEach((block, i) => {
    const found = block.kind === 'table' ? rowCandidates(block, i) : textCandidates(block, i);
    for (const c of found) {
      if (contents.has(i)) c.tocLike = true;
      if (labelRuns.has(i)) c.inLabelRun = true;
    }
    out.push(...found);
  });
  return out;
}
