// Failure class 7 of ../shared/spec/tables.md (tables without structure), as pdftotext -layout writes the 2014
// provider-commentary annex (metric name | period and kind | value) from a wide or landscape page or in large type:
// every cell wrapped over several lines and centred on its row, no blank line between rows, a value's bracketed note
// holding figures of its own ("Quarter 4"), and a row cut by a page break whose next page sets the columns elsewhere
// and squeezes a cell's words left into the one before. Every name and figure here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractMetrics } from '../src/fields/metrics/index.js';
import type { Segmentation } from '../src/segment/types.js';
import { pad } from './fixed-width-lines.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const brief = (m: { metric: string; period: string | null; kind: string; value: number }) => `${m.metric} ${m.period} ${m.kind} ${m.value}`;

const EXPECTED = [
  'non_elective_admissions 2013-14 actual 41250',
  'non_elective_admissions 2014-15 plan 40310',
  'non_elective_admissions 2015-16 plan 39780',
  'non_elective_admissions 2014-15 plan_change 410',
  'non_elective_admissions 2015-16 plan_change 655',
];

describe('a row-wise metric table whose centred, wrapped rows run together', () => {
  it('reads each value with its own period and kind, across a page break that moves the columns', () => {
    const lines = [
      'For HWB to populate:',
      '',
      pad([[20, 'Total']]),
      pad([[20, 'number of'], [50, '41250']]),
      pad([[20, 'non-elective 2013/14'], [50, '(All']]),
      pad([[20, 'FFCEs in'], [33, 'Outturn'], [50, 'Providers']]),
      pad([[20, 'general &'], [50, ')']]),
      pad([[20, 'acute']]),
      pad([[50, '40310']]),
      pad([[37, '2014/15'], [50, '(All']]),
      pad([[37, 'Plan'], [50, 'Providers']]),
      pad([[50, ')']]),
      pad([[50, '39780']]),
      pad([[37, '2015/16'], [50, '(All']]),
      pad([[37, 'Plan'], [50, 'Providers']]),
      pad([[50, ')']]),
      pad([[37, '14/15']]),
      pad([[37, 'Change']]),
      pad([[37, 'compared'], [50, '-2.3%']]),
      pad([[37, 'to 13/14']]),
      pad([[37, 'outturn']]),
      pad([[37, '15/16']]),
      pad([[37, 'Change']]),
      pad([[37, 'compared']]),
      pad([[50, '-1.3%']]),
      pad([[37, 'to planned']]),
      pad([[37, '14/15']]),
      pad([[37, 'outturn']]),
      pad([[37, 'How many'], [50, '410 (this']]),
      pad([[37, 'non-'], [50, 'is the']]),
      pad([[37, 'elective'], [50, 'BCF for']]),
      pad([[37, 'admissions'], [50, 'Quarter 4']]),
      // The page break: the rest of the row, and the next row, with the columns further right.
      '\f' + pad([[90, 'is the BCF']]),
      pad([[90, 'planned to']]),
      pad([[103, '14/15)']]),
      pad([[90, 'prevent in']]),
      pad([[90, '14-15?']]),
      pad([[90, 'How many']]),
      pad([[90, 'non-'], [104, '655 (this']]),
      pad([[90, 'elective'], [104, 'is the']]),
      // Squeezed: the value cell's words moved left against the label's.
      pad([[90, 'admissions'], [101, 'BCF for']]),
      pad([[90, 'is the BCF'], [101, 'Quarter']]),
      pad([[90, 'planned to'], [101, '1-3']]),
      pad([[90, 'prevent in'], [101, '15/16)']]),
      pad([[90, '15-16?']]),
      '',
      'For Provider to populate:',
    ];
    const metrics = extractMetrics(extractText(lines.join('\n'), 'txt'), noSections).value;
    expect(metrics.map(brief)).toEqual(EXPECTED);
    expect(metrics[1].label).toBe('Total number of non-elective FFCEs in general & acute');
    expect(metrics[3].label).toBe('How many non- elective admissions is the BCF planned to prevent in 14-15?');
  });

  it('reads it in large type, name and row label sharing lines, a value note wrapped a word a line', () => {
    const lines = [
      'For HWB to populate:',
      '',
      pad([[30, 'Total']]),
      pad([[30, 'number'], [39, '2013/14'], [51, '41250']]),
      pad([[30, 'of non-'], [38, 'Outturn'], [51, '(All']]),
      pad([[30, 'elective'], [51, 'Provide']]),
      pad([[30, 'FFCEs in'], [51, 'rs)']]),
      pad([[30, 'general &']]),
      pad([[30, 'acute']]),
      pad([[53, '40310']]),
      pad([[43, '2014/15'], [53, '(All']]),
      pad([[43, 'Plan'], [53, 'Provide']]),
      pad([[53, 'rs)']]),
      pad([[53, '39780']]),
      pad([[43, '2015/16'], [53, '(All']]),
      pad([[43, 'Plan'], [53, 'Provide']]),
      pad([[53, 'rs)']]),
      pad([[43, '14/15']]),
      pad([[43, 'Change']]),
      pad([[43, 'compare']]),
      pad([[51, '-2.3%']]),
      pad([[43, 'd to']]),
      pad([[43, '13/14']]),
      pad([[43, 'outturn']]),
      pad([[43, 'How']]),
      pad([[43, 'many']]),
      pad([[53, '410']]),
      pad([[43, 'non-']]),
      pad([[53, '(this is']]),
      pad([[43, 'elective']]),
      pad([[53, 'the BCF']]),
      pad([[43, 'admissio']]),
      pad([[53, 'for']]),
      pad([[43, 'ns is the']]),
      pad([[53, 'Quarter']]),
      pad([[43, 'BCF']]),
      pad([[53, '4']]),
      pad([[43, 'planned']]),
      pad([[53, '14/15)']]),
      pad([[43, 'to']]),
      pad([[43, 'prevent']]),
      pad([[43, 'in 14-15?']]),
      pad([[43, 'How']]),
      pad([[43, 'many']]),
      pad([[53, '655']]),
      pad([[43, 'non-']]),
      pad([[53, '(this is']]),
      pad([[43, 'elective']]),
      pad([[53, 'the BCF']]),
      pad([[43, 'admissio']]),
      pad([[53, 'for']]),
      pad([[43, 'ns is the']]),
      pad([[53, 'Quarter']]),
      pad([[43, 'BCF']]),
      pad([[53, '1-3']]),
      pad([[43, 'planned']]),
      pad([[53, '15/16)']]),
      pad([[43, 'to']]),
      pad([[43, 'prevent']]),
      pad([[43, 'in 15-16?']]),
      '',
      'For Provider to populate:',
    ];
    const metrics = extractMetrics(extractText(lines.join('\n'), 'txt'), noSections).value;
    expect(metrics.map(brief)).toEqual(EXPECTED);
  });
});
