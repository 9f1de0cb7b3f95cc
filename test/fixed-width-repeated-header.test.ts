// Failure class 2 of ../shared/spec/tables.md (a header repeated on every page), as pdftotext -layout writes a risk
// log set in large type: each page laid out on its own, so the repeated header wraps its cells at other places than
// the first one ("There is a risk that:" on one line, then "There is a risk" over "that:"), its columns sit at other
// offsets, and cells stand one space apart. Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const risksOf = (lines: string[]) => extractRisks(extractText(lines.join('\n'), 'txt'), noSections).value;
const attributes = (lines: string[]) =>
  risksOf(lines).map((r) => [r.description.split(' ').slice(0, 3).join(' '), r.likelihood, r.impact, r.score, r.rating]);

// There is a risk that: | How likely | Potential impact | Overall risk | Mitigating Actions, first page.
const firstPage = [
  '4) Risks',
  '',
  pad([[0, 'There is a risk that:'], [25, 'How likely'], [39, 'Potential impact'], [58, 'Overall'], [72, 'Mitigating Actions']]),
  pad([[25, 'is the risk'], [58, 'risk']]),
  pad([[25, 'to happen?'], [58, 'factor']]),
  pad([[0, 'Partners cannot agree'], [39, '5 Cost of extra beds'], [72, 'Monthly review at']]),
  pad([[0, 'the pooled amounts'], [25, '4'], [39, 'over the winter'], [58, '20 High'], [72, 'the joint board']]),
  pad([[0, 'in time'], [39, 'months'], [72, 'and its officers']]),
  pad([[0, 'Falls services close'], [39, '4 Longer stays in'], [72, 'Joint plan with']]),
  pad([[0, 'early in the year'], [25, '3'], [39, 'hospital for older'], [58, '12 Medium'], [72, 'the trust']]),
  pad([[0, 'for lack of staff'], [39, 'people'], [72, 'and shared rotas']]),
];

describe('a header repeated on the next page with its first cell wrapped at another place', () => {
  // The second page's header: "There is a risk" over "that:", the other cells at other offsets around them.
  const lines = [
    ...firstPage,
    '\f' + pad([[21, 'How likely']]),
    pad([[21, 'is the risk'], [54, 'Overall']]),
    pad([[0, 'There is a risk']]),
    pad([[21, 'to'], [33, 'Potential impact'], [54, 'risk'], [66, 'Mitigating Actions']]),
    pad([[0, 'that:']]),
    pad([[21, 'happen?'], [54, 'factor']]),
    pad([[0, 'Home care providers'], [33, '4 Fewer care hours'], [66, 'Market support']]),
    pad([[0, 'leave the area'], [21, '2'], [33, 'at home for'], [54, '8 Medium'], [66, 'fund for the']]),
    pad([[0, 'for other work'], [33, 'older people'], [66, 'providers']]),
    pad([[0, 'Carers stop caring'], [33, '3 More people in'], [66, 'Carers grants']]),
    pad([[0, 'for lack of breaks'], [21, '3'], [33, 'crisis at home'], [54, '9 Medium'], [66, 'and respite']]),
    pad([[0, 'in the county'], [33, 'and in hospital'], [66, 'beds']]),
    '',
    '',
    '5) Next steps',
  ];

  it('reads the repeat as the header again, its rows on its own columns', () => {
    const table = extractText(lines.join('\n'), 'txt').blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.filter((r) => r.header).length).toBe(2);
    expect(attributes(lines)).toEqual([
      ['Partners cannot agree', 4, 5, 20, 'high'],
      ['Falls services close', 3, 4, 12, 'medium'],
      ['Home care providers', 2, 4, 8, 'medium'],
      ['Carers stop caring', 3, 3, 9, 'medium'],
    ]);
  });
});

