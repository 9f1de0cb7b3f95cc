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

const PROSE = [
  'Risk log Please provide details of the most important risks and your plans to mitigate them.',
  'The log below is kept at a high level: each scheme in the plan keeps its own risk register, reviewed',
  'by the joint programme board every month, and risks are escalated to the board by exception.',
];

const HEADER_CELLS = [
  'There is a risk that:',
  '',
  'Potential impact',
  '',
  'Overall',
  'risk factor',
  '',
  'Please rate',
  'on a scale of',
  '1-5 with 1',
  'being very',
  'unlikely and 5',
  'being very',
  'likely',
  '',
];

const scoredRisksOf = (lines: string[]) =>
  extractRisks(extractText(lines.join('\n'), 'txt'), noSections).value.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating]);

const REVISED_RISKS = [
  ['Care homes in the area do not take part in the new discharge scheme at the pace the plan assumes', 4, 5, 20, 'high'],
  ['Partners cannot agree a shared budget for the community teams', 3, 4, 12, 'medium'],
  ['Demand for adult social care will outstrip the', 4, 5, 20, 'high'],
];

describe('2014 revised risk log read raw by content: lines another wrapping brings', () => {
  it('an action\'s short line holding a role word and a sentence end ("reduce impact. Ongoing") is its text, not a header cell', () => {
    expect(
      scoredRisksOf([
      ...PROSE,
      'There is a risk that:',
      '',
      'Care homes in the area do not',
      'take part in the new discharge',
      'scheme at the pace the plan',
      'assumes',
      'Partners cannot agree a shared',
      'budget for the community',
      'teams',
      '',
      ...HEADER_CELLS,
      '4',
      '',
      '5 Delayed discharges rise',
      'and beds stay full through',
      'the winter',
      '',
      '3',
      '',
      '4 Community teams cannot',
      'be staffed',
      '',
      'How likely',
      'is the risk',
      'to',
      'materialise',
      '?',
      '',
      'resulting in longer waits',
      'for home care packages',
      'and more readmissions',
      'to hospital',
      'Demand for adult',
      'social care will',
      'outstrip the',
      '',
      'How likely is',
      'the risk to',
      'materialise?',
      '',
      '4',
      '',
      '5 Pressure on the council',
      'budget.',
      '',
      '20 High',
      '',
      'Weekly review of discharge',
      'figures at the joint board and',
      'the urgent care board will',
      'track progress',
      '',
      '12',
      'Mediu',
      'm',
      '',
      'Current consultation with',
      'partners on how to',
      'reduce impact. Ongoing',
      'work with the board so',
      'that there are funds',
      '',
      'Mitigating Actions',
      '',
      'Mitigating Actions',
      '',
      'Monthly review by the care',
      'board, which agreed to fund',
      '20',
      'High',
      '',
      'funding set aside for it.',
      ]),
    ).toEqual(REVISED_RISKS);
  });

  it('the header\'s first cell printed again at the head of a group ("There is a risk that:" / "resulting in …") is no risk', () => {
    expect(
      scoredRisksOf([
      ...PROSE,
      'There is a risk that:',
      '',
      'Care homes in the area do not',
      'take part in the new discharge',
      'scheme at the pace the plan',
      'assumes',
      'Partners cannot agree a shared',
      'budget for the community',
      'teams',
      '',
      ...HEADER_CELLS,
      '4',
      '',
      '5 Delayed discharges rise',
      'and beds stay full through',
      'the winter',
      '',
      '3',
      '',
      '4 Community teams cannot',
      'be staffed',
      '',
      'How likely',
      'is the risk',
      'to',
      'materialise',
      '?',
      '',
      'There is a risk that:',
      'resulting in longer waits',
      'for home care packages',
      'and more readmissions',
      'to hospital',
      'Demand for adult',
      'social care will',
      'outstrip the',
      '',
      'How likely is',
      'the risk to',
      'materialise?',
      '',
      '4',
      '',
      '5 Pressure on the council',
      'budget.',
      '',
      '20 High',
      '',
      'Weekly review of discharge',
      'figures at the joint board and',
      'the urgent care board will',
      'track progress',
      '',
      '12',
      'Mediu',
      'm',
      '',
      'Joint board agreeing a',
      'pooled budget with the',
      'partners by the spring.',
      '',
      'Mitigating Actions',
      '',
      'Mitigating Actions',
      '',
      'Monthly review by the care',
      'board, which agreed to fund',
      '20',
      'High',
      '',
      'funding set aside for it.',
      ]),
    ).toEqual(REVISED_RISKS);
  });
});
