// Tables flattened to one cell per line ("Save as text", mammoth's markdown, screen readers): the header's cells
// come first, one line each, then every row's cells in the same order. Empty cells may leave a blank line or
// nothing at all, so rows are not a fixed number of lines: each line is placed in the next column that can hold
// it, by what the column holds (a 1-5 scale, a score, free text). The result is an ordinary grid.
import type { DocumentModel } from '../model/document.js';
import { type Grid, type GridRow } from './grids.js';
import { cleanCell, normaliseName } from '../text/clean.js';
import { joinCutWord, textVocabulary, type WordVocabulary } from '../text/vocabulary.js';

export interface CellStreamSpec<Role extends string> {
  /** The role a header cell names, or null. */
  roleOf(text: string): Role | null;
  /** The roles a header must name for the lines to be this table. */
  required(roles: Role[]): boolean;
  /** Whether a cell can be the value of a role; text roles take anything. */
  fits(role: Role, cell: string): boolean;
  /** Guidance lines printed under the header ("Please rate on a scale of 1-5 …"): skipped. */
  isGuidance(cell: string): boolean;
  /** A text role whose cells open with a scale and then describe it ("4 Fewer providers bid …", a potential impact
   *  rated and described), so the scale alone may be its whole cell. None where absent. */
  opensWithScale?(role: Role): boolean;
}

function blankLinesBefore(doc: DocumentModel, i: number): number {
  const b = doc.blocks[i];
  return b?.kind === 'paragraph' ? (b.blankLinesBefore ?? 0) : 0;
}

/** A line block short enough to be one cell. */
function cellLine(doc: DocumentModel, i: number): string | null {
  const b = doc.blocks[i];
  if (!b || b.kind === 'table' || b.kind === 'heading') return null;
  return b.text.length <= 2000 ? b.text : null;
}

/** The header at block `at`: consecutive lines each naming a different role, at least 3 of them. */
function headerAt<Role extends string>(doc: DocumentModel, at: number, spec: CellStreamSpec<Role>): Role[] | null {
  const roles: Role[] = [];
  for (let i = at; i < doc.blocks.length; i++) {
    const t = cellLine(doc, i);
    const role = t !== null && t.length <= 200 ? spec.roleOf(t) : null;
    if (!role || roles.includes(role)) break;
    roles.push(role);
  }
  return roles.length >= 3 && spec.required(roles) ? roles : null;
}

/**
 * Grids of cell-per-line tables in blocks [from, to): each header found, then its rows, until a heading, a table,
 * or a line that fits no column of a fresh row. A header repeated (page breaks of the original) is kept as a
 * header row, so the readers see where the original pages broke.
 */
export function cellStreamGrids<Role extends string>(doc: DocumentModel, from: number, to: number, spec: CellStreamSpec<Role>): Grid[] {
  const grids: Grid[] = [];
  let i = from;
  while (i < to) {
    const roles = headerAt(doc, i, spec);
    if (!roles) {
      i++;
      continue;
    }
    const headerRow = (at: number): GridRow => ({
      cells: roles.map((_, k) => cellLine(doc, at + k) ?? ''),
      page: doc.blocks[at].page,
      block: at,
      header: true,
      pageBreakBefore: false,
    });
    const grid: Grid = { rows: [headerRow(i)], blockStart: i, blockEnd: i + roles.length };
    // Columns that only some lines fit (a 1-5 scale, a rating): prose fits none of them.
    const restricted = new Set(roles.flatMap((r, n) => (spec.fits(r, 'a line of prose') ? [] : [n])));
    // Header cells on consecutive lines: the converter writes a blank line for each empty cell.
    const blankIsCell = roles.slice(1).every((_, k) => !blankLinesBefore(doc, i + 1 + k));
    let j = i + roles.length;
    let afterHeader = true;
    while (j < to) {
      if (headerAt(doc, j, spec)?.join() === roles.join()) {
        grid.rows.push({ ...headerRow(j), pageBreakBefore: true });
        j += roles.length;
        afterHeader = true;
        continue;
      }
      const first = cellLine(doc, j);
      if (first === null) break;
      if (spec.isGuidance(cleanCell(first))) {
        j++;
        continue;
      }
      const rowStart = j;
      const { cells, next, skipped } = rowAt(doc, j, to, roles, spec, blankIsCell);
      // A line that only makes a row by skipping columns, where the row after it fills every column in order, is
      // the end of the last text cell above: a second paragraph ("Focus on …" / "" / "Review good practice …") or
      // the part of a cell cut off by a page break (the header repeated between).
      const last = grid.rows[grid.rows.length - 1];
      const previous = last.header && last.pageBreakBefore ? (grid.rows.findLast((r) => !r.header) ?? last) : last;
      const lastText = previous.header ? -1 : previous.cells.findLastIndex((c, n) => c !== '' && !restricted.has(n));
      if (next > j && lastText >= 0 && skipped > 0 && rowAt(doc, j + 1, to, roles, spec, blankIsCell).skipped === 0) {
        previous.cells[lastText] += `\n${cleanCell(cellLine(doc, j) ?? '')}`;
        j++;
        continue;
      }
      j = next;
      if (j === rowStart) break;
      grid.rows.push({ cells, page: doc.blocks[rowStart].page, block: rowStart, header: false, pageBreakBefore: afterHeader && grid.rows.length > 1 });
      afterHeader = false;
    }
    grid.blockEnd = j;
    if (grid.rows.filter((r) => !r.header).length >= 1) grids.push(grid);
    i = Math.max(j, i + 1);
  }
  return grids;
}

/**
 * One row from line `j`: each line goes to the next column that can hold it. `next`: the line after the row;
 * `skipped`: columns passed over because the line could not fill them (not those a blank line left empty), or
 * left unfilled at the end of a complete header's row.
 */
function rowAt<Role extends string>(doc: DocumentModel, j: number, to: number, roles: Role[], spec: CellStreamSpec<Role>, blankIsCell: boolean): { cells: string[]; next: number; skipped: number } {
  const cells = roles.map(() => '');
  const rowStart = j;
  let k = 0;
  let skipped = 0;
  while (j < to && k < roles.length) {
    const t = cellLine(doc, j);
    if (t === null || (k > 0 && headerAt(doc, j, spec))) break;
    const cell = cleanCell(t);
    if (blankIsCell && j > rowStart) k += blankLinesBefore(doc, j);
    const from = k;
    while (k < roles.length && !spec.fits(roles[k], cell)) k++;
    if (k >= roles.length) break;
    skipped += k - from;
    cells[k] = cell;
    k++;
    j++;
  }
  return { cells, next: j, skipped };
}

/** A group of lines with no blank line between them: one cell of a table in pdftotext's reading order. */
export interface LineGroup {
  lines: string[];
  block: number;
}

