// 2022-23 metric blocks of a Word table retypeset (larger type, other page sizes) and read by raw pdftotext
// (../shared/spec/tables.md, classes 3, 4 and 7): a row of cut cells prints its first lines together and then
// each cell's rest a line each ("Actu Actu Actu Actu" / "al" x4, "95.4 94.8" / "%" / "%"); the label cells
// (the metric's name) print after the header cells; a rationale cell's prose names a year beside a kind word.
// Synthetic figures and text.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const brief = (m: { metric: string; period: string | null; kind: string; value: number; numerator: number | null }) =>
  `${m.metric} ${m.period} ${m.kind} ${m.value}${m.numerator === null ? '' : ` ${m.numerator}/`}`;
const read = (text: string) => extractMetrics(extractText(text, 'txt'), noSections).value.map(brief);
const paragraphs = (...ps: string[]) => ps.join('\n\n') + '\n';

// The block before: an avoidable-admissions plan header and its one row, so that a later block's name is not
// carried over from it.
const avoidablePlan = paragraphs(
  '8.1 Avoidable admissions', 'Indirectly standardised rate (ISR) of admissions per 100,000 population',
  '2022 2022 2022 2022\n-23 -23 -23 -23\nQ1\nQ2\nQ3\nQ4\nPlan Plan Plan Plan\nIndicator\nvalue', '311', '322', '333', '344',
);

describe('retypeset metric blocks in raw pdftotext', () => {
  it('rejoins a row of cut cells whose tails follow a line each, and names a block by the label printed after its header', () => {
    const text = avoidablePlan + paragraphs(
      'Denomin\nator\n2021 2021 2021 2021\n-22 -22 -22 -22 Rationale for\nQ1\nQ2\nQ3\nQ4\nhow ambition\nActu Actu Actu Actu was set\nal\nal\nal\nal',
      '8.3\nDischarge to\nusual place\nof residence\nShare of people\ndischarged to\ntheir usual home',
      'Quarter\n(%)',
      '91.5 92.5 93.5 94.5 Set from the trend Work goes on\n%\n%\n%\n%\nsince 2021/22 a\nthrough the plan\nsteady rise was seen\nand kept.',
      'Numerato\n1,101 1,102 1,103 1,104\nr\nDenomin\n1,201 1,202 1,203 1,204\nator',
    );
    expect(read(text)).toEqual([
      'avoidable_admissions 2022-23 Q1 plan 311',
      'avoidable_admissions 2022-23 Q2 plan 322',
      'avoidable_admissions 2022-23 Q3 plan 333',
      'avoidable_admissions 2022-23 Q4 plan 344',
      'discharge_usual_residence 2021-22 Q1 actual 91.5 1101/',
      'discharge_usual_residence 2021-22 Q2 actual 92.5 1102/',
      'discharge_usual_residence 2021-22 Q3 actual 93.5 1103/',
      'discharge_usual_residence 2021-22 Q4 actual 94.5 1104/',
    ]);
  });

  it('rejoins values cut at their point whose last digits follow a line each, a rationale line between', () => {
    const text = paragraphs(
      'Avoidable\nadmissions\n2021-22 2021-22 2021-22 2021-22\nQ1\nQ2\nQ3\nQ4\nActual Actual Actual Actual\nIndicator\nvalue',
      'The rate fell Keep the focus\n301. 288. 276. 290.\nin the first year on falls.\n4\n0\n2\n5\nand rose again.',
    );
    expect(read(text)).toEqual([
      'avoidable_admissions 2021-22 Q1 actual 301.4',
      'avoidable_admissions 2021-22 Q2 actual 288',
      'avoidable_admissions 2021-22 Q3 actual 276.2',
      'avoidable_admissions 2021-22 Q4 actual 290.5',
    ]);
  });

  it('keeps a figure ending a label\u2019s paragraph out of the rows, and deals the last column\u2019s cells printed down to the rows short of one', () => {
    const text = paragraphs(
      '8.4 Residential\nAdmissions\n2020- 202121\n22\nActual Plan\nLong-term\nAnnual Rate 501.5\nsupport needs of\nolder people (age\n65 and over) met\nby admission to\ncare\nhomes, per\n100,000',
      '502.5', '20222021-22\n23\nestimated\nPlan', 'Rationale for\nhow ambition\nwas set', '503.5', 'The rate rose\nin the spring.', '504.5',
      'Numerator', '211', '212', '213', 'Denominato\n40,101 40,102 40,103\nr', 'more use of care homes.', '214\n40,104', '8.5 Reablement',
    );
    expect(read(text)).toEqual([
      'residential_admissions 2020-21 actual 501.5 211/',
      'residential_admissions 2021-22 plan 502.5 212/',
      'residential_admissions 2021-22 estimate 503.5 213/',
      'residential_admissions 2022-23 plan 504.5 214/',
    ]);
  });

  it('gives a row label printed before a row of percentages to the row of counts after it', () => {
    const text = paragraphs(
      '8.5 Reablement\n2020- 20212022- Rationale for\n2021-22\n21\n22\n23\nhow ambition\nestimated\nActual Plan\nPlan was set',
      'Proportion of older\npeople (65 and\nover) who were still\nat home 91 days\nafter discharge\nAnnual (%)\nfrom hospital into\nreablement /\nrehabilitation\nservices',
      'Numerator', '71.5%', '72.0\n%', '73.5%', '74.0\n%', '143', '144', '147', '148',
      'Denominato\nr', '200', '200', '200', '200',
    );
    expect(read(text)).toEqual([
      'reablement 2020-21 actual 71.5 143/',
      'reablement 2021-22 plan 72 144/',
      'reablement 2021-22 estimate 73.5 147/',
      'reablement 2022-23 plan 74 148/',
    ]);
  });

  it('gives a row the first of the row labels printed together before it, the role label to the row after', () => {
    const text = paragraphs(
      'Avoidable\nadmissions\nIndirectly\nstandardised\nrate (ISR) of\nadmissions per\n100,000\npopulation',
      '2022- 2022- 2022- 202223 Q1 23 Q2 23 Q3 23 Q4\nPlan\nPlan\nPlan\nPlan\nIndicator\nvalue\nNumerato',
      '311', '322', '333', '344', 'The rate is\nkept level.', '1,311', '1,322', '1,333', '1,344', 'r',
    );
    expect(read(text)).toEqual([
      'avoidable_admissions 2022-23 Q1 plan 311 1311/',
      'avoidable_admissions 2022-23 Q2 plan 322 1322/',
      'avoidable_admissions 2022-23 Q3 plan 333 1333/',
      'avoidable_admissions 2022-23 Q4 plan 344 1344/',
    ]);
  });
});
