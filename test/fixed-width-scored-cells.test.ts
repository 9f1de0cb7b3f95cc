// Failure class 1 of ../shared/spec/tables.md (wrapped cells), as pdftotext -layout writes a risk log whose impact
// cells ("5 Financial impact on …", a score and its words) are centred on their rows: a cell opens a line or more
// above its row, so its opening lands in the row before, and on a page of few rows, or after a page break, few rows
// open with their score. Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

describe('a risk log over two pages whose impact cells open in the row above', () => {
  const header = [
    pad([[0, 'There is a risk that:'], [30, 'How likely'], [44, 'Potential impact'], [80, 'Overall risk'], [96, 'Mitigating Actions']]),
    pad([[30, 'is the risk?'], [80, 'factor']]),
  ];
  const lines = [
    '4) Risks',
    '',
    ...header,
    pad([[0, 'Partners cannot agree the'], [30, '4'], [44, '5 Cost of extra beds over'], [80, '20 High'], [96, 'Monthly review at the board']]),
    pad([[0, 'pooled amounts in time'], [44, 'the winter months']]),
    pad([[0, 'Falls services close early'], [30, '3'], [44, '4 Longer stays in hospital'], [80, '12 Medium'], [96, 'Joint plan with the trust']]),
    pad([[0, 'in the year'], [44, 'for older people']]),
    pad([[0, 'Home care providers leave'], [30, '2'], [44, '4 Fewer care hours at home'], [80, '8 Medium'], [96, 'Market support fund']]),
    pad([[0, 'the area'], [44, 'for people discharged']]),
    '\f' + header[0],
    header[1],
    pad([[0, 'the community teams'], [44, 'and more admissions']]),
    pad([[44, '5 Agency staff are used']]),
    pad([[0, 'Too few staff are recruited'], [30, '4'], [44, 'at a higher cost'], [80, '20 High'], [96, 'Joint recruitment drive']]),
    pad([[0, 'for the new teams'], [44, '3 Records are kept twice']]),
    pad([[0, 'Data sharing is late'], [30, '2'], [44, 'and care is slower'], [80, '6 Low'], [96, 'Interim paper process']]),
    pad([[0, 'for the new system'], [44, '2 Fewer people use the']]),
    pad([[0, 'People do not take up the'], [30, '3'], [44, 'new service this year'], [80, '6 Low'], [96, 'Promote it through GPs']]),
    pad([[0, 'new service']]),
    '',
    '',
    '5) Next steps',
  ];

  it('gives each risk the impact its cell opens with', () => {
    const risks = extractRisks(extractText(lines.join('\n'), 'txt'), noSections).value;
    const scored = risks.filter((r) => r.likelihood !== null);
    expect(scored.map((r) => [r.description.split(' ').slice(0, 3).join(' '), r.likelihood, r.impact])).toEqual([
      ['Partners cannot agree', 4, 5],
      ['Falls services close', 3, 4],
      ['Home care providers', 2, 4],
      ['Too few staff', 4, 5],
      ['Data sharing is', 2, 3],
      ['People do not', 3, 2],
    ]);
  });
});