const vocabularies = new WeakMap<DocumentModel, WordVocabulary>();
function vocabularyOf(doc: DocumentModel): WordVocabulary {
  let v = vocabularies.get(doc);
  if (!v) vocabularies.set(doc, (v = textVocabulary(doc.text.split('\n'))));
  return v;
}

/**
 * The line groups of blocks [from, to), in runs between tables and headings. A word a narrow cell cut at its edge
 * ("Contributio" / "n") is one word again in its group where the document writes it whole (src/text/cutWords.ts).
 */
export function lineGroups(doc: DocumentModel, from: number, to: number): LineGroup[][] {
  const runs: LineGroup[][] = [[]];
  for (let i = from; i < to; i++) {
    const b = doc.blocks[i];
    if (b.kind === 'table' || b.kind === 'heading') {
      if (runs[runs.length - 1].length > 0) runs.push([]);
      continue;
    }
    const run = runs[runs.length - 1];
    const last = run[run.length - 1];
    if (last && !blankLinesBefore(doc, i) && b.text.length <= 200) {
      const joined = joinCutWord(last.lines[last.lines.length - 1], b.text, vocabularyOf(doc));
      if (joined !== null) last.lines[last.lines.length - 1] = joined;
      else last.lines.push(b.text);
    } else run.push({ lines: [b.text], block: i });
  }
  return runs.filter((r) => r.length > 0);
}

/** Share of a group's longest line a line must fill to be wrapped (a word more would not have fitted on it). */
const WRAPPED_LINE_SHARE = 0.7;
/** Share of a group's longest line up to which the next line's first word would have fitted on a line: characters
 *  stand in for widths in proportional type, and an interleaved neighbour may set the longest line, so a margin. */
const ROOM_SHARE = 0.8;

/**
 * A group that runs one cell into the next: where two cells' lines share no baseline and the converter left no blank
 * line between them (Chromium's PDFs read raw), one cell's last line, ending without a full stop ("the board"), is
 * followed by a wrapped line opening afresh with a capital whose first word would have fitted on the line before
 * ("Recruitment of care workers …"): not its continuation. Cut there. A short line ending its sentence ("… the board."
 * / "Review of the transfer …") may be a second paragraph of the same cell and is left; so is a short capitalised line
 * after it (a title, a list item), and a short cell of the row ("High") printed inside the group.
 */
export function splitRunOnCells(group: LineGroup, isShortCell: (line: string) => boolean): LineGroup[] {
  const { lines } = group;
  if (lines.length < 3) return [group];
  const width = Math.max(...lines.map((l) => l.trim().length));
  for (let n = 1; n < lines.length - 1; n++) {
    const last = lines[n - 1].trim();
    const next = lines[n].trim();
    // The next line's first word would have fitted after the short one: it does not continue it.
    const room = last.length + 1 + next.split(/\s+/)[0].length <= ROOM_SHARE * width;
    if (!room || /[.;:!?)]$/.test(last) || isShortCell(last)) continue;
    if (next.length < WRAPPED_LINE_SHARE * width || !/^\p{Lu}\p{Ll}/u.test(next)) continue;
    return [{ lines: lines.slice(0, n), block: group.block }, ...splitRunOnCells({ lines: lines.slice(n), block: group.block + n }, isShortCell)];
  }
  return [group];
}

/** Words a wrapped line cannot end a cell on: its sentence goes on. */
const OPEN_ENDED = /\b(the|a|an|of|to|and|or|in|on|at|by|for|with|from|as|is|are|be|was|were|which|that|where|than|into|upon|their|its|our|this|these|will|may)$/i;

/**
 * One group holding two cells of a row, their lines interleaved by baseline (Chromium's PDFs read raw, and any writer
 * whose neighbouring cells' baselines differ a little): a short cell of the row came out of the group's inner lines, so
 * the group spans its row. The second cell opens on a line inside the group, a capital after a line that does not end
 * its sentence ("… the new county hospital" / "Staged investment …"); from there the lines alternate, the other cell's
 * first `p` lines above and `q` below, the two about equal where one cell is centred beside the other (|p - q| <= 1).
 * Of the readings that fit, the one whose cells both end where a cell can end ("… the board", not "… the waiting lists
 * with"), then the fewer alternating lines; none where no reading ends both cells so (one cell's lines each opening
 * with a capital, a list). The two cells in column order: a shorter cell centred beside a longer one first (a log's
 * longest cells are its last column's, the mitigations); cells of equal length as they open. Null when the group reads
 * as one cell.
 *
 * Not taken as a cue: a scale opening a line ("4 Fewer people return …", an impact rated and described). In the 2014
 * revised log read raw the cell it opens is mostly one whose row lost other cells to a page break, and splitting it
 * moves those rows' cells further apart.
 */
function interleavedCells(lines: string[]): [string[], string[]] | null {
  const n = lines.length;
  if (n < 4) return null;
  const opensAfresh = (l: string, before: string) => /^\p{Lu}/u.test(l.trim()) && !/[.;:!?]$/.test(before.trim()) && !OPEN_ENDED.test(before.trim());
  const cues = [...lines.keys()].filter((s) => s > 0 && opensAfresh(lines[s], lines[s - 1]));
  const endsOpen = (ls: string[]) => (OPEN_ENDED.test(ls[ls.length - 1].trim()) ? 1 : 0);
  for (const p of cues) {
    let best: { cost: number; m: number; inner: string[]; outer: string[] } | null = null;
    for (const q of [p - 1, p, p + 1]) {
      const m = (n - p - q + 1) / 2;
      if (q < 0 || !Number.isInteger(m) || m < 2) continue;
      const inner = Array.from({ length: m }, (_, t) => lines[p + 2 * t]);
      const outer = lines.filter((_, i) => i < p || i >= p + 2 * m - 1 || (i - p) % 2 === 1);
      const cost = endsOpen(inner) + endsOpen(outer);
      if (!best || cost < best.cost || (cost === best.cost && m < best.m)) best = { cost, m, inner, outer };
    }
    // A cell ending on "… a scheme for" is no cell: the lines are one cell's list ("… proposals" /
    // "Engagement of …").
    if (!best || best.cost > 0) continue;
    const { inner, outer } = best;
    return inner.length === outer.length ? [outer, inner] : [inner, outer];
  }
  return null;
}

/** A short cell glued to the end of a text line: the text as glued in the cell, without it, and the cell. */
interface Trailing<Role extends string> {
  role: Role;
  text: string;
  glued: string;
  unglued: string;
}

