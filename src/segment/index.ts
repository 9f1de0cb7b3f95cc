import type { DocumentModel } from '../model/document.js';
import type { Segmentation } from './types.js';

export type { Segmentation, SectionSpan } from './types.js';

/** A template as loaded from templates/*.json. STUB: the segment stage defines the real shape. */
export interface Template {
  id: string;
}

/** STUB: load every template file from a folder. */
export function loadTemplates(_dir?: string): Template[] {
  return [];
}

/** STUB: detect the template and find each of its sections. */
export function segmentDocument(_doc: DocumentModel, _templates: Template[]): Segmentation {
  return { template: 'unknown', sections: [], flags: [] };
}
