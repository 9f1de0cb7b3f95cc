// Which template a document follows: weighted marker phrases from the template files, then how many
// of the template's required sections the segmenter can actually find.
import type { DocumentModel } from '../model/document.js';
import type { Candidate } from './candidates.js';
import type { Marker, Template } from './template.js';
import { memoString } from '../cache/memo.js';
import { foldText } from '../text/clean.js';
import { contentTokens, matchedCount } from './text.js';

export interface MarkerResult {
  /** Share of positive marker weight found, 0-1. */
  score: number;
  /** Why the template is ruled out (a must marker missing, a mustNot marker present), else null. */
  ruledOut: string | null;
}

/** Lower-case words joined by single spaces, for phrase search in the whole text. */
export function flatText(s: string): string {
  return ` ${foldText(s)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/(\w)-(\w)/g, '$1$2')
    // Every run of other characters becomes one space; a lone space already is one (and is most runs in a text).
    .replace(/[^a-z0-9]{2,}|[^a-z0-9 ]/g, ' ')
    .trim()} `;
}

/** flatText of a marker phrase: the same few phrases are looked up in every document. */
const flatPhrase = memoString(flatText);

/** A numbered heading in capitals at the start of a paragraph ("3) CASE FOR CHANGE Please…"), not a numbered sentence. */
function runInCaps(c: Candidate, words: number): boolean {
  if (c.prefix.number === null && c.prefix.letter === null) return false;
  const head = c.prefix.rest.split(/\s+/, words).join(' ');
  return /[A-Z]/.test(head) && head === head.toUpperCase();
}

function foundAsHeading(phrase: string, candidates: Candidate[]): boolean {
  const p = contentTokens(phrase);
  if (p.length === 0) return false;
  const words = phrase.trim().split(/\s+/).length;
  // Words under five letters match only themselves (no fuzzy match), so the candidate must have them.
  const exactOnly = p.filter((w) => w.length < 5);
  return candidates.some((c) => {
    // Every phrase token must be matched by a distinct candidate token.
    if (c.prefix.sub || c.tokens.length < p.length || !exactOnly.every((w) => c.keys.has(w))) return false;
    // A line of its own, or a numbered heading run into its first sentence ("3) CASE FOR CHANGE Please set out…").
    const ownLine = c.kind !== 'runin' && c.tokens.length <= p.length + 4;
    if (!ownLine && c.prefix.number === null && c.prefix.letter === null) return false;
    return matchedCount(p, c.tokens.slice(0, p.length + 1)) === p.length && (ownLine || runInCaps(c, words));
  });
}

function markerFound(m: Marker, flat: string, candidates: Candidate[], found: Map<string, boolean>): boolean {
  return m.phrases.some((ph) => {
    const key = `${m.where}:${ph}`;
    let hit = found.get(key);
    if (hit === undefined) {
      hit = m.where === 'heading' ? foundAsHeading(ph, candidates) : flat.includes(flatPhrase(ph));
      found.set(key, hit);
    }
    return hit;
  });
}

/**
 * How well a document fits a template's markers. `found` remembers, for one document (its flat text and
 * candidates), which phrases were found: templates and markers share phrases ("CASE FOR CHANGE", "Spending Plan").
 * `phrasesFound` remembers it across the templates tried on one document.
 */
export function scoreMarkers(
  t: Template,
  doc: DocumentModel,
  candidates: Candidate[],
  flat = flatText(doc.text),
  phrasesFound = new Map<string, boolean>(),
): MarkerResult {
  let total = 0;
  let found = 0;
  let ruledOut: string | null = null;
  for (const m of t.detection.markers) {
    const hit = markerFound(m, flat, candidates, phrasesFound);
    if (m.kind === 'mustNot') {
      if (hit && !ruledOut) ruledOut = `has "${m.phrases[0]}"`;
      continue;
    }
    total += m.weight;
    if (hit) found += m.weight;
    else if (m.kind === 'must' && !ruledOut) ruledOut = `lacks "${m.phrases.join('" / "')}"`;
  }
  return { score: total > 0 ? found / total : 0, ruledOut };
}
