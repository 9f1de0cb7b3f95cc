import { describe, expect, it } from 'vitest';
import { buildDocument, type RawBlock } from '../src/model/document.js';
import { detectTemplate, loadTemplates, parseTemplate, segmentDocument } from '../src/segment/index.js';
import { parseHeadingPrefix } from '../src/segment/text.js';
import { foldText, stripMarkup } from '../src/text/clean.js';

const templates = loadTemplates();
const para = (text: string, extra: Partial<RawBlock> = {}): RawBlock => ({ kind: 'paragraph', text, page: 2, ...extra }) as RawBlock;
const answer = (topic: string) =>
  para(`Our local answer on ${topic}: partners have agreed a joint programme with named leads, dates and funding for each workstream.`);

/** The revised 2014 template's headings as a plain document, each followed by an answer. */
const REVISED: Array<[string | null, string]> = [
  [null, '1) PLAN DETAILS'],
  ['plan_details.summary', 'a) Summary of Plan'],
  ['plan_details.signoff', 'b) Authorisation and signoff'],
  ['plan_details.related_documentation', 'c) Related documentation'],
  [null, '2) VISION FOR HEALTH AND CARE SERVICES'],
  ['vision.vision', 'a) Drawing on your JSNA, JHWS and patient and service user feedback, please describe the vision for health and social care services for this community for 2019/20'],
  ['vision.outcomes', 'b) What difference will this make to patient and service user outcomes?'],
  ['vision.service_changes', 'c) What changes will have been delivered in the pattern and configuration of services over the next five years, and how will BCF funded work contribute to this?'],
  ['case_for_change', '3) CASE FOR CHANGE'],
  [null, '4) PLAN OF ACTION'],
  ['plan_of_action.milestones', 'a) Please map out the key milestones associated with the delivery of the Better Care Fund plan and any key interdependencies'],
  ['plan_of_action.governance', 'b) Please articulate the overarching governance arrangements for integrated care locally'],
  ['plan_of_action.oversight', 'c) Please provide details of the management and oversight of the delivery of the Better Care Fund plan, including management of any remedial actions should plans go off track'],
  ['plan_of_action.schemes', 'd) List of planned BCF schemes'],
  [null, '5) RISKS AND CONTINGENCY'],
  ['risks.risk_log', 'a) Risk log'],
  ['risks.contingency', 'b) Contingency plan and risk sharing'],
  [null, '6) ALIGNMENT'],
  ['alignment.other_initiatives', 'a) Please describe how these plans align with other initiatives related to care and support underway in your area'],
  ['alignment.strategic_plans', 'b) Please describe how your BCF plan of action aligns with existing 2 year operating and 5 year strategic plans, as well as local government planning documents'],
  ['alignment.co_commissioning', 'c) Please describe how your BCF plans align with your plans for primary co-commissioning'],
  [null, '7) NATIONAL CONDITIONS'],
  ['national_conditions.protecting_social_care', 'a) Protecting social care services'],
  ['national_conditions.seven_day_services', 'b) 7 day services to support discharge'],
  ['national_conditions.data_sharing', 'c) Data sharing'],
  ['national_conditions.joint_assessment', 'd) Joint assessment and accountable lead professional for high risk populations'],
  [null, '8) ENGAGEMENT'],
  ['engagement.public', 'a) Patient, service user and public engagement'],
  ['engagement.providers', 'b) Service provider engagement'],
  ['engagement.acute_implications', 'c) Implications for acute providers'],
  ['annex.scheme_descriptions', 'ANNEX 1 – Detailed Scheme Description'],
  ['annex.provider_commentary', 'ANNEX 2 – Provider commentary'],
];

/** The skeleton with some headings replaced (by block), some answers replaced or dropped. */
function revisedDoc(
  opts: { heading?: Record<string, RawBlock | null>; answer?: Record<string, RawBlock[]>; before?: RawBlock[] } = {},
) {
  const blocks: RawBlock[] = [...(opts.before ?? [])];
  for (const [id, text] of REVISED) {
    if (id && opts.heading && id in opts.heading) {
      const h = opts.heading[id];
      if (h) blocks.push(h);
    } else blocks.push(para(text));
    if (id) blocks.push(...(opts.answer?.[id] ?? [answer(id)]));
  }
  return buildDocument('docx', 30, blocks);
}

