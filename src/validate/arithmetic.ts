// Arithmetic cross-checks on extracted values: risk scores, budget totals and minimums, metric ratios.
// Each returns what is wrong in words a reader can check against the document; checkPlan turns them into flags.
import type { Budget, BudgetKind, Metric, Risk } from '../record/schema.js';

/** "score 12 but likelihood 3 × impact 5 = 15", or null when the score agrees or cannot be checked. */
export function riskScoreProblem(risk: Risk): string | null {
  if (risk.score === null || risk.likelihood === null || risk.impact === null) return null;
  const product = risk.likelihood * risk.impact;
  return risk.score === product ? null : `score ${risk.score} but likelihood ${risk.likelihood} × impact ${risk.impact} = ${product}`;
}

export function isUnscored(risk: Risk): boolean {
  return risk.likelihood === null && risk.impact === null && risk.score === null && risk.rating === null;
}

/** The parts a total pooled budget is made of. scheme_spend and `other` subtotals are not parts. */
export const POOLED_BUDGET_PARTS: BudgetKind[] = ['dfg', 'ibcf', 'nhs_minimum_contribution', 'nhs_additional_contribution', 'la_additional_contribution'];

/**
 * A number with thousands separators, as n.toLocaleString('en-GB') writes it. Whole numbers are grouped here:
 * the first toLocaleString call of a process loads the ICU locale data (~15 ms), which a worker need not pay.
 */
function grouped(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-GB');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

const gbp = (n: number) => `£${grouped(n)}`;

/** The stated amount of one part in a year. A contributor line and the "Total …" line that repeats it are
 *  one figure, so a "Total" line wins; several different contributor lines without a total are summed. */
export function partAmount(rows: Budget[]): number | null {
  if (rows.length === 0) return null;
  const totals = rows.filter((r) => /^\s*total\b/i.test(r.label ?? ''));
  if (totals.length > 0) return totals[0].amountGbp;
  const distinct = [...new Set(rows.map((r) => r.amountGbp))];
  return distinct.reduce((a, b) => a + b, 0);
}

export interface BudgetProblem {
  code: 'BUDGET_TOTAL_MISMATCH' | 'BUDGET_BELOW_MINIMUM';
  message: string;
  /** The budget row the problem is about (the stated total). */
  about: Budget;
}

/** Rounding slack for a sum of `n` whole-pound (or whole-£000) figures. */
function slack(amounts: number[]): number {
  const unit = amounts.every((a) => a % 1000 === 0) ? 1000 : 1;
  return Math.ceil((amounts.length + 1) / 2) * unit;
}

/** Total pooled budget vs the sum of its stated parts, and vs the minimum, year by year. */
export function budgetProblems(budgets: Budget[]): BudgetProblem[] {
  const problems: BudgetProblem[] = [];
  const years = [...new Set(budgets.map((b) => b.year).filter((y): y is string => y !== null))];
  for (const year of years) {
    const inYear = budgets.filter((b) => b.year === year && b.scheme === null);
    const totals = inYear.filter((b) => b.kind === 'total_pooled_budget');
    const minimums = inYear.filter((b) => b.kind === 'minimum_pooled_budget');
    if (totals.length === 0) continue;
    const total = totals.reduce((a, b) => (b.amountGbp > a.amountGbp ? b : a));
    const parts = POOLED_BUDGET_PARTS.map((kind) => ({ kind, amount: partAmount(inYear.filter((b) => b.kind === kind)) })).filter(
      (p): p is { kind: BudgetKind; amount: number } => p.amount !== null,
    );
    // Only a breakdown with at least two stated parts (including the NHS minimum) is checked, and only when
    // no other unclassified contribution sits beside them (it may be a part we cannot name).
    const partAmounts = new Set(inYear.filter((b) => POOLED_BUDGET_PARTS.includes(b.kind)).map((b) => b.amountGbp));
    const unexplained = inYear.some((b) => b.kind === 'other' && !/^\s*total\b/i.test(b.label ?? '') && !partAmounts.has(b.amountGbp));
    if (!unexplained && parts.length >= 2 && parts.some((p) => p.kind === 'nhs_minimum_contribution')) {
      const sum = parts.reduce((a, p) => a + p.amount, 0);
      if (Math.abs(sum - total.amountGbp) > slack([...parts.map((p) => p.amount), total.amountGbp])) {
        problems.push({
          code: 'BUDGET_TOTAL_MISMATCH',
          message: `${year} total pooled budget ${gbp(total.amountGbp)} but its stated parts add up to ${gbp(sum)} (${parts.map((p) => `${p.kind} ${gbp(p.amount)}`).join(' + ')})`,
          about: total,
        });
      }
    }
    if (minimums.length > 0) {
      const minimum = Math.max(...minimums.map((m) => m.amountGbp));
      if (total.amountGbp < minimum) {
        problems.push({
          code: 'BUDGET_BELOW_MINIMUM',
          message: `${year} total pooled budget ${gbp(total.amountGbp)} is below the minimum required ${gbp(minimum)}`,
          about: total,
        });
      }
    }
  }
  return problems;
}

/** Digits after the decimal point with which the value is written in its source text (93.0% -> 1). */
export function writtenDecimals(metric: Metric): number {
  let best = -1;
  for (const m of (metric.text ?? '').matchAll(/\d[\d,]*(?:\.(\d+))?/g)) {
    if (Math.abs(Number(m[0].replace(/,/g, '')) - metric.value) < 1e-9) best = Math.max(best, m[1]?.length ?? 0);
  }
  return best < 0 ? 1 : best;
}

/** "value 98.1% but 4,633 / 4,760 × 100 = 97.33…", or null when it agrees to the written precision. */
export function metricRatioProblem(metric: Metric): string | null {
  const { numerator: n, denominator: d } = metric;
  if (n === null || d === null || d === 0) return null;
  const scale = metric.unit === 'percent' ? 100 : metric.unit === 'rate_per_100k' ? 100000 : null;
  if (scale === null) return null;
  const ratio = (n / d) * scale;
  const decimals = writtenDecimals(metric);
  const step = 10 ** -decimals;
  const rounded = Math.abs(ratio - metric.value) <= step / 2 + 1e-9;
  const truncated = Math.abs(Math.floor(ratio / step + 1e-9) * step - metric.value) < 1e-9;
  if (rounded || truncated) return null;
  const unit = metric.unit === 'percent' ? '%' : ' per 100,000';
  return `${metric.metric} ${metric.period ?? ''} ${metric.kind}: value ${metric.value}${unit} but ${grouped(n)} / ${grouped(d)} × ${grouped(scale)} = ${ratio.toFixed(decimals + 1)}`.replace(/\s+/g, ' ');
}
