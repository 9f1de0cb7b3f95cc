// Borderless tables in PDFs (src/extract/pdf/bandTables.ts): a Word or LibreOffice table with its borders
// removed, or a sheet printed without gridlines. Each PDF is drawn with pdfkit, cell by cell at known
// positions and with no rules, in the templates' table shapes (../shared/spec/tables.md); names and figures
// are invented. Cells are centred vertically in their row as office suites set them, so the lines of
// neighbouring cells interleave.
import { makePdf, type Doc } from './pdfkit.js';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../src/extract/pdf/index.js';
import type { Block, TableBlock } from '../src/model/document.js';


const LEADING = 11.5;
/** Blank between rows (paragraph spacing), wider than a line's own. */
const ROW_GAP = 6;

/**
 * Draw a borderless table: columns start at `xs`; each cell is its lines ("\n"), centred vertically in its
 * row, rows `rowGap` apart. A cell given as an array holds paragraphs separated by a blank line's worth of space.
 * Returns the bottom.
 */
function drawBorderless(doc: Doc, xs: number[], top: number, rows: Array<Array<string | string[]>>, rowGap = ROW_GAP): number {
  doc.font('Helvetica').fontSize(10);
  let y = top;
  for (const row of rows) {
    const cells = row.map((c) => (Array.isArray(c) ? c.join('\n\n') : c).split('\n'));
    const height = Math.max(...cells.map((ls) => ls.length)) * LEADING;
    cells.forEach((ls, k) => {
      const offset = (height - ls.length * LEADING) / 2;
      ls.forEach((text, j) => {
        if (text) doc.text(text, xs[k], y + offset + j * LEADING, { lineBreak: false });
      });
    });
    y += height + rowGap;
  }
  return y;
}

/**
 * Draw a 2022-23 metric sheet's block as a sheet prints it without gridlines: the metric's title, its period header
 * set left at the columns' starts, and rows of a label set left, figures set right at their column's end (2pt short
 * of the next column) and words ("N/A") set left. Rows 14pt apart; an empty string leaves a cell empty.
 */
function drawSheetBlock(doc: Doc, starts: number[], end: number, header: string[], rows: string[][]): void {
  doc.font('Helvetica').fontSize(10);
  const right = (k: number) => (starts[k + 1] ?? end) - 2;
  doc.text('Indirectly standardised rate (ISR) of admissions per 100,000 population', starts[0], 100, { lineBreak: false });
  header.forEach((t, k) => t && doc.text(t, starts[k + 1], 114, { lineBreak: false }));
  rows.forEach((r, j) => {
    const y = 128 + j * 14;
    r.forEach((t, k) => {
      if (!t) return;
      const figure = k > 0 && /\d/.test(t);
      doc.text(t, figure ? right(k) - doc.widthOfString(t) : starts[k], y, { lineBreak: false });
    });
  });
}

const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');
const cellTexts = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.text.replace(/\s*\n\s*/g, ' ')));

