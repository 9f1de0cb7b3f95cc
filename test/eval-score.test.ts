import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asScorable, documentKey, evaluate, formatReport } from '../src/eval/command.js';
import {
  emptyRecord,
  greedyMatch,
  normalisePeriod,
  prf,
  rateValue,
  scoreRecord,
  type DocumentScore,
  type ScorableRecord,
} from '../src/eval/score.js';
import { haveShared } from './shared.js';

const GOLD_DIR = new URL('../../shared/gold/', import.meta.url);
const haveGold = haveShared('gold', 'eval-score: the real gold files scored against themselves');
const goldFiles = haveGold ? readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json')) : [];
const loadGold = (name: string): ScorableRecord => asScorable(JSON.parse(readFileSync(new URL(name, GOLD_DIR), 'utf8')))!;
const clone = <T>(x: T): T => structuredClone(x);

/** A small synthetic gold record with something in every field. */
function syntheticGold(): ScorableRecord {
  return {
    source: { file: 'northmoor.txt', format: 'txt' },
    template: 'bcf-2014-revised',
    area: {
      localAuthorities: ['Northmoor Borough Council'],
      ccgs: ['NHS Northmoor & Eastvale CCG'],
      healthAndWellbeingBoard: 'Northmoor Health and Well-being Board',
    },
    sections: [
      { id: 'plan_details.summary', status: 'present' },
      { id: 'plan_details.signoff', status: 'placeholder' },
      { id: 'risks.risk_log', status: 'present' },
    ],
    schemes: [
      { ref: '1', name: 'Community Resilience and Self Care' },
      { ref: '2', name: 'Integrated Discharge Team' },
    ],
    budgets: [
      { kind: 'total_pooled_budget', year: '2015/16', amountGbp: 12_000_000, scheme: null },
      { kind: 'scheme_spend', year: '2015/16', amountGbp: 400_000, scheme: 'Integrated Discharge Team' },
      { kind: 'scheme_spend', year: '2015/16', amountGbp: 150_000, scheme: 'Integrated Discharge Team' },
    ],
    risks: [
      { description: 'Acute activity does not fall at the planned rate', likelihood: 4, impact: 5, score: 20, rating: 'high' },
      { description: 'Workforce shortages delay the new discharge service', likelihood: 3, impact: 3, score: 9, rating: 'medium' },
    ],
    metrics: [
      { metric: 'reablement', value: 81.7, period: '2022-23', kind: 'plan', numerator: 688, denominator: 842 },
      { metric: 'reablement', value: 77.1, period: '2020-21', kind: 'actual', numerator: 155, denominator: 201 },
    ],
    flags: [{ code: 'RISK_SCORE_MISMATCH', section: 'risks.risk_log' }],
  };
}

/** Every ratio in a score, so "all perfect" and "only X changed" can be asserted in one place. */
function ratios(s: DocumentScore): Record<string, number | null> {
  const out: Record<string, number | null> = {
    template: rateValue(s.template),
    sections: rateValue(s.sections),
  };
  for (const [f, c] of Object.entries(s.lists)) {
    const p = prf(c);
    out[`${f}.p`] = p.precision;
    out[`${f}.r`] = p.recall;
  }
  for (const [a, r] of Object.entries(s.riskAttributes)) out[`risk.${a}`] = rateValue(r);
  for (const [a, r] of Object.entries(s.metricAttributes)) out[`metric.${a}`] = rateValue(r);
  return out;
}

function changedRatios(a: DocumentScore, b: DocumentScore): Record<string, [number | null, number | null]> {
  const ra = ratios(a);
  const rb = ratios(b);
  const out: Record<string, [number | null, number | null]> = {};
  for (const k of Object.keys(ra)) if (ra[k] !== rb[k]) out[k] = [ra[k], rb[k]];
  return out;
}

