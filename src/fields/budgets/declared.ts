// Budget rows from the template's own finance tables (declared in templates/*.json "tables"): the 2014 Part 2
// Finance – Summary, its contingency table and the scheme spend sheet. The declaration says what each column
// feeds; this reader only walks the logical rows and reads each figure under its column.
import type { Finding } from '../../model/document.js';
import type { Budget, BudgetKind } from '../../record/schema.js';
import { BUDGET_KINDS } from '../../record/schema.js';
import { provenanceOf } from '../../tables/grids.js';
import { cleanCell } from '../../text/clean.js';
import { phraseIn, type LogicalTable } from '../../tables/declared.js';
import { normaliseYear, singleYear } from '../../text/years.js';
import { moneyRangeIn, parseMoney, unitScaleOf } from './money.js';

type RowClass = 'total' | 'ccg' | 'council' | 'other';

/** What kind of line a row label is: a BCF total, an NHS body, a council. */
export function rowClassOf(label: string): RowClass {
  if (/\btotal\b/i.test(label)) return 'total';
  if (/\b(ccgs?|clinical commissioning|nhs|icbs?|integrated care board)\b/i.test(label)) return 'ccg';
  if (/\b(council|authority|borough|county|city|district)\b/i.test(label)) return 'council';
  return 'other';
}

/** Words of a cell other than its figure (and units, signs). */
function wordsBesides(cell: string, figure: string): number {
  return cleanCell(cell).replace(figure, ' ').split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w) && !/^(gbp|k|m|bn|c|approx)$/i.test(w)).length;
}

const isKind = (k: string): k is BudgetKind => (BUDGET_KINDS as readonly string[]).includes(k);

/**
 * The budget rows of one declared finance table. `context` is the text just before the table (a unit such as
 * "(£000s)", a year); `docYear` the plan's own year where its titles name one.
 */
export function budgetsFromTable(table: LogicalTable, context: string, docYear: string | null): { budgets: Budget[]; messages: Finding[] } {
  const budgets: Budget[] = [];
  const messages: Finding[] = table.notes.map((n) => ({ level: 'info' as const, message: `${table.declared.id}: ${n}`, page: table.rows[0]?.page ?? null }));
  const { declared } = table;
  const contextScale = unitScaleOf(context);
  const contextYear = singleYear(context) ?? docYear;
  const amountCols = table.columns.flatMap((c, k) => (c.declared?.role === 'amount' ? [k] : []));
  let title: string | null = null;
  let entity: string | null = null;
  for (const row of table.rows) {
    const cells = row.cells.map(cleanCell);
    const roleAt = cells.findIndex((c) => declared.rowRoles.some((rr) => rr.label.some((p) => phraseIn(c, p))));
    const hasFigures = amountCols.some((k) => cells[k] !== '');
    const label = cells[table.labelColumn] ?? '';
    if (!hasFigures) {
      // A title row ("Residential admissions") names the rows beneath it.
      const filled = cells.filter(Boolean);
      if (filled.length === 1) title = filled[0];
      continue;
    }
    if (label && roleAt !== table.labelColumn) entity = label;
    else if (!label && roleAt < 0) entity = null;
    const roleText = roleAt >= 0 ? cells[roleAt] : '';
    const rowLabel = [roleAt >= 0 ? (entity ?? title) : (label || entity || title), roleText].filter(Boolean).join(': ');
    if (!rowLabel || declared.skipRows.some((p) => phraseIn(rowLabel, p))) continue;
    const cls = rowClassOf(rowLabel);
    for (const k of amountCols) {
      const col = table.columns[k];
      const spec = col.declared!;
      const cell = row.cells[k] ?? '';
      const kind = spec.byRow?.[cls] ?? spec.kind ?? 'other';
      if (kind === 'skip' || !cleanCell(cell)) continue;
      if (!isKind(kind)) continue;
      const money = parseMoney(cell, { unitScale: unitScaleOf(col.header) ?? contextScale ?? undefined, bare: true });
      if (!money) {
        const range = moneyRangeIn(cell);
        if (range) messages.push({ level: 'info', message: `"${range}" is a range, not read as an amount`, page: row.page, source: cleanCell(cell) });
        continue;
      }
      // A figure cell holds a figure, not a sentence that mentions one.
      if (wordsBesides(cell, money.text) > 2) continue;
      const year = spec.year === null ? null : spec.year !== undefined ? normaliseYear(spec.year) : (singleYear(col.header) ?? contextYear);
      budgets.push({
        kind,
        year,
        amountGbp: money.amountGbp,
        scheme: declared.labelIsScheme ? (entity ?? label) || null : null,
        source: null,
        label: `${rowLabel}: ${col.header}`.slice(0, 300),
        text: money.text,
        page: row.page,
        ...provenanceOf(row),
      });
    }
  }
  return { budgets, messages };
}