/**
 * A figure glued to the end of a line of a text cell whose sentence goes on in lower case on the next line ("… homes
 * across the county close 3" / "faster than the plan assumes"): a likelihood or score of the row printed on that line's
 * baseline. Only a candidate: "… agree a 5" / "year plan" is text, so the row decides (a column it left empty, one
 * candidate for it). Figures only, not words: "… demand stays high" / "in winter" is text.
 */
function trailingShortCell<Role extends string>(lines: string[], fitsRestricted: (t: string) => Role | null): Trailing<Role> | null {
  const found: Trailing<Role>[] = [];
  for (let n = 0; n < lines.length - 1; n++) {
    const m = /^(.*\p{L}\S*)\s+(\d{1,2}(?:\s+\p{L}{3,})?)$/u.exec(lines[n].trim());
    if (!m || !/^\p{Ll}/u.test(lines[n + 1].trim())) continue;
    const role = fitsRestricted(m[2]);
    if (role) found.push({ role, text: m[2], glued: `${m[1]} ${m[2]} `, unglued: `${m[1]} ` });
  }
  return found.length === 1 ? found[0] : null;
}

/**
 * Tables in pdftotext's reading order (no -layout): each cell a group of wrapped lines, groups apart by blank
 * lines, the header's cells first. Where the text of two cells shares a baseline, a short cell lands inside its
 * neighbour's group ("… services are" / "High" / "unachievable …", or "Medium contracts with …"); such a line is
 * taken out as its own cell, before the group it sat in. Rows: the text columns take the groups in order, the
 * columns only some lines fit take the short cells; a row ends with its last text column. Cells whose baselines
 * differ come out of order; the steps below each say which such order they read back (a rating after the next
 * row's risk, a likelihood after its row's last text, a header printed again among the rows).
 */
