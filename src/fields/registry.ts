// The field registry: each list field of the record with its zod schema and its extractor. Which sections each
// field reads is the template's (templates/*.json "fields", carried by the segmentation as `fieldRanges`), so an
// extractor sees only its sections' blocks for a known template and the whole document for an unknown one.
import type { z } from 'zod';
import type { DocumentModel, Finding, Result } from '../model/document.js';
import { BudgetSchema, MetricSchema, RiskSchema, SchemeSchema } from '../record/schema.js';
import type { FieldName, Segmentation } from '../segment/types.js';
import type { DocumentTables } from './common/documentTables.js';
import { extractBudgets } from './budgets/index.js';
import { extractMetrics } from './metrics/index.js';
import { extractRisks } from './risks/index.js';
import { extractSchemes } from './schemes/index.js';

interface FieldSpec<S extends z.ZodType> {
  schema: S;
  extract: (doc: DocumentModel, seg: Segmentation, tables: DocumentTables) => Result<z.infer<S>[]>;
}

const spec = <S extends z.ZodType>(schema: S, extract: FieldSpec<S>['extract']): FieldSpec<S> => ({ schema, extract });

export const FIELDS = {
  schemes: spec(SchemeSchema, extractSchemes),
  budgets: spec(BudgetSchema, extractBudgets),
  risks: spec(RiskSchema, extractRisks),
  metrics: spec(MetricSchema, extractMetrics),
} satisfies Record<FieldName, FieldSpec<z.ZodType>>;

export type FieldValues = { [K in keyof typeof FIELDS]: z.infer<(typeof FIELDS)[K]['schema']>[] };

/** Every registered field of one document, with what each noticed (tagged with the field's name). */
export function extractFields(doc: DocumentModel, seg: Segmentation, tables: DocumentTables): { values: FieldValues; messages: Array<Finding & { field: FieldName }> } {
  const values = {} as Record<FieldName, unknown[]>;
  const messages: Array<Finding & { field: FieldName }> = [];
  for (const [name, field] of Object.entries(FIELDS) as Array<[FieldName, FieldSpec<z.ZodType>]>) {
    const { value, messages: found } = field.extract(doc, seg, tables);
    values[name] = value;
    messages.push(...found.map((m) => ({ ...m, field: name })));
  }
  return { values: values as FieldValues, messages };
}
