// The risk logs as data: a template's declared risk log (templates/*.json "tables", field "risks") names the log's
// columns in the template's own words before the general vocabulary does, so a template whose log uses other words is
// a JSON edit. A fictional template here: the revised template with its log's header words replaced by words the
// general vocabulary does not know. Every risk, figure and action here is made up.
import { describe, expect, it } from 'vitest';
import { buildDocument, type RawBlock, type TableRow } from '../src/model/document.js';
import { extractText } from '../src/extract/text/index.js';
import { documentTables } from '../src/fields/common/documentTables.js';
import { extractRisks, riskColumnOf, riskColumnsOf, riskVocabulary } from '../src/fields/risks/index.js';
import { loadTemplates, parseTemplate, type DeclaredTable, type Template } from '../src/segment/template.js';
import { declaredRoleOf } from '../src/tables/declared.js';
import type { DocumentModel } from '../src/model/document.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const row = (cells: string[]): TableRow => ({ cells: cells.map((text) => ({ text })), page: 1 });
const para = (text: string): RawBlock => ({ kind: 'paragraph', page: 1, text });

const templates = loadTemplates();
const templateOf = (id: string): Template => templates.find((t) => t.id === id)!;
const riskLogOf = (t: Template): DeclaredTable => t.tables.find((d) => d.field === 'risks')!;

/** New header words by role, none of which the general vocabulary names. */
const FICTIONAL_WORDS: Record<string, string[]> = {
  description: ['Threat'],
  likelihood: ['Chance of occurring'],
  impact: ['Harm if it happens'],
  score: ['Combined factor'],
  owner: ['Steward'],
  mitigation: ['Safeguards'],
};

/** A parsed copy of the revised template whose declared risk log carries the new words. */
function fictionalTemplate(): Template {
  const json = structuredClone(templateOf('bcf-2014-revised')) as Template;
  const log = riskLogOf(json);
  for (const c of log.columns) c.header = FICTIONAL_WORDS[c.role];
  return parseTemplate({ ...json, id: 'fictional-risk-template' });
}

const HEADER = ['Threat', 'Chance of occurring (1-5)', 'Harm if it happens (1-5)', 'Combined factor', 'Safeguards'];
const ROWS = [
  ['Partner budgets are cut before the new schemes start', '4', '5 Fewer hours of home care bought', '20 High', 'Quarterly review by the joint board'],
  ['Care agencies cannot recruit enough night staff', '3', '4 Discharges wait for packages', '12 Medium', 'Shared recruitment campaign with the agencies'],
  ['The shared care record goes live late', '2', '3 Staff keep re-entering details', '6 Low', 'Fallback paper summary agreed with the wards'],
];
const EXPECTED = [
  ['Partner budgets are cut before the new schemes start', 4, 5, 20, 'high', 'Quarterly review by the joint board'],
  ['Care agencies cannot recruit enough night staff', 3, 4, 12, 'medium', 'Shared recruitment campaign with the agencies'],
  ['The shared care record goes live late', 2, 3, 6, 'low', 'Fallback paper summary agreed with the wards'],
];

/** The risks read with the given declarations beside the document's grids. */
function risksRead(doc: DocumentModel, declarations: DeclaredTable[]) {
  const risks = extractRisks(doc, noSections, { ...documentTables(doc), declarations }).value;
  return risks.map((r) => [r.description, r.likelihood, r.impact, r.score, r.rating, r.mitigation]);
}

describe('a risk log read by its template declaration', () => {
  const fictional = fictionalTemplate();

  it('the new header words are unknown to the general vocabulary', () => {
    for (const h of HEADER) expect(riskColumnOf(h)).toBeNull();
  });

  it('reads a table block headed in the template\'s own words, and reads nothing without the declaration', () => {
    const doc = buildDocument('docx', 1, [para('a) Risk log'), { kind: 'table', page: 1, rows: [row(HEADER), ...ROWS.map(row)] }]);
    expect(risksRead(doc, fictional.tables)).toEqual(EXPECTED);
    expect(risksRead(doc, [])).toEqual([]);
  });

  it('reads the same log converted to tab-separated text, and nothing without the declaration', () => {
    const doc = extractText(['a) Risk log', '', ...[HEADER, ...ROWS].map((cells) => cells.join('\t'))].join('\n'), 'txt');
    expect(risksRead(doc, fictional.tables)).toEqual(EXPECTED);
    expect(risksRead(doc, [])).toEqual([]);
  });

  it('reads the log flattened to one cell per line; without the declaration it is no log', () => {
    const doc = extractText(['a) Risk log', '', ...[HEADER, ...ROWS].flatMap((cells) => [...cells, ''])].join('\n'), 'txt');
    expect(risksRead(doc, fictional.tables)).toEqual(EXPECTED);
    // Without it only the reading by content (typedLog.ts: figures tied by likelihood x impact = score) finds
    // anything, and that reading leaves every action unread.
    const general = risksRead(doc, []);
    expect(general).not.toEqual(EXPECTED);
    expect(general.every((r) => r[5] === null)).toBe(true);
  });

  it('takes a declared header as a risk log though its risk column does not say "risk"', () => {
    const header = row(['Threat', 'Safeguards']);
    expect(riskColumnsOf(header, riskVocabulary(fictional.tables))?.index).toEqual({ description: 0, mitigation: 1 });
    expect(riskColumnsOf(header)).toBeNull();
  });

  it('keeps the general vocabulary for the columns the declaration does not name', () => {
    const words = riskVocabulary(fictional.tables);
    expect(words.roleOf('Risk rating')).toBe('rating');
    expect(words.roleOf('Chance of occurring')).toBe('likelihood');
    // Another template's words do not leak into the general vocabulary.
    expect(riskVocabulary([]).roleOf('Chance of occurring')).toBeNull();
  });
});

describe('the real templates declare their risk logs', () => {
  // The revised log's header (../shared/spec/tables.md), guidance kept in the cells as the template prints it.
  const REVISED_HEADER: Array<[string, string]> = [
    ['There is a risk that:', 'description'],
    ['How likely is the risk to materialise? Please rate on a scale of 1-5 with 1 being very unlikely and 5 being very likely', 'likelihood'],
    ['Potential impact Please rate on a scale of 1-5 with 1 being a relatively small impact and 5 being a major impact', 'impact'],
    ['Overall risk factor (likelihood *potential impact)', 'score'],
    ['Lead/Owner', 'owner'],
    ['Mitigating Actions', 'mitigation'],
  ];

  it('bcf-2014-revised: the risk_log section, every header cell named by its declared words', () => {
    const t = templateOf('bcf-2014-revised');
    const log = riskLogOf(t);
    expect(log.section).toBe('risks.risk_log');
    for (const [cell, role] of REVISED_HEADER) expect(declaredRoleOf(t.tables, 'risks', cell)).toBe(role);
    expect(riskColumnsOf(row(REVISED_HEADER.map(([cell]) => cell)), riskVocabulary(t.tables))?.index).toEqual({
      description: 0,
      likelihood: 1,
      impact: 2,
      score: 3,
      owner: 4,
      mitigation: 5,
    });
  });

  it('bcf-2014-original: the same log words in its risks section, and its "Risk rating"', () => {
    const t = templateOf('bcf-2014-original');
    expect(riskLogOf(t).section).toBe('risks.risk_log');
    for (const [cell, role] of REVISED_HEADER.filter(([c]) => c !== 'Lead/Owner')) expect(declaredRoleOf(t.tables, 'risks', cell)).toBe(role);
    expect(declaredRoleOf(t.tables, 'risks', 'Risk rating')).toBe('rating');
  });
});
