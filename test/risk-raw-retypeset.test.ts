// Risk logs in raw pdftotext (no -layout) of a PDF retypeset with other type sizes or page shapes, so every cell
// wraps somewhere else (failure classes 3 and 7 of ../shared/spec/tables.md). The 2014 original log's shape
// ("Risk | Risk rating | Mitigating Actions"); every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { edited, REVISED_LOG_RAW, REVISED_RISKS, scoredRisksOf } from './revised-risk-log-raw.js';

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
      ...ROWS.slice(0, ROWS.indexOf('Recruitment of care workers falls')),
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

describe('2014 revised risk log read raw by content: lines another wrapping brings', () => {
  it('an action\'s short line holding a role word and a sentence end ("reduce impact. Weekly") is its text, not a header cell', () => {
    const wrappedOtherwise = edited(REVISED_LOG_RAW, 'Joint board agreeing a', 0, 3, [
      'Current consultation with',
      'partners on how to',
      'reduce impact. Weekly',
      'work with the board so',
      'that there are funds',
    ]);
    expect(scoredRisksOf(wrappedOtherwise)).toEqual(REVISED_RISKS);
  });

  it('the header\'s first cell printed again at the head of a group ("There is a risk that:" / "resulting in …") is no risk', () => {
    expect(scoredRisksOf(edited(REVISED_LOG_RAW, 'resulting in longer waits', 0, 0, ['There is a risk that:']))).toEqual(REVISED_RISKS);
  });

  it('header cells printed again at the head of a group, a wrapped "Overall" among them, then a cell\'s rest: no risk', () => {
    const overall = edited(REVISED_LOG_RAW, 'partners by the spring.', 2, 0, ['Overall']);
    const printedAgain = edited(overall, 'partners by the spring.', 4, 2, ['risk factor', 'engaged in the plans and have a strong', 'voice from the care providers']);
    expect(scoredRisksOf(printedAgain)).toEqual(REVISED_RISKS);
  });
});
