// The 2014 revised risk log ("There is a risk that: | How likely … 1-5 | Potential impact … 1-5 | Overall risk factor |
// Mitigating Actions") read by what its cells hold, for reading orders that scatter a row's cells among other rows
// (Chromium's PDFs read raw, failure class 7 of ../shared/spec/tables.md: header cells among the rows, one row's risk
// before the row above's; a log printed without rules read raw, which comes out column by column a few rows at a
// time, the first risks right after the header's first cell, before its other cells). Order cannot place such cells;
// content can:
// - a likelihood is a lone 1-5 (or one glued to the end of a line that goes on in lower case);
// - an impact cell opens with its 1-5 score and then its text ("4 Fewer providers bid …");
// - the overall factor is a figure, often with its rating word ("12" / "Medium", "20 High"), and is the product
//   likelihood × impact: the product check ties three scattered figures to one row;
// - a risk is a clause ("There is a risk that" completes it: "Partners do not agree …", "Demand will rise …") or a
//   topic and its description ("Shared Records: local access for care staff …"); actions are not ("Monthly review …",
//   "To agree …"); nor are the pieces of a row a page break cut, printed under the header again.
// Risks and product-tied rows are paired in reading order, except that a risk whose lines hold a row's likelihood (on
// the baseline of one of them) is that row's. Used only where the order-based reading leaves most rows unscored
// (index.ts).
import type { DocumentModel, Finding } from '../../model/document.js';
import type { Risk } from '../../record/schema.js';
import { lineGroups, splitRunOnCells, type LineGroup } from '../../tables/lineGroups.js';
import type { Grid } from '../../tables/grids.js';
import { cleanCellText } from '../../text/clean.js';
import { parseRating, RISK_CELLS } from './columns.js';
import { CAPITALISED_RATING_SOURCE, RATING_SOURCE, wholeRatingOf } from '../../text/ratingWords.js';

/** A score and its rating word opening a line ("20 High Board …") or ending one ("… additional 20 High"). */
const SCORE_OPENING = new RegExp(`^(\\d{1,2})\\s+(${RATING_SOURCE})\\b\\s*(.*)$`, 'i');
const SCORE_ENDING = new RegExp(`^(.*\\S)\\s+(\\d{1,2})\\s+(${RATING_SOURCE})$`, 'i');
const RATING_ALONE = new RegExp(`^(${RATING_SOURCE})$`, 'i');
/** A rating word printed into a neighbour's line, capitalised as a cell opens ("Medium associated …", "… This Medium"). */
const RATING_OPENING = new RegExp(`^(${CAPITALISED_RATING_SOURCE})\\s+(\\p{Ll}.*)$`, 'u');
const RATING_ENDING = new RegExp(`^(.*\\S)\\s+(${CAPITALISED_RATING_SOURCE})$`, 'u');
/** An impact cell's first line: its score, then its text. */
const IMPACT_OPENING = /^([1-5])\s+(\p{Lu}.*)$/u;
/** A likelihood glued to the end of a risk's line ("… of qualified and skilled 4" / "preventive staff"). */
const SCALE_ENDING = /^(.*\p{L}\S*)\s+([1-5])$/u;

/** A score printed on the baseline of a neighbour's line, without its rating word ("… beds close 15", the rating
 *  "Medium" on a line below): a figure that is a product of two 1-5 scales and no scale itself. */
const SCORE_GLUED = /^(.*\p{L}\S*)\s+(\d{1,2})$/u;
const SCALE_PRODUCTS = new Set([6, 8, 9, 10, 12, 15, 16, 20, 25]);
function gluedScore(line: string): { value: number; rest: string } | null {
  const m = SCORE_GLUED.exec(line);
  return m && SCALE_PRODUCTS.has(Number(m[2])) ? { value: Number(m[2]), rest: m[1] } : null;
}

/**
 * A rating word cut at its cell's edge and printed at the end of a neighbour's line ("… rents would Mediu"), its
 * rest ("m") a line of its own just below: the rating, the line's text, and where the rest is. Only with the rest
 * found, which no line of prose ends on.
 */
function cutRatingEnding(lines: string[], n: number): { whole: string; text: string; restAt: number } | null {
  const m = /^(.*\S)\s+(\p{Lu}\p{Ll}{2,})$/u.exec(lines[n]);
  const whole = m ? wholeRatingOf(m[2]) : undefined;
  if (!m || !whole) return null;
  const rest = whole.slice(m[2].length);
  const restAt = lines.findIndex((l, k) => k > n && k <= n + 3 && l === rest);
  return restAt < 0 ? null : { whole, text: m[1], restAt };
}

