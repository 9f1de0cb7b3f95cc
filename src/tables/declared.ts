// The templates' own tables, as data (templates/*.json "tables", ../shared/spec/tables.md): where each lives,
// the header words of each column, the row labels where rows have roles, the sub-header under a spanned
// column group, and what each cell feeds. A grid of the document that has such a header becomes a
// LogicalTable: rows cleaned by the logical-table steps, each column knowing its role, kind and year.
import type { DocumentModel } from '../model/document.js';
import { textsBefore, type Grid } from './grids.js';
import { cleanCell, normaliseName } from '../text/clean.js';
import { rowText } from '../text/rows.js';
import { singleYear } from '../text/years.js';
import type { DeclaredColumn, DeclaredTable } from '../segment/template.js';
import type { SectionSpan, Segmentation } from '../segment/types.js';
import {
  collapseOverlaidRows,
  dropFurniture,
  findHeaderRow,
  mergeContinuations,
  rejoinSplitDigits,
  type Row,
} from './logical.js';

export type { DeclaredColumn, DeclaredTable } from '../segment/template.js';

export interface LogicalColumn {
  /** The declared column this grid column is, or null. */
  declared: DeclaredColumn | null;
  /** The header as the reader should see it: group + own + sub-header ("2014/15 spend Recurrent"). */
  header: string;
}

export interface LogicalTable {
  declared: DeclaredTable;
  grid: Grid;
  columns: LogicalColumn[];
  labelColumn: number;
  rows: Row[];
  /** What the steps did, for the record's notes. */
  notes: string[];
}

const tokens = (t: string) => normaliseName(t).split(' ').filter(Boolean);

/** A cell word matches a header word when equal, or a clipped copy of it ("enefits", "Denominato"). */
function wordMatches(cellWord: string, word: string): boolean {
  if (cellWord === word) return true;
  // Letters lost at a cell edge ("enefits"), or words glued when a wrapped header was joined ("2014/15spend").
  return (cellWord.length >= 4 && (word.startsWith(cellWord) || word.endsWith(cellWord))) || (word.length >= 4 && cellWord.includes(word) && /^\d*$/.test(cellWord.replace(word, '')));
}

/**
 * The phrase is in the cell: every word of it (clipping allowed), in any order; or the cell is the phrase's
 * start cut at the cell's edge, as a sheet printed without gridlines clips a header ("Holds the poole",
 * "Spending on BCF sch"): two or more of its words, at least half of the phrase, the last one cut short.
 */
export function phraseIn(cell: string, phrase: string): boolean {
  const words = tokens(cell);
  const want = tokens(phrase);
  if (want.length === 0) return false;
  if (want.every((w) => words.some((c) => wordMatches(c, w)))) return true;
  const n = words.length;
  if (n < 2 || n > want.length || n * 2 < want.length) return false;
  const last = words[n - 1];
  return words.slice(0, -1).every((w, k) => w === want[k]) && last.length >= 2 && want[n - 1].startsWith(last);
}

/** Index of the declared column a header cell names (the longest phrase wins), or null. */
function columnNamed(table: DeclaredTable, cell: string): number | null {
  let best: { k: number; len: number } | null = null;
  table.columns.forEach((c, k) => {
    for (const h of c.header) {
      if (phraseIn(cell, h) && (!best || tokens(h).length > best.len)) best = { k, len: tokens(h).length };
    }
  });
  return best ? (best as { k: number }).k : null;
}

/** Block ranges of the sections a declared table may live in (the whole document when none was found). */
function rangesFor(section: string, seg: Segmentation, blockCount: number): Array<[number, number]> {
  const wanted = (s: SectionSpan) => (section.endsWith('*') ? s.id.startsWith(section.slice(0, -1)) : s.id === section);
  const found = seg.sections.filter((s) => s.blockStart >= 0 && wanted(s));
  return found.length > 0 ? found.map((s) => [s.blockStart, s.blockEnd]) : [[0, blockCount]];
}

function rowsOf(grid: Grid): Row[] {
  return grid.rows.map((r) => ({ cells: r.cells, page: r.page, block: r.block, sources: [rowText(r)], ...(r.ref ? { ref: r.ref } : {}) }));
}

/** A row holding only short words of the sub-header ("Recurrent | Non-recurrent"). */
function isSubHeader(row: Row, table: DeclaredTable): boolean {
  const f = row.cells.map(cleanCell).filter(Boolean);
  return table.subHeader.length > 0 && f.length > 0 && f.every((c) => table.subHeader.some((w) => phraseIn(c, w) && tokens(c).length <= tokens(w).length + 1));
}

