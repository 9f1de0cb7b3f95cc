// Incremental state kept in the documents and runs tables: what the last runs saw, and the small
// row moves a run makes without re-extracting (touch, relink, removed, restored, duplicates).
import type { Database } from './db.js';

/** What a run needs to know about a stored document to decide whether to read the file again. */
export interface KnownDocument {
  id: number;
  path: string;
  sha256: string | null;
  size: number | null;
  mtimeMs: number | null;
  status: 'ok' | 'failed' | 'removed';
  failureReason: string | null;
  /** Runs in a row whose extraction of this document failed (0 once one succeeds): bounds the retries. */
  failedRuns: number;
  extractorVersion: string;
  removedAt: string | null;
}

/** Every stored document, without the record JSON (kept small so an unchanged re-run stays fast). */
export async function loadKnownDocuments(db: Database): Promise<KnownDocument[]> {
  return db.all<KnownDocument>(
    `SELECT id, path, sha256, size, mtime_ms AS mtimeMs, status, failure_reason AS failureReason, failed_runs AS failedRuns,
            extractor_version AS extractorVersion, removed_at AS removedAt
     FROM documents ORDER BY path`,
  );
}

export async function loadRecordJson(db: Database, path: string): Promise<string | null> {
  const row = await db.get<{ record_json: string }>('SELECT record_json FROM documents WHERE path = ?', [path]);
  return row?.record_json ?? null;
}

/** Status a document has while its file exists: failed when extraction failed, else ok. */
const LIVE_STATUS = `CASE WHEN failure_reason IS NULL THEN 'ok' ELSE 'failed' END`;

/**
 * Same content, new size/mtime (the file was touched or copied over itself). Also brings back a document
 * marked removed whose file has reappeared with the same content.
 */
export async function touchDocument(db: Database, path: string, size: number, mtimeMs: number): Promise<void> {
  await db.run(
    `UPDATE documents SET size = ?, mtime_ms = ?, removed_at = NULL, status = ${LIVE_STATUS} WHERE path = ?`,
    [size, mtimeMs, path],
  );
}

/**
 * A file moved or renamed with the same content: its document row (and every item row, by id) moves to the new
 * path; the record JSON's source.file follows. A row already at the new path belonged to content that is no
 * longer there, so it is replaced. One transaction.
 */
export async function relinkDocument(
  db: Database,
  fromPath: string,
  toPath: string,
  size: number,
  mtimeMs: number,
): Promise<string> {
  return db.transaction(async () => {
    const row = await db.get<{ record_json: string }>('SELECT record_json FROM documents WHERE path = ?', [fromPath]);
    if (!row) throw new Error(`relink: no document at ${fromPath}`);
    const record = JSON.parse(row.record_json) as { source: { file: string } };
    record.source.file = toPath;
    const json = JSON.stringify(record);
    await db.run('DELETE FROM documents WHERE path = ?', [toPath]);
    await db.run(
      `UPDATE documents SET path = ?, size = ?, mtime_ms = ?, record_json = ?, removed_at = NULL,
       status = ${LIVE_STATUS} WHERE path = ?`,
      [toPath, size, mtimeMs, json, fromPath],
    );
    return json;
  });
}

/** The file is gone: keep the document and its items, mark it removed. */
export async function markRemoved(db: Database, path: string, now = new Date()): Promise<void> {
  await db.run(`UPDATE documents SET status = 'removed', removed_at = ? WHERE path = ? AND removed_at IS NULL`, [
    now.toISOString(),
    path,
  ]);
}

/**
 * Recompute duplicate_of: among documents whose files exist, the one stored first (lowest id; a relinked row keeps
 * its id) is the original of its content, and every other path with the same sha256 points at it.
 */
export async function refreshDuplicates(db: Database): Promise<void> {
  await db.transaction(async () => {
    await db.run(`UPDATE documents SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL`);
    await db.run(
      `UPDATE documents SET duplicate_of = (
         SELECT o.path FROM documents o
         WHERE o.sha256 = documents.sha256 AND o.removed_at IS NULL AND o.id < documents.id
         ORDER BY o.id LIMIT 1)
       WHERE sha256 IS NOT NULL AND removed_at IS NULL`,
    );
  });
}

export interface RunCounts {
  processed: number;
  skipped: number;
  failed: number;
  removed: number;
  relinked: number;
}

export interface RunFailure {
  path: string;
  reason: string;
  message: string;
}

/** Open a runs row at the start of a run; a row left without finished_at is a run that was killed. */
export async function startRun(db: Database, inputRoot: string, extractorVersion: string, now = new Date()): Promise<number> {
  const res = await db.run('INSERT INTO runs (started_at, input_root, extractor_version) VALUES (?, ?, ?)', [
    now.toISOString(),
    inputRoot,
    extractorVersion,
  ]);
  return res.lastID;
}

export async function finishRun(
  db: Database,
  runId: number,
  counts: RunCounts,
  failures: RunFailure[],
  now = new Date(),
): Promise<void> {
  await db.run(
    `UPDATE runs SET finished_at = ?, processed = ?, skipped = ?, failed = ?, removed = ?, relinked = ?, failures = ?
     WHERE id = ?`,
    [now.toISOString(), counts.processed, counts.skipped, counts.failed, counts.removed, counts.relinked,
      JSON.stringify(failures), runId],
  );
}
