// Consistency flags a reader must see: arithmetic that does not add up (risk scores, budget totals and
// minimums, metric ratios), template placeholders left in, and sign-off blocks without a name or date.
// Every flag names its section and page and quotes the source text. Validation checks values the fields read
// (the record's items, the sign-off blocks, the placeholders); it reads nothing of the document but where its
// blocks start, to name a section.
import type { DocumentModel } from '../model/document.js';
import type { Placeholder, Signatory } from '../record/checks.js';
import type { Budget, Flag, Metric, Risk, Scheme } from '../record/schema.js';
import { sectionAt, type Segmentation } from '../segment/types.js';
import { budgetProblems, isUnscored, metricRatioProblem, riskScoreProblem } from './arithmetic.js';

export interface ExtractedFields {
  schemes: Scheme[];
  budgets: Budget[];
  risks: Risk[];
  metrics: Metric[];
  /** Read for validation only (not in the record). */
  signatories: Signatory[];
  placeholders: Placeholder[];
}

/** The id of the section holding the block an item was read from, or null when the item does not say. */
function sectionOf(doc: DocumentModel, seg: Segmentation, item: { block?: number | null }): string | null {
  const block = item.block == null ? undefined : doc.blocks[item.block];
  return block ? (sectionAt(seg, block.offset)?.id ?? null) : null;
}

const quote = (text: string | null | undefined, max = 300) => {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** One RISK_SCORE_MISMATCH per risk (each is its own error); one RISK_UNSCORED per section listing the
 *  unscored risks (a log without scoring columns is one finding, not one per row). */
function riskFlags(doc: DocumentModel, seg: Segmentation, risks: Risk[]): Flag[] {
  const flags: Flag[] = [];
  const unscored = new Map<string | null, Risk[]>();
  for (const r of risks) {
    const section = sectionOf(doc, seg, r);
    const problem = riskScoreProblem(r);
    if (problem) {
      flags.push({ code: 'RISK_SCORE_MISMATCH', severity: 'warning', message: `${problem}: "${quote(r.description, 80)}"`, section, page: r.page, text: quote(r.text) });
    }
    if (isUnscored(r)) unscored.set(section, [...(unscored.get(section) ?? []), r]);
  }
  for (const [section, list] of unscored) {
    const names = list.map((r) => `"${quote(r.description, 60)}"`);
    flags.push({
      code: 'RISK_UNSCORED',
      severity: 'warning',
      message: `${list.length === 1 ? 'risk has' : `${list.length} risks have`} no likelihood, impact, score or rating: ${names.slice(0, 5).join('; ')}${names.length > 5 ? `; and ${names.length - 5} more` : ''}`,
      section,
      page: list[0].page,
      text: quote(list[0].text),
    });
  }
  return flags;
}

function budgetFlags(doc: DocumentModel, seg: Segmentation, budgets: Budget[]): Flag[] {
  return budgetProblems(budgets).map((p) => ({
    code: p.code,
    severity: 'error' as const,
    message: p.message,
    section: sectionOf(doc, seg, p.about),
    page: p.about.page,
    text: quote(`${p.about.label ?? ''} ${p.about.text}`),
  }));
}

function metricFlags(doc: DocumentModel, seg: Segmentation, metrics: Metric[]): Flag[] {
  const flags: Flag[] = [];
  for (const m of metrics) {
    const problem = metricRatioProblem(m);
    if (problem) {
      flags.push({ code: 'METRIC_RATIO_MISMATCH', severity: 'warning', message: problem, section: sectionOf(doc, seg, m), page: m.page, text: quote(m.text) });
    }
  }
  return flags;
}

/** One PLACEHOLDER_TEXT flag per section, listing what was left in and quoting where. */
function placeholderFlags(seg: Segmentation, placeholders: Placeholder[]): Flag[] {
  const bySection = new Map<string | null, Placeholder[]>();
  for (const hit of placeholders) {
    const id = sectionAt(seg, hit.offset)?.id ?? null;
    bySection.set(id, [...(bySection.get(id) ?? []), hit]);
  }
  return [...bySection].map(([section, hits]) => {
    const counts = new Map<string, number>();
    for (const h of hits) counts.set(h.placeholder, (counts.get(h.placeholder) ?? 0) + 1);
    const listed = [...counts].map(([p, n]) => (n > 1 ? `"${p}" ×${n}` : `"${p}"`)).join(', ');
    const quotes = [...new Set(hits.map((h) => h.quote))];
    return {
      code: 'PLACEHOLDER_TEXT' as const,
      severity: 'warning' as const,
      message: `template placeholder text left in: ${listed}`,
      section,
      page: hits[0].page,
      text: quote(quotes.join(' … '), 500),
    };
  });
}

/** One UNSIGNED flag per sign-off section, naming the signatories without a name or date. */
function unsignedFlags(seg: Segmentation, signatories: Signatory[]): Flag[] {
  const bySection = new Map<string | null, Signatory[]>();
  for (const s of signatories) {
    if (s.hasName && s.hasDate) continue;
    const id = sectionAt(seg, s.offset)?.id ?? null;
    bySection.set(id, [...(bySection.get(id) ?? []), s]);
  }
  return [...bySection].map(([section, unsigned]) => {
    const what = (s: (typeof unsigned)[number]) => `${s.party} (${[!s.hasName && 'no name', !s.hasDate && 'no date'].filter(Boolean).join(', ')})`;
    return {
      code: 'UNSIGNED' as const,
      severity: 'error' as const,
      message: `${unsigned.length} signator${unsigned.length === 1 ? 'y has' : 'ies have'} no name or no date: ${unsigned.slice(0, 4).map(what).join('; ')}${unsigned.length > 4 ? `; and ${unsigned.length - 4} more` : ''}`,
      section,
      page: unsigned[0].page,
      text: quote(unsigned[0].quote),
    };
  });
}

/** Cross-checks and placeholder/sign-off flags for one plan. Segmentation flags are added by the caller. */
export function checkPlan(doc: DocumentModel, seg: Segmentation, fields: ExtractedFields): Flag[] {
  return [
    ...unsignedFlags(seg, fields.signatories),
    ...placeholderFlags(seg, fields.placeholders),
    ...riskFlags(doc, seg, fields.risks),
    ...budgetFlags(doc, seg, fields.budgets),
    ...metricFlags(doc, seg, fields.metrics),
  ];
}
