// The xlsx extractor on workbooks built here with exceljs (what each cell holds is known), and on the broken
// workbooks in fixtures/broken.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractDocument, sniffType } from '../src/extract/index.js';
import { cellRef, extractXlsx } from '../src/extract/xlsx/index.js';
import { dropValuelessCells, MAX_CELLS, unzipBounded } from '../src/extract/xlsx/zip.js';
import { ExtractionError, type DocumentModel, type TableBlock } from '../src/model/document.js';
// @ts-expect-error: the fixture module is plain JS
import { millionRowsWorkbook, partsWithSheet, rawZip } from '../scripts/fixtures/workbooks.mjs';

const BROKEN = join('fixtures', 'broken');

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const texts = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.text));

async function failure(bytes: Uint8Array, name: string): Promise<ExtractionError> {
  try {
    await extractDocument(bytes, name);
  } catch (err) {
    if (err instanceof ExtractionError) return err;
    throw err;
  }
  throw new Error(`${name} was read`);
}

describe('xlsx: cells as the sheet displays them', () => {
  it('applies number formats, shows formulas by their saved result and keeps text as typed', async () => {
    const doc = await extractXlsx(
      await bytesOf((wb) => {
        const ws = wb.addWorksheet('Income');
        ws.addRow(['Item', 'Value']);
        const cells: [string, ExcelJS.CellValue, string | undefined][] = [
          ['percent', 0.881, '0.0%'],
          ['thousands', 13283000, '#,##0'],
          ['pounds', 1850000, '£#,##0'],
          ['negative', -600000, '£#,##0;-£#,##0'],
          ['decimal', 1601.694915, '#,##0.0'],
          ['general', 190.5, undefined],
          ['formula', { formula: 'B3*2', result: 26566000 } as ExcelJS.CellFormulaValue, '#,##0'],
          ['date', new Date(Date.UTC(2014, 2, 20)), 'dd/mm/yyyy'],
          ['as text', '£1,250,000', undefined],
          ['n/a', 'N/A', undefined],
        ];
        for (const [label, value, fmt] of cells) {
          const row = ws.addRow([label, value]);
          if (fmt) row.getCell(2).numFmt = fmt;
        }
      }),
    );
    expect(doc.format).toBe('xlsx');
    expect(doc.pages).toBeNull();
    const [t] = tables(doc);
    expect(Object.fromEntries(texts(t).slice(1) as [string, string][])).toEqual({
      percent: '88.1%',
      thousands: '13,283,000',
      pounds: '£1,850,000',
      negative: '-£600,000',
      decimal: '1,601.7',
      general: '190.5',
      formula: '26,566,000',
      date: '20/03/2014',
      'as text': '£1,250,000',
      'n/a': 'N/A',
    });
    expect(t.page).toBeNull();
    expect(t.rows.every((r) => r.page === null)).toBe(true);
  });

  it('warns about formulas saved without a result (written by a program, never recalculated)', async () => {
    const doc = await extractXlsx(
      await bytesOf((wb) => {
        const ws = wb.addWorksheet('Totals');
        ws.addRow(['Total', { formula: 'SUM(B2:B9)' } as ExcelJS.CellFormulaValue]);
        ws.addRow(['Other', 5]);
      }),
    );
    expect(texts(tables(doc)[0])).toEqual([['Total', ''], ['Other', '5']]);
    expect(doc.messages).toContainEqual(expect.objectContaining({ level: 'warning', message: expect.stringMatching(/1 formula has no saved result/), source: 'Totals!B1' }));
  });
});

