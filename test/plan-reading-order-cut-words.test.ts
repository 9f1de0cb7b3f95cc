// Spending plans from a Word table without rules read by raw pdftotext (failure classes 3 and 7 of
// ../shared/spec/tables.md): words broken inside the narrow option cells ("Contributio" / "n", "Authorit" / "y")
// and header cells ("Commission" / "er", "Expenditu" / "re (£)"). The 2022-23 expenditure table's shape; every
// name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractBudgets } from '../src/fields/budgets/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { cutWordAt, joinCutWord, textVocabulary } from '../src/text/vocabulary.js';
import { spendOf as spendOfLines } from './reading-order-shapes.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

// Prose before the table writes the whole words the table's cells cut (and "commission" as a word of its own).
const PROSE = [
  'The Minimum NHS Contribution rises this year, and the Local Authority adds to it.',
  'Commissioners and providers met the Poverty Commission, and each Existing scheme was reviewed.',
  'Community services are in scope.',
  '',
];
const HEADER = ['Scheme Name', '', 'Brief Description', 'of Scheme', '', 'Area of', 'Spend', '', 'Commission', 'er', '', 'Provide', 'r', '', 'Source of', 'Funding', '', 'Expenditu', 're (£)', '', 'New/', 'Existing', 'Schem', 'e', ''];

const spendOf = (lines: string[]) => spendOfLines([...PROSE, 'Spending Plan 2022/23', '', ...HEADER, ...lines]);

/** A row whose option cells are too narrow for their words. */
const row = (name: string[], description: string[], amount: string) => [
  ...name,
  '',
  ...description,
  '',
  'Communit',
  'y Health',
  '',
  'LA',
  '',
  'Local',
  'Authorit',
  'y',
  '',
  'Minimum',
  'NHS',
  'Contributio',
  'n',
  '',
  amount,
  '',
  'Existin',
  'g',
  '',
];

describe('a word cut at a narrow cell edge, read as text', () => {
  it('is one word where the document writes it whole and never the head alone', () => {
    const vocabulary = textVocabulary(PROSE);
    expect(joinCutWord('Contributio', 'n', vocabulary)).toBe('Contribution');
    expect(joinCutWord('Communit', 'y Health', vocabulary)).toBe('Community Health');
    // "Commission" is a word of the document: the break may be between words.
    expect(cutWordAt('Commission', 'er', vocabulary)).toBeNull();
    // A line opening a word of its own, or in capitals, is not the rest of one.
    expect(cutWordAt('Minimum', 'NHS', vocabulary)).toBeNull();
    expect(cutWordAt('the', 'year', vocabulary)).toBeNull();
  });

  it('spending plan rows whose option cells broke their words keep their scheme names', () => {
    const { spend, names } = spendOf([
      ...row(['Stroke Rehab', 'Service'], ['Therapy at home', 'after a stroke'], '£412,300'),
      ...row(['Warm Homes'], ['Heating repairs for', 'older residents'], '£61,200'),
      ...row(['Evening Visits'], ['Overnight care at', 'home'], '£88,450'),
    ]);
    expect(spend).toEqual([
      ['Stroke Rehab Service', 412300],
      ['Warm Homes', 61200],
      ['Evening Visits', 88450],
    ]);
    expect(names).toEqual(['Stroke Rehab Service', 'Warm Homes', 'Evening Visits']);
  });
});

// A page of the table read column group by column group (failure class 7): every row's name, description and area
// first, then the rest of the header, then every row's options, amount and "Existing".
const FIRST_COLUMNS = ['Scheme Name', '', 'Brief Description', 'of Scheme', '', 'Area of', 'Spend', ''];
const OTHER_COLUMNS = ['Commission', 'er', '', 'Provide', 'r', '', 'Source of', 'Funding', '', 'Expenditu', 're (£)', '', 'New/', 'Existing', 'Schem', 'e', ''];
const named = (name: string[], description: string[]) => [...name, '', ...description, '', 'Social', 'Care', ''];
const options = (amount: string) => ['LA', '', 'Local', 'Authority', '', 'Minimum', 'NHS', 'Contribution', '', amount, '', 'Existing', ''];

const pageOf = (lines: string[]) => {
  const doc = extractText([...PROSE, 'Spending Plan 2022/23', '', ...lines, 'Metrics for 2022/23', ''].join('\n'), 'txt');
  return extractBudgets(doc, noSections).value.filter((b) => b.kind === 'scheme_spend').map((b) => [b.scheme, b.amountGbp]);
};

describe('a spending plan page read column group by column group', () => {
  it('the names first, then the amounts: each amount is the name of its place, the last name not run into the first amount', () => {
    const spend = pageOf([
      ...FIRST_COLUMNS,
      ...named(['Stroke Rehab', 'Service'], ['Therapy at home', 'after a stroke']),
      ...named(['Warm Homes'], ['Heating repairs']),
      ...named(['Evening Visits'], ['Overnight care']),
      ...OTHER_COLUMNS,
      ...options('£412,300'),
      ...options('£61,200'),
      ...options('£88,450'),
    ]);
    expect(spend).toEqual([
      ['Stroke Rehab Service', 412300],
      ['Warm Homes', 61200],
      ['Evening Visits', 88450],
    ]);
  });

  it('a row\'s lowest lines printed after its "Existing" ("Team", then the "n" of "Contributio") open no row', () => {
    const spend = pageOf([
      ...FIRST_COLUMNS,
      ...named(['Stroke Rehab'], ['Therapy at home', 'after a stroke']),
      ...named(['Carers Respite'], ['Short breaks']),
      ...OTHER_COLUMNS,
      ...options('£412,300'),
      'Local',
      'Authority',
      '',
      'Minimum',
      'NHS',
      'Contributio',
      '',
      'LA',
      '',
      '£61,200',
      '',
      'Existing',
      '',
      'Team',
      '',
      'n',
      '',
      ...named(['Warm Homes'], ['Heating repairs']),
      ...options('£88,450'),
    ]);
    expect(spend).toEqual([
      ['Stroke Rehab', 412300],
      ['Carers Respite', 61200],
      ['Warm Homes', 88450],
    ]);
  });
});
