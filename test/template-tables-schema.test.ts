// The templates' tables as data: what a declaration may say is checked when the template loads, so a new
// template's tables are a JSON edit that cannot name a role its field's reader does not have.
import { describe, expect, it } from 'vitest';
import { DeclaredTableSchema } from '../src/segment/template.js';
import { declaredRoleOf, declaredRowOf, readByDeclaration } from '../src/tables/declared.js';

const riskLog = {
  id: 'risk_log',
  section: 'risks.risk_log',
  field: 'risks',
  columns: [
    { role: 'description', header: ['Threat'] },
    { role: 'likelihood', header: ['Chance of occurring'] },
    { role: 'mitigation', header: ['Safeguards'] },
  ],
};

const metricsTable = {
  id: 'metrics',
  section: 'metrics.*',
  field: 'metrics',
  columns: [
    { role: 'label', header: ['Measure'] },
    { role: 'value', header: ['Target'], kind: 'plan' },
  ],
  rowRoles: [{ role: 'numerator', label: ['Count of people'] }],
  rowLabels: [{ id: 'reablement', label: ['Still at home after 91 days'] }],
};

describe('declared tables: the schema', () => {
  it('takes the roles of its field and refuses a role another field has', () => {
    expect(DeclaredTableSchema.safeParse(riskLog).success).toBe(true);
    const wrong = DeclaredTableSchema.safeParse({ ...riskLog, columns: [...riskLog.columns, { role: 'amount', header: ['£'] }] });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0].message).toMatch(/risks table's column role is one of .*got "amount"/);
  });

  it('takes row labels that name a metric of the record, and refuses an unknown one', () => {
    expect(DeclaredTableSchema.safeParse(metricsTable).success).toBe(true);
    const unknown = DeclaredTableSchema.safeParse({ ...metricsTable, rowLabels: [{ id: 'happiness', label: ['Happiness'] }] });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0].message).toMatch(/names one of .*got "happiness"/);
  });
});

describe('declared tables: the words a reader asks them for', () => {
  const tables = [DeclaredTableSchema.parse(riskLog)];

  it('names a header cell by the longest phrase of the field, clipped letters allowed, and nothing for another field', () => {
    expect(declaredRoleOf(tables, 'risks', 'Chance of occurring (1-5)')).toBe('likelihood');
    expect(declaredRoleOf(tables, 'risks', 'Safeguard')).toBe('mitigation');
    expect(declaredRoleOf(tables, 'risks', 'Owner')).toBeNull();
    expect(declaredRoleOf(tables, 'metrics', 'Threat')).toBeNull();
  });

  it('names a row by its label', () => {
    const t = DeclaredTableSchema.parse(metricsTable);
    expect(declaredRowOf([t], 'metrics', 'rowLabels', 'Proportion still at home after 91 days')).toBe('reablement');
    expect(declaredRowOf([t], 'metrics', 'rowRoles', 'Count of people')).toBe('numerator');
    expect(declaredRowOf([t], 'metrics', 'rowRoles', 'Denominator')).toBeNull();
  });

  it('reads only finance sheets cell by cell; the other tables lend their words', () => {
    expect(readByDeclaration(tables[0])).toBe(false);
    const sheet = DeclaredTableSchema.parse({
      id: 'finance',
      section: 'finance.*',
      field: 'budgets',
      columns: [
        { role: 'label', header: ['Organisation'] },
        { role: 'amount', header: ['Contribution'], kind: 'other' },
      ],
    });
    expect(readByDeclaration(sheet)).toBe(true);
    // An income table: the label column's rows say their kind (rowLabels), its figures' column says none.
    const income = DeclaredTableSchema.parse({
      ...sheet,
      columns: [sheet.columns[0], { role: 'amount', header: ['Contribution'] }],
      rowLabels: [{ id: 'dfg', label: ['Disabled Facilities Grant'] }],
    });
    expect(readByDeclaration(income)).toBe(false);
  });
});