function sectionOf(doc: ReturnType<typeof revisedDoc>, id: string) {
  const seg = segmentDocument(doc, templates);
  expect(seg.template).toBe('bcf-2014-revised');
  const s = seg.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return { seg, s };
}

describe('templates', () => {
  it('loads the three template files from templates/ and validates them', () => {
    expect(templates.map((t) => t.id).sort()).toEqual(['bcf-2014-original', 'bcf-2014-revised', 'bcf-2022-23']);
    const revised = templates.find((t) => t.id === 'bcf-2014-revised')!;
    expect(revised.sections.map((s) => s.id)).toEqual(REVISED.filter(([id]) => id).map(([id]) => id));
  });

  it('rejects a template file with a section naming an unknown parent', () => {
    const bad = {
      id: 'bcf-x',
      name: 'x',
      detection: { markers: [{ phrases: ['X'] }] },
      sections: [{ id: 'a.b', headings: ['A'], parent: 'nope' }],
    };
    expect(() => parseTemplate(bad, 'bad.json')).toThrow(/unknown parent nope/);
    expect(() => parseTemplate({ id: 'Bad Id', name: 'x' }, 'bad.json')).toThrow(/invalid template/);
  });

  it('a new template is data only: a JSON object is enough for it to be detected and segmented', () => {
    const t2325 = parseTemplate({
      id: 'bcf-2023-25',
      name: 'BCF 2023-25',
      detection: {
        markers: [
          { phrases: ['2023-25'], kind: 'must', weight: 2 },
          { phrases: ['Capacity and demand'], weight: 1, where: 'heading' },
        ],
      },
      sections: [
        { id: 'narrative.capacity_demand', headings: ['Capacity and demand'] },
        { id: 'narrative.carers', headings: ['Supporting unpaid carers'] },
      ],
    });
    const doc = buildDocument('txt', null, [
      para('Better Care Fund narrative plan 2023-25'),
      para('Capacity and demand'),
      answer('capacity'),
      para('Supporting unpaid carers'),
      answer('carers'),
    ]);
    const seg = segmentDocument(doc, [...templates, t2325]);
    expect(seg.template).toBe('bcf-2023-25');
    expect(seg.sections.map((s) => `${s.id}:${s.status}`)).toEqual(['narrative.capacity_demand:present', 'narrative.carers:present']);
  });
});

