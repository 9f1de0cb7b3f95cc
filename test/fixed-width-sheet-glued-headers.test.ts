// The 2014 Part 2 finance summary (../shared/spec/tables.md) printed by a spreadsheet to PDF without gridlines,
// then pdftotext -layout: each header is clipped where the next cell is filled, so the headers run together with
// no gap ("Holds the pooleSpending on BCF sch") and the fixed-width reader takes them for one cell over the empty
// cells right of it. Cut apart where each declared header starts, the amounts get their own columns' years and
// kinds again. Organisations and figures are made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractBudgets } from '../src/fields/budgets/index.js';
import { documentTables } from '../src/fields/common/documentTables.js';
import { loadTemplates } from '../src/segment/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { rebuildTables } from '../src/tables/index.js';

const template = loadTemplates().find((t) => t.id === 'bcf-2014-original')!;
const seg: Segmentation = { template: template.id, sections: [], flags: [] };

const SHEET = `Finance - Summary

Organisation                                          Holds the pooleSpending on BCF sch Minimum contributioActual contribution (
Eastmere District Council                             Y                       £1,230,000         £1,105,000           £1,605,000
NHS Eastmere CCG                                      N                       £2,470,000         £9,816,000          £10,216,000
BCF Total                                                                    £3,700,000        £10,921,000          £11,821,000
`;

describe('sheet headers run together at their clipped edges (pdftotext -layout)', () => {
  it('reads each amount under its own declared column', () => {
    const doc = extractText(SHEET, 'txt');
    const rebuilt = rebuildTables(doc, seg, template);
    const got = extractBudgets(doc, seg, documentTables(doc, rebuilt)).value.map((b) => `${b.kind} ${b.year} ${b.amountGbp}`);
    expect(got.sort()).toEqual(
      [
        'other 2014-15 1230000',
        'other 2015-16 1105000',
        'other 2015-16 1605000',
        'other 2014-15 2470000',
        'nhs_minimum_contribution 2015-16 9816000',
        'other 2015-16 10216000',
        'other 2014-15 3700000',
        'minimum_pooled_budget 2015-16 10921000',
        'total_pooled_budget 2015-16 11821000',
      ].sort(),
    );
  });
});

// The contingency table under it: the header line ("2015/16", "Ongoing", centred over right-aligned figures) has
// nothing in the label column, so the fixed-width reader joins it to the first data line, and places each header a
// cell left of its figures.
const CONTINGENCY = `Contingency plan                                                       2015/16                Ongoing
                                                      Planned savings (i           £310,000               £420,000
Reduction in permanent residential admissions         Maximum support n            £155,000               £210,000
                                                      Planned savings (i            £88,000               £116,000
Increased effectiveness of reablement                 Maximum support n             £44,000                £58,000
`;

describe('sheet contingency header joined to its first row (pdftotext -layout)', () => {
  it('reads every row, each figure under its own year', () => {
    const doc = extractText(CONTINGENCY, 'txt');
    const rebuilt = rebuildTables(doc, seg, template);
    const got = extractBudgets(doc, seg, documentTables(doc, rebuilt)).value.map((b) => `${b.year} ${b.amountGbp}`);
    expect(got.sort()).toEqual(
      ['2015-16 310000', 'null 420000', '2015-16 155000', 'null 210000', '2015-16 88000', 'null 116000', '2015-16 44000', 'null 58000'].sort(),
    );
  });
});
