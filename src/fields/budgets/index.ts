// Budget rows from a plan's tables, read in this order: (1) the template's declared finance tables, by their
// declarations (declared.ts); (2) spending plans (scheme × amount columns, fields/common/spendingPlan), one
// scheme_spend row per amount; (3) every other label/value grid, and plan-details lines with the layout lost
// rebuilt as grids (src/tables/keyValue.ts), row by row (labelled.ts). Only tables in the sections the template
// gives budgets; a grid inside a risk section is skipped. Dates and units come from the cell, its header, or the
// table's context (context.ts); a row read twice counts once (rows.ts). Money in prose is never a budget row.
import type { DocumentModel, Finding, Result } from '../../model/document.js';
import type { Budget } from '../../record/schema.js';
import { fieldReads, sectionOfBlock, type Segmentation } from '../../segment/types.js';
import { documentTables, type DocumentTables } from '../common/documentTables.js';
import type { SpendingPlan } from '../common/spendingPlan.js';
import { cleanCell } from '../../text/clean.js';
import { provenanceOf, type Grid } from '../../tables/grids.js';
import { singleYear } from '../../text/years.js';
import { budgetKindsOf, isSpecificKind, type BudgetKindOf } from './kinds.js';
import { budgetsFromTable } from './declared.js';
import { textBefore } from '../../tables/declared.js';
import { keyValueGrids, type KeyValueSpec } from '../../tables/keyValue.js';
import { contextScale, contextYear, docYearOf, titleRowYear } from './context.js';
import { moneyRangeIn, parseMoney, unitScaleOf } from './money.js';
import { labelledRows } from './labelled.js';
import { dropRepeatedOther, pushUnique } from './rows.js';

export { parseMoney, findMoney, unitScaleOf } from './money.js';

/** One scheme_spend row per amount of a spending plan, dated by its column header or the table's context. */
function spendRows(plan: SpendingPlan, doc: DocumentModel, out: Budget[], docYear: string | null): void {
  const headerIndex = plan.grids[0].rows.indexOf(plan.header);
  const year0 = (headerIndex > 0 ? titleRowYear(plan.grids[0], headerIndex) : null) ?? contextYear(doc, plan.grids[0]) ?? docYear;
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
        ...provenanceOf(r.row),
      });
    }
  }
}

/** Plan-details lines with the layout lost: a label naming a budget kind (by `kindOf`), then one figure ending the line. */
const budgetLines = (kindOf: BudgetKindOf): KeyValueSpec => ({
  figureIn: (text) => parseMoney(text),
  isLabel: (label) => isSpecificKind(kindOf(label)),
  // "Total proposed value of", "Minimum required": a label begun, its object on the line(s) after the figure.
  isOpenLabel: (label) => /^(total|minimum)\b/i.test(label) && !isSpecificKind(kindOf(label)),
  proseWords: /\b(is|are|was|were|will|would|be|been|being|has|have|had|invest|invested|spend|spent|save|saving|savings|shall|we|our|this|which|that)\b/i,
});

export function extractBudgets(doc: DocumentModel, seg: Segmentation, tables: DocumentTables = documentTables(doc)): Result<Budget[]> {
  const messages: Finding[] = [];
  const out: Budget[] = [];
  const { grids, spendingPlans: plans, declared } = tables;
  // A row's kind: the template's declared income rows first, then the general words.
  const kindOf = budgetKindsOf(tables.declarations);
  // The template's own finance tables, read by their declarations.
  const claimed = new Set(declared.map((d) => d.grid));
  // A figure no table dates is for the template's year where it has one, else the year the plan's titles name.
  const docYear = seg.financialYears?.length === 1 ? seg.financialYears[0] : docYearOf(doc);
  for (const lt of declared) {
    const { budgets, messages: notes } = budgetsFromTable(lt, textBefore(doc, lt.grid), docYear);
    for (const b of budgets) pushUnique(out, b);
    messages.push(...notes);
  }
  const planHeaders = new Set(plans.map((p) => p.header));
  const continued = new Set(plans.flatMap((p) => p.grids.filter((g) => !g.rows.includes(p.header))));
  // Only the tables in the sections the template gives budgets (plan details, finance, income, spending plan).
  // A table printed column by column (columnRuns.ts) may have its section's heading found among its column
  // headers: it is read where it ends in a budget section too.
  const read = (g: Grid) => fieldReads(seg, 'budgets', g.blockStart, doc.blocks.length) || (g.columnRun === true && fieldReads(seg, 'budgets', g.blockEnd - 1, doc.blocks.length));
  // A declared table is read by its declaration, not again as a spending plan.
  for (const plan of plans) if (read(plan.grids[0]) && !plan.grids.some((g) => claimed.has(g))) spendRows(plan, doc, out, docYear);
  const allGrids = [...grids, ...keyValueGrids(doc, grids, budgetLines(kindOf))];
  for (const grid of allGrids) {
    if (continued.has(grid) || claimed.has(grid) || !read(grid)) continue;
    for (const row of grid.rows) {
      for (const cell of row.cells) {
        const range = moneyRangeIn(cell);
        if (range) messages.push({ level: 'info', message: `"${range}" is a range, not read as an amount`, page: row.page, source: cleanCell(cell).slice(0, 200) });
      }
    }
    // Rows from a spending-plan header on belong to the plan; rows above it may be an income table.
    const planStart = grid.rows.findIndex((r) => planHeaders.has(r));
    const own = planStart >= 0 ? { ...grid, rows: grid.rows.slice(0, planStart) } : grid;
    if (own.rows.length === 0) continue;
    // Segmentation as a hint only: a table inside a risk section is a risk log, whatever its header says.
    const section = sectionOfBlock(seg, grid.blockStart);
    if (section && section.id.startsWith('risks.')) continue;
    // The grid straight after it, in case the converter cut the table, and a label, between the two.
    const following = planStart >= 0 ? null : (allGrids.find((g) => g !== grid && g.blockStart === grid.blockEnd) ?? null);
    labelledRows(own, doc, out, messages, docYear, kindOf, following);
  }
  return { value: dropRepeatedOther(out), messages };
}
