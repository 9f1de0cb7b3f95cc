// One record shape: the SQLite item tables, their inserts and the CSV item exports are derived from the zod item
// schemas (src/record/itemTables.ts), so a scalar field added to an item schema reaches the database, the CSV
// export and the JSON Schema with no other change. What is not derived (the documents table, the report loader)
// is checked here field by field against the schema, so a new field cannot be silently left out of them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportCsv } from '../src/export/command.js';
import { exportTables } from '../src/export/tables.js';
import { recordJsonSchema } from '../src/record/jsonSchema.js';
import { ITEM_TABLES, itemTablesOf } from '../src/record/itemTables.js';
import { BudgetSchema, PlanRecordSchema, RiskSchema, type PlanRecord } from '../src/record/schema.js';
import { loadReportData } from '../src/report/load.js';
import { openStore, saveDocument, type FileMeta } from '../src/store/db.js';
import { dbSchema, itemTableSql } from '../src/store/schema.js';
import { readBack } from './csv-readback.js';
import { revisedPlan2014, plan2022 } from './export-fixtures.js';

const tmp = mkdtempSync(join(tmpdir(), 'plansift-shape-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ok: FileMeta = { size: 1000, mtimeMs: 1_700_000_000_000, status: 'ok', failureReason: null, duplicateOf: null };
const NOW = new Date('2026-12-01T00:00:00.000Z');

/** The record with one more field on every budget: a scalar, as a later schema version might add. */
const WithBudgetNote = PlanRecordSchema.extend({
  budgets: z.array(BudgetSchema.extend({ reviewerNote: z.string().nullable() })),
});
const withNotes = (r: PlanRecord) =>
  WithBudgetNote.parse({ ...r, budgets: r.budgets.map((b, i) => ({ ...b, reviewerNote: i === 0 ? '=checked by finance' : null })) }) as unknown as PlanRecord;

describe('the item tables, read off the zod schemas', () => {
  it('are the record lists in order, with the column names the database and CSVs have always had', () => {
    expect(Object.fromEntries(ITEM_TABLES.map((t) => [t.table, t.columns.map((c) => c.name).join(' ')]))).toEqual({
      sections: 'section_id heading status page',
      schemes: 'ref name theme page cell block source_text',
      budgets: 'kind year amount_gbp scheme funding_source label source_text page cell block',
      risks: 'description likelihood impact score rating mitigation owner page cell block source_text',
      metrics: 'metric label period kind value unit numerator denominator page cell block source_text',
      flags: 'code severity message section page source_text',
      notes: 'level stage message page source_text',
    });
  });

  it('type each column from its zod type: integers, reals and text, NOT NULL unless nullable or optional', () => {
    const budgets = itemTableSql(ITEM_TABLES.find((t) => t.table === 'budgets')!);
    expect(budgets).toContain('  amount_gbp  INTEGER NOT NULL,\n');
    expect(budgets).toContain('  funding_source TEXT,\n'); // .optional()
    expect(budgets).toContain('  source_text TEXT NOT NULL,\n');
    const metrics = itemTableSql(ITEM_TABLES.find((t) => t.table === 'metrics')!);
    expect(metrics).toContain('  value       REAL NOT NULL,\n');
    expect(metrics).toContain('  numerator   REAL,\n');
    expect(itemTableSql(ITEM_TABLES.find((t) => t.table === 'risks')!)).toContain('  likelihood  INTEGER,\n');
  });

  it('refuses a list inside an item, which no column can hold', () => {
    const WithTags = PlanRecordSchema.extend({ risks: z.array(RiskSchema.extend({ tags: z.array(z.string()) })) });
    expect(() => itemTablesOf(WithTags)).toThrow('risks.tags is not a scalar (array): item tables hold scalar fields only');
  });
});

describe('a scalar field added to an item schema, with no other change', () => {
  const tables = itemTablesOf(WithBudgetNote);

  it('is a column of the SQLite table, holding each item\'s value, and of the budgets CSV export', async () => {
    const budgets = tables.find((t) => t.table === 'budgets')!;
    expect(budgets.columns.at(-1)).toEqual({ field: 'reviewerNote', name: 'reviewer_note', kind: 'text', nullable: true });
    expect(dbSchema(tables)).toContain('  page        INTEGER,\n  cell        TEXT,\n  block       INTEGER,\n  reviewer_note TEXT\n);\nCREATE INDEX IF NOT EXISTS budgets_doc');

    const out = join(tmp, 'added');
    const db = await openStore(join(tmp, 'added.sqlite'), tables);
    try {
      const record = withNotes(revisedPlan2014);
      const id = await saveDocument(db, record, ok, NOW, tables);
      const rows = await db.all<{ ord: number; reviewer_note: string | null }>('SELECT ord, reviewer_note FROM budgets WHERE document_id = ? ORDER BY ord', [id]);
      expect(rows).toHaveLength(revisedPlan2014.budgets.length);
      expect(rows[0]).toEqual({ ord: 0, reviewer_note: '=checked by finance' });
      expect(rows.slice(1).every((r) => r.reviewer_note === null)).toBe(true);

      await exportCsv(db, out, exportTables(tables));
      const [header, first, second] = readBack(readFileSync(join(out, 'budgets.csv'), 'utf8'));
      expect(header.slice(-4)).toEqual(['page', 'cell', 'block', 'reviewer_note']);
      expect(first.at(-1)).toBe("'=checked by finance"); // a text column, so neutralised like the others
      expect(second.at(-1)).toBe('');
      expect(first[header.indexOf('amount_gbp')]).toBe(String(revisedPlan2014.budgets[0].amountGbp));
    } finally {
      await db.close();
    }
  });

  it('is added to a database made before it, whose rows keep null there', async () => {
    const file = join(tmp, 'older.sqlite');
    const older = await openStore(file);
    const oldId = await saveDocument(older, plan2022, ok, NOW);
    await older.close();
    const db = await openStore(file, tables);
    try {
      const id = await saveDocument(db, withNotes(revisedPlan2014), ok, NOW, tables);
      const notes = await db.all<{ document_id: number; n: number; noted: number }>(
        'SELECT document_id, COUNT(*) AS n, COUNT(reviewer_note) AS noted FROM budgets GROUP BY document_id ORDER BY document_id');
      expect(notes).toEqual([
        { document_id: oldId, n: plan2022.budgets.length, noted: 0 },
        { document_id: id, n: revisedPlan2014.budgets.length, noted: 1 },
      ]);
    } finally {
      await db.close();
    }
  });

  it('is a required, nullable property of budget items in the JSON Schema', () => {
    const budgetItem = ((recordJsonSchema(WithBudgetNote).properties as Record<string, { items: Record<string, unknown> }>).budgets).items;
    expect((budgetItem.properties as Record<string, unknown>).reviewerNote).toEqual({ type: ['string', 'null'] });
    expect(budgetItem.required).toContain('reviewerNote');
    // The published schema has no such field: the extension is the test's alone.
    expect(JSON.stringify(recordJsonSchema())).not.toContain('reviewerNote');
  });
});

/** Every scalar leaf of the record outside the item lists ("source.file", "area.ccgs"), from the zod schema. */
function documentLeaves(schema: z.ZodObject, prefix = ''): string[] {
  const itemLists = new Set(ITEM_TABLES.map((t) => t.table));
  return Object.entries(schema.shape).flatMap(([key, field]) => {
    if (!prefix && itemLists.has(key)) return [];
    let inner = field as z.ZodType & { def: { type: string; innerType?: z.ZodType } };
    while (['nullable', 'optional', 'default'].includes(inner.def.type)) inner = inner.def.innerType as typeof inner;
    const path = prefix ? `${prefix}.${key}` : key;
    return inner.def.type === 'object' ? documentLeaves(inner as unknown as z.ZodObject, path) : [path];
  });
}

describe('the parts of the record shape that are written out by hand', () => {
  // Where each record field outside the item lists lives in the documents table; null: only in record_json.
  const DOCUMENT_COLUMN: Record<string, string | null> = {
    schemaVersion: null,
    extractorVersion: 'extractor_version',
    'source.file': 'path',
    'source.sha256': 'sha256',
    'source.format': 'format',
    'source.pages': 'pages',
    template: 'template',
    round: 'round',
    planDate: 'plan_date',
    'area.localAuthorities': 'local_authorities',
    'area.ccgs': 'ccgs',
    'area.healthAndWellbeingBoard': 'hwb',
    'area.organisations': null,
    'area.hwbAreaCode': 'hwb_area_code',
  };

  it('documents: every record field outside the item lists has a column holding its value, or is named as JSON-only', async () => {
    expect(documentLeaves(PlanRecordSchema), 'a new record field: give it a documents column (store/db.ts) or list it here as JSON-only').toEqual(Object.keys(DOCUMENT_COLUMN));
    const db = await openStore(join(tmp, 'documents.sqlite'));
    try {
      const id = await saveDocument(db, revisedPlan2014, ok, NOW);
      const row = (await db.get<Record<string, unknown>>('SELECT * FROM documents WHERE id = ?', [id]))!;
      for (const [leaf, column] of Object.entries(DOCUMENT_COLUMN)) {
        const value = leaf.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], revisedPlan2014);
        const stored = column === null ? undefined : row[column];
        if (column !== null) expect(Array.isArray(value) ? JSON.parse(String(stored)) : stored, leaf).toEqual(value);
      }
      expect(JSON.parse(String(row.record_json))).toEqual(revisedPlan2014);
    } finally {
      await db.close();
    }
  });

  it('the report loader reads back every field of every item, equal to the record (it maps columns by hand)', async () => {
    const db = await openStore(join(tmp, 'report.sqlite'));
    try {
      await saveDocument(db, revisedPlan2014, ok, NOW);
      const [plan] = (await loadReportData(db)).plans;
      for (const t of ITEM_TABLES) {
        const items = (revisedPlan2014 as unknown as Record<string, Record<string, unknown>[]>)[t.table];
        const loaded = (plan as unknown as Record<string, Record<string, unknown>[]>)[t.table];
        // An absent optional field reads back as null; every field of the schema must be there.
        const expected = items.map((item) => Object.fromEntries(t.columns.map((c) => [c.field, item[c.field] ?? null])));
        expect(loaded, t.table).toEqual(expected);
      }
    } finally {
      await db.close();
    }
  });
});
