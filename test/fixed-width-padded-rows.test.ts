// Failure class 7 of ../shared/spec/tables.md (tables without structure), as pdftotext -layout writes a table that a
// browser printed with its rows padded apart (Chromium's PDF of a Word table): every row a block between blank lines,
// centred on its line of figures. Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import type { DocumentModel } from '../src/model/document.js';
import { pad } from './fixed-width-lines.js';

const tablesOf = (doc: DocumentModel) => doc.blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
const firstCells = (doc: DocumentModel) => tablesOf(doc).flatMap((t) => t.rows.filter((r) => !r.header).map((r) => r.cells[0].text.replace(/\n/g, ' ')));

describe('rows padded apart by blank lines whose first cell ends alone at the margin', () => {
  // Scheme Name | Brief Description | Area of Spend | Source of Funding | Expenditure | New/Existing. A scheme name
  // whose last lines stand alone at the margin just before the blank ("House", "Service" / "costs"), with the next
  // row opening on a line of its description (centred higher than its name): the table goes on.
  const lines = [
    'Spending Plan',
    '',
    pad([[0, 'Scheme Name'], [20, 'Brief'], [40, 'Area of'], [54, 'Source of'], [68, 'Expenditure'], [82, 'New/ Existing']]),
    pad([[20, 'Description'], [40, 'Spend'], [54, 'Funding'], [68, '(£)'], [82, 'Scheme']]),
    '',
    pad([[0, 'Falls Response'], [20, 'Visits after a fall'], [40, 'Community'], [54, 'Minimum'], [68, '£412,300'], [82, 'Existing']]),
    pad([[0, 'Team'], [20, 'at home'], [40, 'Health'], [54, 'Contribution']]),
    '',
    pad([[0, 'Warm Homes'], [20, 'Small repairs'], [40, 'Social'], [54, 'DFG'], [68, '£95,120'], [82, 'New']]),
    pad([[0, 'Service'], [20, 'and heating'], [40, 'Care']]),
    '',
    pad([[20, 'Short breaks']]),
    pad([[0, 'Carer Breaks'], [20, 'for carers'], [40, 'Social'], [54, 'iBCF'], [68, '£60,000'], [82, 'Existing']]),
    pad([[0, 'Respite'], [20, 'and families'], [40, 'Care']]),
    pad([[0, 'House']]),
    '',
    pad([[20, 'Care through']]),
    pad([[0, 'Night Sitting'], [20, 'the night'], [40, 'Community'], [54, 'Minimum'], [68, '£152,000'], [82, 'Existing']]),
    pad([[0, 'Team - end of'], [20, 'for people'], [40, 'Health'], [54, 'Contribution']]),
    pad([[0, 'life care']]),
    pad([[0, 'costs']]),
    '',
    pad([[0, 'Link Workers'], [20, 'Staff who link'], [40, 'Social'], [54, 'iBCF'], [68, '£64,200'], [82, 'Existing']]),
    pad([[20, 'people to groups'], [40, 'Care']]),
    '',
    '',
    'Next steps',
  ];

  it('reads every scheme into one table, one row each', () => {
    const doc = extractText(lines.join('\n'), 'txt');
    expect(tablesOf(doc)).toHaveLength(1);
    expect(firstCells(doc)).toEqual(['Falls Response Team', 'Warm Homes Service', 'Carer Breaks Respite House', 'Night Sitting Team - end of life care costs', 'Link Workers']);
  });

  it('still ends the table at a caption after rows that are not padded apart', () => {
    const text = [
      pad([[0, 'Income'], [40, 'Contribution']]),
      pad([[0, 'Eastvale Council'], [40, '£1,862,040']]),
      pad([[0, 'Eastvale ICB'], [40, '£9,371,206']]),
      pad([[0, 'Total'], [40, '£11,233,246']]),
      'Spending Plan',
      '',
      pad([[20, 'Brief']]),
      pad([[0, 'Scheme Name'], [20, 'Description'], [40, 'Expenditure']]),
    ].join('\n');
    const doc = extractText(text, 'txt');
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text === 'Spending Plan')).toBe(true);
  });
});

