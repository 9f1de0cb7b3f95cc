// The 2014 revised risk log ("There is a risk that: | How likely … 1-5 | Potential impact … 1-5 | Overall risk
// factor | Mitigating Actions") printed without rules and read by pdftotext without -layout (failure class 7 of
// ../shared/spec/tables.md): the reader takes each column's cells of a few rows at a time, so the first rows' risks
// come out right after the risk header's first cell (that cell ending the section's prose), before the other header
// cells; the figures, impacts, scores and actions follow column by column; a rating cut at its cell's edge comes out
// as "Mediu" / "m"; and the rest of a risk a page break cut runs into the next row's risk without a blank line.
// Read by what the cells hold (src/fields/risks/typedLog.ts). Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { REVISED_LOG_RAW, REVISED_RISKS, scoredRisksOf } from './revised-risk-log-raw.js';

describe('2014 revised risk log without rules read raw: cells column by column', () => {
  it('the risks before the header\'s other cells, a cut rating, a risk run on after a cut risk\'s rest; actions are no risks', () => {
    expect(scoredRisksOf(REVISED_LOG_RAW)).toEqual(REVISED_RISKS);
  });
});
