// Risk logs. Reads: every grid in the risk log's template section (every grid for an unknown template), plus the
// logs flattened to one cell per line or to groups of wrapped lines (src/tables/cellStream.ts, groupedCells.ts),
// each cut into the runs under a risk header row (src/tables/headerRuns.ts). Columns by role, never by position (columns.ts: ref,
// risk, likelihood, impact, score, rating, mitigation, owner), named by the template's declared risk log (its "tables",
// field "risks") before the general vocabulary, so the 2014 "There is a risk that: | How likely… |
// Potential impact | Overall risk factor | Mitigating Actions" log, a "Risk | Risk rating | Mitigating Actions" H/M/L
// log and logs with an owner column all read the same way. A row becomes a risk here (parseLog); a risk read twice
// from text drawn twice is counted once (src/tables/overlays.ts).
import type { DocumentModel, Finding, Result } from '../../model/document.js';
import { documentTables, type DocumentTables } from '../common/documentTables.js';
import { provenanceOf, type Grid } from '../../tables/grids.js';
import { cellStreamGrids } from '../../tables/cellStream.js';
import { groupedCellGrids } from '../../tables/groupedCells.js';
import type { Risk } from '../../record/schema.js';
import { fieldRanges, fieldReads, type Segmentation } from '../../segment/types.js';
import { cleanCellText } from '../../text/clean.js';
import { rowText } from '../../text/rows.js';
import { joinText } from './cells.js';
import { restoreMovedRisks } from './movedRisk.js';
import { joinHeadRows, strayRating, strayScore } from './strayCells.js';
import { preferTypedReading, type StreamRange } from './typedLog.js';
import { collapseOverlaidItems } from '../../tables/overlays.js';
import { headerRuns, rowSignature, type HeaderRun } from '../../tables/headerRuns.js';
import { cellOf, isGuidanceRow, leadingScale, parseRating, parseScoreCell, riskCells, riskLog, RISK_OVERLAYS, riskVocabulary, scoredShare, type RiskColumns } from './columns.js';
import { wholeRatingOf } from '../../text/ratingWords.js';
import { riskCellByWording } from './cellWording.js';

export { leadingScale, parseRating, parseScoreCell, riskColumnOf, riskColumnsOf, riskVocabulary, type RiskColumn, type RiskColumns } from './columns.js';

interface RiskDraft extends Risk {
  texts: string[];
  /** The rating cell as printed, for a rating cut by a page break ("Mediu" / "m"). */
  ratingText: string;
}

/**
 * `inReadingOrder`: the log was rebuilt from text in a converter's reading order (src/tables/cellStream.ts, groupedCells.ts), its
 * cells placed in rows by their order alone, so a row may hold a piece of another row.
 */
