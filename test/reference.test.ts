// The gazetteer (data/reference) and matching names as plans write them to official organisations and codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveArea } from '../src/fields/area/codes.js';
import { roundFromText } from '../src/fields/area/round.js';
import { hwbAreasAt, loadGazetteer, OrganisationRowSchema, readCsv } from '../src/reference/gazetteer.js';
import { matchOrganisation, roundWindow } from '../src/reference/match.js';
import { kindOfName, nameCore } from '../src/reference/names.js';

const g = loadGazetteer();
const code = (name: string, round: string | null, kind?: Parameters<typeof matchOrganisation>[3]) =>
  matchOrganisation(g, name, round, kind).organisation?.onsCode ?? null;
const ods = (name: string, round: string | null) => matchOrganisation(g, name, round).organisation?.odsCode ?? null;

describe('gazetteer data', () => {
  it('loads every row, validated, once per process', () => {
    expect(g.organisations).toHaveLength(451);
    expect(g.organisations.filter((o) => o.kind === 'council')).toHaveLength(161);
    expect(g.organisations.filter((o) => o.kind === 'ccg')).toHaveLength(248);
    expect(g.organisations.filter((o) => o.kind === 'icb')).toHaveLength(42);
    expect(g.lineage.length).toBeGreaterThan(300);
    expect(g.overlaps.length).toBeGreaterThan(1800);
    expect(loadGazetteer()).toBe(g);
  });

  it('HWB areas per round: upper-tier councils then, City of London and Scilly planning with Hackney and Cornwall', () => {
    expect(hwbAreasAt(g, roundWindow('2015-16')!.start)).toHaveLength(150);
    expect(hwbAreasAt(g, roundWindow('2023-25')!.start)).toHaveLength(151);
    const codes2015 = hwbAreasAt(g, '2015-04').map((o) => o.onsCode);
    expect(codes2015).toContain('E10000021'); // Northamptonshire County Council, abolished 2021
    expect(codes2015).not.toContain('E09000001');
    expect(hwbAreasAt(g, '2023-04').map((o) => o.onsCode)).not.toContain('E10000021');
  });

  it('a bad row is an error naming the file, the row and the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plansift-ref-'));
    const file = join(dir, 'organisations.csv');
    writeFileSync(file, 'kind,name,ons_code,ods_code,valid_from,valid_to,parent_hwb_ons,aliases,source\nupper_tier_la,Northby Council,E06000999,,2019,,,,X\n');
    expect(() => readCsv(file, OrganisationRowSchema)).toThrow(/organisations\.csv: row 2: .*valid_from/s);
  });
});

