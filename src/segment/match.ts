// How well a candidate line matches a template section's heading. Scores are 0..~1.2; a candidate
// counts as a heading at MATCH_THRESHOLD or above.
import { memoByObject } from '../cache/memo.js';
import type { Candidate } from './candidates.js';
import type { TemplateParent, TemplateSection } from './template.js';
import { contentTokens, matchedCount, tokenDice, tokensMatch } from './text.js';

export const MATCH_THRESHOLD = 0.62;

/** Pre-tokenised heading variants of a section or parent. */
export interface HeadingMatcher {
  variants: string[][];
  number: string | null;
  letter: string | null;
  mustInclude: string[];
  /** Some variant itself opens like a sentence ("The …", "What …"). */
  sentenceLike: boolean;
  /** Token count of the longest variant. */
  longestVariant: number;
}

/** How a sentence of an answer opens; a heading rarely does. */
const SENTENCE_START = /^(?:the|this|these|those|our|we|it|its|there|in|as|an?|all|each|for|to|with|by)\b/i;

function headingMatcher(headings: string[], number: string | null, letter: string | null, mustInclude: string[]): HeadingMatcher {
  const variants = headings.map(contentTokens).filter((v) => v.length > 0);
  return {
    variants,
    number,
    letter,
    mustInclude: mustInclude.flatMap(contentTokens),
    sentenceLike: headings.some((h) => SENTENCE_START.test(h.trim())),
    longestVariant: Math.max(...variants.map((v) => v.length)),
  };
}

export function sectionMatcher(s: TemplateSection): HeadingMatcher {
  return headingMatcher(s.headings, s.number, s.letter, s.mustInclude);
}

export function parentMatcher(p: TemplateParent): HeadingMatcher {
  return headingMatcher(p.headings, p.number, null, []);
}

// Matchers depend only on the template: built once per section/parent object, not once per document (frozen:
// every document's segmentation shares them).
/** The matcher of a template section, built on first use. */
export const sectionMatcherOf: (s: TemplateSection) => HeadingMatcher = memoByObject(sectionMatcher);

/** The matcher of a template parent heading, built on first use. */
export const parentMatcherOf: (p: TemplateParent) => HeadingMatcher = memoByObject(parentMatcher);

/**
 * Which of `matchers` each key (a variant token, or the stem key of a longer one) occurs in. A candidate none of
 * whose keys (Candidate.keys) leads to a matcher has no rough hit on any of its variants, so it scores 0 against it.
 */
export function headingKeyIndex(matchers: HeadingMatcher[]): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  const add = (key: string, h: number) => {
    const list = byKey.get(key);
    if (!list) byKey.set(key, [h]);
    else if (list[list.length - 1] !== h) list.push(h);
  };
  matchers.forEach((m, h) => {
    for (const v of m.variants) {
      const stems = stemsOf(v);
      v.forEach((token, i) => {
        add(token, h);
        if (stems[i] !== null) add(stems[i]!, h);
      });
    }
  });
  return byKey;
}

/** Stem keys ("~" + first 4 letters) of a heading variant's longer tokens, built once per variant array. */
const stemsOf = memoByObject((h: readonly string[]): readonly (string | null)[] => h.map((t) => (t.length >= 5 ? `~${t.slice(0, 4)}` : null)));

/** How many heading tokens the candidate has exactly or by stem (cheap upper bound for fuzzy matching). */
function roughHits(h: string[], keys: Set<string>): number {
  const stems = stemsOf(h);
  let n = 0;
  for (let i = 0; i < h.length; i++) {
    const stem = stems[i];
    if (keys.has(h[i]) || (stem !== null && keys.has(stem))) n++;
  }
  return n;
}

