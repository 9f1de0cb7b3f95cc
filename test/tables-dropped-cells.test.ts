// A sheet printed without gridlines and read by raw pdftotext: its text columns come out one group each, and its
// amount columns as one group, the header lines and then the figures row by row with empty cells dropped
// (../shared/spec/tables.md, the 2014 Part 2 scheme list). The shape is the template's; every name and figure
// here is invented.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { droppedCellGrids, placeDroppedCells, twoRowHeader, type PlacedCell } from '../src/tables/droppedCells.js';
import { collectGrids } from '../src/tables/grids.js';

/** The placed cells as the figures they hold: '.' empty, '?' undetermined. */
const shown = (figures: number[], cells: PlacedCell[][] | null) => cells?.map((row) => row.map((i) => (i === null ? '.' : i === undefined ? '?' : figures[i])));

describe('figures printed row by row with empty cells dropped', () => {
  it('places every figure where the Total row leaves one reading', () => {
    const figures = [10, 5, 7, 4, 2, 1, 14, 9, 6];
    expect(shown(figures, placeDroppedCells(figures, 4, 3, true))).toEqual([
      [10, '.', 5],
      ['.', 7, '.'],
      [4, 2, 1],
      [14, 9, 6],
    ]);
  });

  it('places no figure where a column empty everywhere could be any column', () => {
    // Column 2 is empty in every row and in the Total: the totals could stand in columns 1-2 or 1-3 or 2-3.
    const figures = [10, 5, 3, 4, 1, 17, 6];
    const cells = placeDroppedCells(figures, 4, 3, true)!;
    expect(cells.flat().filter((c) => typeof c === 'number')).toEqual([]);
  });

  it('reads a full run row by row, and nothing else without a Total row', () => {
    expect(placeDroppedCells([1, 2, 3, 4], 2, 2, false)).toEqual([[0, 1], [2, 3]]);
    expect(placeDroppedCells([1, 2, 3], 2, 2, false)).toBeNull();
  });

  it('reads a two-row header whose sub-column names were glued line to line', () => {
    expect(twoRowHeader(['2016/17 spend', '2016/17 savings', 'Recurrent', 'Non-recurrent Recurrent', 'Non-recurrent'])).toEqual({
      groups: ['2016/17 spend', '2016/17 savings'],
      subs: ['Recurrent', 'Non-recurrent'],
    });
    expect(twoRowHeader(['Spend', 'Savings', 'Notes'])).toBeNull();
  });

  const SCHEME_SHEET = [
    'Please list the individual schemes on which you plan to spend the Better Care Fund.',
    '',
    'BCF Investment',
    'Willowmere Falls Service',
    'Community Link Workers',
    'Carers Respite Fund',
    'Total',
    '',
    'Lead provider',
    'Willowmere Community Trust',
    'NHS Willowmere CCG',
    'Willowmere District Council',
    '',
    '2014/15 spend',
    '2015/16 spend',
    'Recurrent',
    'Non-recurrent Recurrent',
    'Non-recurrent',
    '£300,000',
    '£900,000',
    '£50,000',
    '£120,000',
    '£400,000',
    '£80,000',
    '£20,000',
    '£150,000',
    '£380,000',
    '£140,000',
    '£1,450,000',
    '£50,000',
    '',
  ];

  it('rebuilds the scheme list with its names and the figures the Total row places', () => {
    const doc = extractText(SCHEME_SHEET.join('\n'), 'txt');
    expect(droppedCellGrids(doc).map((g) => g.rows.map((r) => r.cells))).toEqual([
      [
        ['BCF Investment', 'Lead provider', '2014/15 spend', '2014/15 spend', '2015/16 spend', '2015/16 spend'],
        ['', '', 'Recurrent', 'Non-recurrent', 'Recurrent', 'Non-recurrent'],
        ['Willowmere Falls Service', 'Willowmere Community Trust', '£300,000', '', '£900,000', '£50,000'],
        ['Community Link Workers', 'NHS Willowmere CCG', '', '£120,000', '£400,000', ''],
        ['Carers Respite Fund', 'Willowmere District Council', '£80,000', '£20,000', '£150,000', ''],
        ['Total', '', '£380,000', '£140,000', '£1,450,000', '£50,000'],
      ],
    ]);
    expect(collectGrids(doc).some((g) => g.rows[0].cells[0] === 'BCF Investment')).toBe(true);
  });

  it('keeps the names and leaves out the figures the sums cannot place in one year', () => {
    // The 2015/16 non-recurrent column empty everywhere, the Total row's last cell with it: the totals may stand in
    // the first three columns or in the last three, so "£120,000", "£20,000" and their total "£140,000" may be
    // 2014/15 non-recurrent or 2015/16 recurrent. The rest is in the same year in every reading.
    const lines = SCHEME_SHEET.filter((l) => l !== '£50,000').map((l) => (l === '£900,000' ? '£950,000' : l === '£1,450,000' ? '£1,500,000' : l));
    const doc = extractText(lines.join('\n'), 'txt');
    const grid = droppedCellGrids(doc)[0].rows.map((r) => r.cells);
    expect(grid.slice(2).map((r) => r.slice(0, 2))).toEqual([
      ['Willowmere Falls Service', 'Willowmere Community Trust'],
      ['Community Link Workers', 'NHS Willowmere CCG'],
      ['Carers Respite Fund', 'Willowmere District Council'],
      ['Total', ''],
    ]);
    expect(grid.slice(2).map((r) => r.slice(2))).toEqual([
      ['£300,000', '', '£950,000', ''],
      ['', '', '£400,000', ''],
      ['£80,000', '', '£150,000', ''],
      ['£380,000', '', '£1,500,000', ''],
    ]);
  });

  it('puts no negative figure in a spend column: savings written negative are benefits', () => {
    // Spend and benefits for two years, three columns empty everywhere: the sums alone leave every figure's column
    // group open; a saving written negative can only be a benefit, which places the four negative figures.
    const labelsAndProviders = SCHEME_SHEET.slice(SCHEME_SHEET.indexOf('BCF Investment'), SCHEME_SHEET.indexOf('2014/15 spend'));
    const lines = [
      ...labelsAndProviders,
      '2014/15 spend',
      '2014/15 benefits',
      '2015/16 spend',
      '2015/16 benefits',
      'Recurrent',
      'Non-recurrent Recurrent',
      'Non-recurrent Recurrent',
      'Non-recurrent Recurrent',
      'Non-recurrent',
      ...['£400,000', '£900,000', '-£100,000', '£200,000', '-£50,000', '£600,000', '£80,000', '£100,000', '£300,000', '-£30,000'],
      ...['£700,000', '-£50,000', '£1,800,000', '£80,000', '-£130,000'],
      '',
    ];
    const grid = droppedCellGrids(extractText(lines.join('\n'), 'txt'))[0].rows.map((r) => r.cells);
    expect(grid[0].slice(2)).toEqual(['2014/15 spend', '2014/15 spend', '2014/15 benefits', '2014/15 benefits', '2015/16 spend', '2015/16 spend', '2015/16 benefits', '2015/16 benefits']);
    // The benefit columns of each row (2014/15 recurrent and non-recurrent, then 2015/16).
    expect(grid.slice(2).map((r) => r.slice(4, 6).concat(r.slice(8, 10)))).toEqual([
      ['', '', '-£100,000', ''],
      ['-£50,000', '', '', ''],
      ['', '', '-£30,000', ''],
      ['-£50,000', '', '-£130,000', ''],
    ]);
    // No positive figure is placed where another reading puts it in another year or group.
    expect(grid.slice(2).flatMap((r) => r.slice(2)).filter((c) => c !== '' && !c.startsWith('-'))).toEqual([]);
  });

  it('reads nothing where a label wrapped onto two lines leaves the rows to be cut more than one way', () => {
    // "Community Link" / "Workers": four label lines for three rows, and the lead providers one short of them.
    const lines = SCHEME_SHEET.flatMap((l) => (l === 'Community Link Workers' ? ['Community Link', 'Workers'] : [l]));
    expect(droppedCellGrids(extractText(lines.join('\n'), 'txt'))).toEqual([]);
  });

  it('leaves a group of figures alone when no label column ends with a Total row', () => {
    const doc = extractText(SCHEME_SHEET.map((l) => (l === 'Total' ? 'Other' : l)).join('\n'), 'txt');
    expect(droppedCellGrids(doc)).toEqual([]);
  });
});
