import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { protectNonMarkup } from '../src/extract/text/markup.js';
import type { Block, TableBlock } from '../src/model/document.js';

const blocks = (text: string, format: 'txt' | 'md' | 'html' = 'txt') => extractText(text, format).blocks;
const summary = (bs: Block[]) =>
  bs.map((b) =>
    b.kind === 'table'
      ? { kind: 'table', rows: b.rows.map((r) => r.cells.map((c) => c.text)) }
      : b.kind === 'heading'
        ? { kind: b.kind, level: b.level, text: b.text }
        : b.kind === 'list_item'
          ? { kind: b.kind, level: b.level, text: b.text }
          : { kind: b.kind, text: b.text, ...(b.bold ? { bold: true } : {}) },
  );

describe('extractText: markdown', () => {
  it('turns # headings into headings with the level of the #s', () => {
    expect(summary(blocks('# 1. Plan Details\n\n### a) Summary of plan ###\n####### not a heading'))).toEqual([
      { kind: 'heading', level: 1, text: '1. Plan Details' },
      { kind: 'heading', level: 3, text: 'a) Summary of plan' },
      { kind: 'paragraph', text: '####### not a heading' },
    ]);
  });

  it('marks a line wholly wrapped in ** or __ as a bold paragraph without the markers', () => {
    expect(summary(blocks('**Risks and contingency**\n__Governance__\n4.3 **Performance Metrics.**'))).toEqual([
      { kind: 'paragraph', text: 'Risks and contingency', bold: true },
      { kind: 'paragraph', text: 'Governance', bold: true },
      { kind: 'paragraph', text: '4.3 Performance Metrics.' },
    ]);
  });

  it('removes inline emphasis markers but keeps a lone asterisk', () => {
    expect(summary(blocks('the *Hearth Trust* guide ***in an optimal system*** and **13,750** people (likelihood *potential impact)'))).toEqual([
      { kind: 'paragraph', text: 'the Hearth Trust guide in an optimal system and 13,750 people (likelihood *potential impact)' },
    ]);
  });

  it('drops an unpaired ** left by a converter', () => {
    expect(summary(blocks('- b) Healthy Housing Hub:** this is a service\n- 13. Timely support to carers**'))).toEqual([
      { kind: 'list_item', level: 1, text: 'b) Healthy Housing Hub: this is a service' },
      { kind: 'list_item', level: 1, text: '13. Timely support to carers' },
    ]);
  });

  it('turns markdown links into their text', () => {
    expect(summary(blocks('See [the JSNA](http://example.org/jsna.pdf) for details'))).toEqual([
      { kind: 'paragraph', text: 'See the JSNA for details' },
    ]);
  });

  it('reads "- ", "* ", "• " and private-use bullets as list items, indented ones one level deeper', () => {
    expect(summary(blocks('- one\n* two\n• three\n\uf0b7 four\n - nested\n    - deeper'))).toEqual([
      { kind: 'list_item', level: 1, text: 'one' },
      { kind: 'list_item', level: 1, text: 'two' },
      { kind: 'list_item', level: 1, text: 'three' },
      { kind: 'list_item', level: 1, text: 'four' },
      { kind: 'list_item', level: 2, text: 'nested' },
      { kind: 'list_item', level: 3, text: 'deeper' },
    ]);
  });

  it('splits a list typed on one line with bullet characters into items', () => {
    expect(summary(blocks('• Amber Valley • Chesterfield • Erewash'))).toEqual([
      { kind: 'list_item', level: 1, text: 'Amber Valley' },
      { kind: 'list_item', level: 1, text: 'Chesterfield' },
      { kind: 'list_item', level: 1, text: 'Erewash' },
    ]);
  });

  it('keeps numbered lines as paragraphs (they may be headings)', () => {
    expect(summary(blocks('1. Plan Details\n3. NATIONAL CONDITIONS'))).toEqual([
      { kind: 'paragraph', text: '1. Plan Details' },
      { kind: 'paragraph', text: '3. NATIONAL CONDITIONS' },
    ]);
  });

  it('keeps every non-blank line as its own paragraph and ignores whitespace-only lines', () => {
    expect(summary(blocks('a) Summary of Plan\nLocal Authority\n \u00a0\n\nLeicester\u00a0City   Council  '))).toEqual([
      { kind: 'paragraph', text: 'a) Summary of Plan' },
      { kind: 'paragraph', text: 'Local Authority' },
      { kind: 'paragraph', text: 'Leicester City Council' },
    ]);
  });

  it('reads a setext underline as a heading and drops horizontal rules', () => {
    expect(summary(blocks('Plan Details\n============\n\n---\nRisks\n---'))).toEqual([
      { kind: 'heading', level: 1, text: 'Plan Details' },
      { kind: 'heading', level: 2, text: 'Risks' },
    ]);
  });
});

