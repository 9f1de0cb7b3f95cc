// Budget rows from a plan's tables: the plan-details summary, income/contribution tables, Part 2 finance
// summaries and spending plans. Tables are found by their labels; the segmentation is only a hint (a grid inside
// a risk section is skipped). Money in prose paragraphs is never a budget row.
import type { DocumentModel, Finding, Result } from '../../model/document.js';
import type { Budget, BudgetKind } from '../../record/schema.js';
import { sectionOfBlock, type Segmentation } from '../../segment/types.js';
import { findSpendingPlans, type SpendingPlan } from '../common/spendingPlan.js';
import { cleanCell, collectGrids, textsBefore, type Grid, type GridRow } from '../common/tables.js';
import { findYears, isYearOnly, singleYear } from '../common/years.js';
import { classifyBudgetLabel, isSpecificKind } from './kinds.js';
import { findMoney, parseMoney, unitScaleOf, type Money } from './money.js';

export { parseMoney, findMoney, unitScaleOf } from './money.js';

/** Grids whose header says they are a risk log or a benefits/outcomes table: money there is not a budget. */
const NOT_FINANCE_TABLE = /likelihood|mitigat|risk rating|risk factor|probability|there is a risk|\brisks?\b\s*$|benefits?\b|outcome measure/i;
/** Column headers under which figures are not budget amounts. */
const NOT_MONEY_COLUMN = /benefit|saving|impact|comment|description|note|rationale|risk|%|percent|population|activity|fte|number of|\bno\.?\s*of\b/i;
const FINANCE_WORDS = /contribution|budget|expenditure|funding|income|allocation|£|grant|\bspend|pooled|finance/i;

/** Financial year of the text just before a grid ("Spending Plan 2022/23", "BCF Income for X 2022/23:"). */
function contextYear(doc: DocumentModel, grid: Grid): string | null {
  for (const { text } of textsBefore(doc, grid.blockStart, 3)) {
    if (text.length > 160) break;
    const y = singleYear(text);
    if (y) return y;
  }
  return null;
}

function contextScale(doc: DocumentModel, grid: Grid): number | null {
  for (const { text } of textsBefore(doc, grid.blockStart, 2)) {
    if (text.length > 200) break;
    const s = unitScaleOf(text);
    if (s) return s;
  }
  return null;
}

/** A cell that is essentially one figure ("£2,323,304", "15,843", "£0 "), not a sentence containing one. */
function moneyShaped(cell: string, money: Money): boolean {
  const rest = cleanCell(cell.replace(/\s*\n\s*/g, ' ')).replace(money.text, ' ').replace(/[()£:\-–\s]/g, ' ').trim();
  return rest.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length <= 2;
}

function pushUnique(out: Budget[], b: Budget): void {
  const key = (x: Budget) => [x.kind, x.year, x.scheme ?? '', x.source ?? '', x.amountGbp].join('|');
  if (!out.some((x) => key(x) === key(b))) out.push(b);
}

function spendRows(plan: SpendingPlan, doc: DocumentModel, out: Budget[]): void {
  const year0 = contextYear(doc, plan.grids[0]);
  const gridScale = contextScale(doc, plan.grids[0]);
  for (const r of plan.rows) {
    for (const a of r.amounts) {
      const scale = unitScaleOf(a.header) ?? gridScale ?? undefined;
      const money = parseMoney(a.cell, { unitScale: scale, bare: true });
      if (!money) continue;
      const year = singleYear(a.header) ?? year0;
      pushUnique(out, {
        kind: 'scheme_spend',
        year,
        amountGbp: money.amountGbp,
        scheme: r.scheme,
        source: r.source,
        label: cleanCell(a.header) || null,
        text: money.text,
        page: r.row.page,
      });
    }
  }
}

