// Stage "rebuild tables": between segmentation and the fields. Every table of the document as a grid (real
// tables, tab lines, cell-per-line runs), and the template's declared tables found among them as logical tables.
import type { DocumentModel } from '../model/document.js';
import type { Template } from '../segment/template.js';
import type { Segmentation } from '../segment/types.js';
import { declaredTables, type LogicalTable } from './declared.js';
import { collectGrids, type Grid } from './grids.js';

export interface RebuiltTables {
  grids: Grid[];
  /** The template's own tables found in the document (empty for an unknown template). */
  declared: LogicalTable[];
}

export function rebuildTables(doc: DocumentModel, seg: Segmentation, template: Template | null): RebuiltTables {
  const grids = collectGrids(doc);
  return { grids, declared: template ? declaredTables(doc, seg, template.tables, grids) : [] };
}
