// One file in, one record out. This is what a worker thread runs; it never throws for a bad file.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { extractDocument } from '../extract/index.js';
import { ExtractionError, type DocumentModel } from '../model/document.js';
import type { PlanRecord, Source } from '../record/schema.js';
import type { Template } from '../segment/index.js';
import { analyseDocument, failedRecord } from './analyse.js';

export interface ProcessOutcome {
  record: PlanRecord;
  /** Null when the file was read; otherwise the short reason (see ExtractionError.reason). */
  failure: { reason: string; message: string } | null;
  /** Extraction messages, for the log. */
  messages: string[];
}

function formatOf(relPath: string): Source['format'] {
  const ext = extname(relPath).toLowerCase().slice(1).replace(/^xlsm$/, 'xlsx'); // a macro workbook is read as xlsx
  return (['pdf', 'docx', 'txt', 'md', 'html', 'xlsx'] as const).find((f) => f === ext) ?? null;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Extract and analyse a document's bytes. Pure apart from the extractor libraries. */
export async function processBytes(bytes: Uint8Array, relPath: string, templates: Template[]): Promise<ProcessOutcome> {
  const source: Source = { file: relPath, sha256: sha256(bytes), format: formatOf(relPath), pages: null };
  let doc: DocumentModel;
  try {
    doc = await extractDocument(bytes, relPath);
  } catch (err) {
    const reason = err instanceof ExtractionError ? err.reason : 'corrupt';
    const message = err instanceof Error ? err.message : String(err);
    return { record: failedRecord(source, reason, message), failure: { reason, message }, messages: [] };
  }
  const record = analyseDocument(doc, templates, source);
  return { record, failure: null, messages: doc.messages.map((m) => `${m.level}: ${m.message}${m.page ? ` (page ${m.page})` : ''}`) };
}

export async function processFile(root: string, relPath: string, templates: Template[]): Promise<ProcessOutcome> {
  const bytes = await readFile(join(root, relPath));
  return processBytes(bytes, relPath, templates);
}
