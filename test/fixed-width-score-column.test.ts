// Failure class 7 of ../shared/spec/tables.md (tables without structure), as pdftotext -layout writes a risk log in
// small or large type: the overall score ("20 High") a few characters left of the mitigating actions, never on a line
// of theirs (each cell centred on its row), and a score cell wrapped over two lines with another column's line
// between them. Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const risksOf = (lines: string[]) => extractRisks(extractText(lines.join('\n'), 'txt'), noSections).value;

describe('a score column beside the mitigating actions, no line holding both', () => {
  // There is a risk that: | How likely | Potential impact | Overall risk factor | Mitigating Actions. The scores
  // start at 80, the actions at 86 (the header's "Mitigating Actions" further right): the two edges are close and
  // never share a line, as a column written at two offsets would be; but one holds figures and the other words.
  const lines = [
    '4) Risks',
    '',
    pad([[0, 'There is a risk that:'], [28, 'How likely'], [44, 'Potential impact'], [80, 'Overall'], [96, 'Mitigating Actions']]),
    pad([[28, 'is the risk?'], [80, 'risk factor']]),
    pad([[0, 'Partners cannot agree the'], [44, '5 Cost of extra beds'], [86, 'Monthly review at the board']]),
    pad([[0, 'pooled amounts in time'], [28, '4'], [44, 'over the winter'], [80, '20 High']]),
    pad([[0, 'this year'], [44, 'months'], [86, 'and a joint finance group']]),
    pad([[0, 'Falls services close early'], [44, '4 Longer stays in'], [86, 'Joint plan with the trust']]),
    pad([[0, 'in the year'], [28, '3'], [44, 'hospital for older'], [80, '12 Medium']]),
    pad([[0, 'for lack of staff'], [44, 'people'], [86, 'and shared rotas']]),
    pad([[0, 'Home care providers leave'], [44, '4 Fewer care hours'], [86, 'Market support fund']]),
    pad([[0, 'the area'], [28, '2'], [44, 'at home'], [80, '8 Medium']]),
    pad([[0, 'for other work'], [44, 'for people'], [86, 'for the providers']]),
    '',
    '',
    '5) Next steps',
  ];

  it('reads the score and rating of each risk, the actions apart', () => {
    const risks = risksOf(lines);
    expect(risks.map((r) => [r.likelihood, r.impact, r.score, r.rating])).toEqual([
      [4, 5, 20, 'high'],
      [3, 4, 12, 'medium'],
      [2, 4, 8, 'medium'],
    ]);
    expect(risks[0].mitigation).toBe('Monthly review at the board and a joint finance group');
  });
});

describe('a score and its rating two lines apart, another column between', () => {
  const lines = [
    '4) Risks',
    '',
    pad([[0, 'There is a risk that:'], [30, 'How likely'], [44, 'Potential impact'], [68, 'Overall'], [80, 'Mitigating Actions']]),
    pad([[30, 'is the risk?'], [68, 'risk factor']]),
    pad([[0, 'Partners cannot agree the'], [44, '5 Cost of extra beds'], [80, 'Monthly review']]),
    pad([[0, 'pooled amounts in time'], [68, '20']]),
    pad([[0, 'for the new year'], [44, 'over the winter'], [80, 'at the board']]),
    pad([[0, 'because the two boards'], [30, '4'], [68, 'High']]),
    pad([[0, 'meet late'], [44, 'months']]),
    pad([[0, 'Falls services close early'], [44, '4 Longer stays in'], [80, 'Joint plan']]),
    pad([[0, 'in the year'], [68, '12']]),
    pad([[0, 'for lack of staff'], [44, 'hospital'], [80, 'with the trust']]),
    pad([[0, 'and of funding'], [30, '3'], [68, 'Medium']]),
    pad([[0, 'for the service'], [44, 'for older people']]),
    pad([[0, 'Home care providers leave'], [30, '2'], [44, '4 Fewer care hours'], [68, '8 Medium'], [80, 'Market support fund']]),
    pad([[0, 'the area for other work'], [44, 'at home']]),
    pad([[0, 'in the towns']]),
    '',
    '',
    '5) Next steps',
  ];

  it('keeps the score and its rating in one row', () => {
    const risks = risksOf(lines);
    expect(risks.map((r) => [r.description.split(' ').slice(0, 3).join(' '), r.likelihood, r.score, r.rating])).toEqual([
      ['Partners cannot agree', 4, 20, 'high'],
      ['Falls services close', 3, 12, 'medium'],
      ['Home care providers', 2, 8, 'medium'],
    ]);
  });
});