/** A finite verb or a negation in a risk's first sentence: the clause "There is a risk that" completes. */
const CLAUSE = /\b(not|no|fails?|failure|unable|insufficient|lack\w*|cannot|will|may|might|could|does|do|did|is|are|was|were|has|have|affects?|impacts? on|means)\b/i;
/** Actions open with an adverb of frequency, a gerund or an infinitive ("Monthly review", "Ongoing work", "To agree"). */
const ACTION_OPENING = /^(to|\p{L}+ly|\p{L}+ing)$/iu;

interface Scale {
  value: number;
  pos: number;
  rating: Risk['rating'];
  used?: boolean;
}

interface TextCell {
  text: string;
  pos: number;
  block: number;
  /** The score an impact cell opens with; null for other cells. */
  impact: number | null;
  /** Likelihoods printed among this cell's lines (a line of text before and after it, or glued to one): on the
   *  baseline of one of its lines, so of its row. */
  inner: Scale[];
  /** Where its last line was read. */
  end: number;
}

/** A text cell being read: its lines, and the likelihoods found between them (each before line `at`). */
interface OpenCell {
  lines: string[];
  pos: number;
  block: number;
  impact: number | null;
  inner: Array<{ scale: Scale; at: number }>;
  end?: number;
}

/** A risk named by its topic, in title case, then described: "Shared Records: local access for care staff …". */
const TOPIC_OPENING = /^\p{Lu}[\p{L}&'/-]*(\s+\p{Lu}[\p{L}&'/-]*){0,3}:\s+\S/u;

/** Whether a free-text cell is a risk: a clause in its first sentence, or a topic and its description; not opening as
 *  an action does. */
export function isRiskClause(text: string): boolean {
  if (TOPIC_OPENING.test(text)) return true;
  const first = text.split(/(?<=[.!?])\s+/)[0];
  const opening = first.split(/\s+/)[0].replace(/[^\p{L}]/gu, '');
  return CLAUSE.test(first) && !ACTION_OPENING.test(opening);
}

/** A header cell's wrapped line that names no role alone ("Overall" / "risk factor", "materialise?"). */
const HEADER_FRAGMENT = /^(overall|risk|factor|materialise\??)$/i;

/** A header cell on a line of its own among the rows ("Potential impact", "Mitigating Actions"); not a short line of
 *  a cell's prose that wrapping left holding a role word and a sentence's end ("limit the impact. Weekly"). */
const isHeaderLine = (line: string) =>
  HEADER_FRAGMENT.test(line) || (!!RISK_CELLS.roleOf(line) && line.split(/\s+/).length <= 3 && !/[.!?]\s+\p{Lu}/u.test(line) && !WRAPPED_PROSE.test(line));

/** A short line that goes on as prose does, not as a header cell: it opens inside a parenthesis or ends on a word a
 *  sentence cannot end on ("Effect of the" / "new tariff on …", "(with a knock-on impact" / "for the …"). */
