// Budget rows of a label/value grid (the plan-details summary, income and contribution tables, Part 2 finance
// summaries), read row by row: a row without money names the columns or the section (its kind for the contributor
// rows beneath); a row with money is a label and its figures, each dated by its column, its cell, the row or the
// table's context, and kinded by the label, the label with its column header, or the section above. Continuation
// rows (a year or the rest of a wrapped label) inherit the row above.
import type { DocumentModel, Finding } from '../../model/document.js';
import type { Budget, BudgetKind } from '../../record/schema.js';
import { cleanCell } from '../../text/clean.js';
import { provenanceOf, type Grid, type GridRow } from '../../tables/grids.js';
import { findYears, isYearOnly, singleYear } from '../../text/years.js';
import { isSpecificKind, type BudgetKindOf } from './kinds.js';
import { contextScale, contextYear } from './context.js';
import { findMoney, parseMoney, unitScaleOf, type Money } from './money.js';
import { pushUnique } from './rows.js';
import { labelWrappedBelow, startsMidSentence } from '../../tables/keyValue.js';
import { yearLedPieces } from './yearPieces.js';

/** Grids whose header says they are a risk log or a benefits/outcomes table: money there is not a budget. */
const NOT_FINANCE_TABLE = /likelihood|mitigat|risk rating|risk factor|probability|there is a risk|\brisks?\b\s*$|benefits?\b|outcome measure/i;
/** Column headers under which figures are not budget amounts. */
const NOT_MONEY_COLUMN = /benefit|saving|impact|comment|description|note|rationale|risk|%|percent|population|activity|fte|number of|\bno\.?\s*of\b/i;
const FINANCE_WORDS = /contribution|budget|expenditure|funding|income|allocation|£|grant|\bspend|pooled|finance/i;

/** A cell that is essentially one figure ("£1,874,512", "15,843", "£0 "), not a sentence containing one. */
function moneyShaped(cell: string, money: Money): boolean {
  const rest = cleanCell(cell.replace(/\s*\n\s*/g, ' ')).replace(money.text, ' ').replace(/[()£:\-–\s]/g, ' ').trim();
  return rest.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length <= 2;
}

interface Found {
  index: number;
  money: Money;
  /** The cell, or the year-led piece of it, the figure was read from. */
  text: string;
}

/** An annotated value without the year its piece of the cell began with ("2015/16 A minimum of …"). */
function withoutLeadingYear(text: string): string {
  const first = findYears(text)[0];
  return first && text.slice(0, first.index).trim() === '' ? text.slice(first.index + first.text.length).trim() : text;
}

interface RowState {
  /** Kind named by the last section row without money ("iBCF Contribution"): contributor rows inherit it. */
  sectionKind: BudgetKind | null;
  /** Kind and label of the last row recorded: a year-only or continuation row inherits them. */
  lastKind: BudgetKind | null;
  lastLabel: string | null;
  header: string[] | null;
  /** Unit declared by a row of its own ("All figures £000s") for the rows below it. */
  scale: number | null;
  /** The row just read was a header row (a second one beneath it may complete it). */
  headerJustSet: boolean;
  /** Year of a title row inside the table. */
  year: string | null;
  /** The last figure recorded was dated by a year in its own cell ("2014/15 £845,000"). */
  datedInCell: boolean;
  /** A year alone in its cell, wrapped apart from the figure on the row below ("2015/" "16" over "£…"). */
  pendingYear: string | null;
}

/**
 * Budget rows of one label/value grid (plan details, income table, finance summary). `following` is the grid that
 * starts where this one ends: a converter that cut the table in two there may have cut a label with it ("Total
 * proposed value of" closing these lines, "pooled budget | A minimum of £…" opening a laid-out table). `kindOf` names
 * a label's budget kind (the template's declared row labels first, budgetKindsOf).
 */
export function labelledRows(grid: Grid, doc: DocumentModel, out: Budget[], messages: Finding[], docYear: string | null, kindOf: BudgetKindOf, following: Grid | null = null): void {
  const head = grid.rows.slice(0, 3).map((r) => r.cells.map(cleanCell).join(' ')).join(' ');
  if (NOT_FINANCE_TABLE.test(head)) return;
  const year0 = contextYear(doc, grid) ?? docYear;
  const gridScale = contextScale(doc, grid);
  const financeTable =
    FINANCE_WORDS.test(head) ||
    grid.rows.some((r) => isSpecificKind(kindOf(r.cells.map(cleanCell).find((c) => c !== '') ?? '')));
  const state: RowState = { sectionKind: null, lastKind: null, lastLabel: null, header: null, scale: null, headerJustSet: false, year: null, datedInCell: false, pendingYear: null };
  const rowsOn = following?.rows[0] ? [...grid.rows, following.rows[0]] : grid.rows;
  grid.rows.forEach((row, i) => {
    // A label split over two rows ("Total proposed value of" / "pooled budget") is classified whole; a year in the
    // next row's label is that row's.
    const below = labelWrappedBelow(rowsOn, i, (c) => isYearOnly(cleanCell(c)) || parseMoney(c) !== null);
    const lookahead = findYears(below).reduce((t, y) => t.replace(y.text, ' '), below).replace(/\s+/g, ' ').trim();
    readRow(row, state, { year0, gridScale, financeTable, lookahead, kindOf }, out, messages);
  });
}

