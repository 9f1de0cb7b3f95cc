// The exported tables: one column set per CSV file (documented in docs/exports.md, which a test keeps in step).
// Every row carries document_id and area_name so the files join without the database.
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

const sectionColumns: Column[] = [
  documentId, areaName, ord,
  { name: 'section_id', type: 'text', description: 'stable section key from the template catalogue (plan_details.summary, risks.risk_log, ...; other.<slug> for unknown templates)' },
  { name: 'heading', type: 'text', description: 'the heading as written in the plan; empty if missing' },
  { name: 'status', type: 'text', description: 'present | missing | placeholder' },
  { ...page, description: 'page where the section starts; empty if missing or the format has no pages' },
];

const schemeColumns: Column[] = [
  documentId, areaName, ord,
  { name: 'ref', type: 'text', description: 'scheme reference as written ("1", "UP1", "E3"); empty if none' },
  { name: 'name', type: 'text', description: 'scheme name' },
  { name: 'theme', type: 'text', description: 'grouping heading where the plan has one' },
  page, sourceText,
];

const budgetColumns: Column[] = [
  documentId, areaName, ord,
  { name: 'kind', type: 'text', description: 'minimum_pooled_budget | total_pooled_budget | nhs_minimum_contribution | nhs_additional_contribution | la_additional_contribution | dfg | ibcf | scheme_spend | other' },
  { name: 'year', type: 'text', description: 'financial year yyyy-yy ("2015-16", as metrics.period); empty if none stated' },
  { name: 'amount_gbp', type: 'integer', description: 'whole pounds (a number; negative for reductions)' },
  { name: 'scheme', type: 'text', description: 'scheme name for scheme_spend rows' },
  { name: 'funding_source', type: 'text', description: 'funding source of a scheme_spend row (Minimum NHS Contribution, iBCF, DFG, ...)' },
  { name: 'label', type: 'text', description: 'the row/column label the amount was read under' },
  { ...sourceText, description: 'the amount as written ("£1.475m", "15,843" in a £000s column)' },
  page,
];

const riskColumns: Column[] = [
  documentId, areaName, ord,
  { name: 'description', type: 'text', description: 'the risk as described' },
  { name: 'likelihood', type: 'integer', description: '1-5 where given' },
  { name: 'impact', type: 'integer', description: '1-5 where given' },
  { name: 'score', type: 'integer', description: 'score as written in the plan (not computed)' },
  { name: 'rating', type: 'text', description: 'high | medium | low as written or from a RAG word' },
  { name: 'mitigation', type: 'text', description: 'mitigating actions' },
  { name: 'owner', type: 'text', description: 'named lead' },
  page, sourceText,
];

const metricColumns: Column[] = [
  documentId, areaName, ord,
  { name: 'metric', type: 'text', description: 'non_elective_admissions | avoidable_admissions | residential_admissions | reablement | delayed_transfers_of_care | discharge_usual_residence | patient_experience | local' },
  { name: 'label', type: 'text', description: 'the metric as labelled in the plan' },
  { name: 'period', type: 'text', description: 'period as normalised ("2022-23", "2022-23 Q1") or as written' },
  { name: 'kind', type: 'text', description: 'baseline | actual | estimate | plan (levels) | plan_change (a planned reduction or increase)' },
  { name: 'value', type: 'number', description: 'indicator value (97.0% is 97)' },
  { name: 'unit', type: 'text', description: 'rate_per_100k | percent | count | score' },
  { name: 'numerator', type: 'number', description: 'numerator where given' },
  { name: 'denominator', type: 'number', description: 'denominator where given' },
  page, sourceText,
];

const flagColumns: Column[] = [
  documentId, areaName, ord,
  { name: 'code', type: 'text', description: 'MISSING_SECTION, PLACEHOLDER_SECTION, PLACEHOLDER_TEXT, UNSIGNED, RISK_SCORE_MISMATCH, RISK_UNSCORED, BUDGET_TOTAL_MISMATCH, BUDGET_BELOW_MINIMUM, METRIC_RATIO_MISMATCH, UNKNOWN_TEMPLATE, EXTRACTION_FAILED' },
  { name: 'severity', type: 'text', description: 'error | warning | info' },
  { name: 'message', type: 'text', description: 'what is wrong, with the figures' },
  { name: 'section', type: 'text', description: 'section_id the flag is about; empty for the whole plan' },
  page,
  { ...sourceText, description: 'quoted text the flag is about, to find it in the document' },
];

const noteColumns: Column[] = [
  documentId, areaName, ord,
  { name: 'level', type: 'text', description: 'info | warning | error' },
  { name: 'stage', type: 'text', description: 'the stage that noticed it: extract | segment | area | schemes | budgets | risks | metrics | validate' },
  { name: 'message', type: 'text', description: 'what was noticed (a mislabelled file, a table continued across pages, a range not read as an amount)' },
  page,
  { ...sourceText, description: 'quoted text the note is about, to find it in the document' },
];

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

export const EXPORT_TABLES: readonly ExportTable[] = [
  { name: 'plans', row: 'one plan: an HWB area in one planning round, with its files and its current file', columns: groupedPlanColumns, sql: groupedPlansSql, jsonLists: ['document_ids', 'paths'] },
  { name: 'documents', row: 'one input file, including failed and removed ones', columns: planColumns, sql: plansSql, jsonLists: ['local_authorities', 'ccgs'] },
  { name: 'sections', row: 'one template section of one plan, found or not', columns: sectionColumns, sql: itemSql('sections', sectionColumns) },
  { name: 'schemes', row: 'one scheme a plan lists', columns: schemeColumns, sql: itemSql('schemes', schemeColumns) },
  { name: 'budgets', row: 'one money figure from a plan (unique by kind, year, scheme and amount)', columns: budgetColumns, sql: itemSql('budgets', budgetColumns) },
  { name: 'risks', row: 'one row of a risk log', columns: riskColumns, sql: itemSql('risks', riskColumns) },
  { name: 'metrics', row: 'one value of one metric for one period (baseline, actual, estimate or plan)', columns: metricColumns, sql: itemSql('metrics', metricColumns) },
  { name: 'flags', row: 'one finding about a plan (missing, inconsistent or placeholder content)', columns: flagColumns, sql: itemSql('flags', flagColumns) },
  { name: 'notes', row: 'one thing extraction, segmentation or a field noticed in a file (not a fault of the plan)', columns: noteColumns, sql: itemSql('notes', noteColumns) },
];
