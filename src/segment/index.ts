// Entry of the segment stage: detect the template a document follows, then find each of its sections.
import { freezeLists, memoByObject } from '../cache/memo.js';
import type { DocumentModel } from '../model/document.js';
import type { Flag } from '../record/schema.js';
import { alignMonotonic, alignmentScore } from './align.js';
import { findCandidates, type Candidate } from './candidates.js';
import { flatText, scoreMarkers } from './detect.js';
import { headingKeyIndex, headingScore, MATCH_THRESHOLD, parentMatcherOf, sectionMatcherOf, type HeadingMatcher } from './match.js';
import { sectionBodyStatus } from './status.js';
import type { Template, TemplateSection } from './template.js';
import type { FieldName, SectionSpan, Segmentation } from './types.js';
import { slugify } from './text.js';

export type { Segmentation, SectionSpan } from './types.js';
export type { Template, TemplateSection } from './template.js';
export { loadTemplates, parseTemplate, TemplateSchema } from './template.js';

/** A document fits a template when its combined score reaches this. */
const MIN_TEMPLATE_SCORE = 0.45;

export interface TemplateScore {
  id: string;
  markerScore: number;
  /** Share of required sections found (0 when not segmented). */
  sectionScore: number;
  score: number;
  ruledOut: string | null;
}

export interface Detection {
  template: Template | null;
  scores: TemplateScore[];
}

export interface Found {
  section: TemplateSection;
  cand: Candidate | null;
  score: number;
}

export interface Alignment {
  found: Found[];
  total: number;
}

/**
 * Characters of answer between each candidate and the next candidate that looks like a different
 * heading (a contents list is a run of different headings with nothing between them; a heading
 * followed by a sentence repeating its words still has an answer).
 */
function bodyAfter(candidates: Candidate[], bestHeading: number[], docLength: number): number[] {
  const out = new Array<number>(candidates.length).fill(0);
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (c.kind === 'runin') {
      out[k] = 1000;
      continue;
    }
    let next = docLength;
    for (let j = k + 1; j < candidates.length; j++) {
      if (bestHeading[j] >= 0 && bestHeading[j] !== bestHeading[k]) {
        next = candidates[j].offset;
        break;
      }
      if (candidates[j].offset - c.end > 200) break;
    }
    // A long line may be a heading with the start of its answer on the same line.
    out[k] = Math.max(0, next - c.end) + Math.max(0, c.display.length - 100);
  }
  return out;
}

/** Section order options: template order, with whole parts permuted (an appended Part 2 may come first).
 *  Remembered per template: every document tries them all. Frozen lists; the sections are the template's own. */
const sectionOrders = memoByObject<Template, readonly (readonly TemplateSection[])[]>(sectionOrdersOf, freezeLists);

function sectionOrdersOf(t: Template): TemplateSection[][] {
  const parts: string[] = [];
  for (const s of t.sections) if (!parts.includes(s.part ?? '')) parts.push(s.part ?? '');
  if (parts.length === 1 || parts.length > 4) return [t.sections.slice()]; // a copy: the cache freezes its lists
  const perms: string[][] = [];
  const permute = (rest: string[], acc: string[]) => {
    if (rest.length === 0) perms.push(acc);
    rest.forEach((p, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...acc, p]));
  };
  permute(parts, []);
  return perms.map((order) => order.flatMap((p) => t.sections.filter((s) => (s.part ?? '') === p)));
}

interface HeadingIndex {
  /** The template's section matchers, then its parent matchers: heading h of `bestHeading`. */
  readonly matchers: readonly HeadingMatcher[];
  /** Headings each token or stem key occurs in (see headingKeyIndex). */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
}

// Remembered per template: every candidate line of every document is scored against the same matchers.
// byKey is a Map, which freezing does not reach: it is read-only by type.
const headingIndex = memoByObject<Template, HeadingIndex>((t) => {
  const matchers = [...t.sections.map(sectionMatcherOf), ...t.parents.map(parentMatcherOf)];
  return { matchers, byKey: headingKeyIndex(matchers) };
});