const WRAPPED_PROSE = /^\(|\b(the|a|an|of|on|to|in|for|and|or|by|with|from|at|that)$/i;


/** A group made only of header cells and guidance, printed again or scattered among the rows. */
function isHeaderGroup(lines: string[]): boolean {
  const whole = cleanCellText(lines.join(' '));
  return RISK_CELLS.isGuidance(whole) || (!!RISK_CELLS.roleOf(whole) && whole.length <= 40) || lines.every((l) => !!RISK_CELLS.roleOf(l) || HEADER_FRAGMENT.test(l));
}

/**
 * Where a group that opens with the header's guidance ("Please rate on a scale of 1-5 …", the impact's "And if there
 * is some financial impact …", interleaved as the narrow header cells wrap) ends and the first row's cells begin: the
 * first line after it opening a capitalised sentence that opens no guidance. 0 for a group that opens no guidance or
 * is guidance to its end.
 */
function guidanceEnd(lines: string[]): number {
  if (!RISK_CELLS.isGuidance(lines[0])) return 0;
  const at = lines.findIndex((l, n) => n > 0 && /^\p{Lu}/u.test(l) && !RISK_CELLS.isGuidance(l) && !isHeaderLine(l));
  return at < 0 ? 0 : at;
}

/** Share of a cell's longest line up to which the next line's first word would have fitted on its last line. */
const ROOM_SHARE = 0.8;

/**
 * A run opening in lower case is the rest of a cell a page break or the reading order cut; it ends with its cell, and
 * a capitalised word that would have fitted on the line before opens the next cell ("… for the BCF" / "schemes" /
 * "Partners withdraw …"), even where that cell's lines are short (a narrow column: splitRunOnCells asks a wrapped
 * line of a cell in the same run's width).
 */
function splitAfterContinuation(group: LineGroup): LineGroup[] {
  const { lines } = group;
  if (!/^\p{Ll}/u.test(lines[0] ?? '')) return [group];
  for (let n = 1; n < lines.length; n++) {
    const last = lines[n - 1];
    const next = lines[n];
    if (/[.;:!?,]$/.test(last) || !/^\p{Lu}\p{Ll}/u.test(next)) continue;
    // Room measured on the cell's own lines so far ("… the Adult Care" / "Board …" filled its line: it goes on).
    const width = Math.max(...lines.slice(0, n).map((l) => l.length));
    if (last.length + 1 + next.split(/\s+/)[0].length > ROOM_SHARE * width) continue;
    return [{ lines: lines.slice(0, n), block: group.block }, { lines: lines.slice(n), block: group.block + n }];
  }
  return [group];
}

/**
 * A word cut at the cell's edge leaves its rest a line of one or two letters ("… services/reablemen" / "t"): the line
 * before was full, so a capitalised line after the rest whose first word fits in the cell's width would have gone on
 * the rest's line had it been the same cell's: it opens the next cell ("Residents/Carers" after "e"). splitRunOnCells
 * keeps a margin for proportional type that a long first word after so short a line exceeds.
 */
function splitAfterCutWordRest(group: LineGroup): LineGroup[] {
  const { lines } = group;
  const width = Math.max(...lines.map((l) => l.length));
  for (let n = 2; n < lines.length; n++) {
    if (!/^\p{Ll}{1,2}$/u.test(lines[n - 1]) || !/\p{L}$/u.test(lines[n - 2]) || !/^\p{Lu}\p{Ll}/u.test(lines[n])) continue;
    if (lines[n - 1].length + 1 + lines[n].split(/\s+/)[0].length > width) continue;
    return [{ lines: lines.slice(0, n), block: group.block }, ...splitAfterCutWordRest({ lines: lines.slice(n), block: group.block + n })];
  }
  return [group];
}

/**
 * A risk named by its topic opens a cell ("Shared Records: local access …"): a line inside a run that opens so, after
 * a line that ends no clause with a colon of its own, is the next risk's first line, run into the cell above with no
 * blank line between (two risks of one column printed together).
 */
function splitOnTopicOpening(group: LineGroup): LineGroup[] {
  const { lines } = group;
  const at = lines.findIndex((l, n) => n > 0 && TOPIC_OPENING.test(l) && !/:$/.test(lines[n - 1]));
  if (at < 0) return [group];
  return [{ lines: lines.slice(0, at), block: group.block }, ...splitOnTopicOpening({ lines: lines.slice(at), block: group.block + at })];
}

/**
 * The risks of a revised log whose header opens at block `from`, read by content up to `to` or the first line as
 * wide as running prose (the log's cells are narrow columns). Positions order cells and figures as read.
 */
export function readTypedLog(doc: DocumentModel, from: number, to: number): { risks: Risk[]; tiedRows: number } {
  const widths = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text.trim().length] : []));
  // A cell of a five-column log is far narrower than a line of prose: 60-80 characters ends it.
  const proseWidth = Math.max(60, Math.min(80, 0.6 * Math.max(0, ...widths)));
  const likelihoods: Scale[] = [];
  const scores: Scale[] = [];
  const cells: TextCell[] = [];
  let ended = false;
  let started = false;
  let pos = 0;
  // Where header cells were printed (again, after a page break, or scattered among the rows).
  const headerAt: number[] = [];
  // Where the header's first cell was printed again: the header repeated after a page break.
  const breakAt: number[] = [];
  // Where a header cell's line was read among a group's lines (skipped, the group's text going on).
  const headerLineAt: number[] = [];
  // The header cell the log opened at ("There is a risk that:"): printed again after a page break, at the head of a
  // group whose other lines go on from the row the break cut ("There is a risk that:" / "resulting in the failure").
  let openingLine: string | null = null;
  for (const groups of lineGroups(doc, from, to)) {
    for (const group of groups) {
      if (ended) break;
      let lines = group.lines.map((l) => cleanCellText(l)).filter((l) => l !== '');
      // The log opens at its header's risk or likelihood cell ("There is a risk that:", "How likely is the risk to
      // materialise?"), whatever came out before it; the text above is the section's prose. Read raw, the risk
      // cell's header may end the prose's last group, the risks following it before the other header cells.
      const opensLog = (text: string) => ['likelihood', 'description'].includes(RISK_CELLS.roleOf(text) ?? '');
      // (A group as wide as prose is prose, though it opens like a header cell: "Risk log Please provide …".)
      const narrow = lines.every((l) => l.length <= proseWidth);
      if (!started && !(narrow && opensLog(cleanCellText(lines.join(' '))))) {
        const at = lines.findIndex((l) => l.length <= 40 && opensLog(l));
        if (at < 0) continue;
        headerAt.push(pos);
        openingLine = lines[at];
        lines = lines.slice(at + 1);
      }
      started = true;
      if (lines.some((l) => l.length > proseWidth)) {
        ended = true;
        break;
      }
      if (lines.length === 0) continue;
      // The header's guidance run straight into the first row's cells, no blank line between (read raw, the last
      // guidance line "likely" then "Partners do not …"): the cells start at the first line that opens a sentence.
      const cellsAt = guidanceEnd(lines);
      const block = group.block + cellsAt;
      if (cellsAt > 0) {
        headerAt.push(pos);
        pos += cellsAt;
        lines = lines.slice(cellsAt);
      }
      if (isHeaderGroup(lines)) {
        headerAt.push(pos);
        if (lines.includes(openingLine ?? '')) breakAt.push(pos);
        continue;
      }
      let cell: OpenCell | null = null;
      const groupScores: Scale[] = [];
      const flush = () => {
        if (!cell || cell.lines.length === 0) return (cell = null);
        // An impact's text is one cell; a free-text run may hold two cells with no blank line between.
        const pieces = cell.impact !== null ? [{ lines: cell.lines, block: cell.block }] : splitRunOnCells({ lines: cell.lines, block: cell.block }, () => false).flatMap(splitAfterContinuation).flatMap(splitAfterCutWordRest).flatMap(splitOnTopicOpening);
        let first = 0;
        pieces.forEach((p, n) => {
          const last = first + p.lines.length;
          // Inside the piece: a line of it before the likelihood and one after.
          const inner = cell!.inner.filter((x) => x.at > first && x.at < last).map((x) => x.scale);
          const pieceText = cleanCellText(p.lines.join(' '));
          // The header's first cell printed again, wrapped over lines of its own ("There is a risk" / "that:").
          if (pieceText === openingLine && inner.length === 0) {
            headerAt.push(cell!.pos + first);
            first = last;
            return;
          }
          const at = cell!.pos + n / 100;
          cells.push({ text: pieceText, pos: at, block: p.block, impact: n === 0 ? cell!.impact : null, inner, end: n === pieces.length - 1 ? (cell!.end ?? at) : at });
          first = last;
        });
        cell = null;
      };
      const text = (line: string) => {
        if (!cell) cell = { lines: [], pos, block, impact: null, inner: [] };
        cell.lines.push(line);
        cell.end = pos;
      };
      // A likelihood read while a text cell is open sits between its last line so far and its next.
      const among = (scale: Scale) => {
        const open = cell as OpenCell | null;
        open?.inner.push({ scale, at: open.lines.length });
      };
      const unrated = () => groupScores.find((s) => s.rating === null);
      // Lines that are the rest of a rating word cut at the end of a line above ("… would Mediu" / "m").
      const restLines = new Set<number>();
      for (const [n, line] of lines.entries()) {
        pos++;
        if (line === openingLine) {
          flush();
          headerAt.push(pos);
          breakAt.push(pos);
          continue;
        }
        if (isHeaderLine(line)) {
          headerLineAt.push(pos);
          continue;
        }
        let m: RegExpExecArray | null;
        let glued: { value: number; rest: string } | null;
        let cut: ReturnType<typeof cutRatingEnding>;
        if (restLines.has(n)) continue;
        // An impact's first line with the row's score printed on its baseline ("5 Fewer beds 20 High").
        const impactOpening = IMPACT_OPENING.exec(line);
        if (impactOpening && (m = SCORE_ENDING.exec(impactOpening[2]))) {
          flush();
          const s: Scale = { value: Number(m[2]), pos, rating: parseRating(m[3]) };
          scores.push(s);
          groupScores.push(s);
          cell = { lines: [m[1]], pos, block, impact: Number(impactOpening[1]), inner: [] };
        } else if (/^[1-5]$/.test(line)) {
          const scale: Scale = { value: Number(line), pos, rating: null };
          likelihoods.push(scale);
          among(scale);
        } else if (/^\d{1,2}$/.test(line) && Number(line) <= 25) {
          const s: Scale = { value: Number(line), pos, rating: null };
          scores.push(s);
          groupScores.push(s);
        } else if ((RATING_ALONE.test(line) || wholeRatingOf(line) !== undefined) && unrated()) unrated()!.rating = parseRating(line);
        // The rest of a rating word its cell edge cut ("Mediu" / "m"): no text of its own.
        else if (/^\p{Ll}{1,2}$/u.test(line) && n > 0 && wholeRatingOf(lines[n - 1]) !== undefined) continue;
        else if ((m = SCORE_OPENING.exec(line)) || (m = SCORE_ENDING.exec(line))) {
          const opening = SCORE_OPENING.test(line);
          const s: Scale = { value: Number(opening ? m[1] : m[2]), pos, rating: parseRating(opening ? m[2] : m[3]) };
          scores.push(s);
          groupScores.push(s);
          const rest = opening ? m[3] : m[1];
          if (rest) text(rest);
        } else if (unrated() && ((m = RATING_OPENING.exec(line)) || (m = RATING_ENDING.exec(line)))) {
          const opening = RATING_OPENING.test(line);
          unrated()!.rating = parseRating(opening ? m[1] : m[2]);
          text(opening ? m[2] : m[1]);
        } else if (unrated() && (cut = cutRatingEnding(lines, n))) {
          unrated()!.rating = parseRating(cut.whole);
          restLines.add(cut.restAt);
          text(cut.text);
        } else if ((m = IMPACT_OPENING.exec(line))) {
          flush();
          const glued = gluedScore(m[2]);
          if (glued) {
            const s: Scale = { value: glued.value, pos, rating: null };
            scores.push(s);
            groupScores.push(s);
          }
          cell = { lines: [glued?.rest ?? m[2]], pos, block, impact: Number(m[1]), inner: [] };
        } else if ((m = SCALE_ENDING.exec(line)) && /^\p{Ll}/u.test(lines[n + 1] ?? '')) {
          const scale: Scale = { value: Number(m[2]), pos, rating: null };
          likelihoods.push(scale);
          text(m[1]);
          among(scale); // glued to the line, so between it and the next
        } else if ((glued = gluedScore(line))) {
          const s: Scale = { value: glued.value, pos, rating: null };
          scores.push(s);
          groupScores.push(s);
          text(glued.rest);
        } else text(line);
      }
      flush();
    }
    if (ended) break;
  }

  // Rows: every likelihood, impact and score whose product ties them, the tightest first (a row's cells come out
  // near each other however scattered the rows). An impact whose text came out elsewhere leaves its score a lone
  // 1-5 like a likelihood's: one of those serves where no impact cell does.
  const impacts: Scale[] = cells.filter((c) => c.impact !== null).map((c) => ({ value: c.impact!, pos: c.pos, rating: null }));
  const LONE_IMPACT_COST = 1000;
  const candidates: Array<{ l: Scale; i: Scale; s: Scale; cost: number }> = [];
  for (const s of scores)
    for (const i of [...impacts, ...likelihoods])
      for (const l of likelihoods) {
        if (l === i || l.value * i.value !== s.value) continue;
        const span = Math.max(l.pos, i.pos, s.pos) - Math.min(l.pos, i.pos, s.pos);
        candidates.push({ l, i, s, cost: span + (impacts.includes(i) ? 0 : LONE_IMPACT_COST) });
      }
  candidates.sort((x, y) => x.cost - y.cost);
  const rows: Row[] = [];
  for (const { l, i, s } of candidates) {
    if (l.used || i.used || s.used) continue;
    l.used = i.used = s.used = true;
    rows.push({ likelihood: l.value, impact: i.value, score: s.value, rating: s.rating, pos: Math.min(l.pos, i.pos, s.pos), scale: l, figures: [l.pos, i.pos, s.pos] });
  }
  rows.sort((x, y) => x.pos - y.pos);

  const split = joinCellsSplitByScale(cells, likelihoods, scores, headerAt);
  const continued = cutRowContinuations(cells, headerAt, breakAt, [...likelihoods, ...scores, ...impacts].map((x) => x.pos), rows);
  for (const c of split) continued.add(c);
  for (const c of joinParenthesisRests(cells.filter((c) => !split.has(c)))) continued.add(c);
  for (const c of joinCutTopicRests(cells.filter((c) => !continued.has(c)), [...headerAt, ...headerLineAt])) continued.add(c);
  const risks = cells.filter((c) => c.impact === null && !continued.has(c) && /^[\p{Lu}'‘"“]/u.test(c.text) && c.text.split(/\s+/).length >= 3 && isRiskClause(c.text));
  const rowOf = pairRisksWithRows(risks, rows, cells.filter((c) => !continued.has(c)));
  const read = risks.map((c) => ({
    description: c.text,
    likelihood: rowOf.get(c)?.likelihood ?? null,
    impact: rowOf.get(c)?.impact ?? null,
    score: rowOf.get(c)?.score ?? null,
    rating: rowOf.get(c)?.rating ?? null,
    // Actions are not tied to a row by anything they hold: left unread rather than guessed.
    mitigation: null,
    owner: null,
    page: doc.blocks[c.block]?.page ?? null,
    block: c.block,
    text: c.text,
  }));
  return { risks: read, tiedRows: rows.length };
}

/**
 * A risk cell whose likelihood, printed on the baseline of its middle lines, came out as a group of its own between
 * the cell's halves ("Residents and their" / "2" / "families resist the new …"): the first half ends open, the second
 * opens in lower case, nothing else read between (no score, no header cell). The halves are one cell with that likelihood among its lines; the
 * second halves are returned, no cells of their own.
 */
function joinCellsSplitByScale(cells: TextCell[], likelihoods: Scale[], scores: Scale[], headerAt: number[]): Set<TextCell> {
  const seconds = new Set<TextCell>();
  const held = new Set(cells.flatMap((c) => c.inner));
  for (const [n, first] of cells.entries()) {
    const second = cells[n + 1];
    if (!second || seconds.has(first) || first.impact !== null || second.impact !== null || !endsOpen(first.text) || !/^\p{Ll}/u.test(second.text)) continue;
    const between = likelihoods.filter((l) => l.pos > first.end && l.pos < second.pos && !held.has(l));
    const read = (p: number) => p > first.end && p < second.pos;
    if (between.length !== 1 || scores.some((s) => read(s.pos)) || headerAt.some(read)) continue;
    first.text = `${first.text} ${second.text}`;
    first.inner.push(between[0], ...second.inner);
    first.end = second.end;
    seconds.add(second);
  }
  return seconds;
}

/** Words a topic's description keeps before it is cut and still reads as begun, not told ("Workforce: Rising"). */
const CUT_TOPIC_WORDS = 2;

/**
 * A risk named by its topic whose description stops after a word or two, open ("Home Care: Rising"), is a cell the
 * reading order cut: its rest comes later as a cell opening in lower case ("demand for visits …"). The first such cell
 * after it, holding no likelihood, read after a text cell rather than straight after a header cell (those go on from
 * the row a page break cut), is joined to it; the rests are returned, no cells of their own.
 */
function joinCutTopicRests(cells: TextCell[], headerAt: number[]): Set<TextCell> {
  const rests = new Set<TextCell>();
  for (const [n, topic] of cells.entries()) {
    const m = TOPIC_OPENING.exec(topic.text);
    if (topic.impact !== null || !m || !endsOpen(topic.text) || topic.text.slice(topic.text.indexOf(':') + 1).trim().split(/\s+/).length > CUT_TOPIC_WORDS) continue;
    const rest = cells.slice(n + 1).find((c, k) => {
      const before = cells[n + k];
      const afterHeader = headerAt.some((h) => h >= before.end && h < c.pos);
      return c.impact === null && !rests.has(c) && c.inner.length === 0 && /^\p{Ll}/u.test(c.text) && !afterHeader;
    });
    if (!rest) continue;
    topic.text = `${topic.text} ${rest.text}`;
    rests.add(rest);
  }
  return rests;
}

/** How far a text leaves parentheses open: below 0 where it closes one it never opened. */
function parenthesisBalance(text: string): { open: number; closesUnopened: boolean } {
  let depth = 0;
  let closesUnopened = false;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) closesUnopened = true;
      else depth--;
    }
  }
  return { open: depth, closesUnopened };
}

