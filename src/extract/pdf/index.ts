import type { DocumentModel } from '../../model/document.js';
import { ExtractionError } from '../../model/document.js';

/** STUB: replaced by the PDF extractor. */
export async function extractPdf(_bytes: Uint8Array): Promise<DocumentModel> {
  throw new ExtractionError('PDF extraction not implemented yet', 'unsupported');
}
