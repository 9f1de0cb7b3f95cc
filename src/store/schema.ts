// SQLite schema of DIR/plansift.sqlite. A public interface for researchers (docs/schema.md):
// change it only together with SCHEMA_VERSION in record/schema.ts and a migration.
// Every per-item table has document_id -> documents(id) ON DELETE CASCADE, so one document's rows
// are replaced in one transaction by deleting and re-inserting them. The item tables are generated from the
// record's zod schemas (record/itemTables.ts); documents, plans and runs are written out here.
import { NOTE_STAGES } from '../record/schema.js';
import { ITEM_TABLES, type ItemColumn, type ItemTable } from '../record/itemTables.js';

const DOCUMENT_TABLES = `
CREATE TABLE IF NOT EXISTS documents (
  id                INTEGER PRIMARY KEY,
  path              TEXT NOT NULL UNIQUE,     -- relative to the input root
  sha256            TEXT,
  size              INTEGER,
  mtime_ms          REAL,
  format            TEXT,
  pages             INTEGER,
  template          TEXT NOT NULL,
  local_authorities TEXT NOT NULL DEFAULT '[]', -- JSON array
  ccgs              TEXT NOT NULL DEFAULT '[]', -- JSON array
  hwb               TEXT,
  area_name         TEXT,                      -- display name: HWB, else first local authority, else file
  round             TEXT,                      -- planning round, e.g. 2015-16, 2022-23, 2023-25 (v2)
  hwb_area_code     TEXT,                      -- ONS code of the plan's HWB area (v2)
  plan_date         TEXT,                      -- yyyy-mm-dd the plan states it was submitted/agreed (v2)
  plan_id           INTEGER,                   -- plans.id of the plan this file belongs to (v2)
  status            TEXT NOT NULL,             -- ok | failed | removed
  failure_reason    TEXT,
  failed_runs       INTEGER NOT NULL DEFAULT 0, -- runs in a row that failed to extract it (bounds retries)
  duplicate_of      TEXT,                      -- path of another document with the same sha256
  extractor_version TEXT NOT NULL,
  processed_at      TEXT NOT NULL,             -- ISO time
  removed_at        TEXT,                      -- ISO time the file disappeared from the input
  record_json       TEXT NOT NULL              -- the full JSON record
);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);

CREATE TABLE IF NOT EXISTS plans (
  id                  INTEGER PRIMARY KEY,
  plan_key            TEXT NOT NULL UNIQUE,    -- hwb_area_code|round, or name:<area name>|round when unmatched
  hwb_area_code       TEXT,                    -- ONS code of the HWB area
  area_name           TEXT NOT NULL,           -- the area's council in the gazetteer, else its name as written
  round               TEXT,                    -- planning round
  current_document_id INTEGER NOT NULL,        -- documents.id of the current file
  current_path        TEXT NOT NULL,
  document_count      INTEGER NOT NULL,
  document_ids        TEXT NOT NULL,           -- JSON array, current first
  paths               TEXT NOT NULL            -- JSON array, current first
);
`;

export const SQL_TYPES: Readonly<Record<ItemColumn['kind'], string>> = { integer: 'INTEGER', real: 'REAL', text: 'TEXT' };

/** Comments on item columns in the DDL (the schema a researcher reads in the database itself). */
const COLUMN_COMMENTS: Readonly<Record<string, string>> = {
  'sections.status': 'present | missing | placeholder',
  'budgets.year': 'yyyy-yy',
  'notes.level': 'info | warning | error',
  'notes.stage': NOTE_STAGES.join(' | '),
};

/** Where a column comment starts: the documents table's layout, which the item tables share. */
const COMMENT_AT = 47;

/** CREATE TABLE and its document_id index for one item table: document_id, ord, then one column per item field. */
export function itemTableSql(t: ItemTable): string {
  const lines = [
    '  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,',
    '  ord         INTEGER NOT NULL,',
    ...t.columns.map((c, i) => {
      const line = `  ${c.name.padEnd(11)} ${SQL_TYPES[c.kind]}${c.nullable ? '' : ' NOT NULL'}${i < t.columns.length - 1 ? ',' : ''}`;
      const comment = COLUMN_COMMENTS[`${t.table}.${c.name}`];
      return comment ? `${line.padEnd(COMMENT_AT)}-- ${comment}` : line;
    }),
  ];
  return `CREATE TABLE IF NOT EXISTS ${t.table} (\n${lines.join('\n')}\n);\nCREATE INDEX IF NOT EXISTS ${t.table}_doc ON ${t.table}(document_id);\n`;
}

/** The whole schema for a set of item tables (the record's, or a test's extended record's). */
export function dbSchema(itemTables: readonly ItemTable[] = ITEM_TABLES): string {
  return `${DOCUMENT_TABLES}\n${itemTables.map((t) => `${itemTableSql(t)}\n`).join('')}${RUNS_TABLE.slice(1)}`;
}


const RUNS_TABLE = `
CREATE TABLE IF NOT EXISTS runs (
  id                INTEGER PRIMARY KEY,
  started_at        TEXT NOT NULL,
  finished_at       TEXT,
  input_root        TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  processed         INTEGER NOT NULL DEFAULT 0,
  skipped           INTEGER NOT NULL DEFAULT 0,
  failed            INTEGER NOT NULL DEFAULT 0,
  removed           INTEGER NOT NULL DEFAULT 0,
  relinked          INTEGER NOT NULL DEFAULT 0,
  failures          TEXT NOT NULL DEFAULT '[]'  -- JSON [{path, reason, message}]
);
`;

export const DB_SCHEMA = dbSchema();
