// The question rows of the 2014 provider-commentary annex ("How many non-elective admissions is the BCF planned
// to prevent in 14-15? | 410 (winter wave 2 of 14/15)") as raw pdftotext writes them: the two cells
// printed line by line across the row, so the question's words and the answer's figure and bracketed note
// interleave ("admissions winter"), a word the question's cell cut at its hyphen runs into the figure beside it
// ("non" + "655" + " (this"), and the figure may come before the question's period or after it. A row is read
// from its lines as a whole: it opens at the question's first words, its period is the question's closing word
// ("14-15?", "1415?" where the cut lost its hyphen), its answer the first figure outside a bracket; the figures of
// the note ("wave 2", "weeks 3-4") are never the answer.
import type { DocumentModel } from '../../model/document.js';
import type { Metric } from '../../record/schema.js';
import { fieldRanges, type Segmentation } from '../../segment/types.js';
import { cleanCellText } from '../../text/clean.js';
import { rowWiseMetric, type MetricContext } from './table.js';
import type { MetricWords } from './vocabulary.js';

/** A question row opens with these words (on one line or two: "How" / "many"). */
const QUESTION_OPENING = /^How (many|much)\b/;
/** The most lines one row's two cells take in reading order. */
const MAX_ROW_LINES = 40;
/** A line this long is prose (the annex's footnote), not a cell's line. */
const MAX_CELL_LINE = 80;
/** How far above a row the annex's name row is looked for. */
const NAME_LOOKBACK = 80;
/** The question's closing word: its period, hyphen kept, or lost where the cut rejoined it ("1415?"). */
const CLOSING_PERIOD = /(?<!\d)(?:20)?(\d\d)[-/]?(\d\d)\?$/;
/** The answer's figure, alone or glued to a word its cell cut ("non655"), a bracket perhaps after it. */
const FIGURE = /^(?:\p{Ll}{2,})?(\d[\d,]*)(?=\(|$)/u;

export interface QuestionRows {
  metrics: Metric[];
  /** The blocks the rows were read from: no other line reader reads them again. */
  covers: (block: number) => boolean;
}

/** The annex's question rows in the sections the template gives metrics, read from lines outside every table. */
export function annexQuestionRows(doc: DocumentModel, seg: Segmentation, inTable: (block: number) => boolean, metricWords: MetricWords): QuestionRows {
  const metrics: Metric[] = [];
  const spans: Array<[number, number]> = [];
  const line = (i: number): string | null => {
    const b = doc.blocks[i];
    return b && b.kind === 'paragraph' && !inTable(i) ? cleanCellText(b.text) : null;
  };
  const blankBefore = (i: number) => {
    const b = doc.blocks[i];
    return b?.kind === 'paragraph' && (b.blankLinesBefore ?? 0) > 0;
  };
  const opens = (i: number, to: number) => {
    const a = line(i);
    if (a === null || a.length > MAX_CELL_LINE) return false;
    return QUESTION_OPENING.test(a) || (a === 'How' && i + 1 < to && /^(many|much)\b/.test(line(i + 1) ?? ''));
  };
  for (const [from, to] of fieldRanges(seg, 'metrics', doc.blocks.length)) {
    for (let i = from; i < to; i++) {
      if (!opens(i, to)) continue;
      const row = readRow(i, to);
      if (!row) continue;
      const ctx: MetricContext = { key: null, label: null };
      // Where the cut question no longer names its measure ("non" / "elective" apart), the annex's name row does.
      for (let k = i - 1; k >= Math.max(from, i - NAME_LOOKBACK) && !ctx.key; k--) {
        const t = line(k);
        if (t && t.length < 160) ctx.key = metricWords.metricKeyOf(t);
      }
      const m = rowWiseMetric([row.question, row.figure], ctx, doc.blocks[i].page, `${row.question}\t${row.figure}`, { block: i }, metricWords);
      if (m) {
        metrics.push(m);
        spans.push([i, row.end]);
        i = row.end - 1;
      }
    }
  }
  return { metrics, covers: (block) => spans.some(([a, b]) => block >= a && block < b) };

  /** The row opening at line `start`: its question (period normalised), its figure, and the line after it. */
  function readRow(start: number, to: number): { question: string; figure: string; end: number } | null {
    const words: string[] = [];
    let figure: string | null = null;
    let period: string | null = null;
    let depth = 0;
    let end = start;
    for (let k = start; k < to && k - start < MAX_ROW_LINES; k++) {
      const t = line(k);
      if (t === null || t.length > MAX_CELL_LINE || (k > start && opens(k, to))) break;
      // A whole row read (question closed, answer found, its note closed) ends at the next blank line.
      if (k > start && figure !== null && period !== null && depth === 0 && blankBefore(k)) break;
      end = k + 1;
      for (const w of t.split(/\s+/).filter(Boolean)) {
        const f: RegExpExecArray | null = depth === 0 && figure === null ? FIGURE.exec(w) : null;
        if (f) {
          figure = f[1];
          const glued = w.slice(0, f.index + f[0].length - f[1].length);
          if (glued) words.push(glued);
        } else {
          const p = CLOSING_PERIOD.exec(w);
          if (p && period === null && Number(p[2]) === (Number(p[1]) + 1) % 100) period = `${p[1]}-${p[2]}`;
          // The note's words interleave with the question's: only its figures and bracketed ends are left out.
          else if (!/[()\d]/.test(w)) words.push(w);
        }
        depth = Math.max(0, depth + (w.match(/\(/g)?.length ?? 0) - (w.match(/\)/g)?.length ?? 0));
      }
    }
    if (figure === null || period === null) return null;
    return { question: `${words.join(' ')} ${period}?`, figure, end };
  }
}