describe('2022-23 detection', () => {
  const narrative = (year: string) =>
    buildDocument('docx', 12, [
      para(`Better Care Fund narrative plan ${year}`),
      ...[
        'Executive summary',
        'Governance',
        'Overall BCF plan and approach to integration',
        'Implementing the BCF Policy Objectives (national condition four)',
        'Supporting unpaid carers',
        'Disabled Facilities Grant (DFG) and wider services',
        'Equality and health inequalities',
      ].flatMap((h) => [{ kind: 'heading', level: 2, text: h, page: 3 } as RawBlock, answer(h)]),
    ]);

  it('a narrative plan without the planning template extract is still 2022-23 (planning sections missing)', () => {
    const seg = segmentDocument(narrative('2022-23'), templates);
    expect(seg.template).toBe('bcf-2022-23');
    expect(seg.sections.filter((s) => s.status === 'present')).toHaveLength(7);
    expect(seg.flags.map((f) => f.section)).toEqual(['planning.income', 'planning.spending_plan', 'planning.metrics']);
  });

  it('a later plan on the same headings (2023-25) is not taken for 2022-23', () => {
    expect(segmentDocument(narrative('2023-25'), templates).template).toBe('unknown');
  });

  // The planning workbook printed without gridlines, as raw pdftotext gives it: each table column by column, one
  // line a cell (its labels, then its amounts). A funding source repeats part of the narrative's DFG heading.
  const planningAsText = (dfgLabel: string) =>
    buildDocument('txt', 2, [
      ...['Better Care Fund 2022-23 Planning Template', 'BCF Income for 2022/23', 'Funding Sources', dfgLabel, 'Minimum NHS Contribution'].map((t) => para(t)),
      ...['Improved Better Care Fund (iBCF)', 'Additional LA Contribution', 'Total BCF Pooled Budget', 'Income (£)', '£1,870,400', '£15,230,800'].map((t) => para(t)),
      para('Spending Plan 2022/23'),
      ...['Scheme ID', 'Scheme Name', '1', 'Rapid Response Team', '2', 'Home from Hospital', 'Expenditure (£)', '£640,000', '£1,120,000'].map((t) => para(t)),
      para('Metrics for 2022/23'),
      ...['Indicator value', 'Numerator', 'Denominator', '2021-22 Actual', '2022-23 Plan', '188.2', '181.0'].map((t) => para(t)),
    ]);

  it('a label in a column of labels read as text is not a narrative heading it repeats part of', () => {
    const seg = segmentDocument(planningAsText('Disabled Facilities Grant (DFG)'), templates);
    expect(seg.template).toBe('bcf-2022-23');
    expect(seg.sections.find((s) => s.id === 'narrative.dfg')?.status ?? 'absent').not.toBe('present');
    expect(seg.flags.filter((f) => f.section?.startsWith('narrative.'))).toEqual([]);
  });

  it('a long numbered heading wrapped one line a paragraph (large type, laid-out text) is still the heading', () => {
    // Each heading cut into lines of at most 48 characters, as pdftotext -layout leaves a question set in large type.
    const wrap = (text: string) => text.match(/.{1,48}(?:\s|$)/g)!.map((l) => para(l.trim()));
    const blocks: RawBlock[] = REVISED.flatMap(([id, text]) => [...wrap(text), ...(id ? [answer(id)] : [])]);
    const seg = segmentDocument(buildDocument('txt', 30, blocks), templates);
    expect(seg.template).toBe('bcf-2014-revised');
    for (const id of ['vision.vision', 'plan_of_action.oversight', 'alignment.other_initiatives']) {
      expect(seg.sections.find((x) => x.id === id)?.status).toBe('present');
    }
  });

  it('a shortened heading standing on its own, over its answer, is still the heading', () => {
    const doc = buildDocument('txt', 12, [
      para('Better Care Fund narrative plan 2022-23'),
      ...[
        'Executive summary',
        'Governance',
        'Overall BCF plan and approach to integration',
        'Implementing the BCF Policy Objectives (national condition four)',
        'Supporting unpaid carers',
        'Disabled Facilities Grant (DFG)',
        'Equality and health inequalities',
      ].flatMap((h) => [para(h), answer(h)]),
    ]);
    const seg = segmentDocument(doc, templates);
    expect(seg.sections.find((s) => s.id === 'narrative.dfg')?.status).toBe('present');
  });
});

describe('text helpers', () => {
  it('folds Cyrillic look-alikes and strips markup', () => {
    expect(foldText('Ву')).toBe('By');
    expect(stripMarkup('#### **1) PLAN DETAILS**')).toBe('1) PLAN DETAILS');
    expect(stripMarkup('- a) Please map out')).toBe('a) Please map out');
    expect(stripMarkup('<b>c) Data sharing</b>')).toBe('c) Data sharing');
  });

  it('parses numbering: numbers, letters with or without a space, sub-numbers and roman sub-questions', () => {
    expect(parseHeadingPrefix('1) PLAN DETAILS')).toMatchObject({ number: '1', letter: null, rest: 'PLAN DETAILS' });
    expect(parseHeadingPrefix('1. Plan Details')).toMatchObject({ number: '1', rest: 'Plan Details' });
    expect(parseHeadingPrefix('b)What difference')).toMatchObject({ letter: 'b', rest: 'What difference' });
    expect(parseHeadingPrefix('a.1 Better Care Fund Schemes').sub).toBe(true);
    expect(parseHeadingPrefix('ii) Please explain').sub).toBe(true);
    expect(parseHeadingPrefix('e.g. the answer').letter).toBeNull();
  });
});

