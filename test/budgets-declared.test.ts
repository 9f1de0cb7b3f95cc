// The 2022-23 income and expenditure tables and the 2014 revised scheme list as data: a template whose tables use
// words the general vocabulary does not know is read by its declarations alone (a JSON edit), and the real
// templates' declarations name the real template headers (../shared/spec/tables.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text/index.js';
import { extractBudgets } from '../src/fields/budgets/index.js';
import { documentTables } from '../src/fields/common/documentTables.js';
import { extractSchemes } from '../src/fields/schemes/index.js';
import { buildDocument, type RawBlock } from '../src/model/document.js';
import { defaultTemplateDir, loadTemplates, parseTemplate, type DeclaredTable } from '../src/segment/template.js';
import type { Segmentation } from '../src/segment/types.js';
import { declaredRoleOf, declaredRowOf, readByDeclaration } from '../src/tables/declared.js';
import { collectGrids } from '../src/tables/grids.js';
import { wholeRow } from './reading-order-shapes.js';

const noSections: Segmentation = { template: 'unknown', sections: [], flags: [] };

const table = (rows: string[][]): RawBlock => ({ kind: 'table', page: 1, rows: rows.map((cells) => ({ cells: cells.map((text) => ({ text })), page: 1 })) });

/** A parsed copy of a real template with its declared tables changed by `edit` (a fictional template). */
function fictional(file: string, edit: (tables: Array<Record<string, unknown>>) => void): DeclaredTable[] {
  const json = JSON.parse(readFileSync(join(defaultTemplateDir(), file), 'utf8'));
  edit(json.tables);
  return parseTemplate({ ...json, id: 'fictional' }).tables;
}

/** The document's tables as analyseDocument hands them to the extractors, with the template's declarations. */
function withDeclarations(blocks: RawBlock[], declarations: DeclaredTable[]) {
  const doc = buildDocument('docx', 3, blocks);
  return { doc, tables: documentTables(doc, { grids: collectGrids(doc), declared: [], declarations }) };
}

const tableOf = (tables: Array<Record<string, unknown>>, id: string) => tables.find((t) => t.id === id) as { columns: Array<{ role: string; header: string[] }>; rowLabels: Array<{ id: string; label: string[] }> };

describe('a fictional template: the income table by its declared row labels', () => {
  const declarations = fictional('bcf-2022-23.json', (tables) => {
    const income = tableOf(tables, 'income');
    income.rowLabels = [
      { id: 'dfg', label: ['Housing adaptations grant'] },
      { id: 'nhs_minimum_contribution', label: ['Health service floor'] },
      { id: 'total_pooled_budget', label: ['Grand sum of the pot'] },
    ];
    income.columns[1].header = ['Sum given'];
  });
  // The income sheet's shape: a titled block per funding source, a row per contributor, then the pooled total.
  const plan = [
    table([
      ['Housing adaptations grant', 'Sum given'],
      ['Brackenford', '£1,234,500'],
      ['Health service floor', 'Sum given'],
      ['NHS Brackenford ICB', '£7,654,300'],
      ['Grand sum of the pot', '£8,888,800'],
    ]),
  ];
  const kinds = (declared: DeclaredTable[]) => {
    const { doc, tables } = withDeclarations(plan, declared);
    return extractBudgets(doc, noSections, tables).value.map((b) => `${b.kind} ${b.amountGbp}`);
  };

  it('names each row by the declaration, and not by the general words alone', () => {
    expect(kinds(declarations)).toEqual(['dfg 1234500', 'nhs_minimum_contribution 7654300', 'total_pooled_budget 8888800']);
    expect(kinds([])).toEqual(['other 1234500', 'other 7654300', 'other 8888800']);
  });
});

