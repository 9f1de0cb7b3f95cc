// Pure judgements and summaries the pages show: RAG status, years, pooled budget, labels.
import type { Budget, BudgetKind, Flag, Metric, MetricKey } from '../record/schema.js';
import type { PlanView } from './load.js';

export type Rag = 'red' | 'amber' | 'green';

/** The page a plan is shown on, relative to the report root. */
export const pageOf = (p: PlanView): string => p.page ?? `plans/${p.id}.html`;

/** The files of a plan (a plain file view is a plan of one file). */
export const filesOf = (p: PlanView & { files?: PlanView[] }): PlanView[] => p.files ?? [p];

export interface RagStatus {
  rag: Rag;
  /** Why, in words a reader can check against the plan page. */
  reasons: string[];
}

/** The rule, stated on the index page exactly as applied here. */
export const RAG_RULE = {
  red: 'Red: the file could not be read, or the plan has any error flag (for example unsigned), or a required section is missing (MISSING_SECTION flag).',
  amber: 'Amber: no error, but at least one warning flag, or a section that is missing or only a placeholder, or no recognised template.',
  green: 'Green: none of the above (information notes may remain).',
} as const;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Why a file could not be read, in words a reader can act on (the short codes of ExtractionError.reason). */
export const FAILURE_REASON_WORDS: Record<string, string> = {
  no_text_layer: 'scanned PDF: no text layer; needs OCR',
  encrypted: 'password-protected: needs an unprotected copy',
  corrupt: 'corrupt file: it cannot be parsed',
  truncated: 'truncated file: it ends early (an incomplete copy or download)',
  empty: 'empty file: nothing to read',
  wrong_type: 'not the format its name says (for example a Word file named .pdf)',
  too_large: 'too large to read within the size limit',
  unsupported: 'unsupported format (a legacy .doc: save it as .docx)',
  timeout: 'reading it took longer than the time limit per file',
  memory: 'reading it needed more memory than the limit per file',
  crashed: 'the reader crashed on it',
  unreadable: 'the file could not be opened (permissions, or a drive that went away)',
};

/** The words for a failure reason; an unknown code is shown as it is. */
export function failureWords(reason: string | null): string {
  if (!reason) return 'could not be read';
  return FAILURE_REASON_WORDS[reason] ?? `could not be read (${reason})`;
}

export function ragStatus(plan: PlanView): RagStatus {
  const errors = plan.flags.filter((f) => f.severity === 'error' && !(plan.status === 'failed' && f.code === 'EXTRACTION_FAILED'));
  // MISSING_SECTION is red whatever its severity, so it is not counted again among the warnings.
  const requiredMissing = plan.flags.filter((f) => f.code === 'MISSING_SECTION' && f.severity !== 'error');
  const warnings = plan.flags.filter((f) => f.severity === 'warning' && f.code !== 'MISSING_SECTION');
  // A missing section without a MISSING_SECTION flag is one the template does not require (amber, not red).
  const missing = plan.sections.filter((s) => s.status === 'missing');
  const placeholders = plan.sections.filter((s) => s.status === 'placeholder');

  const red: string[] = [];
  if (plan.status === 'failed') red.push(`could not be read: ${failureWords(plan.failureReason)}`);
  if (errors.length) red.push(`${plural(errors.length, 'error flag')}: ${codes(errors)}`);
  if (requiredMissing.length) red.push(`${plural(requiredMissing.length, 'required section')} missing`);

  const amber: string[] = [];
  if (warnings.length) amber.push(`${plural(warnings.length, 'warning flag')}: ${codes(warnings)}`);
  if (missing.length) amber.push(`${plural(missing.length, 'section')} missing`);
  if (placeholders.length) amber.push(`${plural(placeholders.length, 'section')} only a placeholder`);
  if (plan.template === 'unknown' && plan.status !== 'failed') amber.push('no recognised template');

  // The reasons list the worst first, then what else a reader will find on the page.
  if (red.length) return { rag: 'red', reasons: [...red, ...amber] };
  if (amber.length) return { rag: 'amber', reasons: amber };
  return { rag: 'green', reasons: ['no errors, warnings, missing or placeholder sections'] };
}

function codes(flags: Flag[]): string {
  return [...new Set(flags.map((f) => f.code))].join(', ');
}

export const RAG_WORD: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** Financial years the plan covers (from its budgets), else the year in its template name. */
export function planYears(plan: PlanView): string {
  const years = [...new Set(plan.budgets.map((b) => b.year).filter((y): y is string => !!y))].sort();
  if (years.length === 1) return years[0];
  if (years.length > 1) return `${years[0]} to ${years[years.length - 1]}`;
  const m = plan.template.match(/(20\d{2})(?:[-/](\d{2}))?/);
  return m ? (m[2] ? `${m[1]}-${m[2]}` : m[1]) : '';
}

/** Stated total pooled budget per year, in year order. */
export function pooledBudgets(budgets: Budget[]): { year: string | null; amountGbp: number }[] {
  return budgets
    .filter((b) => b.kind === 'total_pooled_budget')
    .map((b) => ({ year: b.year, amountGbp: b.amountGbp }))
    .sort((a, b) => (a.year ?? '').localeCompare(b.year ?? ''));
}

/** The figure the index shows: the latest year's stated total pooled budget. */
export function headlinePooledBudget(plan: PlanView): { year: string | null; amountGbp: number } | null {
  const all = pooledBudgets(plan.budgets);
  return all.length ? all[all.length - 1] : null;
}

export function formatGbp(amount: number): string {
  const abs = `£${Math.abs(amount).toLocaleString('en-GB')}`;
  return amount < 0 ? `−${abs}` : abs;
}

export function formatNumber(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

export const BUDGET_KIND_LABEL: Record<BudgetKind, string> = {
  minimum_pooled_budget: 'Minimum required pooled budget',
  total_pooled_budget: 'Total pooled budget',
  nhs_minimum_contribution: 'NHS minimum contribution',
  nhs_additional_contribution: 'NHS additional contribution',
  la_additional_contribution: 'Local authority additional contribution',
  dfg: 'Disabled Facilities Grant',
  ibcf: 'Improved Better Care Fund (iBCF)',
  scheme_spend: 'Planned spend on a scheme',
  other: 'Other figure',
};

export const METRIC_LABEL: Record<MetricKey, string> = {
  non_elective_admissions: 'Non-elective admissions',
  avoidable_admissions: 'Avoidable emergency admissions',
  residential_admissions: 'Permanent admissions to residential and nursing care (65+)',
  reablement: 'Still at home 91 days after reablement (65+)',
  delayed_transfers_of_care: 'Delayed transfers of care',
  discharge_usual_residence: 'Discharged to usual place of residence',
  patient_experience: 'Patient / service user experience',
  local: 'Local metric',
};

export const UNIT_LABEL: Record<Metric['unit'], string> = {
  rate_per_100k: 'per 100,000',
  percent: '%',
  count: 'count',
  score: 'score',
};

/** Severity order for sorting flags: errors first. */
export const SEVERITY_ORDER: Record<Flag['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * Names for side-by-side views: the area name, with the file name added where several documents share an
 * area (the same plan as PDF and Word, or a resubmission), so bars and rows can be told apart.
 */
export function displayNames(plans: PlanView[]): Map<number, string> {
  const counts = new Map<string, number>();
  for (const p of plans) counts.set(p.areaName, (counts.get(p.areaName) ?? 0) + 1);
  return new Map(plans.map((p) => [p.id, (counts.get(p.areaName) ?? 0) > 1 ? `${p.areaName} – ${p.path.split('/').pop()}` : p.areaName]));
}
