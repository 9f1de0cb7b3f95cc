// The record's item lists as tables, read off the zod schemas: every top-level list of objects in the record
// (sections, schemes, ... notes) is one SQLite table and one CSV file, and every scalar field of its item is one
// column, in the schema's order. The store's DDL and inserts and the CSV exports are built from this, so a scalar
// field added to an item schema reaches all of them with no other change (test/record-shape.test.ts).
import type { z } from 'zod';
import { PlanRecordSchema } from './schema.js';

/** How a column is stored: SQLite's INTEGER, REAL or TEXT. */
export type ColumnKind = 'integer' | 'real' | 'text';

export interface ItemColumn {
  /** The item's field in the record ("amountGbp"). */
  field: string;
  /** The column in SQLite and CSV ("amount_gbp"). */
  name: string;
  kind: ColumnKind;
  /** False only for a field that is neither nullable nor optional. */
  nullable: boolean;
  /** The zod schema's own description of the field (`.describe()`), if it has one. */
  description?: string;
}

export interface ItemTable {
  /** The record's list and the table's name ("budgets"). */
  table: string;
  /** The item's fields as columns, after the fixed document_id and ord. */
  columns: readonly ItemColumn[];
}

/** Column names that are not the field's name in snake case: kept as the database and CSVs have always had them. */
const RENAMED: Readonly<Record<string, string>> = {
  'sections.id': 'section_id',
  'budgets.source': 'funding_source',
  // Every item's provenance quote.
  text: 'source_text',
};

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Zod wrapper types that change nullability or defaults but not the stored type. */
const WRAPPERS = new Set(['nullable', 'optional', 'default']);

type AnySchema = z.ZodType & { def: { type: string; innerType?: AnySchema; values?: unknown[] } };

/** The column of one scalar item field; a list or object inside an item has no column, so it is refused. */
function columnOf(table: string, field: string, schema: AnySchema): ItemColumn {
  let inner = schema;
  let nullable = false;
  while (WRAPPERS.has(inner.def.type)) {
    nullable ||= inner.def.type !== 'default';
    inner = inner.def.innerType!;
  }
  const kind = kindOf(inner);
  if (!kind) {
    throw new Error(`${table}.${field} is not a scalar (${inner.def.type}): item tables hold scalar fields only (give it a table of its own)`);
  }
  const name = RENAMED[`${table}.${field}`] ?? RENAMED[field] ?? snakeCase(field);
  const description = schema.description ?? inner.description;
  return { field, name, kind, nullable, ...(description ? { description } : {}) };
}

function kindOf(s: AnySchema): ColumnKind | null {
  switch (s.def.type) {
    case 'string':
    case 'enum':
      return 'text';
    case 'number':
      return (s as unknown as z.ZodNumber).isInt ? 'integer' : 'real';
    case 'boolean':
      return 'integer';
    case 'literal': {
      const values = s.def.values ?? [];
      if (values.every((v) => typeof v === 'string')) return 'text';
      if (values.every((v) => typeof v === 'number')) return values.every(Number.isInteger) ? 'integer' : 'real';
      return null;
    }
    default:
      return null;
  }
}

/** The item tables of a record schema: its top-level lists of objects, in the record's order. */
export function itemTablesOf(recordSchema: z.ZodObject): ItemTable[] {
  const tables: ItemTable[] = [];
  for (const [table, field] of Object.entries(recordSchema.shape) as [string, AnySchema][]) {
    let list = field;
    while (WRAPPERS.has(list.def.type)) list = list.def.innerType!;
    if (list.def.type !== 'array') continue;
    const item = (list as unknown as z.ZodArray<AnySchema>).element;
    if (item.def.type !== 'object') continue;
    const shape = (item as unknown as z.ZodObject).shape as Record<string, AnySchema>;
    tables.push({ table, columns: Object.entries(shape).map(([f, s]) => columnOf(table, f, s)) });
  }
  return tables;
}

/** The record's item tables: sections, schemes, budgets, risks, metrics, flags, notes. */
export const ITEM_TABLES: readonly ItemTable[] = itemTablesOf(PlanRecordSchema);

/** One item as the row values of its table's columns (after document_id and ord); an absent optional field is null. */
export function itemValues(table: ItemTable, item: Readonly<Record<string, unknown>>): unknown[] {
  return table.columns.map((c) => item[c.field] ?? null);
}
