// Line groups: the lines of raw pdftotext between blank lines, each group one cell of a table read in reading
// order (no -layout), and the cut where a group runs one cell into the next. Shared by the readers of cells in
// reading order (groupedCells.ts, figureRows.ts, the typed risk log).
import type { DocumentModel } from '../model/document.js';
import { blankLinesBefore } from './cellStream.js';
import { joinCutWord, textVocabulary, type WordVocabulary } from '../text/vocabulary.js';

export interface LineGroup {
  lines: string[];
  block: number;
}

const vocabularies = new WeakMap<DocumentModel, WordVocabulary>();
export function vocabularyOf(doc: DocumentModel): WordVocabulary {
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