function parseLog(log: HeaderRun<RiskColumns>, messages: Finding[], inReadingOrder = false, before?: Risk): Risk[] {
  const { cols } = log;
  // The risk read last, on this log's page or the one before, when this log is its table going on after a page
  // break (the header printed again, the table a new one): the log's first row may be that risk's cells the break cut.
  const firstPage = log.rows[0]?.page ?? null;
  const carried = before && before.page !== null && firstPage !== null && firstPage >= before.page && firstPage - before.page <= 1 ? before : undefined;
  const risks: RiskDraft[] = [];
  let afterBreak = false;
  let guidanceSig: string | null = null;
  // Read in reading order, a risk cell the order moved into the row above goes back to its row (movedRisk.ts).
  // A risk cell's first lines read as a row of their own go back on top of their row (strayCells.ts).
  const rows = joinHeadRows(inReadingOrder ? restoreMovedRisks(log.rows, cols) : log.rows, cols);
  for (const { row, gridRow, page, afterBreak: breakHere } of rows) {
    afterBreak ||= breakHere;
    const sig = rowSignature(row);
    if (sig === log.headerSig || (row.header && risks.length > 0)) {
      afterBreak = true; // header repeated on a new page
      continue;
    }
    if (sig === guidanceSig || isGuidanceRow(row, cols)) {
      guidanceSig = sig;
      continue;
    }
    if (row.cells.every((c) => !cleanCellText(c.text))) continue;

    const desc = cellOf(row, cols, 'description');
    const scoreCell = parseScoreCell(cellOf(row, cols, 'score'));
    const likelihood = leadingScale(cellOf(row, cols, 'likelihood')) ?? scoreCell.likelihood;
    const impact = leadingScale(cellOf(row, cols, 'impact')) ?? scoreCell.impact;
    const ratingCell = cellOf(row, cols, 'rating');
    const ratingScore = cols.index.score === undefined ? parseScoreCell(ratingCell).score : null;
    let score = scoreCell.score ?? ratingScore;
    let rating = parseRating(ratingCell) ?? scoreCell.rating ?? strayRating(row, cols);
    // The cell the rating is written in: its own column, or the overall factor beside its score ("9 Mediu").
    const ratingWritten = cleanCellText(ratingCell || (scoreCell.rating !== null ? cellOf(row, cols, 'score') : ''));
    let mitigation = cellOf(row, cols, 'mitigation');
    // The score read into the actions beside an empty score column (the columns shifted on that page).
    const stray = cols.index.score !== undefined && score === null && rating === null ? strayScore(row.cells[cols.index.mitigation ?? -1]?.text ?? '', likelihood, impact) : null;
    if (stray) {
      ({ score, rating } = stray);
      mitigation = cleanCellText(stray.rest);
    }
    const scored = likelihood !== null || impact !== null || score !== null || rating !== null;
    const owner = cellOf(row, cols, 'owner');
    const prev = risks[risks.length - 1];

    // A category row inside the log ("Financial risks"): a short title alone in the risk column.
    const onlyDescription = row.cells.every((c, i) => i === cols.index.description || i === cols.index.ref || !cleanCellText(c.text));
    if (!scored && onlyDescription && !afterBreak && desc.length < 60 && /^[A-Z0-9]/.test(desc) && !/[.;,:]$/.test(desc)) {
      messages.push({ level: 'info', message: `risk log row read as a category heading: "${desc}"`, page, source: desc });
      continue;
    }

    // A row without scores continues the risk above when its risk cell is empty, when it is the
    // first row after a page break, or when its text starts mid-sentence. After a page break, a row whose risk
    // and actions both start afresh under a row whose actions were finished is a risk of its own left unscored.
    const freshAfterBreak =
      afterBreak &&
      /^[A-Z]/.test(desc) &&
      !!prev?.mitigation &&
      /[.!?)]$/.test(prev.mitigation.trim()) &&
      (!mitigation || /^[A-Z0-9]/.test(mitigation));
    // The same across tables: the log's first row, unscored and opening mid-sentence, ends the risk cut off on the
    // page before (tables.md class 1, a wrapped cell the page break made a row of its own).
    if (!prev && carried && !scored && desc && /^[a-z(,;]/.test(desc)) {
      carried.description = joinText(carried.description, desc) ?? carried.description;
      carried.mitigation = joinText(carried.mitigation, mitigation);
      carried.owner = joinText(carried.owner, owner);
      carried.text = [carried.text, rowText(row)].filter(Boolean).join('\n');
      afterBreak = false;
      continue;
    }
    if (prev && !scored && (!desc || (afterBreak && !freshAfterBreak) || /^[a-z(,;]/.test(desc))) {
      prev.description = joinText(prev.description, desc) ?? prev.description;
      prev.mitigation = joinText(prev.mitigation, mitigation);
      prev.owner = joinText(prev.owner, owner);
      prev.texts.push(rowText(row));
      afterBreak = false;
      continue;
    }
    // The second half of a row a page break cut: mid-sentence, with only the scores the first half lacks
    // (a rating cell cut "Mediu" / "m" reads whole again).
    // A rating read from a word cut at its cell edge ("Mediu", alone or after its score, "9 Mediu") lacks its rest.
    const cutRating = wholeRatingOf(prev?.ratingText.split(/\s+/).pop() ?? '') !== undefined;
    const lacking = (k: 'likelihood' | 'impact' | 'score' | 'rating') => prev?.[k] === null || (k === 'rating' && cutRating);
    const cutScores =
      (likelihood === null || lacking('likelihood')) &&
      (impact === null || lacking('impact')) &&
      (score === null || lacking('score')) &&
      (rating === null || lacking('rating'));
    // Or a row whose cells, centred on it, put its likelihood a few lines below its impact's opening (tables.md
    // class 1 and 7: laid-out text of a log without rules, the row read as two): the second half fills scores the
    // first half lacks and has none the first half has.
    const fillsGap = (['likelihood', 'impact', 'score', 'rating'] as const).some((k) => ({ likelihood, impact, score, rating })[k] !== null && prev?.[k] === null);
    if (prev && scored && (afterBreak || fillsGap) && /^[a-z]/.test(desc) && cutScores) {
      prev.description = joinText(prev.description, desc) ?? prev.description;
      prev.likelihood ??= likelihood;
      prev.impact ??= impact;
      prev.score ??= score;
      // A rating cut in two ("Mediu" / "m") reads whole again; else the first half keeps the rating it has.
      prev.rating = parseRating(prev.ratingText + ratingWritten) ?? prev.rating ?? rating;
      prev.mitigation = joinText(prev.mitigation, mitigation);
      prev.owner = joinText(prev.owner, owner);
      prev.texts.push(rowText(row));
      afterBreak = false;
      continue;
    }
    afterBreak = false;
    // Rebuilt from reading order, a risk cell opening with a rated impact ("4 Fewer providers bid …", a 2014
    // revised log's impact cell) where the row's impact column has no scale, or opening mid-sentence with no row
    // above to go on from, is a piece of a row the reading order moved: no risk of its own. (Under a row, a piece
    // may head the next risk's text, "funds cannot follow the patient Potential impact of …", and stays; in a
    // table with its rows a risk in lower case is a risk.)
    const ratedImpact = cols.index.impact !== undefined && impact === null && /^[1-5]\s+\p{Lu}/u.test(desc);
    if (inReadingOrder && (ratedImpact || (!prev && /^[a-z(,;]/.test(desc)))) {
      messages.push({ level: 'info', message: 'risk log row read from text is a piece of another row: not a risk of its own', page, source: rowText(row).slice(0, 200) });
      continue;
    }
    if (!desc) {
      if (prev && prev.likelihood === null && prev.impact === null && prev.score === null && prev.rating === null) {
        // Scores that landed on the second half of a split row.
        Object.assign(prev, { likelihood, impact, score, rating });
        prev.mitigation = joinText(prev.mitigation, mitigation);
        prev.texts.push(rowText(row));
      } else {
        messages.push({ level: 'warning', message: 'risk log row with scores but no risk text skipped', page, source: rowText(row).slice(0, 200) });
      }
      continue;
    }
    risks.push({
      description: desc,
      likelihood,
      impact,
      score,
      rating,
      mitigation: mitigation || null,
      owner: owner || null,
      page,
      ...provenanceOf(gridRow),
      text: null,
      texts: [rowText(row)],
      ratingText: ratingWritten,
    });
  }
  return risks.map(({ texts, ratingText: _, ...r }) => ({ ...r, text: texts.join('\n') }));
}

/** Every risk in every risk log of the document, in document order. */
export function extractRisks(doc: DocumentModel, seg: Segmentation, tables: DocumentTables = documentTables(doc)): Result<Risk[]> {
  const risks: Risk[] = [];
  const messages: Finding[] = [];
  // The template's words for its risk-log columns first, then the general vocabulary.
  const words = riskVocabulary(tables.declarations);
  const cells = riskCells(words);
  // Groups of wrapped lines read by their order, and by wording where the order gives a row's cells out of column
  // order (cellWording.ts).
  const groupedCells = { ...cells, readsAs: riskCellByWording };
  const log = riskLog(words);
  const grids = [...tables.grids];
  // Grids rebuilt from a converter's reading order (groups of wrapped lines), whose rows were put together by order.
  const inReadingOrder = new Set<Grid>();
  // Logs whose cells arrived one per line become grids too.
  // Only in the risk log's template section where segmentation found one, else everywhere.
  // The stream grids of each range, to read the range again by content where their rows come out unscored.
  const streamRanges: StreamRange[] = [];
  for (const [from, to] of fieldRanges(seg, 'risks', doc.blocks.length)) {
    // Cells one per line (LibreOffice text, markdown), or in pdftotext's reading order a group of wrapped lines
    // each: the reading whose rows more often have their scores or ratings.
    const byLine = cellStreamGrids(doc, from, to, cells);
    const byGroup = groupedCellGrids(doc, from, to, groupedCells);
    const read = scoredShare(byGroup, cells) > scoredShare(byLine, cells) ? byGroup : byLine;
    grids.push(...read);
    if (read === byGroup) for (const g of byGroup) inReadingOrder.add(g);
    streamRanges.push({ from, to, grids: new Set(read), risks: [] });
  }
  grids.sort((a, b) => a.blockStart - b.blockStart);
  for (const grid of grids) {
    if (!fieldReads(seg, 'risks', grid.blockStart, doc.blocks.length)) continue;
    const read: Risk[] = [];
    for (const run of headerRuns(doc, grid, log)) read.push(...parseLog(run, messages, inReadingOrder.has(grid), read[read.length - 1] ?? risks[risks.length - 1]));
    risks.push(...read);
    for (const r of read) streamRanges.find((x) => x.grids.has(grid))?.risks.push(r);
  }
  // A revised log whose rows the order left mostly unscored (their cells scattered among other rows) read again by
  // what its cells hold, where that reading ties more rows by likelihood x impact = score (typedLog.ts).
  for (const range of streamRanges) preferTypedReading(doc, range, risks, messages, words);
  // Text drawn twice (an overlaid PDF, overlapping scans) repeats a risk: counted once, and a note says so.
  const { items, copies } = collapseOverlaidItems(risks, RISK_OVERLAYS);
  for (const r of copies) {
    messages.push({ level: 'info', message: 'risk repeated with small differences (text drawn twice?): counted once', page: r.page, source: r.description.slice(0, 120) });
  }
  return { value: items, messages };
}
