// The tables of one document as the field extractors read them, worked out once per document: analyseDocument
// passes them to every extractor that reads tables (an extractor called on its own works them out itself).
// Extractors only read them.
import type { DocumentModel } from '../../model/document.js';
import { findSpendingPlans, spendingDeclarations, spendingRows, type SpendingPlan } from './spendingPlan.js';
import { figureRowGrids } from '../../tables/figureRows.js';
import { collectGrids, type Grid } from '../../tables/grids.js';
import type { RebuiltTables } from '../../tables/index.js';
import type { DeclaredTable, LogicalTable } from '../../tables/declared.js';

export interface DocumentTables {
  /** Every table as a grid (collectGrids). */
  grids: Grid[];
  /** The spending plans among them (findSpendingPlans). */
  spendingPlans: SpendingPlan[];
  /** The template's finance sheets found among them, read by their declarations (src/tables/declared.ts). */
  declared: LogicalTable[];
  /** Every table the template declares: the words the readers name columns and rows by, before their own. */
  declarations: DeclaredTable[];
}

export function documentTables(doc: DocumentModel, rebuilt?: RebuiltTables): DocumentTables {
  const collected = rebuilt?.grids ?? collectGrids(doc);
  const declared = rebuilt?.declared ?? [];
  const declarations = rebuilt?.declarations ?? [];
  // The template's spending-plan words name the plan's columns before the general ones.
  const spending = spendingDeclarations(declarations);
  const found = findSpendingPlans(collected, spending);
  if (found.some((p) => p.rows.length > 0)) return { grids: collected, declared, declarations, spendingPlans: found };
  // No spending plan among the tables: one in pdftotext's reading order, a row a run of cells up to its figure.
  const flattened = figureRowGrids(doc, 0, doc.blocks.length, spendingRows(spending));
  const grids = [...collected, ...flattened].sort((a, b) => a.blockStart - b.blockStart);
  return { grids, declared, declarations, spendingPlans: findSpendingPlans(grids, spending) };
}
