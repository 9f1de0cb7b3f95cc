// The 2014 revised risk log ("There is a risk that: | How likely … 1-5 | Potential impact … 1-5 | Overall risk
// factor | Mitigating Actions") printed without rules and read by pdftotext without -layout (failure class 7 of
// ../shared/spec/tables.md), as one synthetic stream the risk tests break in other ways (another wrapping, a header
// printed again): the reader takes each column's cells of a few rows at a time, so the first rows' risks come out
// right after the risk header's first cell, before the other header cells; the figures, impacts, scores and actions
// follow column by column; a rating cut at its cell's edge comes out as "Mediu" / "m". Every name and figure here is
// made up.
import { extractText } from '../src/extract/text/index.js';
import { extractRisks } from '../src/fields/risks/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

export const PROSE = [
  'Risk log Please provide details of the most important risks and your plans to mitigate them.',
  'The log below is kept at a high level: each scheme in the plan keeps its own risk register, reviewed',
  'by the joint programme board every month, and risks are escalated to the board by exception.',
];

export const HEADER_CELLS = [
  'There is a risk that:',
  '',
  'Potential impact',
  '',
  'Overall',
  'risk factor',
  '',
  'Please rate',
  'on a scale of',
  '1-5 with 1',
  'being very',
  'unlikely and 5',
  'being very',
  'likely',
  '',
];

/** The log's stream, the section's prose first. */
export const REVISED_LOG_RAW = [
  ...PROSE,
  'There is a risk that:',
  '',
  'Care homes in the area do not',
  'take part in the new discharge',
  'scheme at the pace the plan',
  'assumes',
  'Partners cannot agree a shared',
  'budget for the community',
  'teams',
  '',
  ...HEADER_CELLS,
  '4',
  '',
  '5 Delayed discharges rise',
  'and beds stay full through',
  'the winter',
  '',
  '3',
  '',
  '4 Community teams cannot',
  'be staffed',
  '',
  'How likely',
  'is the risk',
  'to',
  'materialise',
  '?',
  '',
  'resulting in longer waits',
  'for home care packages',
  'and more readmissions',
  'to hospital',
  'Demand for adult',
  'social care will',
  'outstrip the',
  '',
  'How likely is',
  'the risk to',
  'materialise?',
  '',
  '4',
  '',
  '5 Pressure on the council',
  'budget.',
  '',
  '20 High',
  '',
  'Weekly review of discharge',
  'figures at the joint board and',
  'the urgent care board will',
  'track progress',
  '',
  '12',
  'Mediu',
  'm',
  '',
  'Joint board agreeing a',
  'pooled budget with the',
  'partners by the spring.',
  '',
  'Mitigating Actions',
  '',
  'Mitigating Actions',
  '',
  'Monthly review by the care',
  'board, which agreed to fund',
  '20',
  'High',
  '',
  'funding set aside for it.',
];

/** The risks the stream holds: description, likelihood, impact, score, rating. */
export const REVISED_RISKS = [
  ['Care homes in the area do not take part in the new discharge scheme at the pace the plan assumes', 4, 5, 20, 'high'],
  ['Partners cannot agree a shared budget for the community teams', 3, 4, 12, 'medium'],
  ['Demand for adult social care will outstrip the', 4, 5, 20, 'high'],
];

export const scoredRisksOf = (lines: string[]) =>
  extractRisks(extractText(lines.join('\n'), 'txt'), noSections).value.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating]);

/** `lines` with `remove` lines from the first line equal to `at` (plus `offset`) replaced by `insert`. */
export function edited(lines: string[], at: string, offset: number, remove: number, insert: string[]): string[] {
  const i = lines.indexOf(at);
  if (i < 0) throw new Error(`no line ${JSON.stringify(at)} in the stream`);
  const out = [...lines];
  out.splice(i + offset, remove, ...insert);
  return out;
}