function readRow(
  row: GridRow,
  state: RowState,
  ctx: { year0: string | null; gridScale: number | null; financeTable: boolean; lookahead: string; kindOf: BudgetKindOf },
  out: Budget[],
  messages: Finding[],
): void {
  const classifyBudgetLabel = ctx.kindOf;
  const cells = row.cells.map((c) => cleanCell(c.replace(/\s*\n\s*/g, ' ')));
  // A unit in the row label ("Total pooled budget (£000s)") scales the row; one in a row of its own, the rows below.
  const rowScale = unitScaleOf(cells.find((c) => c !== '') ?? '') ?? state.scale ?? ctx.gridScale;
  // Money cells: the first figure of each cell (of each year-led piece of a cell holding several years with their
  // figures, yearPieces.ts), unless the column says it is not a budget amount.
  const found: Found[] = [];
  cells.forEach((c, index) => {
    const header = state.header?.[index] ?? '';
    if (NOT_MONEY_COLUMN.test(header)) return;
    if (isYearOnly(c) || unitScaleOf(c) !== null && parseMoney(c) === null) return;
    const headerScale = unitScaleOf(header);
    // Under a money header ("£000s", "Expenditure (£)") a bare number is an amount.
    const bare = headerScale !== null || /£|\bgbp\b|expenditure/i.test(header);
    const opts = { unitScale: headerScale ?? rowScale ?? undefined, bare };
    for (const text of yearLedPieces(row.cells[index] ?? '', (t) => parseMoney(t, opts) !== null)) {
      const money = parseMoney(text, opts);
      if (money) found.push({ index, money, text });
    }
  });
  // A year written in the figure's own cell ("2015/16 £12,345,000") belongs to that figure.
  const yearInCell = (f: Found) => {
    const c = cleanCell(f.text.replace(/\s*\n\s*/g, ' '));
    const at = c.indexOf(f.money.text);
    return at > 0 ? singleYear(c.slice(0, at)) : null;
  };
  const firstMoney = found.length ? found[0].index : cells.length;
  const labelCells = cells.slice(0, firstMoney).filter((c) => c !== '' && !isYearOnly(c));
  const yearCells = cells.filter((c) => isYearOnly(c));
  let label = labelCells.join(' ').trim();
  // A year written into the label ("…pooled budget: 2014/15") belongs to the row, not the label.
  const labelYear = singleYear(label);
  if (labelYear) label = label.replace(findYears(label)[0].text, ' ').replace(/\s+/g, ' ').replace(/[\s:]+$/, '').trim();
  if (found.length === 0) {
    // A section or header row: it names the kind of the contributor rows beneath it, or the columns.
    const filled = cells.filter((c) => c !== '');
    const whole = filled.join(' ');
    // A one-cell title row ("BCF Income for X 2022/23") dates the rows beneath it.
    if (filled.length === 1 && filled[0].length <= 160 && singleYear(filled[0])) state.year = singleYear(filled[0]);
    // In a table dating its figures in their own cells, a year alone in its cell beside (at most) the rest of a
    // label is the next row's figure's year, wrapped apart from it by a narrow cell, not a column header.
    const lone = filled.filter((c) => isYearOnly(c));
    if (state.datedInCell && lone.length === 1 && filled.every((c) => isYearOnly(c) || startsMidSentence(c))) {
      state.pendingYear = singleYear(lone[0]);
      return;
    }
    state.pendingYear = null;
    // The section a row opens is named in its first cell ("iBCF Contribution"); the rest are column names.
    const kind = classifyBudgetLabel(filled[0] ?? '');
    if (kind) state.sectionKind = kind;
    const scale = unitScaleOf(whole);
    if (scale) state.scale = scale;
    if (filled.length >= 2 || filled.some((c) => isYearOnly(c))) {
      const cellsNow = row.cells.map(cleanCell);
      // A two-row header ("| 2014/15 | 2015/16" over "Organisation | Minimum (£000) | Minimum (£000)"): the year
      // band above carries over to the row beneath.
      const above = state.headerJustSet ? state.header : null;
      const yearBand = above && above.some((c) => isYearOnly(c)) && !cellsNow.some((c) => singleYear(c));
      state.header = yearBand ? cellsNow.map((c, i) => `${above[i] ?? ''} ${c}`.trim()) : cellsNow;
      state.headerJustSet = true;
    } else if (isSpecificKind(kind)) {
      state.header = null; // a new section: the old column headers no longer apply
      state.headerJustSet = false;
    }
    return;
  }
  state.headerJustSet = false;
  // The row's own kind; a continuation row ("2015/16 | £12,345,000", "of BCF pooled budget | 2015/16 | …")
  // inherits the kind of the row above.
  let rowKind: BudgetKind | null = null;
  let inherited = false;
  const continuation = label === '' || startsMidSentence(label);
  if (continuation && state.lastKind && (label === '' ? yearCells.length + (labelYear ? 1 : 0) + (yearInCell(found[0]) ? 1 : 0) > 0 : !isSpecificKind(classifyBudgetLabel(label)) || classifyBudgetLabel(label) === 'total_pooled_budget')) {
    rowKind = state.lastKind;
    inherited = true;
    label = state.lastLabel && label && !state.lastLabel.endsWith(label) ? `${state.lastLabel} ${label}` : (state.lastLabel ?? label);
  } else if (label === '') {
    return; // money with no label and no year: a wrapped line of the cell above
  } else {
    rowKind = classifyBudgetLabel(label);
    if (ctx.lookahead) {
      const whole = classifyBudgetLabel(`${label} ${ctx.lookahead}`);
      if (!isSpecificKind(rowKind) && isSpecificKind(whole)) rowKind = whole;
      label = `${label} ${ctx.lookahead}`;
    }
  }
  const isTotal = /^(sub-?\s*)?total\b/i.test(label);
  /** Kind of one figure: the row's own, else the row label read with its column header ("CCG" + "Minimum
   * contribution 15/16"), else the section's (a contributor under "iBCF Contribution"), else "other". */
  const kindOf = (index: number): BudgetKind | null => {
    const header = state.header?.[index] ?? '';
    // The pooled-budget total read in a "Minimum contribution" column is the minimum pooled budget.
    if (rowKind === 'total_pooled_budget' && /\bminimum\b/i.test(header)) return 'minimum_pooled_budget';
    if (isSpecificKind(rowKind) || inherited) return rowKind;
    const withHeader = header ? classifyBudgetLabel(`${label} ${header}`) : null;
    if (isSpecificKind(withHeader)) return withHeader;
    if (state.sectionKind && isSpecificKind(state.sectionKind) && !isTotal) return state.sectionKind;
    return rowKind ?? (ctx.financeTable ? 'other' : null);
  };
  // "other" is any labelled figure in a finance table, so it needs visible money: a £ or a money column/unit.
  const moneyEvidence = (f: { index: number; money: Money }) =>
    f.money.text.includes('£') || /£|\bgbp\b|expenditure|\bspend|cost|budget|contribution/i.test(state.header?.[f.index] ?? '') || rowScale !== null;
  const labelledKind = isSpecificKind(classifyBudgetLabel(label));
  let recorded: BudgetKind | null = null;
  let datedInCell = false;
  // The year wrapped onto the row above dates this row's first figure without a year of its own.
  let pending = state.pendingYear;
  state.pendingYear = null;
  for (const [i, f] of found.entries()) {
    const kind = kindOf(f.index);
    if (!kind || (kind === 'other' && !moneyEvidence(f))) continue;
    const cellText = f.text;
    // A sentence holding a figure only counts under a label that names a budget kind (the plan-details
    // "A minimum of £12,400,000 with likely total …"); elsewhere it is prose.
    if (!moneyShaped(cellText, f.money) && !(labelledKind || (continuation && isSpecificKind(kind)))) continue;
    const ownYear = yearInCell(f);
    // Several figures and no column headers: only the first is known, unless each carries its year.
    if (i > 0 && !state.header && !ownYear) break;
    const header = state.header?.[f.index] ?? '';
    const wrappedYear = ownYear ? null : pending;
    if (!ownYear) pending = null;
    const year = wrappedYear ?? singleYear(header) ?? ownYear ?? (yearCells.length === 1 ? singleYear(yearCells[0]) : null) ?? labelYear ?? state.year ?? ctx.year0;
    pushUnique(out, {
      kind,
      year,
      amountGbp: f.money.amountGbp,
      scheme: null,
      source: null,
      label: label || null,
      // An annotated value keeps its words ("A minimum of £12,400,000 with likely total …"): they qualify the figure.
      text: moneyShaped(cellText, f.money) ? f.money.text : withoutLeadingYear(cleanCell(cellText.replace(/\s*\n\s*/g, ' '))),
      page: row.page,
      ...provenanceOf(row),
    });
    recorded ??= kind;
    datedInCell = ownYear !== null;
    if (findMoney(cellText).length > 1 && !moneyShaped(cellText, f.money)) {
      messages.push({ level: 'info', message: `kept the first of several figures under "${label}"`, page: row.page, source: cleanCell(cellText).slice(0, 200) });
    }
  }
  if (!recorded) return;
  state.datedInCell = datedInCell;
  state.lastKind = recorded;
  state.lastLabel = label || state.lastLabel;
}
