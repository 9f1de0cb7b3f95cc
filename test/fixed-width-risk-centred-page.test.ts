// Failure classes 1, 2 and 7 of ../shared/spec/tables.md in a risk log read from fixed-width text, set large so
// every cell wraps over many lines and is centred on its row: under the header repeated after a page break, the end
// of the row the break cut comes first, and each row's figures sit at their own heights (a two-line score "16" over
// "High" a line above the one-line likelihood). Every name, phrase and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const o = [0, 25, 35, 62, 72];
const header = [
  pad([[o[0], 'There is a risk that:'], [o[1], 'How likely'], [o[2], 'Potential impact'], [o[3], 'Overall'], [o[4], 'Mitigating Actions']]),
  pad([[o[1], 'is the risk'], [o[3], 'risk']]),
  pad([[o[1], 'to happen?'], [o[3], 'factor']]),
];

describe('a page of a large-type risk log under its repeated header', () => {
  const lines = [
    'a) Risk log',
    '',
    ...header,
    pad([[o[0], 'Partners cannot agree'], [o[1], '4'], [o[2], '5 Delay to the schemes'], [o[3], '20 High'], [o[4], 'Monthly review at the']]),
    pad([[o[0], 'the pooled amounts'], [o[2], 'and their savings'], [o[4], 'joint board.']]),
    pad([[o[0], 'Care providers leave'], [o[1], '3'], [o[2], '3 Fewer hours of care'], [o[3], '9 Medium'], [o[4], 'A market support fund']]),
    pad([[o[0], 'the market and the'], [o[2], 'for people at home'], [o[4], 'for the providers']]),
    '\f' + header[0],
    ...header.slice(1),
    pad([[o[0], 'homes that remain'], [o[2], 'and in the homes.'], [o[4], 'with the lowest rates.']]),
    pad([[o[0], 'raise their fees'], [o[4], 'A shared records group']]),
    pad([[o[2], '4 Records cannot be'], [o[4], 'that meets monthly']]),
    pad([[o[0], 'Data sharing between'], [o[2], 'shared between the'], [o[4], 'with the trust and']]),
    pad([[o[0], 'Partners Is Late For'], [o[2], 'health and care'], [o[3], '16']]),
    pad([[o[0], 'The New System'], [o[1], '4'], [o[2], 'teams in time'], [o[4], 'a fallback plan']]),
    pad([[o[0], 'Across The Area'], [o[2], 'for the winter'], [o[3], 'High'], [o[4], 'by secure email']]),
    pad([[o[0], 'this year'], [o[2], 'and the spring'], [o[4], 'until it is live.']]),
    pad([[o[0], 'Community teams'], [o[4], 'Joint recruitment']]),
    pad([[o[0], 'Cannot Take On'], [o[4], 'with the colleges']]),
    pad([[o[0], 'The Extra Work'], [o[2], '2 Longer waits for'], [o[3], '6'], [o[4], 'and a review of']]),
    pad([[o[0], 'From The Hospital'], [o[1], '3'], [o[2], 'care at home'], [o[4], 'the rota']]),
    pad([[o[0], 'In The Winter'], [o[3], 'Low'], [o[4], 'each month']]),
    pad([[o[0], 'months'], [o[4], 'by the lead.']]),
    '',
    '',
    'b) Contingency plan',
  ];

  it('reads each row around its middle, the cut row\'s end joined to the row above', () => {
    const risks = extractRisks(extractText(lines.join('\n'), 'txt'), noSections).value;
    expect(risks.map((r) => [r.description.split(' ').slice(0, 3).join(' '), r.likelihood, r.impact, r.score, r.rating])).toEqual([
      ['Partners cannot agree', 4, 5, 20, 'high'],
      ['Care providers leave', 3, 3, 9, 'medium'],
      ['Data sharing between', 4, 4, 16, 'high'],
      ['Community teams Cannot', 3, 2, 6, 'low'],
    ]);
  });
});