/** Best alignment of one template's sections to the candidates (exported for debugging tools and tests). */
export function alignTemplate(t: Template, doc: DocumentModel, candidates: Candidate[]): Alignment {
  const { matchers, byKey } = headingIndex(t);
  const rows = t.sections.map(() => new Float64Array(candidates.length));
  // Which heading (section i, or parent sections.length + p) each candidate matches best, or -1.
  const bestHeading = new Array<number>(candidates.length).fill(-1);
  const bestScore = new Array<number>(candidates.length).fill(MATCH_THRESHOLD);
  const reached = new Uint8Array(matchers.length);
  candidates.forEach((c, j) => {
    // Only headings sharing a word or stem with the candidate can score above 0; the rest stay 0.
    reached.fill(0);
    for (const key of c.keys) for (const h of byKey.get(key) ?? []) reached[h] = 1;
    for (let h = 0; h < matchers.length; h++) {
      if (reached[h] === 0) continue;
      const score = headingScore(matchers[h], c);
      if (h < rows.length) rows[h][j] = score;
      // Later headings win ties, as in template order.
      if (score >= bestScore[j]) {
        bestScore[j] = score;
        bestHeading[j] = h;
      }
    }
  });
  const scores = new Map<string, Float64Array>(t.sections.map((s, i) => [s.id, rows[i]]));
  const body = bodyAfter(candidates, bestHeading, doc.text.length);
  const adjusted = new Map<string, Float64Array>();
  for (const [id, row] of scores) {
    const adj = new Float64Array(row.length);
    for (let j = 0; j < row.length; j++) {
      if (row[j] <= 0) {
        adj[j] = -Infinity;
        continue;
      }
      const a = row[j] + (body[j] >= 80 ? 0.08 : body[j] < 15 ? -0.12 : 0);
      adj[j] = a >= MATCH_THRESHOLD ? a : -Infinity;
    }
    adjusted.set(id, adj);
  }
  let best: Alignment = { found: [], total: -1 };
  for (const order of sectionOrders(t)) {
    const weights = order.map((s) => adjusted.get(s.id)!);
    const chosen = alignMonotonic(weights, candidates.length);
    const total = alignmentScore(weights, chosen);
    if (total > best.total) {
      const found = order.map((s, i) => ({
        section: s,
        cand: chosen[i] >= 0 ? candidates[chosen[i]] : null,
        score: chosen[i] >= 0 ? weights[i][chosen[i]] : 0,
      }));
      // Report in template order whatever the document order.
      found.sort((a, b) => t.sections.indexOf(a.section) - t.sections.indexOf(b.section));
      best = { found, total };
    }
  }
  return best;
}

function requiredShare(a: Alignment): number {
  const req = a.found.filter((f) => f.section.required);
  if (req.length === 0) return 0;
  return req.filter((f) => f.cand).length / req.length;
}

function detectWith(doc: DocumentModel, templates: Template[], candidates: Candidate[]) {
  const flat = flatText(doc.text);
  const phrasesFound = new Map<string, boolean>();
  const scores: TemplateScore[] = [];
  let best: { t: Template; a: Alignment; score: number } | null = null;
  const consider = (t: Template, entry: TemplateScore, m: { score: number; ruledOut: string | null }, scored: Template = t) => {
    if (m.ruledOut || m.score < scored.detection.minScore) return;
    const a = alignTemplate(scored, doc, candidates);
    entry.sectionScore = requiredShare(a);
    entry.score = 0.5 * m.score + 0.5 * entry.sectionScore;
    if (entry.score >= MIN_TEMPLATE_SCORE && (!best || entry.score > best.score)) best = { t, a, score: entry.score };
  };
  for (const t of templates) {
    const m = scoreMarkers(t, doc, candidates, flat, phrasesFound);
    const entry: TemplateScore = { id: t.id, markerScore: m.score, sectionScore: 0, score: 0, ruledOut: m.ruledOut };
    scores.push(entry);
    consider(t, entry, m);
  }
  // No whole template fits: a file holding one part of one (a workbook of Part 2 sheets).
  if (!best) {
    for (const t of templates) {
      for (const part of partTemplates(t)) {
        const m = scoreMarkers(part.scoring, doc, candidates, flat, phrasesFound);
        const entry: TemplateScore = { id: `${t.id}#${part.part}`, markerScore: m.score, sectionScore: 0, score: 0, ruledOut: m.ruledOut };
        scores.push(entry);
        consider(part.template, entry, m, part.scoring);
      }
    }
  }
  return { best: best as { t: Template; a: Alignment; score: number } | null, scores };
}

