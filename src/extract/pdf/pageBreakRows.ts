// A table row cut by a page break, in a table without rules: the pieces the layout read as text on the other side
// of the break are split at the table's columns and joined to the row again.
import type { Finding, TableRow } from '../../model/document.js';
import { joinWrapped, type TextLine, type Vocabulary } from './lines.js';
import type { Item, LineGroup } from './layoutItems.js';
import type { TextRun } from './types.js';
import { isYearOnly } from '../../text/years.js';

/**
 * A borderless table that opens a page may have begun at the foot of the page before with the top lines of
 * its first row (a wrapped header cut by the page break: "2021" over "-22 Q1 Actual"). Without rules or gutters
 * that held for more than a line, those lines were read as text. Here they are split at the table's column
 * edges and joined to its first row, where that row goes on from them (continuesCutRow).
 */
export function joinRowsCutAbovePageBreak(items: Item[], messages: Finding[]): Item[] {
  for (let k = 1; k < items.length; k++) {
    const item = items[k];
    if (item.kind !== 'table' || !item.el.borderless || item.el.rows.length === 0) continue;
    const el = item.el;
    const edges = el.firstXs;
    // The lines at the foot of the page before, at line spacing, none left of the table.
    const taken: Array<{ group: LineGroup; line: TextLine }> = [];
    for (let g = k - 1; g >= 0; g--) {
      const group = items[g];
      if (group.kind !== 'group' || group.page !== el.page - 1) break;
      let stop = false;
      for (let j = group.lines.length - 1; j >= 0; j--) {
        const line = group.lines[j];
        const below = taken[taken.length - 1]?.line;
        // Its right edge is where its text ends, which differs from page to page: only the left one binds.
        const inside = line.x0 >= edges[0] - 0.5 * line.size;
        if (!inside || taken.length >= 6 || (below && below.base - line.base > 1.6 * line.size)) {
          stop = true;
          break;
        }
        taken.push({ group, line });
      }
      if (stop) break;
    }
    if (taken.length === 0) continue;
    const cells = rowFromLines(taken.map((t) => t.line).reverse(), edges);
    const first = el.rows[0];
    const cut: TableRow = { cells: cells.map((text) => ({ text })), page: el.page - 1 };
    if (cells.filter((t) => t !== '').length < 2 || first.cells.length !== cells.length || !continuesCutRow(cut, first)) continue;
    first.cells = first.cells.map((c, i) => {
      const a = cells[i];
      if (!a) return c;
      return { ...c, text: completesYear(a, c.text) ? a.trim() + c.text.trim() : joinWrapped(a, c.text) };
    });
    for (const { group, line } of taken) group.lines.splice(group.lines.indexOf(line), 1);
    messages.push({ level: 'info', message: `table row cut by the page break joined again (its first lines were at the foot of page ${el.page - 1})`, page: el.page });
  }
  return items.filter((it) => it.kind !== 'group' || it.lines.length > 0);
}

/**
 * The other half: a borderless table's last row cut by a page break goes on at the top of the next page, above
 * the header the table repeats there. Without rules those lines were read as text between two tables. Split at
 * the columns of the row they continue, they are joined to it.
 */
