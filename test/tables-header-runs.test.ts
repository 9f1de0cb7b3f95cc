// src/tables/headerRuns.ts on its own: a grid cut into the runs of rows under each header row, a header printed
// again after a page break kept in its run (marked), and each row saying whether it follows a break. The grids are
// in the 2014 revised risk log's shape ("There is a risk that: | How likely … | Potential impact | Overall risk
// factor | Mitigating Actions"); the spec is a toy one (a header is a row whose first cell says "risk"). Every
// phrase and figure is made up.
import { describe, expect, it } from 'vitest';
import { headerRuns, rowSignature, type HeaderRunSpec } from '../src/tables/headerRuns.js';
import { buildDocument, type RawBlock, type TableRow } from '../src/model/document.js';
import { collectGrids } from '../src/tables/grids.js';

/** Toy header spec: the columns are the header's first words; a header says "risk" in its first cell. */
const SPEC: HeaderRunSpec<string[]> = {
  columnsOf: (row: TableRow) => (/risk/i.test(row.cells[0]?.text ?? '') ? row.cells.map((c) => c.text.split(/\s+/)[0].toLowerCase()) : null),
  sameColumns: (a, b) => a.join() === b.join(),
};
const HEADER = ['There is a risk that:', 'How likely is the risk to materialise?', 'Potential impact', 'Overall risk factor', 'Mitigating Actions'];
const table = (rows: string[][], page = 1, breakAt = -1): RawBlock => ({
  kind: 'table',
  page,
  rows: rows.map((cells, k) => ({ cells: cells.map((text) => ({ text })), page, ...(k === breakAt ? { pageBreakBefore: true } : {}) })),
});
const runsOf = (blocks: RawBlock[]) => {
  const doc = buildDocument('docx', 2, blocks);
  return collectGrids(doc).flatMap((g) => headerRuns(doc, g, SPEC));
};
const texts = (run: ReturnType<typeof runsOf>[number]) => run.rows.map((r) => [r.row.cells[0].text, r.row.header ?? false, r.afterBreak]);

describe('headerRuns', () => {
  it('reads the rows under the header; rows above the header belong to no run', () => {
    const runs = runsOf([
      table([
        ['Title of the table', '', '', '', ''],
        HEADER,
        ['Staff leave the service', '3', '4', '12', 'Recruit early'],
        ['Budget is overspent', '2', '5', '10', 'Monthly review'],
      ]),
    ]);
    expect(runs).toHaveLength(1);
    expect(runs[0].cols[0]).toBe('there');
    expect(texts(runs[0])).toEqual([
      ['Staff leave the service', false, false],
      ['Budget is overspent', false, false],
    ]);
  });

  it('keeps a header printed again after a page break in its run, re-wrapped or not, and marks the rows after it', () => {
    const rewrapped = ['There is a risk\nthat:', 'How likely is\nthe risk', 'Potential\nimpact', 'Overall\nrisk factor', 'Mitigating\nActions'];
    const runs = runsOf([
      table([HEADER, ['Staff leave the service', '3', '4', '12', 'Recruit']], 1),
      table([HEADER, ['early and train', '', '', '', 'more staff']], 2),
      table([rewrapped, ['Budget is overspent', '2', '5', '10', 'Review']], 3),
    ]);
    expect(runs).toHaveLength(1);
    expect(texts(runs[0])).toEqual([
      ['Staff leave the service', false, false],
      [HEADER[0], false, true],
      ['early and train', false, false],
      [rewrapped[0], true, true],
      ['Budget is overspent', false, false],
    ]);
    expect(rowSignature(runs[0].rows[1].row)).toBe(runs[0].headerSig);
  });

  it('starts a new run at a header naming other columns', () => {
    const runs = runsOf([
      table([HEADER, ['Staff leave the service', '3', '4', '12', 'Recruit'], ['Risk', 'Rating', 'Owner'], ['Data is late', 'High', 'Lead']]),
    ]);
    expect(runs.map((r) => r.rows.length)).toEqual([1, 1]);
    expect(runs[1].cols).toEqual(['risk', 'rating', 'owner']);
  });

  it("marks the row after the PDF extractor's page-break mark as after a break", () => {
    const runs = runsOf([table([HEADER, ['Staff leave the service', '3', '4', '12', 'Recruit'], ['early', '', '', '', 'and train']], 1, 2)]);
    expect(texts(runs[0]).map((t) => t[2])).toEqual([false, true]);
  });
});