/**
 * A text cell that closes a parenthesis it never opened ("… Changes to transport (bus routes," then, cells later,
 * "rail fares) leave …") is the rest of the nearest cell before it left open: the reading order took the cell's first
 * lines with its row's figures and the rest after the row's other cells. The rest is joined to that cell (and its
 * likelihoods with it); the rests are returned, no cells of their own.
 */
function joinParenthesisRests(cells: TextCell[]): Set<TextCell> {
  const rests = new Set<TextCell>();
  for (const [n, cell] of cells.entries()) {
    if (cell.impact !== null || !parenthesisBalance(cell.text).closesUnopened) continue;
    const opened = cells.slice(0, n).findLast((c) => c.impact === null && !rests.has(c) && parenthesisBalance(c.text).open > 0);
    if (!opened) continue;
    opened.text = `${opened.text} ${cell.text}`;
    opened.inner.push(...cell.inner);
    rests.add(cell);
  }
  return rests;
}

/** A cell left open at its end: no sentence's end, no closed parenthesis (" … waits for the families:"). */
const endsOpen = (text: string) => !/[.!?)]$/.test(text.trim());

/**
 * The cells that go on from a row a page break cut. They come at the top of the next page, after the last cell of the
 * header printed again and before the next row's figures: each column's rest of the row in column order, those whose
 * sentence goes on opening in lower case ("result in failure …", "engaged in …"). A cell between the header and the
 * last such piece is one of them, whatever it opens with (a new sentence of the cut impact: "Provider activity levels
 * remain …"): no risk. The cut row's own figures printed after the header (its score centred on the row, the row
 * spanning the break) are no next row's; a cell holding a likelihood on its baseline is the next row's. The cut
 * impact's rest comes next after the risk's in column order: a capitalised cell right after the risk's rest, holding
 * no figure and followed by none, ending its cell (a sentence's end: a rest runs to its cell's end), where the impact
 * read last before the header was left open, is that rest too.
 */