describe('scoreRecord', () => {
  it.skipIf(!haveGold)('scores each real gold file against itself as perfect', () => {
    expect(goldFiles.length).toBeGreaterThanOrEqual(3);
    for (const f of goldFiles) {
      const g = loadGold(f);
      const s = scoreRecord(clone(g), g);
      for (const [k, v] of Object.entries(ratios(s))) {
        // Attributes of an empty list are not judged (null); everything judged is exact.
        expect([1, null], `${f} ${k}`).toContain(v);
      }
      expect(s.lists.budgets.tp).toBe(g.budgets.length);
      expect(s.lists.risks.tp).toBe(g.risks.length);
    }
  });

  it('a missing risk lowers risk recall only', () => {
    const g = syntheticGold();
    const r = clone(g);
    r.risks.splice(1, 1);
    const changed = changedRatios(scoreRecord(g, g), scoreRecord(r, g));
    expect(changed).toEqual({ 'risks.r': [1, 0.5] });
  });

  it('a wrong likelihood lowers that attribute only', () => {
    const g = syntheticGold();
    const r = clone(g);
    r.risks[0].likelihood = 3;
    const s = scoreRecord(r, g);
    expect(changedRatios(scoreRecord(g, g), s)).toEqual({ 'risk.likelihood': [1, 0.5] });
    expect(s.errors.risks.wrong[0]).toMatch(/likelihood 3 \(gold 4\)/);
  });

  it('an extra budget lowers budget precision, not recall', () => {
    const g = syntheticGold();
    const r = clone(g);
    r.budgets.push({ kind: 'dfg', year: '2015/16', amountGbp: 1_234_567, scheme: null });
    const changed = changedRatios(scoreRecord(g, g), scoreRecord(r, g));
    expect(changed).toEqual({ 'budgets.p': [1, 0.75], 'budgetKeys.p': [1, 0.75] });
  });

  it('a budget with the right kind and year but a wrong amount is matched on keys but not counted correct', () => {
    const g = syntheticGold();
    const r = clone(g);
    r.budgets[0].amountGbp = 12_000;
    const s = scoreRecord(r, g);
    expect(s.lists.budgets).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(s.lists.budgetKeys).toEqual({ tp: 3, fp: 0, fn: 0 });
  });

  it('two spend rows of one scheme are matched one-to-one by amount, in any order', () => {
    const g = syntheticGold();
    const r = clone(g);
    r.budgets.reverse();
    expect(scoreRecord(r, g).lists.budgets).toEqual({ tp: 3, fp: 0, fn: 0 });
    // The same row twice satisfies only one of the two gold rows.
    r.budgets = [g.budgets[0], g.budgets[1], g.budgets[1]];
    expect(scoreRecord(r, g).lists.budgets).toEqual({ tp: 2, fp: 1, fn: 1 });
  });

  it('area names match across "&"/"and", case, hyphens and spacing, but not across categories', () => {
    const g = syntheticGold();
    const r = clone(g);
    r.area = {
      localAuthorities: ['NORTHMOOR  BOROUGH COUNCIL'],
      ccgs: ['NHS Northmoor and Eastvale CCG'],
      healthAndWellbeingBoard: 'Northmoor Health & Wellbeing Board',
    };
    expect(scoreRecord(r, g).lists.area).toEqual({ tp: 3, fp: 0, fn: 0 });
    r.area = { localAuthorities: ['NHS Northmoor & Eastvale CCG'], ccgs: [], healthAndWellbeingBoard: null };
    expect(scoreRecord(r, g).lists.area).toEqual({ tp: 0, fp: 1, fn: 3 });
  });

  it('schemes match by overlapping name words or by ref, not by an unrelated name', () => {
    const g = syntheticGold();
    const r = clone(g);
    r.schemes = [
      { ref: null, name: 'Self-care and community resilience' },
      { ref: 'X9', name: 'Care home liaison' },
    ];
    expect(scoreRecord(r, g).lists.schemes).toEqual({ tp: 1, fp: 1, fn: 1 });
    r.schemes[1].ref = '2';
    expect(scoreRecord(r, g).lists.schemes).toEqual({ tp: 2, fp: 0, fn: 0 });
  });

  it('risks match on the first words, so a description that runs on still matches', () => {
    const g = syntheticGold();
    const r = clone(g);
    r.risks[0].description += ' because of delays in implementation and cost pressures across the whole system';
    r.risks[1].description = 'Funding is withdrawn';
    const s = scoreRecord(r, g);
    expect(s.lists.risks).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it('metrics match on metric, value and period ("2022/23" = "2022-23"); numerator is then compared', () => {
    const g = syntheticGold();
    const r = clone(g);
    r.metrics[0].period = '2022/23';
    r.metrics[1].numerator = 156;
    const s = scoreRecord(r, g);
    expect(s.lists.metrics).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(s.metricAttributes.numerator).toEqual({ correct: 1, total: 2 });
    r.metrics[1].period = '2021-22';
    expect(scoreRecord(r, g).lists.metrics).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it('flags match on code and section; an extra flag lowers precision only', () => {
    const g = syntheticGold();
    const r = clone(g);
    r.flags = [{ code: 'RISK_SCORE_MISMATCH', section: null }];
    expect(prf(scoreRecord(r, g).lists.flags).recall).toBe(0);
    r.flags = [...g.flags, { code: 'UNSIGNED', section: 'plan_details.signoff' }];
    const p = prf(scoreRecord(r, g).lists.flags);
    expect([p.precision, p.recall]).toEqual([0.5, 1]);
  });

  it('a section the record does not list counts as missing', () => {
    const g = syntheticGold();
    g.sections.push({ id: 'finance.summary', status: 'missing' });
    const r = clone(g);
    r.sections = r.sections.filter((s) => s.id !== 'finance.summary' && s.id !== 'risks.risk_log');
    expect(scoreRecord(r, g).sections).toEqual({ correct: 3, total: 4 });
  });

  it('an empty record against gold with content scores zero, and empty against empty is perfect', () => {
    const g = syntheticGold();
    const s = scoreRecord(emptyRecord('x'), g);
    expect(prf(s.lists.risks)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(rateValue(s.riskAttributes.likelihood)).toBeNull();
    const e = scoreRecord(emptyRecord('x'), emptyRecord('x'));
    expect(prf(e.lists.metrics).f1).toBe(1);
  });
});

describe('greedyMatch', () => {
  it('takes the best pair first and uses each item once', () => {
    const pairs = greedyMatch([0, 1], [0, 1], (g, p) => (g === 0 ? 0.6 + p * 0.3 : p === 1 ? 0.8 : null));
    // (0,1)=0.9 is taken first; gold 1 can then only pair with record 1, which is used.
    expect(pairs).toEqual([[0, 1]]);
  });
});

describe('normalisePeriod', () => {
  it('writes financial years and quarters one way', () => {
    expect(normalisePeriod('2022/23 Q1')).toBe('2022-23 q1');
    expect(normalisePeriod('2022-2023')).toBe('2022-23');
    expect(normalisePeriod('2013-14')).toBe('2013-14');
  });
});

describe('evaluate', () => {
  it('pairs records with gold by base name, per format, and scores a gold document with no record as empty', () => {
    const g = syntheticGold();
    const gold = new Map([[documentKey(g.source.file), g]]);
    const asDocx = { ...clone(g), source: { file: 'batch/2015/northmoor.docx', format: 'docx' } };
    const asPdf = { ...clone(g), source: { file: 'northmoor.pdf', format: 'pdf' }, risks: [] };
    const other = { ...clone(g), source: { file: 'southmoor.pdf', format: 'pdf' } };
    const report = evaluate(gold, [asDocx, asPdf, other]);
    expect(report.documents.map((d) => [d.document, d.format, d.hasRecord])).toEqual([
      ['northmoor', 'docx', true],
      ['northmoor', 'pdf', true],
    ]);
    expect(prf(report.totals.docx.lists.risks).f1).toBe(1);
    expect(prf(report.totals.pdf.lists.risks).recall).toBe(0);
    expect(report.unmatchedRecords).toEqual(['southmoor.pdf']);
    expect(report.totals.all.lists.risks).toEqual({ tp: 2, fp: 0, fn: 2 });
    expect(report.totals.all.documents).toBe(2);

    const onlyDocx = evaluate(new Map([...gold, ['eastvale', { ...clone(g), source: { file: 'eastvale.txt' } }]]), [asDocx]);
    expect(onlyDocx.documents.find((d) => d.document === 'eastvale')).toMatchObject({ hasRecord: false, format: 'docx' });
    expect(onlyDocx.totals.docx.lists.risks).toEqual({ tp: 2, fp: 0, fn: 2 });
  });

  it('prints per-format totals and names what each document got wrong', () => {
    const g = syntheticGold();
    const r = { ...clone(g), source: { file: 'northmoor.pdf', format: 'pdf' } };
    r.risks.pop();
    r.budgets[0].amountGbp = 1;
    const text = formatReport(evaluate(new Map([['northmoor', g]]), [r]));
    expect(text).toMatch(/^risks\s+1\.00 \/ 0\.50 \/ 0\.67 \[1 0 1\]$/m);
    expect(text).toContain('risks missed (1): Workforce shortages delay the new discharge service');
    expect(text).toContain('budgetKeys wrong (1): total_pooled_budget 2015/16 £12000000: got £1');
  });

  it('documentKey drops folders and the extension only', () => {
    expect(documentKey('2014/leicester.part1.pdf')).toBe('leicester.part1');
    expect(documentKey('C:\\plans\\x.docx')).toBe('x');
  });
});