describe('heading variants', () => {
  const variants: Array<[string, string, RawBlock, string]> = [
    ['markdown heading marks', 'case_for_change', para('#### 3) CASE FOR CHANGE'), '3) CASE FOR CHANGE'],
    ['"1." numbering and title case', 'case_for_change', para('3. Case for Change'), '3. Case for Change'],
    ['no space after the letter', 'vision.outcomes', para('b)What difference will this make to patient and service user outcomes?'), 'b)What difference will this make to patient and service user outcomes?'],
    ['a list item with a dash', 'plan_of_action.milestones', { kind: 'list_item', level: 1, page: 2, text: '- a) Please map out the key milestones associated with the delivery of the Better Care Fund plan and any key interdependencies' }, 'a) Please map out the key milestones associated with the delivery of the Better Care Fund plan and any key interdependencies'],
    ['question shortened', 'plan_of_action.oversight', para('c) Management and oversight of the delivery of the plan'), 'c) Management and oversight of the delivery of the plan'],
    ['a Word heading without its letter', 'risks.contingency', { kind: 'heading', level: 2, page: 2, text: 'Contingency plan and risk sharing' }, 'Contingency plan and risk sharing'],
    ['bold markup', 'plan_of_action.schemes', para('**d) List of planned BCF schemes**'), 'd) List of planned BCF schemes'],
    ['HTML markup', 'annex.provider_commentary', para('<p><b>ANNEX 2 – Provider commentary</b></p>'), 'ANNEX 2 - Provider commentary'],
    ['Cyrillic look-alikes (OCR)', 'national_conditions.data_sharing', para('c) Dаtа shаring'), 'c) Data sharing'],
    ['a single-cell table row', 'engagement.public', { kind: 'table', page: 2, rows: [{ cells: [{ text: 'a) Patient, service user and public engagement' }], page: 2 }] }, 'a) Patient, service user and public engagement'],
  ];
  it.each(variants)('%s', (_name, id, block, written) => {
    const doc = revisedDoc({ heading: { [id]: block } });
    const { s } = sectionOf(doc, id);
    expect(s.status).toBe('present');
    expect(s.heading).toBe(written);
    expect(s.page).toBe(2);
    expect(doc.blocks[s.blockStart].offset).toBe(s.start);
    expect(s.end).toBeGreaterThan(s.start);
  });

  it('a heading run into its answer is found at the paragraph start', () => {
    const doc = revisedDoc({
      heading: { 'risks.contingency': null },
      answer: {
        'risks.contingency': [
          para('b) Contingency plan and risk sharing: if emergency admissions do not fall, the performance pool is held back and shared between the CCG and the council.'),
        ],
      },
    });
    const { s } = sectionOf(doc, 'risks.contingency');
    expect(s.status).toBe('present');
    expect(s.heading).toBe('b) Contingency plan and risk sharing:');
  });

  it('a line ending a wrapped sentence in lower case ("documentation.") is no heading, even one naming a section', () => {
    const doc = revisedDoc({
      heading: { 'plan_details.related_documentation': null },
      answer: {
        'plan_details.signoff': [para('The board signed the plan on 14 January and the partners will keep the supporting'), para('documentation.')],
      },
    });
    expect(sectionOf(doc, 'plan_details.related_documentation').s.status).toBe('missing');
  });

  it('a question in the first cell of a row with its answer beside it', () => {
    const doc = revisedDoc({
      heading: { 'risks.contingency': null },
      answer: {
        'risks.contingency': [
          {
            kind: 'table',
            page: 2,
            rows: [{ cells: [{ text: 'b) Contingency plan and risk sharing' }, { text: 'The performance pool is held back and shared by the CCG and the council if admissions do not fall.' }], page: 2 }],
          },
        ],
      },
    });
    const { s } = sectionOf(doc, 'risks.contingency');
    expect(s).toMatchObject({ status: 'present', heading: 'b) Contingency plan and risk sharing', page: 2 });
  });

  it('sub-questions (i, ii) stay inside their parent section', () => {
    const doc = revisedDoc({
      answer: {
        'national_conditions.data_sharing': [
          para('i) Please set out the plans you have in place for using the NHS Number as the primary identifier'),
          answer('nhs number'),
          para('ii) Data sharing agreements'),
          answer('agreements'),
        ],
      },
    });
    const { seg, s } = sectionOf(doc, 'national_conditions.data_sharing');
    expect(s.heading).toBe('c) Data sharing');
    const next = seg.sections.find((x) => x.id === 'national_conditions.joint_assessment')!;
    expect(s.end).toBe(next.start);
    expect(doc.text.slice(s.start, s.end)).toContain('ii) Data sharing agreements');
  });
});

