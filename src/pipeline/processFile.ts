// One file in, one record out. This is what a worker process runs; it never throws for a bad file.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { extractDocument, MAX_FILE_BYTES, MAX_TEXT_BYTES, sniffType, textTooLarge } from '../extract/index.js';
import { ExtractionError, type DocumentModel } from '../model/document.js';
import type { PlanRecord, Source } from '../record/schema.js';
import type { Template } from '../segment/index.js';
import { analyseDocument, failedRecord } from './analyse.js';
import { formatOfName, isTextFormat } from '../text/formats.js';

export interface ProcessOutcome {
  record: PlanRecord;
  /** Null when the file was read; otherwise the short reason (see ExtractionError.reason). */
  failure: { reason: string; message: string } | null;
  /** Extraction messages, for the log. */
  messages: string[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Extract and analyse a document's bytes. Pure apart from the extractor libraries. */
export async function processBytes(bytes: Uint8Array, relPath: string, templates: Template[]): Promise<ProcessOutcome> {
  const source: Source = { file: relPath, sha256: sha256(bytes), format: formatOfName(relPath), pages: null };
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

/**
 * Read a file with its size checked first: over MAX_FILE_BYTES, or text over MAX_TEXT_BYTES (sniffed from the
 * first bytes, not the extension), it is refused without being read, so no single file can fill a worker's memory.
 */
export async function processFile(root: string, relPath: string, templates: Template[]): Promise<ProcessOutcome> {
  const handle = await open(join(root, relPath), 'r');
  let bytes: Uint8Array;
  try {
    const { size } = await handle.stat();
    const tooLarge = (err: ExtractionError): ProcessOutcome => {
      const source: Source = { file: relPath, sha256: null, format: formatOfName(relPath), pages: null };
      return { record: failedRecord(source, err.reason, err.message), failure: { reason: err.reason, message: err.message }, messages: [] };
    };
    if (size > MAX_FILE_BYTES) {
      return tooLarge(new ExtractionError(`file is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit (not read)`, 'too_large'));
    }
    if (size > MAX_TEXT_BYTES) {
      const head = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      if (isTextFormat(sniffType(head.subarray(0, bytesRead), relPath))) return tooLarge(textTooLarge(size));
    }
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  return processBytes(bytes, relPath, templates);
}
