// src/text: the one list of formats every stage uses, homoglyph folding, the row-text formula and the cleaners'
// differences (each variant exists because its readers need a different rule).
import { describe, expect, it } from 'vitest';
import { skipReason } from '../src/discover/index.js';
import { extractDocument } from '../src/extract/index.js';
import { buildDocument, blockText } from '../src/model/document.js';
import { SourceSchema } from '../src/record/schema.js';
import { cleanCell, cleanCellText, cleanForMoney, foldHomoglyphs, foldText, normaliseSpaces, stripMarkup } from '../src/text/clean.js';
import { formatOfName, SOURCE_FORMATS, SUPPORTED_EXTENSIONS } from '../src/text/formats.js';
import { cellLine, rowText } from '../src/text/rows.js';

describe('formats: one list for discover, extract, the record and the pipeline', () => {
  it('every supported extension is discovered and names a format the record schema accepts', () => {
    for (const ext of SUPPORTED_EXTENSIONS) {
      expect(skipReason(`plan${ext}`), ext).toBeNull();
      const format = formatOfName(`plan${ext.toUpperCase()}`);
      expect(SOURCE_FORMATS, ext).toContain(format);
      expect(SourceSchema.shape.format.safeParse(format).success, ext).toBe(true);
    }
  });
  it('discover takes .markdown and .htm, which extract reads as markdown and HTML', async () => {
    expect(skipReason('plan.markdown')).toBeNull();
    expect(skipReason('plan.htm')).toBeNull();
    expect((await extractDocument(Buffer.from('# Plan\n'), 'plan.markdown')).format).toBe('md');
    expect((await extractDocument(Buffer.from('<p>Plan</p>\n'), 'plan.htm')).format).toBe('html');
    expect(formatOfName('book.xlsm')).toBe('xlsx');
    expect(formatOfName('slides.pptx')).toBeNull();
    expect(formatOfName('notes')).toBeNull();
  });
  it('warns of a mislabel only when the content is not what the extension says', async () => {
    const html = Buffer.from('<p>Hello world</p>\n');
    for (const name of ['a.html', 'a.htm', 'a.md', 'a.txt', 'noextension']) {
      expect((await extractDocument(html, name)).messages, name).toEqual([]);
    }
    expect((await extractDocument(html, 'a.dat')).messages[0]).toMatchObject({ level: 'warning', message: 'file extension .dat but content is txt' });
    expect((await extractDocument(html, 'a.xlsm')).messages[0]).toMatchObject({ level: 'warning', message: 'file extension .xlsm but content is txt' });
  });
});

describe('homoglyphs: one table', () => {
  it('folds Cyrillic and Greek look-alikes to Latin and leaves other text alone', () => {
    expect(foldHomoglyphs('Ву')).toBe('By');
    expect(foldHomoglyphs('Νаmе')).toBe('Name');
    expect(foldHomoglyphs('Café – £5')).toBe('Café – £5');
    // foldText folds the same letters, and typographic forms besides.
    expect(foldText('Ву “the” Сouncil – ﬁnal')).toBe('By "the" Council - final');
  });
});

describe('row text: the one formula', () => {
  it('joins cells by tabs with line breaks as spaces, for grid rows and model rows alike', () => {
    expect(rowText({ cells: ['Scheme\n  name', '£1,000', ''] })).toBe('Scheme name\t£1,000\t');
    expect(rowText({ cells: [{ text: 'a \n b' }, { text: 'c' }] })).toBe('a b\tc');
    expect(cellLine('one\ntwo \n three')).toBe('one two three');
  });
  it('is how DocumentModel.text writes a table, so offsets point at the rows', () => {
    const cells = (...t: string[]) => t.map((text) => ({ text }));
    const doc = buildDocument('txt', null, [
      { kind: 'paragraph', text: 'Before', page: null },
      { kind: 'table', page: null, rows: [{ cells: cells('Risk\nlog', 'High') }, { cells: cells('Owner', 'CCG') }] },
    ]);
    const table = doc.blocks[1];
    expect(blockText(table)).toBe('Risk log\tHigh\nOwner\tCCG');
    expect(doc.text.slice(table.offset, table.offset + blockText(table).length)).toBe('Risk log\tHigh\nOwner\tCCG');
  });
});

describe('cleaners: the variants differ where their readers need it', () => {
  const written = '<b>Re- commissioning</b> from 14 th May &amp; <insert name> **now**';
  it('cleanCell drops every tag and entity, keeps words as split', () => {
    expect(cleanCell(written)).toBe('Re- commissioning from 14 th May & now');
  });
  it('cleanCellText keeps a typed placeholder and repairs hyphen breaks and split ordinals', () => {
    expect(cleanCellText(written)).toBe('Re-commissioning from 14th May &amp; <insert name> now');
  });
  it('stripMarkup also drops heading marks, single-star emphasis and bullets, and folds', () => {
    expect(stripMarkup('## *Ноw* we work')).toBe('How we work');
    expect(stripMarkup('• [Plan](http://x) one')).toBe('Plan one');
  });
  it('cleanForMoney keeps the spaces between digit groups and makes dashes and &pound; plain', () => {
    expect(cleanForMoney('&pound;12,345,  00 – £3')).toBe('£12,345,  00 - £3');
    expect(cleanForMoney('12 345')).toBe('12 345');
  });
  it('normaliseSpaces keeps layout but drops invisible word breaks', () => {
    expect(normaliseSpaces('a\u00a0\u00a0b\u00adc\u200bd\n  e')).toBe('a  bcd\n  e');
  });
});
