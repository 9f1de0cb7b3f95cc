// The exported tables: one column set per CSV file (documented in docs/exports.md, which a test keeps in step).
// Every row carries document_id and area_name so the files join without the database. The item exports' columns
// are the item tables' (record/itemTables.ts, from the zod schemas); only their descriptions are written here.
import { ITEM_TABLES, type ItemColumn, type ItemTable } from '../record/itemTables.js';
import type { Column } from './csv.js';

export interface ExportTable {
  /** File name without extension (`documents` -> exports/documents.csv). */
  name: string;
  /** What one row is, for docs/exports.md. */
  row: string;
  columns: readonly Column[];
  /** Selects exactly the columns above, by name. */
  sql: string;
  /** Columns stored as JSON arrays, written as "a; b; c". */
  jsonLists?: readonly string[];
}

const documentId: Column = { name: 'document_id', type: 'integer', description: 'documents.document_id of the file this row was read from' };
const areaName: Column = { name: 'area_name', type: 'text', description: "the plan's area: its Health and Wellbeing Board, else its first council, else its file" };
const ord: Column = { name: 'ord', type: 'integer', description: 'position of the row within its plan (0 = first in the document)' };
const page: Column = { name: 'page', type: 'integer', description: 'page the item was read from; empty where the format has no pages (txt, docx) or unknown' };
const sourceText: Column = { name: 'source_text', type: 'text', description: 'the text the item was read from (row or cell), to find it in the document' };

/** Joins an item table to its plan; every item export is ordered plan by plan, then in document order. */
function itemSql(table: string, columns: readonly Column[]): string {
  const cols = columns
    .filter((c) => c.name !== 'document_id' && c.name !== 'area_name')
    .map((c) => `t.${c.name}`)
    .join(', ');
  return `SELECT d.id AS document_id, d.area_name AS area_name, ${cols}
          FROM ${table} t JOIN documents d ON d.id = t.document_id
          ORDER BY d.area_name COLLATE NOCASE, d.id, t.ord`;
}

function countOf(table: string, where = '1'): string {
  return `(SELECT COUNT(*) FROM ${table} x WHERE x.document_id = d.id AND ${where})`;
}

const planColumns: Column[] = [
  { ...documentId, description: "the plan's id (documents.id in the database); stays the same across runs while the file keeps its path" },
  areaName,
  { name: 'path', type: 'text', description: 'file path relative to the input folder of the run' },
  { name: 'status', type: 'text', description: 'ok | failed (could not be read; see failure_reason) | removed (no longer in the input; rows kept)' },
  { name: 'template', type: 'text', description: 'detected BCF template (bcf-2014-revised, bcf-2014-original, bcf-2022-23, ...), or unknown' },
  { name: 'format', type: 'text', description: 'pdf | docx | txt | md | html | xlsx' },
  { name: 'pages', type: 'integer', description: 'page count (PDF); empty for formats without pages' },
  { name: 'round', type: 'text', description: 'planning round the plan serves (2015-16, 2022-23, 2023-25, ...)' },
  { name: 'hwb_area_code', type: 'text', description: "ONS code of the plan's Health and Wellbeing Board area (the upper-tier council's code)" },
  { name: 'plan_date', type: 'text', description: 'yyyy-mm-dd the plan states it was submitted, agreed or signed (the latest such date)' },
  { name: 'plan_id', type: 'integer', description: 'plans.plan_id of the plan (area and round) this file belongs to; empty for failed and removed files' },
  { name: 'hwb', type: 'text', description: 'Health and Wellbeing Board named in the plan' },
  { name: 'local_authorities', type: 'text', description: 'councils named in the plan, separated by "; "' },
  { name: 'ccgs', type: 'text', description: 'CCGs (ICBs from 2022) named in the plan, separated by "; "' },
  { name: 'sections_present', type: 'integer', description: 'template sections found with an answer' },
  { name: 'sections_missing', type: 'integer', description: 'template sections not found' },
  { name: 'sections_placeholder', type: 'integer', description: 'sections whose heading is there but the answer is empty or template text' },
  { name: 'schemes', type: 'integer', description: 'rows in schemes.csv for this plan' },
  { name: 'budgets', type: 'integer', description: 'rows in budgets.csv for this plan' },
  { name: 'risks', type: 'integer', description: 'rows in risks.csv for this plan' },
  { name: 'metrics', type: 'integer', description: 'rows in metrics.csv for this plan' },
  { name: 'flags_error', type: 'integer', description: 'flags of severity error' },
  { name: 'flags_warning', type: 'integer', description: 'flags of severity warning' },
  { name: 'flags_info', type: 'integer', description: 'flags of severity info' },
  { name: 'failure_reason', type: 'text', description: 'why the file could not be read (encrypted, corrupt, empty, no_text, timeout, ...)' },
  { name: 'duplicate_of', type: 'text', description: 'path of another input file with identical bytes, if any' },
  { name: 'removed_at', type: 'text', description: 'ISO time the file was found missing from the input' },
  { name: 'processed_at', type: 'text', description: 'ISO time the file was last extracted' },
  { name: 'extractor_version', type: 'text', description: 'plansift extractor version that produced the rows' },
  { name: 'sha256', type: 'text', description: "SHA-256 of the file's bytes" },
];

