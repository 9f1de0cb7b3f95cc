// Spending plans in pdftotext's reading order (no -layout), failure class 7 of ../shared/spec/tables.md: where a
// row's cells do not share baselines, its amount can come out before its name, and its name after the next rows'
// amounts. The 2022-23 expenditure table's shape; every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { SPENDING_HEADER, spendOf as spendOfLines } from './reading-order-shapes.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

const spendOf = (lines: string[]) => spendOfLines([...SPENDING_HEADER, ...lines]);

/** One row as pdftotext reads it when its cells share baselines: name, description, options, amount. */
const row = (name: string[], description: string[], amount: string) => [
  ...name,
  '',
  ...description,
  '',
  'Social Care LA',
  '',
  'Local',
  'Authority',
  '',
  'iBCF',
  '',
  amount,
  '',
  'Existing',
  '',
];

describe('spending plan in reading order: an amount printed apart from its scheme', () => {
  it('an amount before its scheme: the figure alone (only option cells with it) goes to the row later that has no figure', () => {
    const { spend, names } = spendOf([
      ...row(['Fall Recovery Team'], ['Two-hour response to', 'people who have fallen'], '£412,300'),
      // The next row's source and amount, its name and description not yet printed.
      'Minimum',
      'NHS',
      '£88,450',
      'Contribution',
      '',
      'Existing',
      '',
      ...row(['Warm Homes'], ['Heating repairs'], '£61,200'),
      ...row(['(iBCF) Discharge', 'Hub'], ['Hospital discharge', 'coordination'], '£705,900'),
      // The row the £88,450 belongs to: name, description and its option cells, then the next row begins.
      'Night Sitting',
      'Service',
      '',
      'Overnight care at home',
      '',
      'Community',
      'CCG',
      'Health',
      '',
      'Private',
      'Sector',
      '',
      ...row(['Stroke Recovery'], ['Therapy after a', 'stroke'], '£233,640'),
      // A scheme named by an option keeps its name: its row has free text too.
      ...row(['DFG'], ['Adaptations to', 'people\'s homes'], '£1,902,000'),
    ]);
    expect(spend).toEqual([
      ['Fall Recovery Team', 412300],
      ['Night Sitting Service', 88450],
      ['Warm Homes', 61200],
      ['(iBCF) Discharge Hub', 705900],
      ['Stroke Recovery', 233640],
      ['DFG', 1902000],
    ]);
    expect(names).toEqual(['Fall Recovery Team', 'Night Sitting Service', 'Warm Homes', '(iBCF) Discharge Hub', 'Stroke Recovery', 'DFG']);
  });

  it('a name after its amount: option cells of two columns interleaved, then the name, closed by its lone "Existing"', () => {
    const { spend } = spendOf([
      ...row(['Carers Breaks'], ['Short breaks for', 'carers'], '£152,000'),
      // The row's commissioner and provider lines interleaved by baseline, its source and amount: no name yet.
      'Social',
      'Private',
      'LA',
      'Care',
      'Sector',
      '',
      'iBCF',
      '',
      '£1,204,560',
      '',
      'Existing',
      '',
      '(iBCF) Care Market',
      'Support',
      '',
      'Fee uplift for',
      'home care providers',
      '',
      'Existing',
      '',
      ...row(['Sensory Support'], ['Advice for people with', 'sight loss'], '£48,316'),
    ]);
    expect(spend).toEqual([
      ['Carers Breaks', 152000],
      ['(iBCF) Care Market Support', 1204560],
      ['Sensory Support', 48316],
    ]);
  });
});

describe('annual metric table in reading order: a value cell joined to the rationale beside it', () => {
  it('"84.0% 2018, and": a percentage opening a rationale line completes the value row short of it; one inside a line does not', () => {
    const text = [
      'Metrics for 2022/23',
      '',
      '8.5 Reablement',
      '2020- 20212022- Rationale for',
      '2021-22',
      '21',
      '22',
      '23',
      'how ambition',
      'estimated',
      'Actual Plan',
      'Plan was set',
      '',
      'Proportion of older',
      'people (65 and',
      'over) who were',
      'still at home 91',
      'days after',
      'Annual (%)',
      'discharge from',
      'hospital into',
      'reablement /',
      'rehabilitation',
      'services',
      '',
      '81.6% 82.0% 83.7%',
      '',
      'At 84.1%',
      'performance in',
      'the first quarter',
      'is the highest',
      'since',
      '84.0% 2018, and',
      'well above the',
      'regional average.',
      '',
      'Numerator',
      '',
      '310',
      '',
      '402',
      '',
      '416',
      '',
      '430',
      '',
      'Denominator 380',
      '',
      '490',
      '',
      '497',
      '',
      '512',
      '',
      'Appendix 1',
    ].join('\n');
    const metrics = extractMetrics(extractText(text, 'txt'), noSections).value.map((m) => `${m.metric} ${m.period} ${m.kind} ${m.value} ${m.numerator}/${m.denominator}`);
    expect(metrics).toEqual([
      'reablement 2020-21 actual 81.6 310/380',
      'reablement 2021-22 plan 82 402/490',
      'reablement 2021-22 estimate 83.7 416/497',
      'reablement 2022-23 plan 84 430/512',
    ]);
  });
});

