// Failure class 4 of ../shared/spec/tables.md (numbers broken), as pdftotext -layout writes a table whose columns are
// too narrow for its amounts (large type): the last digits of an amount on a line below it, under the amount, with
// other columns' lines between. Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { rejoinCutFigures, rejoinCutPercents } from '../src/extract/text/cutFigures.js';
import { extractText } from '../src/extract/text/index.js';
import { pad } from './fixed-width-lines.js';

describe('amounts cut at a narrow cell edge in laid-out text', () => {
  it('an amount and its digits each a fragment of their own are left to the table reader (it knows the cell spans both lines)', () => {
    const lines = [pad([[0, 'Contribution'], [40, '£14,306,52']]), pad([[0, 'Eastvale Council']]), pad([[40, '7']])];
    expect(rejoinCutFigures(lines)).toEqual(lines);
  });

  it('digits one space from the next column go back onto their amount, other columns staying in place', () => {
    const lines = [pad([[0, 'Home care'], [30, 'LA'], [40, '£14,306,52'], [53, 'New']]), pad([[0, 'hours']]), pad([[40, '7'], [42, 'g']])];
    expect(rejoinCutFigures(lines)).toEqual([pad([[0, 'Home care'], [30, 'LA'], [40, '£14,306,527'], [53, 'New']]), 'hours', pad([[42, 'g']])]);
  });

  it('an amount one space before the next column moves left into its own spaces; that column does not move', () => {
    const lines = [
      pad([[0, 'Falls response'], [30, 'NHS'], [52, '£2,418,6'], [61, 'Existin']]),
      pad([[0, 'team'], [30, 'Contributi']]),
      pad([[30, 'on'], [52, '07'], [61, 'g']]),
    ];
    const out = rejoinCutFigures(lines);
    expect(out[0]).toBe(pad([[0, 'Falls response'], [30, 'NHS'], [50, '£2,418,607'], [61, 'Existin']]));
    expect(out[2]).toBe(pad([[30, 'on'], [61, 'g']]));
  });

  it('leaves digits that do not complete the group, digits under other text, and amounts already whole', () => {
    const wrongLength = [pad([[0, 'Total'], [40, '£3,120,5']]), pad([[40, '7']])];
    expect(rejoinCutFigures(wrongLength)).toEqual(wrongLength);
    const blocked = [pad([[0, 'Total'], [40, '£3,120,5']]), pad([[38, 'Contribution']]), pad([[40, '75']])];
    expect(rejoinCutFigures(blocked)).toEqual(blocked);
    const whole = [pad([[0, 'Total'], [40, '£3,120,575']]), pad([[40, '12']])];
    expect(rejoinCutFigures(whole)).toEqual(whole);
    // Not from the next page.
    const paged = [pad([[0, 'Total'], [40, '£3,120,5']]), pad([[40, '75']])];
    expect(rejoinCutFigures(paged, (i) => i + 1)).toEqual(paged);
  });

  it('a spending plan of large type reads each amount whole, though the next column follows it one space on', () => {
    const text = [
      'Spending Plan',
      '',
      pad([[0, 'Scheme'], [16, 'Area of'], [30, 'Source of'], [50, 'Expenditure'], [62, 'New/']]),
      pad([[0, 'Name'], [16, 'Spend'], [30, 'Funding'], [50, '(£)'], [62, 'Existing']]),
      pad([[0, 'Falls response'], [16, 'Community'], [30, 'Minimum NHS'], [50, '£2,418,6'], [59, 'Existin']]),
      pad([[0, 'team'], [16, 'Health'], [30, 'Contributi']]),
      pad([[30, 'on'], [50, '07'], [59, 'g']]),
      pad([[0, 'Home adaptations'], [16, 'Social Care'], [30, 'DFG'], [50, '£1,150,2'], [59, 'Existin']]),
      pad([[50, '19'], [59, 'g']]),
      pad([[0, 'Night sitting'], [16, 'Social Care'], [30, 'iBCF'], [50, '£98,310'], [59, 'New']]),
      '',
      '',
      'Next section',
    ].join('\n');
    const doc = extractText(text, 'txt');
    const cells = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.text)) : [b.text]));
    const amounts = cells.join('\n').match(/£[\d,]+/g);
    expect(amounts).toEqual(['£2,418,607', '£1,150,219', '£98,310']);
  });
});

describe('percentages whose sign wrapped under the number in laid-out text', () => {
  it('the sign goes back onto the number, on the line between the two where that line is free there', () => {
    const lines = [
      pad([[0, 'Proportion of'], [40, '76.5']]),
      pad([[0, 'older people'], [20, 'Annual (%)'], [32, '76.4%'], [48, '80.5%']]),
      pad([[0, 'at home'], [40, '%']]),
    ];
    expect(rejoinCutPercents(lines)).toEqual(['Proportion of', pad([[0, 'older people'], [20, 'Annual (%)'], [32, '76.4%'], [40, '76.5%'], [48, '80.5%']]), 'at home']);
  });

  it('on the number\'s line when the sign is on the next line', () => {
    expect(rejoinCutPercents([pad([[0, 'Annual'], [20, '82.5']]), pad([[20, '%']])])).toEqual([pad([[0, 'Annual'], [20, '82.5%']]), '']);
  });

  it('leaves numbers one space apart, a sign under other text, and numbers with no sign under them', () => {
    const run = [pad([[0, 'Quarter'], [20, '93.0 92.5 93.2']]), pad([[20, '%    %    %']])];
    expect(rejoinCutPercents(run)).toEqual(run);
    const blocked = [pad([[0, 'Annual'], [20, '82.5']]), pad([[18, 'rate %']])];
    expect(rejoinCutPercents(blocked)).toEqual(blocked);
    const none = [pad([[0, 'Annual'], [20, '82.5']]), pad([[20, 'Numerator']])];
    expect(rejoinCutPercents(none)).toEqual(none);
  });

  it('a reablement row of metric values reads each value with its sign, on the row\'s line', () => {
    const text = [
      'Reablement',
      '',
      pad([[26, '2020-21'], [38, '2021-22'], [50, '2021-22'], [62, '2022-23']]),
      pad([[26, 'Actual'], [38, 'Plan'], [50, 'estimated'], [62, 'Plan']]),
      pad([[0, 'Proportion of older'], [38, '79.0']]),
      pad([[0, 'people at home'], [26, '76.1%'], [50, '80.2%'], [62, '82.0%']]),
      pad([[0, 'after discharge'], [38, '%']]),
      pad([[0, 'Numerator'], [26, '204'], [38, '711'], [50, '754'], [62, '790']]),
      pad([[0, 'Denominator'], [26, '268'], [38, '900'], [50, '940'], [62, '963']]),
      '',
      '',
      'Next section',
    ].join('\n');
    const doc = extractText(text, 'txt');
    // The row holding the first value holds the others, each in its own column and with its sign.
    const rows = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r.cells.map((c) => c.text.split('\n').pop())) : []));
    expect(rows.find((r) => r.includes('76.1%'))?.slice(1)).toEqual(['76.1%', '79.0%', '80.2%', '82.0%']);
  });
});