function cutRowContinuations(cells: TextCell[], headerAt: number[], breakAt: number[], figureAt: number[], rows: Row[]): Set<TextCell> {
  const continued = new Set<TextCell>();
  for (const h of headerAt) {
    const afterBreak = breakAt.includes(h);
    const straddling = new Set(afterBreak ? rows.filter((r) => r.figures.some((p) => p < h) && r.figures.some((p) => p > h)).flatMap((r) => r.figures) : []);
    const nextFigures = figureAt.filter((p) => p > h && !straddling.has(p));
    // Up to the next row's figures, or the next header cell (the header goes on; then the run starts after it).
    const next = Math.min(...nextFigures, ...headerAt.filter((p) => p > h));
    const run = cells.filter((c) => c.pos > h && c.pos < next && !(afterBreak && c.inner.length > 0));
    const last = run.findLastIndex((c) => /^\p{Ll}/u.test(c.text));
    for (const c of run.slice(0, Math.max(0, last))) continued.add(c);
    const impactBefore = cells.findLast((c) => c.pos < h && c.impact !== null);
    if (!afterBreak || !impactBefore || !endsOpen(impactBefore.text)) continue;
    const riskRest = run.findIndex((c) => /^\p{Ll}/u.test(c.text));
    const impactRest = riskRest >= 0 ? run[riskRest + 1] : undefined;
    if (!impactRest || continued.has(impactRest) || !/^\p{Lu}/u.test(impactRest.text) || endsOpen(impactRest.text)) continue;
    const after = Math.min(...cells.filter((c) => c.pos > impactRest.end).map((c) => c.pos), Infinity);
    if (nextFigures.some((p) => p > impactRest.end && p < after)) continue;
    continued.add(impactRest);
  }
  return continued;
}