describe('extractText: tab tables', () => {
  it('splits tab lines into trimmed cells, keeping empty cells', () => {
    const [t] = blocks('Signed on behalf of the Council\t\t\nBy\t Cllr A Smith \t') as TableBlock[];
    expect(t.kind).toBe('table');
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Signed on behalf of the Council', '', ''],
      ['By', 'Cllr A Smith', ''],
    ]);
  });

  it('bridges one blank line between rows of the same shape, but not two, nor a paragraph', () => {
    const one = blocks('a\tb\tc\n\nd\te\tf');
    expect(summary(one)).toEqual([{ kind: 'table', rows: [['a', 'b', 'c'], ['d', 'e', 'f']] }]);
    const two = blocks('a\tb\tc\n\n\nd\te\tf');
    expect(two.filter((b) => b.kind === 'table')).toHaveLength(2);
    const shapes = blocks('a\tb\n\nc\td\te\tf');
    expect(shapes.filter((b) => b.kind === 'table')).toHaveLength(2);
    const para = blocks('a\tb\nNote\nc\td');
    expect(summary(para).map((b) => b.kind)).toEqual(['table', 'paragraph', 'table']);
  });

  it('strips markup inside cells and keeps placeholders', () => {
    const [t] = blocks('\t<i>Please rate 1-5</i>\t**High**\nDate\t<date></date>') as TableBlock[];
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['', 'Please rate 1-5', 'High'],
      ['Date', '<date>'],
    ]);
  });

  it('reads an unclosed <ul> with typed bullets inside a cell as lines', () => {
    const [t] = blocks('Data\t<ul style="list-style-type: none"> • Agree metrics • Sign off IG') as TableBlock[];
    expect(t.rows[0].cells.map((c) => c.text)).toEqual(['Data', 'Agree metrics\nSign off IG']);
  });

  it('reads a lone row with one filled cell (a stray tab) as a paragraph, so a heading stays findable', () => {
    expect(summary(blocks('4. RISKS\t\nText\n\n| 5. ALIGNMENT |'))).toEqual([
      { kind: 'paragraph', text: '4. RISKS' },
      { kind: 'paragraph', text: 'Text' },
      { kind: 'paragraph', text: '5. ALIGNMENT' },
    ]);
  });

  it('ignores a line of tabs only', () => {
    expect(summary(blocks('Heading\n\t\t\nText'))).toEqual([
      { kind: 'paragraph', text: 'Heading' },
      { kind: 'paragraph', text: 'Text' },
    ]);
  });
});

describe('extractText: pipe tables', () => {
  it('reads | a | b | rows, drops the --- separator and marks the first row as header', () => {
    const [t] = blocks('| Risk | Rating |\n|---|:---:|\n| Workforce | **H** |\n| Data \\| IT | M |') as TableBlock[];
    expect(t.kind).toBe('table');
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Risk', 'Rating'],
      ['Workforce', 'H'],
      ['Data | IT', 'M'],
    ]);
    expect(t.rows[0].header).toBe(true);
    expect(t.rows[1].header).toBeUndefined();
  });
});

describe('extractText: more markdown', () => {
  it('reads a pipe table without outer pipes when a --- separator follows its first line', () => {
    expect(summary(blocks('Risk | Rating\n---|---\nWorkforce | H\n\nAfter'))).toEqual([
      { kind: 'table', rows: [['Risk', 'Rating'], ['Workforce', 'H']] },
      { kind: 'paragraph', text: 'After' },
    ]);
  });

  it('drops code fence lines, soft hyphens and zero-width spaces', () => {
    expect(summary(blocks('```\nco\u00adordinated\u200b care\n```'))).toEqual([{ kind: 'paragraph', text: 'coordinated care' }]);
  });
});

