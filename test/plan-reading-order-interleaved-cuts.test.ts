// Spending plans retypeset in larger type and read by raw pdftotext (failure classes 3, 4 and 7 of
// ../shared/spec/tables.md): the narrow option, amount and New/Existing cells wrap, and side-by-side cells print
// their lines by baseline, interleaved. A cut word's rest opens a later line of its group, not the next
// ("Contributi" / "g" / "on"); a cut figure's missing digits end a later line after the words of the cells to its
// left ("£4,812,3 Existin" / "Sector Contributi 64"); "Existin"'s "g" may stand as a group of its own. The 2022-23
// expenditure table's shape; every name and figure is made up.
import { describe, expect, it } from 'vitest';
import { joinInterleavedCutWords, textVocabulary } from '../src/text/vocabulary.js';
import { spendOf as spendOfLines } from './reading-order-shapes.js';

const PROSE = ['Every scheme is reviewed each year by the board.', ''];
const HEADER = ['Spending Plan 2022/23', 'New/', 'Existin', 'Commissio Provid Source of Expendit', 'g', 'ner', 'er', 'Funding ure (£)', '', 'Scheme', 'Name', '', 'Brief', 'Description of', 'Scheme', '', 'Area of', 'Spend', ''];
const spendOf = (lines: string[]) => spendOfLines([...PROSE, ...HEADER, ...lines]);

/** A row whose options, amount and New/Existing cells interleave their cut lines in one group. */
const interleaved = (name: string[], description: string[], amount: [string, string]) => [
  ...name,
  '',
  ...description,
  '',
  'LA',
  '',
  'Minimum',
  'Local',
  'NHS',
  `${amount[0]} Existin`,
  'Authori',
  `Contributi ${amount[1]}`,
  'g',
  'ty',
  'on',
  '',
];
/** A row whose amount and "Existin" group leaves the "g" to a group of its own. */
const apart = (name: string[], description: string[], amount: string) => [...name, '', ...description, '', 'Social L Local', 'iBCF', 'Care A Authority', '', `${amount} Existin`, '', 'g', ''];

describe('cells interleaved by baseline, their words and figures cut', () => {
  it('joins a cut word whose rest opens a later line of the group', () => {
    const vocabulary = textVocabulary(['The Local Authority pays.']);
    expect(joinInterleavedCutWords(['Local', 'Authori', 'NHS', 'ty'], vocabulary)).toEqual(['Local', 'Authority', 'NHS']);
    // A fixed list's word every row cuts the same way ("Contributi" written mid-line more often than whole).
    const known = (w: string) => w === 'Contribution';
    expect(joinInterleavedCutWords(['Sector Contributi', 'g', 'on'], textVocabulary(['Contributi 12 x', 'Contributi 13 y']), known)).toEqual(['Sector Contribution', 'g']);
    // Two words that happen to stand on lines near each other stay two.
    expect(joinInterleavedCutWords(['the', 'care', 'home'], textVocabulary(['the care home is open.']))).toEqual(['the', 'care', 'home']);
  });

  it('reads each row with its whole amount and its own name', () => {
    const { spend, names } = spendOf([
      ...interleaved(['Stroke Rehab', 'Service'], ['Therapy at home', 'after a stroke'], ['£4,812,3', '64']),
      ...interleaved(['Warm Homes'], ['Heating repairs for', 'older residents'], ['£612,0', '05']),
      ...apart(['(iBCF) Night', 'Sitting'], ['Overnight care at', 'home'], '£88,450'),
      ...apart(['(iBCF) Handyperson', 'Visits'], ['Help after a fall'], '£231,900'),
    ]);
    expect(spend).toEqual([
      ['Stroke Rehab Service', 4812364],
      ['Warm Homes', 612005],
      ['(iBCF) Night Sitting', 88450],
      ['(iBCF) Handyperson Visits', 231900],
    ]);
    expect(names).toEqual(['Stroke Rehab Service', 'Warm Homes', '(iBCF) Night Sitting', '(iBCF) Handyperson Visits']);
  });
});

// A header whose cells wrap onto more lines than the first rows' (smaller type): by baseline, the header cells
// that start at the top come first, then the first rows, then the rest of the header ("Scheme Name" …).
describe('rows printed before the header name cell', () => {
  const row = (name: string[], amount: string) => [...name, '', 'Short breaks for', 'carers', '', 'Social Care', '', 'LA', '', 'Local', 'Authority', '', 'Minimum NHS', amount, 'Contribution', '', 'Existing', ''];
  it('are rows of the table, not lost before it', () => {
    const { spend } = spendOfLines([
      ...PROSE,
      'Spending Plan 2022/23',
      'Commissioner',
      '',
      'Provider',
      '',
      'Source of',
      'Funding',
      '',
      'Expenditure',
      '(£)',
      '',
      'New/',
      'Existing',
      'Scheme',
      '',
      ...row(['Carers Breaks'], '£140,250'),
      ...row(['Falls Prevention', 'Team'], '£96,400'),
      'Scheme Name',
      '',
      'Brief Description of',
      'Scheme',
      '',
      'Area of',
      'Spend',
      '',
      ...row(['Night Sitting'], '£58,700'),
    ]);
    expect(spend).toEqual([
      ['Carers Breaks', 140250],
      ['Falls Prevention Team', 96400],
      ['Night Sitting', 58700],
    ]);
  });
});

// Landscape pages: wider cells, so a row's lowest lines ("… Carers" / "Strategy", "Minimum NHS" / "Contribution")
// print after its "Existing", and a row's name and description can run into the next row's before one figure.
describe('a row\'s lowest lines and a row printed into the next', () => {
  const options = (amount: string) => ['Social Care LA', '', 'Local', 'Minimum', 'Authority NHS', '', amount, '', 'Existing', ''];
  const HEAD = [...PROSE, 'Spending Plan 2022/23', '', 'Scheme Name', '', 'Brief Description of Scheme', '', 'Area of Spend', ''];
  it('the last lines of a description and an option after "Existing" open no row', () => {
    const { spend } = spendOfLines([
      ...HEAD,
      'Carers Breaks', '', 'Short breaks and the', 'Carers Plan for the', '', ...options('£140,250'), 'borough', '', 'Contribution', '',
      // The next row's amount printed before its name, which it takes in order.
      ...options('£58,700'), 'Night Sitting', '', 'Overnight care at', 'home', '',
      'Day Centre', '', 'Day care for older', 'people', '', ...options('£12,400'),
    ]);
    expect(spend).toEqual([
      ['Carers Breaks', 140250],
      ['Night Sitting', 58700],
      ['Day Centre', 12400],
    ]);
  });

  it('two names and descriptions before one figure: the figure is the second row\'s', () => {
    const { spend } = spendOfLines([
      ...HEAD,
      'Warm Homes', '', 'Heating repairs for', 'older residents', '',
      'Handyperson Visits', '', 'Help after a fall', 'at home', '', ...options('£231,900'),
      'Night Sitting', '', 'Overnight care at', 'home', '', ...options('£58,700'),
    ]);
    expect(spend).toEqual([
      ['Handyperson Visits', 231900],
      ['Night Sitting', 58700],
    ]);
  });
});
