// A table given in pdftotext's reading order (no -layout), each cell a group of lines, rebuilt as a grid by the
// columns of its header (the risk logs read raw).
import type { DocumentModel } from '../model/document.js';
import { type Grid, type GridRow } from './grids.js';
import { cleanCell, normaliseName } from '../text/clean.js';
import type { CellStreamSpec } from './cellStream.js';
import { lineGroups, splitRunOnCells, type LineGroup } from './lineGroups.js';

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
function interleavedCells(lines: string[], strict = true): [string[], string[]] | null {
  const n = lines.length;
  if (n < 4) return null;
  const opensAfresh = (l: string, before: string) => /^\p{Lu}/u.test(l.trim()) && !/[.;:!?]$/.test(before.trim()) && (!strict || !OPEN_ENDED.test(before.trim()));
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

/**
 * A group spanning its row (interleavedCells) into whose end the next row's risk ran, no blank line between (raw
 * pdftotext of a retypeset or rule-less log: "… vacancies and fees" / "Delays to the new wing" / "leave the beds empty"):
 * the group's last lines open afresh with a capital after a line that ends where a cell can end, and read as the
 * first text column's (`runsIn`, the spec's wording). Cut off as a cell of its own, the shortest such tail first, where
 * the lines before it read as two interleaved cells. With the tail found, a cell's line ending on a word its sentence
 * goes on from ("… with the sector to") may stand beside the other cell's first line: the two cells and the run-in
 * tail are evidence enough that the group holds more than one cell.
 */
function interleavedWithRunIn(lines: string[], runsIn: (tail: string[]) => boolean): string[][] | null {
  for (let t = 2; t <= lines.length - 4; t++) {
    const at = lines.length - t;
    const before = lines[at - 1].trim();
    if (!/^\p{Lu}\p{Ll}/u.test(lines[at].trim()) || OPEN_ENDED.test(before) || !runsIn(lines.slice(at))) continue;
    const pair = interleavedCells(lines.slice(0, at), false);
    if (pair) return [...pair, lines.slice(at)];
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
 * A header group holding two header cells printed side by side, one of them wrapped: raw pdftotext joins the words
 * of a baseline into one line, so the narrow cell's lines ("Risk" / "ratin" / "g", a cell cut at its edge) take the
 * neighbour's one-line cell on the line they share ("ratin Mitigating Actions"). The line's tail opening with a
 * capital names one role, the group's other words another: two cells, the rest first (it is to the left of the tail).
 * Null where no such split is found. Only a fallback: a header read whole is not split.
 */
function sideBySideHeaderCells<Role extends string>(lines: string[], spec: CellStreamSpec<Role>): [string, string] | null {
  if (lines.length < 2) return null;
  for (const [n, line] of lines.entries()) {
    const words = line.trim().split(/\s+/);
    for (let w = 1; w < words.length; w++) {
      if (!/^\p{Lu}/u.test(words[w])) continue;
      const tail = cleanCell(words.slice(w).join(' '));
      const rest = cleanCell([...lines.slice(0, n), words.slice(0, w).join(' '), ...lines.slice(n + 1)].join(' '));
      const tailRole = spec.roleOf(tail);
      const restRole = spec.roleOf(rest);
      if (tailRole && restRole && tailRole !== restRole) return [rest, tail];
    }
  }
  return null;
}

/**
 * The header from group `g`: consecutive groups each naming a different role, at least 3 and the roles `spec`
 * requires. `split`: a group may hold two side-by-side header cells (sideBySideHeaderCells). `groups`: how many
 * groups the header takes.
 */
function headerGroups<Role extends string>(groups: LineGroup[], g: number, spec: CellStreamSpec<Role>, split: boolean): { roles: Role[]; cells: string[]; groups: number } | null {
  const roles: Role[] = [];
  const cells: string[] = [];
  let h = g;
  for (; h < groups.length; h++) {
    // The first header cell may close the group of the text above it ("… a key feature." / "Risk").
    const words = cleanCell(h === g ? groups[h].lines[groups[h].lines.length - 1] : groups[h].lines.join(' '));
    const pair = split && h > g ? sideBySideHeaderCells(groups[h].lines, spec) : null;
    const texts = pair ?? [words];
    const named = texts.map((t) => spec.roleOf(t));
    if (named.some((r) => !r || roles.includes(r))) break;
    roles.push(...(named as Role[]));
    cells.push(...texts);
  }
  if (roles.length < 3 || !spec.required(roles)) return null;
  return { roles, cells, groups: h - g };
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
      // The header: consecutive groups each naming a different role; read again with a group holding two header
      // cells side by side split in two where that alone makes the header (sideBySideHeaderCells).
      const header = headerGroups(groups, g, spec, false) ?? headerGroups(groups, g, spec, true);
      if (!header) continue;
      const { roles, cells: headerCells } = header;
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
      let bodyStart = g + header.groups;
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
      // `rest`: a group opening in lower case, going on from the row above where no row is under way.
      const cells: Array<{ text: string; role: Role | null; block: number; opening?: { role: Role; text: string; rest: string }; goesOn?: boolean; trailing?: Trailing<Role>; group?: boolean; rest?: boolean }> = [];
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
        const runsIn = spec.readsAs ? (tail: string[]) => spec.readsAs!(cleanCell(tail.join(' '))) === text[0] : null;
        const streams = shortInside ? (interleavedCells(own) ?? (runsIn ? interleavedWithRunIn(own, runsIn) : null)) : null;
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
        // A whole group opening in lower case, no short cell inside it: the rest of a cell above (a risk's rest
        // printed after its row's actions), taken as such where it comes between rows, after a row with every cell.
        // Only a group that is one cell's end: none of its lines opens afresh ("… follow the patient" / "Delays to
        // …" heads the next risk, and stays one).
        const opensAfresh = own.some((l, n) => n > 0 && /^\p{Lu}/u.test(l.trim()) && !/[.;:!?]$/.test(own[n - 1].trim()));
        const rest = own.length === lines.length && /^\p{Ll}/u.test(joined) && !fitsRestricted(joined) && !opensAfresh;
        if (joined) cells.push({ text: joined, role: lines.length === 1 ? fitsRestricted(joined) : null, block, opening, trailing: trailing ?? undefined, group: lines.length === 1, rest });
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
      // The column of the short cell the row under way opened with, else -1.
      let opener = -1;
      // Short cells glued to the end of a text line of the row's cells, with the text column each sits in.
      let trailings: Array<{ at: number; trailing: Trailing<Role> }> = [];
      const close = () => {
        if (row && filled > 0) {
          const r: string[] = row;
          // A row whose short cell came out before its text (printed at the row's top) may give its text cells out of
          // column order too (the actions before the risk, raw text of a retypeset or rule-less log): where the
          // first text column's cell reads as the last's and the last's as the first's, they trade places.
          const [first, last] = [roles.indexOf(text[0]), roles.indexOf(text[text.length - 1])];
          if (opener !== -1 && spec.readsAs && r[first] !== '' && r[last] !== '' && spec.readsAs(r[first]) === text[text.length - 1] && spec.readsAs(r[last]) === text[0]) {
            [r[first], r[last]] = [r[last], r[first]];
          }
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
      // The row above has every cell: a rest after it is its own, not the head of a row whose cells are scattered.
      // Not in a log with a text column opening with a scale (the 2014 revised log's rated impact): there the order
      // scatters that column's cells among the rows too, and a rest between rows is as often one of theirs.
      const completeAbove = () => {
        const above = rows[rows.length - 1];
        return !text.some((t) => spec.opensWithScale?.(t)) && !!above && !above.header && above.cells.every((x) => x !== '');
      };
      for (const cell of cells) {
        let c = cell;
        // A piece going on from a cell above: the last text of the row under way, else the row above's first text
        // cell left mid-sentence.
        if (c.goesOn || (c.rest && !row && completeAbove())) {
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
          opener = c.role ? roles.indexOf(c.role) : -1;
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
          // A short cell printed below its row's text (centred in a tall row) comes out after the row's last text
          // cell and opens the next row, which brings its own before its text cells are all there: the first is
          // the row above's, where that row has none. Only where the row has one short cell (a rating): with several
          // (a likelihood and a score) read column by column, a second may open the next row.
          const above = rows[rows.length - 1];
          if (r[at] !== '' && restricted.length === 1 && opener === at && filled > 0 && nextText && above && !above.header && above.cells[at] === '') {
            above.cells[at] = r[at];
            r[at] = c.text;
            filledFrom[at] = c.block;
            opener = -1;
            continue;
          }
          if (r[at] !== '') {
            close();
            row = roles.map(() => '');
            rowBlock = c.block;
            opener = at;
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
          opener = -1;
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
