// A risk log's header is found in text by lines that each name a column (src/tables/cellStream.ts): three lines of
// a narrative section in a row can name roles by chance ("… the risk of …", "… and Actions", "… ownership of …").
// "Ownership" names no owner column, so prose like this gives no risks. Every line here is made up.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractRisks, riskColumnOf } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

describe('prose whose lines name risk-log roles by chance', () => {
  const lines = [
    'Local priorities',
    '•   Blood pressure checks: to find people early and lower',
    '    the risk of strokes and heart attacks',
    'Aims and Actions',
    '•   A joint ownership of the aims across the partners',
    '•   Clear roles for every partner, each knowing its part',
    '    in reaching the aims',
    '•   Decisions made on the evidence and reviewed each year',
    '',
    'Next steps',
  ];

  it('is no risk log', () => {
    expect(extractRisks(extractText(lines.join('\n'), 'txt'), noSections).value).toEqual([]);
  });

  it('reads an owner column by its name, not "ownership"', () => {
    expect(riskColumnOf('Risk owner')).toBe('owner');
    expect(riskColumnOf('Lead/Owner')).toBe('owner');
    expect(riskColumnOf('A joint ownership of the aims')).toBeNull();
  });
});