const plansSql = `SELECT d.id AS document_id, d.area_name, d.path, d.status, d.template, d.format, d.pages,
  d.round, d.hwb_area_code, d.plan_date, d.plan_id, d.hwb,
  d.local_authorities, d.ccgs,
  ${countOf('sections', "x.status = 'present'")} AS sections_present,
  ${countOf('sections', "x.status = 'missing'")} AS sections_missing,
  ${countOf('sections', "x.status = 'placeholder'")} AS sections_placeholder,
  ${countOf('schemes')} AS schemes, ${countOf('budgets')} AS budgets, ${countOf('risks')} AS risks,
  ${countOf('metrics')} AS metrics,
  ${countOf('flags', "x.severity = 'error'")} AS flags_error,
  ${countOf('flags', "x.severity = 'warning'")} AS flags_warning,
  ${countOf('flags', "x.severity = 'info'")} AS flags_info,
  d.failure_reason, d.duplicate_of, d.removed_at, d.processed_at, d.extractor_version, d.sha256
  FROM documents d ORDER BY d.area_name COLLATE NOCASE, d.id`;

const CSV_TYPES: Readonly<Record<ItemColumn['kind'], Column['type']>> = { integer: 'integer', real: 'number', text: 'text' };

/** What one row of each item export is, for docs/exports.md. */
const ITEM_ROWS: Readonly<Record<string, string>> = {
  sections: 'one template section of one plan, found or not',
  schemes: 'one scheme a plan lists',
  budgets: 'one money figure from a plan (unique by kind, year, scheme and amount)',
  risks: 'one row of a risk log',
  metrics: 'one value of one metric for one period (baseline, actual, estimate or plan)',
  flags: 'one finding about a plan (missing, inconsistent or placeholder content)',
  notes: 'one thing extraction, segmentation or a field noticed in a file (not a fault of the plan)',
};

/**
 * What each item column holds, for docs/exports.md, by table and column. The columns themselves come from the
 * record's item schemas (record/itemTables.ts); a column with no line here falls back to `page`/`source_text`'s
 * shared line, then to the zod field's description (docs/exports.md must still name it: a test checks).
 */
const ITEM_COLUMN_DESCRIPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  sections: {
    section_id: 'stable section key from the template catalogue (plan_details.summary, risks.risk_log, ...; other.<slug> for unknown templates)',
    heading: 'the heading as written in the plan; empty if missing',
    status: 'present | missing | placeholder',
    page: 'page where the section starts; empty if missing or the format has no pages',
  },
  schemes: {
    ref: 'scheme reference as written ("1", "UP1", "E3"); empty if none',
    name: 'scheme name',
    theme: 'grouping heading where the plan has one',
  },
  budgets: {
    kind: 'minimum_pooled_budget | total_pooled_budget | nhs_minimum_contribution | nhs_additional_contribution | la_additional_contribution | dfg | ibcf | scheme_spend | other',
    year: 'financial year yyyy-yy ("2015-16", as metrics.period); empty if none stated',
    amount_gbp: 'whole pounds (a number; negative for reductions)',
    scheme: 'scheme name for scheme_spend rows',
    funding_source: 'funding source of a scheme_spend row (Minimum NHS Contribution, iBCF, DFG, ...)',
    label: 'the row/column label the amount was read under',
    source_text: 'the amount as written ("£2.35m", "15,843" in a £000s column)',
  },
  risks: {
    description: 'the risk as described',
    likelihood: '1-5 where given',
    impact: '1-5 where given',
    score: 'score as written in the plan (not computed)',
    rating: 'high | medium | low as written or from a RAG word',
    mitigation: 'mitigating actions',
    owner: 'named lead',
  },
  metrics: {
    metric: 'non_elective_admissions | avoidable_admissions | residential_admissions | reablement | delayed_transfers_of_care | discharge_usual_residence | patient_experience | local',
    label: 'the metric as labelled in the plan',
    period: 'period as normalised ("2022-23", "2022-23 Q1") or as written',
    kind: 'baseline | actual | estimate | plan (levels) | plan_change (a planned reduction or increase)',
    value: 'indicator value (93.0% is 93)',
    unit: 'rate_per_100k | percent | count | score',
    numerator: 'numerator where given',
    denominator: 'denominator where given',
  },
  flags: {
    code: 'MISSING_SECTION, PLACEHOLDER_SECTION, PLACEHOLDER_TEXT, UNSIGNED, RISK_SCORE_MISMATCH, RISK_UNSCORED, BUDGET_TOTAL_MISMATCH, BUDGET_BELOW_MINIMUM, METRIC_RATIO_MISMATCH, UNKNOWN_TEMPLATE, EXTRACTION_FAILED',
    severity: 'error | warning | info',
    message: 'what is wrong, with the figures',
    section: 'section_id the flag is about; empty for the whole plan',
    source_text: 'quoted text the flag is about, to find it in the document',
  },
  notes: {
    level: 'info | warning | error',
    stage: 'the stage that noticed it: extract | segment | area | schemes | budgets | risks | metrics | validate',
    message: 'what was noticed (a mislabelled file, a table continued across pages, a range not read as an amount)',
    source_text: 'quoted text the note is about, to find it in the document',
  },
};

