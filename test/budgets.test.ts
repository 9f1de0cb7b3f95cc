import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPlan, haveShared, recordYear, SHARED_DIR } from './shared.js';
import { join } from 'node:path';
import { extractDocument } from '../src/extract/index.js';
import { extractBudgets } from '../src/fields/budgets/index.js';
import { buildDocument, type RawBlock } from '../src/model/document.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

const table = (rows: string[][], page: number | null = 1): RawBlock => ({
  kind: 'table',
  page,
  rows: rows.map((cells) => ({ cells: cells.map((text) => ({ text })), page })),
});
const para = (text: string, page: number | null = 1): RawBlock => ({ kind: 'paragraph', text, page });
const heading = (text: string, page: number | null = 1): RawBlock => ({ kind: 'heading', level: 1, text, page });

function budgets(blocks: RawBlock[]) {
  return extractBudgets(buildDocument('docx', 3, blocks), noSections).value;
}
const brief = (b: { kind: string; year: string | null; amountGbp: number; scheme: string | null }) =>
  [b.kind, String(b.year), b.amountGbp, b.scheme ?? ''].join(' ');

describe('plan-details summary', () => {
  it('reads minimum and total rows, the year row beneath inheriting the label', () => {
    const rows = budgets([
      para('a) Summary of Plan'),
      table([
        ['Local Authority', 'Somewhere Council'],
        ['Date submitted:', '14/01/15'],
        ['Minimum required value of BCF pooled budget: 2014/15', '£812,000'],
        ['2015/16', '£19,276,000'],
        ['Total agreed value of pooled budget: 2014/15', '£4,318,000'],
        ['2015/16', '£19,276,000'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual([
      'minimum_pooled_budget 2014-15 812000 ',
      'minimum_pooled_budget 2015-16 19276000 ',
      'total_pooled_budget 2014-15 4318000 ',
      'total_pooled_budget 2015-16 19276000 ',
    ]);
    expect(rows[1].label).toBe('Minimum required value of BCF pooled budget');
    expect(rows[1].text).toBe('£19,276,000');
    expect(rows[1].page).toBe(1);
  });

  it('joins a label split over two rows and takes the first figure of an annotated value', () => {
    const rows = budgets([
      table([
        ['Minimum required value', '2014/15', '£13,500,000'],
        ['of BCF pooled budget', '2015/16', '£48,316,000'],
        ['Total proposed value of', '2014/15', '£13,500,000'],
        ['pooled budget', '2015/16', 'A minimum of £48,316,000 with likely total pooled'],
        ['', '', 'budget being in excess of £130,000,000'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual([
      'minimum_pooled_budget 2014-15 13500000 ',
      'minimum_pooled_budget 2015-16 48316000 ',
      'total_pooled_budget 2014-15 13500000 ',
      'total_pooled_budget 2015-16 48316000 ',
    ]);
    expect(rows[3].text).toBe('A minimum of £48,316,000 with likely total pooled');
  });

  it('reads the year from the figure cell when the converter put them together', () => {
    const rows = budgets([
      table([
        ['Minimum required value of BCF pooled budget:', '2014/15 £812,000'],
        ['', '2015/16 £19,276,000'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual(['minimum_pooled_budget 2014-15 812000 ', 'minimum_pooled_budget 2015-16 19276000 ']);
  });

  it('reads a figure whose digits the converter split across a line break', () => {
    const rows = budgets([table([['Total agreed value of pooled budget:', '2015/16', '£19,276,00\n0']])]);
    expect(rows.map(brief)).toEqual(['total_pooled_budget 2015-16 19276000 ']);
  });

  it('reads the same table when it arrives flattened as tab-separated lines', () => {
    const rows = budgets([
      para('Minimum required value of BCF pooled budget: 2014/15\t£812,000'),
      para('2015/16\t£19,276,000'),
    ]);
    expect(rows.map(brief)).toEqual(['minimum_pooled_budget 2014-15 812000 ', 'minimum_pooled_budget 2015-16 19276000 ']);
  });
});

describe('finance tables', () => {
  it('scales every figure under a £000s column header', () => {
    const rows = budgets([
      para('Summary of contributions'),
      table([
        ['Organisation', '2014/15 (£000s)', '2015/16 (£000s)'],
        ['Somewhere CCG minimum contribution', '15,843', '16,100'],
        ['Total BCF pooled budget', '£20,004', '£21,000'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual([
      'nhs_minimum_contribution 2014-15 15843000 ',
      'nhs_minimum_contribution 2015-16 16100000 ',
      'total_pooled_budget 2014-15 20004000 ',
      'total_pooled_budget 2015-16 21000000 ',
    ]);
  });

  it('records a contributor line and its repeating "Total" line once, and drops an "other" subtotal that repeats a kind', () => {
    const rows = budgets([
      para('BCF Income for Somewhere 2022/23:'),
      table([
        ['Disabled Facilities Grant (DFG)', 'Gross Contribution'],
        ['Somewhere', '£1,874,512'],
        ['Total Minimum LA Contribution (exc iBCF)', '£1,874,512'],
        ['iBCF Contribution', ''],
        ['Somewhere', '£11,630,447'],
        ['Total iBCF Contribution', '£11,630,447'],
        ['NHS Minimum Contribution', ''],
        ['NHS Somewhere ICB', '£17,452,219'],
        ['Total NHS Minimum Contribution', '£17,452,219'],
        ['Total Additional NHS Contribution', '£0'],
        ['Total NHS Contribution', '£17,452,219'],
        ['Total BCF Pooled Budget', '£30,957,178'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual([
      'dfg 2022-23 1874512 ',
      'ibcf 2022-23 11630447 ',
      'nhs_minimum_contribution 2022-23 17452219 ',
      'nhs_additional_contribution 2022-23 0 ',
      'total_pooled_budget 2022-23 30957178 ',
    ]);
    expect(rows[0].label).toBe('Somewhere');
  });

  it('reads bare numbers under a £ column header', () => {
    const rows = budgets([
      table([
        ['Funding', '2015/16 (£)'],
        ['Disabled Facilities Grant', '812'],
        ['Total BCF pooled budget', '19276000'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual(['dfg 2015-16 812 ', 'total_pooled_budget 2015-16 19276000 ']);
  });

  it('dates rows by a title row inside the table', () => {
    const rows = budgets([
      table([
        ['BCF Income for Somewhere 2023-24'],
        ['Disabled Facilities Grant (DFG)', 'Gross Contribution'],
        ['Somewhere', '£1,500,000'],
      ]),
      table([
        ['Spending Plan 2023-24'],
        ['Scheme Name', 'Source of Funding', 'Expenditure (£)'],
        ['Adaptations', 'DFG', '£1,500,000'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual(['scheme_spend 2023-24 1500000 Adaptations', 'dfg 2023-24 1500000 ']);
  });

  it('records an unnamed figure of a finance table as other, once', () => {
    const rows = budgets([
      table([
        ['Funding line', 'Amount'],
        ['Winter pressures grant allocation', '£1,000,000'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual(['other null 1000000 ']);
  });
});

describe('Part 2 finance summary', () => {
  it('reads contributions by organisation per year, kind from the organisation with its column', () => {
    const rows = budgets([
      para('Summary of BCF expenditure and contributions'),
      table([
        ['Organisation', 'Holds the pooled budget? (Y/N)', 'Spending on BCF schemes in 14/15 /£', 'Minimum contribution (15/16) /£', 'Actual contribution (15/16) /£'],
        ['Somewhere County Council', 'Y', '£2,000,000', '', '£3,500,000'],
        ['NHS Somewhere CCG', 'N', '£1,000,000', '£20,000,000', '£21,000,000'],
        ['BCF Total', '', '£3,000,000', '£20,000,000', '£24,500,000'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual([
      'other 2014-15 2000000 ',
      'other 2015-16 3500000 ',
      'other 2014-15 1000000 ',
      'nhs_minimum_contribution 2015-16 20000000 ',
      'other 2015-16 21000000 ',
      'total_pooled_budget 2014-15 3000000 ',
      'minimum_pooled_budget 2015-16 20000000 ',
      'total_pooled_budget 2015-16 24500000 ',
    ]);
  });

  it('reads years from a header band above the column names', () => {
    const rows = budgets([
      table([
        ['', '2014/15', '2015/16'],
        ['Organisation', 'Contribution (£000)', 'Contribution (£000)'],
        ['NHS Somewhere CCG minimum contribution', '1,000', '2,000'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual(['nhs_minimum_contribution 2014-15 1000000 ', 'nhs_minimum_contribution 2015-16 2000000 ']);
  });

  it('scales a row whose label carries the unit, and rows under a unit line', () => {
    const rows = budgets([
      table([
        ['Total pooled budget (£000s)', '2015/16', '19,276'],
        ['All figures £m', ''],
        ['Disabled Facilities Grant', '2015/16', '£1.2'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual(['total_pooled_budget 2015-16 19276000 ', 'dfg 2015-16 1200000 ']);
  });
});

describe('plan-details lines without a table', () => {
  it('reads "label: year figure" lines and the year line beneath, but not a sentence', () => {
    const rows = budgets([
      para('Minimum required value of BCF pooled budget: 2014/15 £812,000'),
      para('2015/16 £19,276,000'),
      para('The total pooled budget will be £20,000,000 in 2015/16.'),
      para('We have agreed a pooled budget of £20m'),
    ]);
    expect(rows.map(brief)).toEqual(['minimum_pooled_budget 2014-15 812000 ', 'minimum_pooled_budget 2015-16 19276000 ']);
  });
});

describe('plan-details lines with the table layout lost', () => {
  it('reads a label a PDF line merge wrapped around its year and figure', () => {
    const rows = budgets([
      para('Minimum required value of 2014/15 £1,200,000 BCF pooled budget:'),
      para('2015/16 £9,800,000'),
      para('Total agreed value of pooled 2014/15 £1,500,000 budget:'),
      para('We shall invest £200k in carers this year.'),
    ]);
    expect(rows.map(brief)).toEqual([
      'minimum_pooled_budget 2014-15 1200000 ',
      'minimum_pooled_budget 2015-16 9800000 ',
      'total_pooled_budget 2014-15 1500000 ',
    ]);
  });

  it('joins a row a PDF without rulings broke into short lines, and digits wrapped onto the next line', () => {
    const rows = budgets([
      para('Date submitted: 14/01/15'),
      para('Minimum required'),
      para('value of BCF'),
      para('pooled budget:'),
      para('2014/15'),
      para('£812,000'),
      para('2015/16 £19,276,00'),
      para('0'),
      para('Total agreed value of pooled budget:'),
      para('2014/15 £4,318,000'),
    ]);
    expect(rows.map(brief)).toEqual([
      'minimum_pooled_budget 2014-15 812000 ',
      'minimum_pooled_budget 2015-16 19276000 ',
      'total_pooled_budget 2014-15 4318000 ',
    ]);
    expect(rows[0].label).toBe('Minimum required value of BCF pooled budget');
  });

  it('rebuilds a label wrapped over lines with its year on the last, and figures cut at the cell edge (raw text, no rulings)', () => {
    // "BCF pooled" starts with a capital but continues "required value of": the row is the minimum, not a total.
    // The cut figures also spread the amounts three lines apart, which must not read as a cell-per-line table.
    const rows = budgets([
      para('Date submitted:'),
      para('14/01/15'),
      para('Minimum'),
      para('required value of'),
      para('BCF pooled'),
      para('budget: 2014/15'),
      para('£734,000'),
      para('2015/16'),
      para('£15,118,000'),
      para('Total agreed value of pooled budget:'),
      para('2014/15'),
      para('£4,902,00'),
      para('0'),
      para('2015/16'),
      para('£15,118,0'),
      para('00'),
      para('b) Authorisation and signoff'),
    ]);
    expect(rows.map(brief)).toEqual([
      'minimum_pooled_budget 2014-15 734000 ',
      'minimum_pooled_budget 2015-16 15118000 ',
      'total_pooled_budget 2014-15 4902000 ',
      'total_pooled_budget 2015-16 15118000 ',
    ]);
    expect(rows[0].label).toBe('Minimum required value of BCF pooled budget');
  });

  it('joins a split label and reads the annotated value line', () => {
    const rows = budgets([
      para('Minimum required value 2014/15 £13,500,000'),
      para('of BCF pooled budget 2015/16 £48,316,000'),
      para('Total proposed value of 2014/15 £13,500,000'),
      para('pooled budget 2015/16 A minimum of £48,316,000 with likely total pooled'),
      para('budget being in excess of £130,000,000'),
    ]);
    expect(rows.map(brief)).toEqual([
      'minimum_pooled_budget 2014-15 13500000 ',
      'minimum_pooled_budget 2015-16 48316000 ',
      'total_pooled_budget 2014-15 13500000 ',
      'total_pooled_budget 2015-16 48316000 ',
    ]);
  });
});

describe('two-year templates', () => {
  it('reads an income table and a spending plan with one column per year', () => {
    const rows = budgets([
      para('BCF Income'),
      table([
        ['Disabled Facilities Grant (DFG)', 'Gross Contribution 2023-24', 'Gross Contribution 2024-25'],
        ['Somewhere', '£2,500,000', '£2,600,000'],
        ['Total BCF Pooled Budget', '£30,000,000', '£31,500,000'],
      ]),
      para('Expenditure'),
      table([
        ['Scheme ID', 'Scheme Name', 'Source of Funding', 'Expenditure for 2023-24 (£)', 'Expenditure for 2024-25 (£)'],
        ['1', 'Home adaptations', 'DFG', '£2,500,000', '£2,600,000'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual([
      'scheme_spend 2023-24 2500000 Home adaptations',
      'scheme_spend 2024-25 2600000 Home adaptations',
      'dfg 2023-24 2500000 ',
      'dfg 2024-25 2600000 ',
      'total_pooled_budget 2023-24 30000000 ',
      'total_pooled_budget 2024-25 31500000 ',
    ]);
  });
});

describe('the plan year', () => {
  it('dates a finance table with no year nearby by the one year the plan\'s headings name', () => {
    const rows = budgets([
      heading('Better Care Fund 2022-23 Planning Template'),
      heading('Narrative plan 2022/23'),
      para('The schemes below were agreed by the board after consultation with providers, carers and the public across the area over several months of joint work, and they build on the services that were already in place before the fund began.'),
      para('Expenditure'),
      table([
        ['Scheme Name', 'Source of Funding', 'Expenditure (£)'],
        ['Carers Support', 'Minimum NHS Contribution', '£642,318'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual(['scheme_spend 2022-23 642318 Carers Support']);
  });

  it("dates an income table with no year column by the template's one financial year, though the plan names others", () => {
    const doc = buildDocument('txt', null, [
      para('Income'),
      para('Planned quarterly values, 2021-22 Q1 to Q4, are in the metrics below; 2023-24 is not yet planned.'),
      table([
        ['Local Authority Additional Contribution', 'Contribution'],
        ['Eastham', '£120,500'],
        ['Total Additional Local Authority Contribution', '£120,500'],
      ]),
    ]);
    const oneYear: Segmentation = { ...noSections, template: 'bcf-2022-23', financialYears: ['2022-23'] };
    const rows = extractBudgets(doc, oneYear).value.map(brief);
    expect(rows).toContain('la_additional_contribution 2022-23 120500 ');
    expect(extractBudgets(doc, noSections).value.map(brief)).toContain('la_additional_contribution null 120500 ');
  });

  it('leaves the year empty when the headings name several years', () => {
    const rows = budgets([
      heading('Plan for 2014/15'),
      heading('Plan for 2015/16'),
      para('The schemes below were agreed by the board after consultation with providers, carers and the public across the area over several months of joint work, and they build on the services that were already in place before the fund began.'),
      para('Expenditure'),
      table([
        ['Scheme Name', 'Source of Funding', 'Expenditure (£)'],
        ['Carers Support', 'CCG', '£642,318'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual(['scheme_spend null 642318 Carers Support']);
  });
});

describe('spending plans', () => {
  it('gives one scheme_spend row per scheme and funding source, year from the heading', () => {
    const rows = budgets([
      para('Spending Plan 2022/23'),
      table([
        ['Scheme Name', 'Brief Description of Scheme', 'Source of Funding', 'Expenditure (£)', 'New/ Existing Scheme'],
        ['Community Equipment', 'Equipment for people at home', 'Minimum NHS Contribution', '£1,486,230', 'Existing'],
        ['Community Equipment', 'Equipment for people at home', 'Additional LA Contribution', '£315,800', 'Existing'],
        ['Carers Support', 'Support to carers', 'Minimum NHS Contribution', '£642,318', 'New'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual([
      'scheme_spend 2022-23 1486230 Community Equipment',
      'scheme_spend 2022-23 315800 Community Equipment',
      'scheme_spend 2022-23 642318 Carers Support',
    ]);
    expect(rows.map((r) => r.source)).toEqual(['Minimum NHS Contribution', 'Additional LA Contribution', 'Minimum NHS Contribution']);
  });

  it('reads a two-row header (years over "Expenditure (£000)")', () => {
    const rows = budgets([
      table([
        ['Scheme', 'Source of funding', '2014/15', '2015/16', 'Benefits'],
        ['', '', 'Expenditure (£000)', 'Expenditure (£000)', ''],
        ['Falls prevention', 'CCG', '120', '240', '£1m savings'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual(['scheme_spend 2014-15 120000 Falls prevention', 'scheme_spend 2015-16 240000 Falls prevention']);
  });

  it('gives one row per year column, finishes a name cut by a page break, restores a dash read as a bullet', () => {
    const doc = buildDocument('pdf', 2, [
      {
        kind: 'table',
        page: 1,
        rows: [
          { cells: ['Scheme', 'Source of funding', '2014/15 expenditure (£000)', '2015/16 expenditure (£000)'].map((text) => ({ text })), page: 1 },
          { cells: ['Out of Hours Care\n• Home First', 'CCG', '5', '5'].map((text) => ({ text })), page: 1 },
          { cells: ['Home First Community', 'CCG', '100', '250'].map((text) => ({ text })), page: 1 },
          { cells: ['Night Service', '', '', ''].map((text) => ({ text })), page: 2, pageBreakBefore: true },
        ],
      },
    ]);
    const rows = extractBudgets(doc, noSections).value;
    expect(rows.map(brief)).toEqual([
      'scheme_spend 2014-15 5000 Out of Hours Care - Home First',
      'scheme_spend 2015-16 5000 Out of Hours Care - Home First',
      'scheme_spend 2014-15 100000 Home First Community Night Service',
      'scheme_spend 2015-16 250000 Home First Community Night Service',
    ]);
  });
});

describe('money that is not a budget row', () => {
  it('ignores money in running prose', () => {
    expect(budgets([para('We shall invest £200k in carers and £1.5m in community support teams during 2015/16.')])).toEqual([]);
  });

  it('ignores money in a risk log and in a benefits column', () => {
    const rows = budgets([
      table([
        ['There is a risk that:', 'Likelihood', 'Potential impact', 'Mitigating Actions'],
        ['Activity reductions are not achieved', '4', '5 Reductions are forecast at £1.625m in 2015/16, c£350K at risk', 'Monthly monitoring'],
      ]),
      para('Timeframes'),
      table([
        ['Scheme', '14/15 activity', '15/16 activity', 'Benefits'],
        ['Frailty', 'Co-design with providers', 'Locality teams in place', '£12-20m programme savings'],
      ]),
    ]);
    expect(rows).toEqual([]);
  });
});

// Compared with the hand-checked gold records (read at run time), never with figures copied into this file.
describe.skipIf(!haveShared(['corpus', 'gold'], 'budgets: corpus plans against gold'))('corpus', () => {
  const goldBrief = (b: { kind: string; year: string | null; amountGbp: number; scheme: string | null }) => brief({ ...b, year: recordYear(b.year) });

  it('reads the four plan-details figures of the 2014 revised plan (.txt), as in gold', async () => {
    const { id, gold } = corpusPlan('bcf-2014-revised');
    const path = join(SHARED_DIR, 'corpus', `${id}.txt`);
    const doc = await extractDocument(readFileSync(path), path);
    const rows = extractBudgets(doc, noSections).value;
    // Minimum and total for each year; the amounts in the risk log's prose are not rows.
    expect(gold.budgets.map((b) => b.kind)).toEqual(['minimum_pooled_budget', 'minimum_pooled_budget', 'total_pooled_budget', 'total_pooled_budget']);
    expect(rows.map(brief)).toEqual(gold.budgets.map(goldBrief));
  });

  it('reads the 2022/23 income table and every spending row (.docx), as in gold', async () => {
    const { id, gold } = corpusPlan('bcf-2022-23');
    const path = join(SHARED_DIR, 'corpus', `${id}.docx`);
    const doc = await extractDocument(readFileSync(path), path);
    const rows = extractBudgets(doc, noSections).value;
    const spend = rows.filter((r) => r.kind === 'scheme_spend');
    const goldSpend = gold.budgets.filter((b) => b.kind === 'scheme_spend');
    expect(spend.map(brief)).toEqual(goldSpend.map(goldBrief));
    // The one scheme funded from two sources has one row per source, NHS minimum first.
    const twice = [...new Set(goldSpend.map((b) => b.scheme))].filter((s) => goldSpend.filter((b) => b.scheme === s).length === 2);
    expect(twice).toHaveLength(1);
    expect(spend.filter((r) => r.scheme === twice[0]).map((r) => [r.source, r.amountGbp])).toEqual([
      ['Minimum NHS Contribution', goldSpend.filter((b) => b.scheme === twice[0])[0].amountGbp],
      ['Additional LA Contribution', goldSpend.filter((b) => b.scheme === twice[0])[1].amountGbp],
    ]);
    // The income table: DFG, iBCF, additional LA, NHS minimum, additional NHS £0, total.
    const income = gold.budgets.filter((b) => b.kind !== 'scheme_spend');
    expect(income.map((b) => b.kind)).toEqual(['dfg', 'ibcf', 'la_additional_contribution', 'nhs_minimum_contribution', 'nhs_additional_contribution', 'total_pooled_budget']);
    expect(rows.filter((r) => r.kind !== 'scheme_spend').map(brief)).toEqual(income.map(goldBrief));
  });
});

describe('HTML tables on a fine column grid', () => {
  it('reads a spending plan whose rows span the grid differently from the header (LibreOffice HTML)', () => {
    // Same four logical columns in every row, but each row spreads them over the 8 grid columns its own way:
    // the expenditure starts at grid column 5 in the header, 6 in the second row.
    const html = `<p>Spending Plan 2022/23</p>
<table>
<tr><th colspan="2">Scheme Name</th><th colspan="2">Area of Spend</th><th>Source of Funding</th><th colspan="3">Expenditure (£)</th></tr>
<tr><td colspan="2">Falls Response Team</td><td colspan="2">Community Health</td><td>Minimum NHS Contribution</td><td colspan="3">£120,000</td></tr>
<tr><td colspan="3">Carers Breaks</td><td colspan="2">Social Care</td><td>iBCF</td><td colspan="2">£45,500</td></tr>
</table>`;
    const doc = extractDocument(Buffer.from(html), 'plan.html');
    return doc.then((d) => {
      const rows = extractBudgets(d, noSections).value;
      expect(rows.map(brief)).toEqual([
        'scheme_spend 2022-23 120000 Falls Response Team',
        'scheme_spend 2022-23 45500 Carers Breaks',
      ]);
      expect(rows[1].source).toBe('iBCF');
    });
  });
});

describe('plan-details summary flattened to one cell per line', () => {
  it('keeps a label ending in ": <year>" for the figure on the next line (LibreOffice/pdftotext text)', () => {
    const rows = budgets([
      para('Date submitted:'),
      para('12/02/15'),
      para('Minimum required value of BCF pooled budget: 2014/15'),
      para('£845,000'),
      para('2015/16'),
      para('£12,345,000'),
      para('Total agreed value of pooled budget: 2014/15'),
      para('£2,100,000'),
    ]);
    expect(rows.map(brief)).toEqual([
      'minimum_pooled_budget 2014-15 845000 ',
      'minimum_pooled_budget 2015-16 12345000 ',
      'total_pooled_budget 2014-15 2100000 ',
    ]);
  });
});

describe('a spending plan flattened to one cell per line', () => {
  const lines = [
    'Spending Plan 2023/24',
    'Scheme Name',
    'Area of Spend',
    'Source of Funding',
    'Expenditure (£)',
    'Falls Response Team',
    'Community Health',
    'Minimum NHS Contribution',
    '£120,000',
    'Carers Breaks',
    'Social Care',
    'iBCF',
    '£45,500',
    'Home Adaptations',
    'Social Care',
    'DFG',
    '£1,300,250',
  ];
  it('reads each run of four lines under the four header lines as a row, not as label/value lines', () => {
    const rows = budgets(lines.map((l) => para(l)));
    expect(rows.map(brief)).toEqual([
      'scheme_spend 2023-24 120000 Falls Response Team',
      'scheme_spend 2023-24 45500 Carers Breaks',
      'scheme_spend 2023-24 1300250 Home Adaptations',
    ]);
    expect(rows.map((r) => r.source)).toEqual(['Minimum NHS Contribution', 'iBCF', 'DFG']);
  });

  it('skips a row whose area wrapped onto an extra line and reads the rows after it', () => {
    const wrapped = [...lines.slice(0, 9), 'Carers Breaks', 'Social Care', 'and respite', 'iBCF', '£45,500', ...lines.slice(13)];
    const rows = budgets([...wrapped, 'Hospital Discharge Team', 'Community Health', 'Minimum NHS Contribution', '£98,000'].map((l) => para(l)));
    expect(rows.filter((r) => r.kind === 'scheme_spend').map(brief)).toEqual([
      'scheme_spend 2023-24 120000 Falls Response Team',
      'scheme_spend 2023-24 1300250 Home Adaptations',
      'scheme_spend 2023-24 98000 Hospital Discharge Team',
    ]);
  });

  it('reads a summary cut into label fragments, years and an annotated value, one per line', () => {
    const rows = budgets(
      ['Minimum required value', '2014/15', '£9,000,000', 'of BCF pooled budget', '2015/16', '£31,500,000', 'Total proposed value of', '2014/15', '£9,000,000', 'pooled budget', '2015/16', 'A minimum of £31,500,000 with likely total pooled'].map((l) => para(l)),
    );
    expect(rows.map(brief)).toEqual([
      'minimum_pooled_budget 2014-15 9000000 ',
      'minimum_pooled_budget 2015-16 31500000 ',
      'total_pooled_budget 2014-15 9000000 ',
      'total_pooled_budget 2015-16 31500000 ',
    ]);
    expect(rows[3].label).toBe('Total proposed value of pooled budget');
  });

  it('takes the year of the title above a label split over lines from its figure', () => {
    const rows = budgets(['BCF Income 2023/24:', 'Local Authority Contribution', 'Disabled Facilities Grant (DFG)', 'Gross Contribution', '£1,100,000'].map((l) => para(l)));
    expect(rows.map(brief)).toEqual(['dfg 2023-24 1100000 ']);
  });

  it('does not take a plan-details summary (label, year, figure per line) for such a table', () => {
    const rows = budgets(
      ['Date submitted:', '4th May 2015', 'Minimum required value', '2014/15', '£845,000', 'of BCF pooled budget', '2015/16', '£12,345,000', 'Total proposed value of', '2014/15', '£900,000', 'pooled budget', '2015/16', '£12,400,000'].map((l) => para(l)),
    );
    expect(rows.map(brief)).toEqual([
      'minimum_pooled_budget 2014-15 845000 ',
      'minimum_pooled_budget 2015-16 12345000 ',
      'total_pooled_budget 2014-15 900000 ',
      'total_pooled_budget 2015-16 12400000 ',
    ]);
  });
});

describe('a table right after the expenditure table', () => {
  const expenditure = table([
    ['Ref', 'Scheme', '2014/15 (£000s)', '2015/16 (£000s)'],
    ['A1', 'Falls Response Team', '400', '1,200'],
    ['A2', 'Carers Breaks', '150', '300'],
  ]);
  it('is not more of it when its name column holds figures (an outcomes table)', () => {
    const rows = budgets([
      heading('Part 2: Summary of BCF expenditure'),
      expenditure,
      heading('Part 2: Outcomes and metrics'),
      table([
        ['Metric', 'Baseline (2012-13)', 'Planned 2014-15', 'Planned 2015-16'],
        ['Permanent admissions to care homes per 100,000', '640.2', '630.0', '615.5'],
        ['Delayed transfers of care per 100,000', '280.4', '270.0', 'X'],
      ]),
    ]);
    expect(rows.map(brief)).toEqual([
      'scheme_spend 2014-15 400000 Falls Response Team',
      'scheme_spend 2015-16 1200000 Falls Response Team',
      'scheme_spend 2014-15 150000 Carers Breaks',
      'scheme_spend 2015-16 300000 Carers Breaks',
    ]);
  });

  it('is not more of it when it has a header row of its own', () => {
    const metrics: RawBlock = {
      kind: 'table',
      page: 1,
      rows: [
        { cells: ['Indicator', 'Area', 'Baseline 2012-13', 'Planned 2014-15'].map((text) => ({ text })), page: 1, header: true },
        { cells: ['Falls admissions', 'Whole area', '2,310', '2,250'].map((text) => ({ text })), page: 1 },
      ],
    };
    const rows = budgets([heading('Part 2: Summary of BCF expenditure'), expenditure, heading('Outcomes'), metrics]);
    expect(rows.filter((r) => r.scheme === 'Whole area')).toEqual([]);
    expect(rows).toHaveLength(4);
  });
});
