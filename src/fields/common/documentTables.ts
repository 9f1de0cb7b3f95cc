// The tables of one document as the field extractors read them, worked out once per document: analyseDocument
// passes them to every extractor that reads tables (an extractor called on its own works them out itself).
// Extractors only read them.
import type { DocumentModel } from '../../model/document.js';
import { findSpendingPlans, type SpendingPlan } from './spendingPlan.js';
import { collectGrids, type Grid } from '../../tables/grids.js';
import type { RebuiltTables } from '../../tables/index.js';
import type { LogicalTable } from '../../tables/declared.js';

export interface DocumentTables {
  /** Every table as a grid (collectGrids). */
  grids: Grid[];
  /** The spending plans among them (findSpendingPlans). */
  spendingPlans: SpendingPlan[];
  /** The template's declared tables found among them (src/tables). */
  declared: LogicalTable[];
}

export function documentTables(doc: DocumentModel, rebuilt?: RebuiltTables): DocumentTables {
  const grids = rebuilt?.grids ?? collectGrids(doc);
  const declared = rebuilt?.declared ?? [];
  return { grids, declared, spendingPlans: findSpendingPlans(grids) };
}
