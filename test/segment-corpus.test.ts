// The three development plans: template detection and every gold section's status, in each format.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPlan, corpusPlans, haveShared } from './shared.js';
import { extractDocument } from '../src/extract/index.js';
import { loadTemplates, segmentDocument } from '../src/segment/index.js';

const CORPUS = new URL('../../shared/corpus/', import.meta.url);
const templates = loadTemplates();
const HAVE = haveShared(['corpus', 'gold'], 'segment-corpus: corpus plans against gold');

const dashes = (s: string | null | undefined) => (s ?? '').replace(/[–—]/g, '-').trim();

describe.skipIf(!HAVE)('corpus segmentation', () => {
  it('finds the corpus plans through their gold records: one per template, each with its .txt, .docx and .pdf', () => {
    const plans = corpusPlans();
    expect(plans.map((p) => p.gold.template).sort()).toEqual(['bcf-2014-original', 'bcf-2014-revised', 'bcf-2022-23']);
    for (const { id } of plans) for (const ext of ['txt', 'docx', 'pdf']) expect(existsSync(new URL(`${id}.${ext}`, CORPUS)), `${id}.${ext}`).toBe(true);
  });

  // Read while collecting (the gold template names the test); none when ../shared is absent.
  for (const { id: plan, gold } of HAVE ? corpusPlans() : []) {
    for (const ext of ['txt', 'docx', 'pdf']) {
      it(`${gold.template} plan .${ext}: every section status and heading as in gold`, async () => {
        const name = `${plan}.${ext}`;
        const doc = await extractDocument(readFileSync(new URL(name, CORPUS)), name);
        const seg = segmentDocument(doc, templates);
        expect(seg.template).toBe(gold.template);
        const got = Object.fromEntries(seg.sections.map((s) => [s.id, `${s.status} ${dashes(s.heading)}`]));
        const want = Object.fromEntries(gold.sections.map((s) => [s.id, `${s.status} ${dashes(s.heading)}`]));
        expect(got).toEqual(want);
        // No required section missing, no placeholder in these complete plans.
        expect(seg.flags.filter((f) => f.code !== 'UNKNOWN_TEMPLATE')).toEqual([]);
        if (ext === 'pdf') expect(seg.sections.filter((s) => s.status !== 'missing').every((s) => s.page !== null)).toBe(true);
      });
    }
  }

  it('2022-23 plan .txt: the DFG sub-heading inside Governance is not taken as narrative.dfg, spans run to the next section', async () => {
    const { id } = corpusPlan('bcf-2022-23');
    const doc = await extractDocument(readFileSync(new URL(`${id}.txt`, CORPUS)), `${id}.txt`);
    const seg = segmentDocument(doc, templates);
    const gov = seg.sections.find((s) => s.id === 'narrative.governance')!;
    const dfg = seg.sections.find((s) => s.id === 'narrative.dfg')!;
    expect(doc.text.slice(gov.start, gov.end)).toContain('Disabled Facilities Grant (DFG)\n');
    expect(doc.text.slice(dfg.start)).toMatch(/^Disabled Facilities Grant \(DFG\) and wider services\n/);
    expect(dfg.start).toBeGreaterThan(gov.end - 1);
    const starts = seg.sections.map((s) => s.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });
});

// The same plans with their headings written differently, as other converters and authors do.
describe.skipIf(!HAVE)('corpus segmentation, headings rewritten', () => {
  const variants: Record<string, (line: string) => string> = {
    'letters dropped': (l) => l.replace(/^(\s*[-#]*\s*)[a-e]\)\s*/, '$1'),
    'upper case': (l) => l.toUpperCase(),
    'markdown bold': (l) => `**${l.trim()}**`,
    'Cyrillic look-alikes': (l) => l.replace(/[aeoc]/g, (c) => ({ a: 'а', e: 'е', o: 'о', c: 'с' })[c]!),
  };
  const norm = (s: string) => s.replace(/^[-#*\s]+/, '').replace(/[–—]/g, '-').replace(/\*+/g, '').trim();
  for (const { id: plan, gold } of HAVE ? corpusPlans() : []) {
    const lines = readFileSync(new URL(`${plan}.txt`, CORPUS), 'utf8').split('\n');
    // The body occurrence of each gold heading (the last line equal to it: a contents entry comes first).
    const headingLines = new Set(
      gold.sections.filter((g) => g.heading).map((g) => lines.map(norm).lastIndexOf(norm(g.heading!))),
    );
    it(`${gold.template} plan .txt: gold headings found on their lines`, () => {
      expect(headingLines.has(-1)).toBe(false);
    });
    for (const [name, rewrite] of Object.entries(variants)) {
      it(`${gold.template} plan .txt, ${name}: template and every section status`, async () => {
        const text = lines.map((l, i) => (headingLines.has(i) ? rewrite(l) : l)).join('\n');
        const doc = await extractDocument(Buffer.from(text), `${plan}.txt`);
        const seg = segmentDocument(doc, templates);
        expect(seg.template).toBe(gold.template);
        const got = Object.fromEntries(seg.sections.map((s) => [s.id, s.status]));
        expect(got).toEqual(Object.fromEntries(gold.sections.map((s) => [s.id, s.status])));
      });
    }
    it(`${gold.template} plan .txt, a contents list of every heading put in front: nothing taken from it`, async () => {
      const toc = ['Contents', '', ...gold.sections.filter((g) => g.heading).map((g, i) => `${g.heading}\t${i + 3}`), ''];
      const doc = await extractDocument(Buffer.from([...toc, ...lines].join('\n')), `${plan}.txt`);
      const seg = segmentDocument(doc, templates);
      const tocEnd = doc.text.indexOf(lines.find((l) => l.trim() !== '')!.trim());
      for (const s of seg.sections) {
        expect(s.status, s.id).toBe(gold.sections.find((g) => g.id === s.id)!.status);
        if (s.start >= 0) expect(s.start, s.id).toBeGreaterThanOrEqual(tocEnd);
      }
    });
  }
});
