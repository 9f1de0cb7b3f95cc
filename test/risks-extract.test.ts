import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPlan, haveShared } from './shared.js';
import { buildDocument, type RawBlock, type TableRow } from '../src/model/document.js';
import { extractDocument } from '../src/extract/index.js';
import { extractRisks, leadingScale, parseRating, parseScoreCell, riskColumnOf } from '../src/fields/risks/index.js';
import { cleanCellText } from '../src/text/clean.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const row = (cells: string[], page: number | null = null, extra: Partial<TableRow> = {}): TableRow => ({ cells: cells.map((text) => ({ text })), page, ...extra });
const table = (rows: TableRow[], page: number | null = null): RawBlock => ({ kind: 'table', page, rows });
const para = (text: string): RawBlock => ({ kind: 'paragraph', page: null, text });

const HEADER_1_5 = ['There is a risk that:', 'How likely is the risk to materialise?', 'Potential impact', 'Overall risk factor', 'Mitigating Actions'];

describe('risk log cells', () => {
  it('reads header roles by their words, guidance included', () => {
    expect(riskColumnOf('How likely is the risk to materialise? Please rate on a scale of 1-5 with 1 being very unlikely')).toBe('likelihood');
    expect(riskColumnOf('Overall risk factor (likelihood *potential impact)')).toBe('score');
    expect(riskColumnOf('Potential impact')).toBe('impact');
    expect(riskColumnOf('There is a risk that:')).toBe('description');
    expect(riskColumnOf('Risk rating')).toBe('rating');
    // A narrow header cell wrapped "Risk" / "ratin" / "g" is read back as one word.
    expect(riskColumnOf('Riskrating')).toBe('rating');
    expect(riskColumnOf('Alignment with operating plans')).not.toBe('rating');
    expect(riskColumnOf('Mitigating Actions')).toBe('mitigation');
    expect(riskColumnOf('Risk owner')).toBe('owner');
    expect(riskColumnOf('Lead')).toBe('owner');
  });
  it('takes the impact from the leading digit of a cell with free text, not from money in it', () => {
    expect(leadingScale('5 Overall activity reductions are forecast at £1.625m')).toBe(5);
    expect(leadingScale('4')).toBe(4);
    expect(leadingScale('£1.625m impact')).toBeNull();
    expect(leadingScale('15 days')).toBeNull();
  });
  it('splits score and RAG word, and lower-cases ratings from H/M/L and Red/Amber/Green', () => {
    expect(parseScoreCell('20 High')).toEqual({ likelihood: null, impact: null, score: 20, rating: 'high' });
    expect(parseScoreCell('Red (16)')).toMatchObject({ score: 16, rating: 'high' });
    expect(parseScoreCell('3 x 4 = 12')).toMatchObject({ likelihood: 3, impact: 4, score: 12 });
    expect(parseRating('H')).toBe('high');
    expect(parseRating('M')).toBe('medium');
    expect(parseRating('Low')).toBe('low');
    expect(parseRating('Amber')).toBe('medium');
    expect(parseRating('Green')).toBe('low');
    expect(parseRating('A')).toBe('medium');
    expect(parseScoreCell('20 (4x5) Red')).toEqual({ likelihood: 4, impact: 5, score: 20, rating: 'high' });
    expect(leadingScale('Likely (4)')).toBe(4);
  });
  it('repairs conversion spaces', () => {
    expect(cleanCellText('Plans for re- commissioning by Feb 14 th')).toBe('Plans for re-commissioning by Feb 14th');
    expect(cleanCellText('<i>Please rate</i>  on a scale')).toBe('Please rate on a scale');
  });
});

