// The 2014 Part 2 sheets (../shared/spec/tables.md) printed without gridlines, then pdftotext -layout. A sheet
// right-aligns its amounts under left-aligned headers, so:
// - a sparse amount column (the non-recurrent spend: one scheme and the total) starts, by its figures, right of
//   where its header starts; the header was read into the column before and the amounts had no year or kind;
// - an amount shifted left in its cell comes one space after the amount before it ("£4,200,000 £16,730,000") and
//   the two read as one cell.
// Organisations, schemes and figures are made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractBudgets } from '../src/fields/budgets/index.js';
import { documentTables } from '../src/fields/common/documentTables.js';
import { loadTemplates } from '../src/segment/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { rebuildTables } from '../src/tables/index.js';

const template = loadTemplates().find((t) => t.id === 'bcf-2014-original')!;
const seg: Segmentation = { template: template.id, sections: [], flags: [] };

function budgets(text: string): string[] {
  const doc = extractText(text, 'txt');
  return extractBudgets(doc, seg, documentTables(doc, rebuildTables(doc, seg, template)))
    .value.map((b) => `${b.kind} ${b.year} ${b.scheme ?? '-'} ${b.amountGbp}`)
    .sort();
}

const SCHEMES = `BCF Planning Template
Please list the individual schemes on which you plan to spend the Better Care Fund, including any investment in 2014/15. Please expand the table if necessary.

                                                                                2014/15 spend                2014/15 benefits            2015/16 spend                2015/16 benefits
BCF Investment                               Lead provider                      Recurrent      Non-recurrent Recurrent     Non-recurrent Recurrent      Non-recurrent Recurrent      Non-recurrent
Oakvale Step Down Beds                       Oakvale Community Trust                  £610,000                                               £2,150,000
Oakvale Falls Service                        NHS Oakvale CCG                          £330,000                   -£90,000                    £1,260,000                    -£210,000
Oakvale Equipment and Adaptations            Oakvale Borough Council                                £540,000                                                 £605,000
Total                                                                                 £940,000      £540,000      -£90,000                   £3,410,000      £605,000      -£210,000
`;

const SUMMARY = `Finance - Summary

Organisation                                          Holds the pooleSpending on BCF sch Minimum contributio  Actual contribution (
Oakvale Borough Council                               Y                       £1,610,000           £1,402,000           £1,902,000
NHS Oakvale CCG                                       N                       £4,200,000 £16,730,000                   £17,030,000
BCF Total                                                                    £5,810,000         £18,132,000           £18,932,000
`;

describe('amount columns of a sheet printed without gridlines (pdftotext -layout)', () => {
  it('gives a sparse non-recurrent column its header, year and kind', () => {
    const got = budgets(SCHEMES).filter((b) => b.startsWith('scheme_spend'));
    expect(got).toContain('scheme_spend 2014-15 Oakvale Equipment and Adaptations 540000');
    expect(got).toContain('scheme_spend 2015-16 Oakvale Equipment and Adaptations 605000');
    expect(got).toContain('scheme_spend 2015-16 Oakvale Step Down Beds 2150000');
  });

  it('cuts two amounts one space apart into their two columns', () => {
    expect(budgets(SUMMARY)).toContain('nhs_minimum_contribution 2015-16 - 16730000');
  });
});
