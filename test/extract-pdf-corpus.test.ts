// PDF extractor on the development corpus. Each expectation was checked by reading the PDF page and the
// matching .txt file (same content, tables as tab-separated lines).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { haveShared } from './shared.js';
import { extractPdf } from '../src/extract/pdf/index.js';
import type { Block, DocumentModel, TableBlock } from '../src/model/document.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const HAVE = haveShared('corpus', 'pdf corpus: the corpus PDFs');
const load = (name: string) => extractPdf(new Uint8Array(readFileSync(join(CORPUS, name))));

const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const rowTexts = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.text.replace(/\s*\n\s*/g, ' ')));
const find = (doc: DocumentModel, kind: Block['kind'], text: string) =>
  doc.blocks.find((b) => b.kind === kind && 'text' in b && b.text === text);

describe.skipIf(!HAVE)('extractPdf on 000 (revised 2014 template)', () => {
  let doc: DocumentModel;
  beforeAll(async () => {
    doc = await load('000_9077328ceb53165f.pdf');
  });

  it('reads the plan-details table on page 1, with the wrapped £17,403,000 rejoined', () => {
    const planDetails = tables(doc).find((t) => t.page === 1 && rowTexts(t)[0][0] === 'Local Authority');
    expect(planDetails).toBeDefined();
    const rows = rowTexts(planDetails!);
    expect(rows).toContainEqual(['Local Authority', 'Derby City Council']);
    expect(rows).toContainEqual(['Clinical Commissioning Groups', 'NHS Southern Derbyshire CCG']);
    expect(rows).toContainEqual(['Date agreed at Health and Well-Being Board:', '11/09/2014']);
    expect(rows).toContainEqual(['Total agreed value of pooled budget: 2014/15', '£5,264,000']);
    expect(rows.filter((r) => r[0] === '2015/16' && r[1] === '£17,403,000')).toHaveLength(2);
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

  it('makes the risk log on pages 9-11 one table block, marking the rows that follow each page break', () => {
    const risk = tables(doc).filter((t) => rowTexts(t)[0][0] === 'There is a risk that:');
    expect(risk).toHaveLength(1);
    expect(risk[0].page).toBe(9);
    expect(risk[0].pageEnd).toBe(11);
    const rows = rowTexts(risk[0]);
    expect(rows[2][0]).toMatch(/^BCF does not achieve the planned reductions in Acute activity/);
    expect(rows[2][1]).toBe('4');
    expect(rows[rows.length - 1][0]).toMatch(/^Primary Care: Increased pressure on Primary Care practices/);
    const afterBreak = risk[0].rows.filter((r) => r.pageBreakBefore);
    expect(afterBreak.map((r) => r.page)).toEqual([10, 11]);
    expect(afterBreak[0].cells[0].text).toBe('sectors is adversely affected due to the changes proposed');
  });

  it('reads the scheme list of section 4d as a two-column table', () => {
    const schemes = tables(doc).find((t) => rowTexts(t)[0].join('|') === 'Ref no.|Scheme');
    expect(schemes && rowTexts(schemes).slice(1)).toEqual([
      ['1', 'Self help, Prevention & Community Resilience'],
      ['2', 'Integrated Community Based Support'],
      ['3', 'Reducing avoidable admissions to Hospitals and Care Homes'],
      ['4', 'System Enabling Schemes'],
    ]);
  });
});

describe.skipIf(!HAVE)('extractPdf on 004 (2022-23 committee report)', () => {
  let doc: DocumentModel;
  beforeAll(async () => {
    doc = await load('004_a5ae2414f3291c74.pdf');
  });

  it('reads the expenditure table rows, rejoining "CC" + "G" wrapped in a narrow column', () => {
    const rows = tables(doc).flatMap(rowTexts);
    expect(rows).toContainEqual([
      'Community Nursing',
      'Delivery of care in patient homes to prevent conditions deteriorating',
      'Community Health',
      'CCG',
      'NHS Community Provider',
      'Minimum NHS Contribution',
      '£941,570',
      'Existing',
    ]);
    expect(rows).toContainEqual(['Track & Triage.', 'Monitoring and responding to system demand and capacity', 'Social Care', 'LA', 'Local Authority', 'iBCF', '£6,637', 'Existing']);
  });

  it('keeps the metric table numerator/denominator rows', () => {
    const rows = tables(doc).flatMap(rowTexts);
    expect(rows).toContainEqual(['', 'Denominator', '5,811', '5,848', '5,680', '5,486', '', '']);
  });
});

describe.skipIf(!HAVE)('extractPdf on 002 (original 2014 template)', () => {
  it('reads the risk table under the RISKS heading, continued onto page 30', async () => {
    const doc = await load('002_1db83991b26ca8db.pdf');
    const heading = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === '4. RISKS');
    expect(heading).toBeGreaterThan(0);
    const risk = doc.blocks.slice(heading).find((b): b is TableBlock => b.kind === 'table');
    expect(risk).toMatchObject({ page: 29, pageEnd: 30 });
    const rows = rowTexts(risk!);
    expect(rows[0]).toEqual(['Risk', 'Risk rating', 'Mitigating Actions']);
    expect(rows[1].slice(0, 2)).toEqual(['CCGs are unable to release 3% of their budgets to fund BCF plans', 'High']);
  });
});
