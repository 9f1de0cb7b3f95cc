// The corpus .docx files were made from the .txt files with an office suite: the two extractors must
// give the same structure. Expected values were checked by reading the .txt files; names and figures come from the
// gold records at run time, never copied into this file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPlan, gbp, haveShared } from './shared.js';
import { extractDocx } from '../src/extract/docx/index.js';
import { extractText } from '../src/extract/text/index.js';
import type { Block, DocumentModel, TableBlock } from '../src/model/document.js';

const corpusPath = (name: string) => new URL(`../../shared/corpus/${name}`, import.meta.url);
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');
const headings = (doc: DocumentModel) => doc.blocks.flatMap((b) => (b.kind === 'heading' ? [[b.level, b.text] as const] : []));

const HAVE = haveShared(['corpus', 'gold'], 'docx corpus: the corpus .docx and .txt plans and their gold records');
const TEMPLATES = ['bcf-2014-revised', 'bcf-2014-original', 'bcf-2022-23'] as const;
const names = TEMPLATES.map((t) => corpusPlan(t).id);
const docs = new Map<string, { docx: DocumentModel; txt: DocumentModel }>();
async function load(name: string) {
  if (!docs.has(name)) {
    docs.set(name, {
      docx: await extractDocx(new Uint8Array(readFileSync(corpusPath(`${name}.docx`)))),
      txt: extractText(readFileSync(corpusPath(`${name}.txt`), 'utf8'), 'txt'),
    });
  }
  return docs.get(name)!;
}

describe.skipIf(!HAVE)('docx corpus: same structure as the .txt', () => {
  for (const [i, name] of names.entries()) {
    it(`${TEMPLATES[i]} plan: same tables (rows, cells) and nearly all cell texts equal`, async () => {
      const { docx, txt } = await load(name);
      const dt = tables(docx.blocks);
      const tt = tables(txt.blocks);
      expect(dt.map((t) => t.rows.map((r) => r.cells.length))).toEqual(tt.map((t) => t.rows.map((r) => r.cells.length)));
      const cellPairs = tt.flatMap((t, i) => t.rows.flatMap((r, j) => r.cells.map((c, k) => [c.text, dt[i].rows[j].cells[k].text])));
      const differing = cellPairs.filter(([a, b]) => a !== b);
      // 002 has one OCR cell "- Nouuded days on work" whose typed dash the docx reads as a list marker.
      expect(differing.length).toBeLessThanOrEqual(1);
    });
  }
});

describe.skipIf(!HAVE)('docx corpus: the revised 2014 template', () => {
  it('reads Word headings with levels', async () => {
    const { docx } = await load(names[0]);
    const hs = headings(docx);
    expect(hs).toContainEqual([1, '1) PLAN DETAILS']);
    expect(hs).toContainEqual([2, 'a) Summary of Plan']);
    expect(hs).toContainEqual([1, '5) RISKS AND CONTINGENCY']);
  });

  it('joins the risk log, split at each repeated header, into one table of 20 five-cell rows', async () => {
    const { docx } = await load(names[0]);
    const logs = tables(docx.blocks).filter((t) => t.rows.some((r) => r.cells[0].text === 'There is a risk that:'));
    expect(logs).toHaveLength(1);
    expect(logs[0].rows).toHaveLength(20);
    expect(logs[0].rows.every((r) => r.cells.length === 5)).toBe(true);
    // The first risk: likelihood, impact with its explanation (a sentence with figures in it), score and rating.
    const first = corpusPlan('bcf-2014-revised').gold.risks[0];
    expect(first.rating).toBe('high');
    const { txt } = await load(names[0]);
    const [txtLog] = tables(txt.blocks).filter((t) => t.rows.some((r) => r.cells[0].text === 'There is a risk that:'));
    const cells = logs[0].rows[2].cells.map((c) => c.text).slice(1, 4);
    expect(cells).toEqual([String(first.likelihood), expect.stringMatching(new RegExp(`^${first.impact} \\S.{100,}$`)), `${first.score} High`]);
    expect(cells).toEqual(txtLog.rows[2].cells.map((c) => c.text).slice(1, 4));
  });

  it('joins the plan-details summary into one table with the four budget figures', async () => {
    const { docx } = await load(names[0]);
    const [summary] = tables(docx.blocks).filter((t) => t.rows[0].cells[0].text === 'Local Authority');
    const { gold } = corpusPlan('bcf-2014-revised');
    expect(gold.budgets).toHaveLength(4);
    expect(summary.rows.map((r) => r.cells[1].text).slice(5)).toEqual(gold.budgets.map((b) => gbp(b.amountGbp)));
  });
});

describe.skipIf(!HAVE)('docx corpus: the original 2014 template', () => {
  it('restores the typed-in mangled placeholders and reads "4. RISKS" as a heading', async () => {
    const { docx } = await load(names[1]);
    const rows = tables(docx.blocks).flatMap((t) => t.rows.map((r) => r.cells.map((c) => c.text)));
    expect(rows.filter((r) => r[1] === '<name of signatory>')).toHaveLength(13);
    expect(rows.filter((r) => r[1] === '<job title>')).toHaveLength(13);
    expect(rows.filter((r) => r[1] === '<date>')).toHaveLength(13);
    expect(headings(docx)).toContainEqual([1, '4. RISKS']);
    expect(headings(docx)).toContainEqual([1, '3. NATIONAL CONDITIONS']);
  });
});

describe.skipIf(!HAVE)('docx corpus: the 2022-23 template', () => {
  it('reads the spending plan as one 8-column table, a row per gold spending line', async () => {
    const { docx } = await load(names[2]);
    const [plan] = tables(docx.blocks).filter((t) => t.rows[0].cells[0].text === 'Scheme Name');
    const spend = corpusPlan('bcf-2022-23').gold.budgets.filter((b) => b.kind === 'scheme_spend');
    expect(spend).toHaveLength(33);
    expect(plan.rows).toHaveLength(1 + spend.length);
    expect(plan.rows.every((r) => r.cells.length === 8)).toBe(true);
  });
});
