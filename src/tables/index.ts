// Stage "rebuild tables": between segmentation and the fields. Every table of the document as a grid (real
// tables, tab lines, cell-per-line runs), and the template's declared tables found among them as logical tables.
import type { DocumentModel } from '../model/document.js';
import type { Template } from '../segment/template.js';
import type { Segmentation } from '../segment/types.js';
import { declaredTables, type DeclaredTable, type LogicalTable } from './declared.js';
import { collectGrids, type Grid } from './grids.js';

export interface RebuiltTables {
  grids: Grid[];
  /** The template's finance sheets found in the document, read by their declarations (empty for an unknown template). */
  declared: LogicalTable[];
  /** Every table the template declares (templates/*.json "tables"; none for an unknown template): the words each
   *  field's reader names columns and rows by before its own general vocabulary. */
  declarations: DeclaredTable[];
}

export function rebuildTables(doc: DocumentModel, seg: Segmentation, template: Template | null): RebuiltTables {
  const grids = collectGrids(doc);
  const declarations = template?.tables ?? [];
  return { grids, declared: declaredTables(doc, seg, declarations, grids), declarations };
}
