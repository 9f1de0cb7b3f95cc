import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { corpusPlan, haveShared, SHARED_DIR } from './shared.js';
import { extractDocument } from '../src/extract/index.js';
import { extractSchemes } from '../src/fields/schemes/index.js';
import { buildDocument, type RawBlock } from '../src/model/document.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const table = (rows: string[][], page: number | null = 1): RawBlock => ({
  kind: 'table',
  page,
  rows: rows.map((cells) => ({ cells: cells.map((text) => ({ text })), page })),
});
const para = (text: string, page: number | null = 1): RawBlock => ({ kind: 'paragraph', text, page });
const heading = (text: string, page: number | null = 1): RawBlock => ({ kind: 'heading', level: 2, text, page });
const item = (text: string, level = 0, ordered = false): RawBlock => ({ kind: 'list_item', text, level, ordered, page: 2 });

function schemes(blocks: RawBlock[]) {
  return extractSchemes(buildDocument('docx', 3, blocks), noSections).value;
}
const brief = (s: { ref: string | null; name: string; theme: string | null }) => `${s.ref ?? '-'} | ${s.name} | ${s.theme ?? '-'}`;

describe('scheme list tables', () => {
  it('reads Ref no. | Scheme rows with refs as written', () => {
    const out = schemes([
      heading('d) List of planned BCF schemes'),
      para('Please list below the individual projects or changes which you are planning.'),
      table([
        ['Ref no.', 'Scheme'],
        ['1', 'Self help, Prevention & Community Resilience'],
        ['2', 'Integrated Community Based Support'],
      ]),
    ]);
    expect(out.map(brief)).toEqual(['1 | Self help, Prevention & Community Resilience | -', '2 | Integrated Community Based Support | -']);
    expect(out[0].page).toBe(1);
    expect(out[0].text).toContain('Self help');
  });

  it('reads a list table headed "Scheme ref no. | Scheme name" once, not as annex blocks', () => {
    const out = schemes([
      table([
        ['Scheme ref no.', 'Scheme name'],
        ['1', 'Carers'],
        ['2', 'Falls prevention'],
      ]),
    ]);
    expect(out.map(brief)).toEqual(['1 | Carers | -', '2 | Falls prevention | -']);
  });

  it('does not read a risk log with a ref and a project column as a scheme list', () => {
    const out = schemes([
      table([
        ['Ref', 'Project', 'Risk', 'Likelihood', 'Mitigation'],
        ['1', 'Care home review', 'Providers leave the market', '3', 'Fee review'],
      ]),
    ]);
    expect(out).toEqual([]);
  });

  it('takes a single-cell row as the theme of the schemes beneath it', () => {
    const out = schemes([
      table([
        ['Ref no.', 'Scheme name'],
        ['Unified Prevention', ''],
        ['UP1', 'Community wellbeing hubs'],
        ['UP2', 'Falls prevention'],
        ['Enhanced Care', ''],
        ['E3', 'Rapid response'],
      ]),
    ]);
    expect(out.map(brief)).toEqual([
      'UP1 | Community wellbeing hubs | Unified Prevention',
      'UP2 | Falls prevention | Unified Prevention',
      'E3 | Rapid response | Enhanced Care',
    ]);
  });
});

describe('schemes grouped under theme titles', () => {
  it('takes the title above each of several scheme tables as the theme', () => {
    const out = schemes([
      heading('d) List of planned BCF schemes'),
      heading('Unified Prevention'),
      table([
        ['Ref no.', 'Scheme'],
        ['UP1', 'Community wellbeing hubs'],
      ]),
      heading('Enhanced Care'),
      table([
        ['Ref no.', 'Scheme'],
        ['E3', 'Rapid response'],
      ]),
    ]);
    expect(out.map(brief)).toEqual(['UP1 | Community wellbeing hubs | Unified Prevention', 'E3 | Rapid response | Enhanced Care']);
  });

  it('reads runs of coded entries (UP1, UP2) with the title above them as theme', () => {
    const out = schemes([
      heading('Unified Prevention'),
      item('UP1 Community wellbeing hubs'),
      item('UP2 Falls prevention'),
      heading('Performance'),
      item('Q1 admissions fell'),
      item('Q2 admissions rose'),
    ]);
    expect(out.map(brief)).toEqual(['UP1 | Community wellbeing hubs | Unified Prevention', 'UP2 | Falls prevention | Unified Prevention']);
  });
});

