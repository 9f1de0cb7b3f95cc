import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPlan, haveShared } from './shared.js';
import { buildDocument, type DocumentModel, type RawBlock, type TableRow } from '../src/model/document.js';
import type { Budget, Metric, Risk } from '../src/record/schema.js';
import type { Segmentation, SectionSpan } from '../src/segment/types.js';
import { checkPlan, type ExtractedFields } from '../src/validate/index.js';
import { budgetProblems, metricRatioProblem, riskScoreProblem } from '../src/validate/arithmetic.js';
import { extractPlaceholders, findPlaceholders } from '../src/fields/placeholders/index.js';
import { extractSignatories } from '../src/fields/signoff/index.js';
import { extractDocument } from '../src/extract/index.js';
import { loadTemplates, segmentDocument } from '../src/segment/index.js';
import { analyseDocument } from '../src/pipeline/analyse.js';

const row = (cells: string[], page: number | null = 1): TableRow => ({ cells: cells.map((text) => ({ text })), page });
const table = (rows: string[][], page: number | null = 1): RawBlock => ({ kind: 'table', page, rows: rows.map((r) => row(r, page)) });
const heading = (text: string, page: number | null = 1): RawBlock => ({ kind: 'heading', level: 2, page, text });
const para = (text: string, page: number | null = 1): RawBlock => ({ kind: 'paragraph', page, text });
const none: ExtractedFields = { schemes: [], budgets: [], risks: [], metrics: [], signatories: [], placeholders: [] };
/** `fields` with what the sign-off and placeholder fields read in `doc`: the values UNSIGNED and PLACEHOLDER_TEXT check. */
const withChecks = (doc: DocumentModel, fields: Omit<ExtractedFields, 'signatories' | 'placeholders'> = none): ExtractedFields => ({
  ...fields,
  signatories: extractSignatories(doc).value,
  placeholders: extractPlaceholders(doc).value,
});

/** One section per heading, to the next heading: enough segmentation for flags to name their section. */
function segmentByHeadings(doc: DocumentModel, ids: Record<string, string>): Segmentation {
  const starts = doc.blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.kind === 'heading');
  const sections: SectionSpan[] = starts.map(({ b, i }, k) => {
    const next = starts[k + 1];
    return {
      id: ids[(b as { text: string }).text],
      heading: (b as { text: string }).text,
      status: 'present',
      page: b.page,
      start: b.offset,
      end: next ? next.b.offset : doc.text.length,
      blockStart: i,
      blockEnd: next ? next.i : doc.blocks.length,
    };
  });
  return { template: 'test', sections, flags: [] };
}

const risk = (over: Partial<Risk>): Risk => ({
  description: 'Winter pressures',
  likelihood: null,
  impact: null,
  score: null,
  rating: null,
  mitigation: null,
  owner: null,
  page: 7,
  text: 'Winter pressures\t3\t5\t12',
  ...over,
});

