// The fixtures are what fixtures/README.md says they are. These checks read the files with the libraries
// directly (pdf.js, mammoth, raw bytes), never through the pipeline, so a regenerated fixture set cannot
// silently change meaning and a pipeline bug cannot make a fixture look right.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const SAMPLE = join(FIXTURES, 'sample');
const BROKEN = join(FIXTURES, 'broken');
const bytesOf = (dir: string, name: string) => readFileSync(join(dir, name));

const PLANS = ['northmoor-2014-revised', 'eastvale-2022-23', 'westbrook-2014-original', 'southdene-2014-original'] as const;
/** The plan whose .txt is markdown and whose .docx has no heading styles. */
const MESSY = 'southdene-2014-original';

interface Expected {
  template: string;
  area: { localAuthorities: string[]; ccgs: string[]; healthAndWellbeingBoard: string | null };
  sections: { id: string; status: string }[];
  schemes: { ref: string | null; name: string }[];
  budgets: { kind: string; year: string | null; amountGbp: number; scheme: string | null; label: string; text: string }[];
  risks: { description: string; likelihood: number | null; impact: number | null; score: number | null; rating: string | null }[];
  metrics: { metric: string; value: number; unit: string; numerator: number | null; denominator: number | null }[];
  flags: { code: string; section: string | null }[];
  facts: { schemeCount: number; budgetRows: number; riskCount: number; metricCount: number; flagCodes: string[] };
  formats: { pdf: { pages: number; riskTablePages?: [number, number] } };
}
const expectedOf = (name: string): Expected => JSON.parse(bytesOf(SAMPLE, `${name}.expected.json`).toString('utf8'));

async function pdfPages(bytes: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return pages;
}

