// From a document model to a plan record: the pure middle of the pipeline (no I/O).
import type { DocumentModel, Finding } from '../model/document.js';
import { PlanRecordSchema, SCHEMA_VERSION, type Flag, type Note, type NoteStage, type PlanRecord, type Source } from '../record/schema.js';
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
  const template = templates.find((t) => t.id === seg.template) ?? null;
  // The round: the template's, else (unknown template) from the years the plan states.
  const round = template?.round ?? roundFromText(doc.text);
  const area = extractArea(doc, seg, round);
  // Grids and spending plans are read by several extractors: worked out once here.
  const tables = documentTables(doc, rebuildTables(doc, seg, template));
  // The registered fields, each reading the sections its template assigns it.
  const { values: fields, checked, messages } = extractFields(doc, seg, tables);
  const flags: Flag[] = [...seg.flags, ...checkPlan(doc, seg, { ...fields, ...checked })];
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
    notes: recordNotes([
      ...doc.messages.map((m) => ({ ...m, stage: 'extract' as const })),
      ...messages.map(({ field, ...m }) => ({ ...m, stage: field })),
    ]),
  };
  // A record that fails its own schema is a bug in the extractors: fail loudly, in tests and in runs.
  return PlanRecordSchema.parse(record);
}

/** At most this many notes per record: the last of them says how many more were left out. */
export const MAX_NOTES = 200;

/**
 * The record's notes from what the stages noticed (extraction first, then each field, in the order they found
 * them): in document order (notes about the whole document, with no page, first, then by page, stable within a
 * page), the same stage, message and page once, and at most MAX_NOTES, the last saying how many were left out.
 */
export function recordNotes(found: Array<Finding & { stage: NoteStage }>): Note[] {
  const seen = new Set<string>();
  const notes: Note[] = [];
  for (const f of found) {
    const key = JSON.stringify([f.stage, f.message, f.page]);
    if (seen.has(key)) continue;
    seen.add(key);
    notes.push({ level: f.level, stage: f.stage, message: f.message, page: f.page, text: f.source ?? null });
  }
  notes.sort((a, b) => (a.page ?? 0) - (b.page ?? 0)); // Array.prototype.sort is stable
  if (notes.length <= MAX_NOTES) return notes;
  const kept = notes.slice(0, MAX_NOTES - 1);
  const left = notes.slice(MAX_NOTES - 1);
  const byStage = new Map<NoteStage, number>();
  for (const n of left) byStage.set(n.stage, (byStage.get(n.stage) ?? 0) + 1);
  const stages = [...byStage].map(([stage, n]) => `${stage} ${n}`).join(', ');
  const level = left.some((n) => n.level === 'error') ? 'error' : left.some((n) => n.level === 'warning') ? 'warning' : 'info';
  kept.push({
    level, stage: left[0].stage, page: null, text: null,
    message: `${left.length} more notes left out (at most ${MAX_NOTES} are kept per record): ${stages}`,
  });
  return kept;
}

/**
 * The record for a file that could not be read: no content, one EXTRACTION_FAILED flag with the reason, and the
 * notes extraction made before it failed where the caller has them.
 */
export function failedRecord(source: Source, reason: string, message: string, notes: Note[] = []): PlanRecord {
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
    notes,
  });
}
