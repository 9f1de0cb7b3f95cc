// The returns tracker's rows: every HWB area of each round, the plans placed on them, the rest listed apart.
import { describe, expect, it } from 'vitest';
import type { PlanView } from '../src/report/load.js';
import { trackerRows, type TrackedPlan } from '../src/report/tracker-page.js';

const view = (id: number): PlanView => ({
  id, path: `p${id}.pdf`, areaName: 'x', hwb: null, localAuthorities: [], ccgs: [], template: 'unknown', format: 'pdf', pages: 1,
  status: 'ok', failureReason: null, duplicateOf: null, removedAt: null, processedAt: '', extractorVersion: 't',
  sections: [], schemes: [], budgets: [], risks: [], metrics: [], flags: [],
});
const plan = (id: number, code: string | null, round: string | null): TrackedPlan => ({ hwbAreaCode: code, areaName: `area ${id}`, round, currentDocumentId: id, documentCount: 1 });

describe('tracker rows', () => {
  it('lists the areas of each round found, places plans by code, lists unmatched plans apart', () => {
    const rounds = trackerRows(
      [plan(1, 'E08000035', '2015-16'), plan(2, null, '2015-16'), plan(3, 'E06000062', '2023-25'), plan(4, 'E08000035', null)],
      [view(1), view(2), view(3), view(4)],
    );
    expect(rounds.map((r) => [r.round, r.areas.length, r.areas.filter((a) => a.plan).length, r.unplaced.length])).toEqual([
      ['2015-16', 150, 1, 1],
      ['2023-25', 151, 1, 0],
    ]);
    // West Northamptonshire (from 2021) is an area of 2023-25, not of 2015-16; Northamptonshire County Council the reverse.
    expect(rounds[0].areas.some((a) => a.code === 'E06000062')).toBe(false);
    expect(rounds[0].areas.some((a) => a.code === 'E10000021')).toBe(true);
    expect(rounds[1].areas.some((a) => a.code === 'E10000021')).toBe(false);
    expect(rounds[0].areas.find((a) => a.code === 'E08000035')?.view?.id).toBe(1);
  });
});
