// PDF extractor on small PDFs drawn with pdfkit: every layout variant the extractor handles, each built
// line by line at known positions so the expected blocks follow from the drawing.
import { makePdf, type Doc } from './pdfkit.js';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../src/extract/pdf/index.js';
import { joinCutFigureRow } from '../src/extract/pdf/lines.js';
import { ExtractionError, type Block, type TableBlock } from '../src/model/document.js';


const LINE = 12;
const PAD = 3;

/** Draw a ruled table; a cell's "\n" separates the lines as the drawing wraps them. Returns the bottom y. */
function drawTable(doc: Doc, x: number, y: number, widths: number[], rows: string[][], filledRules = false): number {
  doc.font('Helvetica').fontSize(10).lineWidth(0.5);
  let top = y;
  const right = x + widths.reduce((a, b) => a + b, 0);
  // Office suites stroke their rules; Word draws them as thin filled rectangles.
  const rule = (x0: number, y0: number, x1: number, y1: number) =>
    filledRules
      ? doc.rect(Math.min(x0, x1) - 0.25, Math.min(y0, y1) - 0.25, Math.abs(x1 - x0) + 0.5, Math.abs(y1 - y0) + 0.5).fill('#000000')
      : doc.moveTo(x0, y0).lineTo(x1, y1).stroke();
  rule(x, top, right, top);
  for (const row of rows) {
    const lines = Math.max(...row.map((c) => c.split('\n').length));
    const height = lines * LINE + 2 * PAD;
    let cx = x;
    row.forEach((cell, i) => {
      cell.split('\n').forEach((text, k) => doc.text(text, cx + PAD, top + PAD + k * LINE, { lineBreak: false }));
      cx += widths[i];
    });
    cx = x;
    for (const w of [0, ...widths]) {
      cx += w;
      rule(cx, top, cx, top + height);
    }
    top += height;
    rule(x, top, right, top);
  }
  return top;
}

function line(doc: Doc, text: string, x: number, y: number, font = 'Helvetica', size = 10) {
  doc.font(font).fontSize(size).text(text, x, y, { lineBreak: false });
}

const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');
const cellTexts = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.text.replace(/\s*\n\s*/g, ' ')));

async function extractionError(bytes: Uint8Array): Promise<ExtractionError> {
  try {
    await extractPdf(bytes);
  } catch (err) {
    if (err instanceof ExtractionError) return err;
    throw err;
  }
  throw new Error('expected an ExtractionError');
}

