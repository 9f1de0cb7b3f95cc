import { it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { periodStackGrids } from '../src/tables/periodStack.js';
it('dbg', () => {
  const doc = extractText(['Avoidable admissions', '2021- 2021- 2021-', '22 Q1 22 Q2 22 Q3', 'Actual Actual Actual', 'Indicator 12 13', 'Indicator 21 22 23 then 5 words', ''].join('\n'), 'txt');
  for (const spec of [{
    kindWord: (w: string) => (/^(actual|plan)$/i.test(w) ? w.toLowerCase() : null),
    isValue: (t: string) => /^\d[\d,.]*%?$/.test(t),
    namesTable: (t: string) => /admissions/i.test(t),
    roleWord: /^(numerator|denominator)$/i,
  }]) console.log(JSON.stringify(periodStackGrids(doc, 0, doc.blocks.length, spec)));
});