/** Text similarity of one heading variant to a candidate's tokens. */
function variantScore(h: string[], cand: Candidate): number {
  const c = cand.tokens;
  const hits = roughHits(h, cand.keys);
  // Every way of scoring >= 0.45 needs at least this share of the heading's words.
  if (hits === 0 || hits < Math.min(h.length, c.length) * 0.4) return 0;
  let best = 0;
  if (cand.kind !== 'runin') {
    best = tokenDice(h, c);
    // The candidate is a shortened form of a long question heading.
    if (c.length >= 4 && h.length > c.length) {
      const contained = matchedCount(c, h) / c.length;
      best = Math.max(best, contained * (0.75 + 0.2 * Math.min(1, c.length / 8)));
    }
  }
  // The heading opens the candidate, followed by more words (an area name, a year, or the answer itself).
  // A one- or two-word heading counts at a paragraph start only with its numbering ("a) Risk log - …").
  if (cand.kind !== 'runin' || h.length >= 3 || cand.prefix.letter || cand.prefix.number) {
    const head = c.slice(0, h.length + (h.length >= 6 ? 2 : 0));
    const found = matchedCount(h, head) / h.length;
    if (found >= 0.75) {
      const extra = Math.max(0, c.length - h.length);
      const penalty = cand.kind === 'runin' ? 0.12 : Math.min(0.25, 0.02 * extra);
      best = Math.max(best, found * (0.97 - penalty));
    }
  }
  return best;
}

/** Text-only score of a candidate against a heading (no numbering or layout adjustments). */
export function textScore(m: HeadingMatcher, cand: Candidate): number {
  if (m.mustInclude.length > 0) {
    const window = cand.tokens.slice(0, m.longestVariant + 3);
    if (!m.mustInclude.some((w) => window.some((t) => t.startsWith(w) || tokensMatch(w, t)))) return 0;
  }
  let best = 0;
  for (const v of m.variants) best = Math.max(best, variantScore(v, cand));
  return best;
}

/** The candidate's words are all among a longer heading's, and no heading's words are all in the candidate. */
function isPartOfHeading(m: HeadingMatcher, cand: Candidate): boolean {
  const c = cand.tokens;
  if (m.variants.some((v) => matchedCount(v, c) === v.length)) return false;
  return m.variants.some((v) => v.length > c.length && matchedCount(c, v) === c.length);
}

/** Score with the numbering and layout taken into account. */
export function headingScore(m: HeadingMatcher, cand: Candidate): number {
  if (cand.prefix.sub) return 0;
  // A short unstyled line that opens in lower case and ends a sentence ("outcomes.") is the tail of a wrapped
  // cell or sentence, not a heading.
  if (cand.kind === 'short' && !cand.prefix.letter && !cand.prefix.number && /^\p{Ll}/u.test(cand.prefix.rest) && /[.;,]$/.test(cand.prefix.rest)) return 0;
  let s = textScore(m, cand);
  if (s < 0.45) return 0;
  const p = cand.prefix;
  if (p.letter) {
    if (m.letter === p.letter) s += 0.1;
    else if (m.letter) s -= 0.2;
    else s -= 0.1;
  }
  if (p.number) {
    if (m.number === p.number) s += 0.1;
    else if (m.number) s -= 0.2;
  }
  if (cand.kind === 'heading') s += 0.05;
  else if (cand.kind === 'bold') s += 0.03;
  // A sentence of the answer that repeats the heading's words is not the heading.
  if (!m.sentenceLike && SENTENCE_START.test(p.rest)) s -= 0.15;
  if (/[^.]\.$/.test(p.rest) && p.rest.split(' ').length > 6) s -= 0.1;
  if (cand.tocLike) s -= 0.45;
  // A label among a column of labels read as text is not a heading it only repeats part of ("Disabled Facilities
  // Grant (DFG)" in an income table is not the narrative's "Disabled Facilities Grant (DFG) and wider services"); a
  // title over the column holding a whole heading ("BCF Income for <area> 2022/23:") still is.
  if (cand.inLabelRun && !p.letter && !p.number && isPartOfHeading(m, cand)) s -= 0.4;
  return s;
}
