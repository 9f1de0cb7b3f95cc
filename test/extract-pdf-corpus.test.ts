// PDF extractor on the development corpus. Each expectation was checked by reading the PDF page and the
// matching .txt file (same content, tables as tab-separated lines). Names and figures come from the gold records at
// run time, never copied into this file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusPlan, gbp, haveShared } from './shared.js';
import { extractPdf } from '../src/extract/pdf/index.js';
import type { Block, DocumentModel, TableBlock } from '../src/model/document.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const HAVE = haveShared(['corpus', 'gold'], 'pdf corpus: the corpus PDFs and their gold records');
const load = (name: string) => extractPdf(new Uint8Array(readFileSync(join(CORPUS, name))));

const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const rowTexts = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.text.replace(/\s*\n\s*/g, ' ')));
const find = (doc: DocumentModel, kind: Block['kind'], text: string) =>
  doc.blocks.find((b) => b.kind === kind && 'text' in b && b.text === text);

describe.skipIf(!HAVE)('extractPdf on the revised 2014 template', () => {
  let doc: DocumentModel;
  const plan = () => corpusPlan('bcf-2014-revised');
  beforeAll(async () => {
    doc = await load(`${plan().id}.pdf`);
  });

  it('reads the plan-details table on page 1, with the wrapped 2015/16 figure rejoined', () => {
    const { gold } = plan();
    const [min1415, min1516, total1415, total1516] = gold.budgets;
    expect(gold.budgets.map((b) => [b.kind, b.year])).toEqual([
      ['minimum_pooled_budget', '2014/15'], ['minimum_pooled_budget', '2015/16'], ['total_pooled_budget', '2014/15'], ['total_pooled_budget', '2015/16'],
    ]);
    expect(min1516.amountGbp).toBe(total1516.amountGbp);
    expect(min1415.amountGbp).not.toBe(total1415.amountGbp);
    const planDetails = tables(doc).find((t) => t.page === 1 && rowTexts(t)[0][0] === 'Local Authority');
    expect(planDetails).toBeDefined();
    const rows = rowTexts(planDetails!);
    expect(rows).toContainEqual(['Local Authority', gold.area.localAuthorities[0]]);
    expect(rows).toContainEqual(['Clinical Commissioning Groups', gold.area.ccgs[0]]);
    expect(rows).toContainEqual(['Date agreed at Health and Well-Being Board:', expect.stringMatching(/^\d\d\/\d\d\/\d{4}$/)]);
    expect(rows).toContainEqual(['Total agreed value of pooled budget: 2014/15', gbp(total1415.amountGbp)]);
    expect(rows).toContainEqual(['Minimum required value of BCF pooled budget: 2014/15', gbp(min1415.amountGbp)]);
    expect(rows.filter((r) => r[0] === '2015/16' && r[1] === gbp(total1516.amountGbp))).toHaveLength(2);
  });

  it('gives the section headings levels from their font sizes', () => {
    expect(find(doc, 'heading', '1) PLAN DETAILS')).toMatchObject({ level: 1, page: 1 });
    expect(find(doc, 'heading', 'a) Summary of Plan')).toMatchObject({ level: 2, page: 1 });
    expect(find(doc, 'heading', '5) RISKS AND CONTINGENCY')).toMatchObject({ level: 1, page: 9 });
    expect(find(doc, 'heading', 'ANNEX 2 – Provider commentary')).toMatchObject({ level: 1, page: 30 });
  });

  it('turns the guiding-principles bullets into list items without the bullet glyph', () => {
    expect(find(doc, 'list_item', 'Be organised around the needs of individuals (person-centred)')).toMatchObject({ page: 2, level: 1 });
    expect(find(doc, 'list_item', 'Last over time and allow for innovation')).toMatchObject({ page: 3 });
  });

  it('makes the risk log on pages 9-11 one table block, a row cut by a page break joined again, marking the rows after each break', () => {
    const risk = tables(doc).filter((t) => rowTexts(t)[0][0] === 'There is a risk that:');
    expect(risk).toHaveLength(1);
    expect(risk[0].page).toBe(9);
    expect(risk[0].pageEnd).toBe(11);
    const rows = rowTexts(risk[0]);
    const firstRisk = plan().gold.risks[0];
    expect(rows[2][0].startsWith(firstRisk.description.slice(0, 60))).toBe(true);
    expect(rows[2][1]).toBe(String(firstRisk.likelihood));
    expect(rows[rows.length - 1][0]).toMatch(/^Primary Care: Increased pressure on Primary Care practices/);
    const afterBreak = risk[0].rows.filter((r) => r.pageBreakBefore);
    expect(afterBreak.map((r) => r.page)).toEqual([10, 11]);
    // The risk at the foot of page 9 goes on at the top of page 10 (its text, and its mitigation): one row again,
    // so every risk text of the log is the whole first cell of one row, but for those the plan itself cut with a
    // header row printed inside the log (the risks reader joins those).
    const first = rows.map((r) => r[0].replace(/\s+/g, ' '));
    const cutByHeader = (d: string) => first.some((c, i) => c !== '' && d.startsWith(c) && d !== c && first[i + 1] === first[0]);
    const risks = plan().gold.risks.map((r) => r.description.replace(/\s+/g, ' '));
    expect(risks.filter((d) => !first.includes(d) && !cutByHeader(d))).toEqual([]);
    expect(afterBreak.every((r) => /^[A-Z]/.test(r.cells[0].text))).toBe(true);
  });

  it('reads the scheme list of section 4d as a two-column table', () => {
    const schemes = tables(doc).find((t) => rowTexts(t)[0].join('|') === 'Ref no.|Scheme');
    const gold = plan().gold.schemes;
    expect(gold).toHaveLength(4);
    expect(schemes && rowTexts(schemes).slice(1)).toEqual(gold.map((s) => [s.ref, s.name]));
  });
});