// A page of the log whose narrow first column leaves each row's likelihood one space after its words: only the
// header's lines start a cell at the likelihood column, too few among the page's many lines to show an edge alone.
const gluedPage = (header: string[], glued = true) => {
  const rows: Array<[string[], string, string[], string, string[]]> = [
    [['Home care providers', 'leave the area soon 2', 'for other work'], '4', ['Fewer care hours', 'at home'], '8 Medium', ['Market support', 'fund for the', 'providers']],
    [['Carers stop caring', 'for lack of a break 3', 'in the county'], '3', ['More people in', 'crisis at home'], '9 Medium', ['Carers grants', 'and respite', 'beds']],
    [['Hospital discharge', 'slows in cold weeks 4', 'of the winter'], '5', ['Delayed transfers', 'rise sharply'], '20 High', ['Winter plan', 'with extra', 'staff']],
    [['Housing adaptations', 'take too long to do 3', 'in the year'], '3', ['People wait in', 'poor homes'], '9 Medium', ['Faster grants', 'and a shared', 'list']],
    [['Community nurses', 'cannot be hired for 4', 'the new teams'], '4', ['Fewer visits', 'at home'], '16 High', ['Joint hiring', 'campaign and', 'bank staff']],
    [['Shared records are', 'not ready for teams 2', 'in the towns'], '4', ['Teams work on', 'paper records'], '8 Medium', ['Interim data', 'sharing', 'agreement']],
    [['Voluntary groups', 'lose grants in June 3', 'of the year'], '3', ['Less support', 'in the towns'], '9 Medium', ['Grant review', 'with the', 'groups']],
    [['Demand for beds', 'grows faster by far 4', 'than planned'], '4', ['Beds are full', 'in the winter'], '16 High', ['Step-down', 'beds and', 'review']],
  ];
  // The likelihood one space after the risk's words, where the header's "How likely" starts.
  if (rows.some(([desc]) => !/^.{19} \d$/.test(desc[1]))) throw new Error('a likelihood not where the column starts');
  return [
    ...header,
    // The score over its rating, each centred on the row, a little left of where the actions start.
    ...rows.flatMap(([desc, impact, what, score, actions]) => [
      pad([[0, desc[0]], [36, `${impact} ${what[0]}`], [57, actions[0]]]),
      pad([[0, glued ? desc[1] : desc[1].slice(0, -2)], [glued ? 0 : 25, glued ? '' : desc[1].slice(-1)], [36, what[1]], [51, score.split(' ')[0]]]),
      pad([[0, desc[2]], [51, score.split(' ')[1]]]),
      pad([[57, `${actions[1]} ${actions[2]}`]]),
    ]),
  ];
};
const gluedRisks = [
  ['Home care providers', 2, 4, 8, 'medium'],
  ['Carers stop caring', 3, 3, 9, 'medium'],
  ['Hospital discharge slows', 4, 5, 20, 'high'],
  ['Housing adaptations take', 3, 3, 9, 'medium'],
  ['Community nurses cannot', 4, 4, 16, 'high'],
  ['Shared records are', 2, 4, 8, 'medium'],
  ['Voluntary groups lose', 3, 3, 9, 'medium'],
  ['Demand for beds', 4, 4, 16, 'high'],
];

describe('a repeated header over rows whose likelihood stands one space after the risk', () => {
  // "Overall" over "risk Mitigating Actions": the score's name one space before the actions', three characters left
  // of where the actions start.
  const lines = [
    ...firstPage,
    ...gluedPage([
      '\f' + pad([[21, 'How likely'], [51, 'Overall']]),
      pad([[21, 'is the risk'], [36, 'Potential']]),
      pad([[0, 'There is a risk']]),
      pad([[21, 'to'], [36, 'impact'], [54, 'risk Mitigating Actions']]),
      pad([[0, 'that:']]),
      pad([[21, 'happen?'], [51, 'factor']]),
    ]),
    '',
    '',
    '5) Next steps',
  ];

  it('takes the likelihood column from the header and splits each likelihood from its risk', () => {
    expect(attributes(lines)).toEqual([
      ['Partners cannot agree', 4, 5, 20, 'high'],
      ['Falls services close', 3, 4, 12, 'medium'],
      ...gluedRisks,
    ]);
  });
});

describe('a repeated header printed at the foot of a page, wrapped onto more lines than the first', () => {
  // Its rows, each likelihood clear of its risk, all on the next page at other offsets.
  const lines = [
    ...firstPage,
    pad([[0, 'There is a risk that:'], [24, 'How likely Potential impact'], [53, 'Overall'], [61, 'Mitigating Actions']]),
    pad([[24, 'is the'], [53, 'risk']]),
    pad([[24, 'risk to'], [53, 'factor']]),
    pad([[24, 'happen?']]),
    ...gluedPage(['\f'], false)
      .slice(1)
      .map((l, k) => (k === 0 ? '\f' + l : l)),
    '',
    '',
    '5) Next steps',
  ];

  it('reads the header with the rows of the next page', () => {
    expect(attributes(lines)).toEqual([
      ['Partners cannot agree', 4, 5, 20, 'high'],
      ['Falls services close', 3, 4, 12, 'medium'],
      ...gluedRisks,
    ]);
  });
});

describe('a row cut by the page break, its end printed above the repeated header', () => {
  // The few lines of the cut row's end, each page at its own offsets: one line's cell opens the impact column alone.
  const lines = [
    ...firstPage,
    '\f' + pad([[62, 'and a monthly']]),
    pad([[0, 'in the new year'], [62, 'report to the']]),
    pad([[29, 'Fewer staff on the']]),
    pad([[0, 'and the spring'], [62, 'board']]),
    ...firstPage.slice(2, 5),
    pad([[0, 'Home care providers'], [39, '4 Fewer care hours'], [72, 'Market support']]),
    pad([[0, 'leave the area'], [25, '2'], [39, 'at home for'], [58, '8 Medium'], [72, 'fund for the']]),
    pad([[0, 'for other work'], [39, 'older people'], [72, 'providers']]),
    '',
    '',
    '5) Next steps',
  ];

  it('keeps the end with its row', () => {
    expect(attributes(lines)).toEqual([
      ['Partners cannot agree', 4, 5, 20, 'high'],
      ['Falls services close', 3, 4, 12, 'medium'],
      ['Home care providers', 2, 4, 8, 'medium'],
    ]);
  });
});
