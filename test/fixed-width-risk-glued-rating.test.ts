// Failure class 7 of ../shared/spec/tables.md (tables without structure), as pdftotext -layout writes a
// "Risk | Risk rating | Mitigating Actions" log whose rating column is narrow: the rating, centred in its cell, ends
// one space before the actions' text on some rows ("Medium Extra staff …"), so the row has no rating of its own to
// anchor it and ran into the row above. Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import { separateGluedRatings } from '../src/extract/text/gluedRatings.js';
import type { Segmentation } from '../src/segment/types.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const risksOf = (lines: string[]) => extractRisks(extractText(lines.join('\n'), 'txt'), noSections).value;

describe('a rating glued one space before the next column', () => {
  // Rows padded apart by blank lines (a browser's PDF of a Word table), one row's cells spread over a blank line of
  // their own, the next row's rating glued to its actions with no blank line above it.
  const lines = [
    '4) Risks',
    '',
    pad([[48, 'Risk']]),
    pad([[0, 'Risk'], [57, 'Mitigating Actions']]),
    pad([[48, 'rating']]),
    '',
    pad([[57, 'Monthly review at the joint board and']]),
    pad([[0, 'Partners cannot agree the pooled']]),
    pad([[48, 'High'], [57, 'a shared finance group for the']]),
    pad([[0, 'amounts in time for the year']]),
    pad([[57, 'year ahead.']]),
    '',
    pad([[0, 'Care providers leave the area for']]),
    pad([[48, 'Low'], [57, 'A market support fund for the providers']]),
    pad([[0, 'better paid work elsewhere']]),
    '',
    pad([[63, 'with the lowest rates and a review of']]),
    pad([[0, 'in the next two years']]),
    pad([[63, 'fees each year']]),
    pad([[0, 'Falls services close early in the'], [57, 'Extra staff trained in falls response']]),
    pad([[0, 'winter for lack of trained staff'], [57, 'before the winter, with agency cover']]),
    pad([[0, 'across the district and the county'], [51, 'Medium for the weeks of highest demand and a']]),
    pad([[0, 'in the coldest months'], [57, 'weekly check of the rota']]),
    pad([[0, 'of the year'], [57, 'by the service lead']]),
    '',
    pad([[0, 'The new record system is late and']]),
    pad([[0, 'teams cannot share records'], [51, 'Medium A fallback plan for sharing records']]),
    pad([[0, 'between health and care'], [57, 'by secure email until it is live']]),
    '',
    pad([[0, 'Demand for home care rises faster'], [57, 'Home care hours bought in blocks']]),
    pad([[48, 'High']]),
    pad([[0, 'than the budget allows'], [57, 'with the option of more']]),
    '',
    '',
    '5) Next steps',
  ];

  it('gives each rating its column gap back, in its place', () => {
    const out = separateGluedRatings(lines);
    // Right of where the column's other ratings start: moved left, the actions kept in place.
    expect(out[21]).toBe(pad([[0, 'across the district and the county'], [49, 'Medium'], [58, 'for the weeks of highest demand and a']]));
    expect(out[26]).toBe(pad([[0, 'teams cannot share records'], [49, 'Medium'], [58, 'A fallback plan for sharing records']]));
    // At its column's start: kept in place, the text after it moved right.
    const atStart = [pad([[40, 'High']]), pad([[40, 'Low']]), pad([[0, 'Staff leave'], [40, 'High Joint rotas']])];
    expect(separateGluedRatings(atStart)[2]).toBe(pad([[0, 'Staff leave'], [40, 'High'], [47, 'Joint rotas']]));
    // A risk's own text opening with a rating word at the margin is left alone.
    expect(separateGluedRatings(['High demand in winter   Low'])).toEqual(['High demand in winter   Low']);
  });

  it('reads one risk a row, each with its rating', () => {
    const risks = risksOf(lines);
    expect(risks.map((r) => [r.description.split(' ').slice(0, 3).join(' '), r.rating])).toEqual([
      ['Partners cannot agree', 'high'],
      ['Care providers leave', 'low'],
      ['Falls services close', 'medium'],
      ['The new record', 'medium'],
      ['Demand for home', 'high'],
    ]);
  });

  it('leaves a line opening with a rating word alone where no ratings stand near it', () => {
    const prose = [pad([[10, 'High demand   is expected']]), pad([[10, 'and more']])];
    expect(separateGluedRatings(prose)).toEqual(prose);
  });
});

