// Scoring one record against one gold record, by the "Scored" rules of spec/records.md. Pure: no I/O.
// Every field is matched one-to-one, greedily by best pair score, so a predicted item can satisfy at
// most one gold item. Counts (not ratios) are returned so totals can be micro-averaged over documents.
import type { Area, Budget, Flag, Metric, PlanRecord, Risk, Scheme, Section, Source } from '../record/schema.js';

/** A field as a gold file may hold it: the record's enums read as any string (the scorer compares them as text). */
type Loose<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends string | null ? string | null : T[K] };

/** Some fields of a record part, by the zod schema's own names and types: a renamed or retyped field breaks this build. */
type Fields<T, K extends keyof T> = Loose<Pick<T, K>>;

/** The parts of a record the scorer reads. A PlanRecord fits; so does a gold file (which has extra `line` fields). */
export interface ScorableRecord {
  source: Fields<Source, 'file'> & { format?: string | null };
  template: PlanRecord['template'];
  area: Fields<Area, 'localAuthorities' | 'ccgs' | 'healthAndWellbeingBoard'>;
  sections: Fields<Section, 'id' | 'status'>[];
  schemes: Fields<Scheme, 'ref' | 'name'>[];
  budgets: Fields<Budget, 'kind' | 'year' | 'amountGbp' | 'scheme'>[];
  risks: Fields<Risk, 'description' | 'likelihood' | 'impact' | 'score' | 'rating'>[];
  metrics: Fields<Metric, 'metric' | 'value' | 'period' | 'kind' | 'numerator' | 'denominator'>[];
  flags: Fields<Flag, 'code' | 'section'>[];
}

