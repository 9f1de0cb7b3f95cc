// Failure classes 3 and 7 of ../shared/spec/tables.md in a "Risk | Risk rating | Mitigating Actions" log read from
// fixed-width text: the narrow rating column cuts "Medium" at its edge ("Mediu" over "m"), and on a page's last
// line the rest goes over the page break, to the next page's first lines at that page's offsets. The cut word is
// still the row's rating: the row's line of figures, and its rating. Every name and phrase here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

describe('a cut rating on the last line of a page', () => {
  const lines = [
    '4) Risks',
    '',
    pad([[0, 'Risk'], [40, 'Risk'], [48, 'Mitigating Actions']]),
    pad([[40, 'rating']]),
    pad([[0, 'Partners cannot agree the pooled'], [48, 'Monthly review at the joint board and']]),
    pad([[0, 'amounts in time for the year'], [41, 'High'], [48, 'a shared finance group.']]),
    pad([[0, 'Care providers leave the area for'], [48, 'A market support fund for the providers']]),
    pad([[0, 'better paid work elsewhere'], [41, 'Low'], [48, 'with the lowest rates.']]),
    pad([[0, 'Falls services close early in the'], [48, 'Extra staff trained in falls response']]),
    pad([[0, 'winter for lack of trained staff'], [41, 'High'], [48, 'before the winter.']]),
    pad([[0, 'The new record system is late'], [41, 'Mediu'], [47, 'A fallback plan for sharing records']]),
    '\f' + pad([[45, 'by secure email until it is live']]),
    pad([[0, 'and teams cannot share records'], [45, 'and a weekly check by the project lead.']]),
    pad([[37, 'm']]),
    pad([[0, 'between health and care.']]),
    '',
    '',
    '5) Contingency plan',
  ];

  it('is the row\'s rating and ends the row above', () => {
    const risks = extractRisks(extractText(lines.join('\n'), 'txt'), noSections).value;
    expect(risks.map((r) => [r.description.split(' ').slice(0, 4).join(' '), r.rating])).toEqual([
      ['Partners cannot agree the', 'high'],
      ['Care providers leave the', 'low'],
      ['Falls services close early', 'high'],
      ['The new record system', 'medium'],
    ]);
  });
});