describe('name variants', () => {
  it('councils: case, "City of", "Council", "Borough", "Metropolitan", "&"/"and", ONS styles, the board stripped to its area', () => {
    for (const n of ['Leeds City Council', 'LEEDS CITY COUNCIL', 'City of Leeds', 'Leeds Council', 'the City of Leeds Council']) {
      expect(code(n, '2015-16', 'council'), n).toBe('E08000035');
    }
    expect(code('Leeds City Health and Well-being Board', '2015-16', 'hwb')).toBe('E08000035');
    expect(code('Leeds Health & Wellbeing Board', '2022-23', 'hwb')).toBe('E08000035');
    expect(code('Wakefield Metropolitan District Council', '2015-16')).toBe('E08000036');
    expect(code('Barnsley Metropolitan Borough Council', '2015-16')).toBe('E08000016');
    expect(code('Barnsley MBC', '2015-16', 'council')).toBe('E08000016');
    expect(code('London Borough of Hammersmith and Fulham', '2015-16')).toBe('E09000013');
    expect(code('Hammersmith & Fulham Council', '2015-16')).toBe('E09000013');
    expect(code('Kingston upon Hull City Council', '2015-16')).toBe('E06000010');
    expect(code('Brighton & Hove City Council', '2015-16')).toBe('E06000043');
    expect(code('Royal Borough of Kensington & Chelsea', '2015-16')).toBe('E09000020');
  });

  it('CCGs: "NHS", "Clinical Commissioning Group"/"CCG", "&"', () => {
    for (const n of ['NHS Leeds West CCG', 'Leeds West Clinical Commissioning Group', 'NHS LEEDS WEST CLINICAL COMMISSIONING GROUP', 'Leeds West CCG']) {
      expect(ods(n, '2015-16'), n).toBe('03C');
    }
    expect(ods('NHS Leeds South & East CCG', '2015-16')).toBe('03G');
  });

  it('ICBs: "ICB"/"Integrated Care Board", with and without NHS; a 2022 "CCG" may be the ICB\'s sub-location', () => {
    for (const n of ['NHS West Yorkshire ICB', 'West Yorkshire Integrated Care Board', 'NHS WEST YORKSHIRE INTEGRATED CARE BOARD']) {
      expect(ods(n, '2022-23'), n).toBe('QWO');
    }
    expect(ods('NHS West Yorkshire ICB - 15F', '2022-23')).toBe('15F');
    expect(ods('NHS Leeds CCG', '2022-23')).toBe('15F');
  });

  it('an ICB named in a plan before 2022 is no match, with a note saying why', () => {
    const m = matchOrganisation(g, 'NHS West Yorkshire ICB', '2015-16');
    expect(m.organisation).toBeNull();
    expect(m.kind).toBe('icb');
    expect(m.note).toMatch(/existed 2022-07 .*not in round 2015-16/);
  });

  it('an abolished council matches in its own rounds only; a name two councils shared goes to the one of the round', () => {
    expect(code('Northamptonshire County Council', '2015-16')).toBe('E10000021');
    expect(code('Northamptonshire County Council', '2023-25')).toBeNull();
    expect(code('Dorset County Council', '2015-16')).toBe('E10000009');
    expect(code('Dorset', '2015-16', 'council')).toBe('E10000009');
    expect(code('Dorset', '2022-23', 'council')).toBe('E06000059');
    expect(code('Dorset Health and Wellbeing Board', '2022-23', 'hwb')).toBe('E06000059');
  });

  it('a merged CCG: the predecessors before the merger, the merged CCG after it', () => {
    expect(ods('NHS Central Manchester CCG', '2015-16')).toBe('00W');
    expect(ods('NHS Manchester CCG', '2015-16')).toBeNull();
    expect(ods('NHS Manchester CCG', '2017-19')).toBe('14L');
    expect(ods('NHS Leeds North CCG', '2015-16')).toBe('02V');
    expect(ods('NHS Leeds CCG', '2015-16')).toBeNull();
    expect(ods('NHS Leeds CCG', '2019-20')).toBe('15F');
    // Named after its merger: no match, and the note names the CCG that took it over.
    const late = matchOrganisation(g, 'NHS Leeds West CCG', '2022-23');
    expect(late.organisation).toBeNull();
    expect(late.note).toMatch(/existed 2013-04 to 2018-03, not in round 2022-23; succeeded by NHS Leeds CCG/);
  });

  it('a name that matches nothing is kept as written, with a note', () => {
    const a = resolveArea({ localAuthorities: ['Lichfield District Council'], ccgs: ['NHS Nowhere CCG'], healthAndWellbeingBoard: null }, '2015-16', g);
    expect(a.organisations).toEqual([
      expect.objectContaining({ kind: 'council', name: 'Lichfield District Council', canonicalName: null, onsCode: null, odsCode: null, note: expect.stringMatching(/district/) }),
      expect.objectContaining({ kind: 'ccg', name: 'NHS Nowhere CCG', canonicalName: null, onsCode: null, odsCode: null, note: expect.stringMatching(/not matched/) }),
    ]);
    expect(a.hwbAreaCode).toBeNull();
  });

  it('kinds and cores', () => {
    expect(kindOfName('Northby Health & Well-being Board')).toBe('hwb');
    expect(kindOfName('NHS Northby Clinical Commissioning Group')).toBe('ccg');
    expect(kindOfName('Northby Integrated Care Board')).toBe('icb');
    expect(kindOfName('London Borough of Northby')).toBe('council');
    expect(kindOfName('Northby')).toBeNull();
    expect(nameCore('Northby Metropolitan Borough Council', 'council')).toBe('northby');
  });
});

describe('HWB area code', () => {
  it('from the board, else the councils, else the area the CCGs mostly cover', () => {
    expect(resolveArea({ localAuthorities: [], ccgs: [], healthAndWellbeingBoard: 'Leeds Health and Well-being Board' }, '2015-16', g).hwbAreaCode).toBe('E08000035');
    expect(resolveArea({ localAuthorities: ['Leeds City Council'], ccgs: ['NHS West Yorkshire ICB'], healthAndWellbeingBoard: null }, '2022-23', g).hwbAreaCode).toBe('E08000035');
    const ccgsOnly = resolveArea({ localAuthorities: [], ccgs: ['Ashford CCG', 'NHS Canterbury and Coastal CCG', 'Swale CCG'], healthAndWellbeingBoard: null }, '2015-16', g);
    expect(ccgsOnly.hwbAreaCode).toBe('E10000016');
  });

  it('one plan for two councils that share a board: both listed, the larger\'s code', () => {
    const london = resolveArea({ localAuthorities: ['City of London Corporation', 'London Borough of Hackney'], ccgs: ['NHS City and Hackney CCG'], healthAndWellbeingBoard: null }, '2015-16', g);
    expect(london.organisations.filter((o) => o.kind === 'council').map((o) => o.onsCode)).toEqual(['E09000001', 'E09000012']);
    expect(london.hwbAreaCode).toBe('E09000012');
    const scilly = resolveArea({ localAuthorities: ['Council of the Isles of Scilly', 'Cornwall Council'], ccgs: [], healthAndWellbeingBoard: null }, '2015-16', g);
    expect(scilly.hwbAreaCode).toBe('E06000052');
  });
});

describe('round from the years a plan states', () => {
  it('the plan\'s own year over the baselines it quotes; a two-year round named more than once', () => {
    expect(roundFromText('Baseline 2019/20. Plan for 2021-22. Spend in 2021/22 and 2021 to 2022 targets.')).toBe('2021-22');
    expect(roundFromText('Better Care Fund plan 2023-25. Our 2023-25 plan covers 2023-24 and 2024-25, compared with 2022-23.')).toBe('2023-25');
    expect(roundFromText('Minimum 2014/15 £1,000; 2015/16 £2,000; total 2014/15; 2015/16; 2015/16')).toBe('2015-16');
    expect(roundFromText('signed 18/09/2014, no years here')).toBeNull();
  });
});
