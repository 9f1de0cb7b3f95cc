import type { Flag, Section } from '../record/schema.js';

/** One template section as found (or not) in a document. */
export interface SectionSpan extends Section {
  /** Offsets into DocumentModel.text: from the heading to the start of the next section; -1 when missing. */
  start: number;
  end: number;
  /** Index range into DocumentModel.blocks (end exclusive); -1 when missing. */
  blockStart: number;
  blockEnd: number;
}

export interface Segmentation {
  /** Template id, or "unknown". */
  template: string;
  sections: SectionSpan[];
  /** MISSING_SECTION, PLACEHOLDER_SECTION, UNKNOWN_TEMPLATE. */
  flags: Flag[];
  /** Block ranges [start, end) each field reads, from the template's `fields`; absent: the whole document. */
  fieldRanges?: Partial<Record<FieldName, Array<[number, number]>>>;
  /** The template's financial years (its `financialYears`); absent for an unknown template. */
  financialYears?: string[];
}

export type FieldName = 'schemes' | 'budgets' | 'risks' | 'metrics';

/** The block ranges a field reads: its template sections where segmentation found them, else the whole document. */
export function fieldRanges(seg: Segmentation, field: FieldName, blockCount: number): Array<[number, number]> {
  const ranges = seg.fieldRanges?.[field];
  return ranges && ranges.length > 0 ? ranges : [[0, blockCount]];
}

/** Block `index` lies in a range the field reads. */
export function fieldReads(seg: Segmentation, field: FieldName, index: number, blockCount: number): boolean {
  return fieldRanges(seg, field, blockCount).some(([from, to]) => index >= from && index < to);
}

/** The section containing a text offset (the innermost / last-starting span), or null. */
export function sectionAt(seg: Segmentation, offset: number): SectionSpan | null {
  return innermost(seg, offset, (s) => s.start, (s) => s.end);
}

/** The section containing a block index (the innermost / last-starting span), or null. */
export function sectionOfBlock(seg: Segmentation, blockIndex: number): SectionSpan | null {
  return innermost(seg, blockIndex, (s) => s.blockStart, (s) => s.blockEnd);
}

/** The last-starting section whose [start, end) holds `at` (a start below 0: a section not found in the text). */
function innermost(seg: Segmentation, at: number, start: (s: SectionSpan) => number, end: (s: SectionSpan) => number): SectionSpan | null {
  let best: SectionSpan | null = null;
  for (const s of seg.sections) {
    if (start(s) < 0 || at < start(s) || at >= end(s)) continue;
    if (!best || start(s) >= start(best)) best = s;
  }
  return best;
}
