// Every item names the document block it was read from (record field `block`), set where the item is read. Asserted
// on the fixture plans (PDF, Word, text, workbooks): each item has a block, and that block's text holds what the item says it
// read (a budget's figure as written, a metric's value, a risk's description, a scheme's name).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/extract/index.js';
import { blockText } from '../src/model/document.js';
import { analyseDocument } from '../src/pipeline/analyse.js';
import { loadTemplates } from '../src/segment/index.js';

const templates = loadTemplates();
const plans = ['sample', 'pairs', 'workbooks'].flatMap((dir) => readdirSync(join('fixtures', dir)).filter((f) => /\.(pdf|docx|txt|xlsx)$/.test(f)).map((f) => join('fixtures', dir, f)));
const spaced = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();

describe('item provenance: the block an item was read from', () => {
  it('covers plans in PDF, Word, text and workbooks', () => {
    expect(new Set(plans.map((p) => p.split('.').pop()))).toEqual(new Set(['pdf', 'docx', 'txt', 'xlsx']));
  });
  for (const file of plans) {
    it(`${file}: every item has a block, and the block holds what the item read`, async () => {
      const doc = await extractDocument(new Uint8Array(readFileSync(file)), file);
      const record = analyseDocument(doc, templates, { file, sha256: null, format: null, pages: null });
      const read = [
        ...record.schemes.map((s) => ({ item: s, what: s.name })),
        ...record.budgets.map((b) => ({ item: b, what: b.text })),
        ...record.risks.map((r) => ({ item: r, what: r.description.slice(0, 30) })),
        // A metric's text ends with the cell its value was read from ("Quarter (%)\t97.0%").
        ...record.metrics.map((m) => ({ item: m, what: String(m.text).split('\t').at(-1) })),
      ];
      expect(read.length).toBeGreaterThan(0);
      for (const { item, what } of read) {
        expect(item.block, JSON.stringify(item)).toBeTypeOf('number');
        expect(spaced(blockText(doc.blocks[item.block!])), JSON.stringify(item)).toContain(spaced(what));
      }
    });
  }
});
