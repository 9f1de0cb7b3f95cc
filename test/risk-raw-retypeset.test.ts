// Risk logs in raw pdftotext (no -layout) of a PDF retypeset with other type sizes or page shapes, so every cell
// wraps somewhere else (failure classes 3 and 7 of ../shared/spec/tables.md). The 2014 original log's shape
// ("Risk | Risk rating | Mitigating Actions"); every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

const risksOf = (lines: string[]) =>
  extractRisks(extractText(lines.join('\n'), 'txt'), noSections).value.map((r) => [r.description, r.rating, r.mitigation]);

const ROWS = [
  'Partners cannot release the',
  'planned share of their budgets',
  '',
  'High',
  '',
  'Phased transfer agreed by the',
  'programme board, reviewed monthly',
  '',
  'Recruitment of care workers falls',
  'short of the levels the plan assumes',
  '',
  'Low',
  '',
  'Joint recruitment campaign with',
  'local colleges and providers',
  '',
];

describe('2014 original risk log read raw: a narrow header cell wrapped beside its neighbour', () => {
  it('"Risk" / "ratin Mitigating Actions" / "g": the rating header cut at its edge shares a line with the actions header', () => {
    const risks = risksOf([
      'The partners keep one log for the plan, reviewed by the board.',
      'Risk',
      '',
      'Risk',
      'ratin Mitigating Actions',
      'g',
      '',
      ...ROWS,
    ]);
    expect(risks).toEqual([
      ['Partners cannot release the planned share of their budgets', 'high', 'Phased transfer agreed by the programme board, reviewed monthly'],
      ['Recruitment of care workers falls short of the levels the plan assumes', 'low', 'Joint recruitment campaign with local colleges and providers'],
    ]);
  });

  it('a header cell read whole is not split: prose naming two roles is no header', () => {
    const risks = risksOf([
      'The partners keep one log for the plan, reviewed by the board.',
      'Risk',
      '',
      'The board reviews every risk',
      'monthly Actions are agreed',
      '',
      ...ROWS,
    ]);
    expect(risks).toEqual([]);
  });
});

describe('2014 original risk log read raw: a rating printed below its row\'s text', () => {
  it('the rating after the row\'s actions goes back to its row; the next row\'s rating and actions stay its own', () => {
    const risks = risksOf([
      'Risk',
      '',
      'Risk',
      'rating',
      '',
      'Mitigating Actions',
      '',
      'Partners cannot release the',
      'planned share of their budgets',
      '',
      'High',
      '',
      'Phased transfer agreed by the',
      'programme board, reviewed monthly',
      '',
      'Delays to the new county hospital',
      'wing shift demand onto the',
      'community services',
      '',
      'Staged investment in community',
      'teams with shared targets and',
      'monthly reviews with the board',
      '',
      'Medium',
      '',
      'Recruitment of care workers falls',
      'short of the levels the plan assumes',
      '',
      'High',
      '',
      'Joint recruitment campaign with',
      'local colleges and providers',
      '',
    ]);
    expect(risks).toEqual([
      ['Partners cannot release the planned share of their budgets', 'high', 'Phased transfer agreed by the programme board, reviewed monthly'],
      ['Delays to the new county hospital wing shift demand onto the community services', 'medium', 'Staged investment in community teams with shared targets and monthly reviews with the board'],
      ['Recruitment of care workers falls short of the levels the plan assumes', 'high', 'Joint recruitment campaign with local colleges and providers'],
    ]);
  });
});