describe('risk flags', () => {
  it('RISK_SCORE_MISMATCH when the written score is not likelihood × impact', () => {
    expect(riskScoreProblem(risk({ likelihood: 3, impact: 5, score: 12 }))).toBe('score 12 but likelihood 3 × impact 5 = 15');
    expect(riskScoreProblem(risk({ likelihood: 3, impact: 5, score: 15 }))).toBeNull();
    expect(riskScoreProblem(risk({ likelihood: 3, impact: null, score: 12 }))).toBeNull();
  });
  it('flags the mismatch and the unscored risk in the risk-log section, with page and quote', () => {
    const doc = buildDocument('pdf', 8, [
      heading('a) Risk log', 7),
      table([['Risk', 'Likelihood', 'Impact', 'Score'], ['Winter pressures', '3', '5', '12'], ['Workforce gaps', '', '', '']], 7),
    ]);
    const seg = segmentByHeadings(doc, { 'a) Risk log': 'risks.risk_log' });
    const flags = checkPlan(doc, seg, {
      ...none,
      // Both read from the log table, block 1 (after the heading).
      risks: [risk({ likelihood: 3, impact: 5, score: 12, rating: 'medium', block: 1 }), risk({ description: 'Workforce gaps', text: 'Workforce gaps\t\t\t', block: 1 })],
    });
    expect(flags.map((f) => [f.code, f.severity, f.section, f.page])).toEqual([
      ['RISK_SCORE_MISMATCH', 'warning', 'risks.risk_log', 7],
      ['RISK_UNSCORED', 'warning', 'risks.risk_log', 7],
    ]);
    expect(flags[0].message).toContain('score 12 but likelihood 3 × impact 5 = 15');
    expect(flags[0].text).toContain('Winter pressures');
  });
  it('does not flag a rated risk without scores', () => {
    const doc = buildDocument('txt', null, [para('x')]);
    expect(checkPlan(doc, { template: 'unknown', sections: [], flags: [] }, { ...none, risks: [risk({ rating: 'high' })] })).toEqual([]);
  });
});

const metric = (over: Partial<Metric>): Metric => ({
  metric: 'discharge_usual_residence',
  label: 'Percentage discharged to usual place of residence',
  period: '2022-23 Q1',
  kind: 'plan',
  value: 97.0,
  unit: 'percent',
  numerator: 7342,
  denominator: 7569,
  page: 4,
  text: 'Quarter (%)\t97.0%',
  ...over,
});

describe('METRIC_RATIO_MISMATCH', () => {
  it('accepts a value that rounds (or truncates) to the written precision', () => {
    expect(metricRatioProblem(metric({}))).toBeNull(); // 97.001
    expect(metricRatioProblem(metric({ value: 596.4, unit: 'rate_per_100k', numerator: 188, denominator: 31524, text: 'Annual Rate\t596.4' }))).toBeNull();
    expect(metricRatioProblem(metric({ value: 79, numerator: 640, denominator: 810, text: 'Annual (%)\t79.0%' }))).toBeNull(); // 79.01
  });
  it('flags a value off by more than rounding, saying what the ratio gives', () => {
    const problem = metricRatioProblem(metric({ value: 95.0, text: 'Quarter (%)\t95.0%' }));
    expect(problem).toMatch(/value 95% but 7,342 \/ 7,569 × 100 = 97\.00/);
    // Written as a whole number, 96 is within rounding of 96.4 but not of 97.0.
    expect(metricRatioProblem(metric({ value: 96, numerator: 964, denominator: 1000, text: '96%' }))).toBeNull();
    expect(metricRatioProblem(metric({ value: 96, numerator: 970, denominator: 1000, text: '96%' }))).not.toBeNull();
  });
  it('becomes a flag in the metrics section', () => {
    const doc = buildDocument('docx', null, [heading('Metrics'), table([['', '2022-23 Q1 Plan'], ['Quarter (%)', '95.0%'], ['Numerator', '7,342'], ['Denominator', '7,569']])]);
    const seg = segmentByHeadings(doc, { Metrics: 'planning.metrics' });
    const flags = checkPlan(doc, seg, { ...none, metrics: [metric({ value: 95, text: 'Quarter (%)\t95.0%', page: null, block: 1 })] });
    expect(flags.map((f) => [f.code, f.severity, f.section])).toEqual([['METRIC_RATIO_MISMATCH', 'warning', 'planning.metrics']]);
  });
});

const budget = (kind: Budget['kind'], amountGbp: number, label: string, year = '2022/23'): Budget => ({
  kind,
  year,
  amountGbp,
  scheme: null,
  source: null,
  label,
  text: `£${amountGbp.toLocaleString('en-GB')}`,
  page: 1,
});