/** A row tied by likelihood × impact = score: its figures, where it opens in reading order, and its likelihood. */
interface Row {
  likelihood: number;
  impact: number;
  score: number;
  rating: Risk['rating'];
  pos: number;
  scale: Scale;
  /** Where its likelihood, impact and score were read. */
  figures: number[];
}

/**
 * Each risk's row. A risk whose lines hold the likelihood of a row shares that row's baseline: it is that row's,
 * wherever the reading order put it (a row's risk printed after the next row's, under the header cell read late). So
 * is a risk read alone (no risk just before it) whose next item is one of a row's figures: its row's other cells
 * follow it. Where the other risks and rows are as many and in an order those risks agree with, they pair one to one
 * in reading order. Else (a risk's rest read as a risk, a row's risk printed rows later) the risks between two tied
 * risks take the rows read between those two rows, where they are as many; then the rows still free go to the risks
 * still unpaired in reading order, after every row the order ties, so one misplaced risk no longer shifts the figures
 * of every risk after it.
 */
function pairRisksWithRows(risks: TextCell[], rows: Row[], cells: TextCell[]): Map<TextCell, Row> {
  const rowOf = new Map<TextCell, Row>();
  for (const risk of risks) {
    const held = rows.filter((r) => risk.inner.includes(r.scale));
    if (held.length === 1) rowOf.set(risk, held[0]);
  }
  // Everything read, in order: text cells, and each row's figures (an impact cell is its row's figure).
  const figureRow = new Map<number, Row>();
  for (const r of rows) for (const p of r.figures) figureRow.set(p, r);
  const items = [...cells.filter((c) => c.impact === null).map((c) => ({ pos: c.pos, cell: c as TextCell | null })), ...[...figureRow.keys()].map((pos) => ({ pos, cell: null }))].sort((a, b) => a.pos - b.pos);
  const taken = new Set(rowOf.values());
  // The risks read alone that a row's figure follows (no risk just before them: a risk read just after another is a
  // column of risks read a few rows at a time, and the figure after it the first of those rows').
  const followedBy = new Map<TextCell, Row>();
  for (const risk of risks) {
    if (rowOf.has(risk)) continue;
    const before = items.findLast((x) => x.pos < risk.pos);
    const next = items.find((x) => x.pos > risk.end && x.cell !== risk);
    const row = next && !next.cell ? figureRow.get(next.pos) : undefined;
    if (row && !taken.has(row) && !(before?.cell && risks.includes(before.cell))) followedBy.set(risk, row);
  }
  // As many risks left as rows, and no risk followed by figures other than those of its row in that order: one to one
  // in reading order (two rows with the same figures may swap: the figures read are the same).
  const unpaired = risks.filter((r) => !rowOf.has(r));
  const free = rows.filter((r) => !taken.has(r));
  const sameFigures = (a: Row, b: Row) => a.likelihood === b.likelihood && a.impact === b.impact && a.score === b.score && a.rating === b.rating;
  if (unpaired.length === free.length && unpaired.every((r, n) => !followedBy.has(r) || sameFigures(followedBy.get(r)!, free[n]))) {
    unpaired.forEach((risk, n) => rowOf.set(risk, free[n]));
    return rowOf;
  }
  for (const [risk, row] of followedBy) {
    if (taken.has(row)) continue;
    rowOf.set(risk, row);
    taken.add(row);
  }
  const anchors = risks.flatMap((r, n) => (rowOf.has(r) ? [n] : []));
  const bounds = [-1, ...anchors, risks.length];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [a, b] = [bounds[k], bounds[k + 1]];
    const between = risks.slice(a + 1, b);
    if (between.length === 0) continue;
    const lo = a >= 0 ? rowOf.get(risks[a])!.pos : -Infinity;
    const hi = b < risks.length ? rowOf.get(risks[b])!.pos : Infinity;
    const rowsBetween = rows.filter((r) => !taken.has(r) && r.pos > lo && r.pos < hi);
    if (rowsBetween.length !== between.length) continue;
    between.forEach((risk, n) => rowOf.set(risk, rowsBetween[n]));
  }
  // What the order leaves open goes as before: the rows no risk was tied to, to the risks left, in reading order.
  const used = new Set(rowOf.values());
  const left = rows.filter((r) => !used.has(r));
  let k = 0;
  for (const risk of risks) if (!rowOf.has(risk) && k < left.length) rowOf.set(risk, left[k++]);
  return rowOf;
}

