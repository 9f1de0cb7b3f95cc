import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ISectionOptions,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { extractDocx, mergeAdjacentTables } from '../src/extract/docx/index.js';
import { isEncryptedOoxml } from '../src/extract/docx/encrypted.js';
import { cleanLiteralMarkup } from '../src/extract/docx/literal.js';
import { ExtractionError, type Block, type RawBlock, type TableBlock } from '../src/model/document.js';

type Children = ISectionOptions['children'];

async function docxBytes(children: Children, styles?: ConstructorParameters<typeof Document>[0]['styles']): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children }], ...(styles ? { styles } : {}) });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const kinds = (bs: Block[]) =>
  bs.map((b) =>
    b.kind === 'table'
      ? { kind: 'table' }
      : b.kind === 'paragraph'
        ? { kind: b.kind, text: b.text, ...(b.bold ? { bold: true } : {}) }
        : { kind: b.kind, level: b.level, text: b.text },
  );

async function expectExtractionError(bytes: Uint8Array, reason: string): Promise<ExtractionError> {
  try {
    await extractDocx(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractionError);
    expect((err as ExtractionError).reason).toBe(reason);
    return err as ExtractionError;
  }
  throw new Error('expected extractDocx to throw');
}

describe('extractDocx: structure', () => {
  it('reads Word heading styles as headings with their level, and Title as level 1', async () => {
    const bytes = await docxBytes([
      new Paragraph({ text: 'Better Care Fund plan', heading: HeadingLevel.TITLE }),
      new Paragraph({ text: '1. Plan Details', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: 'a) Summary of plan', heading: HeadingLevel.HEADING_2 }),
      new Paragraph('Body text'),
    ]);
    const doc = await extractDocx(bytes);
    expect(doc.format).toBe('docx');
    expect(doc.pages).toBeNull();
    expect(kinds(doc.blocks)).toEqual([
      { kind: 'heading', level: 1, text: 'Better Care Fund plan' },
      { kind: 'heading', level: 1, text: '1. Plan Details' },
      { kind: 'heading', level: 2, text: 'a) Summary of plan' },
      { kind: 'paragraph', text: 'Body text' },
    ]);
    expect(doc.blocks.every((b) => b.page === null)).toBe(true);
  });

  it('reads a custom style named like "BCF Heading 2" as a level-2 heading', async () => {
    const bytes = await docxBytes([new Paragraph({ text: '4. RISKS', style: 'BCFHeading2' }), new Paragraph('Text')], {
      paragraphStyles: [{ id: 'BCFHeading2', name: 'BCF Heading 2', basedOn: 'Normal', run: { bold: true } }],
    });
    const doc = await extractDocx(bytes);
    expect(kinds(doc.blocks)).toEqual([
      { kind: 'heading', level: 2, text: '4. RISKS' },
      { kind: 'paragraph', text: 'Text' },
    ]);
  });

  it('marks a paragraph whose runs are all bold as bold, and a partly bold one not', async () => {
    const bytes = await docxBytes([
      new Paragraph({ children: [new TextRun({ text: 'Risks and contingency', bold: true })] }),
      new Paragraph({ children: [new TextRun({ text: 'Total: ', bold: true }), new TextRun('£5m')] }),
    ]);
    const doc = await extractDocx(bytes);
    expect(kinds(doc.blocks)).toEqual([
      { kind: 'paragraph', text: 'Risks and contingency', bold: true },
      { kind: 'paragraph', text: 'Total: £5m' },
    ]);
  });

  it('reads bulleted paragraphs as list items with their nesting level', async () => {
    const bytes = await docxBytes([
      new Paragraph('Aims:'),
      new Paragraph({ text: 'Reduce admissions', bullet: { level: 0 } }),
      new Paragraph({ text: 'Frail elderly', bullet: { level: 1 } }),
      new Paragraph({ text: 'Support carers', bullet: { level: 0 } }),
    ]);
    const doc = await extractDocx(bytes);
    expect(kinds(doc.blocks)).toEqual([
      { kind: 'paragraph', text: 'Aims:' },
      { kind: 'list_item', level: 1, text: 'Reduce admissions' },
      { kind: 'list_item', level: 2, text: 'Frail elderly' },
      { kind: 'list_item', level: 1, text: 'Support carers' },
    ]);
  });

  it('reads a table with merged cells (colSpan, rowSpan), cell paragraphs joined by newlines and cell lists as lines', async () => {
    const cell = (text: string, opts: { columnSpan?: number; rowSpan?: number } = {}) =>
      new TableCell({ children: [new Paragraph(text)], ...opts });
    const bytes = await docxBytes([
      new Table({
        rows: [
          new TableRow({ children: [cell('Risk'), cell('Rating and score', { columnSpan: 2 })] }),
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph('Workforce'), new Paragraph('shortages')], rowSpan: 2 }),
              cell('H'),
              new TableCell({
                children: [
                  new Paragraph({ text: 'Recruit', bullet: { level: 0 } }),
                  new Paragraph({ text: 'Retain', bullet: { level: 0 } }),
                ],
              }),
            ],
          }),
          new TableRow({ children: [cell('M'), cell('12')] }),
        ],
      }),
    ]);
    const doc = await extractDocx(bytes);
    const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const rows = tables[0].rows;
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Risk', 'Rating and score'],
      ['Workforce\nshortages', 'H', 'Recruit\nRetain'],
      ['M', '12'],
    ]);
    expect(rows[0].cells[1].colSpan).toBe(2);
    expect(rows[1].cells[0].rowSpan).toBe(2);
    expect(rows[0].cells[0].colSpan).toBeUndefined();
    // In the plain text a table row is one tab-joined line.
    expect(doc.text).toContain('Workforce shortages\tH\tRecruit Retain');
  });

  it('reads a 1x1 table framing a heading as the heading, not a table', async () => {
    const bytes = await docxBytes([
      new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph({ text: '3) CASE FOR CHANGE', heading: HeadingLevel.HEADING_1 })] })] })] }),
      new Paragraph('Answer'),
    ]);
    const doc = await extractDocx(bytes);
    expect(kinds(doc.blocks)).toEqual([
      { kind: 'heading', level: 1, text: '3) CASE FOR CHANGE' },
      { kind: 'paragraph', text: 'Answer' },
    ]);
  });

  it('drops footnote reference marks from the text', async () => {
    const { FootnoteReferenceRun } = await import('docx');
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph('Utilisation Review, March 2014')] } },
      sections: [{ children: [new Paragraph({ children: [new TextRun('Case for change'), new FootnoteReferenceRun(1)] })] }],
    });
    const result = await extractDocx(new Uint8Array(await Packer.toBuffer(doc)));
    expect(result.blocks[0]).toMatchObject({ kind: 'paragraph', text: 'Case for change' });
    expect(result.text).toContain('Utilisation Review, March 2014');
    expect(result.text).not.toContain('↑');
  });

  it('drops images and keeps the text around them', async () => {
    // 1x1 transparent PNG
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    const { ImageRun } = await import('docx');
    const bytes = await docxBytes([
      new Paragraph('Governance chart:'),
      new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 } })] }),
      new Paragraph('After the chart'),
    ]);
    const doc = await extractDocx(bytes);
    expect(kinds(doc.blocks)).toEqual([
      { kind: 'paragraph', text: 'Governance chart:' },
      { kind: 'paragraph', text: 'After the chart' },
    ]);
  });

  it('keeps mammoth messages as findings (an unrecognised style is info)', async () => {
    const bytes = await docxBytes([new Paragraph({ text: 'x', style: 'OddStyle' })], {
      paragraphStyles: [{ id: 'OddStyle', name: 'Odd Style', basedOn: 'Normal' }],
    });
    const doc = await extractDocx(bytes);
    expect(doc.messages).toContainEqual(
      expect.objectContaining({ level: 'info', page: null, message: expect.stringContaining("Unrecognised paragraph style: 'Odd Style'") }),
    );
  });

  it('keeps template placeholders typed in the document as text', async () => {
    const bytes = await docxBytes([new Paragraph('By <name of signatory>'), new Paragraph('<Insert extra rows for additional CCGs as required>')]);
    const doc = await extractDocx(bytes);
    expect(kinds(doc.blocks)).toEqual([
      { kind: 'paragraph', text: 'By <name of signatory>' },
      { kind: 'paragraph', text: '<Insert extra rows for additional CCGs as required>' },
    ]);
  });
});

