import type { DocumentModel } from '../../model/document.js';
import type { Area } from '../../record/schema.js';
import type { Segmentation } from '../../segment/types.js';

/** STUB: local authorities, CCGs/ICB and the HWB from the plan-details table or cover. */
export function extractArea(_doc: DocumentModel, _seg: Segmentation): Area {
  return { localAuthorities: [], ccgs: [], healthAndWellbeingBoard: null };
}
