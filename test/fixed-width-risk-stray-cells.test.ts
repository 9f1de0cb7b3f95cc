// Failure classes 1 and 7 of ../shared/spec/tables.md in a risk log rebuilt from fixed-width text: a risk cell's
// first line read as a row of its own (the row's figures on a later line, another column's line between), and a
// score read into the actions beside the empty score column (the columns shifted on that page). Every name and
// figure here is made up.
import { describe, expect, it } from 'vitest';
import { buildDocument, type RawBlock, type TableRow } from '../src/model/document.js';
import { extractRisks, riskColumnOf } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const row = (cells: string[], extra: Partial<TableRow> = {}): TableRow => ({ cells: cells.map((text) => ({ text })), page: 4, ...extra });
const HEADER = ['There is a risk that:', 'How likely is the risk to materialise?', 'Potential impact', 'Overall risk factor', 'Mitigating Actions'];
const risksOf = (rows: TableRow[]) => extractRisks(buildDocument('pdf', 5, [{ kind: 'table', page: 4, rows } as RawBlock]), noSections).value;

describe('a risk cell whose first line was read as a row', () => {
  const rows = [
    row(HEADER, { header: true }),
    row(['Partners cannot agree the pooled amounts', '4', '5 Delay to the schemes', '20 High', 'Monthly review at the board.']),
    row(['Carers/Service', '', '', '', 'A plan for involving']),
    row(['User resistance to the new ways of working', '3', '3 Lower satisfaction', '9 Medium', 'carers in the design of the services.']),
    row(['Providers leave the market', '3', '4 Fewer care hours', '12 Medium', 'A market support fund.']),
  ];

  it('goes back on top of its row: an unscored row stopping mid-sentence over a row whose actions go on', () => {
    const risks = risksOf(rows);
    expect(risks.map((r) => r.description)).toEqual([
      'Partners cannot agree the pooled amounts',
      'Carers/Service User resistance to the new ways of working',
      'Providers leave the market',
    ]);
    expect(risks[1].mitigation).toBe('A plan for involving carers in the design of the services.');
    expect(risks[1].score).toBe(9);
  });

  it('leaves an unscored risk of its own alone, its actions a sentence of their own', () => {
    const own = [...rows.slice(0, 2), row(['Carers are not involved', '', '', '', 'A plan for involving carers.']), ...rows.slice(3)];
    own[3] = row(['User resistance to the new ways of working', '3', '3 Lower satisfaction', '9 Medium', 'Carers in the design of the services.']);
    expect(risksOf(own).map((r) => r.description)).toContain('Carers are not involved');
  });
});

describe('a score read into the actions', () => {
  it('is the row\'s score where it is likelihood x impact and the score column is empty', () => {
    const risks = risksOf([
      row(HEADER, { header: true }),
      row(['Partners cannot agree the pooled amounts', '4', '5 Delay to the schemes', '20 High', 'Monthly review at the board.']),
      row(['Providers leave the market', '3', '3 Fewer care hours', '', 'A market support fund\n9 Medium\nfor the providers.']),
    ]);
    expect(risks[1]).toMatchObject({ likelihood: 3, impact: 3, score: 9, rating: 'medium', mitigation: 'A market support fund for the providers.' });
  });

  it('stays in the actions where it is not likelihood x impact', () => {
    const risks = risksOf([
      row(HEADER, { header: true }),
      row(['Providers leave the market', '3', '3 Fewer care hours', '', 'A market support fund for\n12 weeks']),
      row(['Staff leave for other work', '3', '4 Fewer care hours', '', 'Recruitment over\n12 weeks']),
    ]);
    expect(risks.map((r) => r.score)).toEqual([null, null]);
  });
});

describe('a rating read into the column beside a narrow rating column', () => {
  // Risk | Risk rating | Mitigating Actions in large type: the rating header cut ("ratin" over "g"), the ratings
  // centred at offsets creeping from row to row, some past the rating column's edge, in a column that names no role.
  const rows = [
    row(['Risk', 'Risk\nratin\ng', '', 'Mitigating Actions'], { header: true }),
    row(['Partners cannot agree the pooled amounts', 'High', 'Agree', 'the amounts at the board.']),
    row(['Care providers leave the area', '', 'Low\nfor', 'A market support fund the providers.']),
    row(['Falls services close early in winter', '', 'Medium', 'Extra staff trained in falls response.']),
  ];

  it('reads the cut header as the rating column, and each row\'s rating from where it went', () => {
    expect(riskColumnOf('Risk ratin g')).toBe('rating');
    expect(risksOf(rows).map((r) => r.rating)).toEqual(['high', 'low', 'medium']);
  });

  it('takes no word of the actions for a rating', () => {
    const named = [row(['Risk', 'Risk rating', 'Mitigating Actions'], { header: true }), row(['Care providers leave the area', '', 'Low\ncost providers.'])];
    expect(risksOf(named)[0].rating).toBeNull();
  });
});