/** True positives, false positives, false negatives of a matched list. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Items judged correct out of items judged. */
export interface Rate {
  correct: number;
  total: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** What went wrong in one field, as short readable strings (for --json and debugging). */
export interface FieldErrors {
  /** Gold items with no match in the record. */
  missed: string[];
  /** Record items with no match in gold. */
  extra: string[];
  /** Matched items with a wrong attribute. */
  wrong: string[];
}

export const LIST_FIELDS = ['area', 'schemes', 'budgets', 'budgetKeys', 'risks', 'metrics', 'flags'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export const RISK_ATTRIBUTES = ['likelihood', 'impact', 'score', 'rating'] as const;
export const METRIC_ATTRIBUTES = ['kind', 'numerator', 'denominator'] as const;

export interface DocumentScore {
  template: Rate;
  sections: Rate;
  /** P/R/F1 counts. `budgets` requires the amount to be equal; `budgetKeys` only kind + year + scheme. */
  lists: Record<ListField, Counts>;
  riskAttributes: Record<(typeof RISK_ATTRIBUTES)[number], Rate>;
  metricAttributes: Record<(typeof METRIC_ATTRIBUTES)[number], Rate>;
  errors: Record<string, FieldErrors>;
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Lower case, "&" as "and", punctuation as space, spacing collapsed. */
export function normaliseText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** An organisation name as a comparison key: normalised and without any spaces ("Well-being" = "Wellbeing"). */
export function nameKey(s: string): string {
  return normaliseText(s).replace(/ /g, '');
}

export function tokens(s: string): string[] {
  const t = normaliseText(s);
  return t === '' ? [] : t.split(' ');
}

/** Dice coefficient of two token sets (1 for two empty sets). */
export function tokenDice(a: string[], b: string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let common = 0;
  for (const t of sa) if (sb.has(t)) common++;
  return (2 * common) / (sa.size + sb.size);
}

/** Financial year as yyyy-yy, from either form ("2015/16", "2015/2016" -> "2015-16"), so gold written either way matches. */
export function normaliseYear(y: string | null): string | null {
  if (y === null) return null;
  const m = /^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$/.exec(y);
  return m ? `${m[1]}-${m[2].slice(-2)}` : y.trim();
}

/** Metric period as "2022-23" / "2022-23 q1" ("2022/23 Q1", "2022-2023" accepted). */
export function normalisePeriod(p: string | null): string | null {
  if (p === null) return null;
  return p
    .toLowerCase()
    .replace(/(\d{4})\s*[/-]\s*\d{2}(\d{2})\b/g, '$1-$2')
    .replace(/(\d{4})\s*[/-]\s*(\d{2})\b/g, '$1-$2')
    .replace(/\s+/g, ' ')
    .trim();
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

// ---------------------------------------------------------------------------------------------
// Matching

/**
 * One-to-one greedy matching: every eligible pair (score not null) in order of score, best first, ties by
 * gold then record order; a pair is taken when neither side is taken yet.
 */
export function greedyMatch<G, P>(
  gold: readonly G[],
  pred: readonly P[],
  pairScore: (g: G, p: P) => number | null,
): Array<[number, number]> {
  const pairs: Array<{ g: number; p: number; s: number }> = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      const s = pairScore(g, p);
      if (s !== null) pairs.push({ g: gi, p: pi, s });
    }),
  );
  pairs.sort((x, y) => y.s - x.s || x.g - y.g || x.p - y.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const { g, p } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    out.push([g, p]);
  }
  return out;
}

interface ListScore {
  counts: Counts;
  pairs: Array<[number, number]>;
  errors: FieldErrors;
}

function scoreList<G, P>(
  gold: readonly G[],
  pred: readonly P[],
  pairScore: (g: G, p: P) => number | null,
  describeGold: (g: G) => string,
  describePred: (p: P) => string,
): ListScore {
  const pairs = greedyMatch(gold, pred, pairScore);
  const matchedG = new Set(pairs.map(([g]) => g));
  const matchedP = new Set(pairs.map(([, p]) => p));
  return {
    counts: { tp: pairs.length, fp: pred.length - pairs.length, fn: gold.length - pairs.length },
    pairs,
    errors: {
      missed: gold.filter((_, i) => !matchedG.has(i)).map(describeGold),
      extra: pred.filter((_, i) => !matchedP.has(i)).map(describePred),
      wrong: [],
    },
  };
}

export const SCHEME_MATCH_MIN = 0.5;
export const RISK_MATCH_MIN = 0.5;
/** Risks are matched on the first words of the description only: split rows and run-on text do not count. */
export const RISK_MATCH_WORDS = 12;

/** Name similarity of two schemes; equal non-null refs also match (score 0.5 + a little for the name). */
export function schemeSimilarity(g: { ref: string | null; name: string }, p: { ref: string | null; name: string }): number | null {
  const dice = tokenDice(tokens(g.name), tokens(p.name));
  const refEqual = g.ref !== null && p.ref !== null && normaliseText(g.ref) === normaliseText(p.ref) && normaliseText(g.ref) !== '';
  const s = refEqual ? Math.max(dice, SCHEME_MATCH_MIN + dice / 10) : dice;
  return s >= SCHEME_MATCH_MIN ? s : null;
}

function schemeNameSimilarity(g: string | null, p: string | null): number | null {
  if (g === null || p === null) return g === p ? 1 : null;
  const s = tokenDice(tokens(g), tokens(p));
  return s >= SCHEME_MATCH_MIN ? s : null;
}

export function riskSimilarity(g: string, p: string): number | null {
  const s = tokenDice(tokens(g).slice(0, RISK_MATCH_WORDS), tokens(p).slice(0, RISK_MATCH_WORDS));
  return s >= RISK_MATCH_MIN ? s : null;
}

const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function attributeRate(
  pairs: Array<[number, number]>,
  equal: (gi: number, pi: number) => boolean,
  describe: (gi: number, pi: number) => string,
  wrong: string[],
): Rate {
  let correct = 0;
  for (const [gi, pi] of pairs) {
    if (equal(gi, pi)) correct++;
    else wrong.push(describe(gi, pi));
  }
  return { correct, total: pairs.length };
}

// ---------------------------------------------------------------------------------------------
// The scorer

export function scoreRecord(record: ScorableRecord, gold: ScorableRecord): DocumentScore {
  const errors: Record<string, FieldErrors> = {};

  // Template: exact.
  const template: Rate = { correct: record.template === gold.template ? 1 : 0, total: 1 };
  errors.template = { missed: [], extra: [], wrong: template.correct ? [] : [`${record.template} (gold ${gold.template})`] };

  // Area: names per category, normalised, one-to-one.
  const areaNames = (r: ScorableRecord) => [
    ...r.area.localAuthorities.map((n) => ({ cat: 'la', n })),
    ...r.area.ccgs.map((n) => ({ cat: 'ccg', n })),
    ...(r.area.healthAndWellbeingBoard ? [{ cat: 'hwb', n: r.area.healthAndWellbeingBoard }] : []),
  ];
  const area = scoreList(
    areaNames(gold),
    areaNames(record),
    (g, p) => (g.cat === p.cat && nameKey(g.n) === nameKey(p.n) ? 1 : null),
    (g) => `${g.cat}: ${g.n}`,
    (p) => `${p.cat}: ${p.n}`,
  );
  errors.area = area.errors;

  // Sections: each gold section's status by id. A section the record does not list was not found: "missing".
  const recordStatus = new Map(record.sections.map((s) => [s.id, s.status]));
  const sectionWrong: string[] = [];
  let sectionsCorrect = 0;
  for (const s of gold.sections) {
    const got = recordStatus.get(s.id) ?? 'missing';
    if (got === s.status) sectionsCorrect++;
    else sectionWrong.push(`${s.id}: ${got} (gold ${s.status})`);
  }
  const sections: Rate = { correct: sectionsCorrect, total: gold.sections.length };
  errors.sections = { missed: [], extra: [], wrong: sectionWrong };

  // Schemes: name overlap or ref.
  const schemes = scoreList(
    gold.schemes,
    record.schemes,
    schemeSimilarity,
    (g) => `${g.ref ?? '-'} ${short(g.name)}`,
    (p) => `${p.ref ?? '-'} ${short(p.name)}`,
  );
  errors.schemes = schemes.errors;

  // Budgets: kind + year + scheme; the amount must then be equal. Amount-equal pairs are preferred.
  const budgetKey = (
    g: ScorableRecord['budgets'][number],
    p: ScorableRecord['budgets'][number],
  ): number | null => {
    if (g.kind !== p.kind || normaliseYear(g.year) !== normaliseYear(p.year)) return null;
    return schemeNameSimilarity(g.scheme, p.scheme);
  };
  const describeBudget = (b: ScorableRecord['budgets'][number]) =>
    `${b.kind} ${b.year ?? '-'}${b.scheme ? ` [${short(b.scheme, 40)}]` : ''} £${b.amountGbp}`;
  const budgets = scoreList(
    gold.budgets,
    record.budgets,
    (g, p) => (g.amountGbp === p.amountGbp ? budgetKey(g, p) : null),
    describeBudget,
    describeBudget,
  );
  const budgetKeys = scoreList(
    gold.budgets,
    record.budgets,
    (g, p) => {
      const k = budgetKey(g, p);
      return k === null ? null : k + (g.amountGbp === p.amountGbp ? 1 : 0);
    },
    describeBudget,
    describeBudget,
  );
  for (const [gi, pi] of budgetKeys.pairs) {
    if (gold.budgets[gi].amountGbp !== record.budgets[pi].amountGbp) {
      budgetKeys.errors.wrong.push(`${describeBudget(gold.budgets[gi])}: got £${record.budgets[pi].amountGbp}`);
    }
  }
  errors.budgets = budgets.errors;
  errors.budgetKeys = budgetKeys.errors;

  // Risks: first words of the description; then each attribute.
  const risks = scoreList(
    gold.risks,
    record.risks,
    (g, p) => riskSimilarity(g.description, p.description),
    (g) => short(g.description),
    (p) => short(p.description),
  );
  const riskAttributes = {} as DocumentScore['riskAttributes'];
  for (const a of RISK_ATTRIBUTES) {
    riskAttributes[a] = attributeRate(
      risks.pairs,
      (gi, pi) => gold.risks[gi][a] === record.risks[pi][a],
      (gi, pi) => `${a} ${String(record.risks[pi][a])} (gold ${String(gold.risks[gi][a])}): ${short(gold.risks[gi].description, 40)}`,
      risks.errors.wrong,
    );
  }
  errors.risks = risks.errors;

  // Metrics: metric + value + period; then kind, numerator, denominator. Pairs agreeing on kind are preferred.
  const describeMetric = (m: ScorableRecord['metrics'][number]) => `${m.metric} ${m.period ?? '-'} ${m.kind} ${m.value}`;
  const metrics = scoreList(
    gold.metrics,
    record.metrics,
    (g, p) =>
      g.metric === p.metric && sameNumber(g.value, p.value) && normalisePeriod(g.period) === normalisePeriod(p.period)
        ? 1 + (g.kind === p.kind ? 0.5 : 0)
        : null,
    describeMetric,
    describeMetric,
  );
  const metricAttributes = {} as DocumentScore['metricAttributes'];
  for (const a of METRIC_ATTRIBUTES) {
    metricAttributes[a] = attributeRate(
      metrics.pairs,
      (gi, pi) =>
        a === 'kind'
          ? gold.metrics[gi].kind === record.metrics[pi].kind
          : sameNumber(gold.metrics[gi][a], record.metrics[pi][a]),
      (gi, pi) => `${a} ${String(record.metrics[pi][a])} (gold ${String(gold.metrics[gi][a])}): ${describeMetric(gold.metrics[gi])}`,
      metrics.errors.wrong,
    );
  }
  errors.metrics = metrics.errors;

  // Flags: code + section. Recall is what counts; precision is informative.
  const describeFlag = (f: ScorableRecord['flags'][number]) => `${f.code} @ ${f.section ?? '-'}`;
  const flags = scoreList(
    gold.flags,
    record.flags,
    (g, p) => (g.code === p.code && g.section === p.section ? 1 : null),
    describeFlag,
    describeFlag,
  );
  errors.flags = flags.errors;

  return {
    template,
    sections,
    lists: {
      area: area.counts,
      schemes: schemes.counts,
      budgets: budgets.counts,
      budgetKeys: budgetKeys.counts,
      risks: risks.counts,
      metrics: metrics.counts,
      flags: flags.counts,
    },
    riskAttributes,
    metricAttributes,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// Ratios and totals

/** Precision, recall, F1. Nothing expected and nothing found is perfect; nothing found when something was expected scores 0. */
export function prf(c: Counts): Prf {
  if (c.tp + c.fp + c.fn === 0) return { precision: 1, recall: 1, f1: 1 };
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Share correct, or null when nothing was judged (e.g. risk attributes when no risk was matched). */
export function rateValue(r: Rate): number | null {
  return r.total === 0 ? null : r.correct / r.total;
}

/** Micro-average: sum the counts of several document scores. */
export function sumScores(scores: readonly DocumentScore[]): Omit<DocumentScore, 'errors'> {
  const zeroCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  const zeroRate = (): Rate => ({ correct: 0, total: 0 });
  const total: Omit<DocumentScore, 'errors'> = {
    template: zeroRate(),
    sections: zeroRate(),
    lists: Object.fromEntries(LIST_FIELDS.map((f) => [f, zeroCounts()])) as Record<ListField, Counts>,
    riskAttributes: Object.fromEntries(RISK_ATTRIBUTES.map((a) => [a, zeroRate()])) as DocumentScore['riskAttributes'],
    metricAttributes: Object.fromEntries(METRIC_ATTRIBUTES.map((a) => [a, zeroRate()])) as DocumentScore['metricAttributes'],
  };
  const addRate = (into: Rate, r: Rate) => {
    into.correct += r.correct;
    into.total += r.total;
  };
  for (const s of scores) {
    addRate(total.template, s.template);
    addRate(total.sections, s.sections);
    for (const f of LIST_FIELDS) {
      total.lists[f].tp += s.lists[f].tp;
      total.lists[f].fp += s.lists[f].fp;
      total.lists[f].fn += s.lists[f].fn;
    }
    for (const a of RISK_ATTRIBUTES) addRate(total.riskAttributes[a], s.riskAttributes[a]);
    for (const a of METRIC_ATTRIBUTES) addRate(total.metricAttributes[a], s.metricAttributes[a]);
  }
  return total;
}

/** A record with nothing in it, scored where a gold document has no record in some format. */
export function emptyRecord(file: string): ScorableRecord {
  return {
    source: { file, format: null },
    template: 'unknown',
    area: { localAuthorities: [], ccgs: [], healthAndWellbeingBoard: null },
    sections: [],
    schemes: [],
    budgets: [],
    risks: [],
    metrics: [],
    flags: [],
  };
}
