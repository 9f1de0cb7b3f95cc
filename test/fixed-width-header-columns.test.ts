// Failure class 7 of ../shared/spec/tables.md (tables without structure), as pdftotext -layout writes a risk log
// printed by a browser: the overall score one space after the last word of its row's impact, so no row starts a
// cell where the score column does; only the header's "Overall" over "risk factor" starts there, a little left of
// the mitigating actions. Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

describe('a score column named by the header alone, each score one space after the impact', () => {
  const rows: Array<[string[], string, string[], string, string[]]> = [
    [['Partners cannot agree', 'the pooled amounts', 'in time'], '4', ['5 Cost to the council', 'cost of extra beds over the winter'], '20 High', ['Monthly review at', 'the joint board']],
    [['Falls services close', 'early in the year', 'for lack of staff'], '3', ['4 Longer waits', 'longer stays in hospital for older'], '12 Medium', ['Joint plan with', 'the trust']],
    [['Home care providers', 'leave the area', 'for other work'], '2', ['4 Fewer visits', 'fewer care hours at home for people'.slice(0, 34)], '8 Medium', ['Market support', 'fund']],
    [['Carers stop caring', 'for lack of breaks', 'in the county'], '3', ['3 More crises', 'more people reach a crisis at home'], '9 Medium', ['Carers grants', 'and respite']],
    [['Hospital discharge', 'slows in the cold', 'months'], '4', ['4 Beds stay full', 'delayed transfers rise in the year'], '16 High', ['Winter plan', 'with extra staff']],
    [['Shared records are', 'not ready for the', 'new teams'], '2', ['4 Slower teams', 'teams keep working on paper notes.'], '8 Medium', ['Interim data', 'agreement']],
  ];
  // Each score where the header's "Overall" starts: one space after an impact line of 34 characters.
  if (rows.some(([, , what]) => what[1].length !== 34)) throw new Error('a score not where the column starts');
  const lines = [
    '4) Risks',
    '',
    pad([[26, 'How likely is']]),
    pad([[75, 'Overall']]),
    pad([[0, 'There is a risk that:'], [26, 'the risk to'], [40, 'Potential impact'], [84, 'Mitigating Actions']]),
    pad([[75, 'risk factor']]),
    pad([[26, 'happen?']]),
    '',
    ...rows.flatMap(([desc, likelihood, what, score, actions]) => [
      pad([[0, desc[0]], [40, what[0]], [84, actions[0]]]),
      pad([[0, desc[1]], [26, likelihood], [40, `${what[1]} ${score}`]]),
      pad([[0, desc[2]], [84, actions[1]]]),
    ]),
    '',
    '',
    '5) Next steps',
  ];

  it('reads each score in its own column', () => {
    const risks = extractRisks(extractText(lines.join('\n'), 'txt'), noSections).value;
    expect(risks.map((r) => [r.description.split(' ').slice(0, 3).join(' '), r.likelihood, r.impact, r.score, r.rating])).toEqual([
      ['Partners cannot agree', 4, 5, 20, 'high'],
      ['Falls services close', 3, 4, 12, 'medium'],
      ['Home care providers', 2, 4, 8, 'medium'],
      ['Carers stop caring', 3, 3, 9, 'medium'],
      ['Hospital discharge slows', 4, 4, 16, 'high'],
      ['Shared records are', 2, 4, 8, 'medium'],
    ]);
  });
});

describe('a rating column under a centred name, its ratings centred at several offsets', () => {
  // Risk | Risk rating | Mitigating Actions: "Risk" over "rating" further right than most ratings start; the header's
  // name is the rating column's, not a column of its own.
  const rows: Array<[string[], [number, string], string[]]> = [
    [['Partners cannot agree the pooled amounts', 'in time for the new year'], [57, 'High'], ['Monthly review at the joint board', 'and its officers']],
    [['Falls services close early in the year', 'for lack of staff'], [53, 'High'], ['Joint plan with the trust', 'and shared rotas']],
    [['Home care providers leave the area', 'for other work'], [51, 'Low'], ['Market support fund for', 'the providers']],
    [['Carers stop caring for lack of breaks', 'in the county'], [64, 'Medium'], ['Carers grants and respite', 'beds in the towns']],
    [['Hospital discharge slows in the cold', 'months of the year'], [52, 'High'], ['Winter plan with extra', 'staff on the wards']],
    [['Shared records are not ready for the', 'new teams'], [51, 'Low'], ['Interim data sharing', 'agreement']],
  ];
  const lines = [
    '4) Risks',
    '',
    pad([[57, 'Risk']]),
    pad([[0, 'Risk'], [67, 'Mitigating Actions']]),
    pad([[57, 'rating']]),
    ...rows.flatMap(([desc, [x, rating], actions]) => [
      pad([[0, desc[0]], [72, actions[0]]]),
      pad([[x, rating]]),
      pad([[0, desc[1]], [72, actions[1]]]),
    ]),
    '',
    '',
    '5) Next steps',
  ];

  it('reads every rating', () => {
    const risks = extractRisks(extractText(lines.join('\n'), 'txt'), noSections).value;
    expect(risks.map((r) => r.rating)).toEqual(['high', 'high', 'low', 'medium', 'high', 'low']);
  });
});