describe('extractRisks on synthetic logs', () => {
  it('reads a 1-5 log: guidance row skipped, header repeated after a page break, split row joined', () => {
    const doc = buildDocument('txt', null, [
      para('a) Risk log'),
      table([
        row(HEADER_1_5),
        row(['', '<i>Please rate on a scale of 1-5</i>', '<i>please specify in £000s</i>', '<i>(likelihood *potential impact)</i>', '']),
        row(['Funding is withdrawn before schemes start', '4', '5 Loss of £1.2m savings', '20 High', 'Monthly monitoring']),
        row(['Providers cannot recruit staff', '3', '4 Service gaps', '12 Medium', 'Joint workforce plan']),
      ]),
      // The next page: the header again, then the rest of the split row with empty score cells.
      table([
        row(HEADER_1_5),
        row(['Leading to delays in discharge', '', 'more delayed days', '', 'Reviewed by the board']),
        row(['Data sharing is not agreed', '2', '3', '6 Low', 'IG group']),
      ]),
    ]);
    const risks = extractRisks(doc, noSections).value;
    expect(risks.map((r) => [r.likelihood, r.impact, r.score, r.rating])).toEqual([
      [4, 5, 20, 'high'],
      [3, 4, 12, 'medium'],
      [2, 3, 6, 'low'],
    ]);
    expect(risks[1].description).toBe('Providers cannot recruit staff Leading to delays in discharge');
    expect(risks[1].mitigation).toBe('Joint workforce plan Reviewed by the board');
    expect(risks[0].description).toBe('Funding is withdrawn before schemes start');
    expect(risks[0].owner).toBeNull();
    expect(risks[0].text).toContain('20 High');
  });

  it('reads an H/M/L log with an owner column; a row with empty risk and rating continues the mitigation', () => {
    const doc = buildDocument('pdf', 4, [
      table(
        [
          row(['Risk', 'Rating', 'Mitigation', 'Lead'], 3),
          row(['Savings are not delivered', 'H', 'Monthly finance review', 'Director of Finance'], 3),
          row(['', '', 'Escalation to the board', ''], 3),
          row(['Money is tied up in services run by the', 'L', 'Plans for re- commissioning at', 'CCG Chief Officer'], 3),
          // First row on page 4, marked by the PDF extractor: the rest of the row above.
          row(['NHS and cannot fund new activity', '', 'lower cost', ''], 4, { pageBreakBefore: true }),
          row(['Providers disengage', 'Amber', 'Provider forum', 'HWB Chair'], 4),
        ],
        3,
      ),
    ]);
    const risks = extractRisks(doc, noSections).value;
    expect(risks).toHaveLength(3);
    expect(risks.map((r) => r.rating)).toEqual(['high', 'low', 'medium']);
    expect(risks.every((r) => r.likelihood === null && r.impact === null && r.score === null)).toBe(true);
    expect(risks[0].mitigation).toBe('Monthly finance review Escalation to the board');
    expect(risks[0].owner).toBe('Director of Finance');
    expect(risks[1].description).toBe('Money is tied up in services run by the NHS and cannot fund new activity');
    expect(risks[1].mitigation).toBe('Plans for re-commissioning at lower cost');
    expect(risks[1].owner).toBe('CCG Chief Officer');
    expect(risks[1].page).toBe(3);
    expect(risks[2].owner).toBe('HWB Chair');
  });

  it('a row after a page break with its own risk and actions, under a finished row, is an unscored risk of its own', () => {
    const doc = buildDocument('pdf', 3, [
      table(
        [
          row(['Risk', 'Risk rating', 'Mitigating Actions'], 2),
          row(['Day centres close before the hubs open', 'M', 'Phased closure agreed with the provider.'], 2),
          // First row on page 3: a risk whose rating was left empty, not the rest of the row above.
          row(['Volunteers are not recruited in time', '', 'Recruitment drive with the local college.'], 3, { pageBreakBefore: true }),
          row(['Demand for equipment rises faster than planned', 'H', 'Monthly review of orders.'], 3),
        ],
        2,
      ),
    ]);
    const risks = extractRisks(doc, noSections).value;
    expect(risks.map((r) => [r.description, r.rating])).toEqual([
      ['Day centres close before the hubs open', 'medium'],
      ['Volunteers are not recruited in time', null],
      ['Demand for equipment rises faster than planned', 'high'],
    ]);
    expect(risks[1].page).toBe(3);
  });

  it('joins the rest of a row a page break cut, its rating cut too ("Mediu" / "m"), and keeps a scored row that starts afresh', () => {
    const doc = buildDocument('pdf', 3, [
      table(
        [
          row(['Risk', 'Riskrating', 'Mitigating Actions'], 2),
          row(['Lack of progress against the plan', 'Mediu', 'Robust approach to programme'], 2),
          row(['leading to targets being missed.', 'm', 'Management of the programme board.'], 3, { pageBreakBefore: true }),
          row(['Demand for equipment rises faster than planned', 'H', 'Monthly review of orders.'], 3),
          row(['Savings are late', 'L', 'Finance review.'], 3),
        ],
        2,
      ),
    ]);
    const risks = extractRisks(doc, noSections).value;
    expect(risks.map((r) => [r.description, r.rating])).toEqual([
      ['Lack of progress against the plan leading to targets being missed.', 'medium'],
      ['Demand for equipment rises faster than planned', 'high'],
      ['Savings are late', 'low'],
    ]);
    expect(risks[0].mitigation).toBe('Robust approach to programme Management of the programme board.');
  });

  it('skips a category row inside the log', () => {
    const doc = buildDocument('docx', null, [
      table([row(['Risk', 'Likelihood', 'Impact', 'Score', 'Mitigation']), row(['Financial risks', '', '', '', '']), row(['Savings not delivered', '4', '5', '20', 'Finance review'])]),
    ]);
    const result = extractRisks(doc, noSections);
    expect(result.value.map((r) => r.description)).toEqual(['Savings not delivered']);
    expect(result.messages[0].message).toContain('category heading');
  });

  it('keeps a capitalised unscored row inside a table as its own risk (no page break before it)', () => {
    const doc = buildDocument('docx', null, [
      table([row(['Risk', 'Likelihood', 'Impact', 'Score', 'Mitigation']), row(['Winter pressures', '4', '4', '16', 'Surge plan']), row(['Workforce shortages', '', '', '', 'Recruitment drive'])]),
    ]);
    const risks = extractRisks(doc, noSections).value;
    expect(risks.map((r) => r.description)).toEqual(['Winter pressures', 'Workforce shortages']);
    expect(risks[1]).toMatchObject({ likelihood: null, impact: null, score: null, rating: null });
  });

  it('reads nothing from tables without a risk column', () => {
    const doc = buildDocument('docx', null, [
      table([row(['Scheme', 'Budget', 'Lead']), row(['Falls service', '£200,000', 'CCG'])]),
      table([row(['Risk stratification tool', 'Action']), row(['Practices use the tool monthly', 'Roll out to all practices'])]),
      table([row(['Scheme', 'Description', 'Impact']), row(['Falls service', 'Falls response', 'Fewer admissions'])]),
    ]);
    expect(extractRisks(doc, noSections).value).toEqual([]);
  });
});

