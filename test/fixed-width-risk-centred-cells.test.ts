// Failure classes 1 and 7 of ../shared/spec/tables.md in a 2014 revised risk log ("There is a risk that: | How likely
// … | Potential impact | Overall risk factor | Mitigating Actions") printed without rules and read as laid-out text
// (pdftotext -layout): every cell is centred on its row, so a row's taller cells (the impact, the actions) open a
// line or two above its risk text, its likelihood sits lines below the impact's opening scale, and the score cell's
// lines ("12" / "Mediu" / "m") stand on lines of their own between the actions' lines. Every name and figure is
// made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { buildDocument, type RawBlock, type TableRow } from '../src/model/document.js';
import { extractRisks } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const HEADER = ['There is a risk that:', 'How likely is the risk to materialise?', 'Potential impact', 'Overall risk factor', 'Mitigating Actions'];
const row = (cells: string[], extra: Partial<TableRow> = {}): TableRow => ({ cells: cells.map((text) => ({ text })), page: 4, ...extra });
/** A 2014 revised log on page 4: its header, then `rows`. */
const logPage4 = (...rows: TableRow[]): RawBlock => ({ kind: 'table', page: 4, rows: [row(HEADER, { header: true }), ...rows] });
/** A whole row that opens the logs below, read as it should be. */
const FIRST_RISK = ['Partners cannot agree the pooled amounts', '4', '5 Delay to every scheme', '20 High', 'Monthly review at the board'];

describe('a risk log whose cells are centred on their rows, in laid-out text without rules', () => {
  const lines = [
    '5) Risks',
    '',
    pad([[25, 'How likely'], [69, 'Overall']]),
    pad([[25, 'is the risk'], [69, 'risk']]),
    pad([[0, 'There is a risk that:'], [25, 'to'], [38, 'Potential impact'], [69, 'factor'], [79, 'Mitigating Actions']]),
    pad([[25, 'materialise?']]),
    pad([[0, 'Partners cannot agree the'], [38, '5 Delay to every scheme and'], [79, 'Monthly review at the joint']]),
    pad([[69, '20']]),
    pad([[0, 'pooled amounts in time'], [25, '4'], [38, 'a cost to the council'], [79, 'board and a shared finance']]),
    pad([[69, 'High']]),
    pad([[0, 'for the year'], [38, 'of the delay'], [79, 'group for the pooled fund']]),
    '\f' + pad([[39, '4 Fewer care hours in the'], [80, 'A market support fund for']]),
    pad([[0, 'Care providers leave'], [39, 'community and longer'], [80, 'the providers with the']]),
    pad([[0, 'the area for better'], [39, 'waits for home care after'], [80, 'lowest rates and a review']]),
    pad([[70, '12']]),
    pad([[0, 'paid work elsewhere'], [39, 'a stay in hospital, with'], [80, 'of the rates paid in each']]),
    pad([[26, '3'], [70, 'Mediu']]),
    pad([[0, 'in the towns and the'], [39, 'costs for the council of'], [80, '14 new trainees taken on by']]),
    pad([[70, 'm']]),
    pad([[0, 'rural wards alike'], [39, 'the placements made late'], [80, 'the providers in each area']]),
    pad([[39, 'and out of the area'], [80, 'in the first year']]),
    pad([[0, 'Falls services close'], [26, '3'], [39, '3 More falls admissions'], [80, 'Extra staff trained in']]),
    pad([[70, '9']]),
    pad([[0, 'early in the winter'], [39, 'in the winter months'], [80, 'falls response']]),
    pad([[70, 'Medium']]),
    '',
    '',
    '6) Contingency plan',
  ];

  it('reads each risk once, with its likelihood, impact, score and rating, and its actions whole', () => {
    const risks = extractRisks(extractText(lines.join('\n'), 'txt'), noSections).value;
    expect(risks.map((r) => [r.description.split(' ').slice(0, 3).join(' '), r.likelihood, r.impact, r.score, r.rating])).toEqual([
      ['Partners cannot agree', 4, 5, 20, 'high'],
      ['Care providers leave', 3, 4, 12, 'medium'],
      ['Falls services close', 3, 3, 9, 'medium'],
    ]);
    // The score column stays apart from the actions though one line of the actions opens with a number.
    expect(risks[1].mitigation).toMatch(/^A market support fund for the providers .* in the first year$/);
    expect(risks[1].mitigation).not.toMatch(/\b12\b|Medium/);
  });
});

describe('a risk row read as two, its likelihood lines below its impact', () => {
  it('is one risk: the second half opens mid-sentence with only the scores the first half lacks', () => {
    const blocks: RawBlock[] = [
      logPage4(
        row(FIRST_RISK),
        row(['Care providers leave the area for', '', '4 Fewer care hours in the community', '', 'A market support fund for']),
        row(['better paid work elsewhere', '3', 'and longer waits for home care', '12 Medium', 'the providers with the lowest rates']),
        row(['Falls services close early', '3', '3 More falls admissions', '9 Medium', 'Extra staff trained']),
      ),
    ];
    const risks = extractRisks(buildDocument('txt', 4, blocks), noSections).value;
    expect(risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating])).toEqual([
      ['Partners cannot agree the pooled amounts', 4, 5, 20, 'high'],
      ['Care providers leave the area for better paid work elsewhere', 3, 4, 12, 'medium'],
      ['Falls services close early', 3, 3, 9, 'medium'],
    ]);
  });

  it('keeps a lower-case risk of its own that repeats a score the row above has', () => {
    const blocks: RawBlock[] = [
      logPage4(
        row(['Care providers leave the area', '', '4 Fewer care hours', '', 'A market support fund']),
        row(['waiting lists grow in the winter', '3', '4 Longer waits', '12 Medium', 'Extra clinics']),
      ),
    ];
    const risks = extractRisks(buildDocument('txt', 4, blocks), noSections).value;
    expect(risks).toHaveLength(2);
  });
});

describe('a score cell with its rating cut at the edge and at a page break ("9 Mediu" / "m")', () => {
  it('reads the rating whole and the risk once, in a log whose rating shares the overall factor cell', () => {
    const blocks: RawBlock[] = [
      logPage4(
        row(FIRST_RISK),
        row(['Care users resist the new', '3', '3 Lower satisfaction', '9 Mediu', 'An engagement plan for']),
      ),
      {
        kind: 'table',
        page: 5,
        rows: [
          row(['ways of working in the towns', '', '', 'm', 'users and carers'], { page: 5, pageBreakBefore: true }),
          row(HEADER, { header: true, page: 5 }),
          row(['Falls services close early', '3', '3 More falls admissions', '9 Medium', 'Extra staff trained'], { page: 5 }),
        ],
      },
    ];
    const risks = extractRisks(buildDocument('txt', 5, blocks), noSections).value;
    expect(risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating])).toEqual([
      ['Partners cannot agree the pooled amounts', 4, 5, 20, 'high'],
      ['Care users resist the new ways of working in the towns', 3, 3, 9, 'medium'],
      ['Falls services close early', 3, 3, 9, 'medium'],
    ]);
  });
});
