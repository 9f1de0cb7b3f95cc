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
import { lineGroups, splitRunOnCells } from '../../tables/lineGroups.js';
import type { Grid } from '../../tables/grids.js';
import { cleanCellText } from '../../text/clean.js';
import { parseRating, type RiskVocabulary } from './columns.js';
import { wholeRatingOf } from '../../text/ratingWords.js';
import { cutRowContinuations, joinCellsSplitByScale, joinCutTopicRests, joinParenthesisRests, type OpenCell, type Row, type Scale, type TextCell } from './typedLogCells.js';
import {
  cutRatingEnding,
  gluedScore,
  guidanceEnd,
  IMPACT_OPENING,
  isHeaderGroup,
  isHeaderLine,
  isRiskClause,
  RATING_ALONE,
  RATING_ENDING,
  RATING_OPENING,
  SCALE_ENDING,
  SCORE_ENDING,
  SCORE_OPENING,
  splitAfterContinuation,
  splitAfterCutWordRest,
  splitOnTopicOpening,
} from './typedLogLines.js';
import { pairRisksWithRows } from './typedLogRows.js';

/**
 * The risks of a revised log whose header opens at block `from`, read by content up to `to` or the first line as
 * wide as running prose (the log's cells are narrow columns). Positions order cells and figures as read.
 */
export function readTypedLog(doc: DocumentModel, from: number, to: number, words: RiskVocabulary): { risks: Risk[]; tiedRows: number } {
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
      const opensLog = (text: string) => ['likelihood', 'description'].includes(words.roleOf(text) ?? '');
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
      const cellsAt = guidanceEnd(lines, words);
      const block = group.block + cellsAt;
      if (cellsAt > 0) {
        headerAt.push(pos);
        pos += cellsAt;
        lines = lines.slice(cellsAt);
      }
      if (isHeaderGroup(lines, words)) {
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
        if (isHeaderLine(line, words)) {
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
export function preferTypedReading(doc: DocumentModel, range: StreamRange, risks: Risk[], messages: Finding[], words: RiskVocabulary): void {
  if (range.risks.length === 0 && risks.some((r) => r.block != null && r.block >= range.from && r.block < range.to)) return;
  const { risks: typed, tiedRows } = readTypedLog(doc, range.from, range.to, words);
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