describe('extractText: HTML fragments', () => {
  it('splits <p> and <ul>/<li> into paragraphs and list items', () => {
    expect(summary(blocks('<p>Its aims are:</p><ul><li>one</li><li>two <b>bold</b></li></ul><p>After</p>'))).toEqual([
      { kind: 'paragraph', text: 'Its aims are:' },
      { kind: 'list_item', level: 1, text: 'one' },
      { kind: 'list_item', level: 1, text: 'two bold' },
      { kind: 'paragraph', text: 'After' },
    ]);
  });

  it('splits an unclosed <ul> with inline "•" or "- " bullets into items, and a later <p> stays a paragraph', () => {
    const text =
      '<p>Objectives:</p> <ul style="list-style-type: none"> • Help people • Delay need <p>Next para</p>\n' +
      'Please describe: <ul style="list-style-type: none"> - What is the model? - Which cohorts?';
    expect(summary(blocks(text))).toEqual([
      { kind: 'paragraph', text: 'Objectives:' },
      { kind: 'list_item', level: 1, text: 'Help people' },
      { kind: 'list_item', level: 1, text: 'Delay need' },
      { kind: 'paragraph', text: 'Next para' },
      { kind: 'paragraph', text: 'Please describe:' },
      { kind: 'list_item', level: 1, text: 'What is the model?' },
      { kind: 'list_item', level: 1, text: 'Which cohorts?' },
    ]);
  });

  it('strips inline tags, links and <br>, and decodes entities', () => {
    expect(summary(blocks('<i>Your Life</i> &amp; <u>Choice</u> <a href="http://x">strategy</a>&nbsp;&pound;5m<br>Second line'))).toEqual([
      { kind: 'paragraph', text: 'Your Life & Choice strategy £5m' },
      { kind: 'paragraph', text: 'Second line' },
    ]);
  });

  it('marks a paragraph whose text is all inside <strong>/<b> as bold', () => {
    expect(summary(blocks('<p><strong>Plan of action</strong></p><p><b>Part</b> bold</p>'))).toEqual([
      { kind: 'paragraph', text: 'Plan of action', bold: true },
      { kind: 'paragraph', text: 'Part bold' },
    ]);
  });

  it('reads a <table> fragment over several lines as a table with spans', () => {
    const text = 'Before\n<table>\n<tr><th>Risk</th><th>Rating</th></tr>\n<tr><td colspan="2">Merged</td></tr>\n</table>\nAfter';
    const bs = blocks(text);
    expect(summary(bs)).toEqual([
      { kind: 'paragraph', text: 'Before' },
      { kind: 'table', rows: [['Risk', 'Rating'], ['Merged']] },
      { kind: 'paragraph', text: 'After' },
    ]);
    const t = bs[1] as TableBlock;
    expect(t.rows[0].header).toBe(true);
    expect(t.rows[1].cells[0].colSpan).toBe(2);
  });

  it('reads a one-column table (a box around text) as its paragraphs, keeping their roles', () => {
    expect(summary(blocks('<table><tr><td><p><b>2. Vision</b></p><p>Our vision is</p></td></tr><tr><td>More</td></tr></table>'))).toEqual([
      { kind: 'paragraph', text: '2. Vision', bold: true },
      { kind: 'paragraph', text: 'Our vision is' },
      { kind: 'paragraph', text: 'More' },
    ]);
  });

  it('keeps bare & and A&E as written instead of reading entities into them', () => {
    expect(summary(blocks('A&E attendances &notice H&SC <p>x &amp; y</p>'))).toEqual([
      { kind: 'paragraph', text: 'A&E attendances &notice H&SC' },
      { kind: 'paragraph', text: 'x & y' },
    ]);
  });
});

describe('extractText: placeholders are text, not markup', () => {
  it('keeps template placeholders as written', () => {
    expect(summary(blocks('By <name of signatory>\n<Insert extra rows for additional CCGs as required>\nDate: <date>\nP<0.001 and a < b'))).toEqual([
      { kind: 'paragraph', text: 'By <name of signatory>' },
      { kind: 'paragraph', text: '<Insert extra rows for additional CCGs as required>' },
      { kind: 'paragraph', text: 'Date: <date>' },
      { kind: 'paragraph', text: 'P<0.001 and a < b' },
    ]);
  });

  it('restores placeholders a converter turned into tags with empty attributes', () => {
    expect(summary(blocks('<name of="" signatory=""></name>\n<job title=""></job>\n<date></date>\n<b number="" of="" beds=""></b>'))).toEqual([
      { kind: 'paragraph', text: '<name of signatory>' },
      { kind: 'paragraph', text: '<job title>' },
      { kind: 'paragraph', text: '<date>' },
      { kind: 'paragraph', text: '<b number of beds>' },
    ]);
  });

  it('leaves real markup with real attributes alone', () => {
    expect(protectNonMarkup('<p class="x">a</p><td colspan="2">')).toBe('<p class="x">a</p><td colspan="2">');
    expect(protectNonMarkup('<job title=""></job>')).toBe('&lt;job title&gt;');
  });
});