export function groupedCellGrids<Role extends string>(doc: DocumentModel, from: number, to: number, spec: CellStreamSpec<Role>): Grid[] {
  const grids: Grid[] = [];
  for (const groups of lineGroups(doc, from, to)) {
    for (let g = 0; g < groups.length; g++) {
      // The header: consecutive groups each naming a different role.
      const roles: Role[] = [];
      for (let h = g; h < groups.length; h++) {
        // The first header cell may close the group of the text above it ("… a key feature." / "Risk").
        const words = h === g ? groups[h].lines[groups[h].lines.length - 1] : groups[h].lines.join(' ');
        const role = spec.roleOf(cleanCell(words));
        if (!role || roles.includes(role)) break;
        roles.push(role);
      }
      if (roles.length < 3 || !spec.required(roles)) continue;
      const headerCells = roles.map((_, k) => cleanCell(k === 0 ? groups[g].lines[groups[g].lines.length - 1] : groups[g + k].lines.join(' ')));
      // The header goes on past guidance groups ("Please rate on a scale of 1-5 …") through groups whose lines name
      // further roles, the cells of a header whose baselines differ read together ("Overall risk" / "Mitigating
      // Actions" / "factor").
      const lineRoles = (h: number): boolean => {
        const ls = groups[h].lines.map(cleanCell);
        const named = ls.map((l) => spec.roleOf(l));
        const fresh = named.filter((r, n): r is Role => !!r && !roles.includes(r) && named.indexOf(r) === n);
        if (fresh.length === 0 || !ls.every((l, n) => named[n] || spec.isGuidance(l) || l.length <= 12)) return false;
        for (const r of fresh) {
          roles.push(r);
          headerCells.push(ls[named.indexOf(r)]);
        }
        return true;
      };
      let bodyStart = g + roles.length;
      for (let h = g + 1; h < bodyStart; h++) lineRoles(h);
      for (let h = bodyStart; h < Math.min(groups.length, bodyStart + 4); h++) {
        if (spec.isGuidance(cleanCell(groups[h].lines.join(' ')))) continue;
        if (!lineRoles(h)) break;
        bodyStart = h + 1;
      }
      const restricted = roles.filter((r) => !spec.fits(r, 'a line of prose'));
      const text = roles.filter((r) => !restricted.includes(r));
      if (restricted.length === 0 || text.length < 2) continue;
      const fitsRestricted = (t: string) => restricted.find((r) => spec.fits(r, cleanCell(t))) ?? null;
      // The body's groups, each cut where it runs one cell into the next.
      const isShortCell = (l: string) => l.trim().split(/\s+/).length <= 2 && fitsRestricted(l) !== null;
      // A piece cut off the head of a group opening in lower case goes on from a cell above ("fund new
      // activity" / "Delays to the county hospital …"): it takes no cell of its own.
      const goesOn = new Set<LineGroup>();
      groups.splice(
        bodyStart,
        groups.length - bodyStart,
        ...groups.slice(bodyStart).flatMap((x) => {
          const pieces = splitRunOnCells(x, isShortCell);
          if (pieces.length > 1 && /^\p{Ll}/u.test(x.lines[0].trim())) goesOn.add(pieces[0]);
          return pieces;
        }),
      );
      // Cells in order: short cells taken out of the groups they sat in go before them.
      // `opening`: a rating that may open the text cell's first line ("Medium Robust approach …"), kept in the
      // text unless the rows around it say it is a cell of its own (below).
      // `group`: a short cell that is a group of its own, not taken out of a text cell's lines.
      const cells: Array<{ text: string; role: Role | null; block: number; opening?: { role: Role; text: string; rest: string }; goesOn?: boolean; trailing?: Trailing<Role>; group?: boolean }> = [];
      const headerTexts = new Set(groups.slice(g, bodyStart).map((x) => normaliseName(x.lines.join(' '))));
      let end = bodyStart;
      const headerLines = new Set(headerCells.map(normaliseName));
      for (let k = bodyStart; k < groups.length; k++) {
        const { block } = groups[k];
        // A header cell printed again on the first line of the next cell's group ("Mitigating Actions" /
        // "engaged in the development of …"): not part of the cell.
        const lines = groups[k].lines.length > 1 && headerLines.has(normaliseName(groups[k].lines[0])) ? groups[k].lines.slice(1) : groups[k].lines;
        // Guidance, and header cells printed again (a page break) or scattered among the rows by baseline.
        // A header cell again is one of the header's texts, or short: "fund additional activity Potential impact of
        // …" names a role in its words but is a risk.
        const whole = cleanCell(lines.join(' '));
        const again = headerTexts.has(normaliseName(whole)) || (!!spec.roleOf(whole) && whole.length <= 40);
        if (spec.isGuidance(whole) || again || lines.every((l) => spec.roleOf(cleanCell(l)) || spec.isGuidance(cleanCell(l)))) continue;
        if (goesOn.has(groups[k])) {
          cells.push({ text: cleanCell(lines.join(' ')), role: null, block, goesOn: true });
          end = k + 1;
          continue;
        }
        const own: string[] = [];
        // A short cell taken out of the group's inner lines: the row's middle, so the group spans its row.
        let shortInside = false;
        // A group with a rating line of its own has its rating; its lines' first words are text ("High level of …").
        // A short cell on a line of its own is a figure and a word at most ("20 High"): "5 Overall activity" opens
        // a text cell that starts with its figure (a potential impact rated and described).
        const aloneIn = (l: string) => (l.trim().split(/\s+/).length <= 2 ? fitsRestricted(l) : null);
        const hasAlone = lines.length > 1 && lines.some((l) => aloneIn(l));
        for (const [n, line] of lines.entries()) {
          const alone = aloneIn(line);
          // A rating glued to the start of a line that goes on in lower case ("Medium contracts with …"), not on
          // the cell's first line, which is the cell's own text. Also a score and its rating word glued to any text
          // ("20 High Board /HWBB …"), and a rating word whose score stands alone in the same group ("12" / …
          // "Medium Group and …": one cell's two lines, joined below).
          const word = n > 0 && !hasAlone ? /^(\S{3,})\s+([a-z].*)$/.exec(line) : null;
          const pair = n > 0 && !hasAlone ? /^(\d{1,2}\s+(\p{L}{3,}))\s+(\S.*)$/u.exec(line) : null;
          const bare = n > 0 && !word && !pair ? /^(\p{L}{3,})\s+(\S.*)$/u.exec(line) : null;
          const lead: [string, string] | null = word
            ? [word[1], word[2]]
            : pair && fitsRestricted(pair[2])
              ? [pair[1], pair[3]]
              : bare && lines.some((l) => /^\d{1,2}$/.test(l.trim()) && fitsRestricted(l) === fitsRestricted(bare[1]))
                ? [bare[1], bare[2]]
                : null;
          const glued = !alone && lead ? fitsRestricted(lead[0]) : null;
          if ((alone && lines.length > 1) || glued) shortInside ||= n > 0 && n < lines.length - 1;
          if (alone && lines.length > 1) cells.push({ text: line, role: alone, block });
          else if (glued) {
            cells.push({ text: lead![0], role: glued, block });
            own.push(lead![1]);
          } else own.push(line);
        }
        const streams = shortInside ? interleavedCells(own) : null;
        if (streams) {
          for (const stream of streams) cells.push({ text: cleanCell(stream.join(' ')), role: null, block });
          end = k + 1;
          continue;
        }
        const joined = cleanCell(own.join(' '));
        const open = lines.length > 1 && !hasAlone ? /^(\S{3,})\s+(\p{Lu}.*)$/u.exec(own[0] ?? '') : null;
        const openRole = open ? fitsRestricted(open[1]) : null;
        const opening = open && openRole ? { role: openRole, text: open[1], rest: cleanCell([open[2], ...own.slice(1)].join(' ')) } : undefined;
        const trailing = trailingShortCell(own, fitsRestricted);
        if (joined) cells.push({ text: joined, role: lines.length === 1 ? fitsRestricted(joined) : null, block, opening, trailing: trailing ?? undefined, group: lines.length === 1 });
        end = k + 1;
      }
      // Only where cells are wrapped: with one line a cell, the line-by-line reading is the table's.
      const body = groups.slice(bodyStart, end);
      if (body.filter((b) => b.lines.length > 1).length < 0.3 * body.length) {
        g = end - 1;
        continue;
      }
      const rows: GridRow[] = [{ cells: headerCells, page: doc.blocks[groups[g].block].page, block: groups[g].block, header: true, pageBreakBefore: false }];
      let row: string[] | null = null;
      // The group each short cell of the row came out of.
      const filledFrom: number[] = roles.map(() => -1);
      let filled = 0;
      let rowBlock = 0;
      // Short cells glued to the end of a text line of the row's cells, with the text column each sits in.
      let trailings: Array<{ at: number; trailing: Trailing<Role> }> = [];
      const close = () => {
        if (row && filled > 0) {
          const r: string[] = row;
          // The one such figure for a column the row left empty is that column's cell ("… close 3" /
          // "faster than …").
          for (const role of new Set(trailings.map((t) => t.trailing.role))) {
            const found = trailings.filter((t) => t.trailing.role === role);
            const to = roles.indexOf(role);
            const { at, trailing } = found[0];
            if (found.length !== 1 || r[to] !== '' || !r[at].includes(trailing.glued)) continue;
            r[to] = trailing.text;
            r[at] = r[at].replace(trailing.glued, trailing.unglued);
          }
        }
        trailings = [];
        if (row && filled > 0) rows.push({ cells: row, page: doc.blocks[rowBlock].page, block: rowBlock, header: false, pageBreakBefore: false });
        else if (row) {
          // Short cells with no text of their own before the next row's: printed below the row above's last text
          // (centred in a tall row), they are its cells where it has none.
          const above = rows[rows.length - 1];
          if (above && !above.header) row.forEach((c, n) => c !== '' && above.cells[n] === '' && (above.cells[n] = c));
        }
        row = null;
        filled = 0;
      };
      for (const cell of cells) {
        let c = cell;
        // A piece going on from a cell above: the last text of the row under way, else the row above's first text
        // cell left mid-sentence.
        if (c.goesOn) {
          const above = rows[rows.length - 1];
          const open = (cs: string[]) => text.map((t) => roles.indexOf(t)).find((n) => cs[n] !== '' && !/[.!?)]$/.test(cs[n].trim()));
          const under: string[] | null = row && filled > 0 ? row : null;
          const at = under ? text.map((t) => roles.indexOf(t)).findLast((n) => under[n] !== '') : undefined;
          const target = under ?? (above && !above.header ? above.cells : null);
          const n = at ?? (target ? open(target) : undefined);
          if (target && n !== undefined) {
            target[n] += ` ${c.text}`;
            continue;
          }
        }
        if (!row) {
          row = roles.map(() => '');
          rowBlock = c.block;
        }
        const r: string[] = row;
        if (c.role) {
          const at = roles.indexOf(c.role);
          // Two lines of one short cell wrapped inside the same group ("12" / "Medium"): one cell.
          if (r[at] !== '' && filledFrom[at] === c.block) {
            r[at] += ` ${c.text}`;
            continue;
          }
          // A second scale, a group of its own, where the row's next text cell opens with one is that cell, its text
          // left empty or printed elsewhere (a risk holding its likelihood, then "4": its potential impact), not the
          // next row's. A scale taken out of a text cell's lines is that cell's row's.
          const nextText = text.find((t) => r[roles.indexOf(t)] === '');
          if (r[at] !== '' && c.group && filled > 0 && nextText && spec.opensWithScale?.(nextText) && /^[1-5]$/.test(c.text.trim())) {
            r[roles.indexOf(nextText)] = c.text;
            filled++;
            if (nextText === text[text.length - 1]) close();
            continue;
          }
          if (r[at] !== '') {
            close();
            row = roles.map(() => '');
            rowBlock = c.block;
          }
          row![at] = c.text;
          filledFrom[at] = c.block;
          continue;
        }
        // A rating printed below the first line of its row's risk comes out after the next row's risk text: the row
        // above has none, this row has one already, and its next text cell opens with another ("Medium Robust
        // approach …"). The first rating was the row above's; the one opening the text is this row's.
        if (c.opening) {
          const at = roles.indexOf(c.opening.role);
          const above = rows[rows.length - 1];
          if (r[at] !== '' && above && !above.header && above.cells[at] === '') {
            above.cells[at] = r[at];
            r[at] = c.opening.text;
            c = { ...c, text: c.opening.rest };
          }
        }
        const next = text.find((t) => r[roles.indexOf(t)] === '');
        if (!next) {
          close();
          row = roles.map(() => '');
          rowBlock = c.block;
          row[roles.indexOf(text[0])] = c.text;
          if (c.trailing) trailings.push({ at: roles.indexOf(text[0]), trailing: c.trailing });
          filled = 1;
          continue;
        }
        r[roles.indexOf(next)] = c.text;
        if (c.trailing) trailings.push({ at: roles.indexOf(next), trailing: c.trailing });
        filled++;
        if (next === text[text.length - 1]) close();
      }
      close();
      if (rows.length > 1) grids.push({ rows, blockStart: groups[g].block, blockEnd: groups[Math.min(end, groups.length) - 1].block + 1 });
      g = end - 1;
    }
  }
  return grids;
}

