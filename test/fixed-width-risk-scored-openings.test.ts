// Failure classes 1 and 2 of ../shared/spec/tables.md in a risk log read from fixed-width text: the page of a log
// printed with its header on every page, under which the end of a row cut by the page break comes first and each
// row's impact cell ("4 Delays to …"), centred on its row, opens a line above the row's own text. No cell of that
// page opens with its score where it was read, so the page alone must show that the column is one of scored cells.
// Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const o = [0, 30, 46, 74, 86];

describe('a page of a risk log whose impact cells all open above their rows', () => {
  const lines = [
    'a) Risk log (continued)',
    '',
    pad([[o[1], 'How likely is'], [o[3], 'Overall']]),
    pad([[o[0], 'There is a risk that:'], [o[1], 'the risk to'], [o[2], 'Potential impact'], [o[3], 'risk'], [o[4], 'Mitigating Actions']]),
    pad([[o[1], 'materialise?'], [o[3], 'factor']]),
    '',
    // The end of the row cut at the page break above, then the next row's impact cell opening.
    pad([[o[2], 'Providers carry the extra'], [o[4], 'reported to the board']]),
    pad([[o[0], 'leave the schemes short'], [o[2], 'cost of the winter.']]),
    pad([[o[0], 'of staff'], [o[2], '3 Fewer hours of care']]),
    pad([[o[0], 'Care homes close at short'], [o[2], 'for people leaving'], [o[3], '9'], [o[4], 'A market support fund']]),
    pad([[o[0], 'notice in the area'], [o[1], '3'], [o[2], 'hospital'], [o[3], 'Medium'], [o[4], 'for the homes.']]),
    '',
    pad([[o[2], '4 Records cannot be'], [o[4], 'A shared records group']]),
    pad([[o[0], 'Data sharing between'], [o[2], 'shared between the'], [o[4], 'meets monthly']]),
    pad([[o[0], 'partners is late'], [o[1], '2'], [o[2], 'health and care'], [o[3], '8 Low'], [o[4], 'with the trust.']]),
    pad([[o[0], 'for the new system'], [o[2], 'teams in time']]),
    '',
    pad([[o[0], 'Community teams cannot'], [o[4], 'Joint recruitment']]),
    pad([[o[0], 'take on the extra work'], [o[1], '4'], [o[2], '4'], [o[3], '16 High'], [o[4], 'with the colleges.']]),
    '',
    '',
    'b) Contingency plan',
  ];

  it('moves each scored opening to the row below it', () => {
    const risks = extractRisks(extractText(lines.join('\n'), 'txt'), noSections).value;
    const scored = risks.filter((r) => r.score !== null);
    expect(scored.map((r) => [r.description.split(' ').slice(0, 3).join(' '), r.likelihood, r.impact, r.score])).toEqual([
      ['Care homes close', 3, 3, 9],
      ['Data sharing between', 2, 4, 8],
      ['Community teams cannot', 4, 4, 16],
    ]);
  });
});
