// The 2014 revised risk log read raw by content (typedLog.ts), its cells cut otherwise than the shared stream
// (test/revised-risk-log-raw.ts): the rest of a cut impact after the header printed again on the next page, a risk
// cell halved by its own likelihood, a cut word's rest before the next risk, a topic's description read cells later
// (failure classes 1 and 7 of ../shared/spec/tables.md). Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { edited, REVISED_LOG_RAW, REVISED_RISKS, scoredRisksOf } from './revised-risk-log-raw.js';

describe('2014 revised risk log read raw by content: the rests of cut cells', () => {
  it('the rest of an impact left open, printed after the header repeated on the next page, is no risk', () => {
    const open = edited(REVISED_LOG_RAW, 'be staffed', 0, 1, ['be staffed in time, so:']);
    const repeated = edited(open, 'How likely', 0, 0, ['There is a risk that:', '']);
    const rest = edited(repeated, 'to hospital', 1, 0, ['', 'Agency cover will cost', 'the partners more this', 'year.', '']);
    expect(scoredRisksOf(rest)).toEqual(REVISED_RISKS);
  });

  it('a risk cell halved by its own likelihood, printed as a group of its own between the halves, is one risk', () => {
    const halved = edited(REVISED_LOG_RAW, 'Demand for adult', 0, 1, ['', 'Demand for adult', '', '4', '']);
    const withoutLater = edited(halved, 'materialise?', 2, 1, []);
    expect(scoredRisksOf(withoutLater)).toEqual(REVISED_RISKS);
  });

  it("a cut word's rest ending a narrow risk cell, the next risk's long first word after it: two risks", () => {
    const narrow = edited(REVISED_LOG_RAW, 'Care homes in the area do not', 0, 7, [
      'Care homes in the',
      'area do not join',
      'the new discharge and',
      'reablement acti',
      'on',
      'Partners/Providers',
      'cannot agree a',
      'shared budget',
    ]);
    expect(scoredRisksOf(narrow)).toEqual([
      ['Care homes in the area do not join the new discharge and reablement acti on', 4, 5, 20, 'high'],
      ['Partners/Providers cannot agree a shared budget', 3, 4, 12, 'medium'],
      REVISED_RISKS[2],
    ]);
  });

  it("a topic run into the cell above, its description cut after a word and read after another row's cells", () => {
    const topic = edited(REVISED_LOG_RAW, 'Demand for adult', 0, 3, ['Home Care: Rising']);
    const rest = edited(topic, 'track progress', 1, 0, ['', 'demand will outstrip', 'the visits funded']);
    expect(scoredRisksOf(rest)).toEqual([...REVISED_RISKS.slice(0, 2), ['Home Care: Rising demand will outstrip the visits funded', 4, 5, 20, 'high']]);
  });
});