describe('xlsx: sheets, ranges, merges and references', () => {
  const workbook = () =>
    bytesOf((wb) => {
      const ws = wb.addWorksheet('BCF Planning Template');
      ws.getCell('B2').value = 'Scheme spend';
      ws.getCell('B2').font = { bold: true };
      // Two-row header: the year spans two columns; the first two header cells span both rows.
      ws.getCell('B4').value = 'BCF Investment';
      ws.getCell('C4').value = 'Lead provider';
      ws.getCell('D4').value = '2015/16 spend';
      ws.getCell('D5').value = 'Recurrent';
      ws.getCell('E5').value = 'Non-recurrent';
      ws.mergeCells('B4:B5');
      ws.mergeCells('C4:C5');
      ws.mergeCells('D4:E4');
      for (const a of ['B4', 'C4', 'D4', 'D5', 'E5']) ws.getCell(a).font = { bold: true };
      ws.getCell('B6').value = 'Home First';
      ws.getCell('C6').value = 'Community Trust';
      ws.getCell('D6').value = 2400000;
      ws.getCell('E6').value = 150000;
      ws.getCell('B7').value = 'Withdrawn pilot';
      ws.getCell('D7').value = 55000;
      ws.getRow(7).hidden = true;
      ws.getCell('B8').value = 'Carers';
      ws.getCell('D8').value = 420000;
      ws.getCell('G6').value = 'working: 999999';
      ws.getColumn('G').hidden = true;
      // A second range after a blank row.
      ws.getCell('B10').value = 'Notes';
      ws.getCell('C10').value = 'Figures are planned, not actual.';
      const hidden = wb.addWorksheet('Lookups', { state: 'hidden' });
      hidden.getCell('A1').value = 888888;
      wb.addWorksheet('Second').getCell('A1').value = 'Second sheet text';
    });

  it('gives each visible sheet a heading, lone text a paragraph and each range a table', async () => {
    const doc = await extractXlsx(await workbook());
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'table', 'table', 'heading', 'paragraph']);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: 'BCF Planning Template', page: null });
    expect(doc.blocks[1]).toMatchObject({ kind: 'paragraph', text: 'Scheme spend', bold: true });
    expect(doc.blocks[4]).toMatchObject({ kind: 'heading', text: 'Second' });
    expect(texts(tables(doc)[1])).toEqual([['Notes', 'Figures are planned, not actual.']]);
  });

  it('writes merged cells as colSpan/rowSpan on the top-left cell, keeps rows aligned by column, marks the header rows', async () => {
    const doc = await extractXlsx(await workbook());
    const [t] = tables(doc);
    expect(texts(t)).toEqual([
      ['BCF Investment', 'Lead provider', '2015/16 spend'],
      ['', '', 'Recurrent', 'Non-recurrent'],
      ['Home First', 'Community Trust', '2400000', '150000'],
      ['Carers', '', '420000', ''],
    ]);
    expect(t.rows[0].cells.map((c) => [c.colSpan ?? 1, c.rowSpan ?? 1])).toEqual([[1, 2], [1, 2], [2, 1]]);
    expect(t.rows.map((r) => Boolean(r.header))).toEqual([true, true, false, false]);
    // Every row and cell says where it is; empty column A and F are trimmed, hidden G is not read.
    expect(t.rows.map((r) => r.ref)).toEqual(["'BCF Planning Template'!B4", "'BCF Planning Template'!B5", "'BCF Planning Template'!B6", "'BCF Planning Template'!B8"]);
    expect(t.rows[2].cells.map((c) => c.ref)).toEqual(['B6', 'C6', 'D6', 'E6'].map((a) => `'BCF Planning Template'!${a}`));
    // Below a vertical merge: an empty cell continuing it (as Word's vMerge), so "Recurrent" stays in column D.
    expect(t.rows[1].cells.map((c) => [c.ref, c.mergedInto ?? null])).toEqual([
      ["'BCF Planning Template'!B5", "'BCF Planning Template'!B4"],
      ["'BCF Planning Template'!C5", "'BCF Planning Template'!C4"],
      ["'BCF Planning Template'!D5", null],
      ["'BCF Planning Template'!E5", null],
    ]);
    // The horizontal part of a merge is left out of its row (colSpan says so): D4:E4 is one cell.
    expect(t.rows[0].cells.map((c) => c.ref)).toEqual(['B4', 'C4', 'D4'].map((a) => `'BCF Planning Template'!${a}`));
  });

  it('skips hidden sheets, rows and columns, saying so', async () => {
    const doc = await extractXlsx(await workbook());
    expect(doc.text).not.toMatch(/Withdrawn|55000|999999|888888|Lookups/);
    const said = doc.messages.map((m) => m.message);
    expect(said).toContain('xlsx: sheet "Lookups" is hidden: not read');
    expect(said).toContain('xlsx: sheet "BCF Planning Template": 1 hidden row not read (row 7)');
    expect(said).toContain('xlsx: sheet "BCF Planning Template": hidden column G not read');
  });

  it('only a workbook\'s cells carry a reference: the same Part 1 as Word and as text has none', async () => {
    for (const name of ['ashby-2014-part1.docx', 'ashby-2014-part1.txt']) {
      const doc = await extractDocument(new Uint8Array(readFileSync(join('fixtures', 'pairs', name))), name);
      const cells = tables(doc).flatMap((t) => t.rows.flatMap((r) => r.cells));
      expect(cells.length, name).toBeGreaterThan(20);
      expect(cells.filter((c) => c.ref !== undefined), name).toEqual([]);
      expect(tables(doc).flatMap((t) => t.rows).filter((r) => r.ref !== undefined), name).toEqual([]);
    }
    const wb = await extractDocument(new Uint8Array(readFileSync(join('fixtures', 'workbooks', 'ashby-2014-part2.xlsx'))), 'ashby-2014-part2.xlsx');
    const refs = tables(wb).flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.ref)));
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(ref).toMatch(/^('([^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)![A-Z]+[1-9][0-9]*$/);
  });

  it('quotes sheet names in references as Excel does', () => {
    expect(cellRef('Income', 7, 2)).toBe('Income!B7');
    expect(cellRef('Finance - Summary', 4, 28)).toBe("'Finance - Summary'!AB4");
    expect(cellRef("Bob's", 1, 1)).toBe("'Bob''s'!A1");
  });
});

