// Spending-plan tables (2022-style "Spending Plan", 2014 Part 2 scheme expenditure): one row per scheme and
// funding source, a scheme-name column and one or more expenditure columns. Shared by schemes (names) and
// budgets (scheme_spend rows). Found by header labels, never by position in a template: the template's declared
// spending-plan words first (a budgets table with a scheme column, templates/*.json), then the general ones.
import { cleanCell, normaliseName } from '../../text/clean.js';
import { declaredRoleOf, type DeclaredTable } from '../../tables/declared.js';
import { filledCells, sameRow, type Grid, type GridRow } from '../../tables/grids.js';
import type { FigureRowSpec } from '../../tables/figureRows.js';

export interface SpendingColumns {
  scheme: number;
  source: number | null;
  /** Expenditure columns with their header text (may carry a year or a unit such as "£000s"). */
  money: { index: number; header: string }[];
}

export interface SpendingRow {
  /** The scheme name as written (markup removed, whitespace collapsed). */
  scheme: string;
  source: string | null;
  /** Raw cell text of each expenditure column, with its header. */
  amounts: { cell: string; header: string }[];
  row: GridRow;
}

export interface SpendingPlan {
  /** The grids the plan's rows came from (more than one where the table was split). */
  grids: Grid[];
  header: GridRow;
  columns: SpendingColumns;
  rows: SpendingRow[];
}

const SCHEME_HEADER = /^(bcf\s+)?(scheme|project|service|initiative)s?(\s+(name|title))?(\s*\(.*\))?:?$|^name\s+of\s+(the\s+)?(scheme|project|service)/i;
const SOURCE_HEADER = /source\s+of\s+funding|funding\s+source|^source$|funded\s+by|funding\s+stream/i;
const MONEY_HEADER = /expenditure|\bspend\b|spending|£|\bcost|amount|budget|allocation|investment|\bvalue\b/i;
const NOT_MONEY_HEADER = /benefit|saving|description|source|type|area\s+of\b.{0,30}\bspend|new\s*\/\s*existing|commissioner|provider|outcome|impact|comment|%|percent/i;

/** The spending-plan tables among a template's declarations: budgets tables with a scheme column. */
export function spendingDeclarations(declarations: DeclaredTable[]): DeclaredTable[] {
  return declarations.filter((t) => t.field === 'budgets' && t.columns.some((c) => c.role === 'scheme'));
}

/** The role a header cell's declared words give it (scheme, source, amount, ignore), or null. */
const declaredRole = (declared: DeclaredTable[], cell: string) => (declared.length > 0 ? declaredRoleOf(declared, 'budgets', cell) : null);

/** A header cell naming the scheme column: by the declared words, else (no declared role) by the general ones. */
function namesScheme(declared: DeclaredTable[], cell: string): boolean {
  const role = declaredRole(declared, cell);
  return role === 'scheme' || (role === null && SCHEME_HEADER.test(cell));
}

/**
 * The spending-plan columns named by a header row, or null when the row is not such a header. `declared` are the
 * template's spending-plan declarations (spendingDeclarations): a cell they name has that role (a declared
 * `ignore` header is never an amount column); a cell they do not name is read by the general words.
 */
export function spendingColumns(row: GridRow, declared: DeclaredTable[] = []): SpendingColumns | null {
  const cells = row.cells.map(cleanCell);
  const roles = cells.map((c) => declaredRole(declared, c));
  const first = (role: string, general: RegExp, except: number) => {
    const named = roles.findIndex((r, i) => i !== except && r === role);
    return named >= 0 ? named : cells.findIndex((c, i) => i !== except && roles[i] === null && general.test(c));
  };
  const scheme = first('scheme', SCHEME_HEADER, -1);
  if (scheme < 0) return null;
  const source = first('source', SOURCE_HEADER, scheme);
  const money = cells
    .map((header, index) => ({ index, header }))
    .filter(({ index, header }) => index !== scheme && index !== source && (roles[index] === 'amount' || (roles[index] === null && MONEY_HEADER.test(header) && !NOT_MONEY_HEADER.test(header))));
  if (money.length === 0) return null;
  return { scheme, source: source >= 0 ? source : null, money };
}

/** A cell that is a single amount: "£1,486,230", "15,843", "(1,200)", "£0", "1.2m"; in text laid out with
 *  spaces the narrow New/Existing cell beside it may be glued on ("£1,486,230 Existing"). */
function looksLikeAmount(cell: string): boolean {
  return /^[(\-–]?\s*(c\.?\s*)?£?\s*-?\d[\d,\s]*(\.\d+)?\s*(k|m|bn|million)?\s*\)?(\s+(new|existing))?$/i.test(cleanCell(cell));
}

/**
 * Cells of a row that lost columns in conversion (a PDF merging two wrapped columns into one) line up with the
 * header from the right: the narrow trailing columns (source, amount) survive, the wide text columns merge.
 */
