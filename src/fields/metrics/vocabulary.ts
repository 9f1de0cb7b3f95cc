// The words the metric readers name a metric, a row role and a column's kind by: the template's declared metrics
// tables first (templates/*.json "tables", field "metrics": rowLabels → metric keys, rowRoles → numerator /
// denominator / value rows, value columns' header words → their kind), then the general vocabulary (./labels.ts
// and the row-type words below), which unknown templates and headers the declared phrases miss still need.
// Built once per extractMetrics call from that document's template, so two templates' words never mix.
import { METRIC_KEYS, type Metric, type MetricKey } from '../../record/schema.js';
import { longestPhrase, phraseWords, type DeclaredTable } from '../../tables/declared.js';
import { normaliseName } from '../../text/clean.js';
import { ROLE_WORDS } from '../../text/metricRoles.js';
import { kindOf as generalKindOf, metricKeyOf as generalMetricKeyOf } from './labels.js';

export type RowRole = 'numerator' | 'denominator' | 'value';

export interface MetricWords {
  /** The metric a label or heading names, or null. */
  metricKeyOf: (text: string) => MetricKey | null;
  /** The kind of value a column or row header announces, or null. */
  kindOf: (text: string) => Metric['kind'] | null;
  /** A header the template declares as a value column by a phrase of its own, which heads values without a period
   *  ("Performance underpinning April 2015 payment"; the period row beneath dates them). A one-word kind ("Plan")
   *  is a word of many headers: it names a column only with its period. */
  declaresColumn: (text: string) => boolean;
  /** The role of a data row from its label cells. */
  rowRole: (labels: string[]) => RowRole;
  /** Label cells that only say which row this is ("Metric Value", "Numerator", "Annual Rate"). */
  isRowTypeLabel: (text: string) => boolean;
  /** One-word kind headers ("actual", "plan"), for header words cut at a cell edge. */
  kindHeaderWords: string[];
  /** The labels of a metric block's rows, lower case ("metric value", "numerator"): a sheet printed column by
   *  column is found by them (src/tables/roleColumns.ts). */
  roleWords: string[];
}

/** The header words that say a column's kind, whatever the template. */
const GENERAL_KIND_HEADER_WORDS = ['actual', 'actuals', 'outturn', 'plan', 'plans', 'planned', 'estimate', 'estimated', 'forecast', 'baseline', 'target'];

const ROW_TYPE_LABEL =
  /^(indicator value|metric value|value|quarter(ly)?\s*(\(%\)|rate)?|annual\s*(\(%\)|rate)?|(annual |quarterly )?rate( per 100,?000)?|%|percentage|numera\w*(\s\w{1,2})?|denomin\w*(\s\w{1,2})?|actual|plan)$/i;


/** The general role of one label: clipped at the cell edge ("Denominato" / "r", "Denomin" / "ator") it still says. */
function generalRoleOf(label: string): RowRole {
  const l = label.toLowerCase();
  if (/\bnumera/.test(l)) return 'numerator';
  if (/\bdenomin/.test(l)) return 'denominator';
  return 'value';
}

const ROLES: readonly string[] = ['numerator', 'denominator', 'value'];
const KINDS: readonly string[] = ['baseline', 'actual', 'plan', 'estimate', 'plan_change'];

/** The metric words of a template: its declared metrics tables (any other field's tables are ignored), then the
 *  general vocabulary. */
export function metricWords(declarations: DeclaredTable[]): MetricWords {
  const tables = declarations.filter((t) => t.field === 'metrics');
  const keys = tables.flatMap((t) => t.rowLabels).flatMap((r) => ((METRIC_KEYS as readonly string[]).includes(r.id) ? [{ id: r.id as MetricKey, phrases: r.label }] : []));
  const roles = tables.flatMap((t) => t.rowRoles).flatMap((r) => (ROLES.includes(r.role) ? [{ id: r.role as RowRole, phrases: r.label }] : []));
  const kinds = tables
    .flatMap((t) => t.columns)
    .flatMap((c) => (c.role === 'value' && c.kind && KINDS.includes(c.kind) ? [{ id: c.kind as Metric['kind'], phrases: c.header }] : []));
  // Asked again for every row of a table: remembered for this template's words only.
  const keyMemo = new Map<string, MetricKey | null>();
  const kindMemo = new Map<string, Metric['kind'] | null>();
  const declaredKey = (text: string) => {
    if (!keyMemo.has(text)) keyMemo.set(text, longestPhrase(keys, text));
    return keyMemo.get(text)!;
  };
  const declaredKind = (text: string) => {
    if (!kindMemo.has(text)) kindMemo.set(text, longestPhrase(kinds, text));
    return kindMemo.get(text)!;
  };
  const columnPhrases = kinds.map((k) => ({ id: k.id, phrases: k.phrases.filter((p) => phraseWords(p) >= 2) })).filter((k) => k.phrases.length > 0);
  // A row-type label is the declared label itself (a stray word allowed), not a longer text that contains it.
  const declaredRole = (label: string) => longestPhrase(roles, label, (p) => phraseWords(label) <= phraseWords(p) + 1);
  return {
    metricKeyOf: (text) => (keys.length > 0 ? declaredKey(text) : null) ?? generalMetricKeyOf(text),
    kindOf: (text) => (kinds.length > 0 ? declaredKind(text) : null) ?? generalKindOf(text),
    declaresColumn: (text) => columnPhrases.length > 0 && longestPhrase(columnPhrases, text) !== null,
    rowRole: (labels) => {
      const found = labels.map((l) => (roles.length > 0 ? declaredRole(l) : null) ?? generalRoleOf(l));
      return found.includes('numerator') ? 'numerator' : found.includes('denominator') ? 'denominator' : 'value';
    },
    isRowTypeLabel: (text) => (roles.length > 0 && declaredRole(text) !== null) || ROW_TYPE_LABEL.test(text.trim()),
    roleWords: [...new Set([...ROLE_WORDS.split('|'), ...roles.flatMap((r) => r.phrases).map((p) => p.toLowerCase())])],
    kindHeaderWords: [...new Set([...GENERAL_KIND_HEADER_WORDS, ...kinds.flatMap((k) => k.phrases).filter((p) => phraseWords(p) === 1).map(normaliseName)])],
  };
}
