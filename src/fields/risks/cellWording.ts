// Which text column of a risk log a cell's wording gives away, for the readers that place cells by their order
// alone (src/tables/groupedCells.ts): where the reading order gives a row's cells out of column order (raw pdftotext
// of a retypeset or rule-less log), wording is the only evidence left of which cell is the risk and which the actions.
// Only clear wording counts: an action opens as an instruction or a means ("Review …", "Monthly checks …",
// "Developing …", "Strong approach to …", "Protocols already in place …"); a risk is a clause (typedLogLines.ts
// isRiskClause). Anything else tells nothing.
import type { RiskColumn } from './columns.js';
import { isRiskClause } from './typedLogLines.js';

/** Verbs an action opens with, as an instruction or a gerund ("Agree …", "Agreeing …"); not those that are as often
 *  a risk's noun ("Work pressures …", "Support for …"). */
const ACTION_VERBS =
  'review|develop|agree|ensure|monitor|establish|continue|engage|implement|introduce|undertake|maintain|seek|provide|escalate|build|negotiate|lobby|strengthen|align|consult|discuss|identify|prioriti[sz]e|invest|deliver|manage|create';
const ACTION_OPENING = new RegExp(`^(?:${ACTION_VERBS})(?:s|ing|ed)?\\b|^(?:monthly|weekly|quarterly|annual(?:ly)?|ongoing|continued|continual|regular(?:ly)?)\\b|^to\\s`, 'i');
/** A means named in the first words: "Firm approach to …", "Rotas already in place …". */
const MEANS_OPENING = /^(?:\S+\s+){0,2}approach(?:es)? to\b|^(?:\S+\s+){1,3}in place\b/i;

/** Whether a cell reads as a risk log's mitigating actions. */
export function readsAsAction(text: string): boolean {
  const t = text.trim();
  return ACTION_OPENING.test(t) || MEANS_OPENING.test(t);
}

/** The text column a cell's wording names, or null where it does not tell. */
export function riskCellByWording(text: string): RiskColumn | null {
  if (readsAsAction(text)) return 'mitigation';
  return isRiskClause(text) ? 'description' : null;
}
