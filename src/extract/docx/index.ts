import type { DocumentModel } from '../../model/document.js';
import { ExtractionError } from '../../model/document.js';

/** STUB: replaced by the DOCX extractor. */
export async function extractDocx(_bytes: Uint8Array): Promise<DocumentModel> {
  throw new ExtractionError('DOCX extraction not implemented yet', 'unsupported');
}