describe('extractPdf: tables', () => {
  it('rejoins a number, a word and a year range wrapped inside narrow cells, and spaces genuine wraps', async () => {
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      const money = doc.widthOfString('£19,276,00') + 2 * PAD + 0.5;
      const word = doc.widthOfString('Denominato') + 2 * PAD + 0.5;
      line(doc, 'Summary of the plan as agreed by the board.', 50, 60);
      const bottom = drawTable(doc, 50, 80, [110, money, 60], [
        ['Date agreed at\nHealth and Well-\nBeing Board:', '£19,276,00\n0', '2010-\n11'],
        ['Clinical\nCommissioning\nGroups', '£812,000', 'Total\nvalue'],
      ]);
      // The same tight line followed by a line opening with a word of its own ("is") was wrapped at a space.
      const next = drawTable(doc, 50, bottom + 30, [110, word], [['Metric', 'Denominato\nr'], ['Label', 'Denominato\nis the count']]);
      // Two words the document writes apart elsewhere, in a cell as tight as the first: a wrap, not a cut word.
      const tight = doc.widthOfString('discharge') + 2 * PAD + 0.5;
      drawTable(doc, 50, next + 30, [110, tight], [['Scheme', 'discharge\ncapacity'], ['By when', 'Autumn\n2022']]);
      line(doc, 'More discharge capacity opens in the winter months.', 50, next + 110);
    });
    const doc = await extractPdf(bytes);
    const [first, second, third] = tables(doc.blocks);
    // A word then a year on the next line of a cell as tight ("Autumn" / "2022") is a wrap too.
    expect(cellTexts(third)).toEqual([['Scheme', 'discharge capacity'], ['By when', 'Autumn 2022']]);
    expect(cellTexts(first)).toEqual([
      ['Date agreed at Health and Well-Being Board:', '£19,276,000', '2010-11'],
      ['Clinical Commissioning Groups', '£812,000', 'Total value'],
    ]);
    expect(cellTexts(second)).toEqual([['Metric', 'Denominator'], ['Label', 'Denominato is the count']]);
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: 'Summary of the plan as agreed by the board.', page: 1 });
  });

  it('keeps a table in reading order between the paragraphs around it (rules drawn as thin filled rectangles)', async () => {
    const bytes = await makePdf((doc) => {
      line(doc, 'Text before the table.', 50, 60);
      const bottom = drawTable(doc, 50, 90, [100, 100], [['Ref no.', 'Scheme'], ['1', 'Self help']], true);
      line(doc, 'Text after the table.', 50, bottom + 20);
    });
    const doc = await extractPdf(bytes);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(doc.blocks[2]).toMatchObject({ text: 'Text after the table.' });
    expect(cellTexts(tables(doc.blocks)[0])).toEqual([['Ref no.', 'Scheme'], ['1', 'Self help']]);
  });

  it('merges a table split across two pages into one block, dropping the repeated header row and joining the row the break cut', async () => {
    const widths = [150, 80, 200];
    const header = ['There is a risk that:', 'Likelihood', 'Mitigating actions'];
    const bytes = await makePdf((doc) => {
      line(doc, 'Risk log', 50, 50, 'Helvetica-Bold', 16);
      const rows = [header];
      for (let i = 1; i <= 36; i++) rows.push([`Risk number ${i}`, String((i % 5) + 1), `Action ${i}`]);
      rows.push(['Funding is not', '4', 'Quarterly review']);
      const bottom = drawTable(doc, 50, 80, widths, rows);
      expect(bottom).toBeGreaterThan(720); // the table runs to the foot of page 1
      doc.addPage();
      const end = drawTable(doc, 50, 50, widths, [header, ['agreed in time', '', 'by the programme board'], ['Last risk', '2', 'Review']]);
      line(doc, 'Contingency plan follows the table.', 50, end + 20);
    });
    const doc = await extractPdf(bytes);
    const [risk, ...others] = tables(doc.blocks);
    expect(others).toHaveLength(0);
    expect(risk.page).toBe(1);
    expect(risk.pageEnd).toBe(2);
    const texts = cellTexts(risk);
    expect(texts.filter((r) => r[0] === 'There is a risk that:')).toHaveLength(1);
    expect(risk.rows[0].header).toBe(true);
    // The row at the foot of page 1 goes on at the top of page 2 ("agreed in time" under "Funding is not").
    const continued = risk.rows.findIndex((r) => r.pageBreakBefore);
    expect(texts[continued - 1]).toEqual(['Funding is not agreed in time', '4', 'Quarterly review by the programme board']);
    expect(texts[continued]).toEqual(['Last risk', '2', 'Review']);
    expect(risk.rows[continued].page).toBe(2);
    expect(risk.rows.filter((r) => r.pageBreakBefore)).toHaveLength(1);
    expect(doc.messages.some((m) => /cut by the page break/.test(m.message) && m.page === 2)).toBe(true);
    expect(doc.blocks[doc.blocks.length - 1]).toMatchObject({ kind: 'paragraph', text: 'Contingency plan follows the table.', page: 2 });
  });

  it('joins a header row cut by a page break ("2021" / "-22 Q1 Actual", "2022-" / "23 Q1 Plan", "2014/1" / "5"), not a row that starts afresh', async () => {
    const widths = [120, 70, 70, 70, 50];
    const bytes = await makePdf((doc) => {
      const rows = [['Metric', 'Numerator', 'Denominator', 'Value', 'Year']];
      for (let i = 1; i <= 40; i++) rows.push([`Row ${i}`, String(i * 10), String(i * 100), String(i), '']);
      rows.push(['Avoidable', '2021', '2021', '2022-', '2014/1']);
      drawTable(doc, 50, 60, widths, rows);
      doc.addPage();
      drawTable(doc, 50, 50, widths, [['admissions', '-22 Q1 Actual', '-22 Q2 Actual', '23 Q1 Plan', '5'], ['Next metric', '5', '50', '10%', '']]);
      doc.addPage();
      drawTable(doc, 50, 50, widths, [['Last metric', '6', '60', '10%', '']]);
    });
    const doc = await extractPdf(bytes);
    const [table, ...others] = tables(doc.blocks);
    expect(others).toHaveLength(0);
    const texts = cellTexts(table);
    expect(texts).toContainEqual(['Avoidable admissions', '2021-22 Q1 Actual', '2021-22 Q2 Actual', '2022-23 Q1 Plan', '2014/15']);
    // "Next metric" follows the joined row; "Last metric" begins page 3 afresh and stays a row of its own.
    expect(texts.slice(-2)).toEqual([['Next metric', '5', '50', '10%', ''], ['Last metric', '6', '60', '10%', '']]);
    expect(table.rows[table.rows.length - 1].pageBreakBefore).toBe(true);
  });

  it('joins a row that only finishes a figure cut at its cell edge and the text beside it, whatever cut it (a page break here)', async () => {
    expect(joinCutFigureRow(['Total Minimum Contribution', '£4,506,21', ''], ['(exc grants)', '7', ''])).toEqual(['Total Minimum Contribution (exc grants)', '£4,506,217', '']);
    // A row of its own, and a figure that was not cut, stay apart.
    expect(joinCutFigureRow(['Total Minimum Contribution', '£4,506,21', ''], ['Grants', '7', ''])).toBeNull();
    expect(joinCutFigureRow(['Total Minimum Contribution', '£4,506,217', ''], ['(exc grants)', '7', ''])).toBeNull();
    const widths = [200, 80];
    const bytes = await makePdf((doc) => {
      const rows = [['Contribution', 'Amount']];
      for (let i = 1; i <= 38; i++) rows.push([`Source ${i}`, `£${i},000`]);
      rows.push(['Total Minimum Contribution', '£4,506,21']);
      drawTable(doc, 50, 60, widths, rows);
      doc.addPage();
      drawTable(doc, 50, 50, widths, [['(exc grants)', '7'], ['Next source', '£5,000']]);
    });
    const texts = cellTexts(tables((await extractPdf(bytes)).blocks)[0]);
    expect(texts.slice(-2)).toEqual([['Total Minimum Contribution (exc grants)', '£4,506,217'], ['Next source', '£5,000']]);
  });

  it('joins words only, first cell empty, to the row a page break cut ("Gross" / "Contribution"), not a row with a figure', async () => {
    const widths = [200, 80];
    const draw = (rest: string[]) =>
      makePdf((doc) => {
        const rows = [['Contribution', 'Amount']];
        for (let i = 1; i <= 38; i++) rows.push([`Source ${i}`, `£${i},000`]);
        rows.push(['Disabled Facilities Grant', 'Gross']);
        drawTable(doc, 50, 60, widths, rows);
        doc.addPage();
        drawTable(doc, 50, 50, widths, [rest, ['Next source', '£5,000']]);
      });
    const cut = cellTexts(tables((await extractPdf(await draw(['', 'Contribution']))).blocks)[0]);
    expect(cut.slice(-2)).toEqual([['Disabled Facilities Grant', 'Gross Contribution'], ['Next source', '£5,000']]);
    const own = cellTexts(tables((await extractPdf(await draw(['', '£7,000']))).blocks)[0]);
    expect(own.slice(-3)).toEqual([['Disabled Facilities Grant', 'Gross'], ['', '£7,000'], ['Next source', '£5,000']]);
  });

  it('reads a row a page break cut when its cell borders are left open at the cut (browser print): the column rules end together', async () => {
    const widths = [150, 150];
    const xs = [50, 200, 350];
    const bytes = await makePdf((doc) => {
      const rows = [['Scheme', 'Description']];
      for (let i = 1; i <= 37; i++) rows.push([`Scheme ${i}`, `Service ${i}`]);
      const bottom = drawTable(doc, 50, 60, widths, rows);
      // The cut row at the foot of page 1: its top rule, its column rules down to the page's end, no bottom rule.
      line(doc, 'Integrated equipment', 53, bottom + 3);
      line(doc, 'Equipment to help people', 203, bottom + 3);
      for (const x of xs) doc.moveTo(x, bottom).lineTo(x, bottom + 30).stroke();
      doc.addPage();
      // Its rest at the top of page 2: column rules from the page's top, no top rule; then rows as usual.
      line(doc, 'service', 53, 43);
      line(doc, 'stay in their homes', 203, 43);
      for (const x of xs) doc.moveTo(x, 40).lineTo(x, 60).stroke();
      drawTable(doc, 50, 60, widths, [['Scheme 39', 'Service 39']]);
    });
    const doc = await extractPdf(bytes);
    const [table, ...others] = tables(doc.blocks);
    expect(others).toHaveLength(0);
    expect(doc.blocks.filter((b) => b.kind !== 'table')).toHaveLength(0);
    expect(cellTexts(table).slice(-2)).toEqual([['Integrated equipment service', 'Equipment to help people stay in their homes'], ['Scheme 39', 'Service 39']]);
  });

  it('finds a borderless table from its column gaps, with right-aligned numbers and a wrapped cell', async () => {
    const rows: Array<[string, string, string]> = [
      ['Scheme', 'Budget', 'Source'],
      ['Home First', '£2,163,905', 'Minimum NHS Contribution'],
      ['Carers Support', '£642,318', 'Minimum NHS Contribution'],
      ['Track & Triage', '£4,812', 'iBCF'],
    ];
    const bytes = await makePdf((doc) => {
      line(doc, 'The schemes funded in 2022/23 are listed below with their budgets.', 50, 60);
      doc.font('Helvetica').fontSize(10);
      rows.forEach(([scheme, budget, source], i) => {
        const y = 90 + i * 14;
        line(doc, scheme, 50, y);
        line(doc, budget, 280 - doc.widthOfString(budget), y); // right-aligned at x = 280
        line(doc, source, 320, y);
      });
      line(doc, '(pooled)', 320, 90 + 4 * 14); // second line of the last "Source" cell
      line(doc, 'All schemes are reviewed by the board every quarter.', 50, 180);
    });
    const doc = await extractPdf(bytes);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(cellTexts(tables(doc.blocks)[0])).toEqual([
      ['Scheme', 'Budget', 'Source'],
      ['Home First', '£2,163,905', 'Minimum NHS Contribution'],
      ['Carers Support', '£642,318', 'Minimum NHS Contribution'],
      ['Track & Triage', '£4,812', 'iBCF (pooled)'],
    ]);
  });

  it('puts the text of a vertically merged cell in its top row and leaves the rows below it empty there', async () => {
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10).lineWidth(0.5);
      const [x0, x1, x2, x3] = [50, 170, 250, 330];
      const [y0, y1, y2, y3] = [100, 118, 136, 154];
      // Rules: full-width rows except between rows 2 and 3 in the first column (a merged cell).
      for (const [y, from] of [[y0, x0], [y1, x0], [y2, x1], [y3, x0]] as const) doc.moveTo(from, y).lineTo(x3, y).stroke();
      for (const x of [x0, x1, x2, x3]) doc.moveTo(x, y0).lineTo(x, y3).stroke();
      const cell = (text: string, x: number, y: number) => line(doc, text, x + PAD, y + PAD);
      cell('Scheme', x0, y0), cell('Year', x1, y0), cell('Budget', x2, y0);
      cell('Home First', x0, y1 + 9), cell('2014/15', x1, y1), cell('£1,000', x2, y1);
      cell('2015/16', x1, y2), cell('£2,000', x2, y2);
    });
    const doc = await extractPdf(bytes);
    expect(cellTexts(tables(doc.blocks)[0])).toEqual([
      ['Scheme', 'Year', 'Budget'],
      ['Home First', '2014/15', '£1,000'],
      ['', '2015/16', '£2,000'],
    ]);
  });

  it('does not merge tables across a page break when text comes between them', async () => {
    const bytes = await makePdf((doc) => {
      drawTable(doc, 50, 600, [100, 100], [['A', 'B'], ['1', '2']]);
      line(doc, 'Closing note for the first table.', 50, 700);
      doc.addPage();
      drawTable(doc, 50, 50, [100, 100], [['C', 'D'], ['3', '4']]);
    });
    const doc = await extractPdf(bytes);
    expect(tables(doc.blocks)).toHaveLength(2);
    expect(tables(doc.blocks).every((t) => t.pageEnd === undefined)).toBe(true);
  });
});

