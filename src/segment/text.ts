// Text normalisation for matching headings: numbering prefixes and content tokens (folding and markup removal
// are src/text/clean.ts's). Pure functions; nothing here knows about a particular template.
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { memoString } from '../cache/memo.js';
import { foldText } from '../text/clean.js';

/** The numbering in front of a heading: "1)", "1.", "a)", "b)What…", "ANNEX 1", and the text after it. */
export interface HeadingPrefix {
  number: string | null;
  letter: string | null;
  /** A sub-question numeral (i, ii, iv) or a sub-number like "a.1"/"2.2": never a section of its own. */
  sub: boolean;
  rest: string;
}

const ROMAN = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$/i;

export function parseHeadingPrefix(line: string): HeadingPrefix {
  let rest = line.trim();
  let number: string | null = null;
  let letter: string | null = null;
  let sub = false;
  // Sub-numbering such as "a.1", "a.1.2", "b.3", "2.2", "4.3": a sub-heading, not a template section.
  const subNum = /^(?:[a-h]|\d{1,2})\.\d{1,2}(?:\.\d{1,2})*\.?(?=\s|$)\s*/i.exec(rest);
  if (subNum) return { number: null, letter: null, sub: true, rest: rest.slice(subNum[0].length) };
  const num = /^(?:(?:section|part)\s+)?(\d{1,2})\s*(?:[).:]|\s-\s|\s(?=[A-Za-z]))\s*/i.exec(rest);
  if (num) {
    number = num[1];
    rest = rest.slice(num[0].length);
  }
  const let_ = /^\(?([a-z]{1,4})\s*(?:\)|\.(?=\s))\s*/i.exec(rest);
  if (let_) {
    const tag = let_[1].toLowerCase();
    if (tag.length === 1 && tag >= 'a' && tag <= 'h') {
      letter = tag;
      rest = rest.slice(let_[0].length);
    } else if (ROMAN.test(tag)) {
      sub = true;
      rest = rest.slice(let_[0].length);
    }
  }
  return { number, letter, sub, rest: rest.trim() };
}

const STOPWORDS = new Set(
  'a an and are as at be by for from has have how in into is it its of on or our over please the their this to will with your you which what when where who'.split(
    ' ',
  ),
);

// Remembered: every candidate heading is tokenised against every template section (the result is frozen; callers get a copy).
const contentTokensCached = memoString(contentTokensUncached);

/** Lower-case content tokens: folded, "&" read as "and", hyphens joined ("well-being" = "wellbeing"), stopwords out. */
export function contentTokens(s: string): string[] {
  // A copy: callers may change the array they get.
  return contentTokensCached(s).slice();
}

function contentTokensUncached(s: string): string[] {
  const t = foldText(s)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/(\w)-(\w)/g, '$1$2')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (!t) return [];
  return t.split(' ').filter((w) => !STOPWORDS.has(w));
}

// Fuzzy verdicts remembered per token: the inner map of a token holds its verdict against each other token.
const fuzzyCache = new Map<string, Map<string, boolean>>();
let fuzzyEntries = 0;

/** Cheap tests two unequal tokens must pass before Jaro-Winkler can call them one word with a slip. */
function fuzzyCandidates(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 2) return false;
  // Jaro-Winkler >= 0.93 on words this short needs a shared start; skip the costly cases quickly.
  return a[0] === b[0] || a[1] === b[1];
}

function fuzzyVerdicts(a: string): Map<string, boolean> {
  let inner = fuzzyCache.get(a);
  if (!inner) {
    if (fuzzyEntries > 200_000) {
      fuzzyCache.clear();
      fuzzyEntries = 0;
    }
    inner = new Map();
    fuzzyCache.set(a, inner);
  }
  return inner;
}

function fuzzyEqual(verdicts: Map<string, boolean>, a: string, b: string): boolean {
  let v = verdicts.get(b);
  if (v === undefined) {
    // One argument order for every pair, so the verdict does not depend on which token asks.
    v = (a < b ? JaroWinklerDistance(a, b) : JaroWinklerDistance(b, a)) >= 0.93;
    verdicts.set(b, v);
    fuzzyEntries++;
  }
  return v;
}

/** Token equality that tolerates an OCR slip in a longer word ("govemance"). */
export function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  return fuzzyCandidates(a, b) && fuzzyEqual(fuzzyVerdicts(a), a, b);
}

/** How many tokens of `a` have a match in `b` (each token of `b` used once): an unused equal token first, else an unused fuzzy match. */
export function matchedCount(a: readonly string[], b: readonly string[]): number {
  // Bit i of `used` marks b[i] as taken (b has at most 32 tokens on this path).
  if (b.length > 32) return matchedCountLong(a, b);
  let used = 0;
  let n = 0;
  for (const x of a) {
    let k = -1;
    for (let i = 0; i < b.length; i++) {
      if ((used & (1 << i)) === 0 && b[i] === x) {
        k = i;
        break;
      }
    }
    // tokensMatch only forgives slips in words of five letters or more.
    if (k < 0 && x.length >= 5) {
      let verdicts: Map<string, boolean> | null = null;
      for (let i = 0; i < b.length; i++) {
        if ((used & (1 << i)) === 0 && fuzzyCandidates(x, b[i]) && fuzzyEqual((verdicts ??= fuzzyVerdicts(x)), x, b[i])) {
          k = i;
          break;
        }
      }
    }
    if (k >= 0) {
      used |= 1 << k;
      n++;
    }
  }
  return n;
}

function matchedCountLong(a: readonly string[], b: readonly string[]): number {
  const used = new Array<boolean>(b.length).fill(false);
  let n = 0;
  for (const x of a) {
    let k = -1;
    for (let i = 0; i < b.length; i++) {
      if (!used[i] && b[i] === x) {
        k = i;
        break;
      }
    }
    if (k < 0 && x.length >= 5) {
      for (let i = 0; i < b.length; i++) {
        if (!used[i] && tokensMatch(x, b[i])) {
          k = i;
          break;
        }
      }
    }
    if (k >= 0) {
      used[k] = true;
      n++;
    }
  }
  return n;
}

/**
 * How many tokens of `a` have an equal token in `b` or one that passes the cheap fuzzy tests: a bound on
 * matchedCount(a, b) and on matchedCount(b, a) that needs no Jaro-Winkler verdicts, for skipping hopeless pairs.
 */
export function possibleMatches(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  for (const x of a) {
    if (b.includes(x)) n++;
    else if (x.length >= 5 && b.some((y) => fuzzyCandidates(x, y))) n++;
  }
  return n;
}

/** Dice coefficient over token multisets with fuzzy token equality. */
export function tokenDice(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * matchedCount(a, b)) / (a.length + b.length);
}

/** A slug for `other.<slug>` section ids. */
export function slugify(s: string): string {
  return (
    foldText(s)
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60)
      .replace(/_+$/, '') || 'section'
  );
}
