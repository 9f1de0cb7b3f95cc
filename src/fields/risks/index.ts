import type { DocumentModel, Result } from '../../model/document.js';
import type { Risk } from '../../record/schema.js';
import type { Segmentation } from '../../segment/types.js';

/** STUB: replaced by the risks extractor. */
export function extractRisks(_doc: DocumentModel, _seg: Segmentation): Result<Risk[]> {
  return { value: [], messages: [] };
}
