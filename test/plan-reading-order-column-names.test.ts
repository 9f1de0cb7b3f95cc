// The 2022-23 expenditure table in pdftotext's reading order (no -layout), failure class 7 of
// ../shared/spec/tables.md, on a page read column by column: several rows' options and amounts first, then those
// rows' names and descriptions in turn, the last row's name run into the next row's cells. Every name and figure is
// made up.
import { describe, expect, it } from 'vitest';
import { SPENDING_HEADER, spendOf, wholeRow } from './reading-order-shapes.js';

/** A row's options and amount alone, its name and description printed after. */
const amountOnly = (amount: string) => ['LA', '', 'Local', 'Authority', '', 'Minimum NHS', amount, 'Contribution', '', 'Existing', ''];

/** Three rows' amounts, then the names and descriptions of the first two, then the third's name in the next row. */
const columnPage = (third: string[]) => [
  ...SPENDING_HEADER,
  ...wholeRow('Hoist Servicing', ['Yearly checks of', 'ceiling hoists'], '£15,900'),
  ...amountOnly('£71,300'),
  ...amountOnly('£52,840'),
  ...amountOnly('£18,025'),
  'Village Wardens',
  '',
  'Wardens who call on',
  'people living alone and',
  'keep watch over their',
  'wellbeing through winter',
  '',
  'Lift Assist Team',
  '',
  'A response team that helps',
  'people who have fallen get',
  'back up and checks for injury',
  '',
  'Social Care',
  '',
  ...third,
  '',
  'Visits to people caring for',
  'a relative with memory loss',
  'offering advice and respite',
  '',
  'Charity /',
  'Voluntary',
  '',
  'Minimum NHS',
  'Contribution',
  '',
  '£44,610',
  '',
  'Existing',
  '',
  ...wholeRow('Ramp Fitting', ['Fitting ramps at', 'front doors'], '£9,400'),
];

describe('expenditure table in reading order: a page read column by column', () => {
  it('amounts waiting for names read after them in name and description pairs, one short, take them in turn and the next row name', () => {
    const { spend, names } = spendOf(columnPage(['Evening Befriending Service', 'Memory Carers Visits']));
    expect(spend).toEqual([
      ['Hoist Servicing', 15900],
      ['Village Wardens', 71300],
      ['Lift Assist Team', 52840],
      ['Evening Befriending Service Memory Carers Visits', 18025],
      ['Ramp Fitting', 9400],
    ]);
    // The next row's own name is unread (run into the third's), and its amount is left without one.
    expect(spend.map(([, amount]) => amount)).not.toContain(44610);
    expect(names).not.toContain('Memory Carers Visits');
  });

  it('guard: names as many as the amounts leave the next row its own name and amount', () => {
    // Two amounts only, then two pairs: the counts agree without the next row, which keeps its own.
    const lines = columnPage(['Memory Carers Visits']);
    const third = lines.indexOf('£18,025');
    lines.splice(third - 6, amountOnly('').length);
    const { spend } = spendOf(lines);
    expect(spend).toEqual([
      ['Hoist Servicing', 15900],
      ['Village Wardens', 71300],
      ['Lift Assist Team', 52840],
      ['Memory Carers Visits', 44610],
      ['Ramp Fitting', 9400],
    ]);
  });
});
