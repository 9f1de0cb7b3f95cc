// From a document model to a plan record: the pure middle of the pipeline (no I/O).
import type { DocumentModel } from '../model/document.js';
import { PlanRecordSchema, SCHEMA_VERSION, type Flag, type PlanRecord, type Source } from '../record/schema.js';
import { segmentDocument, type Template } from '../segment/index.js';
import { extractArea } from '../fields/area/index.js';
import { roundFromText } from '../fields/area/round.js';
import { planDate } from '../fields/area/dated.js';
import { extractFields } from '../fields/registry.js';
import { documentTables } from '../fields/common/documentTables.js';
import { rebuildTables } from '../tables/index.js';
import { checkPlan } from '../validate/index.js';
import { EXTRACTOR_VERSION } from './version.js';

export function analyseDocument(doc: DocumentModel, templates: Template[], source: Source): PlanRecord {
  const seg = segmentDocument(doc, templates);
  // The round: the template's, else (unknown template) from the years the plan states.
  const round = templates.find((t) => t.id === seg.template)?.round ?? roundFromText(doc.text);
  const area = extractArea(doc, seg, round);
  // Grids and spending plans are read by several extractors: worked out once here.
  const template = templates.find((t) => t.id === seg.template) ?? null;
  const tables = documentTables(doc, rebuildTables(doc, seg, template));
  // The registered fields, each reading the sections its template assigns it.
  const { values: fields } = extractFields(doc, seg, tables);
  const flags: Flag[] = [...seg.flags, ...checkPlan(doc, seg, fields)];
  const record: PlanRecord = {
    schemaVersion: SCHEMA_VERSION,
    extractorVersion: EXTRACTOR_VERSION,
    source: { ...source, format: doc.format, pages: doc.pages },
    template: seg.template,
    round,
    planDate: planDate(doc.text),
    area,
    sections: seg.sections.map(({ id, heading, status, page }) => ({ id, heading, status, page })),
    ...fields,
    flags,
  };
  // A record that fails its own schema is a bug in the extractors: fail loudly, in tests and in runs.
  return PlanRecordSchema.parse(record);
}

/** The record for a file that could not be read: no content, one EXTRACTION_FAILED flag with the reason. */
export function failedRecord(source: Source, reason: string, message: string): PlanRecord {
  return PlanRecordSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    extractorVersion: EXTRACTOR_VERSION,
    source,
    template: 'unknown',
    round: null,
    planDate: null,
    area: { localAuthorities: [], ccgs: [], healthAndWellbeingBoard: null, organisations: [], hwbAreaCode: null },
    sections: [],
    schemes: [],
    budgets: [],
    risks: [],
    metrics: [],
    flags: [
      { code: 'EXTRACTION_FAILED', severity: 'error', message: `${reason}: ${message}`, section: null, page: null },
    ],
  });
}