/** A line of cells laid out with spaces: each text at its column. */
const laid = (cells: Array<[number, string]>) => cells.reduce((line, [x, t]) => line.padEnd(x) + t, '');

describe('metric tables laid out in large type: header pieces, labels and values cut at their cell edges', () => {
  it('"2021" over "-22" (columns drifting), "Actu" over "al", "301." over "4", "Denomin" over "ator", "47,01" over "8" are read whole', () => {
    const [c1, c2, c3, c4] = [28, 34, 41, 49];
    const text = [
      'Metrics for 2022/23',
      '',
      laid([[0, 'Avoidable'], [24, '2021'], [29, '2021'], [34, '2021'], [39, '2021'], [56, 'Rationale for how']]),
      laid([[26, '-22'], [33, '-22'], [40, '-22'], [47, '-22']]),
      laid([[26, 'Q1'], [33, 'Q2'], [40, 'Q3'], [47, 'Q4']]),
      laid([[0, 'admissions'], [56, 'ambition was set']]),
      laid([[26, 'Actu'], [33, 'Actu'], [40, 'Actu'], [47, 'Actu']]),
      laid([[26, 'al'], [33, 'al'], [40, 'al'], [47, 'al']]),
      laid([[0, 'Indirectly'], [13, 'Indicator'], [26, '301.'], [33, '288.'], [40, '276.'], [47, '290.'], [56, 'Activity fell']]),
      laid([[0, 'standardised'], [56, 'in the winter']]),
      laid([[13, 'value'], [26, '4'], [33, '0'], [40, '2'], [47, '5']]),
      '',
      '8.4 Residential',
      'Admissions',
      laid([[c1, '2020-']]),
      laid([[c2, '2021'], [c3, '2021-22'], [c4, '2022'], [57, 'Rationale for']]),
      laid([[c1, '21'], [68, 'Local plan']]),
      laid([[c2, '-22'], [c3, 'estimat'], [c4, '-23'], [57, 'how ambition']]),
      laid([[c1, 'Actua']]),
      laid([[c2, 'Plan'], [c3, 'ed'], [c4, 'Plan'], [57, 'was set']]),
      laid([[c1, 'l']]),
      laid([[0, 'Long-term'], [16, 'Annual'], [c1, '640.2'], [c2, '633.0'], [c3, '627.5'], [c4, '618.4'], [57, 'Rates held']]),
      laid([[0, 'support needs'], [16, 'Rate'], [57, 'steady']]),
      laid([[14, 'Numerato'], [c1, '301'], [c2, '297'], [c3, '290'], [c4, '291']]),
      laid([[14, 'r']]),
      laid([[14, 'Denomin'], [c1, '47,01'], [c2, '46,92'], [c4, '47,05']]),
      laid([[c3, '46,213']]),
      laid([[14, 'ator'], [c1, '8'], [c2, '2'], [c4, '7']]),
      '',
      'Appendix 1',
    ].join('\n');
    const metrics = extractMetrics(extractText(text, 'txt'), noSections).value.map((m) => `${m.metric} ${m.period} ${m.kind} ${m.value} ${m.numerator}/${m.denominator}`);
    expect(metrics).toEqual([
      'avoidable_admissions 2021-22 Q1 actual 301.4 null/null',
      'avoidable_admissions 2021-22 Q2 actual 288 null/null',
      'avoidable_admissions 2021-22 Q3 actual 276.2 null/null',
      'avoidable_admissions 2021-22 Q4 actual 290.5 null/null',
      'residential_admissions 2020-21 actual 640.2 301/47018',
      'residential_admissions 2021-22 plan 633 297/46922',
      'residential_admissions 2021-22 estimate 627.5 290/46213',
      'residential_admissions 2022-23 plan 618.4 291/47057',
    ]);
  });

  it('a row whose cut values ("76.5" / "%") sit half a line above its whole ones, words beside both lines, is one row', () => {
    const [c1, c2, c3, c4] = [35, 42, 48, 57];
    const text = [
      'Metrics for 2022/23',
      '',
      '8.5 Reablement',
      '',
      laid([[c1, '2020-'], [c2, '2021-'], [c4, '2022-'], [63, 'Rationale for']]),
      laid([[c3, '2021-22']]),
      laid([[c1, '21'], [c2, '22'], [c4, '23'], [63, 'how ambition'], [87, 'Local plan to meet ambition']]),
      laid([[c3, 'estimated']]),
      laid([[c1, 'Actual'], [c2, 'Plan'], [c4, 'Plan'], [63, 'was set']]),
      laid([[0, 'Proportion of older'], [63, 'Performance is'], [87, 'More community']]),
      laid([[0, 'people still at home'], [c2, '80.9'], [c4, '82.3'], [63, 'the best since'], [87, 'capacity']]),
      laid([[0, 'after discharge'], [21, 'Annual (%)'], [c1, '79.6%'], [c3, '81.2%'], [63, '2018, and'], [87, 'through the']]),
      laid([[c2, '%'], [c4, '%'], [63, 'above target.'], [87, 'year.']]),
      laid([[21, 'Numerator'], [c1, '211'], [c2, '224'], [c3, '229'], [c4, '237']]),
      laid([[21, 'Denominator'], [c1, '265'], [c2, '277'], [c3, '282'], [c4, '288']]),
      '',
      'Appendix 1',
    ].join('\n');
    const metrics = extractMetrics(extractText(text, 'txt'), noSections).value.map((m) => `${m.metric} ${m.period} ${m.kind} ${m.value} ${m.numerator}/${m.denominator}`);
    expect(metrics).toEqual([
      'reablement 2020-21 actual 79.6 211/265',
      'reablement 2021-22 plan 80.9 224/277',
      'reablement 2021-22 estimate 81.2 229/282',
      'reablement 2022-23 plan 82.3 237/288',
    ]);
  });

  it('a quarterly header whose taller cells open a line above the others ("2021-22" over "Q2"): the columns left of them count too', () => {
    const text = [
      'Metrics for 2022/23',
      '',
      laid([[46, '2021-22'], [69, '2021-']]),
      laid([[0, 'Avoidable'], [30, '2021-22 Q1'], [54, '2021-22 Q3'], [78, 'Rationale for how']]),
      laid([[46, 'Q2'], [69, '22 Q4']]),
      laid([[0, 'admissions'], [30, 'Actual'], [54, 'Actual'], [78, 'ambition was set']]),
      laid([[46, 'Actual'], [69, 'Actual']]),
      '',
      laid([[0, 'Indirectly'], [14, 'Indicator'], [30, '301.4'], [46, '288.0'], [54, '276.2'], [69, '290.5'], [78, 'Activity fell']]),
      laid([[0, 'standardised value'], [78, 'in the winter']]),
      '',
      laid([[63, '2022-']]),
      laid([[29, '2022-23 Q1'], [42, '2022-23'], [50, '2022-23 Q3']]),
      laid([[63, '23 Q4']]),
      laid([[29, 'Plan'], [42, 'Q2 Plan'], [50, 'Plan']]),
      laid([[63, 'Plan']]),
      '',
      laid([[15, 'Indicator'], [29, '299'], [42, '287'], [50, '275'], [63, '289']]),
      laid([[15, 'value']]),
      '',
      'Appendix 1',
    ].join('\n');
    const metrics = extractMetrics(extractText(text, 'txt'), noSections).value.map((m) => `${m.metric} ${m.period} ${m.kind} ${m.value}`);
    expect(metrics).toEqual([
      'avoidable_admissions 2021-22 Q1 actual 301.4',
      'avoidable_admissions 2021-22 Q2 actual 288',
      'avoidable_admissions 2021-22 Q3 actual 276.2',
      'avoidable_admissions 2021-22 Q4 actual 290.5',
      'avoidable_admissions 2022-23 Q1 plan 299',
      'avoidable_admissions 2022-23 Q2 plan 287',
      'avoidable_admissions 2022-23 Q3 plan 275',
      'avoidable_admissions 2022-23 Q4 plan 289',
    ]);
  });
});

