// The 2014 original risk log ("Risk | Risk rating | Mitigating Actions") in raw pdftotext of a retypeset or
// rule-less log (failure class 7 of ../shared/spec/tables.md): a row whose rating is printed at its top comes out
// rating first, and its text cells may follow out of column order, the actions before the risk. Wording says which
// is which (src/fields/risks/cellWording.ts). Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import { readsAsAction, riskCellByWording } from '../src/fields/risks/cellWording.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

const HEADER = ['Risk', '', 'Risk', 'rating', '', 'Mitigating Actions', ''];

const risksOf = (lines: string[]) =>
  extractRisks(extractText([...HEADER, ...lines].join('\n'), 'txt'), noSections).value.map((r) => [r.description, r.rating, r.mitigation]);

const FIRST_ROWS = [
  'Partners cannot release the',
  'planned share of their budgets',
  '',
  'High',
  '',
  'Phased transfer agreed by the',
  'programme board, reviewed monthly',
  '',
];
const FIRST = ['Partners cannot release the planned share of their budgets', 'high', 'Phased transfer agreed by the programme board, reviewed monthly'];

describe('risk log read raw: a row\'s cells out of column order', () => {
  it('the last row\'s rating, then its actions, then its risk: the actions stay actions', () => {
    const risks = risksOf([
      ...FIRST_ROWS,
      'Low',
      '',
      'Strong approach to programme',
      'assurance, with a shared tracker',
      'for every scheme.',
      '',
      'Slow progress on the schemes may',
      'leave the targets unmet.',
      '',
      '',
    ]);
    expect(risks).toEqual([
      FIRST,
      ['Slow progress on the schemes may leave the targets unmet.', 'low', 'Strong approach to programme assurance, with a shared tracker for every scheme.'],
    ]);
  });

  it('a row in column order after its rating is left as it is, whatever its actions say', () => {
    const risks = risksOf([
      ...FIRST_ROWS,
      'Low',
      '',
      'Care homes cannot fill the',
      'new step-down beds',
      '',
      'Providers will be offered',
      'longer contracts',
      '',
    ]);
    expect(risks).toEqual([FIRST, ['Care homes cannot fill the new step-down beds', 'low', 'Providers will be offered longer contracts']]);
  });

  it('a row\'s two cells interleaved, the next risk run into the group\'s end; that risk\'s rest printed after its actions, the next row rating first', () => {
    const risks = risksOf([
      ...FIRST_ROWS,
      'Joint brokerage with the independent sector to',
      'Care homes cannot take the',
      'match placements to need. Weekly calls',
      'discharges the hospital plans each week',
      'High with every provider on the list of',
      'for the winter months, leaving',
      'vacancies, fees and the',
      'patients waiting',
      'beds still free',
      'Transport for discharges may',
      'not keep pace, so patients',
      'cannot',
      '',
      'Low',
      '',
      'Shared transport contract with two',
      'providers, reviewed each quarter',
      '',
      'leave the ward on time',
      '',
      'Medium',
      '',
      'Providers may leave the',
      'market within the year',
      '',
      'Market review with the council',
      'and the two largest providers',
      '',
    ]);
    expect(risks).toEqual([
      FIRST,
      [
        'Care homes cannot take the discharges the hospital plans each week for the winter months, leaving patients waiting',
        'high',
        'Joint brokerage with the independent sector to match placements to need. Weekly calls with every provider on the list of vacancies, fees and the beds still free',
      ],
      ['Transport for discharges may not keep pace, so patients cannot leave the ward on time', 'low', 'Shared transport contract with two providers, reviewed each quarter'],
      ['Providers may leave the market within the year', 'medium', 'Market review with the council and the two largest providers'],
    ]);
  });

  it('wording: actions open as an instruction or a means; a risk is a clause; anything else tells nothing', () => {
    expect(readsAsAction('Review the pooled budget each quarter')).toBe(true);
    expect(readsAsAction('Quarterly checks by the board')).toBe(true);
    expect(readsAsAction('Protocols already in place for discharge')).toBe(true);
    expect(readsAsAction('Work pressures mean staff leave')).toBe(false);
    expect(riskCellByWording('Demand for beds may exceed the plan')).toBe('description');
    expect(riskCellByWording('Joint governance arrangements')).toBe(null);
  });
});
