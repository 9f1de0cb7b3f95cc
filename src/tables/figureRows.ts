// A table whose rows each hold one figure (a spending plan: name, description, choices, the amount), given in
// pdftotext's reading order: rows are found by their figures and their other cells paired to them.
import type { DocumentModel } from '../model/document.js';
import { type Grid, type GridRow } from './grids.js';
import { cleanCell } from '../text/clean.js';
import { joinCutWord, joinInterleavedCutWords, type WordVocabulary } from '../text/vocabulary.js';
import { lineGroups, vocabularyOf, type LineGroup } from './lineGroups.js';
import { readsAsSentence, titleLinesOf } from './sentenceCells.js';

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
  /** A line that ends a fixed-list cell of more than one line and is no such cell alone ("Contribution" of "Minimum
   *  NHS Contribution"). */
  closesChoice?(line: string): boolean;
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

/**
 * A group's lines with a cut figure's missing digits put back where they were printed at the end of a later line of
 * the group, after the words of the cells to its left that share their baseline ("£4,518,2 Existin" / "Sector
 * Contributi 74": the amount column wrapped, the source of funding's second line beside its rest). The digits' own
 * line, or the next group, is completeCutFigure's.
 */
function withTrailingFigureDigits(lines: string[]): string[] {
  const at = lines.findIndex((l) => /£\s?\d[\d,]*,\d{1,2}(?!\d)/.test(l));
  if (at < 0) return lines;
  const figure = /£\s?\d[\d,]*,(\d{1,2})(?!\d)/.exec(lines[at])!;
  const missing = 3 - figure[1].length;
  const own = new RegExp(`^\\d{${missing}}$`);
  const trailing = new RegExp(`\\s(\\d{${missing}})$`);
  for (let n = at + 1; n < lines.length; n++) {
    if (own.test(lines[n].trim()) || /£/.test(lines[n])) return lines;
    const digits = trailing.exec(lines[n].trimEnd());
    if (!digits || !/\p{L}/u.test(lines[n])) continue;
    return lines.map((l, m) => (m === at ? l.replace(figure[0], figure[0] + digits[1]) : m === n ? l.trimEnd().slice(0, -digits[1].length).trimEnd() : l));
  }
  return lines;
}

/**
 * A group that is only the rest of a fixed-list or trailing cell's word cut at the cell's edge, its head ending the
 * group before ("£3,617,508 Existin" / "g": the amount's second line printed apart): the rest goes back on its word.
 */
function withKnownTails(groups: LineGroup[], known: (word: string) => boolean): LineGroup[] {
  const out: LineGroup[] = [];
  for (const g of groups) {
    const prev = out[out.length - 1];
    const tail = g.lines.length === 1 ? /^\p{Ll}+$/u.exec(g.lines[0].trim())?.[0] : undefined;
    const last = prev?.lines[prev.lines.length - 1];
    const head = last ? /(?:^|\s)(\p{L}+)$/u.exec(last.trimEnd())?.[1] : undefined;
    if (tail && head && known(head + tail)) {
      out[out.length - 1] = { ...prev, lines: [...prev.lines.slice(0, -1), last!.trimEnd() + tail] };
      continue;
    }
    out.push(g);
  }
  return out;
}

/** Groups back from a lone word's rest within which its head may stand (a row's cells). */
const LATE_TAIL_REACH = 8;

/**
 * A row's lowest lines printed after its other cells (raw pdftotext reads a row by baseline; the lines of its tallest
 * cells below the others' last come after them, past the row's trailing "Existing"): a group that is only the rest of
 * a word cut at a cell's edge ("n", whose head "Contributio" ends a group of the row above) shows it. The rest goes
 * back on its word, and the groups between the row's trailing cell and it, the other tall cells' last lines, are
 * dropped: a row's cells are kept, and they would otherwise open a row of their own. So is a lone last line of an
 * option cell (spec.closesChoice) just after the trailing cell, and the lines between.
 */