describe('spending plan in reading order: free-text cells printed in another row', () => {
  // A row holds two free-text cells, its name then its description; the rest are options and its amount.
  it('a description printed after its row\'s amount opens the next rows\' text: it is no name', () => {
    const { spend } = spendOf([
      ...row(['Fall Recovery Team'], ['Two-hour response to', 'people who have fallen'], '£412,300'),
      // A row whose name came with its amount, its description not yet printed.
      'Minor Repairs',
      '',
      'Social Care LA',
      '',
      'Local',
      'Authority',
      '',
      'iBCF',
      '',
      '£71,000',
      '',
      'Existing',
      '',
      // The next row's options and amount, its name not yet printed.
      'Social',
      '',
      'LA Local',
      '',
      'iBCF',
      '',
      '£54,000',
      '',
      'Existing',
      '',
      // The Minor Repairs row's description, then the next row's name and description.
      'Small repairs at',
      'home',
      '',
      'Hospital Night',
      'Team',
      '',
      'Overnight discharge',
      'support',
      '',
      'Care',
      '',
      ...row(['Stroke Recovery'], ['Therapy after a', 'stroke'], '£233,640'),
    ]);
    expect(spend).toEqual([
      ['Fall Recovery Team', 412300],
      ['Minor Repairs', 71000],
      ['Hospital Night Team', 54000],
      ['Stroke Recovery', 233640],
    ]);
  });

  it('a description interleaved with the option cells beside it, after a row with only its name, is that row\'s: the amount after it waits for a name', () => {
    const { spend } = spendOf([
      ...row(['Warm Homes'], ['Heating repairs'], '£61,200'),
      // Two rows' names and descriptions, the second's description still to come; no amounts yet.
      'Memory Clinic',
      '',
      'Assessment after a',
      'diagnosis',
      '',
      'Mental',
      'Local',
      'LA',
      'Health',
      'Authority',
      '',
      'Falls Triage',
      '',
      'Authority',
      '',
      // Its description, printed with the area-of-spend cell's lines, then the first row's source and amount.
      'Checking calls and',
      'Social Care LA',
      'sending a responder',
      '',
      'iBCF',
      '',
      '£25,000',
      '',
      'Existing',
      '',
      'Local',
      'Authority',
      '',
      'iBCF',
      '',
      '£7,000',
      '',
      'Existing',
      '',
      ...row(['Stroke Recovery'], ['Therapy after a', 'stroke'], '£233,640'),
    ]);
    expect(spend).toEqual([
      ['Warm Homes', 61200],
      ['Memory Clinic', 25000],
      ['Falls Triage', 7000],
      ['Stroke Recovery', 233640],
    ]);
  });

  it('two rows\' names and descriptions before one amount, an amount waiting for its name: the first row is the waiting amount\'s', () => {
    const { spend } = spendOf([
      ...row(['Warm Homes'], ['Heating repairs'], '£61,200'),
      // A row's options and amount, its name not yet printed.
      'Community CC',
      'Health',
      'G',
      '',
      'NHS',
      'Minimum',
      'Community NHS',
      '£300,000',
      'Provider',
      'Contribution',
      '',
      'Existing',
      '',
      // The commissioner cell left over, that row's name and description, the next row's, and the next amount.
      'LA',
      '',
      'District Nursing',
      '',
      'Home visits by',
      'nurses',
      '',
      'Virtual Ward',
      '',
      'Remote monitoring',
      'at home',
      '',
      'NHS',
      'Minimum',
      '£450,000',
      'Community NHS',
      'Existing',
      'Provider',
      'Contribution',
      '',
      ...row(['Stroke Recovery'], ['Therapy after a', 'stroke'], '£233,640'),
    ]);
    expect(spend).toEqual([
      ['Warm Homes', 61200],
      ['District Nursing', 300000],
      ['Virtual Ward', 450000],
      ['Stroke Recovery', 233640],
    ]);
  });
  it('a name and its description interleaved line by line in one group (a word doubled at a join): the short title names the row', () => {
    const { spend, names } = spendOf([
      ...row(['Warm Homes'], ['Heating repairs'], '£61,200'),
      // The description's three lines centred beside the name's two: theirs alternate.
      'Advice and visits for',
      'Housing Options',
      'people at risk of housing',
      'Housing Officer',
      'need after discharge',
      '',
      'Social Care LA',
      '',
      'Local',
      'Authority',
      '',
      'iBCF',
      '',
      '£38,900',
      '',
      'Existing',
      '',
      // A three-line name with its description left empty: no word doubled at a join, read whole.
      'Out of Hours',
      'Emergency',
      'Care',
      '',
      'Social Care LA',
      '',
      'iBCF',
      '',
      '£12,400',
      '',
      'Existing',
      '',
      ...row(['Stroke Recovery'], ['Therapy after a', 'stroke'], '£233,640'),
    ]);
    expect(spend).toEqual([
      ['Warm Homes', 61200],
      ['Housing Options Housing Officer', 38900],
      ['Out of Hours Emergency Care', 12400],
      ['Stroke Recovery', 233640],
    ]);
    expect(names).toContain('Housing Options Housing Officer');
  });
  it('the next sheet\'s title run into the last row\'s name, its options and amount after: the title and what follows it are no part of the name', () => {
    const { spend } = spendOf([
      ...row(['Warm Homes'], ['Heating repairs'], '£61,200'),
      'Winter',
      'Ward',
      'Metrics for 2022/23',
      'Avoidable',
      'admissions',
      '',
      'Social Care LA',
      '',
      'iBCF',
      '',
      '£90,000',
      '',
      'Existing',
      '',
    ]);
    expect(spend).toEqual([
      ['Warm Homes', 61200],
      ['Winter Ward', 90000],
    ]);
  });
});

