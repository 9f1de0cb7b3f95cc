// SQLite schema of DIR/plansift.sqlite. A public interface for researchers (docs/schema.md):
// change it only together with SCHEMA_VERSION in record/schema.ts and a migration.
// Every per-item table has document_id -> documents(id) ON DELETE CASCADE, so one document's rows
// are replaced in one transaction by deleting and re-inserting them.

export const DB_SCHEMA = `
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

CREATE TABLE IF NOT EXISTS sections (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  section_id  TEXT NOT NULL,
  heading     TEXT,
  status      TEXT NOT NULL,                   -- present | missing | placeholder
  page        INTEGER
);
CREATE INDEX IF NOT EXISTS sections_doc ON sections(document_id);

CREATE TABLE IF NOT EXISTS schemes (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  ref         TEXT,
  name        TEXT NOT NULL,
  theme       TEXT,
  page        INTEGER,
  source_text TEXT
);
CREATE INDEX IF NOT EXISTS schemes_doc ON schemes(document_id);

CREATE TABLE IF NOT EXISTS budgets (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  year        TEXT,                            -- yyyy-yy
  amount_gbp  INTEGER NOT NULL,
  scheme      TEXT,
  funding_source TEXT,
  label       TEXT,
  source_text TEXT NOT NULL,
  page        INTEGER
);
CREATE INDEX IF NOT EXISTS budgets_doc ON budgets(document_id);

CREATE TABLE IF NOT EXISTS risks (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  description TEXT NOT NULL,
  likelihood  INTEGER,
  impact      INTEGER,
  score       INTEGER,
  rating      TEXT,
  mitigation  TEXT,
  owner       TEXT,
  page        INTEGER,
  source_text TEXT
);
CREATE INDEX IF NOT EXISTS risks_doc ON risks(document_id);

CREATE TABLE IF NOT EXISTS metrics (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  metric      TEXT NOT NULL,
  label       TEXT NOT NULL,
  period      TEXT,
  kind        TEXT NOT NULL,
  value       REAL NOT NULL,
  unit        TEXT NOT NULL,
  numerator   REAL,
  denominator REAL,
  page        INTEGER,
  source_text TEXT
);
CREATE INDEX IF NOT EXISTS metrics_doc ON metrics(document_id);

CREATE TABLE IF NOT EXISTS flags (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  code        TEXT NOT NULL,
  severity    TEXT NOT NULL,
  message     TEXT NOT NULL,
  section     TEXT,
  page        INTEGER,
  source_text TEXT
);
CREATE INDEX IF NOT EXISTS flags_doc ON flags(document_id);

CREATE TABLE IF NOT EXISTS notes (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  level       TEXT NOT NULL,                   -- info | warning | error
  stage       TEXT NOT NULL,                   -- extract | segment | area | schemes | budgets | risks | metrics | validate
  message     TEXT NOT NULL,
  page        INTEGER,
  source_text TEXT
);
CREATE INDEX IF NOT EXISTS notes_doc ON notes(document_id);

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
