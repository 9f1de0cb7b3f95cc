#!/usr/bin/env node
// Generates fixtures/sample (synthetic plans in .docx, .pdf and .txt, each with the facts built into it in
// <name>.expected.json) and fixtures/broken (files the pipeline must refuse or skip, each for a stated reason).
// Run with `npm run fixtures`. Every name, figure and sentence here is invented; nothing is copied from real plans.
// Output is byte-for-byte reproducible (fixed dates, no randomness) except encrypted.pdf, so regenerating does not
// churn the committed files.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compactJson } from './fixtures/json.mjs';
import { crc32 } from './fixtures/crc32.mjs';
import { zipArchive } from './fixtures/zip.mjs';
import PDFDocument from 'pdfkit';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const SAMPLE = join(ROOT, 'sample');
const BROKEN = join(ROOT, 'broken');
const PAIRS = join(ROOT, 'pairs');
const FIXED_TIME = Date.UTC(2024, 0, 15, 12, 0, 0);

// docx (via JSZip) stamps every zip entry and the core properties with `new Date()`. Freeze the clock while the
// documents are packed so the bytes only change when the content does.
async function withFixedClock(fn) {
  const RealDate = globalThis.Date;
  class FixedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(FIXED_TIME);
      else super(...args);
    }
    static now() {
      return FIXED_TIME;
    }
  }
  globalThis.Date = FixedDate;
  try {
    return await fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

// ------------------------------------------------------------------------------------------------
// Plan content. A plan is a list of blocks; the same blocks are rendered to .txt, .docx and .pdf.
//   { h: 1|2, text }                 heading
//   { p: text, bold? }               paragraph
//   { table: rows, header?: true, widths?: number[], breakAfter?: n, id? }
//        rows: string[][]; header: first row is a header row (repeated on each PDF page the table reaches)
//        breakAfter: in the PDF, start a new page after this many body rows (forces a split)
//   { pdfPageBreak: true }           new page in the PDF only
//   { li: text }                     bullet list item
//   table pdfWidths: column widths used in the PDF only (to make cells too narrow on purpose)
// ------------------------------------------------------------------------------------------------

const gbp = (n) => `£${n.toLocaleString('en-GB')}`;

/**
 * A 2014 plan's summary figures (fund: BCF or, in the first drafts, ITF; total: agreed or proposed; each a pair
 * 2014/15, 2015/16) as the budgets its record must have, labelled as the summary table writes them.
 */
function summaryBudgets2014({ fund, totalWord, minimum, total }) {
  const years = ['2014/15', '2015/16'];
  return [
    ...years.map((year, k) => ({ kind: 'minimum_pooled_budget', year, amountGbp: minimum[k], label: `Minimum required value of ${fund} pooled budget: ${year}` })),
    ...years.map((year, k) => ({ kind: 'total_pooled_budget', year, amountGbp: total[k], label: `Total ${totalWord} value of pooled budget: ${year}` })),
  ];
}

/**
 * The opening of a 2014 Part 1 plan: its title lines, "1) PLAN DETAILS", the summary table (its figures as
 * summaryBudgets2014 takes them) and the sign-off table (each CCG's signer in the order of
 * area.ccgs, the council's, then the board's chair).
 */
function planDetails2014({ area, subtitle, boundary, agreed, submitted, fund, totalWord, minimum, total, ccgs, council, board }) {
  const signBlock = (onBehalfOf, org, { by, position, date }) => [
    [`Signed on behalf of the ${onBehalfOf}`, org],
    ['By', by],
    ['Position', position],
    ['Date', date],
  ];
  return [
    { p: 'Better Care Fund planning template – Part 1', bold: true },
    { p: subtitle },
    { h: 1, text: '1) PLAN DETAILS' },
    { h: 2, text: 'a) Summary of Plan' },
    {
      table: [
        ['Local Authority', area.localAuthorities[0]],
        ['Clinical Commissioning Groups', area.ccgs.join('\n')],
        ['Boundary Differences', boundary],
        ['Date agreed at Health and Well-Being Board:', agreed],
        ['Date submitted:', submitted],
        [`Minimum required value of ${fund} pooled budget: 2014/15`, gbp(minimum[0])],
        ['2015/16', gbp(minimum[1])],
        [`Total ${totalWord} value of pooled budget: 2014/15`, gbp(total[0])],
        ['2015/16', gbp(total[1])],
      ],
      widths: [0.55, 0.45],
    },
    { h: 2, text: 'b) Authorisation and signoff' },
    {
      table: [
        ...ccgs.flatMap((signer, k) => signBlock('Clinical Commissioning Group', area.ccgs[k], signer)),
        ...signBlock('Council', area.localAuthorities[0], council),
        ['Signed on behalf of the Health and Wellbeing Board', area.healthAndWellbeingBoard],
        ['By Chair of Health and Wellbeing Board', board.by],
        ['Date', board.date],
      ],
      widths: [0.55, 0.45],
    },
  ];
}

// ---- 1. bcf-2014-revised: Northmoor --------------------------------------------------------------

const northmoor = (() => {
  const area = {
    localAuthorities: ['Northmoor Borough Council'],
    ccgs: ['NHS Northmoor CCG'],
    healthAndWellbeingBoard: 'Northmoor Health and Wellbeing Board',
  };
  const summary = { fund: 'BCF', totalWord: 'agreed', minimum: [1234000, 11870000], total: [2100000, 12450000] };
  const budgets = summaryBudgets2014(summary);
  const schemes = [
    { ref: '1', name: 'Community Resilience and Self Care' },
    { ref: '2', name: 'Integrated Neighbourhood Teams' },
    { ref: '3', name: 'Rapid Response and Admission Avoidance' },
    { ref: '4', name: 'Home from Hospital and Reablement' },
  ];
  // score is AS WRITTEN in the plan; risk 2 is deliberately 16 where 3 x 4 = 12.
  const risks = [
    { description: 'Emergency admissions do not fall at the planned rate, so the acute savings assumed in the plan are not released', likelihood: 4, impact: 5, score: 20, rating: 'high', mitigation: 'Monthly tracking of admissions by the joint commissioning board; schemes re-prioritised each quarter', owner: 'Director of Commissioning' },
    { description: 'Community teams cannot recruit enough nurses and therapists to staff seven day working', likelihood: 3, impact: 4, score: 16, rating: 'high', mitigation: 'Joint recruitment campaign and rotational posts across health and social care', owner: 'Head of Workforce' },
    { description: 'The shared care record is delayed by information governance approvals', likelihood: 2, impact: 3, score: 6, rating: 'low', mitigation: 'Caldicott guardians agree a single data sharing protocol by March', owner: 'Chief Information Officer' },
    { description: 'Providers do not agree outcome-based contracts in time for April 2015', likelihood: 3, impact: 3, score: 9, rating: 'medium', mitigation: 'Early contract talks and a shared risk clause in the section 75 agreement', owner: 'Head of Contracts' },
    { description: 'Demand for adult social care grows faster than forecast and absorbs the protected funding', likelihood: 4, impact: 4, score: 16, rating: 'high', mitigation: 'Quarterly demand model reviewed by the Health and Wellbeing Board', owner: 'Director of Adult Services' },
    { description: 'Care home capacity falls when two homes close during the plan period', likelihood: 2, impact: 4, score: 8, rating: 'medium', mitigation: 'Market position statement and early warning visits to homes at risk', owner: 'Head of Commissioning' },
    { description: 'The performance element of the fund is withheld because the admissions target is missed', likelihood: 3, impact: 5, score: 15, rating: 'high', mitigation: 'Contingency fund of 1% held back and released only when the target is met', owner: 'Chief Finance Officer' },
    { description: 'Residents do not take up the self care and community offer', likelihood: 2, impact: 2, score: 4, rating: 'low', mitigation: 'Co-designed publicity with the voluntary sector and Healthwatch', owner: 'Head of Communications' },
  ];
  const ffce = { label: 'Total number of non-elective FFCEs in general & acute', values: [['2013-14', 'actual', 31250], ['2014-15', 'plan', 30600], ['2015-16', 'plan', 29900]] };
  const ratingWord = (r) => r[0].toUpperCase() + r.slice(1);
  const sec = (id, h, text) => ({ id, heading: h, text });
  const sections = [
    sec('plan_details.summary', 'a) Summary of Plan'),
    sec('plan_details.signoff', 'b) Authorisation and signoff'),
    sec('plan_details.related_documentation', 'c) Related documentation', 'The plan draws on the Northmoor Joint Strategic Needs Assessment 2013 and the Joint Health and Wellbeing Strategy 2013-2016.'),
    sec('vision.vision', 'a) Drawing on your JSNA, JHWS and patient and service user feedback, please describe the vision for health and social care services for this community for 2019/20', 'By 2019/20 people in Northmoor will be supported at home by one neighbourhood team, with hospital care kept for those who need it.'),
    sec('vision.outcomes', 'b) What difference will this make to patient and service user outcomes?', 'Fewer emergency admissions, shorter stays, and more older people still at home 91 days after reablement.'),
    sec('vision.service_changes', 'c) What changes will have been delivered in the pattern and configuration of services over the next five years, and how will BCF funded services contribute to this?', 'Six neighbourhood teams, a single point of access, and a rapid response service seven days a week.'),
    sec('case_for_change', null, 'Northmoor has an older population than the national average and emergency admissions for people over 75 rose by 9% in three years.'),
    sec('plan_of_action.milestones', 'a) Please map out the key milestones associated with the delivery of the Better Care Fund plan and any key interdependencies', 'Neighbourhood teams go live in October 2014; the single point of access follows in April 2015.'),
    sec('plan_of_action.governance', 'b) Please articulate the overarching governance arrangements for integrated care locally', 'The Health and Wellbeing Board owns the plan; a joint commissioning board manages the pooled budget under a section 75 agreement.'),
    sec('plan_of_action.oversight', 'c) Please provide details of the management and oversight of the delivery of the Better Care Fund plan, including management of any remedial actions should plans go off track', 'A monthly dashboard goes to the joint commissioning board, which agrees remedial actions where a scheme falls behind.'),
    sec('plan_of_action.schemes', 'd) List of planned BCF schemes'),
    sec('risks.risk_log', 'a) Risk log'),
    sec('risks.contingency', 'b) Contingency plan and risk sharing', 'Partners share any overspend on the pooled budget in proportion to their contributions.'),
    sec('alignment.other_initiatives', 'a) Please describe how these plans align with other initiatives related to care and support underway in your area', 'The plan builds on the Northmoor dementia strategy and the housing with care programme.'),
    sec('alignment.strategic_plans', 'b) Please describe how your BCF plan of action aligns with existing 2 year operating and 5 year strategic plans, as well as local government planning documents', 'The CCG operating plan assumes the same reduction in non-elective admissions as this plan.'),
    sec('alignment.co_commissioning', 'c) Please describe how your BCF plans align with your plans for primary co-commissioning', 'Practices are grouped into the same six neighbourhoods as the community teams.'),
    sec('national_conditions.protecting_social_care', 'a) Protecting social care services', 'Social care services that benefit health are protected at their 2014/15 level.'),
    sec('national_conditions.seven_day_services', 'b) 7 day services to support discharge', 'Reablement and social work cover run seven days a week from January 2015.'),
    sec('national_conditions.data_sharing', 'c) Data sharing', 'The NHS number is used as the primary identifier in all adult social care records.'),
    sec('national_conditions.joint_assessment', 'd) Joint assessment and accountable lead professional for high risk populations', 'Every person in the top 2% of risk has a named lead professional and a joint care plan.'),
    sec('engagement.public', 'a) Patient, service user and public engagement', 'Three public events and a survey of 400 residents shaped the neighbourhood model.'),
    sec('engagement.providers', 'b) Service provider engagement', 'The acute trust, community provider and care home association sit on the programme board.'),
    sec('engagement.acute_implications', 'c) Implications for acute providers', 'The trust expects 650 fewer non-elective admissions over two years and has planned its bed base on that basis.'),
    sec('annex.scheme_descriptions', null),
    sec('annex.provider_commentary', null),
  ];
  const byId = Object.fromEntries(sections.map((s) => [s.id, s]));
  const body = (id) => [{ h: 2, text: byId[id].heading }, { p: byId[id].text }];
  const blocks = [
    ...planDetails2014({
      area,
      subtitle: 'Northmoor Better Care Fund Plan 2014/15 to 2015/16',
      boundary: 'The council and CCG cover the same population.',
      agreed: '10/09/2014',
      submitted: '19/09/2014',
      ...summary,
      ccgs: [{ by: 'Dr Ada Finch', position: 'Clinical Chair', date: '11/09/2014' }],
      council: { by: 'Cllr Tom Reed', position: 'Leader of the Council', date: '11/09/2014' },
      board: { by: 'Cllr Mary Holt', date: '10/09/2014' },
    }),
    ...body('plan_details.related_documentation'),
    { h: 1, text: '2) VISION FOR HEALTH AND CARE SERVICES' },
    ...body('vision.vision'),
    ...body('vision.outcomes'),
    ...body('vision.service_changes'),
    { h: 1, text: '3) CASE FOR CHANGE' },
    { p: byId.case_for_change.text },
    { h: 1, text: '4) PLAN OF ACTION' },
    ...body('plan_of_action.milestones'),
    ...body('plan_of_action.governance'),
    ...body('plan_of_action.oversight'),
    { h: 2, text: 'd) List of planned BCF schemes' },
    { table: [['Ref no.', 'Scheme'], ...schemes.map((s) => [s.ref, s.name])], header: true, widths: [0.15, 0.85] },
    // Start the risk log on a new PDF page so the forced split below puts it on exactly two pages.
    { pdfPageBreak: true },
    { h: 1, text: '5) RISKS AND CONTINGENCY' },
    { h: 2, text: 'a) Risk log' },
    { p: 'Please provide details of the most important risks and your plans to mitigate them.' },
    {
      id: 'risk_log',
      table: [
        ['There is a risk that:', 'Likelihood (1-5)', 'Impact (1-5)', 'Overall risk factor', 'Mitigating actions', 'Owner'],
        ...risks.map((r) => [r.description, String(r.likelihood), String(r.impact), `${r.score} ${ratingWord(r.rating)}`, r.mitigation, r.owner]),
      ],
      header: true,
      widths: [0.28, 0.11, 0.09, 0.11, 0.25, 0.16],
      breakAfter: 4,
    },
    ...body('risks.contingency'),
    { h: 1, text: '6) ALIGNMENT' },
    ...body('alignment.other_initiatives'),
    ...body('alignment.strategic_plans'),
    ...body('alignment.co_commissioning'),
    { h: 1, text: '7) NATIONAL CONDITIONS' },
    ...body('national_conditions.protecting_social_care'),
    ...body('national_conditions.seven_day_services'),
    ...body('national_conditions.data_sharing'),
    ...body('national_conditions.joint_assessment'),
    { h: 1, text: '8) ENGAGEMENT' },
    ...body('engagement.public'),
    ...body('engagement.providers'),
    ...body('engagement.acute_implications'),
    { h: 1, text: 'ANNEX 1 – Detailed Scheme Description' },
    ...schemes.flatMap((s) => [
      {
        table: [
          ['Scheme ref no.', s.ref],
          ['Scheme name', s.name],
          ['What is the strategic objective of this scheme?', `To support the ${s.name.toLowerCase()} scheme's part in reducing emergency admissions.`],
          ['Overview of the scheme', 'Delivered jointly by the council, the CCG and the community provider.'],
        ],
        widths: [0.4, 0.6],
      },
    ]),
    { h: 1, text: 'ANNEX 2 – Provider commentary' },
    {
      table: [
        ['Name of Health & Wellbeing Board', area.healthAndWellbeingBoard],
        ['Name of Provider organisation', 'Northmoor Hospitals NHS Foundation Trust'],
        ['Name of Provider CEO', 'Jo Marsh'],
      ],
      widths: [0.45, 0.55],
    },
    {
      table: [
        ['', '2013/14 Outturn', '2014/15 Plan', '2015/16 Plan'],
        [ffce.label, ...ffce.values.map((v) => v[2].toLocaleString('en-GB'))],
      ],
      header: true,
      widths: [0.46, 0.18, 0.18, 0.18],
    },
  ];
  return {
    name: 'northmoor-2014-revised',
    title: 'Northmoor Better Care Fund Plan',
    template: 'bcf-2014-revised',
    area,
    blocks,
    expected: {
      sections: sections.map((s) => ({ id: s.id, status: 'present' })),
      schemes: schemes.map((s) => ({ ...s, theme: null })),
      budgets: budgets.map((b) => ({ ...b, scheme: null, source: null, text: gbp(b.amountGbp) })),
      risks,
      metrics: ffce.values.map(([period, kind, value]) => ({ metric: 'non_elective_admissions', label: ffce.label, period, kind, value, unit: 'count', numerator: null, denominator: null })),
      flags: [
        { code: 'RISK_SCORE_MISMATCH', severity: 'warning', section: 'risks.risk_log', message: 'risk 2: written score 16 but likelihood 3 × impact 4 = 12' },
      ],
      inconsistencies: ['Risk 2 ("Community teams cannot recruit…") is scored 16 High, but likelihood 3 × impact 4 = 12.'],
    },
  };
})();

// ---- 2. bcf-2022-23: Eastvale ---------------------------------------------------------------------

const eastvale = (() => {
  const area = {
    localAuthorities: ['Eastvale County Council'],
    ccgs: ['NHS Eastvale and Riverside ICB'],
    healthAndWellbeingBoard: 'Eastvale Health and Wellbeing Board',
  };
  const year = '2022/23';
  const income = [
    { kind: 'dfg', label: 'Disabled Facilities Grant (DFG)', amountGbp: 1850000 },
    { kind: 'ibcf', label: 'Improved Better Care Fund (iBCF)', amountGbp: 6420500 },
    { kind: 'nhs_minimum_contribution', label: 'Minimum NHS Contribution', amountGbp: 14302118 },
    { kind: 'la_additional_contribution', label: 'Additional LA Contribution', amountGbp: 150000 },
    { kind: 'nhs_additional_contribution', label: 'Additional NHS Contribution', amountGbp: 0 },
  ];
  const partsSum = income.reduce((a, b) => a + b.amountGbp, 0); // 22,722,618
  const statedTotal = 22812618; // deliberately £90,000 more than the parts
  const spend = [
    ['1', 'Integrated Community Equipment Service', 'Community Based Schemes', 'Minimum NHS Contribution', 1200000],
    ['1', 'Integrated Community Equipment Service', 'Community Based Schemes', 'Additional LA Contribution', 150000],
    ['2', 'Home First Reablement', 'Home Care', 'Minimum NHS Contribution', 4100000],
    ['3', 'Carers Breaks and Support', 'Carers Services', 'Minimum NHS Contribution', 620000],
    ['4', 'Adult Social Care Protection', 'Social Care', 'Minimum NHS Contribution', 8382118],
    ['5', 'Home Adaptations (DFG)', 'DFG Related Schemes', 'DFG', 1850000],
    ['6', '(iBCF) Market sustainability - home care fees', 'Social Care', 'iBCF', 4020500],
    ['7', '(iBCF) Hospital discharge social work team', 'Social Care', 'iBCF', 2400000],
  ];
  // Metric tables as the 2022-23 template lays them out: one column per period, rows Indicator value / Numerator /
  // Denominator. The reablement 2022-23 plan value (88.0%) is deliberately not 410 / 500 (= 82.0%).
  const metricTables = [
    {
      heading: '8.1 Avoidable admissions',
      metric: 'avoidable_admissions',
      label: 'Indirectly standardised rate (ISR) of admissions per 100,000 population',
      unit: 'rate_per_100k',
      columns: [['2021-22', 'actual', '2021-22 Actual'], ['2022-23', 'plan', '2022-23 Plan']],
      values: [190.5, 185.0],
      numerators: [null, null],
      denominators: [null, null],
      show: (v) => v.toFixed(1),
    },
    {
      heading: '8.2 Discharge to normal place of residence',
      metric: 'discharge_usual_residence',
      label: 'Percentage of people, resident in the HWB, who are discharged from acute hospital to their normal place of residence',
      unit: 'percent',
      columns: [['2021-22', 'actual', '2021-22 Actual'], ['2022-23', 'plan', '2022-23 Plan']],
      values: [93.4, 94.0],
      numerators: [11208, 11374],
      denominators: [12000, 12100],
      show: (v) => `${v.toFixed(1)}%`,
    },
    {
      heading: '8.3 Residential Admissions',
      metric: 'residential_admissions',
      label: 'Long-term support needs of older people (age 65 and over) met by admission to residential and nursing care homes, per 100,000 population',
      unit: 'rate_per_100k',
      columns: [['2020-21', 'actual', '2020-21 Actual'], ['2021-22', 'plan', '2021-22 Plan'], ['2021-22', 'estimate', '2021-22 estimated'], ['2022-23', 'plan', '2022-23 Plan']],
      values: [512.0, 505.0, 498.3, 480.0],
      numerators: [256, 253, 249, 240],
      denominators: [50000, 50100, 49970, 50000],
      show: (v) => v.toFixed(1),
    },
    {
      heading: '8.4 Reablement',
      metric: 'reablement',
      label: 'Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement / rehabilitation services',
      unit: 'percent',
      columns: [['2020-21', 'actual', '2020-21 Actual'], ['2021-22', 'plan', '2021-22 Plan'], ['2021-22', 'estimate', '2021-22 estimated'], ['2022-23', 'plan', '2022-23 Plan']],
      values: [80.0, 82.0, 79.5, 88.0],
      numerators: [320, 369, 318, 410],
      denominators: [400, 450, 400, 500],
      show: (v) => `${v.toFixed(1)}%`,
    },
  ];
  const num = (n) => (n === null ? '' : n.toLocaleString('en-GB'));
  const narrative = [
    ['narrative.executive_summary', 'Executive summary', 'Eastvale will use the fund to keep people at home, speed up discharge and support unpaid carers.'],
    ['narrative.governance', 'Governance', 'The Eastvale Health and Wellbeing Board approves the plan; the Integrated Care Partnership oversees delivery.'],
    ['narrative.approach_to_integration', 'Overall BCF plan and approach to integration', 'Health and care teams are organised around five localities with a shared care record.'],
    ['narrative.policy_objectives', 'Implementing the BCF Policy Objectives (national condition four)', 'Home First is the default pathway for people leaving hospital.'],
    ['narrative.unpaid_carers', 'Supporting unpaid carers', 'Carers breaks, a carers card and an annual carers assessment are funded from the pool.'],
    ['narrative.dfg', 'Disabled Facilities Grant (DFG) and wider services', 'The grant funds adaptations and a handyperson service run with the district councils.'],
    ['narrative.health_inequalities', 'Equality and health inequalities', 'Schemes are targeted at the two localities with the lowest healthy life expectancy.'],
  ];
  const blocks = [
    { h: 1, text: 'Better Care Fund 2022-23 Planning Template' },
    { p: `Health and Wellbeing Board: ${area.healthAndWellbeingBoard}` },
    { h: 2, text: `BCF Income for Eastvale ${year}` },
    {
      table: [
        ['Funding Sources', 'Income'],
        ...income.map((i) => [i.label, gbp(i.amountGbp)]),
        ['Total BCF Pooled Budget', gbp(statedTotal)],
      ],
      header: true,
      widths: [0.6, 0.4],
    },
    { p: `Contributors: ${area.localAuthorities[0]} (DFG, iBCF and additional LA contribution); ${area.ccgs[0]} (minimum NHS contribution).` },
    { h: 2, text: `Spending Plan ${year}` },
    {
      table: [['Scheme ID', 'Scheme Name', 'Area of Spend', 'Source of Funding', 'Expenditure (£)'], ...spend.map((r) => [r[0], r[1], r[2], r[3], gbp(r[4])])],
      header: true,
      widths: [0.1, 0.32, 0.2, 0.22, 0.16],
    },
    { h: 2, text: `Metrics for ${year}` },
    ...metricTables.flatMap((m) => [
      { h: 3, text: m.heading },
      { p: m.label },
      {
        table: [
          ['', ...m.columns.map((c) => c[2])],
          ['Indicator value', ...m.values.map(m.show)],
          ['Numerator', ...m.numerators.map(num)],
          ['Denominator', ...m.denominators.map(num)],
        ],
        header: true,
        widths: m.columns.length === 2 ? [0.4, 0.3, 0.3] : [0.28, 0.18, 0.18, 0.18, 0.18],
      },
    ]),
    { h: 1, text: 'Better Care Fund Narrative Plan 2022-23' },
    ...narrative.flatMap(([, heading, text]) => [{ h: 2, text: heading }, { p: text }]),
  ];
  return {
    name: 'eastvale-2022-23',
    title: 'Eastvale Better Care Fund Plan 2022-23',
    template: 'bcf-2022-23',
    area,
    blocks,
    expected: {
      sections: [
        { id: 'planning.income', status: 'present' },
        { id: 'planning.spending_plan', status: 'present' },
        { id: 'planning.metrics', status: 'present' },
        ...narrative.map(([id]) => ({ id, status: 'present' })),
      ],
      schemes: [...new Map(spend.map((r) => [r[1], { ref: r[0], name: r[1], theme: null }])).values()],
      budgets: [
        ...income.map((i) => ({ kind: i.kind, year, amountGbp: i.amountGbp, scheme: null, source: null, label: i.label, text: gbp(i.amountGbp) })),
        { kind: 'total_pooled_budget', year, amountGbp: statedTotal, scheme: null, source: null, label: 'Total BCF Pooled Budget', text: gbp(statedTotal) },
        ...spend.map((r) => ({ kind: 'scheme_spend', year, amountGbp: r[4], scheme: r[1], source: r[3], label: r[2], text: gbp(r[4]) })),
      ],
      risks: [],
      metrics: metricTables.flatMap((m) =>
        m.columns.map(([period, kind], i) => ({ metric: m.metric, label: m.label, period, kind, value: m.values[i], unit: m.unit, numerator: m.numerators[i], denominator: m.denominators[i] })),
      ),
      flags: [
        { code: 'BUDGET_TOTAL_MISMATCH', severity: 'warning', section: 'planning.income', message: `Total BCF Pooled Budget ${gbp(statedTotal)} but the contributions add up to ${gbp(partsSum)}` },
        { code: 'METRIC_RATIO_MISMATCH', severity: 'warning', section: 'planning.metrics', message: 'reablement 2022-23 plan 88.0% but 410 / 500 = 82.0%' },
      ],
      inconsistencies: [
        `Income: the stated Total BCF Pooled Budget ${gbp(statedTotal)} is ${gbp(statedTotal - partsSum)} more than the sum of the five contributions (${gbp(partsSum)}). The spending plan rows add up to ${gbp(partsSum)}.`,
        'Reablement 2022-23 plan: indicator value 88.0% but numerator 410 / denominator 500 = 82.0%.',
      ],
    },
  };
})();

// ---- 3. bcf-2014-original: Westbrook ----------------------------------------------------------------

const westbrook = (() => {
  const area = {
    localAuthorities: ['Westbrook City Council'],
    ccgs: ['NHS Westbrook CCG', 'NHS Westbrook Rural CCG'],
    healthAndWellbeingBoard: 'Westbrook Health and Wellbeing Board',
  };
  // The 2015/16 total deliberately below the 2015/16 minimum.
  const summary = { fund: 'ITF', totalWord: 'proposed', minimum: [3500000, 18200000], total: [3500000, 17950000] };
  const budgets = summaryBudgets2014(summary);
  const schemes = [
    { ref: '1', name: 'Westbrook Wellbeing Hubs' },
    { ref: '2', name: 'Falls Prevention and Bone Health' },
    { ref: '3', name: 'Discharge to Assess' },
  ];
  const letter = { high: 'H', medium: 'M', low: 'L' };
  const risks = [
    { description: 'Partners cannot agree the transfer of funds from the acute contract', rating: 'high', mitigation: 'Finance directors agree a phased transfer with a shared risk reserve.' },
    { description: 'Reablement capacity is not in place before winter', rating: 'medium', mitigation: 'Interim block contract with two home care providers.' },
    { description: 'Data sharing agreements are not signed in time for the hubs to open', rating: 'low', mitigation: 'Template agreement already approved by the council and one CCG.' },
    // No rating written: an assurance reader must see RISK_UNSCORED.
    { description: 'The wellbeing hubs do not reach isolated older people', rating: null, mitigation: 'Outreach through GP practices and the fire service home safety visits.' },
    { description: 'Savings from fewer admissions are smaller than planned', rating: 'high', mitigation: 'Quarterly review of the admissions model by the programme board.' },
  ].map((r) => ({ ...r, likelihood: null, impact: null, score: null, owner: null }));
  const para = (id, heading, text) => [{ h: 2, text: heading }, { p: text }];
  // The second CCG and the council have not signed: the template's placeholders are left in.
  const unsigned = { by: '<name of signatory>', position: '<job title>', date: '<date>' };
  const blocks = [
    ...planDetails2014({
      area,
      subtitle: 'Westbrook Better Care Fund Plan, submitted 4 April 2014',
      boundary: 'Westbrook Rural CCG also serves two villages outside the city.',
      agreed: '13/03/2014',
      submitted: '04/04/2014',
      ...summary,
      ccgs: [{ by: 'Dr Ravi Patel', position: 'Accountable Officer', date: '14/03/2014' }, unsigned],
      council: unsigned,
      board: { by: 'Cllr Ann Lowe', date: '13/03/2014' },
    }),
    ...para('plan_details.provider_engagement', 'c) Service provider engagement', 'Westbrook General Hospital and the community trust helped design the discharge to assess scheme.'),
    ...para('plan_details.public_engagement', 'd) Patient, service user and public engagement', 'Healthwatch Westbrook ran four listening events with older people and carers.'),
    // Placeholder answer: an assurance reader must see PLACEHOLDER_SECTION.
    ...para('plan_details.related_documentation', 'e) Related documentation', 'To follow.'),
    { h: 1, text: '2) VISION AND SCHEMES' },
    ...para('vision.vision', 'a) Vision for health and care services', 'Care in Westbrook will be organised around the person, close to home, with hospital as the exception.'),
    ...para('vision.aims', 'b) Aims and objectives', 'Reduce emergency admissions of people over 65 and help more people return home after a hospital stay.'),
    { h: 2, text: 'c) Description of planned changes' },
    { p: 'The plan funds three schemes:' },
    { table: [['Ref', 'Scheme', 'Description'], ...schemes.map((s, i) => [s.ref, s.name, ['Four community hubs with health, care and voluntary services.', 'Strength and balance classes and a falls response car.', 'Assessment for long-term care at home, not on a ward.'][i]])], header: true, widths: [0.1, 0.35, 0.55] },
    ...para('vision.acute_implications', 'd) Implications for the acute sector', 'The hospital expects to close one older people’s ward by March 2016.'),
    ...para('vision.governance', 'e) Governance', 'A joint programme board reports to the Health and Wellbeing Board every quarter.'),
    { h: 1, text: '3) NATIONAL CONDITIONS' },
    ...para('national_conditions.protecting_social_care', 'a) Protecting social care services', 'Eligibility stays at the current level and is funded from the pool.'),
    ...para('national_conditions.seven_day_services', 'b) 7 day services to support discharge', 'Social workers are on the wards at weekends from June 2014.'),
    ...para('national_conditions.data_sharing', 'c) Data sharing', 'All adult social care records carry the NHS number.'),
    ...para('national_conditions.joint_assessment', 'd) Joint assessment and accountable lead professional', 'People at high risk of admission have a named GP and a joint care plan.'),
    { h: 1, text: '4) RISKS' },
    { table: [['Risk', 'Risk rating', 'Mitigating Actions'], ...risks.map((r) => [r.description, r.rating ? letter[r.rating] : '', r.mitigation])], header: true, widths: [0.4, 0.12, 0.48] },
  ];
  return {
    name: 'westbrook-2014-original',
    title: 'Westbrook Better Care Fund Plan',
    template: 'bcf-2014-original',
    area,
    blocks,
    expected: {
      sections: [
        ...[
          'plan_details.summary',
          'plan_details.signoff',
          'plan_details.provider_engagement',
          'plan_details.public_engagement',
        ].map((id) => ({ id, status: 'present' })),
        { id: 'plan_details.related_documentation', status: 'placeholder' },
        ...[
          'vision.vision',
          'vision.aims',
          'vision.planned_changes',
          'vision.acute_implications',
          'vision.governance',
          'national_conditions.protecting_social_care',
          'national_conditions.seven_day_services',
          'national_conditions.data_sharing',
          'national_conditions.joint_assessment',
          'risks.risk_log',
        ].map((id) => ({ id, status: 'present' })),
        // Optional Part 2 sections, not in this document (no flag: they are optional).
        { id: 'finance.summary', status: 'missing' },
        { id: 'finance.schemes', status: 'missing' },
        { id: 'metrics.outcomes', status: 'missing' },
      ],
      schemes: schemes.map((s) => ({ ...s, theme: null })),
      budgets: budgets.map((b) => ({ ...b, scheme: null, source: null, text: gbp(b.amountGbp) })),
      risks,
      metrics: [],
      flags: [
        { code: 'UNSIGNED', severity: 'error', section: 'plan_details.signoff', message: 'the second CCG and the council have no signatory name or date' },
        { code: 'PLACEHOLDER_TEXT', severity: 'warning', section: 'plan_details.signoff', message: '<name of signatory>, <job title> and <date> left in two signature blocks' },
        { code: 'PLACEHOLDER_SECTION', severity: 'warning', section: 'plan_details.related_documentation', message: 'answer is only "To follow."' },
        { code: 'RISK_UNSCORED', severity: 'warning', section: 'risks.risk_log', message: 'risk 4 has no rating' },
        { code: 'BUDGET_BELOW_MINIMUM', severity: 'error', section: 'plan_details.summary', message: '2015/16 total £17,950,000 is below the minimum £18,200,000' },
      ],
      inconsistencies: [
        'Sign-off: NHS Westbrook Rural CCG and Westbrook City Council blocks still hold <name of signatory>, <job title>, <date>.',
        'Related documentation answered only "To follow."',
        'Risk 4 ("The wellbeing hubs do not reach isolated older people") has no rating.',
        'Total proposed pooled budget 2015/16 (£17,950,000) is below the minimum required (£18,200,000).',
      ],
    },
  };
})();

// ---- 4. bcf-2014-original with Part 2 appended: Southdene ---------------------------------------------
// The awkward variant: "1." numbering and sentence-case headings, Part 2 finance tables in £000s, a planned
// metric left as a lone "X", bullets naming the schemes. Its .txt is markdown (#### headings, pipe tables), its
// .docx has NO heading styles (headings are bold paragraphs), and its .pdf has a money column so narrow that
// the amounts wrap inside their cells.

const southdene = (() => {
  const area = {
    localAuthorities: ['Southdene Council'],
    ccgs: ['NHS Southdene CCG'],
    healthAndWellbeingBoard: 'Southdene Health and Wellbeing Board',
  };
  // Part 2 in the template's own shapes (../shared/spec/tables.md). Finance – Summary: one row per council and
  // CCG, [organisation, holds the pooled budget, spending on BCF schemes 14/15, minimum 15/16, actual 15/16].
  const orgs = [
    ['Southdene Council', 'Y', 1360000, 1254000, 1404000],
    ['NHS Southdene CCG', 'N', 2500000, 14820000, 15420000],
  ];
  const sum = (i) => orgs.reduce((a, o) => a + o[i], 0);
  const totals = [sum(2), sum(4)]; // 3,860,000 (2014/15) and 16,824,000 (2015/16)
  const minimums = [3710000, sum(3)]; // the 2015/16 minimum is the Part 2 total of minimum contributions
  const years = ['2014/15', '2015/16'];
  // Contingency: [outcome, planned savings 15/16, ongoing, maximum support 15/16, ongoing].
  const contingency = [
    ['Reduction in permanent residential admissions', 120000, 240000, 60000, 125000],
    ['Increased effectiveness of reablement', 45000, 90000, 20000, 40000],
    ['Reduction in delayed transfers of care', 80000, 160000, 35000, 70000],
  ];
  // Schemes sheet: [ref, name, provider, 14/15 spend recurrent, non-recurrent, 14/15 benefit, 15/16 spend, 15/16 benefit, description].
  const schemes = [
    ['S1', 'Southdene Home First', 'Southdene Community Health Trust', 900000, 200000, -150000, 6200000, -900000, 'discharge home with support the same day'],
    ['S2', 'Carers Together', 'Southdene Council', 300000, null, null, 950000, -80000, 'breaks, advice and an emergency plan for every carer'],
    ['S3', 'Adaptations and Telecare', 'Southdene Council', 1210000, null, null, 1254000, null, 'adaptations funded by the Disabled Facilities Grant, and telecare'],
    ['S4', 'Protecting Adult Social Care', 'Southdene Council', 1250000, null, null, 8420000, -400000, 'keeps eligibility and care packages at today’s level'],
  ];
  // Outcomes and metrics: one block of rows per metric (Metric Value / Numerator / Denominator) under the
  // baseline and the two payment columns, then a row of bracketed periods. [key, label, unit, [value, num, den]
  // per column (null: N/A), periods per column]. The local metric's October value is left as "X".
  const metricBlocks = [
    ['residential_admissions', 'Permanent admissions of older people (aged 65 and over) to residential and nursing care homes, per 100,000 population', 'rate_per_100k',
      [[702.1, 301, 42870], null, [675.5, 295, 43670]], ['( April 2012 - March 2013 )', 'N/A', '( April 2014 - March 2015 )']],
    ['reablement', 'Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement / rehabilitation services', 'percent',
      [[84.2, 160, 190], null, [86.0, 172, 200]], ['( April 2012 - March 2013 )', 'N/A', '( April 2014 - March 2015 )']],
    ['delayed_transfers_of_care', 'Delayed transfers of care from hospital per 100,000 population (average per month)', 'rate_per_100k',
      [[310.4, 532, 171400], [300.0, 516, 172000], [290.0, 499, 172069]], ['( April 2013 - December 2013 )', '( April - December 2014 )', '( January - June 2015 )']],
    ['avoidable_admissions', 'Avoidable emergency admissions (composite measure)', 'rate_per_100k',
      [[1960.3, 4100, 209150], [1900.0, 3980, 209470], [1880.0, 3940, 209570]], ['( April 2012 - March 2013 )', '( April - September 2014 )', '( October 2014 - March 2015 )']],
    ['local', 'Local metric: injuries due to falls in people aged 65 and over, per 100,000 population', 'rate_per_100k',
      [[2310.0, 980, 42424], null, 'X'], ['( April 2012 - March 2013 )', 'N/A', '( April 2014 - March 2015 )']],
  ];
  const metricColumns = [['baseline', 'Current Baseline (as at 31 March 2013)'], ['plan', 'Performance underpinning April 2015 payment'], ['plan', 'Performance underpinning October 2015 payment']];
  const periodOfRange = (r) => {
    const t = r.replace(/[()]/g, '').trim();
    const fy = /^April (20\d\d) - March (20\d\d)$/.exec(t);
    return fy ? `${fy[1]}-${fy[2].slice(2)}` : t;
  };
  const fmt = (unit, v) => (unit === 'percent' ? `${v.toFixed(1)}%` : v.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const money = (n) => (n === null ? '' : n < 0 ? `-£${(-n).toLocaleString('en-GB')}` : gbp(n));
  const risks = [
    { description: 'Hospital discharge delays rise over winter and the Home First teams cannot keep up', likelihood: 4, impact: 4, score: 16, rag: 'Red', rating: 'high', mitigation: 'Winter surge staff agreed with the home care framework providers.' },
    { description: 'The CCG cannot release the 2015/16 minimum contribution without destabilising acute services', likelihood: 3, impact: 4, score: 12, rag: 'Amber', rating: 'medium', mitigation: 'Phased release tied to the fall in admissions each quarter.' },
    { description: 'Telecare equipment is installed but not monitored out of hours', likelihood: 2, impact: 3, score: 6, rag: 'Green', rating: 'low', mitigation: 'Monitoring contract extended to 24 hours from April 2015.' },
  ].map((r) => ({ ...r, owner: null }));
  const para = (heading, text) => [{ h: 2, text: heading }, { p: text }];
  const blocks = [
    { p: 'Southdene Better Care Fund submission – Part 1 and Part 2', bold: true },
    { h: 1, text: '1. Plan details' },
    { h: 2, text: 'a) Summary of plan' },
    {
      table: [
        ['Local Authority', area.localAuthorities[0]],
        ['Clinical Commissioning Groups', area.ccgs[0]],
        ['Date agreed at Health and Well-Being Board:', '20/03/2014'],
        ['Date submitted:', '04/04/2014'],
        ['Minimum required value of ITF pooled budget: 2014/15', gbp(minimums[0])],
        ['2015/16', gbp(minimums[1])],
        ['Total proposed value of pooled budget: 2014/15', gbp(totals[0])],
        ['2015/16', gbp(totals[1])],
      ],
      widths: [0.6, 0.4],
      // In the PDF the amount column is just too narrow for "£16,824,000" (but not for "£3,710,000" or a date): the
      // eight-digit amounts wrap inside their cells.
      pdfWidths: [0.885, 0.115],
    },
    { h: 2, text: 'b) Authorisation and sign-off' },
    {
      table: [
        ['Signed on behalf of the Clinical Commissioning Group', area.ccgs[0]],
        ['By', 'Dr Helen Ward'],
        ['Position', 'Chief Officer'],
        ['Date', '21/03/2014'],
        ['Signed on behalf of the Council', area.localAuthorities[0]],
        ['By', 'Cllr Peter Lang'],
        ['Position', 'Cabinet Member for Adult Care'],
        ['Date', '21/03/2014'],
        ['Signed on behalf of the Health and Wellbeing Board', area.healthAndWellbeingBoard],
        ['By Chair of Health and Wellbeing Board', 'Cllr Rosa Quinn'],
        ['Date', '20/03/2014'],
      ],
      widths: [0.55, 0.45],
    },
    ...para('c) Service provider engagement', 'Providers met monthly with commissioners while the schemes were designed.'),
    ...para('d) Patient, service user and public engagement', 'Two hundred residents answered the Southdene care survey in January 2014.'),
    ...para('e) Related documentation', 'Southdene Joint Health and Wellbeing Strategy 2013-18; Better Care Fund Part 2 workbook (below).'),
    { h: 1, text: '2. Vision and schemes' },
    ...para('a) Vision for health and care services', 'By 2018 most care in Southdene will be planned, joined up and delivered at home.'),
    ...para('b) Aims and objectives', 'Fewer permanent admissions to care homes and fewer delayed transfers of care.'),
    { h: 2, text: 'c) Description of planned changes' },
    { p: 'The fund pays for four schemes:' },
    ...schemes.map((s) => ({ li: `${s[0]} ${s[1]}: ${s[8]}.` })),
    ...para('d) Implications for the acute sector', 'The hospital plans for 400 fewer emergency admissions in 2015/16.'),
    ...para('e) Governance', 'The Southdene Integration Board manages the pooled budget for the Health and Wellbeing Board.'),
    { h: 1, text: '3. National conditions' },
    ...para('a) Protecting social care services', 'Scheme S4 protects adult social care at its 2014/15 level.'),
    ...para('b) 7 day services to support discharge', 'Home First works seven days a week from October 2014.'),
    ...para('c) Data sharing', 'The NHS number is the primary identifier in the council care record.'),
    ...para('d) Joint assessment and accountable lead professional', 'Each person over 75 has a named accountable GP.'),
    { h: 1, text: '4. Risks' },
    {
      table: [
        ['Risk', 'Likelihood (1-5)', 'Impact (1-5)', 'Score', 'RAG', 'Mitigation'],
        ...risks.map((r) => [r.description, String(r.likelihood), String(r.impact), String(r.score), r.rag, r.mitigation]),
      ],
      header: true,
      widths: [0.32, 0.1, 0.1, 0.08, 0.08, 0.32],
    },
    { h: 1, text: 'Part 2: Finance – Summary' },
    { p: 'For each contributing organisation, please list any spending on BCF schemes in 2014/15 and the minimum and actual contributions to the Better Care Fund pooled budget in 2015/16.' },
    {
      table: [
        ['Organisation', 'Holds the pooled budget? (Y/N)', 'Spending on BCF schemes in 14/15', 'Minimum contribution (15/16)', 'Actual contribution (15/16)'],
        ...orgs.map((o) => [o[0], o[1], gbp(o[2]), gbp(o[3]), gbp(o[4])]),
        ['BCF Total', '', gbp(totals[0]), gbp(minimums[1]), gbp(totals[1])],
      ],
      header: true,
      widths: [0.28, 0.14, 0.2, 0.19, 0.19],
    },
    { p: 'Approximately 25% of the BCF is paid for improving outcomes. If the planned improvements are not achieved, some of this funding may need to be used to alleviate the pressure on other services. Please outline your plan for maintaining services if planned improvements are not achieved.' },
    {
      table: [
        ['', '', '2015/16', 'Ongoing'],
        ...contingency.flatMap((c) => [
          [c[0], 'Planned savings (if targets fully achieved)', gbp(c[1]), gbp(c[2])],
          ['', 'Maximum support needed for other services (if targets not achieved)', gbp(c[3]), gbp(c[4])],
        ]),
      ],
      header: true,
      widths: [0.3, 0.4, 0.15, 0.15],
    },
    { h: 1, text: 'Part 2: BCF Planning Template' },
    { p: 'Please list the individual schemes on which you plan to spend the Better Care Fund, including any investment in 2014/15. Please expand the table if necessary.' },
    {
      // A two-row header: each year's spend and benefits span a Recurrent and a Non-recurrent column.
      table: [
        ['BCF Investment', 'Lead provider', '2014/15 spend', '', '2014/15 benefits', '', '2015/16 spend', '', '2015/16 benefits', ''],
        ['', '', 'Recurrent', 'Non-recurrent', 'Recurrent', 'Non-recurrent', 'Recurrent', 'Non-recurrent', 'Recurrent', 'Non-recurrent'],
        ...schemes.map((x) => [x[1], x[2], money(x[3]), money(x[4]), money(x[5]), '', money(x[6]), '', money(x[7]), '']),
        ['Total', '', gbp(schemes.reduce((a, x) => a + x[3] + (x[4] ?? 0), 0)), '', '', '', gbp(schemes.reduce((a, x) => a + x[6], 0)), '', '', ''],
      ],
      header: true,
      widths: [0.16, 0.14, 0.09, 0.09, 0.09, 0.07, 0.1, 0.07, 0.1, 0.09],
    },
    { h: 1, text: 'Part 2: Outcomes and metrics' },
    { p: 'For each metric other than patient experience, please provide details of the expected outcomes and benefits of the scheme and how these will be measured.' },
    {
      table: [
        ['Metrics', '', ...metricColumns.map((c) => c[1])],
        ...metricBlocks.flatMap(([, label, unit, values, periods]) => [
          ...['Metric Value', 'Numerator', 'Denominator'].map((role, r) => [
            r === 0 ? label : '',
            role,
            ...values.map((v) => (v === null ? 'N/A' : v === 'X' ? (r === 0 ? 'X' : '') : r === 0 ? fmt(unit, v[0]) : v[r].toLocaleString('en-GB'))),
          ]),
          ['', '', ...periods],
        ]),
      ],
      header: true,
      widths: [0.34, 0.12, 0.18, 0.18, 0.18],
    },
  ];
  const budgets = [
    ...years.map((year, y) => ({ kind: 'minimum_pooled_budget', year, amountGbp: minimums[y], label: `Minimum required value of ITF pooled budget: ${year}`, text: gbp(minimums[y]) })),
    // Stated twice (plan summary and the Part 2 "BCF Total" line): one row under the once-only rule.
    ...years.map((year, y) => ({ kind: 'total_pooled_budget', year, amountGbp: totals[y], label: `Total proposed value of pooled budget: ${year}`, text: gbp(totals[y]) })),
    // Finance – Summary: spending 14/15 and contributions 15/16 by organisation (an NHS body's minimum is its own kind).
    ...orgs.flatMap((o) => [
      { kind: 'other', year: '2014/15', amountGbp: o[2], label: `${o[0]}: Spending on BCF schemes in 14/15`, text: gbp(o[2]) },
      { kind: /CCG/.test(o[0]) ? 'nhs_minimum_contribution' : 'other', year: '2015/16', amountGbp: o[3], label: `${o[0]}: Minimum contribution (15/16)`, text: gbp(o[3]) },
      { kind: 'other', year: '2015/16', amountGbp: o[4], label: `${o[0]}: Actual contribution (15/16)`, text: gbp(o[4]) },
    ]),
    // Contingency: other rows, year null for "Ongoing".
    ...contingency.flatMap((c) => [
      { kind: 'other', year: '2015/16', amountGbp: c[1], label: `${c[0]}: Planned savings (if targets fully achieved)`, text: gbp(c[1]) },
      { kind: 'other', year: null, amountGbp: c[2], label: `${c[0]}: Planned savings (if targets fully achieved)`, text: gbp(c[2]) },
      { kind: 'other', year: '2015/16', amountGbp: c[3], label: `${c[0]}: Maximum support needed for other services (if targets not achieved)`, text: gbp(c[3]) },
      { kind: 'other', year: null, amountGbp: c[4], label: `${c[0]}: Maximum support needed for other services (if targets not achieved)`, text: gbp(c[4]) },
    ]),
    // Schemes sheet: spend is scheme_spend (recurrent and non-recurrent apart only where both are filled), benefits other.
    ...schemes.flatMap((x) =>
      [
        ['scheme_spend', '2014/15', x[3]],
        ['scheme_spend', '2014/15', x[4]],
        ['other', '2014/15', x[5]],
        ['scheme_spend', '2015/16', x[6]],
        ['other', '2015/16', x[7]],
      ]
        .filter(([, , v]) => v !== null)
        .map(([kind, year, v]) => ({ kind, year, amountGbp: v, scheme: x[1], label: null, text: money(v) })),
    ),
  ];
  return {
    name: 'southdene-2014-original',
    title: 'Southdene Better Care Fund Plan',
    template: 'bcf-2014-original',
    area,
    blocks,
    txtStyle: 'markdown',
    docxHeadings: 'bold',
    expected: {
      sections: [
        'plan_details.summary',
        'plan_details.signoff',
        'plan_details.provider_engagement',
        'plan_details.public_engagement',
        'plan_details.related_documentation',
        'vision.vision',
        'vision.aims',
        'vision.planned_changes',
        'vision.acute_implications',
        'vision.governance',
        'national_conditions.protecting_social_care',
        'national_conditions.seven_day_services',
        'national_conditions.data_sharing',
        'national_conditions.joint_assessment',
        'risks.risk_log',
        'finance.summary',
        'finance.schemes',
        'metrics.outcomes',
      ].map((id) => ({ id, status: 'present' })),
      schemes: schemes.map((s) => ({ ref: s[0], name: s[1], theme: null })),
      budgets: budgets.map((b) => ({ scheme: null, source: null, ...b })),
      risks: risks.map(({ rag, ...r }) => r),
      metrics: metricBlocks.flatMap(([metric, label, unit, values, periods]) =>
        values.flatMap((v, i) =>
          v === null || v === 'X'
            ? []
            : [{ metric, label, period: periodOfRange(periods[i]), kind: metricColumns[i][0], value: v[0], unit, numerator: v[1], denominator: v[2] }],
        ),
      ),
      flags: [{ code: 'PLACEHOLDER_TEXT', severity: 'warning', section: 'metrics.outcomes', message: 'the local metric\'s October 2015 payment value left as "X"' }],
      inconsistencies: [
        'Local metric: the October 2015 payment value is a lone "X" (template placeholder).',
        'Not an error, a trap: the total pooled budget is stated twice (plan summary in £, Part 2 "BCF Total" in £000s) and is one budget row per year.',
      ],
    },
  };
})();

const PLANS = [northmoor, eastvale, westbrook, southdene];

// ---- 5. Part 1 of a plan whose Part 2 is a workbook: Ashby (fixtures/pairs, issue 14) -----------------------
// The narrative Part 1 (bcf-2014-original) of the area of fixtures/workbooks/ashby-2014-part2.xlsx, same round: the
// two files are one plan. Its summary restates two Part 2 figures: the 2015/16 minimum as the workbook has it, the
// 2015/16 total with two digits swapped (£14,936,000 against the workbook's £14,963,000), as a retyped figure goes
// wrong; the 2014/15 figures are its own. No Part 2 sections (the workbook has them). Everything else in order.

const ashbyPart1 = (() => {
  const area = {
    localAuthorities: ['Ashby Borough Council'],
    ccgs: ['NHS Ashby and Wold CCG'],
    healthAndWellbeingBoard: 'Ashby Health and Wellbeing Board',
  };
  // The workbook's 2015/16 total is £14,963,000: this copy has two digits swapped.
  const summary = { fund: 'ITF', totalWord: 'proposed', minimum: [5070000, 13963000], total: [5070000, 14936000] };
  const budgets = summaryBudgets2014(summary);
  // The workbook's scheme names (BCF Planning Template sheet), numbered as the narrative numbers them.
  const schemes = [
    { ref: '1', name: 'Ashby Home First', text: 'Discharge home with reablement the same day, assessment at home.' },
    { ref: '2', name: 'Integrated Locality Teams', text: 'Community nurses, social workers and therapists in four locality teams.' },
    { ref: '3', name: 'Carers Support and Breaks', text: 'Carers assessments, breaks and an emergency card scheme.' },
    { ref: '4', name: 'Disabled Facilities Grant and Telecare', text: 'Adaptations and telecare so people stay safe at home.' },
    { ref: '5', name: 'Protecting Adult Social Care', text: 'Maintaining eligibility and the reablement service.' },
  ];
  const letter = { high: 'H', medium: 'M', low: 'L' };
  const risks = [
    { description: 'Acute activity does not fall as planned and the hospital contract overspends', rating: 'high', mitigation: 'Monthly activity review by the joint commissioning group; a risk share agreed with the trust.' },
    { description: 'Locality teams cannot recruit enough community nurses', rating: 'medium', mitigation: 'Joint recruitment campaign and rotational posts with the acute trust.' },
    { description: 'Carers do not take up the breaks offer', rating: 'low', mitigation: 'Carers centre promotes the offer through GP practices.' },
    { description: 'The shared care record is not ready for the locality teams', rating: 'medium', mitigation: 'Interim read-only access to the council system for NHS staff.' },
  ].map((r) => ({ ...r, likelihood: null, impact: null, score: null, owner: null }));
  const para = (heading, text) => [{ h: 2, text: heading }, { p: text }];
  const blocks = [
    ...planDetails2014({
      area,
      subtitle: 'Ashby Better Care Fund Plan, submitted 4 April 2014. The finance and metrics are in the Part 2 workbook.',
      boundary: 'None: the CCG and the council serve the same area.',
      agreed: '20/03/2014',
      submitted: '04/04/2014',
      ...summary,
      ccgs: [{ by: 'Dr Helen Marsh', position: 'Accountable Officer', date: '21/03/2014' }],
      council: { by: 'Mark Ellison', position: 'Director of Adult Social Services', date: '21/03/2014' },
      board: { by: 'Cllr Joan Pryor', date: '20/03/2014' },
    }),
    ...para('c) Service provider engagement', 'Ashby Community Health Trust and the acute trust designed Ashby Home First with the council.'),
    ...para('d) Patient, service user and public engagement', 'Healthwatch Ashby held three workshops with older people and carers in January 2014.'),
    ...para('e) Related documentation', 'Joint Health and Wellbeing Strategy 2013-16; the CCG two-year operating plan; the Part 2 workbook.'),
    { h: 1, text: '2) VISION AND SCHEMES' },
    ...para('a) Vision for health and care services', 'By 2019 people in Ashby will be cared for at home wherever they can be, by one team that knows them.'),
    ...para('b) Aims and objectives', 'Fewer emergency admissions of older people, more people home after reablement, fewer delayed transfers.'),
    { h: 2, text: 'c) Description of planned changes' },
    { p: 'The plan funds five schemes:' },
    { table: [['Ref', 'Scheme', 'Description'], ...schemes.map((s) => [s.ref, s.name, s.text])], header: true, widths: [0.1, 0.35, 0.55] },
    ...para('d) Implications for the acute sector', 'The acute trust plans for 1,800 fewer emergency bed days in 2015/16.'),
    ...para('e) Governance', 'A joint commissioning group of the council and the CCG reports to the Health and Wellbeing Board each quarter.'),
    { h: 1, text: '3) NATIONAL CONDITIONS' },
    ...para('a) Protecting social care services', 'Current eligibility is kept; £8,078,000 of the fund protects adult social care in 2015/16.'),
    ...para('b) 7 day services to support discharge', 'Social workers and therapists work weekends on the wards from October 2014.'),
    ...para('c) Data sharing', 'The NHS number is the primary identifier in the council’s care records.'),
    ...para('d) Joint assessment and accountable lead professional', 'Each person at high risk of admission has an accountable lead professional in a locality team.'),
    { h: 1, text: '4) RISKS' },
    { table: [['Risk', 'Risk rating', 'Mitigating Actions'], ...risks.map((r) => [r.description, letter[r.rating], r.mitigation])], header: true, widths: [0.4, 0.12, 0.48] },
  ];
  return {
    name: 'ashby-2014-part1',
    title: 'Ashby Better Care Fund Plan',
    template: 'bcf-2014-original',
    area,
    blocks,
    expected: {
      sections: [
        ...['plan_details.summary', 'plan_details.signoff', 'plan_details.provider_engagement', 'plan_details.public_engagement',
          'plan_details.related_documentation', 'vision.vision', 'vision.aims', 'vision.planned_changes', 'vision.acute_implications',
          'vision.governance', 'national_conditions.protecting_social_care', 'national_conditions.seven_day_services',
          'national_conditions.data_sharing', 'national_conditions.joint_assessment', 'risks.risk_log'].map((id) => ({ id, status: 'present' })),
        // Part 2 is the workbook beside it.
        { id: 'finance.summary', status: 'missing' },
        { id: 'finance.schemes', status: 'missing' },
        { id: 'metrics.outcomes', status: 'missing' },
      ],
      schemes: schemes.map((s) => ({ ref: s.ref, name: s.name, theme: null })),
      budgets: budgets.map((b) => ({ ...b, scheme: null, source: null, text: gbp(b.amountGbp) })),
      risks,
      metrics: [],
      flags: [],
      inconsistencies: ['Total proposed pooled budget 2015/16 is £14,936,000 here and £14,963,000 in the Part 2 workbook (ashby-2014-part2.xlsx).'],
    },
  };
})();

// ------------------------------------------------------------------------------------------------
// Renderers

function renderTxt(plan) {
  const markdown = plan.txtStyle === 'markdown';
  const cellText = (c) => c.replace(/\n/g, ' / ');
  const out = [];
  for (const b of plan.blocks) {
    if (b.h) out.push(markdown ? `${'#'.repeat(b.h + 2)} ${b.text}` : b.text);
    else if (b.p !== undefined) out.push(markdown && b.bold ? `**${b.p}**` : b.p);
    else if (b.li !== undefined) out.push(`- ${b.li}`);
    else if (b.table && markdown) {
      const rows = b.table.map((row) => `| ${row.map(cellText).join(' | ')} |`);
      // A pipe table needs a header row; a table without one gets an empty header, as converters write it.
      const head = b.header ? [rows[0]] : [`|${' |'.repeat(b.table[0].length)}`];
      out.push([...head, `|${b.table[0].map(() => '---|').join('')}`, ...(b.header ? rows.slice(1) : rows)].join('\n'));
    } else if (b.table) out.push(b.table.map((row) => row.map(cellText).join('\t')).join('\n'));
  }
  // Consecutive list items belong together, without blank lines between them.
  return `${out.join('\n\n').replace(/(^- .*)\n\n(?=- )/gm, '$1\n')}\n`;
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 };

async function renderDocx(plan) {
  const children = [];
  for (const b of plan.blocks) {
    if (b.h && plan.docxHeadings === 'bold') {
      // Headings styled by hand: a bold Normal paragraph, as many submissions are written.
      children.push(new Paragraph({ children: [new TextRun({ text: b.text, bold: true, size: b.h === 1 ? 28 : 24 })] }));
    } else if (b.h) children.push(new Paragraph({ text: b.text, heading: HEADINGS[b.h] }));
    else if (b.p !== undefined) children.push(new Paragraph({ children: [new TextRun({ text: b.p, bold: !!b.bold })] }));
    else if (b.li !== undefined) children.push(new Paragraph({ text: b.li, bullet: { level: 0 } }));
    else if (b.table) {
      const widths = b.widths ?? b.table[0].map(() => 1 / b.table[0].length);
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.table.map(
            (row, i) =>
              new TableRow({
                // Only set when true: docx writes <w:tblHeader w:val="off"/> for false, which mammoth reads as a header.
                ...(b.header && i === 0 ? { tableHeader: true } : {}),
                children: row.map(
                  (cell, j) =>
                    new TableCell({
                      width: { size: Math.round(widths[j] * 100), type: WidthType.PERCENTAGE },
                      // A cell with two lines ("CCG A\nCCG B") is two paragraphs, as Word writes it.
                      children: cell.split('\n').map(
                        (line) =>
                          new Paragraph({
                            alignment: /^£|^[\d.,%]+$/.test(line) ? AlignmentType.RIGHT : AlignmentType.LEFT,
                            children: [new TextRun({ text: line, bold: !!b.header && i === 0 })],
                          }),
                      ),
                    }),
                ),
              }),
          ),
        }),
      );
      children.push(new Paragraph({ text: '' }));
    }
  }
  return withFixedClock(() => {
    const doc = new Document({
      creator: 'plansift fixtures',
      title: plan.title,
      description: 'Synthetic Better Care Fund plan for tests',
      sections: [{ children }],
    });
    return Packer.toBuffer(doc);
  });
}