export interface FigureRowSpec {
  /** A group of the header that names the table ("Scheme Name"). */
  opensHeader(text: string): boolean;
  /** A group made only of header words ("Brief Description of", "Source of Funding", "New/ Existing"). */
  inHeader(text: string): boolean;
  /** The row's figure in a group, and the group's other words; null when the group holds none. */
  figureIn(text: string): { figure: string; rest: string } | null;
  /** A group that is another cell of the row's last line, not the start of the next row ("Existing"). */
  trails(text: string): boolean;
  /** A group made only of the options of the columns whose cells the template fills from a fixed list (area of
   *  spend, commissioner, provider, source of funding: "Social Care LA", "Local Authority"). A row whose groups
   *  are all such has its name elsewhere, and free text after such a group, once the row has had free text,
   *  opens the next row. Without it, every group is free text. */
  isChoice?(text: string): boolean;
  /** A line that opens the part of the plan after the table (the next sheet's title, "Metrics for 2022/23"): in a
   *  group of the table's last row it ends the row's lines, the lines from it on being that part's, which reading
   *  order put before the row's last cells. */
  opensNextPart?(line: string): boolean;
  /** The header cells the grid is given: the label column, the other words of the figure group, the figure. */
  header: [string, string, string];
}

/**
 * A figure cut at its cell's edge ("£4,506,21" … "7", failure class 4): its last digit group short of three, the
 * missing digits a line of their own after it, in its group ("£3,618,42" / "Community NHS" / "Existing" / "6") or
 * in the next group once the groups that trail the row are passed ("£4,506,21" / "Existing" / "7"). The group's
 * text with the figure whole and the digits' line gone, and the later groups used up; null when not cut.
 */
function completeCutFigure(groups: LineGroup[], k: number, figure: string, spec: FigureRowSpec): { text: string; consumed: number[] } | null {
  const short = /,(\d{1,2})$/.exec(figure);
  if (!short) return null;
  const missing = 3 - short[1].length;
  const digits = (line: string) => new RegExp(`^\\d{${missing}}$`).test(line.trim());
  const whole = (lines: string[]) => cleanCell(lines.join(' '));
  const lines = groups[k].lines;
  const at = lines.findIndex((l) => l.includes(figure));
  if (at < 0) return null;
  const own = lines.findIndex((l, n) => n > at && digits(l));
  if (own > at) {
    const rest = lines.filter((_, n) => n !== own);
    return { text: whole(rest.map((l, n) => (n === at ? l.replace(figure, figure + lines[own].trim()) : l))), consumed: [] };
  }
  for (let n = k + 1; n < Math.min(groups.length, k + 3); n++) {
    const t = cleanCell(groups[n].lines.join(' '));
    if (groups[n].lines.length === 1 && digits(t)) {
      const used = Array.from({ length: n - k }, (_, d) => k + 1 + d);
      return { text: whole(lines.map((l, m) => (m === at ? l.replace(figure, figure + t) : l))), consumed: used };
    }
    if (!spec.trails(t)) break;
  }
  return null;
}

/** Groups back from a lone word's rest within which its head may stand (a row's cells). */
const LATE_TAIL_REACH = 8;

/**
 * A row's lowest lines printed after its other cells (raw pdftotext reads a row by baseline; the lines of its tallest
 * cells below the others' last come after them, past the row's trailing "Existing"): a group that is only the rest of
 * a word cut at a cell's edge ("n", whose head "Contributio" ends a group of the row above) shows it. The rest goes
 * back on its word, and the groups between the row's trailing cell and it, the other tall cells' last lines, are
 * dropped: a row's cells are kept, and they would otherwise open a row of their own.
 */
function withLateTails(groups: LineGroup[], vocabulary: WordVocabulary, spec: FigureRowSpec): LineGroup[] {
  const out = groups.map((g) => ({ ...g, lines: [...g.lines] }));
  const dropped = new Set<number>();
  for (let k = 1; k < out.length; k++) {
    if (out[k].lines.length !== 1 || !/^\p{Ll}+$/u.test(out[k].lines[0].trim())) continue;
    for (let j = k - 1; j >= Math.max(0, k - LATE_TAIL_REACH); j--) {
      const lines = out[j].lines;
      const joined = dropped.has(j) ? null : joinCutWord(lines[lines.length - 1], out[k].lines[0], vocabulary);
      if (joined === null) continue;
      const trail = out.findIndex((g, n) => n > j && n < k && spec.trails(cleanCell(g.lines.join(' '))));
      if (trail < 0) break;
      lines[lines.length - 1] = joined;
      for (let n = trail + 1; n <= k; n++) dropped.add(n);
      break;
    }
  }
  return out.filter((_, n) => !dropped.has(n));
}

/** Most groups a row may hold before its figure: more, and the table has ended. */
const MAX_ROW_GROUPS = 12;

/** A row of a figure-row table as read: its groups, and its figure where one ended it. */
interface FigureRowDraft {
  groups: LineGroup[];
  figure: { figure: string; rest: string } | null;
}

