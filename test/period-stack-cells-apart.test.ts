// A 2022-23 metric block of a Word table without rules through raw pdftotext (../shared/spec/tables.md, class 7),
// where reading order takes a header row's cells apart: the first lines of every cell together ("2021" four
// times, the rationale headers' first lines) and then each cell's rest, the label cells between; or the first
// period cell printed before the metric's name and the other periods after it. Synthetic figures and text.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const brief = (m: { metric: string; period: string | null; kind: string; value: number; denominator: number | null }) =>
  `${m.metric} ${m.period} ${m.kind} ${m.value}${m.denominator === null ? '' : ` /${m.denominator}`}`;
const read = (text: string) => extractMetrics(extractText(text, 'txt'), noSections).value.map(brief);
const paragraphs = (...ps: string[]) => ps.join('\n\n') + '\n';

describe('period header cells taken apart by reading order', () => {
  it('reads a year whose tails come after the other cells\u2019 first lines, figures among the label words', () => {
    const tail = (q: number) => `-22\nQ${q}\nActu\nal`;
    const text = paragraphs(
      'Avoidable', '2021', '2021', '2021', '2021', 'Rationale for how', 'Local plan to meet', tail(1), 'admissions',
      'Indirectly\nstandardised\nrate (ISR) of\nadmissions\nper 100,000\npopulation', 'Indicator\nvalue', tail(2), tail(3), tail(4),
      'ambition was set', 'ambition', 'Compared with\n2021/22 a target\nof 90% is kept.', 'More work on falls.',
      '301.\n4', '288.\n0', '276.\n2', '290.\n5',
    );
    expect(read(text)).toEqual([
      'avoidable_admissions 2021-22 Q1 actual 301.4',
      'avoidable_admissions 2021-22 Q2 actual 288',
      'avoidable_admissions 2021-22 Q3 actual 276.2',
      'avoidable_admissions 2021-22 Q4 actual 290.5',
    ]);
  });

  it('reads a first period cell printed before the metric\u2019s name, and a label cut at its cell edge', () => {
    const cell = (q: number) => `2021\n-22\nQ${q}\nActu\nal`;
    const text = paragraphs(
      cell(1), '8.3 Discharge\nto usual place\nof residence', 'Percentage of\npeople\ndischarged to their\nusual place of\nresidence', cell(2), cell(3), cell(4),
      'Quarter\n(%)', '91.0\n%', '92.0\n%', '93.0\n%', '94.0\n%', 'Numerator', '1,001', '1,002', '1,003', '1,004', 'Denominat\nor', '2,001', '2,002', '2,003', '2,004',
    );
    expect(read(text)).toEqual([
      'discharge_usual_residence 2021-22 Q1 actual 91 /2001',
      'discharge_usual_residence 2021-22 Q2 actual 92 /2002',
      'discharge_usual_residence 2021-22 Q3 actual 93 /2003',
      'discharge_usual_residence 2021-22 Q4 actual 94 /2004',
    ]);
  });
});

describe('annual period cells taken apart by reading order', () => {
  it('gives each kind to the column whose tail it follows, the one left over to the whole year', () => {
    const text = paragraphs(
      '2020-', '2021', '2021-22', '8.4 Residential\nAdmissions', '2022', 'Rationale for', '21', 'Actua\nl',
      'Long-term\nsupport needs\nof older people\n(age 65 and\nover) met by\nadmission to\nresidential and\nnursing care\nhomes, per\n100,000\npopulation',
      '-22', 'Plan', 'estimate\nd', '-23', 'Plan', 'how ambition\nwas set', 'Annual\nRate', '501.5', '502.5', '503.5', '504.5',
    );
    expect(read(text)).toEqual([
      'residential_admissions 2020-21 actual 501.5',
      'residential_admissions 2021-22 plan 502.5',
      'residential_admissions 2021-22 estimate 503.5',
      'residential_admissions 2022-23 plan 504.5',
    ]);
  });

  it('joins a header printed as several single cells, the name between, its plan before its estimate', () => {
    const text = paragraphs(
      '2021-22\nestimate\nd', '202\n2-23\nPlan', '8.5 Reablement', '2020\n-21\nActu\nal',
      'Proportion of older\npeople (65 and\nover) who were\nstill at home 91\ndays after\ndischarge', '202\n1-22\nPlan',
      'Annual\n(%)', '71.0\n%', '72.0\n%', '73.0\n%', '74.0\n%',
    );
    expect(read(text)).toEqual([
      'reablement 2020-21 actual 71',
      'reablement 2021-22 plan 72',
      'reablement 2021-22 estimate 73',
      'reablement 2022-23 plan 74',
    ]);
  });
});