describe('extractDocx: text that still carries a converter markup', () => {
  it('strips typed markdown emphasis and restores mangled placeholders', async () => {
    const bytes = await docxBytes([
      new Paragraph('**Plan of action**'),
      new Paragraph('the *Hearth Trust* guide and carers**'),
      new Paragraph('<name of="" signatory=""></name>'),
      new Paragraph('- a) Please map out the key milestones'),
      new Paragraph('<u> </u>'),
    ]);
    const doc = await extractDocx(bytes);
    expect(kinds(doc.blocks)).toEqual([
      { kind: 'paragraph', text: 'Plan of action', bold: true },
      { kind: 'paragraph', text: 'the Hearth Trust guide and carers' },
      { kind: 'paragraph', text: '<name of signatory>' },
      { kind: 'list_item', level: 1, text: 'a) Please map out the key milestones' },
    ]);
  });

  it('cleanLiteralMarkup leaves ordinary text untouched', () => {
    expect(cleanLiteralMarkup('A&E rose 5 < 6 times (likelihood * impact)')).toEqual({
      text: 'A&E rose 5 < 6 times (likelihood * impact)',
      bold: false,
      listMarker: false,
    });
    expect(cleanLiteralMarkup('<date></date>').text).toBe('<date>');
  });
});

describe('mergeAdjacentTables', () => {
  const table = (...rows: string[][]): RawBlock => ({ kind: 'table', page: null, rows: rows.map((r) => ({ page: null, cells: r.map((text) => ({ text })) })) });
  it('joins back-to-back tables of the same width and keeps different widths or tables with text between apart', () => {
    const merged = mergeAdjacentTables([table(['a', 'b']), table(['c', 'd']), table(['x', 'y', 'z', 'w', 'v']), { kind: 'paragraph', text: 'p', page: null }, table(['e', 'f', 'g', 'h', 'i'])]);
    expect(merged.map((b) => (b.kind === 'table' ? b.rows.length : b.kind))).toEqual([2, 1, 'paragraph', 1]);
  });
});