describe('extractText: html files', () => {
  it('parses a whole page: skips head/script/style, keeps headings, lists, tables and placeholders', () => {
    const html =
      '<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>' +
      '<h2>4. RISKS</h2><script>var a=1<2;</script><ol><li>First<ol><li>Sub</li></ol></li></ol>' +
      '<table><tbody><tr><td rowspan="2">R1</td><td>a</td></tr><tr><td>b</td></tr></tbody></table><p>Signed: <date></p></body></html>';
    const doc = extractText(html, 'html');
    expect(doc.format).toBe('html');
    expect(doc.pages).toBeNull();
    expect(summary(doc.blocks)).toEqual([
      { kind: 'heading', level: 2, text: '4. RISKS' },
      { kind: 'list_item', level: 1, text: 'First' },
      { kind: 'list_item', level: 2, text: 'Sub' },
      { kind: 'table', rows: [['R1', 'a'], ['b']] },
      { kind: 'paragraph', text: 'Signed: <date>' },
    ]);
    expect((doc.blocks[3] as TableBlock).rows[0].cells[0].rowSpan).toBe(2);
    expect(doc.blocks[1]).toMatchObject({ ordered: true });
  });
});

describe('extractText: HTML saved from Word', () => {
  it('drops conditional comments and namespaced tags, reads the Symbol-font "·" bullet as a list item', () => {
    const html =
      "<html xmlns:o='urn:schemas-microsoft-com:office:office'><head><!--[if gte mso 9]><xml><o:X></o:X></xml><![endif]--></head><body>" +
      "<p class=MsoListParagraph><![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;&nbsp; </span></span><![endif]>Reduce admissions<o:p></o:p></p>" +
      '<p class=MsoNormal><st1:place w:st="on">Leicester</st1:place> City &lt;date&gt; see <https://example.org/x></p></body></html>';
    expect(summary(extractText(html, 'html').blocks)).toEqual([
      { kind: 'list_item', level: 1, text: 'Reduce admissions' },
      { kind: 'paragraph', text: 'Leicester City <date> see <https://example.org/x>' },
    ]);
  });
});

describe('extractText: document model', () => {
  it('sets page null and offsets pointing into the text', () => {
    const doc = extractText('# Title\n\nBody line\nA\tB', 'md');
    expect(doc.format).toBe('md');
    for (const b of doc.blocks) {
      expect(b.page).toBeNull();
      const text = b.kind === 'table' ? 'A\tB' : b.text;
      expect(doc.text.slice(b.offset, b.offset + text.length)).toBe(text);
    }
  });
});

describe('extractText: years cut at a cell edge in laid-out text (tables.md class 3)', () => {
  it('"2014/1" over "5", with another column\'s line between, is 2014/15 on the year\'s line', async () => {
    const { rejoinClippedYears } = await import('../src/extract/text/cutWords.js');
    const lines = [
      'Minimum required             2014/1',
      '                                    £9,250,000',
      'value                        5',
      '                             2015/1',
    ];
    expect(rejoinClippedYears(lines)).toEqual([
      'Minimum required             2014/15',
      '                                    £9,250,000',
      'value',
      '                             2015/1',
    ]);
  });
  it('leaves a digit that does not complete the year, or is not alone under it', async () => {
    const { rejoinClippedYears } = await import('../src/extract/text/cutWords.js');
    const wrongDigit = ['Total      2014/1', '           7'];
    expect(rejoinClippedYears(wrongDigit)).toEqual(wrongDigit);
    const notAlone = ['Total      2014/1', '           5 schemes'];
    expect(rejoinClippedYears(notAlone)).toEqual(notAlone);
    const prose = ['In 2014/1 we', 'saw 5 more'];
    expect(rejoinClippedYears(prose)).toEqual(prose);
  });
});