/** The columns of one item export: document_id, area_name, ord, then the item table's columns in their order. */
export function itemExportColumns(t: ItemTable): Column[] {
  const described = ITEM_COLUMN_DESCRIPTIONS[t.table] ?? {};
  const shared: Readonly<Record<string, string>> = { page: page.description, source_text: sourceText.description };
  return [
    documentId, areaName, ord,
    ...t.columns.map((c): Column => ({
      name: c.name,
      type: CSV_TYPES[c.kind],
      description: described[c.name] ?? shared[c.name] ?? c.description ?? `${t.table}[].${c.field} of the record`,
    })),
  ];
}

/** Plans above files: one row per HWB area and round, with its current file. */
const groupedPlanColumns: Column[] = [
  { name: 'plan_id', type: 'integer', description: "the plan's id (plans.id in the database): one HWB area in one round" },
  { name: 'area_name', type: 'text', description: "the HWB area: its council's name in the gazetteer, else the area as the plan writes it" },
  { name: 'hwb_area_code', type: 'text', description: 'ONS code of the HWB area (upper-tier council); empty when no name matched the gazetteer' },
  { name: 'round', type: 'text', description: 'planning round (2015-16, 2022-23, 2023-25, ...)' },
  { name: 'current_document_id', type: 'integer', description: 'documents.document_id of the current file: the latest by stated submission/agreement date, else by modification time' },
  { name: 'current_path', type: 'text', description: 'path of the current file' },
  { name: 'document_count', type: 'integer', description: 'files of this plan (formats, drafts, parts)' },
  { name: 'document_ids', type: 'text', description: 'documents.document_id of every file of the plan, current first, separated by "; "' },
  { name: 'paths', type: 'text', description: 'paths of every file of the plan, current first, separated by "; "' },
  { name: 'hwb', type: 'text', description: 'Health and Wellbeing Board as the current file names it' },
  { name: 'template', type: 'text', description: "the current file's template" },
  { name: 'flags_error', type: 'integer', description: "flags of severity error on the current file" },
  { name: 'flags_warning', type: 'integer', description: "flags of severity warning on the current file" },
];

const groupedPlansSql = `SELECT p.id AS plan_id, p.area_name, p.hwb_area_code, p.round, p.current_document_id, p.current_path,
  p.document_count, p.document_ids, p.paths, d.hwb, d.template,
  ${countOf('flags', "x.severity = 'error'")} AS flags_error,
  ${countOf('flags', "x.severity = 'warning'")} AS flags_warning
  FROM plans p JOIN documents d ON d.id = p.current_document_id
  ORDER BY p.area_name COLLATE NOCASE, p.round, p.id`;

/** The CSV exports: plans and documents, then one per item table (the record's, or a test's extended record's). */
export function exportTables(itemTables: readonly ItemTable[] = ITEM_TABLES): ExportTable[] {
  return [
    { name: 'plans', row: 'one plan: an HWB area in one planning round, with its files and its current file', columns: groupedPlanColumns, sql: groupedPlansSql, jsonLists: ['document_ids', 'paths'] },
    { name: 'documents', row: 'one input file, including failed and removed ones', columns: planColumns, sql: plansSql, jsonLists: ['local_authorities', 'ccgs'] },
    ...itemTables.map((t): ExportTable => {
      const columns = itemExportColumns(t);
      return { name: t.table, row: ITEM_ROWS[t.table] ?? `one of the record's ${t.table}`, columns, sql: itemSql(t.table, columns) };
    }),
  ];
}

export const EXPORT_TABLES: readonly ExportTable[] = exportTables();