/** Only financial years in the filled cells: a year group above the header ("2023-24" over "Q1 | Q2"). */
function isYearRow(row: Row): boolean {
  const f = row.cells.map(cleanCell).filter(Boolean);
  return f.length > 0 && f.every((c) => singleYear(c) !== null && c.replace(/[^A-Za-z]/g, '').length <= 6);
}

/** Grid header cells with a spanned group's text carried right over the empty cells it spans. */
function carried(cells: string[], under: string[] | null): string[] {
  let last = '';
  return cells.map((c, k) => {
    const t = cleanCell(c);
    if (t) last = t;
    return t || (under && cleanCell(under[k] ?? '') ? last : '');
  });
}

/**
 * The pieces of a header cell that holds several declared headers run together, each cut at the next one's cell
 * edge, as a sheet printed without gridlines clips them and text conversion reads them as one cell ("Holds the
 * pooleSpending on BCF sch Minimum contributio"): cut where a word starts (after a space, or a capital glued to a
 * lower-case letter), into at most `most` pieces that each name a different declared column, left to right.
 * The cut with the most pieces; null unless there are two or more.
 */
function gluedHeaderPieces(table: DeclaredTable, cell: string, most: number): string[] | null {
  const text = cell.replace(/\s+/g, ' ').trim();
  if (text.length > 200) return null;
  const ends = [...[...text.matchAll(/(?<= )\S|(?<=\p{Ll})\p{Lu}/gu)].map((m) => m.index ?? 0), text.length];
  // The most pieces covering text[from..] with columns after `after`, at most `left` of them (memoised: a cell
  // has a few dozen word starts and a table a few columns).
  const memo = new Map<string, string[] | null>();
  const tail = (from: number, after: number, left: number): string[] | null => {
    if (from >= text.length) return [];
    if (left === 0) return null;
    const key = `${from}|${after}|${left}`;
    if (memo.has(key)) return memo.get(key)!;
    let best: string[] | null = null;
    for (const end of ends.filter((e) => e > from)) {
      const piece = text.slice(from, end).trim();
      const k = columnNamed(table, piece);
      if (k === null || k <= after) continue;
      const rest = tail(end, k, left - 1);
      if (rest && (!best || rest.length + 1 > best.length)) best = [piece, ...rest];
    }
    memo.set(key, best);
    return best;
  };
  const best = tail(0, -1, most);
  return best && best.length >= 2 ? best : null;
}

/** A header row whose glued cells (gluedHeaderPieces) are spread over the empty cells right of them. */
function splitGluedHeaders(row: Row, table: DeclaredTable): Row {
  const cells = [...row.cells];
  for (let k = 0; k < cells.length; k++) {
    let empty = 0;
    while (k + 1 + empty < cells.length && !cleanCell(cells[k + 1 + empty])) empty++;
    if (empty === 0 || !cleanCell(cells[k])) continue;
    const pieces = gluedHeaderPieces(table, cleanCell(cells[k]), empty + 1);
    if (!pieces) continue;
    pieces.forEach((p, d) => (cells[k + d] = p));
    k += empty;
  }
  return { ...row, cells };
}

const FIGURE = /^[-–]?£?\s?\d[\d,.]*\s?[km]?$/i;

/**
 * A header line the fixed-width reader joined to the line below it as one row (the data line's label cell empty, as
 * a sheet's header over "| Planned savings | £210,000 | £280,000"): the cells' first lines, and the one-line cells
 * that are no figure, are the header; the rest the data row. Null unless the header so cut names enough columns.
 */
function unjoinedHeader(row: Row, named: (c: string) => number | null, min: number): Row[] | null {
  if (!row.cells.some((c) => c.includes('\n'))) return null;
  const head: string[] = [];
  const data: string[] = [];
  for (const c of row.cells) {
    const [first, ...rest] = c.split('\n');
    const one = rest.length === 0;
    head.push(one && FIGURE.test(cleanCell(c)) ? '' : first);
    data.push(one ? (FIGURE.test(cleanCell(c)) ? c : '') : rest.join('\n'));
  }
  if (new Set(head.map((c) => named(cleanCell(c))).filter((k) => k !== null)).size < min) return null;
  if (!data.some((c) => FIGURE.test(cleanCell(c)))) return null;
  return [
    { ...row, cells: head },
    { ...row, cells: data },
  ];
}

/**
 * A header whose amount headers stand one cell left of the figures they head (a sheet's header centred over
 * right-aligned figures starts left of them, and the fixed-width reader put it in the cell before): where no data
 * row has a figure under the first of them and the cell right of each has figures, they move right by one.
 */
