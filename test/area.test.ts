import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPlans, haveShared } from './shared.js';
import { extractDocument } from '../src/extract/index.js';
import { extractArea } from '../src/fields/area/index.js';
import { resolveArea } from '../src/fields/area/codes.js';
import { roleOfName, splitNames } from '../src/fields/area/orgs.js';
import { buildDocument, type RawBlock } from '../src/model/document.js';
import { loadTemplates, segmentDocument } from '../src/segment/index.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const para = (text: string, extra: Record<string, unknown> = {}): RawBlock => ({ kind: 'paragraph', text, page: 1, ...extra }) as RawBlock;
const table = (rows: string[][]): RawBlock => ({
  kind: 'table',
  page: 1,
  rows: rows.map((cells) => ({ cells: cells.map((text) => ({ text })), page: 1 })),
});
/** The names as written (codes are tested in reference.test.ts; these synthetic places match nothing). */
const area = (blocks: RawBlock[]) => {
  const { localAuthorities, ccgs, healthAndWellbeingBoard } = extractArea(buildDocument('docx', 2, blocks), noSections);
  return { localAuthorities, ccgs, healthAndWellbeingBoard };
};

describe('organisation names', () => {
  it('tells councils, CCGs/ICBs and boards from people and phrases', () => {
    expect(roleOfName('Northby City Council')).toBe('la');
    expect(roleOfName('Royal Borough of Westmere')).toBe('la');
    expect(roleOfName('NHS Northby CCG')).toBe('ccg');
    expect(roleOfName('NHS Northby and Southshire Integrated Care Board')).toBe('ccg');
    expect(roleOfName('Northby Health & Well-being Board')).toBe('hwb');
    expect(roleOfName('Councillor Jo Bloggs, Leader of the Council')).toBeNull();
    expect(roleOfName('the County Council')).toBeNull();
    expect(roleOfName('Signed on behalf of the Council')).toBeNull();
  });

  it('splits a cell of several names only between whole names', () => {
    expect(splitNames('Eastby CCG & Westby CCG')).toEqual(['Eastby CCG', 'Westby CCG']);
    expect(splitNames('South East Northshire & Lake Peninsula CCG')).toEqual(['South East Northshire & Lake Peninsula CCG']);
    expect(splitNames('Eastby and Surrounds CCG')).toEqual(['Eastby and Surrounds CCG']);
    expect(splitNames('NHS Eastby CCG NHS Eastby Rural CCG')).toEqual(['NHS Eastby CCG', 'NHS Eastby Rural CCG']);
    expect(splitNames('Northshire County Council\nEastby District Council')).toEqual(['Northshire County Council', 'Eastby District Council']);
  });
});