/** The blocks of one risk-log range, the reading-order grids read there, and the risks read from them. */
export interface StreamRange {
  from: number;
  to: number;
  grids: Set<Grid>;
  risks: Risk[];
}

/**
 * Replace, in `risks`, the range's risks by its content-typed reading where that reading ties at least three rows by
 * likelihood × impact = score, more than twice as many as the order-based reading, and reads as many risks. A range
 * with no log read from its text at all, nor from a table in it, is read by content alone.
 */
export function preferTypedReading(doc: DocumentModel, range: StreamRange, risks: Risk[], messages: Finding[]): void {
  if (range.risks.length === 0 && risks.some((r) => r.block != null && r.block >= range.from && r.block < range.to)) return;
  const { risks: typed, tiedRows } = readTypedLog(doc, range.from, range.to);
  const tied = (rs: Risk[]) => rs.filter((r) => r.likelihood !== null && r.impact !== null && r.likelihood * r.impact === r.score).length;
  // The order-based reading's rows count where their text reads as a risk: read raw, a log without rules puts
  // action cells in the risk column (tables.md class 7), and those are no risks the typed reading missed.
  const riskLike = range.risks.filter((r) => isRiskClause(r.description)).length;
  // The typed reading's rows counted as found, given to a risk or not (it leaves a risk unscored where the order does
  // not say which row is its).
  if (tiedRows < 3 || tiedRows <= 2 * tied(range.risks) || typed.length < riskLike) return;
  const replaced = new Set(range.risks);
  const first = risks.findIndex((r) => replaced.has(r));
  const at = first >= 0 ? first : risks.filter((r) => (r.block ?? 0) < range.from).length;
  risks.splice(0, risks.length, ...risks.slice(0, at).filter((r) => !replaced.has(r)), ...typed, ...risks.slice(at).filter((r) => !replaced.has(r)));
  messages.push({ level: 'info', message: `risk log read by what its cells hold (reading order scattered its rows): ${typed.length} risks`, page: typed[0].page, source: typed[0].description.slice(0, 120) });
}