function overFigures(header: Row, data: Row[], isAmount: (c: string) => boolean): Row {
  const cells = header.cells;
  const amounts = cells.flatMap((c, k) => (isAmount(cleanCell(c)) ? [k] : []));
  if (amounts.length === 0 || cleanCell(cells[cells.length - 1] ?? '')) return header;
  const figures = (k: number) => data.filter((r) => FIGURE.test(cleanCell(r.cells[k] ?? ''))).length;
  if (figures(amounts[0]) > 0 || !amounts.every((k) => figures(k + 1) > 0)) return header;
  const from = amounts[0];
  return { ...header, cells: [...cells.slice(0, from), '', ...cells.slice(from, -1)] };
}

/** Match one declared table against one grid: a LogicalTable, or null when the grid has no such header. */
export function matchDeclared(table: DeclaredTable, grid: Grid): LogicalTable | null {
  const notes: string[] = [];
  // A cut digit group's rest ("0" under "£9,000,00") goes before furniture, or it would pass for a page number.
  let rows = dropFurniture(rejoinSplitDigits(rowsOf(grid)));
  const named = (c: string) => (c.length <= 300 ? columnNamed(table, c) : null);
  // Header cells run together at their clipped edges are cut apart, where that names more columns.
  const namedIn = (r: Row) => new Set(r.cells.map((c) => named(cleanCell(c))).filter((k) => k !== null)).size;
  rows = rows.map((r) => {
    const split = splitGluedHeaders(r, table);
    return namedIn(split) > namedIn(r) ? split : r;
  });
  const namesOf = (r: Row) => new Set(r.cells.map((c) => named(cleanCell(c))).filter((k): k is number => k !== null));
  const namesLabel = (r: Row | undefined) => !!r && [...namesOf(r)].some((k) => table.columns[k].role === 'label');
  rows = rows.flatMap((r) => unjoinedHeader(r, named, table.minColumns) ?? [r]);
  let h = findHeaderRow(rows, named, table.minColumns);
  // A sheet's two-row header printed with its vertically merged names centred, level with the sub-header:
  // "2014/15 spend | 2014/15 benefits" above "BCF Investment | Lead provider | Recurrent | Non-recurrent". The
  // names of both rows count together, and the row naming the label column is the header.
  if (h < 0) h = rows.findIndex((r, i) => i > 0 && namesLabel(r) && new Set([...namesOf(rows[i - 1]), ...namesOf(r)]).size >= table.minColumns);
  if (h < 0) return null;
  if (!namesLabel(rows[h]) && namesLabel(rows[h + 1])) h++;
  rows[h] = overFigures(rows[h], rows.slice(h + 1), (c) => {
    const k = named(c);
    return k !== null && table.columns[k].role === 'amount';
  });
  const header = rows[h];
  const sub = rows[h + 1] && isSubHeader(rows[h + 1], table) ? rows[h + 1] : null;
  // The group row above: years only, or column names only where the header row holds the sub-header (a sheet's
  // vertically merged "BCF Investment" printed centred, level with "Recurrent | Non-recurrent").
  const namesOnly = (r: Row) => r.cells.map(cleanCell).filter(Boolean).every((c) => columnNamed(table, c) !== null || singleYear(c) !== null);
  const headerHoldsSub = table.subHeader.length > 0 && header.cells.some((c) => table.subHeader.some((w) => phraseIn(cleanCell(c), w)));
  const above = h > 0 && (isYearRow(rows[h - 1]) || (headerHoldsSub && !sub && namesOnly(rows[h - 1]))) ? rows[h - 1] : null;
  const own = carried(header.cells, sub?.cells ?? null);
  const group = above ? carried(above.cells, header.cells) : null;
  const columns: LogicalColumn[] = own.map((text, k) => {
    const full = [group?.[k] ?? '', text, sub ? cleanCell(sub.cells[k] ?? '') : ''].filter(Boolean).join(' ');
    const at = (text ? columnNamed(table, text) : null) ?? columnNamed(table, full);
    return { declared: at === null ? null : table.columns[at], header: full };
  });
  const labelColumn = Math.max(0, columns.findIndex((c) => c.declared?.role === 'label'));
  // Data: the rows other than the header block and any repeat of it (page breaks); a header printed below the
  // data leaves the data above it.
  const headerSig = rowText(header).toLowerCase();
  const headerRows = new Set([h, ...(sub ? [h + 1] : []), ...(above ? [h - 1] : [])]);
  let data = rows.filter((r, i) => !headerRows.has(i) && rowText(r).toLowerCase() !== headerSig && !(sub && isSubHeader(r, table)));
  if (data.length < rows.length - headerRows.size) notes.push('table header repeated (page breaks): read once');
  const before = data.length;
  const collapsed = collapseOverlaidRows(data);
  data = collapsed.rows;
  if (collapsed.collapsed > 0) notes.push(`${collapsed.collapsed} row(s) drawn twice counted once`);
  const valueCols = columns.flatMap((c, k) => (c.declared?.role === 'amount' ? [k] : []));
  data = mergeContinuations(data, labelColumn, valueCols, table.titleRows);
  if (data.length < before - collapsed.collapsed) notes.push('wrapped rows joined to the rows they continue');
  rows = data;
  return { declared: table, grid, columns, labelColumn, rows, notes };
}