describe('a score glued one space after the text of the column before', () => {
  // There is a risk that: | How likely | Potential impact | Overall risk factor | Mitigating Actions, the score
  // centred in its column, one row's ending the impact's line ("… to the council 20 High").
  const lines = [
    '4) Risks',
    '',
    pad([[0, 'There is a risk that:'], [27, 'How likely'], [43, 'Potential impact'], [70, 'Overall'], [84, 'Mitigating Actions']]),
    pad([[27, 'is the risk?'], [70, 'risk factor']]),
    '',
    pad([[0, 'Partners cannot agree the'], [27, '4'], [43, '5 Cost of extra beds'], [72, '20 High'], [84, 'Monthly review at the']]),
    pad([[0, 'pooled amounts in time'], [43, 'over the winter'], [84, 'joint board']]),
    '',
    pad([[0, 'Council budgets are cut'], [27, '4'], [43, '5 Cost to the council 20 High'], [84, 'A joint plan for savings']]),
    pad([[0, 'and prevention stops'], [43, 'and its partners'], [84, 'agreed each year']]),
    '',
    pad([[0, 'Home care providers leave'], [27, '3'], [43, '4 Fewer care hours'], [73, '12'], [84, 'Market support fund']]),
    pad([[0, 'the area'], [43, 'at home'], [73, 'Medium'], [84, 'for the providers']]),
    '',
    pad([[0, 'Falls services close early'], [27, '2'], [43, '4 Longer stays in hospital'], [73, '8 Medium'], [84, 'Joint rotas']]),
    '',
    '',
    '5) Next steps',
  ];

  it('gives the score its column gap back, the columns after it in place', () => {
    expect(separateGluedRatings(lines)[8]).toBe(pad([[0, 'Council budgets are cut'], [27, '4'], [43, '5 Cost to the council'], [67, '20 High'], [84, 'A joint plan for savings']]));
  });

  it('reads the score into its row', () => {
    const risks = risksOf(lines);
    expect(risks.map((r) => [r.description.split(' ').slice(0, 2).join(' '), r.likelihood, r.impact, r.score])).toEqual([
      ['Partners cannot', 4, 5, 20],
      ['Council budgets', 4, 5, 20],
      ['Home care', 3, 4, 12],
      ['Falls services', 2, 4, 8],
    ]);
  });
});

describe('a score alone glued after the impact, its rating wrapped below', () => {
  const lines = [
    pad([[0, 'Partners cannot agree'], [27, '4'], [43, '5 Delay to the schemes'], [72, '20 High'], [84, 'Monthly review']]),
    pad([[0, 'Home care providers'], [27, '3'], [43, '4 Fewer care hours for a 12'], [84, 'Market support fund']]),
    pad([[0, 'leave the area'], [43, 'people at home'], [73, 'Medium'], [84, 'for the providers']]),
    pad([[0, 'Falls services close'], [27, '2'], [43, '4 Longer stays'], [73, '8 Medium'], [84, 'Joint rotas']]),
  ];

  it('is set apart in a rated score column', () => {
    expect(separateGluedRatings(lines)[1]).toBe(pad([[0, 'Home care providers'], [27, '3'], [43, '4 Fewer care hours for a'], [70, '12'], [84, 'Market support fund']]));
  });

  it('is left alone among columns of small numbers with no rating', () => {
    const numbers = [pad([[0, 'North'], [20, 'Visits in week 12'], [40, '14']]), pad([[0, 'South'], [38, '9']]), pad([[0, 'East'], [39, '11']])];
    expect(separateGluedRatings(numbers)).toEqual(numbers);
  });
});
