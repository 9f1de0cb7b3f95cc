import { describe, expect, it } from 'vitest';
import { findMoney, moneyRangeIn, parseMoney, unitScaleOf } from '../src/fields/budgets/money.js';
import { findYears, isYearOnly, normaliseYear, singleYear } from '../src/text/years.js';

const amount = (text: string, opts?: Parameters<typeof parseMoney>[1]) => parseMoney(text, opts)?.amountGbp ?? null;

describe('parseMoney', () => {
  it('reads plain pound figures and keeps the text as written', () => {
    expect(parseMoney('£812,000')).toEqual({ amountGbp: 812000, text: '£812,000' });
    expect(parseMoney('£0')).toEqual({ amountGbp: 0, text: '£0' });
    expect(amount('£ 1,234.56')).toBe(1235);
  });

  it('scales m / k / million suffixes to whole pounds', () => {
    expect(amount('£19.3m')).toBe(19_300_000);
    expect(amount('£1.625m')).toBe(1_625_000);
    expect(amount('£2.226m')).toBe(2_226_000);
    expect(parseMoney('c£350K')).toEqual({ amountGbp: 350_000, text: 'c£350K' });
    expect(amount('circa £2 million')).toBe(2_000_000);
    expect(amount('£200k on carers')).toBe(200_000);
  });

  it('accepts comma-grouped figures without £', () => {
    expect(amount('20,004,000')).toBe(20_004_000);
  });

  it('reads bracketed and minus-signed negatives', () => {
    expect(parseMoney('(1,200)')).toEqual({ amountGbp: -1200, text: '(1,200)' });
    expect(amount('(£1,200)')).toBe(-1200);
    expect(amount('-129,506')).toBe(-129_506);
    expect(amount('£-5,000')).toBe(-5000);
    // A dash used as a separator is not a minus sign.
    expect(amount('Disabled Facilities Grant - £1,874,512')).toBe(1_874_512);
  });

  it('reads no amount from an indicative range (tables.md, class 4), and says a range is there', () => {
    expect(parseMoney('£12-20m programme')).toBeNull();
    expect(findMoney('Indicative £300 - £450k per year')).toEqual([]);
    expect(findMoney('£1m to £2m, then £5,000')).toEqual([{ amountGbp: 5000, text: '£5,000' }]);
    expect(moneyRangeIn('Indicative £300 - £450k')).toBe('£300 - £450k');
    // A figure followed by a financial year is a figure, not a range.
    expect(amount('£5,000 - 2014/15')).toBe(5000);
    expect(moneyRangeIn('£5,000 - 2014/15')).toBeNull();
    expect(amount('£0.5m')).toBe(500_000);
  });

  it('applies a column unit such as £000s to every figure, including ones with £', () => {
    expect(amount('£15,843', { unitScale: 1000 })).toBe(15_843_000);
    expect(amount('957', { unitScale: 1000, bare: true })).toBe(957_000);
    // A figure with its own suffix is not scaled again.
    expect(amount('£1.2m', { unitScale: 1000 })).toBe(1_200_000);
  });

  it('joins digits split by a converter (cell wrap, stray space) but not two separate numbers', () => {
    expect(parseMoney('£19,276,00\n0')).toEqual({ amountGbp: 19_276_000, text: '£19,276,00 0' });
    expect(amount('77, 135')).toBe(77_135);
    expect(findMoney('£1,000 2,000').map((m) => m.amountGbp)).toEqual([1000, 2000]);
    expect(amount('£100 200')).toBe(100);
  });

  it('takes the first figure of an annotated value', () => {
    const m = parseMoney('A minimum of £48,316,000 with likely total pooled budget being in excess of £130,000,000');
    expect(m).toEqual({ amountGbp: 48_316_000, text: '£48,316,000' });
  });

  it('does not read percentages, dates, financial years or phone numbers as money', () => {
    for (const t of ['12%', '96.2 %', '2015/16', '2014-15', '18/09/2014', '14.01.15', '2015', '01623 555000', '0300 123 4567', 'Q1 2022', '12 months']) {
      expect(parseMoney(t), t).toBeNull();
    }
    expect(parseMoney('2014/15 (£000s)')).toBeNull(); // a unit, not a figure
    expect(parseMoney("£'000")).toBeNull();
    expect(parseMoney('Contribution (£000)')).toBeNull();
    expect(parseMoney('957')).toBeNull(); // a bare small number is not money outside a money column
  });

  it('finds the figure after a year in the same line', () => {
    expect(parseMoney('2014/15\t£812,000')).toEqual({ amountGbp: 812000, text: '£812,000' });
  });
});

describe('unitScaleOf', () => {
  it('recognises thousand and million units, and plain £ as none', () => {
    expect(unitScaleOf('£000s')).toBe(1000);
    expect(unitScaleOf("Expenditure £'000")).toBe(1000);
    expect(unitScaleOf('£k')).toBe(1000);
    expect(unitScaleOf('2015/16 (£000)')).toBe(1000);
    expect(unitScaleOf('£m')).toBe(1_000_000);
    expect(unitScaleOf('Expenditure (£)')).toBeNull();
  });
});

describe('financial years', () => {
  it('normalises written forms to yyyy-yy', () => {
    expect(normaliseYear('2014/15')).toBe('2014-15');
    expect(normaliseYear('14/15')).toBe('2014-15');
    expect(normaliseYear('2014-15')).toBe('2014-15');
    expect(normaliseYear('2014/2015')).toBe('2014-15');
    expect(normaliseYear('Spending Plan 2022/23')).toBe('2022-23');
    expect(singleYear('BCF Income for Somewhere 2022/23:')).toBe('2022-23');
  });
  it('ignores dates and non-consecutive ranges', () => {
    expect(findYears('18/09/2014')).toEqual([]);
    expect(findYears('Living Well 2013-18')).toEqual([]);
    expect(singleYear('2014/15 and 2015/16')).toBeNull();
  });
  it('knows a year-only cell', () => {
    expect(isYearOnly('2015/16')).toBe(true);
    expect(isYearOnly('2015/16:')).toBe(true);
    expect(isYearOnly('Total 2015/16')).toBe(false);
  });
});