describe('a fictional template: the expenditure table by its declared column words', () => {
  const declarations = fictional('bcf-2022-23.json', (tables) => {
    const spending = tableOf(tables, 'expenditure');
    const words: Record<string, string[]> = { scheme: ['Line of effort'], source: ['Paid from'], amount: ['Sum committed'] };
    for (const c of spending.columns) c.header = words[c.role] ?? c.header;
    spending.columns[0].header = ['Work code'];
  });
  const plan = [
    table([
      ['Work code', 'Line of effort', 'Brief Description', 'Paid from', 'Sum committed', 'New/Existing'],
      ['W1', 'Night falls response', 'Visits after dark', 'Health service floor', '£310,400', 'New'],
      ['W2', 'Handyperson visits', 'Small repairs at home', 'Housing adaptations grant', '£95,600', 'Existing'],
    ]),
  ];
  const read = (declared: DeclaredTable[]) => {
    const { doc, tables } = withDeclarations(plan, declared);
    const spend = extractBudgets(doc, noSections, tables).value.filter((b) => b.kind === 'scheme_spend');
    return {
      spend: spend.map((b) => `${b.scheme} | ${b.source} | ${b.amountGbp} | ${b.year}`),
      schemes: extractSchemes(doc, noSections, tables).value.map((s) => s.name),
    };
  };

  it('reads scheme, source and amount columns by the declaration, and no spending plan without it', () => {
    expect(read(declarations)).toEqual({
      spend: ['Night falls response | Health service floor | 310400 | null', 'Handyperson visits | Housing adaptations grant | 95600 | null'],
      schemes: ['Night falls response', 'Handyperson visits'],
    });
    const general = read([]);
    expect(general.spend).toEqual([]);
    expect(general.schemes).not.toContain('Night falls response');
  });

  it('reads the plan in pdftotext reading order (no cells) by the declared header words, and not without them', () => {
    const lines = [
      'Spending Plan 2022/23',
      '',
      'Line of effort',
      '',
      'Brief Description of',
      'Scheme',
      '',
      'Paid from',
      '',
      'Sum committed',
      '',
      ...wholeRow('Night falls response', ['Visits after dark'], '£310,400'),
      ...wholeRow('Handyperson visits', ['Small repairs at home'], '£95,600'),
      'Metrics for 2022/23',
      '',
    ];
    const spendOf = (declared: DeclaredTable[]) => {
      const doc = extractText(lines.join('\n'), 'txt');
      const tables = documentTables(doc, { grids: collectGrids(doc), declared: [], declarations: declared });
      return extractBudgets(doc, noSections, tables).value.filter((b) => b.kind === 'scheme_spend').map((b) => `${b.scheme} ${b.amountGbp}`);
    };
    expect(spendOf(declarations)).toEqual(['Night falls response 310400', 'Handyperson visits 95600']);
    expect(spendOf([])).toEqual([]);
  });

  it('never takes a declared ignore column for an amount, though its general words are money words', () => {
    const costed = fictional('bcf-2022-23.json', (tables) => {
      const spending = tableOf(tables, 'expenditure');
      spending.columns.push({ role: 'ignore', header: ['Cost last year'] });
    });
    const { doc, tables } = withDeclarations(
      [
        table([
          ['Scheme Name', 'Cost last year', 'Expenditure (£)'],
          ['Night falls response', '£200,100', '£310,400'],
        ]),
      ],
      costed,
    );
    expect(tables.spendingPlans[0].columns.money.map((m) => m.header)).toEqual(['Expenditure (£)']);
  });
});

describe('a fictional template: the scheme list by its declared column words', () => {
  const declarations = fictional('bcf-2014-revised.json', (tables) => {
    const list = tableOf(tables, 'scheme_list');
    list.columns = [
      { role: 'ref', header: ['Code'] },
      { role: 'scheme', header: ['Programme'] },
      { role: 'theme', header: ['Strand'] },
    ];
  });
  const plan = [
    table([
      ['Code', 'Programme', 'Strand'],
      ['P1', 'Night falls response', 'Staying well'],
      ['P2', 'Handyperson visits', 'Living at home'],
    ]),
  ];
  const read = (declared: DeclaredTable[]) => {
    const { doc, tables } = withDeclarations(plan, declared);
    return extractSchemes(doc, noSections, tables).value.map((s) => `${s.ref} ${s.name} (${s.theme})`);
  };

  it('reads ref, name and theme by the declaration, and not by the general words alone', () => {
    expect(read(declarations)).toEqual(['P1 Night falls response (Staying well)', 'P2 Handyperson visits (Living at home)']);
    expect(read([])).not.toContain('P1 Night falls response (Staying well)');
    expect(read([]).some((s) => s.includes('Night falls response'))).toBe(false);
  });
});

describe('the real templates declare their income, expenditure and scheme-list tables', () => {
  const templates = loadTemplates();
  const tablesOf = (id: string) => templates.find((t) => t.id === id)!.tables;

  it('bcf-2022-23: income rows name their budget kinds, the expenditure header its columns; both lend words only', () => {
    const tables = tablesOf('bcf-2022-23');
    const row = (label: string) => declaredRowOf(tables, 'budgets', 'rowLabels', label);
    expect(row('Disabled Facilities Grant (DFG)')).toBe('dfg');
    expect(row('Total iBCF Contribution')).toBe('ibcf');
    expect(row('NHS Minimum Contribution')).toBe('nhs_minimum_contribution');
    expect(row('Local Authority Additional Contribution')).toBe('la_additional_contribution');
    expect(row('Total Additional NHS Contribution')).toBe('nhs_additional_contribution');
    expect(row('Total BCF Pooled Budget')).toBe('total_pooled_budget');
    const header = ['Scheme ID', 'Scheme Name', 'Brief Description of Scheme', 'Scheme Type', 'Area of Spend', 'Commissioner', 'Provider', 'Source of Funding', 'Expenditure (£)', 'New/ Existing Scheme'];
    expect(header.map((c) => declaredRoleOf(tables, 'budgets', c))).toEqual(['ignore', 'scheme', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore', 'source', 'amount', 'ignore']);
    expect(tables.filter((t) => t.field === 'budgets').map((t) => [t.id, t.section, readByDeclaration(t)])).toEqual([
      ['income', 'planning.income', false],
      ['expenditure', 'planning.spending_plan', false],
    ]);
  });

  it('bcf-2014-revised: the scheme list names its ref and scheme columns', () => {
    const tables = tablesOf('bcf-2014-revised');
    const list = tables.find((t) => t.field === 'schemes')!;
    expect(list.section).toBe('plan_of_action.schemes');
    expect(['Ref no.', 'Scheme', 'Theme'].map((c) => declaredRoleOf(tables, 'schemes', c))).toEqual(['ref', 'scheme', 'theme']);
  });
});
