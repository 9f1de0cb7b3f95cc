// Checks on the real plans in ../shared/corpus, each checked by reading the .txt file. Names and figures come from
// the gold records at run time, never copied into this file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPlan, gbp, haveShared } from './shared.js';
import { extractText } from '../src/extract/text/index.js';
import type { Block, TableBlock } from '../src/model/document.js';

const HAVE = haveShared(['corpus', 'gold'], 'text corpus: the corpus .txt plans and their gold records');
// Read while collecting, so only when ../shared is there.
const corpus = (name: string) => (!HAVE ? '' : readFileSync(new URL(`../../shared/corpus/${name}`, import.meta.url), 'utf8'));
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');
const tableStartingWith = (blocks: Block[], first: string) =>
  tables(blocks).filter((t) => t.rows[0]?.cells[0]?.text === first);

describe.skipIf(!HAVE)('text corpus: the revised 2014 template', () => {
  const { id, gold } = corpusPlan('bcf-2014-revised');
  const doc = extractText(corpus(`${id}.txt`), 'txt');

  it('reads the risk log (lines 351-373, header repeated at page breaks) as one table of 5-cell rows', () => {
    const logs = tables(doc.blocks).filter((t) => t.rows.some((r) => r.cells[0].text === 'There is a risk that:'));
    expect(logs).toHaveLength(1);
    const log = logs[0];
    expect(log.rows).toHaveLength(20); // 1 header + 1 instruction row + 12 risks + 3 repeated headers + 3 continuations
    expect(log.rows.every((r) => r.cells.length === 5)).toBe(true);
    expect(log.rows[1].cells[1].text).toBe('Please rate on a scale of 1-5 with 1 being very unlikely and 5 being very likely');
    expect(log.rows[19].cells[0].text).toMatch(/^Primary Care: Increased pressure/);
    expect(log.rows[19].cells[3].text).toBe('16 High');
  });

  it('keeps the plan-details summary as one table across its blank line, with money cells', () => {
    const [summary] = tableStartingWith(doc.blocks, 'Local Authority');
    const [council] = gold.area.localAuthorities;
    expect(gold.area.localAuthorities).toHaveLength(1);
    expect(gold.area.ccgs).toHaveLength(1);
    expect(summary.rows.map((r) => r.cells[1].text)).toEqual([
      council,
      gold.area.ccgs[0],
      expect.stringMatching(new RegExp(`^${council} is wholly contained`)),
      expect.stringMatching(/^\d\d\/\d\d\/\d{4}$/), // date agreed at the board
      expect.stringMatching(/^\d\d\/\d\d\/\d\d$/), // date submitted
      // the plan-details figures: minimum, then total, for 2014/15 and 2015/16
      ...gold.budgets.map((b) => gbp(b.amountGbp)),
    ]);
    expect(gold.budgets).toHaveLength(4);
  });

  it('keeps section headings as separate paragraphs and "<Insert extra rows …>" as text', () => {
    const texts = doc.blocks.filter((b) => b.kind !== 'table').map((b) => (b as { text: string }).text);
    for (const h of ['1) PLAN DETAILS', 'a) Summary of Plan', '5) RISKS AND CONTINGENCY', 'b)What difference will this make to patient and service user outcomes?']) {
      expect(texts).toContain(h);
    }
    expect(texts).toContain('<Insert extra rows for additional CCGs as required>');
    expect(texts).toContain('a) Please map out the key milestones associated with the delivery of the Better Care Fund plan and any key interdependencies');
  });

  it('splits the Annex 1 HTML fragment (line 703) into a paragraph and four list items', () => {
    const i = doc.blocks.findIndex((b) => b.kind === 'paragraph' && b.text.startsWith('This scheme relates to segment one'));
    expect(i).toBeGreaterThan(0);
    expect(doc.blocks.slice(i + 1, i + 5).map((b) => [b.kind, (b as { text: string }).text])).toEqual([
      ['list_item', 'Help people help themselves as much as possible'],
      ['list_item', 'Delay/ negate the necessity of approaching statutory services for support.'],
      ['list_item', 'Facilitate people finding solutions within their own community'],
      ['list_item', 'Build up community resilience and social capital'],
    ]);
  });
});

describe.skipIf(!HAVE)('text corpus: the original 2014 template', () => {
  const doc = extractText(corpus(`${corpusPlan('bcf-2014-original').id}.txt`), 'txt');

  it('restores the mangled sign-off placeholders to <name of signatory>, <job title>, <date>', () => {
    const cells = tables(doc.blocks).flatMap((t) => t.rows.map((r) => r.cells.map((c) => c.text)));
    const placeholders = cells.filter((r) => r[1] === '<name of signatory>');
    expect(placeholders).toHaveLength(13); // 13 unsigned CCG and council blocks
    expect(cells.filter((r) => r[0] === 'Position' && r[1] === '<job title>')).toHaveLength(13);
    expect(cells.filter((r) => r[0] === 'Date' && r[1] === '<date>')).toHaveLength(13);
    expect(doc.text).not.toContain('signatory=""');
  });

  it('finds the numbered section headings as their own paragraphs', () => {
    const texts = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
    expect(texts).toContain('3. NATIONAL CONDITIONS');
    expect(texts).toContain('4. RISKS');
  });
});

describe.skipIf(!HAVE)('text corpus: the 2022-23 template', () => {
  const { id, gold } = corpusPlan('bcf-2022-23');
  const doc = extractText(corpus(`${id}.txt`), 'txt');

  it('reads the spending plan as one 8-column table, a row per gold spending line, despite the blank line inside it', () => {
    const [plan] = tableStartingWith(doc.blocks, 'Scheme Name');
    const spend = gold.budgets.filter((b) => b.kind === 'scheme_spend');
    expect(spend).toHaveLength(33);
    expect(plan.rows).toHaveLength(1 + spend.length);
    expect(plan.rows[0].cells.map((c) => c.text)).toEqual([
      'Scheme Name', 'Brief Description of Scheme', 'Area of Spend', 'Commissioner', 'Provider', 'Source of Funding', 'Expenditure (£)', 'New/ Existing Scheme',
    ]);
    expect(plan.rows.every((r) => r.cells.length === 8)).toBe(true);
    expect(plan.rows.slice(1).map((r) => [r.cells[0].text, r.cells[6].text])).toEqual(spend.map((b) => [b.scheme, gbp(b.amountGbp)]));
  });

  it('removes markdown bold around an inline phrase without marking the line bold', () => {
    const b = doc.blocks.find((x) => x.kind === 'paragraph' && x.text.startsWith('4.3 Performance Metrics.'));
    expect(b).toMatchObject({ kind: 'paragraph', text: '4.3 Performance Metrics.' });
    expect(b && 'bold' in b ? b.bold : undefined).toBeUndefined();
  });
});
