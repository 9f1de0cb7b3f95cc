// Failure class 1 of ../shared/spec/tables.md (wrapped cells become extra rows) across a page break: a risk log
// printed with its header on every page, which the text reader rebuilt as one table per page (a line of the cut row
// left between them), the last risk's cells going on under the repeated header. Every name and figure is made up.
import { describe, expect, it } from 'vitest';
import { buildDocument, type RawBlock, type TableRow } from '../src/model/document.js';
import { extractRisks } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const row = (cells: string[], page: number, extra: Partial<TableRow> = {}): TableRow => ({ cells: cells.map((text) => ({ text })), page, ...extra });
const table = (rows: TableRow[], page: number): RawBlock => ({ kind: 'table', page, rows });
const HEADER = ['There is a risk that:', 'How likely is the risk to materialise?', 'Potential impact', 'Overall risk factor', 'Mitigating Actions'];

describe('a risk cut by a page break into the next table', () => {
  const blocks = (nextPage: number): RawBlock[] => [
    table(
      [
        row(HEADER, 6, { header: true }),
        row(['Partners cannot agree the pooled amounts in time', '4', '5 Delay to the schemes', '20 High', 'Monthly review at the board'], 6),
        row(['Care users resist the new ways of working and', '3', '3 Lower satisfaction', '9 Medium', 'An engagement plan for'], 6),
      ],
      6,
    ),
    { kind: 'paragraph', page: 6, text: 'so' },
    table(
      [
        row(HEADER, nextPage, { header: true }),
        row(['the schemes do not reduce admissions', '', '', '', 'users and carers'], nextPage),
        row(['Providers leave the market', '3', '4 Fewer care hours', '12 Medium', 'A market support fund'], nextPage),
      ],
      nextPage,
    ),
  ];

  it('ends the risk above with the first row under the repeated header, unscored and opening mid-sentence', () => {
    const risks = extractRisks(buildDocument('pdf', 7, blocks(7)), noSections).value;
    expect(risks.map((r) => r.description)).toEqual([
      'Partners cannot agree the pooled amounts in time',
      'Care users resist the new ways of working and the schemes do not reduce admissions',
      'Providers leave the market',
    ]);
    expect(risks[1].mitigation).toBe('An engagement plan for users and carers');
    expect(risks[1].score).toBe(9);
  });

  it('leaves a table pages away alone', () => {
    const pages = 12;
    const risks = extractRisks(buildDocument('pdf', pages, blocks(pages)), noSections).value;
    expect(risks.map((r) => r.description)).toContain('the schemes do not reduce admissions');
  });
});
