// Templates are data: one JSON file per national template in templates/ at the repo root, validated
// here. Adding a template (e.g. 2023-25) needs only a new JSON file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BUDGET_KINDS, METRIC_KEYS } from '../record/schema.js';

/** A phrase (or any of several phrases) whose presence speaks for or against a template. */
export const MarkerSchema = z.object({
  /** Any one of these phrases counts as the marker being found (case, spacing and look-alikes ignored). */
  phrases: z.array(z.string().min(1)).min(1),
  /** must: the template is ruled out without it; may: adds weight; mustNot: rules the template out. */
  kind: z.enum(['must', 'may', 'mustNot']).default('may'),
  weight: z.number().positive().default(1),
  /** text: anywhere in the document; heading: as a short line of its own (after any numbering). */
  where: z.enum(['text', 'heading']).default('text'),
});

/** A numbered heading that groups lettered sections ("2) VISION FOR HEALTH AND CARE SERVICES"). */
export const ParentSchema = z.object({
  id: z.string().min(1),
  number: z.string().nullable().default(null),
  headings: z.array(z.string().min(1)).min(1),
});

export const TemplateSectionSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/),
  required: z.boolean().default(true),
  /** Heading variants: the template's question text in long and short forms, without numbering. */
  headings: z.array(z.string().min(1)).min(1),
  /** Id of the parent heading in `parents`, or null for a top-level section. */
  parent: z.string().nullable().default(null),
  /** The section's own number where it is a numbered top-level heading ("3" for "3) CASE FOR CHANGE"). */
  number: z.string().nullable().default(null),
  /** Its letter under the parent ("a" for "a) Summary of Plan"). */
  letter: z.string().regex(/^[a-z]$/).nullable().default(null),
  /** The template's own guidance/instruction text: an answer that is only this is a placeholder. */
  guidance: z.array(z.string()).default([]),
  /** A sign-off block (names, positions, dates): its labels are not an answer. */
  signoff: z.boolean().default(false),
  /** If given, a heading counts only when it contains at least one of these words (guards short headings). */
  mustInclude: z.array(z.string()).default([]),
  /** Sections sharing a part keep their order; whole parts may come in any order (an appended Part 2). */
  part: z.string().nullable().default(null),
});

// The template's own tables (../shared/spec/tables.md), as data. Each declares the field it feeds and, for each
// column, the role it plays in that field and the header words that name it; row labels where rows have roles
// (Metric Value / Numerator / Denominator) or say what the row is (a metric, an income line). The field's reader
// takes its words from here before its general vocabulary, so a new template's tables are a JSON edit.

/** The column roles each field's tables have. budgets: `label` / `amount` (a finance sheet, read cell by cell by
 *  its declaration, src/tables/declared.ts), or `scheme` / `source` / `amount` (a spending plan, one row per scheme
 *  and funding source, read by fields/common/spendingPlan.ts). */
export const DECLARED_ROLES = {
  budgets: ['label', 'amount', 'ignore', 'scheme', 'source'],
  schemes: ['ref', 'scheme', 'theme', 'ignore'],
  risks: ['ref', 'description', 'likelihood', 'impact', 'score', 'rating', 'mitigation', 'owner', 'ignore'],
  metrics: ['label', 'rowRole', 'value', 'ignore'],
} as const;

export type DeclaredField = keyof typeof DECLARED_ROLES;

export const DeclaredColumnSchema = z.object({
  /** The role the column plays in the table's field (DECLARED_ROLES); `ignore`: read nothing. */
  role: z.string().min(1),
  /** Header words, any one of which names the column (matched word by word, letters lost at cell edges allowed). */
  header: z.array(z.string().min(1)).min(1),
  /** What a figure in this column is: a budget kind, a metric value's kind (baseline, plan, ...), or "skip". */
  kind: z.string().optional(),
  /** Kind by the kind of row: "total" (a BCF Total line), "ccg" (an NHS body), "council". */
  byRow: z.partialRecord(z.enum(['total', 'ccg', 'council', 'other']), z.string()).optional(),
  /** Fixed financial year of the column; absent: the year its header (or group) names; null: none ("Ongoing"). */
  year: z.string().nullable().optional(),
});

