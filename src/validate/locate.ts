// Finding where an extracted item sits in the document, so its flag can name the section.
import { blockText, type DocumentModel } from '../model/document.js';
import { sectionAt, type Segmentation } from '../segment/types.js';

export interface Place {
  offset: number;
  blockIndex: number;
}

/** Where `text` occurs in the document, preferring a block that also holds `context` and lies on `page`. */
export function locate(doc: DocumentModel, text: string | null | undefined, page: number | null, context?: string | null): Place | null {
  const line = (text ?? '').split('\n')[0];
  const exact = findIn(doc, line.trim(), page, context);
  if (exact) return exact;
  // A row re-joined with merged cells expanded differs from the document text: fall back to its longest cell.
  const longest = line.split('\t').map((c) => c.trim()).sort((a, b) => b.length - a.length)[0];
  return longest && longest.length >= 6 && longest !== line.trim() ? findIn(doc, longest, page, context) : null;
}

// Every item located in a document searches all its blocks: their texts are built once per document.
const blockTextsCache = new WeakMap<DocumentModel, string[]>();

function blockTexts(doc: DocumentModel): string[] {
  let texts = blockTextsCache.get(doc);
  if (!texts) blockTextsCache.set(doc, (texts = doc.blocks.map(blockText)));
  return texts;
}

function findIn(doc: DocumentModel, needle: string, page: number | null, context?: string | null): Place | null {
  if (!needle) return null;
  let best: { place: Place; rank: number } | null = null;
  const texts = blockTexts(doc);
  doc.blocks.forEach((b, i) => {
    const t = texts[i];
    const at = t.indexOf(needle);
    if (at < 0) return;
    const end = b.kind === 'table' ? (b.pageEnd ?? b.page) : b.page;
    const onPage = page === null || b.page === null || (page >= b.page && page <= (end ?? b.page));
    const withContext = !context || t.includes(context);
    const rank = (onPage ? 2 : 0) + (withContext ? 1 : 0);
    if (!best || rank > best.rank) best = { place: { offset: b.offset + at, blockIndex: i }, rank };
  });
  return best ? (best as { place: Place }).place : null;
}

/** The id of the section an item's text sits in, or null when it cannot be placed. */
export function sectionIdOf(doc: DocumentModel, seg: Segmentation, text: string | null | undefined, page: number | null, context?: string | null): string | null {
  const place = locate(doc, text, page, context);
  return place ? (sectionAt(seg, place.offset)?.id ?? null) : null;
}
