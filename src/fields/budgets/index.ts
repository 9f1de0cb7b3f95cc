import type { DocumentModel, Result } from '../../model/document.js';
import type { Budget } from '../../record/schema.js';
import type { Segmentation } from '../../segment/types.js';

/** STUB: replaced by the budgets extractor. */
export function extractBudgets(_doc: DocumentModel, _seg: Segmentation): Result<Budget[]> {
  return { value: [], messages: [] };
}
