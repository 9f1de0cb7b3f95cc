import { buildDocument, type DocumentModel } from '../../model/document.js';

/** STUB: replaced by the text extractor. One paragraph per non-blank line. */
export function extractText(text: string, format: 'txt' | 'md' | 'html'): DocumentModel {
  const blocks = text.split(/\r?\n/).map((t) => ({ kind: 'paragraph' as const, text: t, page: null }));
  return buildDocument(format, null, blocks);
}