describe('budget flags', () => {
  const parts = [
    budget('dfg', 1874512, 'Leicester'),
    budget('ibcf', 11630447, 'Leicester'),
    budget('ibcf', 11630447, 'Total iBCF Contribution'), // contributor line + its total: one figure
    budget('la_additional_contribution', 315800, 'Total Additional Local Authority Contribution'),
    budget('nhs_minimum_contribution', 17452219, 'Total NHS Minimum Contribution'),
    budget('nhs_additional_contribution', 0, 'Total Additional NHS Contribution'),
    budget('other', 17452219, 'Total NHS Contribution'),
  ];
  it('no flag when the stated total is the sum of its stated parts (no double counting)', () => {
    expect(budgetProblems([...parts, budget('total_pooled_budget', 31272978, 'Total BCF Pooled Budget')])).toEqual([]);
  });
  it('BUDGET_TOTAL_MISMATCH when it is not', () => {
    const problems = budgetProblems([...parts, budget('total_pooled_budget', 32272978, 'Total BCF Pooled Budget')]);
    expect(problems.map((p) => p.code)).toEqual(['BUDGET_TOTAL_MISMATCH']);
    expect(problems[0].message).toMatch(/2022\/23 total pooled budget £32,272,978 but its stated parts add up to £31,272,978/);
  });
  it('writes amounts with en-GB thousands separators, small and negative ones too', () => {
    const problems = budgetProblems([budget('nhs_minimum_contribution', 999, 'NHS minimum'), budget('ibcf', -1234567, 'iBCF'), budget('total_pooled_budget', 5, 'Total BCF Pooled Budget')]);
    expect(problems[0].message).toBe('2022/23 total pooled budget £5 but its stated parts add up to £-1,233,568 (ibcf £-1,234,567 + nhs_minimum_contribution £999)');
    expect((-1233568).toLocaleString('en-GB')).toBe('-1,233,568'); // what the message follows
  });
  it('no total check when an unclassified contribution sits beside the parts (it may be one of them)', () => {
    const withOther = [...parts, budget('other', 1000000, 'Council contribution'), budget('total_pooled_budget', 32272978, 'Total BCF Pooled Budget')];
    expect(budgetProblems(withOther)).toEqual([]);
  });
  it('no total check when no parts are stated; BUDGET_BELOW_MINIMUM when the total is under the minimum', () => {
    const doc = buildDocument('txt', null, [heading('a) Summary of Plan'), table([['Minimum required value of pooled budget', '2015/16', '£19,276,000'], ['Total agreed value of pooled budget', '2015/16', '£13,500,000']])]);
    const seg = segmentByHeadings(doc, { 'a) Summary of Plan': 'plan_details.summary' });
    const flags = checkPlan(doc, seg, {
      ...none,
      budgets: [budget('minimum_pooled_budget', 19276000, 'Minimum required value of pooled budget', '2015/16'), { ...budget('total_pooled_budget', 13500000, 'Total agreed value of pooled budget', '2015/16'), block: 1 }],
    });
    expect(flags.map((f) => [f.code, f.severity, f.section])).toEqual([['BUDGET_BELOW_MINIMUM', 'error', 'plan_details.summary']]);
    expect(flags[0].message).toBe('2015/16 total pooled budget £13,500,000 is below the minimum required £19,276,000');
  });
});

