import type { DocumentModel } from '../model/document.js';
import type { Budget, Flag, Metric, Risk, Scheme } from '../record/schema.js';
import type { Segmentation } from '../segment/types.js';

export interface ExtractedFields {
  schemes: Scheme[];
  budgets: Budget[];
  risks: Risk[];
  metrics: Metric[];
}

/** STUB: cross-checks (risk scores, totals, minimum, metric ratios) and placeholder/unsigned flags. */
export function checkPlan(_doc: DocumentModel, _seg: Segmentation, _fields: ExtractedFields): Flag[] {
  return [];
}