describe('extractDocx: unreadable files', () => {
  it('throws corrupt for a zip that is not a Word document (no word/document.xml)', async () => {
    // Rename the main part inside a valid .docx: still a sound zip, but no document to read.
    const bytes = Buffer.from(await docxBytes([new Paragraph('Some text')]));
    const renamed = Buffer.from(bytes.toString('latin1').replaceAll('word/document.xml', 'word/documenX.xml'), 'latin1');
    expect(renamed.includes('word/document.xml')).toBe(false);
    const err = await expectExtractionError(new Uint8Array(renamed), 'corrupt');
    expect(err.message).toMatch(/docx/i);
  });

  it('throws corrupt for random bytes with a zip signature', async () => {
    await expectExtractionError(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 'corrupt');
  });

  it('throws corrupt for a truncated .docx', async () => {
    const bytes = await docxBytes([new Paragraph('Some text')]);
    await expectExtractionError(bytes.subarray(0, Math.floor(bytes.length / 2)), 'corrupt');
  });

  it('recognises a password-protected file (OLE container with an EncryptedPackage stream)', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Buffer.from('EncryptedPackage', 'utf16le'), 600);
    expect(isEncryptedOoxml(ole)).toBe(true);
    await expectExtractionError(ole, 'encrypted');
    const plainOle = new Uint8Array(1024);
    plainOle.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(isEncryptedOoxml(plainOle)).toBe(false);
    expect(isEncryptedOoxml(await docxBytes([new Paragraph('x')]))).toBe(false);
  });
});