describe('xlsx: dispatch by content', () => {
  it('sniffs a workbook by its parts, not its name; a mislabelled one is read with a warning', async () => {
    const bytes = await bytesOf((wb) => wb.addWorksheet('Income').addRow(['Total BCF Pooled Budget', 5]));
    expect(sniffType(bytes, 'plan.docx')).toBe('xlsx');
    const doc = await extractDocument(bytes, 'plan.docx');
    expect(doc.format).toBe('xlsx');
    expect(doc.messages[0]).toMatchObject({ level: 'warning', message: 'file extension .docx but content is xlsx' });
    const asXlsm = await extractDocument(bytes, 'plan.xlsm');
    expect(asXlsm.messages.filter((m) => /extension/.test(m.message))).toEqual([]);
  });
});

describe('xlsx: bad workbooks (fixtures/broken)', () => {
  const broken = (name: string) => new Uint8Array(readFileSync(join(BROKEN, name)));

  it('encrypted.xlsx: password-protected', async () => {
    const err = await failure(broken('encrypted.xlsx'), 'encrypted.xlsx');
    expect([err.reason, err.message]).toEqual(['encrypted', 'workbook is password-protected (encrypted): save an unprotected copy']);
  });

  it('legacy.xls: save it as .xlsx (by content, also under another name)', async () => {
    for (const name of ['legacy.xls', 'budget.doc']) {
      const err = await failure(broken('legacy.xls'), name);
      expect([err.reason, err.message], name).toEqual(['unsupported', 'legacy Excel .xls (BIFF) format is not supported: save it as .xlsx']);
    }
    // A legacy Word file is still told to become a .docx.
    expect((await failure(broken('legacy.doc'), 'legacy.doc')).message).toMatch(/save it as \.docx/);
  });

  it('macros.xlsm: read, macros ignored, a note', async () => {
    const doc = await extractDocument(broken('macros.xlsm'), 'macros.xlsm');
    expect(texts(tables(doc)[0])).toEqual([['Funding Sources', 'Income (£)'], ['Disabled Facilities Grant (DFG)', '£1,200,000'], ['Total BCF Pooled Budget', '£1,200,000']]);
    expect(doc.messages).toContainEqual(expect.objectContaining({ level: 'info', message: expect.stringMatching(/macro-enabled workbook \(\.xlsm\): its macros are ignored/) }));
  });

  it('external-links.xlsx: the saved value, and a warning naming the linked workbook', async () => {
    const doc = await extractDocument(broken('external-links.xlsx'), 'external-links.xlsx');
    expect(texts(tables(doc)[0])[1]).toEqual(['Disabled Facilities Grant (DFG)', '£1,200,000']);
    expect(doc.messages).toContainEqual(
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('links to 1 other workbook (file:///S:/Finance/BCF/Pooled budget workings.xlsx)') }),
    );
  });

  it('zip-bomb.xlsx: refused from the declared sizes, before inflating anything', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const err = await failure(broken('zip-bomb.xlsx'), 'zip-bomb.xlsx');
    expect(err.reason).toBe('too_large');
    expect(err.message).toMatch(/^workbook unpacks to 200\.\d MB from \d\d KB, over the 100\.0 MB limit \(a zip bomb\?\)$/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('a part that lies about its size is stopped at the size it declared', async () => {
    const parts = await partsWithSheet('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>');
    parts.push({ name: 'xl/media/image1.bin', data: Buffer.alloc(50 * 1024 * 1024, 0x20), declaredSize: 1000 });
    const err = await failure(rawZip(parts), 'liar.xlsx');
    expect([err.reason, err.message]).toEqual(['too_large', 'workbook part xl/media/image1.bin inflates past its declared 1000 bytes (a zip bomb?)']);
  });

  it('a workbook with more cells than a plan has is refused before exceljs parses it', async () => {
    const cells = '<c r="A1"><v>1</v></c>'.repeat(MAX_CELLS + 1);
    const parts = await partsWithSheet(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`);
    const err = await failure(rawZip(parts), 'huge.xlsx');
    expect([err.reason, err.message]).toEqual(['too_large', 'workbook has over 250,000 cells with values: not a plan workbook']);
  });

  it('a truncated workbook is damaged, not a crash', async () => {
    const whole = broken('macros.xlsm');
    const err = await failure(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.xlsx');
    expect(err.reason).toMatch(/^(truncated|corrupt)$/);
    expect(err.message).toMatch(/^workbook is damaged/);
  });

  it('empty-rows.xlsx and its Excel form (a million empty formatted rows with r="…"): the table, a note, in bounded time', async () => {
    for (const [name, bytes] of [
      ['empty-rows.xlsx', broken('empty-rows.xlsx')],
      ['with refs', new Uint8Array(await millionRowsWorkbook({ refs: true }))],
    ] as const) {
      const t0 = performance.now();
      const doc = await extractDocument(bytes, 'empty-rows.xlsx');
      const ms = performance.now() - t0;
      expect(texts(tables(doc)[0]), name).toEqual([['Funding Sources', 'Income'], ['Minimum NHS Contribution', '5400000']]);
      expect(doc.messages.map((m) => m.message), name).toContain('xlsx: xl/worksheets/sheet1.xml: 1,000,000 formatted rows with no values ignored');
      expect(ms, name).toBeLessThan(15_000);
    }
  });

  it('notes.xlsx (a workbook part naming no sheet part): empty', async () => {
    const err = await failure(broken('notes.xlsx'), 'notes.xlsx');
    expect([err.reason, err.message]).toEqual(['empty', 'workbook has no sheets']);
  });

  it('a binary workbook (.xlsb) is told to become an .xlsx', async () => {
    const zip = rawZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.bin', data: Buffer.from([0x83, 0x01, 0x00]) },
      { name: 'xl/worksheets/sheet1.bin', data: Buffer.from([0x81, 0x01, 0x00]) },
    ]);
    const err = await failure(zip, 'figures.xlsb');
    expect([err.reason, err.message]).toEqual(['unsupported', 'Excel binary workbook (.xlsb) is not supported: save it as .xlsx']);
  });

  it('a zip with neither a workbook nor a Word part is the wrong type', async () => {
    const err = await failure(broken('not-a-docx.docx'), 'x.xlsx');
    expect(err.reason).toBe('wrong_type');
  });
});

describe('xlsx: the bounded unzip', () => {
  it('drops valueless cells and rows only', () => {
    const xml =
      '<sheetData><row r="1"><c r="A1" s="2"/><c r="B1" t="s"><v>0</v></c></row><row r="2" s="1" customFormat="1"/>' +
      '<row r="3"><c r="A3" s="4"></c></row><row r="4"><c r="A4"><f>SUM(B1:B3)</f></c></row></sheetData><cols><col min="1" max="2"/></cols>';
    const slim = dropValuelessCells(xml);
    expect(slim.xml).toBe('<sheetData><row r="1"><c r="B1" t="s"><v>0</v></c></row><row r="4"><c r="A4"><f>SUM(B1:B3)</f></c></row></sheetData><cols><col min="1" max="2"/></cols>');
    expect(slim.rowsDropped).toBe(2);
    expect(slim.cells).toBe(2);
  });

  it('reads SpreadsheetML written with a namespace prefix (<x:workbook>, as .NET Open XML SDK tools write it)', async () => {
    const plain = await bytesOf((wb) => {
      const ws = wb.addWorksheet('Income');
      ws.addRow(['Total BCF Pooled Budget', 22812618]).getCell(2).numFmt = '#,##0';
    });
    const zip = await JSZip.loadAsync(plain);
    const prefix = (xml: string) =>
      xml
        .replace(/<(\/?)([A-Za-z])/g, (m, slash: string, first: string) => (m.startsWith('<?') ? m : `<${slash}x:${first}`))
        .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
    for (const part of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml']) {
      const xml = prefix(await zip.files[part].async('string'));
      expect(xml, part).toMatch(/<x:(workbook|worksheet|styleSheet)\b/);
      zip.file(part, xml);
    }
    const prefixed = new Uint8Array(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    await expect(new ExcelJS.Workbook().xlsx.load(prefixed as unknown as ArrayBuffer)).rejects.toThrow(); // exceljs alone
    const doc = await extractXlsx(prefixed);
    expect(texts(tables(doc)[0])).toEqual([['Total BCF Pooled Budget', '22,812,618']]);
  });

  it('inflates a workbook exceljs wrote to the same parts JSZip reads', async () => {
    const bytes = await bytesOf((wb) => wb.addWorksheet('A').addRow(['x', 1]));
    const ours = unzipBounded(bytes);
    const theirs = await JSZip.loadAsync(bytes);
    const names = Object.keys(theirs.files).filter((n) => !theirs.files[n].dir);
    expect(ours.entries.map((e) => e.name).sort()).toEqual(names.sort());
    const styles = ours.entries.find((e) => e.name === 'xl/styles.xml')!;
    expect(styles.data.equals(await theirs.files['xl/styles.xml'].async('nodebuffer'))).toBe(true);
  });
});