function pdfToBuffer(doc) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

const PDF_INFO = (title) => ({ Title: title, Author: 'plansift fixtures', CreationDate: new Date(FIXED_TIME) });

/**
 * Lay the plan out on A4 pages: a running header and "Page n of m" footer on every page; tables drawn with
 * cell borders; a table that runs off a page (or reaches its breakAfter row) continues on the next page under
 * a repeated header row. Returns the bytes and where each table landed.
 */
async function renderPdf(plan) {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 56, right: 56 }, bufferPages: true, info: PDF_INFO(plan.title) });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const pageNo = () => doc.bufferedPageRange().start + doc.bufferedPageRange().count;
  const tablePages = {};
  const pad = 4;
  const FONT = 9;

  const rowHeight = (cells, widths, bold) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT);
    return Math.max(...cells.map((c, j) => doc.heightOfString(c || ' ', { width: widths[j] - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells, widths, bold) => {
    const h = rowHeight(cells, widths, bold);
    const y = doc.y;
    let x = left;
    cells.forEach((c, j) => {
      doc.lineWidth(0.5).rect(x, y, widths[j], h).stroke();
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT);
      const numeric = /^£|^[\d.,%]+$/.test(c);
      doc.text(c, x + pad, y + pad, { width: widths[j] - 2 * pad, align: numeric ? 'right' : 'left' });
      x += widths[j];
    });
    doc.x = left;
    doc.y = y + h;
  };

  for (const b of plan.blocks) {
    if (b.pdfPageBreak) {
      doc.addPage();
    } else if (b.h) {
      const size = { 1: 14, 2: 11.5, 3: 10.5 }[b.h];
      doc.font('Helvetica-Bold').fontSize(size);
      if (doc.y + doc.heightOfString(b.text, { width }) + 30 > bottom()) doc.addPage();
      doc.moveDown(0.6).text(b.text, left, doc.y, { width }).moveDown(0.3);
    } else if (b.p !== undefined) {
      doc.font(b.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10).text(b.p, left, doc.y, { width }).moveDown(0.4);
    } else if (b.li !== undefined) {
      doc.font('Helvetica').fontSize(10).text(`•  ${b.li}`, left + 12, doc.y, { width: width - 12 }).moveDown(0.2);
    } else if (b.table) {
      const widths = (b.pdfWidths ?? b.widths ?? b.table[0].map(() => 1 / b.table[0].length)).map((w) => w * width);
      const rows = b.table;
      const header = b.header ? rows[0] : null;
      const body = b.header ? rows.slice(1) : rows;
      const firstRowHeight = (header ? rowHeight(header, widths, true) : 0) + rowHeight(body[0], widths, false);
      if (doc.y + firstRowHeight > bottom()) doc.addPage();
      const first = pageNo();
      if (header) drawRow(header, widths, true);
      body.forEach((row, i) => {
        const forced = b.breakAfter !== undefined && i === b.breakAfter;
        if (forced || doc.y + rowHeight(row, widths, false) > bottom()) {
          doc.addPage();
          if (header) drawRow(header, widths, true);
        }
        drawRow(row, widths, false);
      });
      if (b.id) tablePages[b.id] = [first, pageNo()];
      if (b.breakAfter !== undefined && pageNo() !== first + 1) {
        throw new Error(`${plan.name}: table ${b.id} should span exactly two PDF pages, spans ${first}-${pageNo()}`);
      }
      doc.moveDown(0.8);
    }
  }

  // Page furniture, written after layout so the footer can say "of m". Writing below the bottom margin would make
  // pdfkit start a new page, so the margin is lifted while the footer is drawn.
  const range = doc.bufferedPageRange();
  const runningHeader = `${plan.title} – Better Care Fund`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8);
    doc.text(runningHeader, left, 30, { width, align: 'right', lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, left, doc.page.height - 40, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = saved;
  }
  const bytes = await pdfToBuffer(doc);
  return { bytes, pages: range.count, tablePages, furniture: [runningHeader, 'Page N of M'] };
}

// ------------------------------------------------------------------------------------------------
// Small binary helpers for the broken files (no extra packages).


/** A zip archive with stored (uncompressed) entries, dated 2024-01-15 12:00. */
function makeZip(files) {
  return zipArchive(files.map(([name, data]) => ({ name, data })), { time: 0x6000, date: 0x582f });
}

/** A greyscale PNG that looks like a scanned page of text: dark bars on white. */
function makeScanPng(w, h) {
  const raw = Buffer.alloc((w + 1) * h, 0xff);
  for (let y = 0; y < h; y++) {
    raw[y * (w + 1)] = 0; // filter: none
    const line = Math.floor(y / 6);
    const inText = y % 6 < 3 && y > 8 && y < h - 8;
    const lineEnd = w - 8 - ((line * 37) % 40);
    for (let x = 8; inText && x < lineEnd; x++) if ((x + line * 7) % 23 !== 0) raw[y * (w + 1) + 1 + x] = 0x30;
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Deterministic filler bytes (a linear congruential generator, so the file is the same on every run). */
function pseudoRandomBytes(n, seed) {
  const out = Buffer.alloc(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

// ------------------------------------------------------------------------------------------------


function expectedRecord(plan, pdfInfo) {
  const e = plan.expected;
  return {
    comment:
      'Facts built into this synthetic plan by scripts/make-fixtures.mjs (not program output). Same content in .txt, .docx and .pdf. Shaped like a gold record (spec/records.md) so `plansift eval --gold fixtures/sample --corpus fixtures/sample` can score it; `facts`, `inconsistencies` and `formats` are extra.',
    schemaVersion: 2,
    source: { file: `${plan.name}.txt`, sha256: null, format: 'txt', pages: null },
    template: plan.template,
    area: plan.area,
    sections: e.sections.map((s) => ({ id: s.id, status: s.status, page: null })),
    schemes: e.schemes,
    // The documents write years as plans do ("2014/15"); the record's form is yyyy-yy (records.md, schema 2).
    budgets: e.budgets.map((b) => ({ kind: b.kind, year: b.year === null ? null : b.year.replace('/', '-'), amountGbp: b.amountGbp, scheme: b.scheme, source: b.source, label: b.label, text: b.text, page: null })),
    risks: e.risks.map((r) => ({ description: r.description, likelihood: r.likelihood, impact: r.impact, score: r.score, rating: r.rating, mitigation: r.mitigation, owner: r.owner, page: null })),
    metrics: e.metrics.map((m) => ({ ...m, page: null })),
    flags: e.flags.map((f) => ({ ...f, page: null })),
    facts: {
      schemeCount: e.schemes.length,
      budgetRows: e.budgets.length,
      riskCount: e.risks.length,
      metricCount: e.metrics.length,
      flagCodes: e.flags.map((f) => f.code),
    },
    inconsistencies: e.inconsistencies,
    formats: {
      txt: { file: `${plan.name}.txt`, tables: 'one line per row, cells separated by tabs' },
      docx: { file: `${plan.name}.docx`, headings: 'Word Heading 1/2/3 styles', tables: 'Word tables; first row marked as repeating header where the table has one' },
      pdf: { file: `${plan.name}.pdf`, pages: pdfInfo.pages, pageFurniture: pdfInfo.furniture, ...(pdfInfo.tablePages.risk_log ? { riskTablePages: pdfInfo.tablePages.risk_log, riskTableNote: 'bordered risk table split across these pages; its header row is repeated on the second page' } : {}) },
    },
  };
}

async function main() {
  await rm(SAMPLE, { recursive: true, force: true });
  await rm(BROKEN, { recursive: true, force: true });
  await rm(PAIRS, { recursive: true, force: true });
  await mkdir(SAMPLE, { recursive: true });
  await mkdir(BROKEN, { recursive: true });
  await mkdir(PAIRS, { recursive: true });

  const built = {};
  for (const plan of PLANS) {
    const txt = renderTxt(plan);
    const docx = await renderDocx(plan);
    const pdf = await renderPdf(plan);
    await writeFile(join(SAMPLE, `${plan.name}.txt`), txt);
    await writeFile(join(SAMPLE, `${plan.name}.docx`), docx);
    await writeFile(join(SAMPLE, `${plan.name}.pdf`), pdf.bytes);
    await writeFile(join(SAMPLE, `${plan.name}.expected.json`), `${compactJson(expectedRecord(plan, pdf))}\n`);
    built[plan.name] = { docx, pdf: pdf.bytes };
  }

  // ---- pairs: a Part 1 narrative (.docx and .txt) beside its Part 2 workbook in fixtures/workbooks ----
  for (const plan of [ashbyPart1]) {
    await writeFile(join(PAIRS, `${plan.name}.txt`), renderTxt(plan));
    await writeFile(join(PAIRS, `${plan.name}.docx`), await renderDocx(plan));
    const { formats, ...expected } = expectedRecord(plan, { pages: null, furniture: null, tablePages: {} });
    expected.comment = `Facts built into this synthetic Part 1 by scripts/make-fixtures.mjs (not program output). Same content in .txt and .docx. Its Part 2 is fixtures/workbooks/ashby-2014-part2.xlsx (same area and round: one plan).`;
    expected.formats = { txt: formats.txt, docx: formats.docx };
    await writeFile(join(PAIRS, `${plan.name}.expected.json`), `${compactJson(expected)}\n`);
  }

  // ---- broken ----
  const w = (name, bytes) => writeFile(join(BROKEN, name), bytes);
  await w('zero-byte.pdf', Buffer.alloc(0));
  const whole = built[northmoor.name].pdf;
  await w('truncated.pdf', whole.subarray(0, Math.floor(whole.length / 2)));

  const enc = new PDFDocument({ size: 'A4', userPassword: 'plansift', ownerPassword: 'plansift-owner', info: PDF_INFO('Encrypted plan') });
  enc.font('Helvetica').fontSize(12).text('Southdene Better Care Fund Plan. This file is password protected.');
  await w('encrypted.pdf', await pdfToBuffer(enc));

  // Uncompressed so a test (and a reader) can see the page has drawing and image operators but no text ones.
  const img = new PDFDocument({ size: 'A4', compress: false, info: PDF_INFO('Scanned plan page') });
  img.rect(56, 56, 483, 40).fill('#1f3a5f');
  img.rect(56, 110, 483, 1).fill('#888888');
  img.image(makeScanPng(240, 300), 56, 130, { width: 483 });
  await w('image-only.pdf', await pdfToBuffer(img));

  await w('docx-named.pdf', built[westbrook.name].docx);
  await w('pdf-named.docx', built[westbrook.name].pdf);

  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const oleHeaderRest = Buffer.alloc(504);
  oleHeaderRest.writeUInt16LE(0x003e, 16); // minor version
  oleHeaderRest.writeUInt16LE(0x0003, 18); // major version 3
  oleHeaderRest.writeUInt16LE(0xfffe, 20); // byte order mark
  oleHeaderRest.writeUInt16LE(0x0009, 22); // sector shift (512-byte sectors)
  await w('legacy.doc', Buffer.concat([ole, oleHeaderRest, pseudoRandomBytes(1536, 7)]));

  await w('not-a-docx.docx', makeZip([['data/readme.txt', 'Budget working papers, not a Word document.\n'], ['data/values.csv', 'scheme,amount\nHubs,120000\n']]));

  // Word's owner file: one length byte, the user name, padding to 54 bytes, then the name again in UTF-16; 162 bytes.
  const owner = 'J Smith';
  const lock = Buffer.alloc(162, 0x20);
  lock[0] = owner.length;
  lock.write(owner, 1, 'latin1');
  lock.writeUInt16LE(owner.length, 54);
  lock.write(owner, 56, 'utf16le');
  await w('~$plan.docx', lock);
  await w('.~lock.plan.docx#', 'J Smith,jsmith,planning-pc,15.01.2024 12:00,file:///home/jsmith/.config/libreoffice/4;\n');
  await w('.hidden.txt', 'A hidden file (name starts with a dot). Discovery must skip it, not extract it.\n');
  await w(
    'notes.xlsx',
    makeZip([
      ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'],
      ['xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Finance" sheetId="1"/></sheets></workbook>'],
    ]),
  );
  await (await import('./fixtures/workbooks.mjs')).writeWorkbookFixtures(ROOT); // issue 14: workbooks/, broken/*.xls*
  console.log(`fixtures written to ${ROOT}`);
}

await main();
