// The tables of one document as the field extractors read them, worked out once per document: analyseDocument
// passes them to every extractor that reads tables (an extractor called on its own works them out itself).
// Extractors only read them.
import type { DocumentModel } from '../../model/document.js';
import { findSpendingPlans, type SpendingPlan } from './spendingPlan.js';
import { collectGrids, type Grid } from '../../tables/grids.js';

export interface DocumentTables {
  /** Every table as a grid (collectGrids). */
  grids: Grid[];
  /** The spending plans among them (findSpendingPlans). */
  spendingPlans: SpendingPlan[];
}

export function documentTables(doc: DocumentModel): DocumentTables {
  const grids = collectGrids(doc);
  return { grids, spendingPlans: findSpendingPlans(grids) };
}
