// Which budget kind a row or section label names. Labels vary by template and year ("Minimum required value of
// BCF pooled budget", "Total BCF Pooled Budget", "NHS Minimum Contribution", "Disabled Facilities Grant (DFG)"),
// so the rules look for the words that carry the meaning, most specific first.
import type { BudgetKind } from '../../record/schema.js';
import { normaliseName } from '../../text/clean.js';
import { memoString } from '../../cache/memo.js';
import { declaredRowOf, phraseIn, phraseWords, type DeclaredTable } from '../../tables/declared.js';

const NHS = /\b(nhs|ccgs?|icbs?|clinical commissioning|integrated care board|health)\b/;
const LA = /\b(la|las|local authority|local authorities|council|councils)\b/;

/**
 * The kind a label names, or null when it names none (a contributor such as "Northmoor", a year, a blank).
 * "other" is returned for a labelled total or contribution that is none of the specific kinds.
 */
// Remembered: the same labels are classified several times per row (alone, with their column header, with the next line).
export const classifyBudgetLabel = memoString(classifyBudgetLabelUncached);

/** The label without its exclusions in brackets ("exc iBCF", "excluding DFG"), which must not decide the kind. */
const withoutExclusions = (label: string) => label.replace(/\((?:exc|excl|excluding|not including|less)\b[^)]*\)/gi, ' ');

/** A budget-label classifier for one template: a row label its declared income table names ("rowLabels") is that
 *  kind; any other label is classified by the general words (classifyBudgetLabel). Made once per extractor call. */
export type BudgetKindOf = (label: string) => BudgetKind | null;

/** The kind the declared row labels give a label, or null. Only a label that is the declared phrase, give or take
 *  two words (a contributor, a unit): text conversion joins wrapped labels of several rows into one, and which of
 *  them the figure belongs to is the general rules' call. */
function declaredKind(tables: DeclaredTable[], label: string): BudgetKind | null {
  const text = withoutExclusions(label);
  const kind = declaredRowOf(tables, 'budgets', 'rowLabels', text) as BudgetKind | null;
  if (kind === null) return null;
  const phrases = tables.flatMap((t) => t.rowLabels.filter((r) => r.id === kind).flatMap((r) => r.label)).filter((l) => phraseIn(text, l));
  return phraseWords(text) <= Math.max(...phrases.map(phraseWords)) + 2 ? kind : null;
}

export function budgetKindsOf(declarations: DeclaredTable[]): BudgetKindOf {
  const withRows = declarations.filter((t) => t.field === 'budgets' && t.rowLabels.length > 0);
  if (withRows.length === 0) return classifyBudgetLabel;
  // Only the general vocabulary is memoised process-wide; this template's answers are kept for this call only.
  const seen = new Map<string, BudgetKind | null>();
  return (label) => {
    let kind = seen.get(label);
    if (kind === undefined) {
      kind = declaredKind(withRows, label) ?? classifyBudgetLabel(label);
      seen.set(label, kind);
    }
    return kind;
  };
}

function classifyBudgetLabelUncached(label: string): BudgetKind | null {
  const t = normaliseName(withoutExclusions(label));
  if (t === '') return null;
  if (/\bdisabled facilit|\bdfg\b/.test(t)) return 'dfg';
  if (/\bibcf\b|improved better care/.test(t)) return 'ibcf';
  if (/\badditional\b/.test(t)) {
    if (NHS.test(t)) return 'nhs_additional_contribution';
    if (LA.test(t)) return 'la_additional_contribution';
  }
  if (/\bminimum\b/.test(t) && /\b(pooled|pool|fund|bcf|itf|value)\b/.test(t) && !NHS.test(t) && !LA.test(t)) {
    return 'minimum_pooled_budget';
  }
  if (/\bminimum\b/.test(t) && NHS.test(t)) return 'nhs_minimum_contribution';
  if (/\b(pooled budget|pooled fund|pool|bcf total|total bcf|total fund)\b/.test(t) && !/\bminimum\b/.test(t)) {
    if (!NHS.test(t) && !LA.test(t)) return 'total_pooled_budget';
  }
  if (/\b(total|contribution|contributions|income|grant|allocation|expenditure|spend|budget|funding)\b/.test(t)) return 'other';
  return null;
}

/** Kinds that are specific (not "other"). */
export function isSpecificKind(kind: BudgetKind | null): kind is BudgetKind {
  return kind !== null && kind !== 'other';
}
