import type { DocumentModel, Result } from '../../model/document.js';
import type { Scheme } from '../../record/schema.js';
import type { Segmentation } from '../../segment/types.js';

/** STUB: replaced by the schemes extractor. */
export function extractSchemes(_doc: DocumentModel, _seg: Segmentation): Result<Scheme[]> {
  return { value: [], messages: [] };
}