/**
 * Tables in pdftotext's reading order whose every row ends with one figure (a spending plan: scheme, description,
 * …, source of funding, expenditure): after the header's groups, each row is the groups up to the one holding its
 * figure; its first group is its label, the figure group's other words its last text cell (the source of funding
 * printed beside the amount). A grid of three columns: label, those words, the figure.
 *
 * Where a row's cells do not share baselines, pdftotext can print a row's amount before its name, or its name
 * after the next rows' amounts (failure class 7): a figure whose groups before it hold no free text (only the
 * fixed-list cells, spec.isChoice) has no name here, and a run of groups that ends without a figure (free text
 * after the row's fixed-list cells opens the next row; a lone "Existing" closes it) has no figure. The names
 * without a figure take the figures without a name in order (pairFigureRows), so neither is lost to, or taken
 * from, the rows between them.
 */
export function figureRowGrids(doc: DocumentModel, from: number, to: number, spec: FigureRowSpec): Grid[] {
  const grids: Grid[] = [];
  const text = (g: LineGroup) => cleanCell(g.lines.join(' '));
  const choice = (g: LineGroup) => spec.isChoice?.(text(g)) ?? false;
  for (const read of lineGroups(doc, from, to)) {
    const groups = withLateTails(read, vocabularyOf(doc), spec);
    for (let g = 0; g < groups.length; g++) {
      // The header may open on a later line of its group: the table's title and the first lines of taller header
      // cells printed first by baseline ("Spending Plan 2022/23" / "Brief" / "Area of" / "Scheme Name …").
      const lines = groups[g].lines;
      const opensAt = lines.findIndex((_, j) => spec.opensHeader(cleanCell(lines.slice(j).join(' '))));
      if (opensAt < 0) continue;
      let k = g + 1;
      while (k < groups.length && spec.inHeader(text(groups[k]))) k++;
      // Opened inside a group, the header must go on through header groups of its own (not an annex's "Scheme
      // ref no." / "1" / "Scheme name" label block).
      if (opensAt > 0 && k - g - 1 < 2) continue;
      const drafts: FigureRowDraft[] = [];
      let row: LineGroup[] = [];
      let end = k;
      const consumed = new Set<number>();
      // The row so far had free text and then a fixed-list cell: more free text is the next row's.
      const pastChoices = () => {
        const firstFree = row.findIndex((r) => !choice(r));
        return firstFree >= 0 && row.slice(firstFree + 1).some(choice);
      };
      for (; k < groups.length; k++) {
        if (consumed.has(k)) continue;
        const next = spec.opensNextPart ? groups[k].lines.findIndex((l, j) => j > 0 && spec.opensNextPart!(cleanCell(l))) : -1;
        if (next > 0) groups[k] = { lines: groups[k].lines.slice(0, next), block: groups[k].block };
        let t = text(groups[k]);
        // The rest of the header, printed after the first columns' rows (a page's cells read column group by
        // column group): header words, more than one, are no cell.
        if (t.split(/\s+/).length > 1 && spec.inHeader(t) && !spec.trails(t) && !choice(groups[k])) continue;
        if (spec.trails(t) && (row.length === 0 || spec.isChoice)) {
          // A lone trailing cell ("Existing") closes its row: groups before it whose figure came earlier have none.
          if (row.length > 0) drafts.push({ groups: row, figure: null });
          row = [];
          continue;
        }
        let found = spec.figureIn(t);
        if (!found && spec.isChoice && !choice(groups[k]) && pastChoices()) {
          drafts.push({ groups: row, figure: null });
          row = [];
        }
        row.push(groups[k]);
        const whole = found ? completeCutFigure(groups, k, found.figure, spec) : null;
        if (whole) {
          t = whole.text;
          for (const c of whole.consumed) consumed.add(c);
          found = spec.figureIn(t);
        }
        if (found) {
          drafts.push({ groups: row, figure: found });
          row = [];
          end = k + 1;
        } else if (row.length > MAX_ROW_GROUPS) break;
      }
      const rows: GridRow[] = [{ cells: [...spec.header], page: doc.blocks[groups[g].block].page, block: groups[g].block, header: true, pageBreakBefore: false }];
      for (const { name, figure } of pairFigureRows(drafts.filter((d) => d.figure || d.groups[0].block < groups[end - 1]?.block), choice)) {
        rows.push({ cells: [text(name), figure.rest, figure.figure], page: doc.blocks[name.block].page, block: name.block, header: false, pageBreakBefore: false });
      }
      if (rows.length > 2) grids.push({ rows, blockStart: groups[g].block, blockEnd: groups[end - 1].block + 1 });
      g = end - 1;
    }
  }
  return grids;
}

/**
 * The rows of a figure-row table: each row's name (its first group) with its figure. Rows keep their order
 * whichever of their cells came first, so the names without a figure take the figures without a name in order,
 * the first the first. A figure left without a name keeps the row's first group (as read without spec.isChoice);
 * a name left without a figure is dropped. Before pairing, the free-text cells that order misplaced are given
 * back to their rows (restoreFreeCells).
 */
function pairFigureRows(drafts: FigureRowDraft[], choice: (g: LineGroup) => boolean): Array<{ name: LineGroup; figure: { figure: string; rest: string } }> {
  const cells = restoreFreeCells(drafts, choice);
  const free = cells.map((c) => c.filter((g) => !choice(g)));
  // A row whose groups are all fixed-list cells has its name elsewhere ("DFG" alone can name a scheme whose
  // description follows it, so a first group of options names its row where free text is in the row too; but
  // where a name and description of their own follow it, the option is the cell of a row before).
  const nameOf = (i: number) => (free[i].length === 0 ? null : choice(cells[i][0]) && free[i].length % 2 === 1 ? cells[i][0] : free[i][0]);
  const nameless: number[] = [];
  const names: LineGroup[] = [];
  const own = new Map<number, LineGroup>();
  // The figures without a name in a run from draft `i` on.
  const namelessRun = (i: number) => {
    let n = i;
    while (n < drafts.length && drafts[n].figure && !nameOf(n)) n++;
    return n - i;
  };
  drafts.forEach((d, i) => {
    const name = nameOf(i);
    const waiting = names.length - nameless.length;
    if (!d.figure) {
      if (name) names.push(name);
    } else if (!name) nameless.push(i);
    else if (waiting > 0 && namelessRun(i + 1) >= waiting) {
      // Names waiting for their figures, then a named figure and enough figures without a name for them all: a
      // page read column group by column group (every row's name, then every row's options and amount), the last
      // name run into the first figure. Rows keep their order: this figure is the first waiting name's.
      names.push(name);
      nameless.push(i);
    }
    else if (free[i].length >= 4 && free[i].length % 2 === 0 && nameless.length > names.length) {
      // Two rows' names and descriptions before one figure while a figure waits for its name: the first pair is
      // that figure's row (its amount printed before its name), the second this figure's.
      names.push(free[i][0]);
      own.set(i, free[i][2]);
    }
  });
  const taken = new Map<number, LineGroup>(nameless.slice(0, names.length).map((n, j) => [n, names[j]]));
  return drafts.flatMap((d, i) => {
    if (!d.figure) return [];
    const name = own.get(i) ?? taken.get(i) ?? nameOf(i) ?? (d.groups.length > 1 ? d.groups[0] : null);
    return name ? [{ name, figure: d.figure }] : [];
  });
}