describe('extractArea', () => {
  it('reads a small plan-details table; a county named in prose or the boundary row is not a party', () => {
    const a = area([
      para('a) Summary of Plan'),
      table([
        ['Local Authority', 'Northby City Council'],
        ['Clinical Commissioning Groups', 'NHS Northby CCG'],
        ['Boundary Differences', 'NHS Northby CCG is also part of the BCF submission with Southshire County Council'],
        ['Date agreed at Health and Well-Being Board:', '18/09/2014'],
      ]),
      para('Westby CCG is part of the same unit of planning.'),
      table([
        ['Name of Health & Wellbeing Board', 'Northby City Health and Well-being Board'],
        ['Name of Provider organisation', 'Northby Hospitals NHS Foundation Trust'],
      ]),
    ]);
    expect(a).toEqual({
      localAuthorities: ['Northby City Council'],
      ccgs: ['NHS Northby CCG'],
      healthAndWellbeingBoard: 'Northby City Health and Well-being Board',
    });
  });

  it('reads a label paragraph followed by one name per line, and the board from a sign-off block', () => {
    const a = area([
      para('Local Authority'),
      para('Northshire County Council'),
      para('Eastby District Council'),
      para('Clinical Commissioning Groups'),
      para('Eastby and Surrounds CCG'),
      para('Westby CCG'),
      para('Boundary Differences'),
      para('The CCGs together are coterminous with the County Council.'),
      table([
        ['Signed on behalf of the Clinical Commissioning Group (insert signature here)', 'Eastby and Surrounds CCG & Westby CCG'],
        ['Ву', '<name of signatory>'],
        ['Signed on behalf of the Health and Wellbeing Board', ''],
        ['', 'Northshire Health and Wellbeing Board'],
        ['By Co-Chair', 'A Person'],
      ]),
    ]);
    expect(a.localAuthorities).toEqual(['Northshire County Council', 'Eastby District Council']);
    expect(a.ccgs).toEqual(['Eastby and Surrounds CCG', 'Westby CCG']);
    expect(a.healthAndWellbeingBoard).toBe('Northshire Health and Wellbeing Board');
  });

  it('2022 income table: the ICB from its contributor row, the council and board named after the area', () => {
    const a = area([
      para('The Health and Wellbeing Board is asked to approve the plan.'),
      para('The pooled budget is held between Northby City Council and the ICB. Southshire County Council runs its own plan.'),
      para('Plans were submitted by the **Northby Health and Wellbeing Board** and **Southshire Health and Wellbeing Board**.'),
      para('BCF Income for Northby 2022/23:'),
      table([
        ['Local Authority Contribution', '', ''],
        ['Disabled Facilities Grant (DFG)', 'Gross Contribution', ''],
        ['Northby', '£1,874,512', ''],
        ['Total Minimum LA Contribution (exc iBCF)', '£1,874,512', ''],
        ['NHS Minimum Contribution', '', ''],
        ['NHS Northby and Southshire ICB', '£17,452,219', ''],
        ['Total BCF Pooled Budget', '£31,272,978', ''],
      ]),
    ]);
    expect(a).toEqual({
      localAuthorities: ['Northby City Council'],
      ccgs: ['NHS Northby and Southshire ICB'],
      healthAndWellbeingBoard: 'Northby Health and Wellbeing Board',
    });
  });

  it('a bare place under its label counts; a category in a funding row does not', () => {
    const a = area([
      para('Northby Health & Wellbeing Board agreed the plan.'),
      table([
        ['Health and Wellbeing Board:', 'Northby'],
        ['Local Authority:', 'Northby'],
        ['Clinical Commissioning Group(s)', 'NHS Northby CCG (lead commissioner)'],
      ]),
      table([
        ['Local Authority', 'Social Care', '£1,000'],
        ['Council', 'Yes'],
      ]),
    ]);
    expect(a).toEqual({
      localAuthorities: ['Northby'],
      ccgs: ['NHS Northby CCG'],
      healthAndWellbeingBoard: 'Northby Health & Wellbeing Board',
    });
  });

  it('with no table naming them: the most named ICB and board in the text', () => {
    const a = area([
      para('NHS England and NHS Northby ICB agreed the plan with the Northby Health and Wellbeing Board.'),
      para('The Northby Health and Wellbeing Board meets monthly; Southby Health and Wellbeing Board was consulted.'),
      para('NHS Northby ICB will host the pooled budget.'),
    ]);
    expect(a).toEqual({ localAuthorities: [], ccgs: ['NHS Northby ICB'], healthAndWellbeingBoard: 'Northby Health and Wellbeing Board' });
  });

  it('finds nothing in a document that names no parties', () => {
    expect(area([para('The council and the CCG will work together.')])).toEqual({
      localAuthorities: [],
      ccgs: [],
      healthAndWellbeingBoard: null,
    });
  });
});

const CORPUS = new URL('../../shared/corpus/', import.meta.url);

describe.skipIf(!haveShared(['corpus', 'gold'], 'area: corpus plans against gold'))('corpus area', () => {
  const templates = loadTemplates();
  const key = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/\s+/g, ' ').trim();
  for (const { id: plan, gold: { template, area: gold } } of corpusPlans()) {
    for (const ext of ['txt', 'docx', 'pdf']) {
      it(`${template} plan .${ext}: area as in gold`, async () => {
        const doc = await extractDocument(readFileSync(new URL(`${plan}.${ext}`, CORPUS)), `${plan}.${ext}`);
        const seg = segmentDocument(doc, templates);
        const round = templates.find((t) => t.id === seg.template)?.round ?? null;
        expect(round).toMatch(/^\d{4}-\d{2}$/);
        const a = extractArea(doc, seg, round);
        expect(a.localAuthorities.map(key).sort()).toEqual(gold.localAuthorities.map(key).sort());
        expect(a.ccgs.map(key).sort()).toEqual(gold.ccgs.map(key).sort());
        expect(key(a.healthAndWellbeingBoard ?? '')).toBe(key(gold.healthAndWellbeingBoard ?? ''));
        // The area code: the gazetteer's code for the gold record's board, the same in every format.
        const goldCode = resolveArea(gold, round).hwbAreaCode;
        expect(goldCode).toMatch(/^E\d{8}$/);
        expect(a.hwbAreaCode).toBe(goldCode);
        // Every NHS body the gold names matches an organisation of the plan's round.
        expect(a.organisations.filter((o) => o.kind !== 'council').every((o) => o.odsCode !== null)).toBe(true);
      });
    }
  }
});