describe('contents, placeholders, missing and unknown', () => {
  it('a contents list at the top does not take the sections', () => {
    const toc: RawBlock[] = [
      para('Contents'),
      {
        kind: 'table',
        page: 1,
        rows: [
          ['1.', 'Plan Details', '4'],
          ['a)', 'Summary of Plan', ''],
          ['b)', 'Authorisation and signoff', '5'],
          ['3.', 'CASE FOR CHANGE', '12'],
          ['7.', 'NATIONAL CONDITIONS', '30'],
          ['c)', 'Data sharing', '33'],
        ].map((cells) => ({ cells: cells.map((text) => ({ text })), page: 1 })),
      },
      para('a) Summary of Plan', { page: 1 }),
      para('c) Data sharing', { page: 1 }),
    ];
    const doc = revisedDoc({ before: toc });
    const seg = segmentDocument(doc, templates);
    for (const id of ['plan_details.summary', 'plan_details.signoff', 'case_for_change', 'national_conditions.data_sharing']) {
      const s = seg.sections.find((x) => x.id === id)!;
      expect(s.status, id).toBe('present');
      expect(s.page, id).toBe(2);
    }
  });

  it('a heading with only the template guidance, or "to follow", is a placeholder and flagged', () => {
    const doc = revisedDoc({
      answer: {
        'plan_details.related_documentation': [
          para('Please include information/links to any related documents such as the full project plan for the scheme, and documents related to each national condition.'),
        ],
        'alignment.co_commissioning': [para('To be finalised.')],
        'risks.contingency': [],
        'engagement.acute_implications': [para('TBC')],
        'plan_of_action.oversight': [para('See b) above.')],
      },
    });
    const seg = segmentDocument(doc, templates);
    const status = (id: string) => seg.sections.find((x) => x.id === id)!.status;
    expect(status('plan_details.related_documentation')).toBe('placeholder');
    expect(status('alignment.co_commissioning')).toBe('placeholder');
    expect(status('risks.contingency')).toBe('placeholder');
    expect(status('engagement.acute_implications')).toBe('placeholder');
    expect(status('risks.risk_log')).toBe('present');
    // A pointer to another answer is an answer.
    expect(status('plan_of_action.oversight')).toBe('present');
    const flags = seg.flags.filter((f) => f.code === 'PLACEHOLDER_SECTION').map((f) => f.section).sort();
    expect(flags).toEqual(['alignment.co_commissioning', 'engagement.acute_implications', 'plan_details.related_documentation', 'risks.contingency']);
    expect(seg.flags.every((f) => f.severity === 'warning' && f.page === 2)).toBe(true);
  });

  it('the placeholder phrases of real submissions (tables.md) make a section a placeholder', () => {
    const doc = revisedDoc({
      answer: {
        'alignment.co_commissioning': [para('This section is still to be completed.')],
        'engagement.acute_implications': [para('Information is being collated and will be added.')],
        'risks.contingency': [para('Xxx')],
        'alignment.other_initiatives': [para('£2xxk to be agreed with partners')],
        'plan_of_action.oversight': [para('Still to be finalised by the programme board.')],
      },
    });
    const seg = segmentDocument(doc, templates);
    const status = (id: string) => seg.sections.find((x) => x.id === id)!.status;
    for (const id of ['alignment.co_commissioning', 'engagement.acute_implications', 'risks.contingency', 'alignment.other_initiatives', 'plan_of_action.oversight']) {
      expect(status(id), id).toBe('placeholder');
    }
    expect(status('risks.risk_log')).toBe('present');
  });

  it("a section holding only the template's empty table (its header labels) is a placeholder", () => {
    const header = (cells: string[]): RawBlock => ({ kind: 'table', page: 2, rows: [{ cells: cells.map((text) => ({ text })), page: 2 }] });
    const doc = revisedDoc({
      answer: {
        'risks.risk_log': [
          header(['There is a risk that:', 'How likely is the risk to materialise?', 'Potential impact', 'Overall risk factor', 'Mitigating Actions']),
        ],
        'plan_details.related_documentation': [header(['Document or information title', 'Synopsis and links'])],
      },
    });
    const seg = segmentDocument(doc, templates);
    const status = (id: string) => seg.sections.find((x) => x.id === id)!.status;
    expect(status('risks.risk_log')).toBe('placeholder');
    expect(status('plan_details.related_documentation')).toBe('placeholder');
    expect(status('risks.contingency')).toBe('present');
  });

  it('a missing required section is flagged as an error', () => {
    const doc = revisedDoc({ heading: { 'engagement.providers': null }, answer: { 'engagement.providers': [] } });
    const { seg, s } = sectionOf(doc, 'engagement.providers');
    expect(s).toMatchObject({ status: 'missing', heading: null, page: null, start: -1, blockStart: -1 });
    expect(seg.flags).toEqual([
      expect.objectContaining({ code: 'MISSING_SECTION', severity: 'error', section: 'engagement.providers' }),
    ]);
  });

  it('the original template: optional Part 2 sections missing are not flagged', () => {
    const doc = buildDocument('txt', null, [
      para('1. Plan Details'),
      ...[
        'a) Summary of plan',
        'b) Authorisation and signoff',
        'Service provider engagement',
        'Patient, service user and public engagement',
        'Related Documentation',
        '2. VISION AND SCHEMES',
        'a) Vision for Health and Care Services',
        'b) Aims and objectives',
        'c) Description of planned changes',
        'd) Implications for the acute sector',
        'e) Governance',
        '3. NATIONAL CONDITIONS',
        'a) Protecting social care services',
        'b) 7 day services to support discharge',
        'c) Data sharing',
        'd) Joint assessment and accountable lead professional',
        '4. RISKS',
      ].flatMap((h) => (/^\d\. [A-Z]{4}/.test(h) && !h.includes('RISKS') ? [para(h)] : [para(h), answer(h)])),
    ]);
    const seg = segmentDocument(doc, templates);
    expect(seg.template).toBe('bcf-2014-original');
    expect(seg.sections.filter((s) => s.status === 'present')).toHaveLength(15);
    expect(seg.sections.filter((s) => s.status === 'missing').map((s) => s.id)).toEqual(['finance.summary', 'finance.schemes', 'metrics.outcomes']);
    expect(seg.flags).toEqual([]);
  });

  it('a document that fits no template is unknown, with its own headings as other.<slug> sections', () => {
    const doc = buildDocument('docx', 3, [
      { kind: 'heading', level: 1, text: 'Annual Report on Parks', page: 1 },
      para('The parks service had a good year.'),
      { kind: 'heading', level: 2, text: 'Tree planting & maintenance', page: 2 },
      para('We planted 400 trees.'),
    ]);
    const seg = segmentDocument(doc, templates);
    expect(seg.template).toBe('unknown');
    expect(seg.sections.map((s) => [s.id, s.status, s.page])).toEqual([
      ['other.annual_report_on_parks', 'present', 1],
      ['other.tree_planting_and_maintenance', 'present', 2],
    ]);
    expect(seg.flags.map((f) => f.code)).toEqual(['UNKNOWN_TEMPLATE']);
    expect(detectTemplate(doc, templates).template).toBeNull();
  });
});

describe('detection markers as headings', () => {
  it('a numbered capitals heading run into its first sentence counts; a numbered sentence does not', () => {
    const templates2 = loadTemplates();
    const base = [
      para('1) PLAN DETAILS'),
      para('a) Summary of Plan'),
      answer('summary'),
      para('7) NATIONAL CONDITIONS'),
      para('a) Protecting social care services'),
      answer('social care'),
    ];
    const runIn = buildDocument('txt', null, [
      ...base,
      para('3) CASE FOR CHANGE Please set out a clear, analytically driven understanding of how care can be improved by integration in your area, with the risk stratification you did.'),
    ]);
    expect(detectTemplate(runIn, templates2).scores.find((s) => s.id === 'bcf-2014-revised')!.ruledOut).toBeNull();
    const sentence = buildDocument('txt', null, [
      ...base,
      para('3. Case for change is made in our strategy, which the board agreed last year after a long and careful public consultation.'),
    ]);
    expect(detectTemplate(sentence, templates2).scores.find((s) => s.id === 'bcf-2014-original')!.ruledOut).toBeNull();
  });
});