type PartTemplate = Readonly<{ part: string; template: Template; scoring: Template }>;

/**
 * Each part a template can arrive alone in: `template` has that part's sections only (as the template defines
 * them: the record's sections and flags), `scoring` the same sections all required, under the part's markers.
 * They depend only on the template: made once per template object. The list and its entries are frozen; the
 * templates in them share the original's objects, so freezing stops there.
 */
const partTemplates = memoByObject<Template, readonly PartTemplate[]>(
  (t) => t.detection.parts.map((p) => {
    const sections = t.sections.filter((s) => s.part === p.part);
    const template: Template = { ...t, sections };
    const scoring: Template = { ...template, detection: { ...t.detection, markers: p.markers, minScore: p.minScore }, sections: sections.map((s) => ({ ...s, required: true })) };
    return { part: p.part, template, scoring };
  }),
  (parts) => Object.freeze(parts.map((p) => Object.freeze(p))),
);

/** Which template the document follows, or null (with every template's scores, for the log). */
export function detectTemplate(doc: DocumentModel, templates: Template[]): Detection {
  const { best, scores } = detectWith(doc, templates, findCandidates(doc));
  return { template: best?.t ?? null, scores };
}

/**
 * The heading as written. A heading run into its answer ("b) Contingency plan: if admissions…") is cut
 * after the question: at the first ":", "?" or "." once the heading's words are through.
 */
function headingAsWritten(cand: Candidate, section: TemplateSection): { text: string; runIn: boolean } {
  const words = cand.display.split(' ');
  const longest = Math.max(...section.headings.map((h) => h.split(/\s+/).length));
  const numbered = cand.prefix.letter || cand.prefix.number ? 1 : 0;
  if (cand.kind !== 'runin' && words.length <= longest + numbered + 3) return { text: cand.display, runIn: false };
  const limit = Math.min(words.length - 1, longest + numbered + 5);
  for (let i = 0; i < limit; i++) {
    if (/[?:]$/.test(words[i]) || (i >= 1 && /[^.]\.$/.test(words[i])) || /^[-–]$/.test(words[i + 1] ?? '')) {
      return { text: words.slice(0, i + 1).join(' '), runIn: true };
    }
  }
  if (cand.kind !== 'runin') return { text: cand.display, runIn: false };
  return { text: words.slice(0, Math.min(words.length, longest + numbered)).join(' '), runIn: true };
}

/** Offset in doc.text just after the heading. */
function headingEnd(doc: DocumentModel, cand: Candidate, heading: { text: string; runIn: boolean }): number {
  if (!heading.runIn) return cand.kind === 'runin' ? cand.offset : cand.end;
  const last = heading.text.split(' ').pop() ?? '';
  const raw = doc.text.slice(cand.offset, cand.offset + 800);
  const at = raw.indexOf(last);
  return at >= 0 ? cand.offset + at + last.length : cand.offset;
}

function spansFor(doc: DocumentModel, t: Template, found: Found[]): SectionSpan[] {
  const located = found
    .filter((f) => f.cand)
    .map((f) => f.cand!)
    .sort((a, b) => a.offset - b.offset || a.blockIndex - b.blockIndex);
  const parents = t.parents.map(parentMatcherOf);
  return found.map(({ section, cand }) => {
    if (!cand) return { id: section.id, heading: null, status: 'missing', page: null, start: -1, end: -1, blockStart: -1, blockEnd: -1 };
    const next = located.find((c) => c.offset > cand.offset);
    const end = next ? next.offset : doc.text.length;
    const blockStart = cand.blockIndex;
    const blockEnd = next ? Math.max(next.blockIndex, blockStart + 1) : doc.blocks.length;
    const heading = headingAsWritten(cand, section);
    const bodyStart = Math.min(end, headingEnd(doc, cand, heading));
    const status = sectionBodyStatus(doc.text.slice(bodyStart, end), section, parents);
    return { id: section.id, heading: heading.text, status, page: cand.page, start: cand.offset, end, blockStart, blockEnd };
  });
}

