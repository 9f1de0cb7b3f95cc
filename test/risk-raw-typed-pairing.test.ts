// The 2014 revised risk log read raw by content (typedLog.ts), wrapped otherwise than the shared stream
// (test/revised-risk-log-raw.ts): the header's guidance run into the first row, a score and a cut rating glued to a
// neighbour's line, a cell's rest read cells later, a risk with no figures of its own among the rows (failure classes
// 3 and 7 of ../shared/spec/tables.md). Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { edited, REVISED_LOG_RAW, REVISED_RISKS, scoredRisksOf } from './revised-risk-log-raw.js';

describe('2014 revised risk log read raw by content: another wrapping', () => {
  it('the guidance run into the first row\'s risk with no blank line between: the risk and its likelihood are read', () => {
    // The first rows' risks, read right after the header's first cell, come out after the guidance instead.
    const risksAt = REVISED_LOG_RAW.indexOf('Care homes in the area do not');
    const firstRisks = REVISED_LOG_RAW.slice(risksAt, REVISED_LOG_RAW.indexOf('', risksAt));
    const withoutThem = edited(REVISED_LOG_RAW, 'Care homes in the area do not', 0, firstRisks.length + 1, []);
    const stream = edited(withoutThem, 'likely', 1, 0, firstRisks);
    expect(scoredRisksOf(stream)).toEqual(REVISED_RISKS);
  });

  it('a score printed at the end of an impact\'s line, its cut rating at the end of the next and the rest below', () => {
    const glued = edited(edited(REVISED_LOG_RAW, '12', 0, 4, []), '4 Community teams cannot', 0, 2, ['4 Community teams cannot 12', 'be staffed this year Mediu', 'm']);
    expect(scoredRisksOf(glued)).toEqual(REVISED_RISKS);
  });

  it('a risk\'s rest read cells later, closing the parenthesis the risk left open, is that risk\'s text', () => {
    const cut = edited(REVISED_LOG_RAW, 'budget for the community', 0, 2, ['budget (for the community']);
    const rest = edited(cut, 'Mitigating Actions', 0, 0, ['Ward teams) cannot be', 'agreed in time', '']);
    expect(scoredRisksOf(rest)).toEqual([
      REVISED_RISKS[0],
      ['Partners cannot agree a shared budget (for the community Ward teams) cannot be agreed in time', 3, 4, 12, 'medium'],
      REVISED_RISKS[2],
    ]);
  });

  it('a risk with no figures among the rows takes none of the next risk\'s: that risk\'s figures follow it', () => {
    const extra = edited(REVISED_LOG_RAW, 'Demand for adult', 0, 0, ['', 'Staff turnover will rise', 'across the providers', 'this winter', '', 'Monthly review of pay', 'with the providers', '']);
    expect(scoredRisksOf(extra)).toEqual([...REVISED_RISKS.slice(0, 2), ['Staff turnover will rise across the providers this winter', null, null, null, null], REVISED_RISKS[2]]);
  });
});
