// docs/schema.md is a public interface: it must name every column of the real schema, and its example
// queries must run and answer correctly on a database of known plans.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStoreReadOnly, type Database } from '../src/store/db.js';
import { DB_SCHEMA } from '../src/store/schema.js';
import { buildFixtureDb, revisedPlan2014, plan2022, originalPlan2014 } from './export-fixtures.js';

const doc = readFileSync(new URL('../docs/schema.md', import.meta.url), 'utf8');

function schemaColumns(): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  for (const m of DB_SCHEMA.matchAll(/CREATE TABLE IF NOT EXISTS (\w+) \(([\s\S]*?)\n\);/g)) {
    const cols = m[2].split('\n').map((l) => l.trim().match(/^(\w+)\s+(INTEGER|TEXT|REAL)/)?.[1]).filter((c): c is string => !!c);
    tables.set(m[1], cols);
  }
  return tables;
}

describe('docs/schema.md', () => {
  it('documents every table and column of DB_SCHEMA', () => {
    const tables = schemaColumns();
    expect([...tables.keys()]).toEqual(['documents', 'plans', 'sections', 'schemes', 'budgets', 'risks', 'metrics', 'flags', 'notes', 'runs']);
    for (const [table, cols] of tables) {
      const start = doc.indexOf(`## ${table}\n`);
      expect(start, table).toBeGreaterThan(-1);
      const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
      for (const c of cols) expect(section, `${table}.${c}`).toContain(`| \`${c}\` |`);
    }
  });

  describe('example queries on the test database', () => {
    // Each plan of the test database is one file: its figures come from it.
    const [REVISED_2014, PLAN_2022, ORIGINAL_2014] = [revisedPlan2014, plan2022, originalPlan2014].map((r) => r.source.file);
    const queries = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]);
    let db: Database;
    beforeAll(async () => {
      db = await openStoreReadOnly((await buildFixtureDb()).dbFile);
    });
    afterAll(async () => db.close());

    it('has three', () => expect(queries).toHaveLength(3));

    it('pooled budget by area and year: one row per area and year, the 2014 and 2022-23 plans of one area under one code', async () => {
      const rows = await db.all(queries[0]);
      expect(rows).toEqual([
        { area_name: 'Leicester City Council', hwb_area_code: 'E06000016', year: '2014-15', total_pooled_budget_gbp: 4318000, file: REVISED_2014 },
        { area_name: 'Leicester City Council', hwb_area_code: 'E06000016', year: '2015-16', total_pooled_budget_gbp: 19276000, file: REVISED_2014 },
        { area_name: 'Leicester City Council', hwb_area_code: 'E06000016', year: '2022-23', total_pooled_budget_gbp: 31272978, file: PLAN_2022 },
        { area_name: 'Nottinghamshire County Council', hwb_area_code: 'E10000024', year: '2014-15', total_pooled_budget_gbp: 13500000, file: ORIGINAL_2014 },
        { area_name: 'Nottinghamshire County Council', hwb_area_code: 'E10000024', year: '2015-16', total_pooled_budget_gbp: 48316000, file: ORIGINAL_2014 },
      ]);
    });

    it('risks scoring 15 or more use likelihood × impact, so a mis-scored 4×4 (written 12) is included', async () => {
      const rows = await db.all<{ area_name: string; risk_score: number; written_score: number }>(queries[1]);
      expect(rows.map((r) => r.risk_score)).toEqual([20, 20, 20, 16, 16, 15]);
      expect(rows.find((r) => r.written_score === 12)?.risk_score).toBe(16);
    });

    it('reablement side by side pairs baseline/actual with plan per area and period', async () => {
      const rows = await db.all(queries[2]);
      expect(rows).toEqual([
        { area_name: 'Leicester City Council', period: '2013-14', baseline_or_actual: 79.1, estimate: null, plan: null, files: REVISED_2014 },
        { area_name: 'Leicester City Council', period: '2015-16', baseline_or_actual: null, estimate: null, plan: 82, files: REVISED_2014 },
        { area_name: 'Leicester City Council', period: '2020-21', baseline_or_actual: 77.1, estimate: null, plan: null, files: PLAN_2022 },
        { area_name: 'Leicester City Council', period: '2022-23', baseline_or_actual: null, estimate: null, plan: 81.7, files: PLAN_2022 },
      ]);
    });
  });
});