function flagsFor(sections: SectionSpan[], t: Template): Flag[] {
  const flags: Flag[] = [];
  for (const s of sections) {
    const def = t.sections.find((d) => d.id === s.id)!;
    if (s.status === 'missing' && def.required) {
      flags.push({ code: 'MISSING_SECTION', severity: 'error', message: `required section ${s.id} (${def.headings[0]}) not found`, section: s.id, page: null });
    } else if (s.status === 'placeholder') {
      flags.push({
        code: 'PLACEHOLDER_SECTION',
        severity: 'warning',
        message: `section ${s.id} has a heading but no real answer`,
        section: s.id,
        page: s.page,
        text: s.heading,
      });
    }
  }
  return flags;
}

/** A document that fits no template: its own headings become other.<slug> sections. */
function unknownSegmentation(doc: DocumentModel, candidates: Candidate[], scores: TemplateScore[]): Segmentation {
  let heads = candidates.filter((c) => c.kind === 'heading');
  if (heads.length === 0) heads = candidates.filter((c) => c.kind === 'bold' && c.tokens.length <= 12);
  if (heads.length === 0) {
    heads = candidates.filter((c) => c.kind === 'short' && (c.prefix.number || c.prefix.letter) && c.tokens.length <= 12 && !/[.;,]$/.test(c.display));
  }
  const used = new Map<string, number>();
  const sections: SectionSpan[] = heads.map((c, i) => {
    const next = heads[i + 1];
    let id = `other.${slugify(c.display)}`;
    const n = (used.get(id) ?? 0) + 1;
    used.set(id, n);
    if (n > 1) id = `${id}_${n}`;
    return {
      id,
      heading: c.display,
      status: 'present' as const,
      page: c.page,
      start: c.offset,
      end: next ? next.offset : doc.text.length,
      blockStart: c.blockIndex,
      blockEnd: next ? Math.max(next.blockIndex, c.blockIndex + 1) : doc.blocks.length,
    };
  });
  const near = [...scores].sort((a, b) => b.score - a.score)[0];
  const why = near ? ` (closest: ${near.id}, score ${near.score.toFixed(2)}${near.ruledOut ? `, ${near.ruledOut}` : ''})` : '';
  return {
    template: 'unknown',
    sections,
    flags: [{ code: 'UNKNOWN_TEMPLATE', severity: 'warning', message: `document fits no known template${why}`, section: null, page: null }],
  };
}

/** Detect the template and find each of its sections, with MISSING/PLACEHOLDER/UNKNOWN flags. */
export function segmentDocument(doc: DocumentModel, templates: Template[]): Segmentation {
  const candidates = findCandidates(doc);
  const { best, scores } = detectWith(doc, templates, candidates);
  if (!best) return unknownSegmentation(doc, candidates, scores);
  const sections = spansFor(doc, best.t, best.a.found);
  return { template: best.t.id, sections, flags: flagsFor(sections, best.t), fieldRanges: rangesOfFields(best.t, sections), financialYears: best.t.financialYears };
}

/** The found sections' block ranges for each field the template assigns sections to. */
function rangesOfFields(t: Template, sections: SectionSpan[]): Segmentation['fieldRanges'] {
  const out: NonNullable<Segmentation['fieldRanges']> = {};
  for (const [field, ids] of Object.entries(t.fields) as Array<[FieldName, string[]]>) {
    const wanted = (id: string) => ids.some((p) => (p.endsWith('*') ? id.startsWith(p.slice(0, -1)) : id === p));
    const ranges = sections.filter((s) => s.blockStart >= 0 && wanted(s.id)).map((s) => [s.blockStart, s.blockEnd] as [number, number]);
    if (ranges.length > 0) out[field] = ranges;
  }
  return out;
}