describe('scheme lists under a heading', () => {
  it('reads a numbered list after an intro sentence, refs from the numbers', () => {
    const out = schemes([
      heading('a.1 Better Care Fund Schemes'),
      para('In terms of our strategic intent, these are the schemes which form the basis of this submission.'),
      item('1. Frailty/complex needs'),
      item('2. Support to live at home'),
      item('3. Mental Health (not incl. dementia)'),
      para('In practice the vision will translate into different approaches.'),
      item('- Not a scheme'),
    ]);
    expect(out.map(brief)).toEqual(['1 | Frailty/complex needs | -', '2 | Support to live at home | -', '3 | Mental Health (not incl. dementia) | -']);
  });

  it('reads a numbered list that a PDF reader drew as a table (a bullet-glyph column, one entry a row), over a later description table', () => {
    const out = schemes([
      heading('a.1 Better Care Fund Schemes'),
      para('In terms of our strategic intent, these are the schemes which form the basis of this submission.'),
      table([
        ['\uf0b7', '1. Frailty/complex needs'],
        ['', '2. Support to live at home'],
      ]),
      heading('b) Scheme activity'),
      table([
        ['Scheme', '14/15 activity'],
        ['Frailty/compl ex needs/long', 'Continuing co-design'],
        ['Programme Management', 'Manage the implementation'],
      ]),
    ]);
    expect(out.map(brief)).toEqual(['1 | Frailty/complex needs | -', '2 | Support to live at home | -']);
  });

  it('reads a list table flattened to lines ("Ref no. Scheme" / "1 Name")', () => {
    const out = schemes([
      heading('d) List of planned BCF schemes'),
      para('Please list below the individual projects or changes which you are planning.'),
      para('Ref no. Scheme'),
      para('1 Self help, Prevention & Community Resilience'),
      para('2 Integrated Community Based Support'),
      heading('5) RISKS AND CONTINGENCY'),
    ]);
    expect(out.map(brief)).toEqual(['1 | Self help, Prevention & Community Resilience | -', '2 | Integrated Community Based Support | -']);
  });

  it('numbers an ordered list whose numbers the converter dropped, and nests themes', () => {
    const out = schemes([
      heading('Our schemes'),
      item('Unified Prevention', 0, true),
      item('Community hubs', 1, true),
      item('Falls service', 1, true),
    ]);
    expect(out.map((s) => `${s.name} | ${s.theme ?? '-'}`)).toEqual(['Community hubs | Unified Prevention', 'Falls service | Unified Prevention']);
  });

  it('ignores a list under an unrelated heading, even one that mentions schemes', () => {
    expect(schemes([heading('Governance'), item('Board meets monthly'), item('Sub-groups report quarterly')])).toEqual([]);
    expect(schemes([heading('Impact of the schemes'), item('1. Fewer admissions'), item('2. Shorter stays')])).toEqual([]);
  });

  it('takes the name before a dash when an entry runs on into a description', () => {
    const out = schemes([
      heading('4d) List of planned BCF schemes'),
      item('1. Carers – support for carers to continue caring, including respite breaks, leisure and learning activities for carers across the county'),
      item('2. Falls prevention'),
    ]);
    expect(out.map(brief)).toEqual(['1 | Carers | -', '2 | Falls prevention | -']);
  });
});

describe('Annex 1 scheme descriptions', () => {
  const annex: RawBlock[] = [
    heading('ANNEX 1 – Detailed Scheme Description'),
    para('Scheme ref no.'),
    para('1'),
    para('Scheme name'),
    para('Self-help, Prevention and Community Resilience'),
    para('What is the strategic objective of this scheme?'),
    para('This scheme relates to segment one of the care wedge.'),
    para('Scheme ref no.'),
    para('2'),
    para('Scheme name'),
    para('Integrated Community-based Support'),
  ];

  it('reads ref and name from the label/value blocks', () => {
    expect(schemes(annex).map(brief)).toEqual(['1 | Self-help, Prevention and Community Resilience | -', '2 | Integrated Community-based Support | -']);
  });

  it('reads "label: value" lines and label/value table cells', () => {
    const out = schemes([para('Scheme ref no.: E3'), para('Scheme name: Rapid response'), table([['Scheme ref no.', 'E4'], ['Scheme name', 'Night sitting']])]);
    expect(out.map(brief)).toEqual(['E3 | Rapid response | -', 'E4 | Night sitting | -']);
  });

  it('merges an annex block into the listed scheme with the same ref, keeping the list name', () => {
    const out = schemes([
      table([
        ['Ref no.', 'Scheme'],
        ['1', 'Self help, Prevention & Community Resilience'],
        ['2', 'Integrated Community Based Support'],
      ]),
      ...annex,
    ]);
    expect(out.map(brief)).toEqual(['1 | Self help, Prevention & Community Resilience | -', '2 | Integrated Community Based Support | -']);
  });
});