describe('extractPdf: text layout', () => {
  it('drops a running header and "Page n of N" footers repeated on every page', async () => {
    const bytes = await makePdf((doc) => {
      for (let p = 1; p <= 3; p++) {
        if (p > 1) doc.addPage();
        line(doc, 'Anytown Better Care Fund Plan 2015/16', 50, 20, 'Helvetica', 8);
        line(doc, `Body text of page ${p} says something different.`, 50, 100);
        line(doc, `Page ${p} of 3`, 270, 805, 'Helvetica', 8);
      }
    });
    const doc = await extractPdf(bytes);
    expect(doc.blocks.map((b) => ('text' in b ? b.text : ''))).toEqual([
      'Body text of page 1 says something different.',
      'Body text of page 2 says something different.',
      'Body text of page 3 says something different.',
    ]);
    expect(doc.blocks.map((b) => b.page)).toEqual([1, 2, 3]);
  });

  it('drops bare page numbers only where the pages are numbered: a lone figure at the top of an unnumbered page is text', async () => {
    const draw = (numbered: boolean) =>
      makePdf((doc) => {
        for (let p = 1; p <= 4; p++) {
          if (p > 1) doc.addPage();
          line(doc, `Body text of page ${p} says something different.`, 50, 100);
          if (numbered) line(doc, String(p + 1), 290, 805, 'Helvetica', 8);
        }
        // An annex box whose value ("Scheme ref no." 3) fell at the top of the last page.
        line(doc, 'Scheme ref no.', 50, 780);
        line(doc, '3', 50, 30);
      });
    const unnumbered = await extractPdf(await draw(false));
    expect(unnumbered.blocks.some((b) => 'text' in b && b.text === '3' && b.page === 4)).toBe(true);
    const numbered = await extractPdf(await draw(true));
    const texts = numbered.blocks.map((b) => ('text' in b ? b.text : ''));
    expect(texts).not.toContain('2');
    expect(texts).not.toContain('5');
    expect(texts).toContain('3'); // 3 on page 4 is not that page's number (5)
  });

  it('makes headings from big or bold short lines, marks bold paragraphs, and strips bullets', async () => {
    const body = 'The partners will pool budgets for community services and report to the board every quarter';
    const bytes = await makePdf((doc) => {
      line(doc, '1. Plan details', 50, 50, 'Helvetica-Bold', 16);
      line(doc, 'Summary of plan', 50, 80, 'Helvetica-Bold', 10);
      line(doc, body, 50, 100);
      line(doc, 'and will publish a yearly review.', 50, 112);
      line(doc, 'This paragraph is bold from its first word to its last word and it runs on', 50, 140, 'Helvetica-Bold');
      line(doc, 'over two lines of text.', 50, 152, 'Helvetica-Bold');
      line(doc, '•', 60, 180);
      line(doc, 'Be built around the wishes of each person', 75, 180);
      line(doc, '•', 60, 194);
      line(doc, 'Keep in view at all times the outcome for the', 75, 194);
      line(doc, 'service user', 75, 206);
      line(doc, 'The partners will work together across the city and the county to co-', 50, 230);
      line(doc, 'ordinate care.', 50, 242);
    });
    const doc = await extractPdf(bytes);
    const summary = doc.blocks.map((b) => ({ kind: b.kind, text: 'text' in b ? b.text : '', level: 'level' in b ? b.level : undefined, bold: 'bold' in b ? b.bold : undefined }));
    expect(summary).toEqual([
      { kind: 'heading', text: '1. Plan details', level: 1, bold: undefined },
      { kind: 'heading', text: 'Summary of plan', level: 2, bold: undefined },
      { kind: 'paragraph', text: `${body} and will publish a yearly review.`, level: undefined, bold: undefined },
      { kind: 'paragraph', text: 'This paragraph is bold from its first word to its last word and it runs on over two lines of text.', level: undefined, bold: true },
      { kind: 'list_item', text: 'Be built around the wishes of each person', level: 1, bold: undefined },
      { kind: 'list_item', text: 'Keep in view at all times the outcome for the service user', level: 1, bold: undefined },
      { kind: 'paragraph', text: 'The partners will work together across the city and the county to co-ordinate care.', level: undefined, bold: undefined },
    ]);
  });

  it('nests a bullet indented under a numbered item one level down', async () => {
    const bytes = await makePdf((doc) => {
      line(doc, 'Our service transformation will mean:', 50, 50);
      line(doc, '1. More people able to remain living in their own home', 50, 70);
      line(doc, '2. An improved experience of community services, as:', 50, 84);
      line(doc, '•', 80, 98);
      line(doc, 'They only have to tell their story once', 95, 98);
      line(doc, '3. Fewer unplanned admissions to hospital', 50, 112);
    });
    const doc = await extractPdf(bytes);
    expect(doc.blocks.slice(1).map((b) => [b.kind, 'level' in b ? b.level : null, b.kind === 'list_item' ? !!b.ordered : null, 'text' in b ? b.text : ''])).toEqual([
      ['list_item', 1, true, '1. More people able to remain living in their own home'],
      ['list_item', 1, true, '2. An improved experience of community services, as:'],
      ['list_item', 2, false, 'They only have to tell their story once'],
      ['list_item', 1, true, '3. Fewer unplanned admissions to hospital'],
    ]);
  });

  it('reads a page set in two text columns column by column, not as a table', async () => {
    const left = 'The left column explains how the partners will pool their budgets. '.repeat(6).trim();
    const right = 'The right column describes the governance of the fund and its reporting. '.repeat(6).trim();
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text(left, 50, 60, { width: 220 });
      doc.text(right, 310, 60, { width: 220 });
    });
    const doc = await extractPdf(bytes);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    expect(doc.blocks.map((b) => ('text' in b ? b.text : ''))).toEqual([left, right]);
  });

  it('reads a dash that starts a wrapped line as punctuation, and dash lines after a colon as list items', async () => {
    const first = 'These plans are reflected in the strategy of the local acute trust (Luton Hospitals Foundation';
    const bytes = await makePdf((doc) => {
      line(doc, first, 50, 50);
      line(doc, '– that have signed off this plan.', 50, 62);
      line(doc, 'The measures are:', 50, 90);
      line(doc, '- Be built around the wishes of each person', 50, 104);
      line(doc, '- Focus always on the service user', 50, 118);
    });
    const doc = await extractPdf(bytes);
    expect(doc.blocks.map((b) => [b.kind, 'text' in b ? b.text : ''])).toEqual([
      ['paragraph', `${first} – that have signed off this plan.`],
      ['paragraph', 'The measures are:'],
      ['list_item', 'Be built around the wishes of each person'],
      ['list_item', 'Focus always on the service user'],
    ]);
  });

  it('continues a paragraph on the next page when its sentence is unfinished', async () => {
    const long = 'Our plans are factored into the two year operational and five year strategic plans and';
    const bytes = await makePdf((doc) => {
      line(doc, long, 50, 50);
      line(doc, 'A second paragraph that ends at the foot of the page and is then continued over', 50, 790);
      doc.addPage();
      line(doc, 'the page break without a new paragraph starting.', 50, 50);
    });
    const doc = await extractPdf(bytes);
    expect(doc.blocks).toHaveLength(2);
    expect(doc.blocks[1]).toMatchObject({
      kind: 'paragraph',
      page: 1,
      text: 'A second paragraph that ends at the foot of the page and is then continued over the page break without a new paragraph starting.',
    });
  });
});