export const DeclaredTableSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    /** Section id (or prefix ending "*") the table lives in; the whole document when that section was not found. */
    section: z.string().min(1),
    field: z.enum(Object.keys(DECLARED_ROLES) as [DeclaredField, ...DeclaredField[]]),
    columns: z.array(DeclaredColumnSchema).min(2),
    /** Declared columns a header row must name. */
    minColumns: z.number().int().min(1).default(2),
    /** Rows with roles ("Planned savings …", "Metric Value", "Numerator"): the row's label says which. */
    rowRoles: z.array(z.object({ role: z.string(), label: z.array(z.string().min(1)).min(1) })).default([]),
    /** What each row is, by its label: a metric's key (metrics tables), a budget kind (an income table). */
    rowLabels: z.array(z.object({ id: z.string().min(1), label: z.array(z.string().min(1)).min(1) })).default([]),
    /** Words of a sub-header under a spanned column group ("Recurrent", "Non-recurrent"). */
    subHeader: z.array(z.string().min(1)).default([]),
    /** Rows to leave out (a total that repeats the rows above it). */
    skipRows: z.array(z.string().min(1)).default([]),
    /** Rows with a label and no figures may be titles of the rows below ("Reablement"); else they are wrapped labels. */
    titleRows: z.boolean().default(false),
    /** The figures feed one row per entry of the label column (a scheme per row): the label is the scheme. */
    labelIsScheme: z.boolean().default(false),
  })
  .superRefine((t, ctx) => {
    const roles: readonly string[] = DECLARED_ROLES[t.field];
    t.columns.forEach((c, k) => {
      if (!roles.includes(c.role)) {
        ctx.addIssue({ code: 'custom', path: ['columns', k, 'role'], message: `a ${t.field} table's column role is one of ${roles.join(', ')}; got "${c.role}"` });
      }
    });
    // A row label names a metric of the record (metrics tables) or a budget kind (budgets tables).
    const ids: readonly string[] | null = t.field === 'metrics' ? METRIC_KEYS : t.field === 'budgets' ? BUDGET_KINDS : null;
    t.rowLabels.forEach((r, k) => {
      if (!ids || !ids.includes(r.id)) {
        ctx.addIssue({ code: 'custom', path: ['rowLabels', k, 'id'], message: ids ? `a ${t.field} row label names one of ${ids.join(', ')}; got "${r.id}"` : `a ${t.field} table has no row labels` });
      }
    });
  });

export type DeclaredColumn = z.infer<typeof DeclaredColumnSchema>;
export type DeclaredTable = z.infer<typeof DeclaredTableSchema>;

export const TemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** The planning round the template serves ("2015-16", "2022-23", "2023-25"): the record's `round`. */
  round: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  name: z.string(),
  description: z.string().optional(),
  detection: z.object({
    markers: z.array(MarkerSchema).min(1),
    /** Share of marker weight (0-1) below which the template is not considered. */
    minScore: z.number().min(0).max(1).default(0.3),
    /**
     * A file holding one part of the template only (the 2014 Part 2 workbook, the 2022-23 planning template
     * workbook): its own markers; only that part's sections are then expected (they count as required for
     * detection; missing ones are flagged only where the template requires them).
     */
    parts: z
      .array(z.object({ part: z.string().min(1), markers: z.array(MarkerSchema).min(1), minScore: z.number().min(0).max(1).default(0.5) }))
      .default([]),
  }),
  parents: z.array(ParentSchema).default([]),
  sections: z.array(TemplateSectionSchema).min(1),
  /**
   * The sections each field reads (GROBID's cascade: segmentation decides what each field model sees). Ids, or a
   * prefix ending in "*". A field not named here reads the whole document; so does a field none of whose sections
   * was found (a plan that renamed them all still has its figures read).
   */
  /** The tables the template defines, as data: the logical-table stage finds them and the fields read them. */
  tables: z.array(DeclaredTableSchema).default([]),
  /**
   * The financial years the template's figures are for ("2022-23"). Where it is one year, a figure whose table
   * states no year is for that year (the 2022-23 income table has no year column).
   */
  financialYears: z.array(z.string().regex(/^20\d\d-\d\d$/)).default([]),
  fields: z.partialRecord(z.enum(['schemes', 'budgets', 'risks', 'metrics']), z.array(z.string().min(1))).default({}),
});

export type Marker = z.infer<typeof MarkerSchema>;
export type TemplateParent = z.infer<typeof ParentSchema>;
export type TemplateSection = z.infer<typeof TemplateSectionSchema>;
export type Template = z.infer<typeof TemplateSchema>;

/** Parse and check one template; throws with the file's problems so a bad template fails at start-up. */
export function parseTemplate(json: unknown, source = 'template'): Template {
  const parsed = TemplateSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${source}: invalid template: ${z.prettifyError(parsed.error)}`);
  }
  const t = parsed.data;
  const ids = new Set<string>();
  for (const s of t.sections) {
    if (ids.has(s.id)) throw new Error(`${source}: duplicate section id ${s.id}`);
    ids.add(s.id);
    if (s.parent && !t.parents.some((p) => p.id === s.parent)) {
      throw new Error(`${source}: section ${s.id} names unknown parent ${s.parent}`);
    }
  }
  return t;
}

/** The templates/ folder at the repo root, found from this module (works from src/segment and dist/segment). */
export function defaultTemplateDir(): string {
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

/** Load every *.json template in a folder, sorted by file name. */
export function loadTemplates(dir: string = defaultTemplateDir()): Template[] {
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.json'))
    .sort();
  return files.map((f) => {
    const path = join(dir, f);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new Error(`${path}: not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    return parseTemplate(json, path);
  });
}