describe('scheme title headings', () => {
  it('reads "Scheme 1: name" headings, and not sentences that start with "Scheme"', () => {
    const out = schemes([
      heading('Scheme 1: Integrated Care Teams'),
      para('The teams bring together community nurses and social workers.'),
      heading('Scheme UP2 – Falls prevention'),
      para('Scheme 3 was reviewed by the board in March and the findings of the review are set out below in full.'),
    ]);
    expect(out.map(brief)).toEqual(['1 | Integrated Care Teams | -', 'UP2 | Falls prevention | -']);
  });
});

describe('spending-plan schemes', () => {
  it('gives the distinct scheme names of a spending plan, names as written', () => {
    const out = schemes([
      para('Spending Plan 2022/23'),
      table([
        ['Scheme Name', 'Source of Funding', 'Expenditure (£)'],
        ['Integrated Community Equipment', 'Minimum NHS Contribution', '£1,486,230'],
        ['Integrated Community Equipment', 'Additional LA Contribution', '£315,800'],
        ['Track & Triage.', 'iBCF', '£4,812'],
        ['domiciliary care packages', 'iBCF', '£713,564'],
      ]),
    ]);
    expect(out.map((s) => s.name)).toEqual(['Integrated Community Equipment', 'Track & Triage.', 'domiciliary care packages']);
  });
});

describe('scheme tables without refs', () => {
  it('takes the scheme column of a description table when the plan lists schemes nowhere else', () => {
    const out = schemes([
      table([
        ['Scheme/Project', 'What it will do'],
        ['Integrated locality teams', 'Joint health and social care teams'],
        ['Carers support', 'Respite and breaks'],
      ]),
    ]);
    expect(out.map(brief)).toEqual(['- | Integrated locality teams | -', '- | Carers support | -']);
  });

  it('ignores such a table when the plan has a scheme list', () => {
    const out = schemes([
      heading('a.1 Better Care Fund Schemes'),
      item('1. Carers'),
      item('2. Support to live at home'),
      table([
        ['Scheme', '14/15 activity', 'Benefits'],
        ['Carers', 'Support programme', 'Carers supported'],
        ['Programme Management', 'Benefits tracking', ''],
      ]),
    ]);
    expect(out.map(brief)).toEqual(['1 | Carers | -', '2 | Support to live at home | -']);
  });
});

// Compared with the hand-checked gold records (read at run time), never with names copied into this file.
describe.skipIf(!haveShared(['corpus', 'gold'], 'schemes: corpus plans against gold'))('corpus', () => {
  const refName = (s: { ref: string | null; name: string }) => `${s.ref} ${s.name}`;

  it('reads the six schemes of the a.1 list of the 2014 original plan (.txt), as in gold', async () => {
    const { id, gold } = corpusPlan('bcf-2014-original');
    const path = join(SHARED_DIR, 'corpus', `${id}.txt`);
    const doc = await extractDocument(readFileSync(path), path);
    const out = extractSchemes(doc, noSections).value;
    // The timeframe table's "Programme Management" row is an enabler, not a listed scheme.
    expect(gold.schemes.map((s) => s.ref)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(out.map(refName)).toEqual(gold.schemes.map(refName));
  });

  it('keeps the list-table names of the 2014 revised plan over the Annex 1 spellings (.pdf), as in gold', async () => {
    const { id, gold } = corpusPlan('bcf-2014-revised');
    const path = join(SHARED_DIR, 'corpus', `${id}.pdf`);
    const doc = await extractDocument(readFileSync(path), path);
    const out = extractSchemes(doc, noSections).value;
    expect(gold.schemes.map((s) => s.ref)).toEqual(['1', '2', '3', '4']);
    expect(out.map(refName)).toEqual(gold.schemes.map(refName));
  });
});