/** A label that continues the row above: "of BCF pooled budget", "pooled budget" (but not "iBCF …"). */
function startsMidSentence(label: string): boolean {
  return /^([a-z][a-z]|\()/.test(label);
}

interface RowState {
  /** Kind named by the last section row without money ("iBCF Contribution"): contributor rows inherit it. */
  sectionKind: BudgetKind | null;
  /** Kind and label of the last row recorded: a year-only or continuation row inherits them. */
  lastKind: BudgetKind | null;
  lastLabel: string | null;
  header: string[] | null;
}

/** Budget rows of one label/value grid (plan details, income table, finance summary). */
function labelledRows(grid: Grid, doc: DocumentModel, out: Budget[], messages: Finding[]): void {
  const head = grid.rows.slice(0, 3).map((r) => r.cells.map(cleanCell).join(' ')).join(' ');
  if (NOT_FINANCE_TABLE.test(head)) return;
  const year0 = contextYear(doc, grid);
  const gridScale = contextScale(doc, grid);
  const financeTable =
    FINANCE_WORDS.test(head) ||
    grid.rows.some((r) => isSpecificKind(classifyBudgetLabel(r.cells.map(cleanCell).find((c) => c !== '') ?? '')));
  const state: RowState = { sectionKind: null, lastKind: null, lastLabel: null, header: null };
  grid.rows.forEach((row, i) => {
    // A label split over two rows ("Total proposed value of" / "pooled budget") is classified whole.
    const next = grid.rows[i + 1];
    const nextLabel = next ? cleanCell(next.cells[0] ?? '') : '';
    const nextHasFigure = next ? next.cells.slice(1).some((c) => isYearOnly(cleanCell(c)) || parseMoney(c) !== null) : false;
    const lookahead = startsMidSentence(nextLabel) && nextHasFigure ? nextLabel : '';
    readRow(row, state, { year0, gridScale, financeTable, lookahead }, out, messages);
  });
}

function readRow(
  row: GridRow,
  state: RowState,
  ctx: { year0: string | null; gridScale: number | null; financeTable: boolean; lookahead: string },
  out: Budget[],
  messages: Finding[],
): void {
  const cells = row.cells.map((c) => cleanCell(c.replace(/\s*\n\s*/g, ' ')));
  // Money cells: the first figure of each cell, unless the column says it is not a budget amount.
  const found: { index: number; money: Money }[] = [];
  let rowScale: number | null = null;
  cells.forEach((c, index) => {
    const header = state.header?.[index] ?? '';
    if (NOT_MONEY_COLUMN.test(header)) return;
    if (isYearOnly(c)) return;
    const scale = unitScaleOf(header) ?? ctx.gridScale ?? undefined;
    const money = parseMoney(row.cells[index] ?? '', { unitScale: scale, bare: Boolean(unitScaleOf(header)) });
    if (money) found.push({ index, money });
  });
  const firstMoney = found.length ? found[0].index : cells.length;
  const labelCells = cells.slice(0, firstMoney).filter((c) => c !== '' && !isYearOnly(c));
  const yearCells = cells.filter((c) => isYearOnly(c));
  let label = labelCells.join(' ').trim();
  // A year written into the label ("…pooled budget: 2014/15") belongs to the row, not the label.
  const labelYear = singleYear(label);
  if (labelYear) label = label.replace(findYears(label)[0].text, ' ').replace(/\s+/g, ' ').replace(/[\s:]+$/, '').trim();
  if (found.length === 0) {
    // A section or header row: it names the kind of the contributor rows beneath it, or the columns.
    const whole = cells.filter((c) => c !== '').join(' ');
    const kind = classifyBudgetLabel(whole);
    if (kind) state.sectionKind = kind;
    if (cells.filter((c) => c !== '').length >= 2) state.header = row.cells.map(cleanCell);
    rowScale = unitScaleOf(whole);
    void rowScale;
    return;
  }
  // The row's own kind; a continuation row ("2015/16 | £17,403,000", "of BCF pooled budget | 2015/16 | …")
  // inherits the kind of the row above.
  let kind: BudgetKind | null = null;
  const continuation = label === '' || startsMidSentence(label);
  if (continuation && state.lastKind && (label === '' ? yearCells.length + (labelYear ? 1 : 0) > 0 : !isSpecificKind(classifyBudgetLabel(label)) || classifyBudgetLabel(label) === 'total_pooled_budget')) {
    kind = state.lastKind;
    label = state.lastLabel && label && !state.lastLabel.endsWith(label) ? `${state.lastLabel} ${label}` : (state.lastLabel ?? label);
  } else if (label === '') {
    return; // money with no label and no year: a wrapped line of the cell above
  } else {
    kind = classifyBudgetLabel(label);
    if (ctx.lookahead) {
      const whole = classifyBudgetLabel(`${label} ${ctx.lookahead}`);
      if (!isSpecificKind(kind) && isSpecificKind(whole)) kind = whole;
      label = `${label} ${ctx.lookahead}`;
    }
    if (!isSpecificKind(kind) && state.sectionKind && isSpecificKind(state.sectionKind) && !/^(sub-?\s*)?total\b/i.test(label)) {
      kind = state.sectionKind; // a contributor line ("Derby", "NHS … ICB") under "iBCF Contribution"
    }
    if (kind === null && ctx.financeTable) kind = 'other';
  }
  if (!kind) return;
  // "other" is any labelled figure in a finance table, so it needs visible money: a £ or a money column/unit.
  const moneyEvidence = (f: { index: number; money: Money }) =>
    f.money.text.includes('£') || /£|\bgbp\b|expenditure|\bspend|cost|budget|contribution/i.test(state.header?.[f.index] ?? '') || ctx.gridScale !== null;
  if (kind === 'other' && !found.some(moneyEvidence)) return;
  const labelledKind = isSpecificKind(classifyBudgetLabel(label));
  for (const [i, f] of found.entries()) {
    const cellText = row.cells[f.index] ?? '';
    // A sentence holding a figure only counts under a label that names a budget kind (the plan-details
    // "A minimum of £56,108,000 with likely total …"); elsewhere it is prose.
    if (!moneyShaped(cellText, f.money) && !(labelledKind || (continuation && isSpecificKind(kind)))) continue;
    if (i > 0 && !state.header) break; // several figures and no column headers: only the first is known
    const header = state.header?.[f.index] ?? '';
    const year = singleYear(header) ?? (yearCells.length === 1 ? singleYear(yearCells[0]) : null) ?? labelYear ?? ctx.year0;
    pushUnique(out, {
      kind,
      year,
      amountGbp: f.money.amountGbp,
      scheme: null,
      source: null,
      label: label || null,
      text: f.money.text,
      page: row.page,
    });
    if (findMoney(cellText).length > 1 && !moneyShaped(cellText, f.money)) {
      messages.push({ level: 'info', message: `kept the first of several figures under "${label}"`, page: row.page, source: cleanCell(cellText).slice(0, 200) });
    }
  }
  state.lastKind = kind;
  state.lastLabel = label || state.lastLabel;
}

/** The once-only rule: an "other" figure repeating one already recorded under a specific kind (same year) goes. */
function dropRepeatedOther(rows: Budget[]): Budget[] {
  return rows.filter(
    (b) => b.kind !== 'other' || !rows.some((x) => x.kind !== 'other' && x.kind !== 'scheme_spend' && x.year === b.year && x.amountGbp === b.amountGbp),
  );
}

export function extractBudgets(doc: DocumentModel, seg: Segmentation): Result<Budget[]> {
  const messages: Finding[] = [];
  const out: Budget[] = [];
  const grids = collectGrids(doc);
  const plans = findSpendingPlans(grids);
  const planHeaders = new Set(plans.map((p) => p.header));
  const continued = new Set(plans.flatMap((p) => p.grids.filter((g) => !g.rows.includes(p.header))));
  for (const plan of plans) spendRows(plan, doc, out);
  for (const grid of grids) {
    if (continued.has(grid)) continue;
    // Rows from a spending-plan header on belong to the plan; rows above it may be an income table.
    const planStart = grid.rows.findIndex((r) => planHeaders.has(r));
    const own = planStart >= 0 ? { ...grid, rows: grid.rows.slice(0, planStart) } : grid;
    if (own.rows.length === 0) continue;
    // Segmentation as a hint only: a table inside a risk section is a risk log, whatever its header says.
    const section = sectionOfBlock(seg, grid.blockStart);
    if (section && section.id.startsWith('risks.')) continue;
    labelledRows(own, doc, out, messages);
  }
  return { value: dropRepeatedOther(out), messages };
}
