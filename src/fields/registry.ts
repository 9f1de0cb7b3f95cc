// The field registry: each list field of the record with its zod schema and its extractor. Which sections each
// field reads is the template's (templates/*.json "fields", carried by the segmentation as `fieldRanges`), so an
// extractor sees only its sections' blocks for a known template and the whole document for an unknown one.
// Beside the record's fields, the fields read for validation only (CHECKED_FIELDS): what checkPlan checks besides the
// items, so that validation reads values, never the document.
import type { z } from 'zod';
import type { DocumentModel, Finding, Result } from '../model/document.js';
import { PlaceholderSchema, SignatorySchema } from '../record/checks.js';
import { BudgetSchema, MetricSchema, RiskSchema, SchemeSchema } from '../record/schema.js';
import type { FieldName, Segmentation } from '../segment/types.js';
import type { DocumentTables } from './common/documentTables.js';
import { extractBudgets } from './budgets/index.js';
import { extractMetrics } from './metrics/index.js';
import { extractPlaceholders } from './placeholders/index.js';
import { extractRisks } from './risks/index.js';
import { extractSchemes } from './schemes/index.js';
import { extractSignatories } from './signoff/index.js';

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

/** Fields read for validation, not recorded: the sign-off blocks (UNSIGNED) and placeholders left in
 *  (PLACEHOLDER_TEXT). Both read the whole document (templates assign sections to the record's fields only). */
export const CHECKED_FIELDS = {
  signatories: spec(SignatorySchema, extractSignatories),
  placeholders: spec(PlaceholderSchema, extractPlaceholders),
};

export type CheckedValues = { [K in keyof typeof CHECKED_FIELDS]: z.infer<(typeof CHECKED_FIELDS)[K]['schema']>[] };

/**
 * Every registered field of one document: the record's (`values`) and those read for validation (`checked`), with
 * what each noticed, tagged with the field's name (a checked field's with 'validate', the stage it is read for).
 */
export function extractFields(
  doc: DocumentModel,
  seg: Segmentation,
  tables: DocumentTables,
): { values: FieldValues; checked: CheckedValues; messages: Array<Finding & { field: FieldName | 'validate' }> } {
  const values = {} as Record<FieldName, unknown[]>;
  const messages: Array<Finding & { field: FieldName | 'validate' }> = [];
  for (const [name, field] of Object.entries(FIELDS) as Array<[FieldName, FieldSpec<z.ZodType>]>) {
    const { value, messages: found } = field.extract(doc, seg, tables);
    values[name] = value;
    messages.push(...found.map((m) => ({ ...m, field: name })));
  }
  const checked = {} as Record<keyof CheckedValues, unknown[]>;
  for (const [name, field] of Object.entries(CHECKED_FIELDS) as Array<[keyof CheckedValues, FieldSpec<z.ZodType>]>) {
    const { value, messages: found } = field.extract(doc, seg, tables);
    checked[name] = value;
    messages.push(...found.map((m) => ({ ...m, field: 'validate' as const })));
  }
  return { values: values as FieldValues, checked: checked as CheckedValues, messages };
}