describe.skipIf(!HAVE)('extractPdf on the 2022-23 template (a committee report)', () => {
  let doc: DocumentModel;
  const plan = () => corpusPlan('bcf-2022-23');
  // A gold spending line by its position in the plan's table (gold keeps the document's order).
  const spendAt = (i: number) => plan().gold.budgets.filter((b) => b.kind === 'scheme_spend')[i];
  beforeAll(async () => {
    doc = await load(`${plan().id}.pdf`);
  });

  it('reads the expenditure table rows, rejoining "CC" + "G" wrapped in a narrow column', () => {
    const rows = tables(doc).flatMap(rowTexts);
    const nursing = spendAt(26);
    const triage = spendAt(23);
    expect(rows).toContainEqual([
      nursing.scheme,
      'Delivery of care in patient homes to prevent conditions deteriorating',
      'Community Health',
      'CCG',
      'NHS Community Provider',
      'Minimum NHS Contribution',
      gbp(nursing.amountGbp),
      'Existing',
    ]);
    expect(rows).toContainEqual([triage.scheme, 'Monitoring and responding to system demand and capacity', 'Social Care', 'LA', 'Local Authority', 'iBCF', gbp(triage.amountGbp), 'Existing']);
  });

  it('keeps the metric table numerator/denominator rows', () => {
    const rows = tables(doc).flatMap(rowTexts);
    // The first denominators of the gold metrics: the four 2021-22 quarters of one metric.
    const quarters = plan().gold.metrics.filter((m) => m.denominator !== null && / Q\d$/.test(m.period) && m.kind === 'actual');
    expect(quarters).toHaveLength(4);
    expect(rows).toContainEqual(['', 'Denominator', ...quarters.map((m) => m.denominator!.toLocaleString('en-GB')), '', '']);
  });
});

describe.skipIf(!HAVE)('extractPdf on the original 2014 template', () => {
  it('reads the risk table under the RISKS heading, continued onto page 30', async () => {
    const { id, gold } = corpusPlan('bcf-2014-original');
    const doc = await load(`${id}.pdf`);
    const heading = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === '4. RISKS');
    expect(heading).toBeGreaterThan(0);
    const risk = doc.blocks.slice(heading).find((b): b is TableBlock => b.kind === 'table');
    expect(risk).toMatchObject({ page: 29, pageEnd: 30 });
    const rows = rowTexts(risk!);
    expect(rows[0]).toEqual(['Risk', 'Risk rating', 'Mitigating Actions']);
    expect(gold.risks[0].rating).toBe('high');
    expect(rows[1].slice(0, 2)).toEqual([gold.risks[0].description, 'High']);
  });
});