export function joinRowRestsAboveRepeatedHeader(items: Item[], vocabulary: Vocabulary, messages: Finding[]): Item[] {
  for (let k = 2; k < items.length; k++) {
    const item = items[k];
    if (item.kind !== 'table' || !item.el.borderless) continue;
    const el = item.el;
    let p = k - 1;
    const onThisPage = (it: Item) => it.kind === 'group' && it.page === el.page;
    while (p >= 0 && onThisPage(items[p])) p--;
    const before = items[p];
    if (p === k - 1 || !before || before.kind !== 'table' || !before.el.borderless || before.el.page !== el.page - 1) continue;
    const groups = items.slice(p + 1, k) as LineGroup[];
    const lines = groups.flatMap((g) => g.lines);
    const edges = before.el.lastXs;
    const last = before.el.rows[before.el.rows.length - 1];
    if (lines.length > 6 || lines.some((l) => l.x0 < edges[0] - 0.5 * l.size) || !last || last.cells.length !== edges.length - 1) continue;
    // The table below opens with the header of the table above: the same table, its header repeated (each of
    // its cells opens the cell above, which may hold more: the rest of a row cut by the page before).
    // Spaces aside: a wrapped header cell may be joined with or without one on either page.
    const norm = (t: string) => t.replace(/\s+/g, '').toLowerCase();
    const header = before.el.rows[0].cells.map((c) => norm(c.text));
    const repeats = el.rows[0].cells.length === header.length && el.rows[0].cells.every((c, i) => norm(c.text) !== '' && header[i].startsWith(norm(c.text)));
    // Or it goes on without a header, its cells in the columns of the table above (some of them: a label cell
    // spanning the rows, left empty below, is dropped as a column there).
    const continues = !repeats && el.rows[0].cells.length >= 2 && startsInColumns(el.firstXs, edges, el.rows[0].cells.length);
    if (!repeats && !continues) continue;
    // The row's rest is set in the row's own columns, those of the table above, whichever way the repeated header
    // below was set.
    // Two cells or more, or lines that each keep inside one column: a paragraph would run across them.
    const cells = rowFromLines(lines, edges);
    const inColumns = lines.every((l) => edges.some((e, i) => i + 1 < edges.length && l.x0 >= e - 1 && l.x1 <= edges[i + 1] + 1));
    if (cells.filter((t) => t !== '').length < 2 && !inColumns) continue;
    // Without a repeated header to say so, the text itself must go on: the first cell it fills continues a word
    // or sentence (the cell above ends in a hyphen, or this starts in lower case). A page's heading does not.
    const k0 = cells.findIndex((t) => t !== '');
    if (continues && !(/\p{L}-$/u.test(last.cells[k0].text.trim()) || /^[\p{Ll}(]/u.test(cells[k0]))) continue;
    last.cells = last.cells.map((c, i) => {
      const b = cells[i];
      if (!b) return c;
      if (completesYear(c.text, b)) return { ...c, text: c.text.trim() + b.trim() };
      return { ...c, text: joinWrapped(c.text, b, cutWord(c.text, b, vocabulary)) };
    });
    for (const g of groups) g.lines.length = 0;
    const above = repeats ? 'above the repeated header' : 'above the rest of its table';
    messages.push({ level: 'info', message: `table row cut by the page break joined again (its last lines were at the top of page ${el.page}, ${above})`, page: el.page });
  }
  return items.filter((it) => it.kind !== 'group' || it.lines.length > 0);
}

/**
 * Each column of the table below (`xs`, the edges of its `n` cells) starts inside its own column of the table
 * above (`edges`), in order. A borderless table's edges are where its text ends and its gutters' middles, which move
 * from page to page with the text; the column a cell's text starts in does not.
 */
function startsInColumns(xs: number[], edges: number[], n: number): boolean {
  if (xs.length !== n + 1) return false;
  const columns = xs.slice(0, -1).map((x) => edges.findIndex((e, i) => i + 1 < edges.length && x >= e - 1 && x < edges[i + 1]));
  return columns.every((c, i) => c >= 0 && (i === 0 || c > columns[i - 1]));
}

/** "Mediu" then "m": a word cut at a cell's edge, where the document writes the joined word and not the piece. */
function cutWord(a: string, b: string, vocabulary: Vocabulary): boolean {
  const head = /\p{L}+$/u.exec(a.trim())?.[0];
  const tail = /^\p{L}+/u.exec(b.trim())?.[0];
  return !!head && !!tail && vocabulary.has((head + tail).toLowerCase()) && !vocabulary.has(head.toLowerCase());
}

/** Lines split at column edges into one row's cells, each column's pieces joined as wrapped text. */
function rowFromLines(lines: TextLine[], edges: number[]): string[] {
  const columnOf = (x: number) => Math.max(0, Math.min(edges.length - 2, edges.findIndex((e, i) => i > 0 && x < e) - 1));
  const cells = edges.slice(1).map(() => '');
  for (const line of lines) {
    const parts = edges.slice(1).map(() => '');
    let prev: TextRun | null = null;
    for (const run of line.runs) {
      const c = columnOf((run.x0 + run.x1) / 2);
      const glued = prev !== null && columnOf((prev.x0 + prev.x1) / 2) === c && run.x0 - prev.x1 <= 0.15 * line.size;
      parts[c] = glued ? parts[c] + run.text : `${parts[c]} ${run.text}`.trim();
      prev = run;
    }
    parts.forEach((t, c) => {
      if (t) cells[c] = cells[c] ? joinWrapped(cells[c], t) : t;
    });
  }
  return cells;
}

/**
 * Is the first row on a new page the rest of the last row on the page before? Its cells are only where that
 * row has text (a cell goes on only if it had begun), and most of them go on mid-text: lower case, a hyphen
 * ("2021" / "-22 Q1 Actual"), after a hyphen ("2022-" / "23 Q1 Plan") or inside brackets ("260 (this is the BCF
 * for Quarter 4" / "14/15)"), or it is words only with its first cell empty. A row of its own starts afresh.
 */
export function continuesCutRow(last: TableRow, first: TableRow): boolean {
  if (last.cells.length !== first.cells.length || last.header || first.header) return false;
  let filled = 0;
  let goesOn = 0;
  for (let k = 0; k < first.cells.length; k++) {
    const b = first.cells[k].text.trim();
    if (!b) continue;
    const a = last.cells[k].text.trim();
    if (!a) return false;
    filled++;
    const unclosed = (a.match(/\(/g) ?? []).length > (a.match(/\)/g) ?? []).length;
    if (/^[\p{Ll}\-–/]/u.test(b) || (/[\-–/]$/.test(a) && /^[\p{L}\p{N}]/u.test(b)) || unclosed || completesYear(a, b)) goesOn++;
  }
  if (filled > 0 && goesOn * 2 > filled) return true;
  // Words only, under a row whose first cell has text and this one's has none: the rest of that row's cells
  // ("Gross" / "Contribution" under "Disabled Facilities Grant (DFG)"), not a row of its own, which names itself
  // in its first cell or holds figures.
  const texts = (r: TableRow) => r.cells.map((c) => c.text.trim());
  const [a, b] = [texts(last), texts(first)];
  return filled > 0 && a[0] !== '' && b[0] === '' && b.every((t, k) => t === '' || (!/\d/.test(t) && !/\d/.test(a[k]) && !/[.:;!?]$/.test(a[k])));
}

/** "2014/1" then "5": the digits that finish a financial year cut at the cell's edge. */
export function completesYear(a: string, b: string): boolean {
  const cut = /(?:^|\s)(20\d\d[/\-–]\d?)$/.exec(a.trim());
  const rest = /^(\d{1,2})(?!\S)/.exec(b.trim());
  return !!cut && !!rest && isYearOnly(cut[1] + rest[1]);
}
