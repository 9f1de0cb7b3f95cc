// The 2022-23 expenditure table in pdftotext's reading order (no -layout), failure class 7 of
// ../shared/spec/tables.md, where a row's Brief Description stands where its name was looked for: a cell that
// reads as a sentence (most of its words in lower case, the options interleaved with it aside) is no scheme name.
// Every name and figure is made up.
import { describe, expect, it } from 'vitest';
import { SPENDING_HEADER, spendOf, wholeRow } from './reading-order-shapes.js';
import { readsAsSentence, titleLinesOf } from '../src/tables/sentenceCells.js';

describe('expenditure table in reading order: a description read where a name was looked for', () => {
  it('an amount printed beside its description, its name after them alone, takes that name, not the sentence', () => {
    const { spend, names } = spendOf([
      ...SPENDING_HEADER,
      'Offering short breaks to',
      'Social',
      'family helpers who look',
      'Care',
      'after a relative at home',
      '',
      'LA',
      '',
      'Local',
      'Authority',
      '',
      '£41,200',
      '',
      'Existing',
      '',
      'Carer Breaks Service',
      '',
      'Social Care',
      '',
      'LA',
      '',
      'Existing',
      '',
      ...wholeRow('Hoist Servicing', ['Yearly checks of', 'ceiling hoists'], '£15,900'),
    ]);
    expect(spend).toEqual([
      ['Carer Breaks Service', 41200],
      ['Hoist Servicing', 15900],
    ]);
    expect(names).toEqual(['Carer Breaks Service', 'Hoist Servicing']);
  });

  it('groups before one amount that are not two rows of name and description leave the amount without a name', () => {
    const { spend, names } = spendOf([
      ...SPENDING_HEADER,
      ...wholeRow('Hoist Servicing', ['Yearly checks of', 'ceiling hoists'], '£15,900'),
      'Warm Homes Grants',
      '',
      'Small heating grants',
      '',
      'helping people who live',
      'alone to stay safe and',
      'well at home after a',
      'stay on a hospital ward',
      '',
      'Twilight Visiting Team',
      '',
      'Social Care',
      '',
      'LA',
      '',
      '£9,950',
      '',
      'Existing',
      '',
      ...wholeRow('Falls Clinic', ['Balance classes after', 'a fall at home'], '£12,000'),
    ]);
    expect(spend).toEqual([
      ['Hoist Servicing', 15900],
      ['Falls Clinic', 12000],
    ]);
    expect(names).toEqual(['Hoist Servicing', 'Falls Clinic']);
  });
});

describe('expenditure table in reading order: a name printed among its description lines', () => {
  it('a name group that opens with its description reads as the title words between the sentence lines', () => {
    const { spend, names } = spendOf([
      ...SPENDING_HEADER,
      ...wholeRow('Hoist Servicing', ['Yearly checks of', 'ceiling hoists'], '£15,900'),
      'Help for those',
      'caring at home and',
      'Social',
      'Weekend Breathers short stays in',
      'Care',
      'a nearby lodge',
      '',
      'LA',
      '',
      'Local',
      'Authority',
      '',
      '£22,400',
      '',
      'Existing',
      '',
      ...wholeRow('Falls Clinic', ['Balance classes after', 'a fall at home'], '£12,000'),
    ]);
    expect(spend).toEqual([
      ['Hoist Servicing', 15900],
      ['Weekend Breathers', 22400],
      ['Falls Clinic', 12000],
    ]);
    expect(names).toEqual(['Hoist Servicing', 'Weekend Breathers', 'Falls Clinic']);
  });
});

describe('titleLinesOf', () => {
  const option = (l: string) => /^(social|care)$/i.test(l.trim());
  it('leaves a name whose first line opens like a sentence but whose lines are all its own', () => {
    expect(titleLinesOf(['Back to Work', 'Mentoring', 'Service'], option)).toEqual(['Back to Work', 'Mentoring', 'Service']);
  });
  it('leaves a group that does not open as a sentence', () => {
    expect(titleLinesOf(['Garden Tidy', 'visits for', 'older tenants'], option)).toEqual(['Garden Tidy', 'visits for', 'older tenants']);
  });
});

describe('readsAsSentence', () => {
  const option = (w: string) => /^(social|care|mental|health|community)$/i.test(w);
  it('a wrapped description is a sentence, its interleaved option words aside', () => {
    expect(readsAsSentence(['Offering short breaks to', 'Social', 'family helpers who look', 'Care', 'after a relative at home'], option)).toBe(true);
  });
  it('a name is none, even in lower case while short, or long and title-cased', () => {
    expect(readsAsSentence(['weekend garden tidy visits'], option)).toBe(false);
    expect(readsAsSentence(['Hub at Home Weekend', 'Visiting Team for Older', 'People - Westfield Lodge'], option)).toBe(false);
  });
});
