// Is a section answered? Its body without the template's own guidance, parent headings, sub-question
// prompts and sign-off labels must say something; "to be finalised", "TBC" and the like do not count.
import { memoByObject } from '../cache/memo.js';
import type { Section } from '../record/schema.js';
import { tokenKeys, type Candidate } from './candidates.js';
import { MATCH_THRESHOLD, textScore, type HeadingMatcher } from './match.js';
import type { TemplateSection } from './template.js';
import { stripMarkup } from '../text/clean.js';
import { contentTokens, matchedCount, parseHeadingPrefix, possibleMatches, type HeadingPrefix } from './text.js';

/** An answer of this many content words or fewer that says only "to follow" is a placeholder. */
// The phrases seen in real submissions (../shared/spec/tables.md): "this section is still to be completed",
// "still to be finalised", "information is being collated", "to follow", "xx", "Xxx", "£2xxk".
const PLACEHOLDER_ANSWER =
  /\b(?:(?:still )?to be (?:finali[sz]ed|confirmed|agreed|completed|added|provided|updated|developed|inserted|written|collated)|to follow|tbc|tba|tbd|not yet (?:available|agreed|complete[d]?|written)|awaiting|insert (?:text|here)|under development|(?:is|are) being (?:collated|gathered|compiled|drafted|developed|finali[sz]ed)|will be (?:added|provided|completed|finali[sz]ed|confirmed|inserted)|x{2,})\b|£\s*\d*x{2,}k?\b/i;

/** Labels of a sign-off block; with template placeholders removed, a block of only these is unsigned. */
const SIGNOFF_LABELS = new Set(
  'signed behalf clinical commissioning group groups ccg ccgs council councils health wellbeing board boards chair cochair co position date insert signature here name signatory job title extra rows additional required local authority authorities hwb'.split(
    ' ',
  ),
);

function lineCandidate(text: string, prefix: HeadingPrefix, tokens: string[]): Candidate {
  return {
    blockIndex: -1, rowIndex: null, offset: 0, end: 0, page: null, display: text, prefix,
    tokens, keys: tokenKeys(tokens), kind: 'short', tocLike: false, inLabelRun: false,
  };
}

/** Remove the leading words of `tokens` that repeat a guidance text. */
function withoutGuidance(tokens: string[], guidance: readonly (readonly string[])[]): string[] {
  let rest = tokens;
  for (const g of guidance) {
    if (g.length === 0 || rest.length === 0) continue;
    const head = rest.slice(0, g.length + 2);
    // Neither test below can pass when too few words of the line could match the guidance at all.
    const possible = possibleMatches(head, g);
    // The whole line is guidance (perhaps shortened), or it opens with the guidance.
    if (possible / head.length >= 0.8 && matchedCount(head, g) / head.length >= 0.8) {
      rest = rest.length <= g.length + 2 ? [] : rest.slice(Math.min(rest.length, g.length));
    } else if (g.length >= 3 && possible / g.length >= 0.8 && matchedCount(g, head) / g.length >= 0.8) {
      rest = rest.slice(g.length);
    }
  }
  return rest;
}

// Guidance tokens depend only on the template section: worked out once per section object.
const guidanceTokens = memoByObject((section: TemplateSection): readonly (readonly string[])[] =>
  section.guidance.map(contentTokens).filter((t) => t.length > 0));

/** present or placeholder for a section whose heading was found, from the text between it and the next section. */
export function sectionBodyStatus(body: string, section: TemplateSection, parents: HeadingMatcher[]): Section['status'] {
  const guidance = guidanceTokens(section);
  const kept: string[] = [];
  // The lines that said something, as written: placeholder phrases are tested on them (stop words and all).
  const keptLines: string[] = [];
  // Lines, and table cells (tab-joined in the text) on their own: a header cell is a guidance label.
  for (const rawLine of body.split(/\n|\t/)) {
    const line = stripMarkup(rawLine.replace(/<[^>]*>/g, ' '));
    if (!/[A-Za-z0-9]/.test(line)) continue;
    const prefix = parseHeadingPrefix(line);
    // The next group's numbered heading sits at the end of this section's span (a short line: test only those).
    const headTokens = contentTokens(prefix.rest);
    if (headTokens.length <= 8 && parents.length > 0) {
      const cand = lineCandidate(line, prefix, headTokens);
      if (parents.some((p) => textScore(p, cand) >= MATCH_THRESHOLD)) continue;
    }
    let tokens = contentTokens(line);
    if (prefix.sub && tokens.length <= 3) continue;
    tokens = withoutGuidance(tokens, guidance);
    if (section.signoff) tokens = tokens.filter((t) => !SIGNOFF_LABELS.has(t));
    kept.push(...tokens);
    if (tokens.length > 0) keptLines.push(line);
    // Enough words of answer already: the rest cannot make it a placeholder.
    if (kept.length > 15) return 'present';
  }
  // A short pointer elsewhere ("See Annex 1") is the author's answer, not a blank.
  if (kept.length < 4) return /\b(?:see|refer|explained|covered|detailed|described|set out)\b/.test(kept.join(' ')) ? 'present' : 'placeholder';
  if (kept.length <= 15 && PLACEHOLDER_ANSWER.test(keptLines.join(' '))) return 'placeholder';
  return 'present';
}
