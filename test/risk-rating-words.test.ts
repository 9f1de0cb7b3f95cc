import { describe, expect, it } from 'vitest';
import { parseRating } from '../src/fields/risks/columns.js';
import { RATING_CELL, RATING_OR_CUT_CELL, SCORED_RATING_CELL, wholeRatingOf } from '../src/text/ratingWords.js';

describe('rating vocabulary', () => {
  it('reads whole rating words, RAG colours and severity words as cells', () => {
    for (const w of ['High', 'Very High', 'medium', 'Med', 'Moderate', 'Low', 'Very low', 'Red', 'Amber', 'Green', 'Severe']) expect(RATING_CELL.test(w)).toBe(true);
    for (const w of ['Hig', 'Mediu', 'High demand', 'Highways', 'A']) expect(RATING_CELL.test(w)).toBe(false);
  });

  it('reads a word cut at its cell edge as a cut rating, and knows its whole word', () => {
    for (const w of ['Mediu', 'Medi', 'Hig', 'Ambe', 'Gree', 'Moderat']) expect(RATING_OR_CUT_CELL.test(w)).toBe(true);
    expect(RATING_OR_CUT_CELL.test('Me')).toBe(false);
    expect(wholeRatingOf('Mediu')).toBe('medium');
    expect(wholeRatingOf('Hig')).toBe('high');
    expect(wholeRatingOf('Med')).toBeUndefined();
    expect(wholeRatingOf('Hi')).toBeUndefined();
  });

  it('reads a score with its rating', () => {
    expect(SCORED_RATING_CELL.test('16 Very High')).toBe(true);
    expect(SCORED_RATING_CELL.test('6 Amber')).toBe(true);
    expect(SCORED_RATING_CELL.test('6 Apples')).toBe(false);
  });

  it('gives every caller the same levels, cut forms included', () => {
    expect(parseRating('Hig')).toBe('high');
    expect(parseRating('Mediu')).toBe('medium');
    expect(parseRating('Moderate')).toBe('medium');
    expect(parseRating('Gree')).toBe('low');
    expect(parseRating('Medium/High')).toBe('medium');
    expect(parseRating('20 Severe')).toBe('high');
    expect(parseRating('L')).toBe('low');
  });
});