/**
 * A group holding a row's name and its description, their lines interleaved by baseline (cells centred on their row,
 * one a line longer than the other: its lines first, third, …, the other's between them). Read straight, the lines
 * double a word at a join, the two cells sharing their words ("… surge" / "discharge" / "discharge capacity" /
 * "capacity"): a single cell's wrapped lines rarely do. The name is the short title, at most half the description's
 * words; where neither is, the group is left whole. [name, description], or null.
 */
function interleavedNameAndDescription(group: LineGroup): [LineGroup, LineGroup] | null {
  const lines = group.lines.map((l) => l.trim());
  if (lines.length < 3 || lines.length % 2 === 0) return null;
  const word = (l: string, at: 'first' | 'last') => {
    const ws = l.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
    return (at === 'first' ? ws[0] : ws[ws.length - 1]) ?? '';
  };
  if (!lines.slice(1).some((l, k) => word(lines[k], 'last') !== '' && word(lines[k], 'last') === word(l, 'first'))) return null;
  const outer = lines.filter((_, k) => k % 2 === 0);
  const inner = lines.filter((_, k) => k % 2 === 1);
  const words = (ls: string[]) => ls.join(' ').split(/\s+/).length;
  const [name, description] = words(inner) <= words(outer) ? [inner, outer] : [outer, inner];
  if (2 * words(name) > words(description)) return null;
  return [
    { lines: name, block: group.block },
    { lines: description, block: group.block },
  ];
}

/**
 * Each draft's groups other than its figure's, with the free-text cells that reading order put in the wrong row
 * given back. A row of the expenditure sheet holds two free-text cells, its name then its description; the other
 * cells are options or its figure. A row's only free-text group may hold both, interleaved
 * (interleavedNameAndDescription). Two misplacements are read back here (failure class 7):
 * - a description printed after its row's figure: a figure row whose only free text was its name, then (figures
 *   without a name between) a row without a figure holding three or more free-text groups, more than one row's
 *   name and description: its first group is the earlier row's description;
 * - a description printed beside the option cells (lines of options interleaved with it: the description column is
 *   the one next to the options), opening a figure row right after a row that has a name but neither description
 *   nor figure: it is that row's description, and the figure is left waiting for its name.
 */
function restoreFreeCells(drafts: FigureRowDraft[], choice: (g: LineGroup) => boolean): LineGroup[][] {
  const cells = drafts.map((d) => {
    const own = d.figure ? d.groups.slice(0, -1) : [...d.groups];
    // A row's only free-text group holds its name and its description when their lines interleave.
    const free = own.filter((g) => !choice(g));
    const both = free.length === 1 ? interleavedNameAndDescription(free[0]) : null;
    return both ? own.flatMap((g) => (g === free[0] ? both : [g])) : own;
  });
  const freeCount = (i: number) => cells[i].filter((g) => !choice(g)).length;
  const besideOptions = (g: LineGroup) => g.lines.length >= 3 && g.lines.some((l) => choice({ lines: [l], block: g.block }));
  let lastWithText = -1;
  for (let i = 0; i < drafts.length; i++) {
    const prev = lastWithText;
    if (freeCount(i) > 0) lastWithText = i;
    if (prev < 0) continue;
    const firstFree = cells[i].findIndex((g) => !choice(g));
    if (!drafts[i].figure && freeCount(i) >= 3 && drafts[prev].figure && freeCount(prev) === 1) {
      cells[i].splice(firstFree, 1);
    } else if (drafts[i].figure && freeCount(i) === 1 && besideOptions(cells[i][firstFree]) && prev === i - 1 && !drafts[prev].figure && freeCount(prev) === 1) {
      cells[i].splice(firstFree, 1);
    }
  }
  return cells;
}

export interface PeriodicSpec {
  /** A header cell of a value column ("2021-22 Q1 Actual", "Baseline"). */
  isColumnHeader(cell: string): boolean;
  /** A value cell ("218.4", "97.3%"). */
  isValue(cell: string): boolean;
  /** A cell that can open a row (a metric's name): where rows are cut, when the values alone cannot tell. */
  opensRow(cell: string): boolean;
}

/**
 * Tables saved one cell per line with a blank line for each empty cell (LibreOffice "Text"): the lines are a
 * grid read row by row, k cells a row. Where two or more value-column headers stand on consecutive lines, k and
 * the row's first cell are the ones that put the most values under those headers in the rows below. Rows go on
 * while they hold values or further column headers (a second header row for the plan columns).
 */
export function periodicCellGrids(doc: DocumentModel, from: number, to: number, spec: PeriodicSpec): Grid[] {
  // The cells in order: each line, and an empty cell for each blank line before it.
  const cells: Array<{ text: string; block: number }> = [];
  for (let i = from; i < to; i++) {
    const b = doc.blocks[i];
    if (b.kind === 'table') {
      cells.push({ text: '\u0000', block: i }); // a real table ends any run
      continue;
    }
    const blanks = b.kind === 'paragraph' ? (b.blankLinesBefore ?? 0) : 0;
    for (let k = 0; k < blanks; k++) cells.push({ text: '', block: i });
    cells.push({ text: cleanCell(b.text), block: i });
  }
  const grids: Grid[] = [];
  let n = 0;
  while (n < cells.length) {
    // A run of value-column headers on consecutive lines.
    let end = n;
    while (end < cells.length && spec.isColumnHeader(cells[end].text)) end++;
    if (end - n < 2) {
      n = Math.max(n + 1, end);
      continue;
    }
    const best = bestPeriod(cells, n, end, spec);
    if (!best) {
      n = end;
      continue;
    }
    const { start, k } = best;
    const rows: GridRow[] = [];
    let at = start;
    let idle = 0;
    // The row that holds the column headers the rows below it are read under, and where it starts in the cells.
    let headerRow = -1;
    let headerAt = start;
    let misread = false;
    while (at + k <= cells.length) {
      const row = cells.slice(at, at + k);
      if (row.some((c) => c.text === '\u0000')) break;
      const useful = row.some((c) => spec.isValue(c.text) || spec.isColumnHeader(c.text));
      idle = useful ? 0 : idle + 1;
      if (idle >= 2) break;
      if (at === start || (!row.some((c) => spec.isValue(c.text)) && row.some((c) => spec.isColumnHeader(c.text)))) {
        headerRow = rows.length;
        headerAt = at;
      } else if (headerRow >= 0 && !underHeaders(rows[headerRow].cells, row.map((c) => c.text), spec)) {
        misread = true;
        break;
      }
      const first = row.find((c) => c.text !== '') ?? row[0];
      rows.push({ cells: row.map((c) => c.text), page: doc.blocks[first.block].page, block: first.block, header: at === start, pageBreakBefore: false });
      at += k;
    }
    // A row whose values are not under the headers: the cells are not a grid of k a row from that header on (a
    // table printed row by row with its empty cells dropped, pdftotext's reading order): what was read under it is
    // dropped, and a later header is looked at again.
    if (misread) {
      rows.splice(headerRow);
      at = headerRow > 0 ? headerAt : at;
    }
    while (rows.length > 0 && !rows[rows.length - 1].cells.some((c) => spec.isValue(c))) rows.pop();
    if (rows.length >= 2) grids.push({ rows, blockStart: cells[start].block, blockEnd: cells[Math.min(at, cells.length) - 1].block + 1 });
    n = misread && headerRow > 0 ? at : Math.max(at, end);
  }
  return grids;
}