function withLateTails(groups: LineGroup[], vocabulary: WordVocabulary, spec: FigureRowSpec): LineGroup[] {
  const out = groups.map((g) => ({ ...g, lines: [...g.lines] }));
  const dropped = new Set<number>();
  for (let k = 1; k < out.length; k++) {
    // The last line of a fixed-list cell, which no cell is alone ("Contribution"), just after a trailing cell: the
    // groups from that cell on are the row's lowest lines.
    if (out[k].lines.length === 1 && spec.closesChoice?.(out[k].lines[0].trim())) {
      const trail = [k - 1, k - 2].find((n) => n > 0 && !dropped.has(n) && spec.trails(cleanCell(out[n].lines.join(' '))));
      if (trail !== undefined) for (let n = trail + 1; n <= k; n++) dropped.add(n);
      continue;
    }
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

/** Most groups back from the header's name cell that rows printed before it may hold. */
const EARLY_ROWS_REACH = 48;
/** Longest line of a table cell read before the header: a longer one is the plan's prose before the table. */
const CELL_LINE_CHARS = 60;

/**
 * Where a page's first rows were printed before the header's name cell ("Scheme Name"): the header cells that share
 * the top baseline (the taller ones: "Commissioner", "Source of Funding", "New/ Existing Scheme") come first, then
 * the first rows' cells, shorter than the header's tallest cell, then the rest of the header (a retypeset table, its
 * header wrapping onto more lines than its first rows). The group after the earlier header cells when figures stand
 * between them and the name cell, in table cells only; -1 otherwise.
 */
function rowsBeforeHeader(groups: LineGroup[], opens: number, spec: FigureRowSpec): number {
  let figures = 0;
  for (let b = opens - 1; b >= Math.max(0, opens - EARLY_ROWS_REACH); b--) {
    const t = cleanCell(groups[b].lines.join(' '));
    if (groups[b].lines.some((l) => l.trim().length > CELL_LINE_CHARS)) return -1;
    if (t.split(/\s+/).length > 1 && spec.inHeader(t) && !spec.trails(t) && !(spec.isChoice?.(t) ?? false)) return figures > 0 ? b + 1 : -1;
    if (spec.figureIn(t)) figures++;
  }
  return -1;
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
    const vocabulary = vocabularyOf(doc);
    // The words of the fixed-list and trailing cells, which a narrow column cuts the same way on every row.
    const knownWord = (w: string) => /^\p{L}{4,}$/u.test(w) && (spec.trails(w) || (spec.isChoice?.(w) ?? false));
    const tidied = read.map((g) => ({ ...g, lines: joinInterleavedCutWords(withTrailingFigureDigits(g.lines), vocabulary, knownWord) }));
    const groups = withLateTails(withKnownTails(tidied, knownWord), vocabulary, spec);
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
      const headerEnd = k;
      const drafts: FigureRowDraft[] = [];
      let row: LineGroup[] = [];
      let end = k;
      const consumed = new Set<number>();
      // Rows printed before the header's name cell: their cells' lines, by baseline, come first (below).
      const early = rowsBeforeHeader(groups, g, spec);
      if (early >= 0) k = early;
      // The row so far had free text and then a fixed-list cell: more free text is the next row's.
      const pastChoices = () => {
        const firstFree = row.findIndex((r) => !choice(r));
        return firstFree >= 0 && row.slice(firstFree + 1).some(choice);
      };
      for (; k < groups.length; k++) {
        if (consumed.has(k) || (k >= g && k < headerEnd)) continue;
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
      // The grid starts at its first row where rows were printed before the header.
      const blockStart = early >= 0 ? Math.min(groups[g].block, groups[early].block) : groups[g].block;
      if (rows.length > 2) grids.push({ rows, blockStart, blockEnd: groups[end - 1].block + 1 });
      g = end - 1;
    }
  }
  return grids;
}

/**
 * The rows of a figure-row table: each row's name (its first group) with its figure. Rows keep their order
 * whichever of their cells came first, so the names without a figure take the figures without a name in order,
 * the first the first, where their counts agree (below). A figure left without a name keeps the row's first group
 * unless it is a fixed-list cell (as read without spec.isChoice) or reads as a sentence (sentenceCells.ts); a name
 * left without a figure is dropped. Before pairing, the free-text cells that order misplaced are given
 * back to their rows (restoreFreeCells).
 */
function pairFigureRows(drafts: FigureRowDraft[], choice: (g: LineGroup) => boolean): Array<{ name: LineGroup; figure: { figure: string; rest: string } }> {
  const optionWord = (w: string) => choice({ lines: [w], block: 0 });
  const cells = restoreFreeCells(drafts, choice, optionWord);
  const free = cells.map((c) => c.filter((g) => !choice(g)));
  // A row whose groups are all fixed-list cells has its name elsewhere ("DFG" alone can name a scheme whose
  // description follows it, so a first group of options names its row where free text is in the row too; but
  // where a name and description of their own follow it, the option is the cell of a row before).
  const nameOf = (i: number) => (free[i].length === 0 ? null : choice(cells[i][0]) && free[i].length % 2 === 1 ? cells[i][0] : free[i][0]);
  // Where a row's name is inferred from the shape of its cells, not read in its place, a cell that reads as a
  // sentence is a Brief Description that order put there (rows whose free text is not name, description, name,
  // description): the figure's name is then unproven.
  const nameLike = (g: LineGroup | null) => (g && !readsAsSentence(g.lines, optionWord) ? g : null);
  const unproven = new Set<number>();
  // A row's figure printed beside its description, its name after them with no figure (a row read by baseline, the
  // name cell a line lower): a first group that reads as a sentence, then a row of a name alone, leaves the figure
  // without a name, waiting for that one.
  const besideDescription = (i: number) =>
    drafts[i].figure !== null && i + 1 < drafts.length && !drafts[i + 1].figure && nameOf(i) !== null && !nameLike(nameOf(i)) && nameLike(nameOf(i + 1)) !== null;
  // A row without a figure whose free text is two or more rows' names and descriptions in turn (a title, then a
  // sentence, …): a page's name and description columns read after those rows' amounts. Its names, in order.
  const pairedNames = (i: number): LineGroup[] | null => {
    const f = free[i];
    if (f.length < 4 || f.length % 2 === 1) return null;
    const inTurn = f.every((g, k) => (k % 2 === 0 ? nameLike(g) !== null : readsAsSentence(g.lines, optionWord)));
    return inTurn ? f.filter((_, k) => k % 2 === 0) : null;
  };
  const nameless: number[] = [];
  const names: LineGroup[] = [];
  // The draft each waiting name was read in, whether it was read among name and description pairs, and the last
  // row read whole (its name and its figure).
  const nameAt: number[] = [];
  let pairedColumn = false;
  let lastWhole = -1;
  const own = new Map<number, LineGroup>();
  const taken = new Map<number, LineGroup>();
  // The figures without a name in a run from draft `i` on.
  const namelessRun = (i: number) => {
    let n = i;
    while (n < drafts.length && drafts[n].figure && (!nameOf(n) || besideDescription(n))) n++;
    return n - i;
  };
  // Names without a figure and figures without a name pair up, in order, only where their counts agree one to one:
  // then order proves each pair. Otherwise nothing does (a description or a cut cell's rest printed apart, a page's
  // cells read column by column with a name wrapped into its neighbours), and both are left out rather than each
  // figure given a neighbour's name. A whole row (its own name and figure) ends the run once no figure is left
  // waiting: a name waits for its figure no further, but a figure may wait past whole rows for a name printed after
  // them (a page's lowest row, its name's lines read last).
  const settle = () => {
    if (names.length === nameless.length) nameless.forEach((n, j) => taken.set(n, names[j]));
    names.length = 0;
    nameless.length = 0;
    nameAt.length = 0;
    pairedColumn = false;
  };
  // Figures since the last whole row waiting for names read after them all, among name and description pairs, one
  // name short (columnNamesShort).
  const columnNamesShort = () => {
    const recent = nameless.filter((n) => n > lastWhole);
    const after = recent.length > 0 && nameAt.every((a) => a > recent[recent.length - 1]);
    return pairedColumn && after && names.length >= 2 && names.length + 1 === recent.length ? recent : null;
  };
  drafts.forEach((d, i) => {
    const name = besideDescription(i) ? null : nameOf(i);
    const waiting = names.length - nameless.length;
    const recent = d.figure && name && nameLike(name) ? columnNamesShort() : null;
    if (!d.figure) {
      const paired = pairedNames(i);
      if (paired) pairedColumn = true;
      for (const n of paired ?? (name ? [name] : [])) {
        names.push(n);
        nameAt.push(i);
      }
    } else if (!name) nameless.push(i);
    else if (recent) {
      // A page read column by column: the rows' options and amounts, then their names and descriptions, the last
      // of those rows' names run into the next row's cells. Rows keep their order: the waiting figures take the
      // names in turn, the last one this row's name; this row's own name is then unread, and its figure unnamed.
      // Figures that waited from before the last whole row are left without a name: the names read after the
      // column were theirs no more than the rows' between.
      recent.forEach((n, j) => taken.set(n, j < names.length ? names[j] : name));
      unproven.add(i);
      names.length = 0;
      settle();
      lastWhole = i;
    } else if (waiting > 0 && namelessRun(i + 1) >= waiting) {
      // Names waiting for their figures, then a named figure and enough figures without a name for them all: a
      // page read column group by column group (every row's name, then every row's options and amount), the last
      // name run into the first figure. Rows keep their order: this figure is the first waiting name's.
      names.push(name);
      nameAt.push(i);
      nameless.push(i);
    }
    else if (free[i].length >= 4 && free[i].length % 2 === 0) {
      // Two rows' names and descriptions before one figure: the second pair is this figure's row (beside it), the
      // first a row whose figure was printed apart, before (a figure waiting for its name) or after. Where either
      // name reads as a sentence the groups are not two such pairs, and nothing proves the figure's name.
      if (!nameLike(free[i][0]) || !nameLike(free[i][2])) unproven.add(i);
      else {
        names.push(free[i][0]);
        nameAt.push(i);
        own.set(i, free[i][2]);
      }
    } else if (names.length >= nameless.length) settle();
    if (d.figure && name && !nameless.includes(i)) lastWhole = i;
  });
  settle();
  return drafts.flatMap((d, i) => {
    if (!d.figure || unproven.has(i)) return [];
    // A figure left without a name keeps its row's first group only where that group may be a name: a fixed-list
    // cell ("LA", "Community Health") names no scheme, and a row whose name nothing proves is left without one.
    const first = d.groups.length > 1 && !choice(d.groups[0]) ? nameLike(d.groups[0]) : null;
    const name = own.get(i) ?? taken.get(i) ?? (besideDescription(i) ? null : nameOf(i) ?? first);
    // A name group that opens with its description's lines: the name is the title words among them.
    return name ? [{ name: { ...name, lines: titleLinesOf(name.lines, (l) => choice({ lines: [l], block: name.block })) }, figure: d.figure }] : [];
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
 *   name and description: its first group is the earlier row's description, unless it reads as a title and the
 *   next as a sentence (a name and its own description);
 * - a description printed beside the option cells (lines of options interleaved with it: the description column is
 *   the one next to the options), opening a figure row right after a row that has a name but neither description
 *   nor figure: it is that row's description, and the figure is left waiting for its name.
 */
function restoreFreeCells(drafts: FigureRowDraft[], choice: (g: LineGroup) => boolean, optionWord: (word: string) => boolean): LineGroup[][] {
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
    // A title then a sentence opening the row are a name and its own description, not an earlier row's.
    const [first, second] = cells[i].filter((g) => !choice(g));
    const opensWithName = second !== undefined && !readsAsSentence(first.lines, optionWord) && readsAsSentence(second.lines, optionWord);
    if (!drafts[i].figure && freeCount(i) >= 3 && drafts[prev].figure && freeCount(prev) === 1 && !opensWithName) {
      cells[i].splice(firstFree, 1);
    } else if (drafts[i].figure && freeCount(i) === 1 && besideOptions(cells[i][firstFree]) && prev === i - 1 && !drafts[prev].figure && freeCount(prev) === 1) {
      cells[i].splice(firstFree, 1);
    }
  }
  return cells;
}

