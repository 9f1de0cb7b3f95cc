// The question rows of the 2014 provider-commentary annex as raw pdftotext writes them (failure classes of
// ../shared/spec/tables.md: cells printed one per line, words cut at their cell edge, side-by-side cells
// interleaved by baseline): the question's cut word glued to the figure beside it, the answer's bracketed note
// interleaving with the question's words, the figure before the question's period, the period's hyphen lost to
// a cut. The annex's real shape; every figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const brief = (m: { metric: string; period: string | null; kind: string; value: number }) => `${m.metric} ${m.period} ${m.kind} ${m.value}`;
const metricsOf = (lines: string[]) => extractMetrics(extractText(lines.join('\n'), 'txt'), noSections).value.map(brief);

/** The annex's level rows and the change row that comes just before the questions. */
const LEVELS = ['For HWB to populate:', 'Total', 'number of', 'non-elective 2013/14', 'FFCEs in', 'Outturn', 'general &', 'acute', '', '41250', '(All', 'Providers', ')', '', '2014/15', 'Plan', '', '40310', '(All', 'Providers', ')', ''];
const CHANGE = ['15/16', 'Change', 'compared', 'to planned', '14/15', 'outturn', '', '-1.9%', ''];
const FOOTNOTE = '(*) the annex counts financial years; the other part of the template counts calendar years, so totals differ.';
const PREVENTED = ['non_elective_admissions 2014-15 plan_change 410', 'non_elective_admissions 2015-16 plan_change 655'];

describe('the 2014 annex question rows in raw reading order', () => {
  it('reads a figure glued to the question cut word beside it, its note interleaved with the question', () => {
    const metrics = metricsOf([
      ...LEVELS,
      ...CHANGE,
      'How many',
      'nonelective',
      'admissions',
      'is the BCF',
      'planned to',
      'prevent in',
      '14-15?',
      '',
      '410 (this',
      'covers',
      'winter',
      'wave 2',
      '14/15)',
      '',
      'How many',
      'non655 (this',
      'elective',
      'covers',
      'admissions winter',
      'is the BCF wave',
      'planned to 3-4',
      'prevent in 15/16)',
      '15-16?',
      FOOTNOTE,
    ]);
    expect(metrics).toEqual(expect.arrayContaining(PREVENTED));
    // The note's figures ("wave 2", "3-4") are never an answer.
    expect(metrics.filter((m) => m.includes('plan_change'))).toEqual(PREVENTED);
  });

  it('reads rows whose figure comes before the question ends, in large type with every word cut', () => {
    const metrics = metricsOf([
      ...LEVELS,
      ...CHANGE,
      'How',
      'many',
      '410',
      'non(this',
      'elective',
      'covers',
      'admissio',
      'winter',
      'ns is the',
      'wave',
      'BCF',
      'weeks',
      'planned',
      '4',
      'to',
      '14/15)',
      'prevent',
      'in 14-15?',
      'How',
      'many',
      '655',
      'non(this',
      'elective',
      'covers',
      'admissio',
      'winter',
      'ns is the',
      'wave',
      'BCF',
      'weeks',
      'planned',
      '3-4',
      'to',
      '15/16)',
      'prevent',
      'in 15-16?',
      FOOTNOTE,
    ]);
    expect(metrics.filter((m) => m.includes('plan_change'))).toEqual(PREVENTED);
  });

  it('takes the period from a question whose cut lost its hyphen, not the kind of the change row above', () => {
    const metrics = metricsOf([
      ...LEVELS,
      '15/16 Change',
      'compared to',
      '-1.9%',
      'planned',
      '14/15 outturn',
      'How many',
      'non-elective',
      'admissions is',
      'the BCF',
      'planned to',
      'prevent in 1415?',
      '',
      '410 (this',
      'covers',
      'winter wave',
      '2 14/15)',
      '',
      'How many',
      'non-elective',
      'admissions is',
      'the BCF',
      'planned to',
      'prevent in 1516?',
      '',
      '655 (this',
      'covers',
      'winter wave',
      '3-4 15/16)',
      '',
      FOOTNOTE,
    ]);
    expect(metrics.filter((m) => /plan_change|2014-15 actual|^\S+ 2015-16/.test(m))).toEqual(PREVENTED);
  });

  it('names the first row where its name was cut at a hyphen around its period and value (a table without rules)', () => {
    const metrics = metricsOf([
      'For HWB to populate:',
      'Total',
      'number of',
      'non-',
      '',
      '2013/14',
      'Outturn',
      '',
      '41250',
      '(All',
      'Provide',
      '',
      'elective',
      'FFCEs in',
      'general &',
      'acute',
      '',
      'rs)',
      '',
      '2014/15',
      'Plan',
      '',
      '40310',
      '(All',
      'Provide',
      'rs)',
      '',
      FOOTNOTE,
    ]);
    expect(metrics).toEqual(['non_elective_admissions 2013-14 actual 41250', 'non_elective_admissions 2014-15 plan 40310']);
  });
});