function alignToHeader(cells: string[], width: number, schemeColumn: number): string[] {
  if (cells.length >= width || cells.length === 0) return cells;
  const missing = width - cells.length;
  const head = cells.slice(0, schemeColumn + 1);
  const tail = cells.slice(schemeColumn + 1);
  return [...head, ...new Array<string>(Math.max(0, missing)).fill(''), ...tail].slice(0, Math.max(width, cells.length));
}

/** A total or subtotal row of the plan, not a scheme. */
function isTotalRow(name: string): boolean {
  return /^(grand\s+)?(sub-?\s*)?totals?\b/i.test(name);
}

/** Every spending plan in the grids, with its rows, its columns named by the template's spending-plan declarations
 *  first (spendingDeclarations). A header repeated at a page break does not start a new plan. */
export function findSpendingPlans(grids: Grid[], declared: DeclaredTable[] = []): SpendingPlan[] {
  const plans: SpendingPlan[] = [];
  let previous: SpendingPlan | null = null;
  for (const grid of grids) {
    let plan: SpendingPlan | null = null;
    // A grid without its own header that follows a plan with the same width continues it (table split by the
    // converter at a page break or a blank line).
    if (previous && grid.blockStart - previous.grids[previous.grids.length - 1].blockEnd <= 3 && grid.rows[0] && grid.rows[0].cells.length >= previous.header.cells.length - 1) {
      const firstHeader = grid.rows.slice(0, 2).some((r) => spendingColumns(r, declared));
      // A header row of its own (other than the plan's, repeated) starts another table: a metrics table just
      // after the expenditure table is not more of it.
      const ownHeader = grid.rows[0].header && !sameRow(grid.rows[0], previous.header);
      if (!firstHeader && !ownHeader) plan = previous;
    }
    for (let r = 0; r < grid.rows.length; r++) {
      const row = grid.rows[r];
      if (plan && sameRow(row, plan.header)) continue;
      let header = row;
      let columns = spendingColumns(row, declared);
      // A two-row header: "Scheme | 2014/15 | 2015/16" over " | Expenditure (£000) | Expenditure (£000)".
      const below = grid.rows[r + 1];
      if (!columns && below && row.cells.some((c) => namesScheme(declared, cleanCell(c)))) {
        header = { ...row, cells: row.cells.map((c, i) => `${cleanCell(c)} ${cleanCell(below.cells[i] ?? '')}`.trim()) };
        columns = spendingColumns(header, declared);
        if (columns) r++;
      }
      if (columns) {
        plan = { grids: [grid], header, columns, rows: [] };
        plans.push(plan);
        continue;
      }
      if (!plan) continue;
      const cells = alignToHeader(row.cells, plan.header.cells.length, plan.columns.scheme);
      // A "- " inside a wrapped name can come back from a PDF as a list bullet: restore the dash.
      const scheme = cleanCell((cells[plan.columns.scheme] ?? '').replace(/\s*\n\s*[•·▪●]\s*/g, ' - '));
      // A scheme is named in words: a figure in the name column ("702.1", "84.2%") is another table's row.
      if (scheme === '' || isTotalRow(scheme) || !/\p{L}{2}/u.test(scheme)) continue;
      // The rest of a row cut by a page break: no amount and no source of its own, it finishes the name above.
      const last = plan.rows[plan.rows.length - 1];
      const noFigures = plan.columns.money.every((m) => cleanCell(cells[m.index] ?? '') === '');
      const noSource = plan.columns.source === null || cleanCell(cells[plan.columns.source] ?? '') === '';
      if (last && noFigures && noSource && (row.pageBreakBefore || /^[a-z]/.test(scheme))) {
        last.scheme = `${last.scheme} ${scheme}`;
        continue;
      }
      if (filledCells(row).length < 2) continue;
      // A scheme row has a figure in an expenditure column (not a sentence that happens to hold a number).
      let amounts = plan.columns.money.map((m) => ({ cell: cells[m.index] ?? '', header: m.header }));
      if (!amounts.some((a) => looksLikeAmount(a.cell))) {
        // A header whose cells conversion split or merged differently from the rows ("Source" | "of Funding"):
        // with one expenditure column, the row's one amount is its figure wherever it sits.
        const found = cells.flatMap((c, k) => (k !== plan!.columns.scheme && looksLikeAmount(c) ? [c] : []));
        if (plan.columns.money.length !== 1 || found.length !== 1) continue;
        amounts = [{ cell: found[0], header: plan.columns.money[0].header }];
      }
      plan.rows.push({
        scheme,
        source: plan.columns.source !== null ? cleanCell(cells[plan.columns.source] ?? '') || null : null,
        amounts,
        row,
      });
    }
    if (plan) {
      if (!plan.grids.includes(grid)) plan.grids.push(grid);
      previous = plan;
    } else previous = null;
  }
  return plans;
}