describe('a first row padded apart from the next, its label ending alone at the margin', () => {
  // The 2014 provider-commentary figures (label | period and kind | value), each row a block between blank lines:
  // the first row's label wraps to lines of its own at the margin before the first blank line, so only the blocks
  // after it show that the rows are padded apart.
  const lines = [
    'For HWB to populate:',
    '',
    pad([[6, 'Total'], [16, '2013/14'], [32, '30412 (All']]),
    pad([[6, 'number of'], [16, 'Outturn'], [32, 'Providers)']]),
    pad([[6, 'non-']]),
    pad([[6, 'elective']]),
    pad([[6, 'FFCEs']]),
    '',
    pad([[16, '2014/15'], [32, '29870 (All']]),
    pad([[16, 'Plan'], [32, 'Providers)']]),
    '',
    pad([[16, '2015/16'], [32, '29105 (All']]),
    pad([[16, 'Plan'], [32, 'Providers)']]),
    '',
    '',
    'For Provider to populate:',
  ];

  it('reads every row into one table', () => {
    const doc = extractText(lines.join('\n'), 'txt');
    expect(tablesOf(doc)).toHaveLength(1);
    const rows = tablesOf(doc)[0].rows.map((r) => r.cells.map((c) => c.text.replace(/\n/g, ' ')));
    expect(rows).toEqual([
      ['Total number of non- elective FFCEs', '2013/14 Outturn', '30412 (All Providers)'],
      ['', '2014/15 Plan', '29870 (All Providers)'],
      ['', '2015/16 Plan', '29105 (All Providers)'],
    ]);
  });
});

describe('a risk log rated by words, rows padded apart, an action going on in a block of its own', () => {
  // Risk | Risk rating | Mitigating Actions: a row's actions may run to a second paragraph, set apart by a blank line
  // and holding nothing but that column; a risk's last line may stand alone at the margin before the blank.
  const lines = [
    '4) Risks',
    '',
    pad([[48, 'Risk']]),
    pad([[0, 'Risk'], [58, 'Mitigating Actions']]),
    pad([[48, 'rating']]),
    '',
    pad([[58, 'Focus the schemes on what saves most']]),
    pad([[0, 'Partners cannot pool their share'], [48, 'High'], [58, 'money in the first year']]),
    pad([[0, 'of the fund in time']]),
    '',
    pad([[58, 'Review what other areas have done']]),
    pad([[58, 'and report to the board']]),
    '',
    pad([[0, 'Savings needed from hospital care'], [58, 'Talks with the trusts on shared']]),
    pad([[0, 'are larger than planned'], [48, 'Medium'], [58, 'savings targets']]),
    pad([[0, 'this year']]),
    '',
    pad([[0, 'Staff cannot be recruited for'], [48, 'Low'], [58, 'Joint recruitment with colleges']]),
    pad([[0, 'the new teams'], [58, 'and providers']]),
    '',
    '',
    '5) Next steps',
  ];

  it('reads one row per risk, the second paragraph with its row', () => {
    const doc = extractText(lines.join('\n'), 'txt');
    expect(tablesOf(doc)).toHaveLength(1);
    const rows = tablesOf(doc)[0].rows.filter((r) => !r.header).map((r) => r.cells.map((c) => c.text.replace(/\n/g, ' ')));
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['Partners cannot pool their share of the fund in time', 'High'],
      ['Savings needed from hospital care are larger than planned this year', 'Medium'],
      ['Staff cannot be recruited for the new teams', 'Low'],
    ]);
    expect(rows[0][2]).toBe('Focus the schemes on what saves most money in the first year Review what other areas have done and report to the board');
  });
});