describe('extractPdf: unreadable files', () => {
  it('reports a password-protected PDF as encrypted', async () => {
    const bytes = await makePdf((doc) => line(doc, 'Confidential plan', 50, 50), { userPassword: 'secret' });
    const err = await extractionError(bytes);
    expect(err.reason).toBe('encrypted');
    expect(err.message).toBe('password-protected PDF');
  });

  it('reports a PDF with drawings but no text (bar a stamped page number) as needing OCR', async () => {
    const bytes = await makePdf((doc) => {
      doc.rect(50, 50, 300, 200).fill('#777777');
      doc.addPage();
      doc.circle(200, 200, 50).fill('#333333');
      line(doc, '2', 290, 800);
    });
    const err = await extractionError(bytes);
    expect(err.reason).toBe('no_text_layer');
    expect(err.message).toBe('no text layer: scanned, needs OCR');
  });

  it('reports a truncated PDF as truncated, and garbage after a PDF header as corrupt', async () => {
    const bytes = await makePdf((doc) => {
      for (let p = 0; p < 3; p++) {
        if (p > 0) doc.addPage();
        doc.font('Helvetica').fontSize(10).text('Plan text. '.repeat(300), 50, 50, { width: 450 });
      }
    });
    expect((await extractPdf(bytes)).blocks.length).toBeGreaterThan(0);
    const truncated = await extractionError(bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect(truncated.reason).toBe('truncated');
    const garbage = await extractionError(new TextEncoder().encode('%PDF-1.4\nnot really a pdf at all\n%%EOF\n'));
    expect(garbage.reason).toBe('corrupt');
  });
});