/** A table read cell by cell by its declaration: a finance sheet, a label column beside figures whose columns say
 *  what they are (`kind` or `byRow`). The other declared tables, an income table whose rows say their kind among
 *  them, give their field's reader its words (declaredRoleOf, declaredRowOf). */
export const readByDeclaration = (t: DeclaredTable) =>
  t.field === 'budgets' && t.columns.some((c) => c.role === 'label') && t.columns.filter((c) => c.role === 'amount').every((c) => c.kind !== undefined || c.byRow !== undefined);

/** Every finance sheet the template declares found among the document's grids, each grid used at most once. */
export function declaredTables(doc: DocumentModel, seg: Segmentation, tables: DeclaredTable[], grids: Grid[]): LogicalTable[] {
  const used = new Set<Grid>();
  const out: LogicalTable[] = [];
  for (const t of tables.filter(readByDeclaration)) {
    const ranges = rangesFor(t.section, seg, doc.blocks.length);
    for (const g of grids) {
      if (used.has(g) || !ranges.some(([a, b]) => g.blockStart >= a && g.blockStart < b)) continue;
      const lt = matchDeclared(t, g);
      if (lt) {
        used.add(g);
        out.push(lt);
      }
    }
  }
  return out.sort((a, b) => a.grid.blockStart - b.grid.blockStart);
}

/** Words of a phrase, as header matching counts them. */
export const phraseWords = (t: string) => tokens(t).length;

/**
 * The id of the entry with the longest phrase in `text` (`phraseIn`: word by word, clipped letters allowed), the
 * first declared winning a tie; `fits` may refuse a phrase (a row label that must be the phrase itself). Null when
 * none is in it, or the text is empty or too long to be one cell's label.
 */
export function longestPhrase<T>(entries: Array<{ id: T; phrases: string[] }>, text: string, fits: (phrase: string) => boolean = () => true): T | null {
  let best: { id: T; len: number } | null = null;
  const t = text.trim();
  if (!t || t.length > 300) return null;
  for (const e of entries) {
    for (const p of e.phrases) {
      const len = phraseWords(p);
      if ((!best || len > best.len) && fits(p) && phraseIn(t, p)) best = { id: e.id, len };
    }
  }
  return best?.id ?? null;
}

/**
 * The role a header cell names in the field's declared tables (the longest header phrase wins), or null: the
 * template's own words for its columns, which a reader tries before its general vocabulary.
 */
export function declaredRoleOf(tables: DeclaredTable[], field: DeclaredTable['field'], cell: string): string | null {
  const columns = tables.filter((t) => t.field === field).flatMap((t) => t.columns.map((c) => ({ id: c.role, phrases: c.header })));
  return longestPhrase(columns, cleanCell(cell));
}

/** What a row label says in the field's declared tables: its row role (`rowRoles`) or what the row is
 *  (`rowLabels`: a metric key, a budget kind), the longest label phrase winning; null when none names it. */
export function declaredRowOf(tables: DeclaredTable[], field: DeclaredTable['field'], which: 'rowRoles' | 'rowLabels', label: string): string | null {
  const own = tables.filter((t) => t.field === field);
  const rows = own.flatMap((t) => (which === 'rowRoles' ? t.rowRoles.map((r) => ({ id: r.role, phrases: r.label })) : t.rowLabels.map((r) => ({ id: r.id, phrases: r.label }))));
  return longestPhrase(rows, cleanCell(label));
}

/** The unit or year stated just before a table ("Contributions (£000s)", "Spending plan 2022/23"). */
export function textBefore(doc: DocumentModel, grid: Grid): string {
  return textsBefore(doc, grid.blockStart, 2)
    .map((t) => t.text)
    .filter((t) => t.length <= 200)
    .join(' ');
}