describe('placeholders and sign-off', () => {
  it('finds template placeholders, not template instructions or HTML', () => {
    const found = (t: string, ctx = '') => findPlaceholders(t, ctx).map((h) => h.placeholder);
    expect(found('<name of signatory>')).toEqual(['<name of signatory>']);
    expect(found('<name of="" signatory=""></name>')).toEqual(['<name of signatory>']);
    expect(found('<date></date>')).toEqual(['<date>']);
    expect(found('Date: dd/mm/yyyy')).toEqual(['dd/mm/yyyy']);
    expect(found('Patient/service user experience: TBC')).toEqual(['TBC']);
    expect(found('By 2015/16, x-number of people will report')).toEqual(['x-number']);
    expect(found('reduce admissions by X% saving £Xk')).toEqual(['X%', '£Xk']);
    expect(found('X', 'Planned target')).toEqual(['X']);
    expect(found('X', 'Data sharing agreement in place')).toEqual([]);
    expect(found('<Insert extra rows for additional CCGs as required>')).toEqual([]);
    expect(found('<i>Please rate</i> <u> </u> <st1:place>Leicester</st1:place> <o:p></o:p>')).toEqual([]);
    expect(found('Home Support Workers x 4')).toEqual([]);
  });

  it('a lone X under a "Planned" column header is a placeholder; under a checklist column it is a tick', () => {
    const outcomes = table([
      ['Metric', 'Baseline (2012-13)', 'Planned 2014-15', 'Planned 2015-16'],
      ['Emergency admissions per 100,000 population', '1,840.5', '1,800.0', 'X'],
    ]);
    const checklist = table([
      ['Condition', 'In place'],
      ['Data sharing agreement signed', 'X'],
    ]);
    const doc = buildDocument('docx', null, [heading('Outcomes and metrics'), outcomes, heading('National conditions'), checklist]);
    const flags = checkPlan(doc, segmentByHeadings(doc, { 'Outcomes and metrics': 'metrics.outcomes', 'National conditions': 'national_conditions.data_sharing' }), withChecks(doc));
    expect(flags.map((f) => [f.code, f.section])).toEqual([['PLACEHOLDER_TEXT', 'metrics.outcomes']]);
    expect(flags[0].text).toContain('Emergency admissions per 100,000 population | 1,840.5 | 1,800.0 | X');
  });

  const signoff = (ccgBy: string, ccgDate: string): RawBlock[] => [
    heading('b) Authorisation and signoff'),
    table([['Signed on behalf of the Clinical Commissioning Group', 'Northtown CCG'], ['By', ccgBy], ['Position', 'Chief Officer'], ['Date', ccgDate]]),
    para('<Insert extra rows for additional CCGs as required>'),
    table([['Signed on behalf of the Council', ''], ['By', 'Councillor A Smith'], ['Position', 'Cabinet Member'], ['Date', '14.01.15']]),
    heading('c) Related documentation'),
    para('See the HWB strategy.'),
  ];
  const ids = { 'b) Authorisation and signoff': 'plan_details.signoff', 'c) Related documentation': 'plan_details.related_documentation' };

  it('a signed block is not flagged (and the insert-rows instruction is not a placeholder)', () => {
    const doc = buildDocument('docx', null, signoff('Jane Doe', '14.01.15'));
    expect(checkPlan(doc, segmentByHeadings(doc, ids), withChecks(doc))).toEqual([]);
  });

  it('placeholders in a sign-off block give one PLACEHOLDER_TEXT and one UNSIGNED flag for the section', () => {
    const doc = buildDocument('docx', null, signoff('<name of signatory>', '<date>'));
    const flags = checkPlan(doc, segmentByHeadings(doc, ids), withChecks(doc));
    expect(flags.map((f) => [f.code, f.severity, f.section])).toEqual([
      ['UNSIGNED', 'error', 'plan_details.signoff'],
      ['PLACEHOLDER_TEXT', 'warning', 'plan_details.signoff'],
    ]);
    expect(flags[0].message).toBe('1 signatory has no name or no date: Signed on behalf of the Clinical Commissioning Group — Northtown CCG (no name, no date)');
    expect(flags[0].text).toContain('<name of signatory>');
    expect(flags[1].message).toBe('template placeholder text left in: "<name of signatory>", "<date>"');
  });

  it('reads a sign-off laid out as lines: the name under a bare "By", the date under "Date"', () => {
    const lines = (name: string, date: string) =>
      buildDocument('pdf', 1, [heading('b) Authorisation and signoff'), ...['Signed on behalf of the Council', 'By', name, 'Position', 'Director', 'Date', date].map((t) => para(t))]);
    const signed = lines('Jane Doe', '14/01/15');
    expect(checkPlan(signed, segmentByHeadings(signed, ids), withChecks(signed))).toEqual([]);
    const unsigned = lines('<name of signatory>', '<date>');
    expect(checkPlan(unsigned, segmentByHeadings(unsigned, ids), withChecks(unsigned)).map((f) => f.code)).toEqual(['UNSIGNED', 'PLACEHOLDER_TEXT']);
  });

  it('reads a sign-off flattened one cell per line with the party and name wrapped and the insert-rows line before the date', () => {
    const cells = ['Signed on behalf of the Clinical Commissioning', 'Group', 'By', 'Jane', 'Doe', 'Position', 'Chair', 'Date', '<Insert extra rows for additional CCGs as required>', '14.01.15'];
    const doc = buildDocument('txt', null, [heading('b) Authorisation and signoff'), ...cells.map((t) => para(t))]);
    expect(checkPlan(doc, segmentByHeadings(doc, ids), withChecks(doc))).toEqual([]);
  });

  it('a blank date alone is UNSIGNED; a council report approval table is not a sign-off', () => {
    const doc = buildDocument('docx', null, [
      ...signoff('Jane Doe', ''),
      table([['This report has been approved by the following people:', '', ''], ['Report sponsor', '', ''], ['Legal', 'n/a', '']]),
    ]);
    const flags = checkPlan(doc, segmentByHeadings(doc, ids), withChecks(doc));
    expect(flags.map((f) => [f.code, f.section])).toEqual([['UNSIGNED', 'plan_details.signoff']]);
    expect(flags[0].message).toContain('(no date)');
  });
});

