// The planning template's annual metric blocks ("<year> Actual", "<year> Plan", "<year> estimated", "<next year>
// Plan") retypeset in larger type and read by raw pdftotext (../shared/spec/tables.md, classes 3 and 7): the header
// cells print line by line across the row, so each cell's pieces lie lines apart; two cells' first halves come glued
// where a hyphen at a line end was dropped ("20192020", "2020201"); years are cut anywhere ("202" / "0-21") and
// kinds at the cell edge ("Actua" ... "l", "estimat" ... "ed"). Read only where the pieces rebuild in one way.
// Synthetic figures and text.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { interleavedHeaderAt } from '../src/tables/interleavedHeader.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const brief = (m: { metric: string; period: string | null; kind: string; value: number; numerator: number | null; denominator: number | null }) =>
  `${m.metric} ${m.period} ${m.kind} ${m.value} ${m.numerator}/${m.denominator}`;
const read = (text: string) => extractMetrics(extractText(text, 'txt'), noSections).value.map(brief);
const paragraphs = (...ps: string[]) => ps.join('\n\n') + '\n';

const residentialLabel = 'Long-term\nsupport\nneeds of\nolder people\n(age 65 and\nover) met by\nadmission to\nresidential\nand nursing\ncare homes,\nper 100,000\npopulation';

describe('an annual header whose cells interleave, glued and cut, in raw pdftotext', () => {
  it('rebuilds glued first halves and kinds cut lines from their tails; a value joined to a rationale line is its row\u2019s', () => {
    const text = paragraphs(
      `8.4\nResidential\nAdmissions\n20192020 2020-21 2021 Rationale for\n20\nLocal plan to meet\n-21 estimat -22 how ambition\nActua\nambition\nPlan ed\nPlan was set\nl\n${residentialLabel}`,
      'Annual\nRate',
      '512.4 530.1 498.7',
      'Numerato\n231\nr',
      '236',
      '219',
      'Rates held\nsteady over\nthe year.\n505.0 keep the rate\nunder the plan.\n228',
      // The denominators' cut cells print before the whole one, out of column order: left unread.
      'Denomin 41,12 41,50\n41,86\n41,504\nator\n3\n9\n2',
    );
    expect(read(text)).toEqual([
      'residential_admissions 2019-20 actual 512.4 231/null',
      'residential_admissions 2020-21 plan 530.1 236/null',
      'residential_admissions 2020-21 estimate 498.7 219/null',
      'residential_admissions 2021-22 plan 505 228/null',
    ]);
  });

  it('rebuilds years cut anywhere, their halves a line each, and kinds whose tails come after every cell\u2019s kind', () => {
    const text = paragraphs(
      '8.5 Reablement\n2019\n2020202\n202 Rationale for\n-20\n21\nLocal plan to meet\n0-21\n1-22 how ambition\nActu\nestimat\nambition\nPlan\nPlan was set\nal\ned\nProportion of\nolder people\n(65 and over)\nwho were still',
      'Annual\n(%)',
      '70.5 71.0 72.5%\n%\n%',
      '73.0 Held at 74.5%\n%\nin the spring.',
      'Numerato\n141\nr',
      '142 146 147',
    );
    expect(read(text)).toEqual([
      'reablement 2019-20 actual 70.5 141/null',
      'reablement 2020-21 plan 71 142/null',
      'reablement 2020-21 estimate 72.5 146/null',
      'reablement 2021-22 plan 73 147/null',
    ]);
  });

  it('leaves a header unread where a kind\u2019s tail never comes, or a tail completes no year', () => {
    const spec = {
      kindWord: (w: string) => ({ actual: 'actual', plan: 'plan', estimated: 'estimate' } as Record<string, string>)[w.toLowerCase()] ?? null,
      kindHead: (w: string) => ['actual', 'estimated'].some((k) => k.startsWith(w.toLowerCase()) && k !== w.toLowerCase()),
      isValue: (t: string) => /^\d[\d,.]*%?$/.test(t),
    };
    const header = (...lines: string[]) => interleavedHeaderAt(lines, 0, spec);
    const whole = ['20192020 2020-21 2021 Rationale for', '20', '-21 estimat -22 how ambition', 'Actua', 'Plan ed', 'Plan was set', 'l'];
    expect(header(...whole)?.columns.map((c) => `${c.start}-${c.end} ${c.kind}`)).toEqual(['2019-20 actual', '2020-21 plan', '2020-21 estimate', '2021-22 plan']);
    expect(header(...whole.slice(0, -1))).toBeNull();
    expect(header('20192020 2020-21 2021 Rationale for', '23', '-21 estimat -22 how ambition', 'Actua', 'Plan ed', 'Plan was set', 'l')).toBeNull();
    // Kinds that fit the years no way the template allows (an actual after a plan): unread.
    expect(header('2019 2020 Rationale for', '-20 -21', 'Plan Actual')).toBeNull();
    expect(header('2019 2020 Rationale for', '-20 -21', 'Actual Plan')?.columns.map((c) => c.kind)).toEqual(['actual', 'plan']);
  });
});