const CORPUS = join(__dirname, '../../shared/corpus');
const load = async (name: string) => extractDocument(readFileSync(join(CORPUS, name)), name);

// Scores, ratings and counts compared with the hand-checked gold records (read at run time); the text checks were
// made against the documents.
describe.skipIf(!haveShared(['corpus', 'gold'], 'risks: corpus plans against gold'))('extractRisks on the corpus (checked against the documents)', () => {
  // The revised-template 1-5 log; scores as written in "Overall risk factor" (gold notes list them).
  for (const ext of ['txt', 'docx', 'pdf']) {
    it(`revised 2014 plan .${ext}: every gold risk, header repeated 3 times, 3 split rows joined`, async () => {
      const { id, gold } = corpusPlan('bcf-2014-revised');
      const risks = extractRisks(await load(`${id}.${ext}`), noSections).value;
      expect(gold.risks).toHaveLength(12);
      expect(risks.map((r) => [r.likelihood, r.impact, r.score, r.rating])).toEqual(gold.risks.map((r) => [r.likelihood, r.impact, r.score, r.rating]));
      expect(risks.every((r) => r.score === r.likelihood! * r.impact!)).toBe(true);
      expect(risks[1].description).toMatch(/new models of care resulting in the failure to realise .* BCF schemes$/);
      expect(risks[1].mitigation).toMatch(/Monitored through STAR Group and Adult Care Board$/);
      expect(risks[8].description).toMatch(/behavioural change will result in failure/);
      const last = gold.risks[11];
      expect(risks[11]).toMatchObject({ likelihood: last.likelihood, impact: last.impact, score: last.score, rating: last.rating });
    }, 120_000);
  }
  it('original 2014 plan .txt: the H/M/L log, every gold risk, split row and mitigation continuation joined', async () => {
    const { id, gold } = corpusPlan('bcf-2014-original');
    const risks = extractRisks(await load(`${id}.txt`), noSections).value;
    expect(gold.risks).toHaveLength(8);
    expect(gold.risks.every((r) => r.likelihood === null && r.impact === null && r.score === null)).toBe(true);
    expect(risks.map((r) => r.rating)).toEqual(gold.risks.map((r) => r.rating));
    expect(risks[0].mitigation).toMatch(/population outcomes\. Review good practice/);
    expect(risks[3].description).toBe('Money going into BCF already tied up in mainstream services, therefore cannot fund additional activity');
    expect(risks[3].mitigation).toContain('re-commissioning of services at lower cost');
    expect(risks[5].mitigation).toContain('Feb 14th submission');
  });
  it('2022-23 plan .txt: a plan with no risk log has no risks', async () => {
    const { id, gold } = corpusPlan('bcf-2022-23');
    expect(gold.risks).toEqual([]);
    expect(extractRisks(await load(`${id}.txt`), noSections).value).toEqual([]);
  });
});