const CORPUS = join(__dirname, '../../shared/corpus');
const templates = loadTemplates(join(__dirname, '../templates'));

describe.skipIf(!haveShared(['corpus', 'gold'], 'validate: corpus plans'))('checkPlan on the corpus (checked against the documents)', () => {
  for (const ext of ['txt', 'docx', 'pdf']) {
    it(`original 2014 plan .${ext}: unsigned CCG/council blocks, their placeholders, and TBC/x-number in the aims`, async () => {
      const name = `${corpusPlan('bcf-2014-original').id}.${ext}`;
      const doc = await extractDocument(readFileSync(join(CORPUS, name)), name);
      const record = analyseDocument(doc, templates, { file: name, sha256: null, format: null, pages: null });
      const mine = record.flags.filter((f) => ['UNSIGNED', 'PLACEHOLDER_TEXT', 'RISK_SCORE_MISMATCH', 'RISK_UNSCORED', 'METRIC_RATIO_MISMATCH'].includes(f.code));
      expect(mine.map((f) => [f.code, f.section])).toEqual([
        ['UNSIGNED', 'plan_details.signoff'],
        ['PLACEHOLDER_TEXT', 'plan_details.signoff'],
        ['PLACEHOLDER_TEXT', 'vision.aims'],
      ]);
      // 4 CCG blocks and 9 council blocks hold <name of signatory>/<job title>/<date>; the HWB co-chairs signed.
      expect(mine[0].message).toMatch(/^13 signatories have no name or no date/);
      expect(mine[1].message).toBe('template placeholder text left in: "<name of signatory>" ×13, "<job title>" ×13, "<date>" ×13');
      expect(mine[2].message).toBe('template placeholder text left in: "TBC" ×2, "x-number"');
    }, 120_000);
  }
  for (const template of ['bcf-2014-revised', 'bcf-2022-23'] as const) {
    it(`${template} plan .txt: no consistency flags (signed; scores, ratios and totals agree)`, async () => {
      const { id } = corpusPlan(template);
      const doc = await extractDocument(readFileSync(join(CORPUS, `${id}.txt`)), `${id}.txt`);
      const seg = segmentDocument(doc, templates);
      const record = analyseDocument(doc, templates, { file: id, sha256: null, format: null, pages: null });
      expect(checkPlan(doc, seg, withChecks(doc, record))).toEqual([]);
    });
  }
});