describe('extractPdf: borderless tables with wrapped cells', () => {
  it('reads a 2014 risk table one risk a row, though its cells are centred and their lines interleave', async () => {
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10).text('The risks to delivery are set out below.', 60, 80, { lineBreak: false });
      drawBorderless(doc, [60, 250, 300], 110, [
        ['Risk', 'Risk\nrating', 'Mitigating Actions'],
        ['Partners cannot release the\nfunding needed for\nthe pooled budget', 'High', 'Monthly review by the joint\nfinance group'],
        ['Providers do not recruit\nenough staff', 'Medium', 'Joint workforce plan with\nthe local providers and the\ncollege'],
      ]);
    });
    const [table] = tables((await extractPdf(bytes)).blocks);
    expect(cellTexts(table)).toEqual([
      ['Risk', 'Risk rating', 'Mitigating Actions'],
      ['Partners cannot release the funding needed for the pooled budget', 'High', 'Monthly review by the joint finance group'],
      ['Providers do not recruit enough staff', 'Medium', 'Joint workforce plan with the local providers and the college'],
    ]);
  });

  it('keeps a second paragraph of a long cell in its row, set apart like a row', async () => {
    const bytes = await makePdf((doc) => {
      drawBorderless(doc, [60, 250, 320], 110, [
        ['Risk', 'Risk rating', 'Mitigating Actions'],
        ['Hospital activity does\nnot fall as planned', 'High', ['Targeted work with the\nlargest practices', 'Quarterly review of the\nactivity plan']],
        ['Data cannot be shared', 'Low', 'Information sharing\nagreement signed'],
      ]);
    });
    const [table] = tables((await extractPdf(bytes)).blocks);
    expect(cellTexts(table).slice(1)).toEqual([
      ['Hospital activity does not fall as planned', 'High', 'Targeted work with the largest practices Quarterly review of the activity plan'],
      ['Data cannot be shared', 'Low', 'Information sharing agreement signed'],
    ]);
  });

  it('reads 2022-23 expenditure lines with wrapped names and an amount cut at its cell edge', async () => {
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10).text('Spending Plan 2022/23', 55, 80, { lineBreak: false });
      drawBorderless(doc, [60, 150, 260, 330, 400], 110, [
        ['Scheme Name', 'Area of\nSpend', 'Source of\nFunding', 'Expenditu\nre (£)', 'New/\nExisting'],
        ['Community\nEquipment\nService', 'Community\nHealth', 'Minimum\nNHS\nContribution', '£1,234,56\n7', 'Existing'],
        ['Carers\nBreaks', 'Social\nCare', 'iBCF', '£98,765', 'New'],
      ]);
    });
    const blocks = (await extractPdf(bytes)).blocks;
    const [table] = tables(blocks);
    expect(cellTexts(table)).toEqual([
      ['Scheme Name', 'Area of Spend', 'Source of Funding', 'Expenditure (£)', 'New/Existing'],
      ['Community Equipment Service', 'Community Health', 'Minimum NHS Contribution', '£1,234,567', 'Existing'],
      ['Carers Breaks', 'Social Care', 'iBCF', '£98,765', 'New'],
    ]);
    // The title at the body's margin, left of the table's first column, stays a paragraph.
    expect(blocks.some((b) => b.kind !== 'table' && b.text === 'Spending Plan 2022/23')).toBe(true);
  });

  it('splits a 2022-23 metric block into its header, value and plan rows beside the spanning rationale', async () => {
    const xs = [60, 170, 250, 300, 350, 400, 460];
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      // The rationale runs beside all four rows, so no blank crosses the whole width between them.
      const rationale = ['The rate fell', 'in the last', 'year and we', 'aim to keep', 'it at this', 'level with', 'the new', 'services', 'in place.'];
      rationale.forEach((t, j) => doc.text(t, xs[6], 110 + j * LEADING, { lineBreak: false }));
      doc.text('Avoidable admissions', xs[0], 110, { lineBreak: false });
      const quarter = (k: number, y: number, lines: string[]) => lines.forEach((t, j) => doc.text(t, xs[2 + k], y + j * LEADING, { lineBreak: false }));
      for (let k = 0; k < 4; k++) quarter(k, 110, ['2021', `-22 Q${k + 1}`, 'Actual']);
      doc.text('Indicator value', xs[1], 110 + 3 * LEADING + ROW_GAP, { lineBreak: false });
      ['181.2', '176.4', '190.3', '170.1'].forEach((v, k) => quarter(k, 110 + 3 * LEADING + ROW_GAP, [v]));
      for (let k = 0; k < 4; k++) quarter(k, 110 + 4 * LEADING + 2 * ROW_GAP, ['2022', `-23 Q${k + 1}`, 'Plan']);
      doc.text('Indicator value', xs[1], 110 + 7 * LEADING + 3 * ROW_GAP, { lineBreak: false });
      ['180', '175', '185', '169'].forEach((v, k) => quarter(k, 110 + 7 * LEADING + 3 * ROW_GAP, [v]));
    });
    const [table] = tables((await extractPdf(bytes)).blocks);
    const rows = cellTexts(table);
    expect(rows.map((r) => r.slice(1, 6))).toEqual([
      ['', '2021-22 Q1 Actual', '2021-22 Q2 Actual', '2021-22 Q3 Actual', '2021-22 Q4 Actual'],
      ['Indicator value', '181.2', '176.4', '190.3', '170.1'],
      ['', '2022-23 Q1 Plan', '2022-23 Q2 Plan', '2022-23 Q3 Plan', '2022-23 Q4 Plan'],
      ['Indicator value', '180', '175', '185', '169'],
    ]);
    expect(rows[0][0]).toBe('Avoidable admissions');
    expect(rows[0][6]).toMatch(/^The rate fell .* in place\.$/);
  });

  // A guard: the band reader must leave this to textTables.ts (it passes without bandTables.ts, and fails if the
  // band reader took the sheet's rows for one wrapped row).
  it('leaves a sheet printed without gridlines one row per line (two figures stacked in a column are two rows)', async () => {
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      const rows = [
        ['Disabled Facilities Grant', '£1,100,000'],
        ['Minimum NHS Contribution', '£9,800,000'],
        ['iBCF Contribution', '£4,200,000'],
        ['Total', '£15,100,000'],
      ];
      rows.forEach(([label, amount], j) => {
        doc.text(label, 60, 110 + j * 13, { lineBreak: false });
        doc.text(amount, 300, 110 + j * 13, { lineBreak: false });
      });
    });
    const [table] = tables((await extractPdf(bytes)).blocks);
    expect(cellTexts(table)).toEqual([
      ['Disabled Facilities Grant', '£1,100,000'],
      ['Minimum NHS Contribution', '£9,800,000'],
      ['iBCF Contribution', '£4,200,000'],
      ['Total', '£15,100,000'],
    ]);
  });

  it('reads a 2022-23 income table: single-line rows under a wrapped header, and a wrapped question with its answer', async () => {
    const bytes = await makePdf((doc) => {
      drawBorderless(doc, [60, 290], 110, [
        ['Disabled Facilities Grant (DFG)', 'Gross\nContribution'],
        ['Northmoor', '£1,100,000'],
        ['Total Minimum LA Contribution (exc iBCF)', '£1,100,000'],
        ['iBCF Contribution', '£4,200,000'],
        ['Minimum NHS Contribution', '£9,800,000'],
        ['Total NHS Contribution', '£9,800,000'],
        ['Are any additional LA Contributions being made\nin 2022-23? If yes, please detail below', 'Yes'],
        ['Total BCF Pooled Budget', '£15,100,000'],
      ]);
    });
    const [table] = tables((await extractPdf(bytes)).blocks);
    expect(cellTexts(table)).toEqual([
      ['Disabled Facilities Grant (DFG)', 'Gross Contribution'],
      ['Northmoor', '£1,100,000'],
      ['Total Minimum LA Contribution (exc iBCF)', '£1,100,000'],
      ['iBCF Contribution', '£4,200,000'],
      ['Minimum NHS Contribution', '£9,800,000'],
      ['Total NHS Contribution', '£9,800,000'],
      ['Are any additional LA Contributions being made in 2022-23? If yes, please detail below', 'Yes'],
      ['Total BCF Pooled Budget', '£15,100,000'],
    ]);
  });

  it('reads a Finance - Summary sheet printed without gridlines: header cells clipped against each other start the columns', async () => {
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      // Each header cell's text is cut where the next cell starts, so the cells touch with no space between.
      const header = ['Organisation', 'Holds the poo', 'Spending on BC', 'Minimum contri', 'Actual contribu'];
      const starts = [60, 200];
      for (let k = 1; k < header.length - 1; k++) starts.push(starts[k] + doc.widthOfString(header[k]) + 1);
      header.forEach((t, k) => doc.text(t, starts[k], 110, { lineBreak: false }));
      const rows = [
        ['Eastham Council', 'Y', '£1,200,000', '£1,100,000', '£1,600,000'],
        ['NHS Eastham CCG', 'N', '£3,400,000', '£11,900,000', '£12,300,000'],
        ['BCF Total', '', '£4,600,000', '£13,000,000', '£13,900,000'],
      ];
      rows.forEach((r, j) => {
        doc.text(r[0], starts[0], 125 + j * 15, { lineBreak: false });
        if (r[1]) doc.text(r[1], starts[1], 125 + j * 15, { lineBreak: false });
        // Figures right-aligned in their cells, which end 2pt before the next cell starts.
        [2, 3, 4].forEach((k) => {
          const right = (starts[k + 1] ?? starts[k] + 90) - 2;
          doc.text(r[k], right - doc.widthOfString(r[k]), 125 + j * 15, { lineBreak: false });
        });
      });
    });
    const [table] = tables((await extractPdf(bytes)).blocks);
    expect(cellTexts(table)).toEqual([
      ['Organisation', 'Holds the poo', 'Spending on BC', 'Minimum contri', 'Actual contribu'],
      ['Eastham Council', 'Y', '£1,200,000', '£1,100,000', '£1,600,000'],
      ['NHS Eastham CCG', 'N', '£3,400,000', '£11,900,000', '£12,300,000'],
      ['BCF Total', '', '£4,600,000', '£13,000,000', '£13,900,000'],
    ]);
  });

  it('reads a contingency sheet: header words set left in their cells over right-aligned figures keep to their columns', async () => {
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text('Contingency plan', 60, 110, { lineBreak: false });
      doc.text('2015/16', 330, 110, { lineBreak: false });
      doc.text('Ongoing', 430, 110, { lineBreak: false });
      const rows = [
        ['Reduction in residential admissions', 'Planned savings (i', '£120,000', '£160,000'],
        ['', 'Maximum support n', '£60,000', '£80,000'],
        ['Reduction in delayed transfers', 'Planned savings (i', '£90,000', '£110,000'],
      ];
      rows.forEach((r, j) => {
        const y = 125 + j * 15;
        if (r[0]) doc.text(r[0], 60, y, { lineBreak: false });
        // The row label is clipped where the 2015/16 cell starts.
        doc.text(r[1], 330 - doc.widthOfString(r[1]) + 1, y, { lineBreak: false });
        doc.text(r[2], 428 - doc.widthOfString(r[2]), y, { lineBreak: false });
        doc.text(r[3], 528 - doc.widthOfString(r[3]), y, { lineBreak: false });
      });
    });
    const [table] = tables((await extractPdf(bytes)).blocks);
    const rows = cellTexts(table);
    expect(rows[0].slice(-2)).toEqual(['2015/16', 'Ongoing']);
    expect(rows.slice(1).map((r) => r.slice(-2))).toEqual([
      ['£120,000', '£160,000'],
      ['£60,000', '£80,000'],
      ['£90,000', '£110,000'],
    ]);
  });

  it('keeps a word and the year wrapped under it apart where the word fills its column ("Autumn" / "2022")', async () => {
    const bytes = await makePdf((doc) => {
      drawBorderless(doc, [60, 300], 110, [
        ['Recommendation', 'By\nWhen'],
        ['Review of the adaptations\npolicy', 'Autumn\n2022'],
        ['An information sharing\nagreement', 'Spring\n2023'],
      ]);
    });
    const [table] = tables((await extractPdf(bytes)).blocks);
    expect(cellTexts(table).slice(1).map((r) => r[1])).toEqual(['Autumn 2022', 'Spring 2023']);
  });

  it('reads a 2022-23 metric sheet: the period header, set left in its cells over right-aligned values, heads its rows', async () => {
    const bytes = await makePdf((doc) =>
      drawSheetBlock(doc, [60, 300, 400], 500, ['2021-22 Actual', '2022-23 Plan'], [['Indicator value', '198.4', '190.0'], ['Numerator', '3,120', '3,010'], ['Denominator', '157,300', '158,400']]),
    );
    const [table] = tables((await extractPdf(bytes)).blocks);
    expect(cellTexts(table)).toEqual([
      ['', '2021-22 Actual', '2022-23 Plan'],
      ['Indicator value', '198.4', '190.0'],
      ['Numerator', '3,120', '3,010'],
      ['Denominator', '157,300', '158,400'],
    ]);
  });

  it('keeps two sheet tables apart where a line of prose stands between them', async () => {
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      [['Local Authority', 'Eastham Council'], ['Clinical Commissioning Groups', 'NHS Eastham CCG'], ['Health and Wellbeing Board', 'Eastham Health and Wellbeing Board']].forEach((r, j) => {
        doc.text(r[0], 60, 80 + j * 14, { lineBreak: false });
        doc.text(r[1], 260, 80 + j * 14, { lineBreak: false });
      });
      doc.text('For each contributing organisation, please list any spending on BCF schemes in 2014/15 and the contributions.', 60, 130, { lineBreak: false });
      const header = ['Organisation', 'Holds the poo', 'Spending on BC', 'Minimum contri', 'Actual contribu'];
      const starts = [60, 200];
      for (let k = 1; k < header.length - 1; k++) starts.push(starts[k] + doc.widthOfString(header[k]) + 1);
      header.forEach((t, k) => doc.text(t, starts[k], 150, { lineBreak: false }));
      [['Eastham Council', 'Y', '£1,200,000', '£1,100,000', '£1,600,000'], ['NHS Eastham CCG', 'N', '£3,400,000', '£11,900,000', '£12,300,000']].forEach((r, j) => {
        const y = 164 + j * 14;
        doc.text(r[0], starts[0], y, { lineBreak: false });
        doc.text(r[1], starts[1], y, { lineBreak: false });
        [2, 3, 4].forEach((k) => doc.text(r[k], (starts[k + 1] ?? starts[k] + 90) - 2 - doc.widthOfString(r[k]), y, { lineBreak: false }));
      });
    });
    const found = tables((await extractPdf(bytes)).blocks).map(cellTexts);
    expect(found).toEqual([
      [['Local Authority', 'Eastham Council'], ['Clinical Commissioning Groups', 'NHS Eastham CCG'], ['Health and Wellbeing Board', 'Eastham Health and Wellbeing Board']],
      [
        ['Organisation', 'Holds the poo', 'Spending on BC', 'Minimum contri', 'Actual contribu'],
        ['Eastham Council', 'Y', '£1,200,000', '£1,100,000', '£1,600,000'],
        ['NHS Eastham CCG', 'N', '£3,400,000', '£11,900,000', '£12,300,000'],
      ],
    ]);
  });

  it('joins a risk row cut by a page break, though the next page sets the columns a little apart', async () => {
    const bytes = await makePdf((doc) => {
      // Page 1 ends inside the second risk: its last lines go on at the top of page 2.
      drawBorderless(doc, [60, 250, 320], 700, [
        ['Risk', 'Risk\nrating', 'Mitigating Actions'],
        ['Partners cannot release\nthe funding', 'High', 'Monthly review by the\njoint finance group'],
        ['Demand for care rises\nfaster than', 'Medium', 'Demand model refreshed'],
      ]);
      doc.addPage();
      doc.font('Helvetica').fontSize(10);
      doc.text('planned', 60, 60, { lineBreak: false });
      doc.text('every quarter', 335, 60, { lineBreak: false });
      drawBorderless(doc, [60, 265, 335], 60 + LEADING + ROW_GAP, [['Data cannot be\nshared', 'Low', 'Information sharing\nagreement signed']]);
    });
    const all = tables((await extractPdf(bytes)).blocks);
    expect(all).toHaveLength(1);
    expect(cellTexts(all[0]).slice(1)).toEqual([
      ['Partners cannot release the funding', 'High', 'Monthly review by the joint finance group'],
      ['Demand for care rises faster than planned', 'Medium', 'Demand model refreshed every quarter'],
      ['Data cannot be shared', 'Low', 'Information sharing agreement signed'],
    ]);
  });
  it('keeps a 2014 metric sheet\'s period rows in the table, though their cells are clipped against each other', async () => {
    const bytes = await makePdf(
      (doc) => {
        doc.font('Helvetica').fontSize(10);
        // A sheet sets each cell's text at its column's start and cuts it where the next cell is filled, its
        // last glyph under the next cell's first.
        const starts = [30, 250, 340, 470, 600];
        const width = 130;
        const clip = (t: string) => {
          let cut = t;
          while (doc.widthOfString(cut) > width + 2) cut = cut.slice(0, -1);
          return cut;
        };
        const right = (k: number) => starts[k] + width - 2;
        ['Metrics', '', 'Current Baseline (as at 31 March 2015)', 'Performance underpinning April 2016 payment', 'Performance underpinning October 2016 payment'].forEach((t, k) => t && doc.text(clip(t), starts[k], 60, { lineBreak: false }));
        let y = 74;
        const block = (label: string, figures: string[][], periods: string[]) => {
          ['Metric Value', 'Numerator', 'Denominator'].forEach((rowLabel, j) => {
            // A merged label cell is set at its bottom, level with the denominator.
            if (j === 2) doc.text(label, starts[0], y, { lineBreak: false });
            doc.text(rowLabel, starts[1], y, { lineBreak: false });
            figures[j].forEach((f, k) => doc.text(f, right(k + 2) - doc.widthOfString(f), y, { lineBreak: false }));
            y += 14;
          });
          periods.forEach((t, k) => doc.text(k < 2 ? clip(t) : t, starts[k + 2], y, { lineBreak: false }));
          y += 14;
        };
        // Three period cells, the first two cut and overlapping the next.
        block('Delayed transfers of care per 100,000 population', [['410.0', '395.5', '380.2'], ['520', '503', '486'], ['126,800', '127,200', '127,800']], ['( April 2015 - December 2015 )', '( April 2016 - September 2016 )', '( October 2016 - March 2017 )']);
        // The first cell whole, set apart from the next by less than a column's gap.
        block('Avoidable emergency admissions (composite measure)', [['1,402.3', '1,376.0', '1,350.1'], ['1,780', '1,752', '1,724'], ['126,900', '127,300', '127,700']], ['( 2014-15 )', '( April 2016 - September 2016 )', '( October 2016 - March 2017 )']);
      },
      { layout: 'landscape' },
    );
    const [table] = tables((await extractPdf(bytes)).blocks);
    const rows = cellTexts(table);
    expect(rows.length).toBe(9);
    expect(rows[4].slice(0, 2)).toEqual(['', '']);
    expect(rows[4].slice(2).map((t) => t.slice(0, 16))).toEqual(['( April 2015 - D', '( April 2016 - S', '( October 2016 -']);
    expect(rows[8].slice(2).map((t) => t.slice(0, 16))).toEqual(['( 2014-15 )', '( April 2016 - S', '( October 2016 -']);
    expect(rows[7].slice(0, 3)).toEqual(['Avoidable emergency admissions (composite measure)', 'Denominator', '126,900']);
  });

  it('reads a 2022-23 metric block whose numerator and denominator are left empty: its row labels stay rows', async () => {
    const bytes = await makePdf((doc) => drawSheetBlock(doc, [60, 300, 400], 500, ['2021-22 Actual', '2022-23 Plan'], [['Indicator value', '204.6', '199.0'], ['Numerator'], ['Denominator']]));
    const [table] = tables((await extractPdf(bytes)).blocks);
    expect(cellTexts(table)).toEqual([
      ['', '2021-22 Actual', '2022-23 Plan'],
      ['Indicator value', '204.6', '199.0'],
      ['Numerator', '', ''],
      ['Denominator', '', ''],
    ]);
  });

  it('reads a 2022-23 metric block whose empty cells say "N/A", set left in the columns its header starts', async () => {
    // Columns 120pt wide: "N/A" set left at a column's start, figures set right at its end, far apart.
    const bytes = await makePdf((doc) =>
      drawSheetBlock(doc, [60, 300, 420], 540, ['2021-22 Actual', '2022-23 Plan'], [['Indicator value', '204.6', '199.0'], ['Numerator', 'N/A', 'N/A'], ['Denominator', 'N/A', 'N/A']]),
    );
    const [table] = tables((await extractPdf(bytes)).blocks);
    expect(cellTexts(table)).toEqual([
      ['', '2021-22 Actual', '2022-23 Plan'],
      ['Indicator value', '204.6', '199.0'],
      ['Numerator', 'N/A', 'N/A'],
      ['Denominator', 'N/A', 'N/A'],
    ]);
  });
  it('keeps a metric row with no figures ("Denominator") a row of its own under the "Indicator value" row', async () => {
    const xs = [60, 170, 250, 300, 350, 400];
    const bytes = await makePdf((doc) => {
      drawBorderless(doc, xs, 110, [
        ['Avoidable admissions', '', '2022\n-23 Q1\nPlan', '2022\n-23 Q2\nPlan', '2022\n-23 Q3\nPlan', '2022\n-23 Q4\nPlan'],
        ['', 'Indicator value', '180', '175', '185', '169'],
        ['', 'Denominator', '', '', '', ''],
        ['Discharge to usual place of residence', '', '2022\n-23 Q1\nPlan', '2022\n-23 Q2\nPlan', '2022\n-23 Q3\nPlan', '2022\n-23 Q4\nPlan'],
      ]);
    });
    const [table] = tables((await extractPdf(bytes)).blocks);
    expect(cellTexts(table).slice(1, 3)).toEqual([
      ['', 'Indicator value', '180', '175', '185', '169'],
      ['', 'Denominator', '', '', '', ''],
    ]);
  });

  it('joins a header row begun at the foot of a page, read there as a line of text, to the table on the next page', async () => {
    const xs = [40, 200, 290, 360, 430, 500, 580, 700];
    const bytes = await makePdf(
      (doc) => {
        doc.font('Helvetica').fontSize(10);
        doc.text('Metrics for the year', xs[0], 480, { lineBreak: false });
        // The header's first line, alone at the page's foot: one line, so no table of its own.
        const top = ['Avoidable', '', '2021', '2021', '2021', '2021', 'Rationale for how', 'Local plan to meet'];
        top.forEach((t, k) => t && doc.text(t, xs[k], 520, { lineBreak: false }));
        doc.addPage();
        drawBorderless(doc, xs, 60, [
          ['admissions', '', '-22 Q1\nActual', '-22 Q2\nActual', '-22 Q3\nActual', '-22 Q4\nActual', 'ambition was set', 'ambition'],
          ['Indirectly standardised rate\nper 100,000', 'Indicator value', '181.2', '176.4', '190.3', '170.1', 'The rate fell\nlast year', 'New services'],
        ]);
      },
      { layout: 'landscape' },
    );
    const blocks = (await extractPdf(bytes)).blocks;
    const [table] = tables(blocks);
    expect(cellTexts(table)[0]).toEqual(['Avoidable admissions', '', '2021-22 Q1 Actual', '2021-22 Q2 Actual', '2021-22 Q3 Actual', '2021-22 Q4 Actual', 'Rationale for how ambition was set', 'Local plan to meet ambition']);
    expect(cellTexts(table)[1].slice(1, 3)).toEqual(['Indicator value', '181.2']);
    expect(blocks.some((b) => b.kind !== 'table' && /2021/.test(b.text))).toBe(false);
  });
  it('keeps a heading under a table row left as lines (its text in two columns) a block of its own', async () => {
    const bytes = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      // The last row of a two-column target table, too short a region to read as a table.
      doc.text('At least 40 carers a year offered a break, and one', 60, 100, { lineBreak: false });
      doc.text('38 carers were offered at least', 320, 100, { lineBreak: false });
      doc.text('break each as a minimum offer', 60, 111.5, { lineBreak: false });
      doc.text('one break in the year.', 320, 111.5, { lineBreak: false });
      doc.text('Disabled Facilities Grant (DFG) and wider services', 56, 125, { lineBreak: false });
      doc.text('A working group of the district councils reports to the board on adaptations.', 56, 150, { lineBreak: false });
    });
    const texts = (await extractPdf(bytes)).blocks.map((b) => (b.kind === 'table' ? '' : b.text));
    expect(texts).toContain('Disabled Facilities Grant (DFG) and wider services');
  });
  it('joins a risk row cut by a page break to its rest above the header repeated on the next page', async () => {
    // A 2014 revised risk log; the next page sets its repeated header's columns a little apart from the row's.
    const header = ['There is a risk\nthat:', 'How\nlikely?', 'Potential\nimpact', 'Overall\nrisk\nfactor', 'Mitigating Actions'];
    const bytes = await makePdf((doc) => {
      drawBorderless(doc, [62, 190, 240, 370, 420], 640, [
        header,
        ['Partners cannot release\nthe funding', '3', '4 Savings are\nnot made', '12\nMediu', 'Monthly review by the\njoint finance group'],
        ['Demand for care\nrises faster', '4', '4 Costs rise\nabove plan', '16\nMediu', 'Demand model refreshed'],
      ]);
      doc.addPage();
      doc.font('Helvetica').fontSize(10);
      // The rest of the cut row's cells, in its own columns: mostly one cell a line.
      doc.text('than planned', 62, 40, { lineBreak: false });
      doc.text('by the partners', 62, 51.5, { lineBreak: false });
      doc.text('every quarter by the', 420, 51.5, { lineBreak: false });
      doc.text('m', 370, 57, { lineBreak: false });
      doc.text('board', 420, 63, { lineBreak: false });
      drawBorderless(doc, [62, 200, 252, 385, 432], 90, [header, ['Data cannot be\nshared', '2', '3 Care is\ndelayed', '6\nLow', 'Information sharing\nagreement signed']]);
    });
    const blocks = (await extractPdf(bytes)).blocks;
    const rows = tables(blocks).flatMap(cellTexts);
    const cut = rows.find((r) => r[0].startsWith('Demand for care'));
    expect(cut?.[0]).toBe('Demand for care rises faster than planned by the partners');
    expect(cut?.[3]).toMatch(/^16 Mediu ?m$/);
    expect(cut?.[4]).toBe('Demand model refreshed every quarter by the board');
    expect(rows).toContainEqual(['Data cannot be shared', '2', '3 Care is delayed', '6 Low', 'Information sharing agreement signed']);
    expect(blocks.some((b) => b.kind !== 'table' && /planned|quarter/.test(b.text))).toBe(false);
  });

  /**
   * The 2014 non-elective annex ("For HWB to populate"), as a Word table without borders prints it: the label cell
   * spans the rows, every cell set at the top of its row. `cut` lines of the first row go to the foot of page 1, the
   * rest to the top of page 2 above the table's other rows. With `pageHeading`, page 2 opens with that heading over
   * the annex's rows again: a table of its own in the same columns.
   */
  async function drawAnnex(cut = Infinity, pageHeading = ''): Promise<Uint8Array> {
    const first = [
      ['Total', '2013/14', '41250'],
      ['number of', 'Outturn', '(All'],
      ['non-', '', 'Trusts)'],
      ['elective', '', ''],
      ['FFCEs in', '', ''],
      ['general &', '', ''],
      ['acute', '', ''],
    ];
    const xs = [62, 122, 380];
    return makePdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text('For HWB to populate:', 62, 600, { lineBreak: false });
      let y = cut === Infinity ? 620 : 792 - 40 - cut * LEADING;
      first.forEach((line, j) => {
        if (j === cut) {
          doc.addPage();
          doc.font('Helvetica').fontSize(10);
          y = 40;
        }
        line.forEach((t, k) => t && doc.text(t, xs[k], y, { lineBreak: false }));
        y += LEADING;
      });
      y += ROW_GAP;
      const rest = [
        ['2014/15 Plan', '40100 (All Trusts)'],
        ['2015/16 Plan', '39020 (All Trusts)'],
        ['14/15 Change compared to 13/14 outturn', '-2.8%'],
        ['15/16 Change compared to planned 14/15 outturn', '-2.7%'],
      ];
      const drawRest = () => {
        for (const [period, value] of rest) {
          doc.text(period, xs[1], y, { lineBreak: false });
          doc.text(value, xs[2], y, { lineBreak: false });
          y += LEADING + ROW_GAP;
        }
      };
      drawRest();
      if (pageHeading) {
        doc.addPage();
        doc.font('Helvetica').fontSize(10);
        doc.text(pageHeading, 62, 40, { lineBreak: false });
        y = 40 + 2 * LEADING;
        drawRest();
      }
    });
  }

  it('joins a row whose cells all wrapped together (a label cell and its period and value cells)', async () => {
    const rows = tables((await extractPdf(await drawAnnex())).blocks).flatMap(cellTexts);
    expect(rows[0]).toEqual(['Total number of non-elective FFCEs in general & acute', '2013/14 Outturn', '41250 (All Trusts)']);
    expect(rows.slice(1, 3).map((r) => r.slice(-2))).toEqual([['2014/15 Plan', '40100 (All Trusts)'], ['2015/16 Plan', '39020 (All Trusts)']]);
  });

  it('joins a row cut by a page break to its rest at the top of the next page, above the rest of its table', async () => {
    const blocks = (await extractPdf(await drawAnnex(3))).blocks;
    const rows = tables(blocks).flatMap(cellTexts);
    expect(rows[0]).toEqual(['Total number of non-elective FFCEs in general & acute', '2013/14 Outturn', '41250 (All Trusts)']);
    expect(rows.map((r) => r.slice(-2))).toContainEqual(['2014/15 Plan', '40100 (All Trusts)']);
    expect(blocks.some((b) => b.kind !== 'table' && /elective|acute/.test(b.text))).toBe(false);
  });

  it('leaves a heading at the top of the next page, above a table in the same columns, out of the row above', async () => {
    const blocks = (await extractPdf(await drawAnnex(Infinity, 'Plans'))).blocks;
    expect(tables(blocks).flatMap(cellTexts)).toContainEqual(['', '15/16 Change compared to planned 14/15 outturn', '-2.7%']);
    expect(blocks.some((b) => b.kind !== 'table' && b.page === 2 && b.text === 'Plans')).toBe(true);
  });
});