/** Text of a docx as mammoth sees it, and its HTML (headings, tables). */
async function docxText(bytes: Buffer): Promise<{ text: string; html: string }> {
  const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  const text = (await mammoth.extractRawText({ buffer: bytes })).value.replace(/\s+/g, ' ');
  return { text, html };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('fixtures/sample', () => {
  it('has every plan in .txt, .docx and .pdf with its expected facts, and nothing else', () => {
    const files = readdirSync(SAMPLE).sort();
    const wanted = PLANS.flatMap((p) => ['docx', 'expected.json', 'pdf', 'txt'].map((e) => `${p}.${e}`)).sort();
    expect(files).toEqual(wanted);
    for (const p of PLANS) {
      expect(bytesOf(SAMPLE, `${p}.pdf`).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytesOf(SAMPLE, `${p}.docx`).subarray(0, 2).toString('latin1')).toBe('PK');
    }
  });

  it('keeps the whole fixture set under 200 KB', () => {
    // Workbook fixtures (issue 14) have their own budget in test/xlsx-fixtures.test.ts.
    const size = [SAMPLE, BROKEN].flatMap((d) => readdirSync(d).filter((f) => !/\.xls[xm]?$/.test(f) || f === 'notes.xlsx').map((f) => statSync(join(d, f)).size)).reduce((a, b) => a + b, 0);
    expect(size).toBeLessThan(200 * 1024);
  });

  it('expected facts agree with themselves (counts) and carry the deliberate inconsistencies', () => {
    const n = expectedOf('northmoor-2014-revised');
    expect(n.template).toBe('bcf-2014-revised');
    expect(n.facts.schemeCount).toBe(n.schemes.length);
    const mismatched = n.risks.filter((r) => r.score !== null && r.likelihood !== null && r.impact !== null && r.score !== r.likelihood * r.impact);
    expect(mismatched.map((r) => [r.likelihood, r.impact, r.score])).toEqual([[3, 4, 16]]);
    expect(n.flags.map((f) => f.code)).toEqual(['RISK_SCORE_MISMATCH']);

    const e = expectedOf('eastvale-2022-23');
    expect(e.template).toBe('bcf-2022-23');
    const parts = e.budgets.filter((b) => ['dfg', 'ibcf', 'nhs_minimum_contribution', 'la_additional_contribution', 'nhs_additional_contribution'].includes(b.kind));
    const total = e.budgets.find((b) => b.kind === 'total_pooled_budget')!;
    expect(parts.reduce((a, b) => a + b.amountGbp, 0)).not.toBe(total.amountGbp);
    // The spending plan itself adds up to the parts: only the stated total is wrong.
    const spend = e.budgets.filter((b) => b.kind === 'scheme_spend');
    expect(spend.reduce((a, b) => a + b.amountGbp, 0)).toBe(parts.reduce((a, b) => a + b.amountGbp, 0));
    // One scheme is funded from two sources.
    expect(spend.filter((b) => b.scheme === 'Integrated Community Equipment Service')).toHaveLength(2);
    const ratioOff = e.metrics.filter((m) => {
      if (m.numerator === null || m.denominator === null) return false;
      const scale = m.unit === 'percent' ? 100 : 100_000;
      return Math.abs((m.numerator / m.denominator) * scale - m.value) > 0.05;
    });
    expect(ratioOff.map((m) => [m.metric, m.value])).toEqual([['reablement', 88]]);
    expect(e.flags.map((f) => f.code).sort()).toEqual(['BUDGET_TOTAL_MISMATCH', 'METRIC_RATIO_MISMATCH']);

    const w = expectedOf('westbrook-2014-original');
    expect(w.template).toBe('bcf-2014-original');
    expect(w.risks.map((r) => r.rating)).toEqual(['high', 'medium', 'low', null, 'high']);
    const min1516 = w.budgets.find((b) => b.kind === 'minimum_pooled_budget' && b.year === '2015-16')!;
    const tot1516 = w.budgets.find((b) => b.kind === 'total_pooled_budget' && b.year === '2015-16')!;
    expect(tot1516.amountGbp).toBeLessThan(min1516.amountGbp);
    expect(w.sections.find((s) => s.id === 'plan_details.related_documentation')?.status).toBe('placeholder');
    expect(w.flags.map((f) => f.code).sort()).toEqual(['BUDGET_BELOW_MINIMUM', 'PLACEHOLDER_SECTION', 'PLACEHOLDER_TEXT', 'RISK_UNSCORED', 'UNSIGNED']);
  });

  for (const name of PLANS) {
    describe(name, () => {
      const exp = expectedOf(name);
      const txt = squash(bytesOf(SAMPLE, `${name}.txt`).toString('utf8'));
      const mustSay = [
        ...exp.area.localAuthorities,
        ...exp.area.ccgs,
        ...(exp.area.healthAndWellbeingBoard ? [exp.area.healthAndWellbeingBoard] : []),
        ...exp.schemes.map((s) => s.name),
        ...exp.budgets.map((b) => b.text),
        ...exp.risks.map((r) => r.description),
      ];

      it('the .txt says every expected name, amount and risk, with tab-separated (or markdown pipe) tables', () => {
        for (const s of mustSay) expect(txt, s).toContain(s);
        const raw = bytesOf(SAMPLE, `${name}.txt`).toString('utf8');
        if (name === MESSY) {
          expect(raw).toMatch(/^#### a\) Summary of plan$/m);
          expect(raw).toMatch(/^\|---\|---\|$/m);
          expect(raw).not.toContain('\t');
        } else {
          expect(raw).toMatch(/\S\t\S/);
        }
      });

      it('the .docx says the same, with Word headings and tables', async () => {
        const { text, html } = await docxText(bytesOf(SAMPLE, `${name}.docx`));
        for (const s of mustSay) expect(text, s).toContain(s);
        expect(html).toMatch(/<table>/);
        if (name === MESSY) {
          // Headings are bold Normal paragraphs, not Word heading styles.
          expect(html).not.toMatch(/<h\d>/);
          expect(html).toContain('<p><strong>4. Risks</strong></p>');
          expect(html).toMatch(/<ul><li>S1 Southdene Home First/);
        } else {
          expect(html).toMatch(/<h1>/);
          expect(html).toMatch(/<h2>/);
        }
      });

      it('the .pdf says the same, on the number of pages stated', async () => {
        const pages = await pdfPages(bytesOf(SAMPLE, `${name}.pdf`));
        expect(pages).toHaveLength(exp.formats.pdf.pages);
        const all = pages.join(' ');
        // Words wrap inside table cells, so compare the PDF text with spacing removed.
        const flat = all.replace(/\s+/g, '');
        for (const s of mustSay) expect(flat, s).toContain(s.replace(/\s+/g, ''));
        pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
      });
    });
  }

  it('northmoor: the bordered risk table splits across two PDF pages with its header repeated', async () => {
    const exp = expectedOf('northmoor-2014-revised');
    const [first, second] = exp.formats.pdf.riskTablePages!;
    expect(second).toBe(first + 1);
    const pages = await pdfPages(bytesOf(SAMPLE, 'northmoor-2014-revised.pdf'));
    const p1 = pages[first - 1].replace(/\s+/g, '');
    const p2 = pages[second - 1].replace(/\s+/g, '');
    for (const p of [p1, p2]) {
      expect(p).toContain('Thereisariskthat:');
      expect(p).toContain('Mitigatingactions');
    }
    const flat = (s: string) => s.replace(/\s+/g, '');
    expect(p1).toContain(flat(exp.risks[3].description));
    expect(p1).not.toContain(flat(exp.risks[4].description));
    expect(p2).toContain(flat(exp.risks[4].description));
    // Cell borders are drawn: the page content has rectangle strokes.
    const doc = await getDocument({ data: new Uint8Array(bytesOf(SAMPLE, 'northmoor-2014-revised.pdf')), verbosity: 0 }).promise;
    const ops = await (await doc.getPage(first)).getOperatorList();
    await doc.destroy();
    expect(ops.fnArray.length).toBeGreaterThan(100);
  });

  it('southdene: Part 2 in the template\'s shapes (finance summary, contingency, two-row scheme header, metric blocks), the total stated twice, a lone X, and wide amounts wrap in the PDF', async () => {
    const exp = expectedOf(MESSY);
    const total1516 = exp.budgets.filter((b) => b.kind === 'total_pooled_budget' && b.year === '2015-16');
    expect(total1516.map((b) => b.amountGbp)).toEqual([16_824_000]);
    const txt = bytesOf(SAMPLE, `${MESSY}.txt`).toString('utf8');
    expect(txt).toContain('| 2015/16 | £16,824,000 |');
    // Finance – Summary: the "BCF Total" actual contribution repeats the plan's total pooled budget.
    expect(txt).toMatch(/\| BCF Total \|  \| £3,860,000 \| £16,074,000 \| £16,824,000 \|/);
    const actual = exp.budgets.filter((b) => b.year === '2015-16' && /Actual contribution/.test(b.label ?? ''));
    expect(actual.reduce((a, b) => a + b.amountGbp, 0)).toBe(16_824_000);
    const spend = exp.budgets.filter((b) => b.year === '2015-16' && b.kind === 'scheme_spend');
    expect(spend.reduce((a, b) => a + b.amountGbp, 0)).toBe(16_824_000);
    // Scheme sheet: a two-row header (each year's spend spans Recurrent | Non-recurrent).
    expect(txt).toContain('|  |  | Recurrent | Non-recurrent | Recurrent | Non-recurrent |');
    // Metric blocks: Metric Value / Numerator / Denominator rows and a bracketed period row with N/A.
    expect(txt).toMatch(/\|  \| Numerator \| 301 \| N\/A \| 295 \|/);
    expect(txt).toContain('|  |  | ( April 2012 - March 2013 ) | N/A | ( April 2014 - March 2015 ) |');
    expect(txt).toMatch(/\| Metric Value \| 2,310\.0 \| N\/A \| X \|/);
    expect(exp.metrics.filter((m) => m.metric === 'local')).toHaveLength(1);
    // Every metric with both parts is its numerator over its denominator, as the template defines it.
    for (const m of exp.metrics) {
      const ratio = (m.numerator! / m.denominator!) * (m.unit === 'percent' ? 100 : 100_000);
      expect(Math.abs(ratio - m.value), `${m.metric} ${m.period}`).toBeLessThan(0.05);
    }
    // pdf.js sees the wrapped amount as two pieces on two lines of the same cell.
    const doc = await getDocument({ data: new Uint8Array(bytesOf(SAMPLE, `${MESSY}.pdf`)), verbosity: 0 }).promise;
    const items = (await (await doc.getPage(1)).getTextContent()).items.map((it) => ('str' in it ? it.str : ''));
    await doc.destroy();
    expect(items).toContain('£16,824,00');
    expect(items).not.toContain('£16,824,000');
    expect(items).toContain('£3,710,000');
  });

  it('westbrook: sign-off placeholders are left in and the unrated risk has an empty rating cell', () => {
    const txt = bytesOf(SAMPLE, 'westbrook-2014-original.txt').toString('utf8');
    expect(txt.match(/<name of signatory>/g)).toHaveLength(2);
    expect(txt.match(/\t<date>/g)).toHaveLength(2);
    expect(txt).toMatch(/The wellbeing hubs do not reach isolated older people\t\t/);
    expect(txt).toMatch(/e\) Related documentation\n\nTo follow\.\n/);
  });
});

describe('fixtures/broken', () => {
  const expectedFiles = [
    '.hidden.txt',
    '.~lock.plan.docx#',
    'docx-named.pdf',
    'empty-rows.xlsx',
    'encrypted.pdf',
    'encrypted.xlsx',
    'external-links.xlsx',
    'image-only.pdf',
    'legacy.doc',
    'legacy.xls',
    'macros.xlsm',
    'not-a-docx.docx',
    'notes.xlsx',
    'pdf-named.docx',
    'truncated.pdf',
    'zero-byte.pdf',
    'zip-bomb.xlsx',
    '~$plan.docx',
  ];

  it('holds exactly the documented files, each listed in fixtures/README.md', () => {
    expect(readdirSync(BROKEN).sort()).toEqual([...expectedFiles].sort());
    const readme = readFileSync(join(FIXTURES, 'README.md'), 'utf8');
    for (const f of expectedFiles) expect(readme, f).toContain(`\`${f}\``);
  });

  it('zero-byte.pdf is empty', () => {
    expect(bytesOf(BROKEN, 'zero-byte.pdf')).toHaveLength(0);
  });

  it('truncated.pdf is the first half of a real PDF: header but no trailer', () => {
    const cut = bytesOf(BROKEN, 'truncated.pdf');
    const whole = bytesOf(SAMPLE, 'northmoor-2014-revised.pdf');
    expect(cut.length).toBe(Math.floor(whole.length / 2));
    expect(whole.subarray(0, cut.length).equals(cut)).toBe(true);
    expect(cut.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(cut.includes('%%EOF')).toBe(false);
    expect(cut.includes('trailer')).toBe(false);
  });

  it('encrypted.pdf has an /Encrypt dictionary and pdf.js asks for a password', async () => {
    const bytes = bytesOf(BROKEN, 'encrypted.pdf');
    expect(bytes.includes('/Encrypt')).toBe(true);
    await expect(getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise).rejects.toMatchObject({ name: 'PasswordException' });
  });

  it('image-only.pdf has a page with an image and shapes but no text', async () => {
    const bytes = bytesOf(BROKEN, 'image-only.pdf');
    const latin = bytes.toString('latin1');
    expect(latin).toContain('/Subtype /Image');
    expect(latin).not.toContain('/Font');
    // Page content streams (uncompressed; the image stream is excluded) have drawing but no text operators.
    const objects = latin.split(/\bendobj\b/);
    const contentStreams = objects
      .filter((o) => o.includes('stream') && !o.includes('/Subtype /Image'))
      .map((o) => o.slice(o.indexOf('stream') + 'stream'.length, o.indexOf('endstream')));
    expect(contentStreams.length).toBeGreaterThan(0);
    const content = contentStreams.join('\n');
    expect(content).toMatch(/\bre\b/);
    expect(content).toMatch(/\bDo\b/);
    expect(content).not.toMatch(/\bBT\b|\bTj\b|\bTJ\b/);
    const pages = await pdfPages(bytes);
    expect(pages).toEqual(['']);
  });

  it('docx-named.pdf is a Word document and pdf-named.docx is a PDF (both the westbrook sample)', async () => {
    const docx = bytesOf(BROKEN, 'docx-named.pdf');
    expect(docx.equals(bytesOf(SAMPLE, 'westbrook-2014-original.docx'))).toBe(true);
    expect((await docxText(docx)).text).toContain('Westbrook City Council');
    const pdf = bytesOf(BROKEN, 'pdf-named.docx');
    expect(pdf.equals(bytesOf(SAMPLE, 'westbrook-2014-original.pdf'))).toBe(true);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('legacy.doc starts with the OLE compound file signature', () => {
    const b = bytesOf(BROKEN, 'legacy.doc');
    expect(b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(true);
    expect(b.includes('%PDF')).toBe(false);
  });

  it('not-a-docx.docx is a zip with no Word part; notes.xlsx is a spreadsheet zip', () => {
    const zip = bytesOf(BROKEN, 'not-a-docx.docx');
    expect(zip.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
    expect(zip.includes('word/')).toBe(false);
    const xlsx = bytesOf(BROKEN, 'notes.xlsx');
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(xlsx.includes('xl/workbook.xml')).toBe(true);
    expect(xlsx.includes('word/')).toBe(false);
  });

  it('the lock files look like Office and LibreOffice lock files, and the hidden file is a dot file', () => {
    const owner = bytesOf(BROKEN, '~$plan.docx');
    expect(owner.length).toBe(162);
    expect(owner[0]).toBe('J Smith'.length);
    expect(owner.subarray(0, 2).toString('latin1')).not.toBe('PK');
    expect(bytesOf(BROKEN, '.~lock.plan.docx#').toString('utf8')).toMatch(/^[^,]+,[^,]+,[^,]+,\d{2}\.\d{2}\.\d{4} \d{2}:\d{2},file:\/\//);
    expect(bytesOf(BROKEN, '.hidden.txt').length).toBeGreaterThan(0);
  });
});
