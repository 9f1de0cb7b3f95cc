// Most common risk themes across plans: frequent meaningful words and two-word phrases in risk descriptions.
import { words as englishStopwords } from 'natural/lib/natural/util/stopwords.js';

/** Words every risk log uses that say nothing about the theme. */
const RISK_LOG_WORDS = [
  'risk', 'risks', 'may', 'might', 'will', 'could', 'would', 'also', 'due', 'result', 'resulting', 'results', 'lead',
  'leading', 'leads', 'impact', 'impacts', 'including', 'within', 'across', 'around', 'bcf', 'plan', 'plans',
  'planned', 'fund', 'better', 'care', 'etc', 'e.g', 'i.e', 'unable', 'able', 'level', 'levels', 'required', 'require',
  'requires', 'need', 'needs', 'not', 'does', 'being', 'upon', 'via', 'per', 'one', 'two', 'new', 'use', 'used',
  'fail', 'fails', 'failure', 'failing', 'ability', 'lack', 'potential', 'significant', 'increased', 'increase',
];
// "care" alone is in every plan; kept in phrases ("social care", "domiciliary care") via the bigram rule below.
const STOP = new Set([...englishStopwords, ...RISK_LOG_WORDS]);
const PHRASE_ONLY = new Set(['care', 'impact']);

export interface ThemeCount {
  term: string;
  risks: number;
  areas: number;
}

export interface RiskThemes {
  words: ThemeCount[];
  phrases: ThemeCount[];
  /** Distinct risks (per area) the counts are over. */
  riskCount: number;
}

export function tokens(text: string): string[] {
  return text.toLowerCase().replace(/[’']/g, '').match(/[a-z][a-z-]*[a-z]|[a-z]/g) ?? [];
}

function meaningful(word: string, inPhrase: boolean): boolean {
  if (word.length < 3) return false;
  if (inPhrase && PHRASE_ONLY.has(word)) return true;
  return !STOP.has(word);
}

/**
 * Count, per term, how many risks mention it and in how many areas. A phrase is two adjacent meaningful words
 * (no bridging over stop words, so "transfers of care" does not become "transfers care").
 */
export function riskThemes(risks: { area: string; description: string }[], limit = 15, minRisks = 2): RiskThemes {
  const wordHits = new Map<string, { risks: number; areas: Set<string> }>();
  const phraseHits = new Map<string, { risks: number; areas: Set<string> }>();
  const add = (map: typeof wordHits, term: string, area: string) => {
    const hit = map.get(term) ?? { risks: 0, areas: new Set<string>() };
    hit.risks++;
    hit.areas.add(area);
    map.set(term, hit);
  };
  // The same risk read twice for one area (the plan as PDF and as Word, or resubmitted) counts once.
  const seen = new Set<string>();
  for (const r of risks) {
    const toks = tokens(r.description);
    const key = `${r.area}\u0000${toks.join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const seenWords = new Set(toks.filter((t) => meaningful(t, false)));
    const seenPhrases = new Set<string>();
    for (let i = 0; i + 1 < toks.length; i++) {
      if (meaningful(toks[i], true) && meaningful(toks[i + 1], true) && toks[i] !== toks[i + 1]) seenPhrases.add(`${toks[i]} ${toks[i + 1]}`);
    }
    for (const w of seenWords) add(wordHits, w, r.area);
    for (const p of seenPhrases) add(phraseHits, p, r.area);
  }
  const top = (map: typeof wordHits): ThemeCount[] =>
    [...map]
      .filter(([, h]) => h.risks >= minRisks)
      .map(([term, h]) => ({ term, risks: h.risks, areas: h.areas.size }))
      .sort((a, b) => b.areas - a.areas || b.risks - a.risks || a.term.localeCompare(b.term))
      .slice(0, limit);
  return { words: top(wordHits), phrases: top(phraseHits), riskCount: seen.size };
}
