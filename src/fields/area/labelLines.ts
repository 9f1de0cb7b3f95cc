// Plan-details labels and values as raw text gives them when both cells of a two-column row wrap: pdftotext
// without `-layout` writes the row's lines in the order they sit on the page, so the label's lines and the
// value's lines alternate ("Clinical" / "NHS Northby" / "Commissionin" / "CCG" / "g Groups"), and a word cut at
// the narrow label cell's edge goes on in the next label line. Also the page furniture a page break leaves
// between the names of one list (a lone page number at the foot of the page).
import type { Block } from '../../model/document.js';
import type { OrgRole } from './orgs.js';
import { joinCutWord, type WordVocabulary } from '../../text/vocabulary.js';

/** Two lines of one cell as one: without a space where a word was cut between them ("Derbysh" / "ire CCG"). */
export function joinLines(line: string, next: string, vocabulary: WordVocabulary): string {
  return joinCutWord(line.trim(), next.trim(), vocabulary) ?? `${line.trim()} ${next.trim()}`;
}

/** The labels' words in full, normalised (norm): a label's lines are read while they are a start of one of these. */
const LABEL_PHRASES = [
  'local authority',
  'local authorities',
  'upper tier local authority',
  'name of local authority',
  'clinical commissioning group',
  'clinical commissioning groups',
  'name of clinical commissioning group',
  'integrated care board',
  'integrated care boards',
  'health and wellbeing board',
  'name of health and wellbeing board',
];

/** Lower case, "&" as "and", "Well-Being" one word, "(s)" and punctuation dropped. */
function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\(s\)/g, 's')
    .replace(/\bwell[\s-]*being\b/g, 'wellbeing')
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** `s` is the start of a label phrase, ending at a word's end or inside a word cut at the cell edge. */
function startsLabel(s: string): boolean {
  return s !== '' && LABEL_PHRASES.some((p) => p.startsWith(s));
}

/** A short line of text (a paragraph or list item), the shape a line of a plan-details cell has. */
function lineOf(b: Block | undefined): string | null {
  if (!b || b.kind === 'table' || b.kind === 'heading') return null;
  const t = b.text.trim();
  return t !== '' && t.length <= 60 && !t.includes('\n') ? t : null;
}

export interface InterleavedLabel {
  role: OrgRole;
  /** The value's lines that sat between the label's lines, joined ("NHS Northby" + "CCG"), or null if none did. */
  value: string | null;
  /** Indexes of the blocks holding the label's first and last lines. */
  start: number;
  end: number;
}

/**
 * A label begun at `blocks[from]` and wrapped over the next lines, the value's lines between them. The label's
 * lines are those that go on with a label phrase (joined with a space, or without one where a word was cut); the
 * others before the label is whole are the value's. `labelRole` says whether the joined label is a field's label.
 */
export function readInterleavedLabel(
  blocks: Block[],
  from: number,
  labelRole: (text: string) => OrgRole | null,
  vocabulary: WordVocabulary = new Map(),
): InterleavedLabel | null {
  const first = lineOf(blocks[from]);
  if (first === null) return null;
  let label = norm(first);
  if (!startsLabel(label) || !label.includes(' ') && label.length < 5) return null;
  let written = first;
  const value: string[] = [];
  for (let k = from + 1; k < blocks.length && k <= from + 8; k++) {
    const line = lineOf(blocks[k]);
    if (line === null) return null;
    const n = norm(line);
    const spaced = `${label} ${n}`;
    const glued = `${label}${n}`;
    if (startsLabel(spaced) || startsLabel(glued)) {
      const cut = !startsLabel(spaced);
      label = cut ? glued : spaced;
      written = cut ? `${written}${line}` : `${written} ${line}`;
      const role = labelRole(written);
      if (role) return { role, value: value.length > 0 ? value.reduce((a, b) => joinLines(a, b, vocabulary)) : null, start: from, end: k };
      continue;
    }
    // A value's line: at most a few before the label is whole.
    if (value.length >= 3) return null;
    value.push(line);
  }
  return null;
}

/** A lone page number (or "Page 4 of 12", "- 7 -") at a page break: the foot of one page or the head of the next. */
export function isPageBreakFurniture(blocks: Block[], k: number): boolean {
  const b = blocks[k];
  if (!b || b.kind === 'table' || b.page === null) return false;
  if (!/^(?:page\s*\d+(?:\s*(?:of|\/)\s*\d+)?|[-–—\s]*\d{1,4}[-–—\s]*)$/i.test(b.text.trim())) return false;
  const before = blocks[k - 1];
  const after = blocks[k + 1];
  return (after !== undefined && after.page !== null && after.page !== b.page) || (before !== undefined && before.page !== null && before.page !== b.page);
}
