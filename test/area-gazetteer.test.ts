// Area detection by the gazetteer where no plan-details table names the parties: committee reports wrapping a
// plan, plan covers, converted text whose table lost its layout, narrative plans. Real English organisations
// (not the corpus's areas), synthetic documents.
import { describe, expect, it } from 'vitest';
import { extractArea } from '../src/fields/area/index.js';
import { roundFromText } from '../src/fields/area/round.js';
import { buildDocument, type RawBlock } from '../src/model/document.js';
import type { Segmentation } from '../src/segment/types.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };
const para = (text: string): RawBlock => ({ kind: 'paragraph', text, page: 1 }) as RawBlock;
const item = (text: string): RawBlock => ({ kind: 'list_item', text, page: 1 }) as unknown as RawBlock;
function area(blocks: RawBlock[], round?: string) {
  const doc = buildDocument('txt', null, blocks);
  return extractArea(doc, noSections, round ?? roundFromText(doc.text));
}

describe('area by the gazetteer', () => {
  it('a committee report wrapping a plan: the council, the ICBs listed after "namely", the board; a neighbour named in prose is no party', () => {
    const a = area([
      para('Report to the Cumbria Health and Wellbeing Board'),
      para('Report of the Director of Adults, Cumbria County Council'),
      para('Better Care Fund Plan 2022-23'),
      para('1. The plan is a partnership between the Council and the two ICBs that operate within its footprint, namely:'),
      item('NHS North East and North Cumbria Integrated Care Board'),
      item('NHS Lancashire and South Cumbria ICB'),
      para('Discharge pathways are shared with hospitals in NHS West Yorkshire ICB and with Lancashire County Council.'),
      para('The Cumbria Health and Wellbeing Board is asked to approve the 2022-23 plan.'),
    ]);
    expect(a.localAuthorities).toEqual(['Cumbria County Council']);
    expect(a.ccgs).toEqual(['NHS North East and North Cumbria Integrated Care Board', 'NHS Lancashire and South Cumbria ICB']);
    expect(a.healthAndWellbeingBoard).toBe('Cumbria Health and Wellbeing Board');
    expect(a.hwbAreaCode).toBe('E10000006');
    expect(a.organisations.map((o) => o.odsCode)).toEqual([null, 'QHM', 'QE1']);
  });

  it('a plan cover naming its partners; a council sharing the ICB but not the board is no party', () => {
    const a = area([
      para('Better Care Fund narrative plan 2023-25'),
      para('Kent County Council'),
      para('NHS Kent and Medway Integrated Care Board'),
      para('Agreed by the Kent Health and Wellbeing Board'),
      para('Our 2023-25 plan builds on joint work with Medway Council across the ICB footprint in 2023-24 and 2024-25.'),
    ]);
    expect(a.localAuthorities).toEqual(['Kent County Council']);
    expect(a.ccgs).toEqual(['NHS Kent and Medway Integrated Care Board']);
    expect(a.healthAndWellbeingBoard).toBe('Kent Health and Wellbeing Board');
    expect(a.hwbAreaCode).toBe('E10000016');
  });

  it('a flattened plan-details table ("Label  Value" on one line, labels wrapped): names after the column gap', () => {
    const a = area([
      para('Local Authority Leeds City Council'),
      para('Clinical'),
      para('Commissioning NHS Leeds West CCG'),
      para('Groups NHS Leeds North CCG, NHS Leeds South and East CCG'),
      para('Minimum required value of pooled budget 2015/16'),
    ], '2015-16');
    expect(a.localAuthorities).toEqual(['Leeds City Council']);
    expect(a.ccgs).toEqual(['NHS Leeds West CCG', 'NHS Leeds North CCG', 'NHS Leeds South and East CCG']);
    expect(a.hwbAreaCode).toBe('E08000035');
  });

  it('a 2014 plan naming an ICB: no ICB existed, so it is no party', () => {
    const a = area([
      para('Leeds City Council and NHS Leeds West CCG: Better Care Fund plan 2015/16'),
      para('In future a West Yorkshire Integrated Care Board may take this on.'),
    ], '2015-16');
    expect(a.ccgs).toEqual(['NHS Leeds West CCG']);
  });
});

describe('fragments of wrapped cells', () => {
  it('drops a name that matches nothing and is the last line of another name found; keeps real organisations', () => {
    const a = area([
      { kind: 'table', page: 1, rows: [
        { cells: [{ text: 'Signed on behalf of the Clinical Commissioning Group' }, { text: 'NHS Leeds South and East CCG' }], page: 1 },
        { cells: [{ text: '(insert signature here)' }, { text: 'East CCG' }], page: 1 },
        { cells: [{ text: 'Signed on behalf of the Clinical Commissioning Group' }, { text: 'NHS Leeds West CCG' }], page: 1 },
        { cells: [{ text: 'Signed on behalf of the Council' }, { text: 'Leeds City Council' }], page: 1 },
      ] } as RawBlock,
    ], '2015-16');
    expect(a.ccgs).toEqual(['NHS Leeds South and East CCG', 'NHS Leeds West CCG']);
    expect(a.localAuthorities).toEqual(['Leeds City Council']);
  });
});

describe('plan-details table with label and value on separate rows', () => {
  it('reads the names in the rows under each label', () => {
    // A district council is read only from its label (the gazetteer has upper-tier councils only).
    const rows = ['Local Authority', 'Kent County Council', 'Ashford Borough Council', 'Clinical Commissioning Groups', 'NHS Ashford CCG', 'NHS Swale CCG', 'Boundary Differences', 'None'];
    const a = area([{ kind: 'table', page: 1, rows: rows.map((text) => ({ cells: [{ text }], page: 1 })) } as RawBlock], '2015-16');
    expect(a.localAuthorities).toEqual(['Kent County Council', 'Ashford Borough Council']);
    expect(a.ccgs).toEqual(['NHS Ashford CCG', 'NHS Swale CCG']);
    expect(a.hwbAreaCode).toBe('E10000016');
  });
});

describe('label and value on separate lines, the value a bare place', () => {
  it('takes a bare place the gazetteer knows; not a bare word it does not', () => {
    const a = area([para('Local Authority'), para('Kent'), para('Health and Wellbeing Board'), para('Kent'), para('Kent Health & Wellbeing Board approved the plan.')], '2015-16');
    expect(a.localAuthorities).toEqual(['Kent']);
    expect(a.healthAndWellbeingBoard).toMatch(/^Kent Health (?:and|&) Wellbeing Board$/);
    expect(a.hwbAreaCode).toBe('E10000016');
    const b = area([para('Local Authority'), para('Northby'), para('Clinical Commissioning Groups')], '2015-16');
    expect(b.localAuthorities).toEqual([]);
  });
});
