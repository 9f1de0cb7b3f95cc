// The plan record (docs/record.md; JSON Schema generated into docs/record.schema.json). These zod schemas are the single source of the record
// types: everything else imports the inferred types from here.
import { z } from 'zod';
import { SOURCE_FORMATS } from '../text/formats.js';

// 2: years as yyyy-yy everywhere; metric kind plan_change (a planned reduction or increase, not a level).
export const SCHEMA_VERSION = 2;

export const BUDGET_KINDS = [
  'minimum_pooled_budget',
  'total_pooled_budget',
  'nhs_minimum_contribution',
  'nhs_additional_contribution',
  'la_additional_contribution',
  'dfg',
  'ibcf',
  'scheme_spend',
  'other',
] as const;

export const METRIC_KEYS = [
  'non_elective_admissions',
  'avoidable_admissions',
  'residential_admissions',
  'reablement',
  'delayed_transfers_of_care',
  'discharge_usual_residence',
  'patient_experience',
  'local',
] as const;

export const FLAG_CODES = [
  'MISSING_SECTION',
  'PLACEHOLDER_SECTION',
  'PLACEHOLDER_TEXT',
  'UNSIGNED',
  'RISK_SCORE_MISMATCH',
  'RISK_UNSCORED',
  'BUDGET_TOTAL_MISMATCH',
  'BUDGET_BELOW_MINIMUM',
  'METRIC_RATIO_MISMATCH',
  'UNKNOWN_TEMPLATE',
  'EXTRACTION_FAILED',
] as const;

const page = z.number().int().positive().nullable();
/** The source text an item was read from (row or cell text), for provenance. */
const sourceText = z.string().nullable();
/** Workbooks: the cell an item was read from, as Excel writes it (`'Finance - Summary'!A7`, its row's first cell);
 *  absent for other formats, which have pages instead. */
const cell = z.string().nullable().optional();
/** The index of the document block an item was read from (its row's block, in the document model's reading
 *  order): where validation finds the item's section. Absent where the reader does not know it. */
const block = z.number().int().nonnegative().nullable().optional();
/** Where an item was read: its page, workbook cell and block, in this order in every item table and export. */
const readAt = { page, cell, block };

export const SourceSchema = z.object({
  file: z.string(),
  sha256: z.string().nullable(),
  format: z.enum(SOURCE_FORMATS).nullable(),
  pages: z.number().int().nonnegative().nullable(),
});

/** A council, CCG or ICB a plan names, as written and as matched to data/reference/organisations.csv. */
export const OrganisationSchema = z.object({
  kind: z.enum(['council', 'ccg', 'icb']),
  /** As written in the plan. */
  name: z.string(),
  /** The gazetteer's name; null when the name matched nothing (then the codes are null too). */
  canonicalName: z.string().nullable(),
  onsCode: z.string().nullable(),
  odsCode: z.string().nullable(),
  /** Why a name was not matched (not an upper-tier council, no such organisation in the plan's round). */
  note: z.string().nullable().optional(),
});

export const AreaSchema = z.object({
  localAuthorities: z.array(z.string()),
  ccgs: z.array(z.string()),
  healthAndWellbeingBoard: z.string().nullable(),
  /** v2: the organisations above matched to their official codes. */
  organisations: z.array(OrganisationSchema).default([]),
  /** v2: ONS code of the plan's Health and Wellbeing Board area (an upper-tier council's code), or null. */
  hwbAreaCode: z.string().regex(/^E\d{8}$/).nullable().default(null),
});

export const SectionSchema = z.object({
  id: z.string(),
  heading: z.string().nullable(),
  status: z.enum(['present', 'missing', 'placeholder']),
  page,
});

export const SchemeSchema = z.object({
  ref: z.string().nullable(),
  name: z.string().min(1),
  theme: z.string().nullable(),
  ...readAt,
  text: sourceText,
});

export const BudgetSchema = z.object({
  kind: z.enum(BUDGET_KINDS),
  /** Financial year "2015-16" (the one year form of budgets, metric periods and rounds), or null. */
  year: z.string().regex(/^\d{4}-\d{2}$/).nullable(),
  amountGbp: z.number().int(),
  scheme: z.string().nullable(),
  /** Funding source for scheme_spend rows ("Minimum NHS Contribution", "iBCF", ...), else null. */
  source: z.string().nullable().optional(),
  label: z.string().nullable(),
  text: z.string(),
  ...readAt,
});

export const RiskSchema = z.object({
  description: z.string().min(1),
  likelihood: z.number().int().min(1).max(5).nullable(),
  impact: z.number().int().min(1).max(5).nullable(),
  score: z.number().int().nonnegative().nullable(),
  rating: z.enum(['high', 'medium', 'low']).nullable(),
  mitigation: z.string().nullable(),
  owner: z.string().nullable(),
  ...readAt,
  text: sourceText,
});

export const MetricSchema = z.object({
  metric: z.enum(METRIC_KEYS),
  label: z.string(),
  period: z.string().nullable(),
  kind: z.enum(['baseline', 'actual', 'estimate', 'plan', 'plan_change']),
  value: z.number(),
  unit: z.enum(['rate_per_100k', 'percent', 'count', 'score']),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  ...readAt,
  text: sourceText,
});

export const FlagSchema = z.object({
  code: z.enum(FLAG_CODES),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  section: z.string().nullable(),
  page,
  /** Quoted source text the flag is about, so a reader can find it in the document. */
  text: sourceText.optional(),
});

/** The stages a note can come from: extraction, segmentation, a field's extractor, validation. */
export const NOTE_STAGES = ['extract', 'segment', 'area', 'schemes', 'budgets', 'risks', 'metrics', 'validate'] as const;

/** v2: something extraction, segmentation or a field noticed (a mislabelled file, a range not read as an amount). */
export const NoteSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  stage: z.enum(NOTE_STAGES),
  message: z.string(),
  page,
  /** The source text the note is about (short quote), or null. */
  text: sourceText,
});

export const PlanRecordSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Version of the extractor that produced this record; a newer one re-extracts. */
  extractorVersion: z.string(),
  source: SourceSchema,
  template: z.string(),
  /** v2: the planning round the plan serves, "2015-16", "2022-23", "2023-25"; null when unknown. */
  round: z.string().regex(/^\d{4}-\d{2}$/).nullable().default(null),
  /** v2: the latest date the plan states it was submitted, agreed or signed (yyyy-mm-dd), or null. */
  planDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  area: AreaSchema,
  sections: z.array(SectionSchema),
  schemes: z.array(SchemeSchema),
  budgets: z.array(BudgetSchema),
  risks: z.array(RiskSchema),
  metrics: z.array(MetricSchema),
  flags: z.array(FlagSchema),
  /** v2: what extraction, segmentation and the fields noticed, in document order where known. */
  notes: z.array(NoteSchema).default([]),
});

export type Source = z.infer<typeof SourceSchema>;
export type Area = z.infer<typeof AreaSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Scheme = z.infer<typeof SchemeSchema>;
export type Budget = z.infer<typeof BudgetSchema>;
export type BudgetKind = (typeof BUDGET_KINDS)[number];
export type Risk = z.infer<typeof RiskSchema>;
export type Metric = z.infer<typeof MetricSchema>;
export type MetricKey = (typeof METRIC_KEYS)[number];
export type Flag = z.infer<typeof FlagSchema>;
export type FlagCode = (typeof FLAG_CODES)[number];
export type Note = z.infer<typeof NoteSchema>;
export type NoteStage = (typeof NOTE_STAGES)[number];
export type PlanRecord = z.infer<typeof PlanRecordSchema>;
