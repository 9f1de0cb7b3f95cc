// Which budget kind a row or section label names. Labels vary by template and year ("Minimum required value of
// BCF pooled budget", "Total BCF Pooled Budget", "NHS Minimum Contribution", "Disabled Facilities Grant (DFG)"),
// so the rules look for the words that carry the meaning, most specific first.
import type { BudgetKind } from '../../record/schema.js';
import { normaliseName } from '../../text/clean.js';
import { memoString } from '../../cache/memo.js';

const NHS = /\b(nhs|ccgs?|icbs?|clinical commissioning|integrated care board|health)\b/;
const LA = /\b(la|las|local authority|local authorities|council|councils)\b/;

/**
 * The kind a label names, or null when it names none (a contributor such as "Northmoor", a year, a blank).
 * "other" is returned for a labelled total or contribution that is none of the specific kinds.
 */
// Remembered: the same labels are classified several times per row (alone, with their column header, with the next line).
export const classifyBudgetLabel = memoString(classifyBudgetLabelUncached);

function classifyBudgetLabelUncached(label: string): BudgetKind | null {
  // Exclusions in brackets ("exc iBCF", "excluding DFG") must not decide the kind.
  const t = normaliseName(label.replace(/\((?:exc|excl|excluding|not including|less)\b[^)]*\)/gi, ' '));
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