/** Header words of the templates' spending plans (2022-23 expenditure, 2014 scheme spend), clipped or not. */
const SPENDING_HEADER_WORDS = /^(scheme|schemes|name|id|ref|brief|description|of|area|spend|commissione?r?|provider|source|funding|expenditure|\(£\)|£|new\/?|existing|type|r|sub-?types?)$/i;

/**
 * Every word a header word, or a header word cut in two at a narrow cell's edge where the document also writes the
 * head as a word of its own, so the pieces were not rejoined ("Commission" / "er", "Expenditu" / "re (£)").
 */
function headerWordsOnly(words: string[], isHeaderWord: (word: string) => boolean): boolean {
  for (let n = 0; n < words.length; n++) {
    if (n + 1 < words.length && /^\p{Ll}/u.test(words[n + 1]) && isHeaderWord(words[n] + words[n + 1])) n++;
    else if (!isHeaderWord(words[n])) return false;
  }
  return true;
}

/**
 * A spending plan in pdftotext's reading order (src/tables figureRowGrids): rows end with their amount. Its header
 * opens with the scheme column's name and holds only header words: the template's declared ones (`declared`,
 * spendingDeclarations) and the general ones.
 */
export function spendingRows(declared: DeclaredTable[]): FigureRowSpec {
  const declaredWords = new Set(declared.flatMap((t) => t.columns.flatMap((c) => c.header.flatMap((h) => normaliseName(h).split(' ')))).filter(Boolean));
  const isHeaderWord = (w: string) => SPENDING_HEADER_WORDS.test(w) || declaredWords.has(normaliseName(w));
  return { ...SPENDING_ROWS, opensHeader: (t) => SPENDING_ROWS.opensHeader(t) || declaredRole(declared, t) === 'scheme', inHeader: (t) => headerWordsOnly(t.split(/\s+/), isHeaderWord) };
}

/** The general spending plan in pdftotext's reading order (spendingRows without a template's words). */
const SPENDING_ROWS: FigureRowSpec = {
  opensHeader: (t) => /^(bcf\s+)?scheme\s+name\b/i.test(t),
  inHeader: (t) => headerWordsOnly(t.split(/\s+/), (w) => SPENDING_HEADER_WORDS.test(w)),
  figureIn(t) {
    const m = /£\s?\d[\d,]*(\.\d+)?/.exec(t);
    if (!m) return null;
    const rest = cleanCell(t.replace(m[0], ' ').replace(/\b(new|existing)\b/gi, ' '));
    return { figure: m[0], rest };
  },
  // The narrow New/Existing cell may cut its word and print the rest on the next line ("Existin" / "g").
  trails: (t) => /^(new|existing)$/i.test(t.replace(/\s+/g, '')),
  isChoice: (t) => t.split(/\s+/).every(isOptionWord),
  // The last words of the provider and source-of-funding options ("Local Authority", "Private Sector", "Minimum NHS
  // Contribution"), which are no option alone.
  closesChoice: (line) => /^(contribution|authority|sector)$/i.test(line),
  // The 2022-23 template's sheet after the expenditure plan.
  opensNextPart: (line) => /^(bcf\s+)?metrics(\s+for\s+20\d\d\s*[/-]\s*\d{2,4})?:?$/i.test(line),
  header: ['Scheme Name', 'Source of Funding', 'Expenditure (£)'],
};

/**
 * Words of the options the 2022-23 expenditure sheet offers in its drop-down columns: area of spend ("Social
 * Care", "Mental Health", "Community Health", "Continuing Care", "Primary Care", "Acute", "Other"), commissioner
 * ("LA", "CCG", "NHS", "Joint"), provider ("Local Authority", "NHS Community Provider", "Private Sector", "Charity /
 * Voluntary Sector", …) and source of funding ("Minimum NHS Contribution", "Additional LA Contribution", "iBCF",
 * "DFG"). Cells of two columns sharing a baseline come as one group, their lines interleaved ("Social Private" /
 * "LA" / "Care Sector"), so a group is an option cell when every word is one of these.
 */
const OPTION_WORDS = new Set(
  ['social', 'care', 'mental', 'health', 'community', 'continuing', 'primary', 'acute', 'other', 'joint', 'local', 'authority', 'provider', 'private', 'sector', 'charity', 'voluntary', 'minimum', 'additional', 'contribution', '/', '&', 'and'],
);
/** Acronyms among the options; a piece of one cut at its cell edge ("CC" / "G") is still one. */
const OPTION_ACRONYMS = ['LA', 'CCG', 'ICB', 'NHS', 'IBCF', 'DFG'];

function isOptionWord(word: string): boolean {
  const w = word.replace(/[,.;:]$/, '');
  if (OPTION_WORDS.has(w.toLowerCase())) return true;
  if (w.toLowerCase() === 'ibcf') return true;
  return /^[A-Z]{1,4}$/.test(w) && OPTION_ACRONYMS.some((a) => a.startsWith(w) || a.endsWith(w));
}
