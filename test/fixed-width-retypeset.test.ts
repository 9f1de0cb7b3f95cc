// Failure class 7 of ../shared/spec/tables.md (tables without structure), as pdftotext -layout writes tables of a
// document retypeset so cells wrap and columns move: the fixed-width reader (src/extract/text/fixedWidth.ts) on
// synthetic tables in the templates' shapes. Every name, figure and phrase here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import { figuresToTheirColumns } from '../src/extract/text/fixedWidth.js';
import type { Segmentation } from '../src/segment/types.js';
import type { DocumentModel } from '../src/model/document.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const risksOf = (doc: DocumentModel) => extractRisks(doc, noSections).value;
const pad = (cells: Array<[number, string]>) => {
  let line = '';
  for (const [x, t] of cells) line = line.padEnd(x) + t;
  return line;
};
const tablesOf = (doc: DocumentModel) => doc.blocks.filter((b) => b.kind === 'table');

describe('a log rated by words whose columns move from row to row (Risk | Risk rating | Mitigating Actions)', () => {
  // Each row centred on its rating; pdftotext places the rating and the actions at other offsets in each row, and
  // the actions column is wide (lines longer than a short indented cell).
  const lines = [
    'a) Risk log',
    '',
    pad([[56, 'Risk']]),
    pad([[0, 'Risk'], [68, 'Mitigating Actions']]),
    pad([[56, 'rating']]),
    pad([[0, 'Partners cannot pool the agreed share of'], [68, 'Agree the pooled amounts at the joint board before the year starts']]),
    pad([[56, 'High']]),
    pad([[0, 'their budgets in time'], [68, 'and review the transfers every month with both finance leads']]),
    pad([[68, 'Report any shortfall to the health and wellbeing board each quarter']]),
    // A wrapped line of the risk reaching past the rating column's start, one space on: still the risk's words.
    pad([[0, 'Demand for home care grows faster than the plan allows and'], [74, 'Commission extra reablement hours from the two local providers']]),
    pad([[0, 'waiting lists'], [62, 'Medium']]),
    pad([[0, 'lengthen over the winter'], [74, 'Track waiting times weekly and move staff between the teams']]),
    pad([[0, 'The new data system is delayed'], [51, 'Low'], [68, 'Keep the current records until the new system has been tested']]),
    '',
    '',
    'b) Contingency plan',
  ];

  it('reads one row per risk with its rating, the long action lines inside the table', () => {
    const doc = extractText(lines.join('\n'), 'txt');
    const risks = risksOf(doc);
    expect(risks.map((r) => [r.description, r.rating])).toEqual([
      ['Partners cannot pool the agreed share of their budgets in time', 'high'],
      ['Demand for home care grows faster than the plan allows and waiting lists lengthen over the winter', 'medium'],
      ['The new data system is delayed', 'low'],
    ]);
    expect(tablesOf(doc)).toHaveLength(1);
  });
});

describe('figures read into the column beside their own', () => {
  it('a score left of its column, a rating at the next column, a score one space after text: each to its figure column', () => {
    const grid = [
      ['There is a risk that:', 'How likely', 'Potential impact', 'Overall risk', 'Mitigating Actions'],
      ['Staff cannot be found', '4', '5 Cost of agency staff', '20', 'Joint recruitment'],
      ['3', '', 'Delays to new', '12', 'Weekly review'],
      ['Falls services close', '2', 'Longer stays', '', 'Medium'],
      ['Winter demand exceeds the plan 2', '', '4 More admissions', '8', 'Extra beds'],
    ];
    expect(figuresToTheirColumns(grid)).toEqual([
      ['There is a risk that:', 'How likely', 'Potential impact', 'Overall risk', 'Mitigating Actions'],
      ['Staff cannot be found', '4', '5 Cost of agency staff', '20', 'Joint recruitment'],
      ['', '3', 'Delays to new', '12', 'Weekly review'],
      // The rating alone in the actions column goes to the score column, empty on its line.
      ['Falls services close', '2', 'Longer stays', 'Medium', ''],
      ['Winter demand exceeds the plan', '2', '4 More admissions', '8', 'Extra beds'],
    ]);
  });

  it('leaves a number inside text alone where no figure column is beside it', () => {
    const grid = [
      ['Scheme', 'Description'],
      ['Falls response', 'Team of 3'],
      ['Home first', 'Phase 2'],
    ];
    expect(figuresToTheirColumns(grid)).toEqual(grid);
  });
});
