// Failure class 2 of ../shared/spec/tables.md (header rows out of place), as pdftotext -layout writes a table whose
// header a browser printed at the foot of one page and its rows on the next: each page laid out on its own, so the
// header's columns sit at other offsets than the rows'. Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { alignInOrder } from '../src/extract/text/columnEdges.js';
import { extractText } from '../src/extract/text/index.js';
import type { DocumentModel } from '../src/model/document.js';
import { pad } from './fixed-width-lines.js';

const tablesOf = (doc: DocumentModel) => doc.blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));

describe('a spending plan whose header ends one page and whose rows, at other offsets, fill the next', () => {
  // Scheme Name | Brief Description | Area of Spend | Commissioner | Provider | Source of Funding | Expenditure |
  // New/Existing. On the header's page every column sits further right than on the rows' page, and two header cells
  // are one space apart ("Commissioner Provider"); rows padded apart by blank lines.
  const row = (name: string[], desc: string[], area: string[], comm: string, prov: string[], source: string[], amount: string) => [
    pad([[0, name[0]], [16, desc[0]], [32, area[0]], [48, prov[0]], [58, source[0]]]),
    pad([[0, name[1]], [16, desc[1]], [42, comm], [58, source[1]], [71, amount], [82, 'Existing']]),
    pad([[16, desc[2]], [32, area[1]], [48, prov[1]], [58, source[2]]]),
    '',
  ];
  const text = [
    'Spending Plan',
    '',
    pad([[13, 'Brief']]),
    pad([[28, 'Area of'], [74, 'Source of'], [88, 'Expenditure New/ Existing']]),
    pad([[0, 'Scheme Name Description of'], [50, 'Commissioner Provider']]),
    pad([[28, 'Spend'], [74, 'Funding'], [88, '(£)'], [100, 'Scheme']]),
    pad([[13, 'Scheme']]),
    '\f' + row(['Falls', 'Response'], ['Visits to', 'people who', 'have fallen'], ['Community', 'Health'], 'CCG', ['Private', 'Sector'], ['Minimum', 'NHS', 'Contribution'], '£318,400')[0],
    ...row(['Falls', 'Response'], ['Visits to', 'people who', 'have fallen'], ['Community', 'Health'], 'CCG', ['Private', 'Sector'], ['Minimum', 'NHS', 'Contribution'], '£318,400').slice(1),
    ...row(['Warm', 'Homes'], ['Small', 'works to', 'keep warm'], ['Social', 'Care'], 'LA', ['Local', 'Authority'], ['Minimum', 'NHS', 'Contribution'], '£72,950'),
    ...row(['Carer', 'Breaks'], ['Short', 'breaks for', 'carers'], ['Social', 'Care'], 'LA', ['Charity', 'Sector'], ['Additional', 'LA', 'Contribution'], '£41,000'),
    ...row(['Night', 'Sitting'], ['Care', 'through', 'the night'], ['Community', 'Health'], 'CCG', ['NHS', 'Trust'], ['Minimum', 'NHS', 'Contribution'], '£152,000'),
    '',
    'Next steps',
  ].join('\n');

  it('reads the rows on their own columns and lays the header onto them', () => {
    const tables = tablesOf(extractText(text, 'txt'));
    expect(tables).toHaveLength(1);
    const [header, ...body] = tables[0].rows;
    expect(header.header).toBe(true);
    const col = (word: string) => header.cells.findIndex((c) => c.text.includes(word));
    const amounts = body.map((r) => r.cells[col('Expenditure')].text);
    expect(amounts.map((t) => /£[\d,]+/.exec(t)?.[0])).toEqual(['£318,400', '£72,950', '£41,000', '£152,000']);
    expect(body.map((r) => r.cells[col('Scheme Name')].text.replace(/\n/g, ' '))).toEqual(['Falls Response', 'Warm Homes', 'Carer Breaks', 'Night Sitting']);
    expect(body.map((r) => r.cells[col('Source of')].text.split('\n')[0])).toEqual(['Minimum', 'Minimum', 'Additional', 'Minimum']);
  });
});

describe('edges matched in order by relative position', () => {
  it('keeps order, one to one where there are enough, and shares where there are more', () => {
    expect(alignInOrder([0, 13, 28, 50, 74, 88, 100], [0, 16, 32, 42, 48, 58, 71, 82])).toEqual([0, 1, 2, 3, 5, 6, 7]);
    expect(alignInOrder([0, 15, 18, 40], [0, 20, 40])).toEqual([0, 1, 1, 2]);
  });
});