/**
 * A row of a grid read k cells a row holds its values under the column headers of the header row above it, each
 * header's cell a value or empty ("Indicator value" under "2021-22 Actual" is a misread row).
 */
function underHeaders(header: string[], row: string[], spec: PeriodicSpec): boolean {
  if (!row.some((c) => spec.isValue(c))) return true;
  return row.every((c, j) => (spec.isColumnHeader(header[j] ?? '') ? c === '' || spec.isValue(c) : !spec.isValue(c)));
}

/** The row width and first cell that put the most values under the header run [a, b) in the next rows. */
function bestPeriod(cells: Array<{ text: string }>, a: number, b: number, spec: PeriodicSpec): { start: number; k: number } | null {
  let best: { start: number; k: number; hits: number; opens: number } | null = null;
  for (let start = Math.max(0, a - 3); start <= a; start++) {
    for (let k = b - start; k <= b - start + 4; k++) {
      let hits = 0;
      let opens = 0;
      for (let r = 0; r <= 3; r++) {
        if (r > 0) for (let j = a; j < b; j++) if (spec.isValue(cells[j + r * k]?.text ?? '')) hits++;
        if (spec.opensRow(cells[start + r * k]?.text ?? '')) opens++;
      }
      // The values decide the width; where rows are cut (which cell opens a row) decides the start.
      const better = !best || hits > best.hits || (hits === best.hits && (opens > best.opens || (opens === best.opens && start > best.start)));
      if (hits >= b - a && better) best = { start, k, hits, opens };
    }
  }
  return best;
}

/** What the lines of a period table flattened with its empty cells dropped are. */
export interface TypedLineSpec extends PeriodicSpec {
  /** A label that only says which row this is ("Indicator value", "Numerator"). */
  isRowType(cell: string): boolean;
}

/**
 * The column headers of one line: in reading order two header cells on one baseline come on one line
 * ("2021-22 estimated 2022-23 Plan"), cut before each period where every piece is a header of its own.
 */
function headerCells(line: string, spec: PeriodicSpec): string[] {
  const pieces = line.split(/\s+(?=20\d\d\s*[-/–]\s*\d\d\b)/);
  return pieces.length >= 2 && pieces.every((p) => spec.isColumnHeader(p)) ? pieces : [line];
}

/**
 * Period tables (metrics) whose cells arrived one per line with empty cells dropped (mammoth's markdown,
 * screen-reader text): a line naming a metric opens a row, value-column headers make a header row, a row label ("Indicator
 * value", "Numerator") opens a data row and the values that follow fill the header's columns in order; the text
 * after them (rationale, local plan) closes the row. Lines outside every grid already read.
 */
export function typedLineGrids(doc: DocumentModel, from: number, to: number, read: Grid[], spec: TypedLineSpec): Grid[] {
  interface Draft {
    header: boolean;
    label: string;
    rowType: string;
    cells: string[];
    texts: string[];
    block: number;
  }
  const grids: Grid[] = [];
  let rows: Draft[] = [];
  let cur: Draft | null = null;
  let width = 0;
  const flush = () => {
    if (cur) rows.push(cur);
    cur = null;
  };
  const close = (end: number) => {
    flush();
    const headers = rows.filter((r) => r.header && r.cells.length >= 2);
    // A table: a header of two or more value columns and a row filling two or more of them.
    if (headers.length > 0 && rows.some((r) => !r.header && r.cells.length >= 2)) {
      const gridRows: GridRow[] = rows.map((r) => ({
        cells: [r.label, r.rowType, ...r.cells, ...new Array(Math.max(0, width - r.cells.length)).fill(''), ...r.texts],
        page: doc.blocks[r.block].page,
        block: r.block,
        header: r.header,
        pageBreakBefore: false,
      }));
      grids.push({ rows: gridRows, blockStart: rows[0].block, blockEnd: end });
    }
    rows = [];
    width = 0;
  };
  const inRead = (i: number) => read.some((g) => i >= g.blockStart && i < g.blockEnd);
  for (let i = from; i < to; i++) {
    const b = doc.blocks[i];
    if (b.kind === 'table' || b.kind === 'heading' || inRead(i)) {
      close(i);
      continue;
    }
    const c = cleanCell(b.text);
    const d: Draft | null = cur;
    if (spec.isColumnHeader(c)) {
      if (!d || !d.header) {
        // A row holding only a metric's name is the header's label.
        const label: string = d && !d.header && !d.rowType && d.cells.length === 0 ? d.label : '';
        if (label) cur = null;
        flush();
        cur = { header: true, label, rowType: '', cells: [], texts: [], block: i };
      }
      cur!.cells.push(...headerCells(c, spec));
      width = Math.max(width, cur!.cells.length);
    } else if (spec.isRowType(c)) {
      const label: string = d && !d.header && !d.rowType && d.cells.length === 0 ? d.label : '';
      if (label) cur = null;
      flush();
      cur = { header: false, label, rowType: c, cells: [], texts: [], block: i };
    } else if (spec.isValue(c) && d && !d.header && d.texts.length === 0) {
      d.cells.push(c);
    } else if (spec.opensRow(c) && c.length <= 300) {
      flush();
      cur = { header: false, label: c, rowType: '', cells: [], texts: [], block: i };
    } else if (d && (d.header || d.cells.length > 0) && d.texts.length < 2) {
      d.texts.push(c); // the header's text columns, or a row's rationale and plan
    } else {
      close(i);
    }
  }
  close(to);
  return grids;
}
