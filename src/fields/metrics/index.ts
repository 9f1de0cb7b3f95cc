import type { DocumentModel, Result } from '../../model/document.js';
import type { Metric } from '../../record/schema.js';
import type { Segmentation } from '../../segment/types.js';

/** STUB: replaced by the metrics extractor. */
export function extractMetrics(_doc: DocumentModel, _seg: Segmentation): Result<Metric[]> {
  return { value: [], messages: [] };
}
