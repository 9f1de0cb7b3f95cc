// The 2022-23 planning template (../shared/spec/tables.md) printed sheet by sheet without gridlines, then
// pdftotext -layout. Two classes of damage, each failing the expenditure sheet on its own:
// - the sheets are stacked: the income grid's page ends, the next page opens with the sheet's title, a blank line
//   and the expenditure header, and the title read as one more row of the two-column grid carried the whole
//   expenditure sheet into it (every row folded into two cells);
// - the amounts are right-aligned and the New/Existing column starts one space after them ("£1,450,000 Existing"),
//   and the "Expenditure (£)" header starts left of its figures, so it was read into "Source of Funding".
// Area, schemes and figures are made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractBudgets } from '../src/fields/budgets/index.js';
import { extractSchemes } from '../src/fields/schemes/index.js';
import { documentTables } from '../src/fields/common/documentTables.js';
import { loadTemplates } from '../src/segment/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { rebuildTables } from '../src/tables/index.js';

const template = loadTemplates().find((t) => t.id === 'bcf-2022-23')!;
const seg: Segmentation = { template: template.id, sections: [], flags: [] };

const SHEETS = `Better Care Fund 2022-23 Planning Template

Health and Wellbeing Board:              Tarnby Health and Wellbeing Board
Local Authority:                         Tarnby Borough Council
\fBCF Income for 2022/23

Funding Sources                    Income (£)
Disabled Facilities Grant (DFG)             £1,204,300
Minimum NHS Contribution                   £12,650,000
Improved Better Care Fund (iBCF)            £5,311,000
Total BCF Pooled Budget                    £19,165,300
\fSpending Plan 2022/23

Scheme I Scheme Name                        Brief Description of Scheme             Scheme Type                     Area of Spend      Commissioner   Provider                  Source of Funding           Expenditure (£) New/Existing Sc
T1       Hospital Discharge Hub             Discharge coordination                  Discharge Support               Community Health   NHS            NHS Provider              Minimum NHS Contribution         £3,150,000 Existing
T1       Hospital Discharge Hub             Discharge coordination                  Discharge Support               Community Health   NHS            NHS Provider              iBCF                               £420,000 New
T2       Home From Hospital                 Support at home after a stay            Home Care                       Social Care        LA             Private Sector            Minimum NHS Contribution         £9,500,000 Existing
T3       Adaptations Service                Grant-funded adaptations                DFG Related Schemes             Social Care        LA             Local Authority           DFG                              £1,204,300 Existing
T4       Care Market Support                Fee uplift                              Other                           Social Care        LA             Private Sector            iBCF                             £4,891,000 Existing
\fMetrics for 2022/23
`;

describe('a printed 2022-23 expenditure sheet under the income sheet (pdftotext -layout)', () => {
  const doc = extractText(SHEETS, 'txt');

  it('reads the expenditure sheet as its own table, each header over its column', () => {
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    const plan = tables.find((t) => t.rows.some((r) => r.cells.some((c) => c.text === 'Scheme Name')));
    expect(plan).toBeDefined();
    expect(plan!.rows.some((r) => r.cells.some((c) => c.text.startsWith('Funding Sources')))).toBe(false);
    const head = plan!.rows.find((r) => r.cells.some((c) => c.text === 'Scheme Name'))!.cells.map((c) => c.text);
    expect(head.slice(-3)).toEqual(['Source of Funding', 'Expenditure (£)', 'New/Existing Sc']);
    const first = plan!.rows.find((r) => r.cells[0]?.text === 'T1')!.cells.map((c) => c.text);
    expect(first.slice(-2)).toEqual(['£3,150,000', 'Existing']);
  });

  it('gives every scheme and its spend', () => {
    const tables = documentTables(doc, rebuildTables(doc, seg, template));
    expect(extractSchemes(doc, seg, tables).value.map((s) => s.name)).toEqual(['Hospital Discharge Hub', 'Home From Hospital', 'Adaptations Service', 'Care Market Support']);
    const spend = extractBudgets(doc, seg, tables).value.filter((b) => b.kind === 'scheme_spend').map((b) => `${b.scheme} ${b.amountGbp}`);
    expect(spend.sort()).toEqual(['Adaptations Service 1204300', 'Care Market Support 4891000', 'Home From Hospital 9500000', 'Hospital Discharge Hub 3150000', 'Hospital Discharge Hub 420000']);
  });
});
