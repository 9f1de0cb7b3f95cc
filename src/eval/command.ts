// `plansift eval`: score records against gold files, per document and per format. The I/O lives here;
// the scoring is the pure `scoreRecord` in score.ts.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { processFile } from '../pipeline/processFile.js';
import { loadTemplates } from '../segment/index.js';
import { discoverFiles } from '../discover/index.js';
import {
  emptyRecord,
  LIST_FIELDS,
  METRIC_ATTRIBUTES,
  prf,
  rateValue,
  RISK_ATTRIBUTES,
  scoreRecord,
  sumScores,
  type DocumentScore,
  type ListField,
  type Rate,
  type ScorableRecord,
} from './score.js';

export interface EvalOptions {
  gold?: string;
  records?: string;
  corpus?: string;
  json?: boolean;
}

/** The key that pairs a record with its gold file: the source file's base name without extension. */
export function documentKey(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

function formatOfRecord(r: ScorableRecord): string {
  if (r.source.format) return r.source.format;
  const base = r.source.file.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : 'unknown';
}

/** Accept a parsed JSON value as a record if it has the shape the scorer reads; fill absent lists with []. */
export function asScorable(value: unknown): ScorableRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const source = v.source as Record<string, unknown> | undefined;
  if (!source || typeof source.file !== 'string' || typeof v.template !== 'string') return null;
  const area = (v.area ?? {}) as Partial<ScorableRecord['area']>;
  const list = <T>(x: unknown): T[] => (Array.isArray(x) ? (x as T[]) : []);
  return {
    source: { file: source.file, format: typeof source.format === 'string' ? source.format : null },
    template: v.template,
    area: {
      localAuthorities: list<string>(area.localAuthorities),
      ccgs: list<string>(area.ccgs),
      healthAndWellbeingBoard: typeof area.healthAndWellbeingBoard === 'string' ? area.healthAndWellbeingBoard : null,
    },
    sections: list(v.sections),
    schemes: list(v.schemes),
    budgets: list(v.budgets),
    risks: list(v.risks),
    metrics: list(v.metrics),
    flags: list(v.flags),
  };
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

async function loadGold(dir: string): Promise<Map<string, ScorableRecord>> {
  const gold = new Map<string, ScorableRecord>();
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    const rec = asScorable(JSON.parse(await readFile(join(dir, name), 'utf8')));
    if (!rec) throw new Error(`${join(dir, name)} is not a gold record (no source.file or template)`);
    gold.set(documentKey(rec.source.file), rec);
  }
  return gold;
}

async function loadRecords(dir: string, warn: (s: string) => void): Promise<ScorableRecord[]> {
  const out: ScorableRecord[] = [];
  for (const rel of (await listFiles(dir)).filter((f) => f.endsWith('.json'))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(join(dir, rel), 'utf8'));
    } catch (err) {
      warn(`skipped ${rel}: not JSON (${err instanceof Error ? err.message : String(err)})`);
      continue;
    }
    const rec = asScorable(parsed);
    if (rec) out.push(rec);
    else warn(`skipped ${rel}: not a plan record`);
  }
  return out;
}

/** Files extracted at once in --corpus mode: extraction waits on I/O and parser callbacks, so a few overlap well. */
const CORPUS_CONCURRENCY = 4;

async function extractCorpus(dir: string, warn: (s: string) => void): Promise<ScorableRecord[]> {
  const templates = loadTemplates();
  // The same files `plansift run` would read: no READMEs, gold/expected JSON, lock or hidden files.
  const files = (await discoverFiles(dir)).files.map((f) => f.rel);
  const out: ScorableRecord[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const outcome = await processFile(dir, files[i], templates);
      if (outcome.failure) warn(`${files[i]}: ${outcome.failure.reason}: ${outcome.failure.message}`);
      out[i] = outcome.record;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CORPUS_CONCURRENCY, files.length) }, worker));
  return out;
}

export interface ScoredDocument {
  document: string;
  format: string;
  /** False when no record of this format existed and an empty record was scored instead. */
  hasRecord: boolean;
  score: DocumentScore;
}

export interface EvalReport {
  documents: ScoredDocument[];
  /** Per format, plus `all` (every format together) when more than one format was scored. */
  totals: Record<string, Omit<DocumentScore, 'errors'> & { documents: number }>;
  /** Records whose base name matches no gold file. */
  unmatchedRecords: string[];
}

/** Score every format present in `records` against every gold document; a missing record scores as empty. */
export function evaluate(gold: Map<string, ScorableRecord>, records: ScorableRecord[], warn: (s: string) => void = () => {}): EvalReport {
  const byFormat = new Map<string, Map<string, ScorableRecord>>();
  const unmatchedRecords: string[] = [];
  for (const r of records) {
    const key = documentKey(r.source.file);
    if (!gold.has(key)) {
      unmatchedRecords.push(r.source.file);
      continue;
    }
    const fmt = formatOfRecord(r);
    const docs = byFormat.get(fmt) ?? new Map<string, ScorableRecord>();
    if (docs.has(key)) warn(`two ${fmt} records for ${key}; scoring the first (${docs.get(key)!.source.file})`);
    else docs.set(key, r);
    byFormat.set(fmt, docs);
  }
  const documents: ScoredDocument[] = [];
  const totals: EvalReport['totals'] = {};
  for (const fmt of [...byFormat.keys()].sort()) {
    const docs = byFormat.get(fmt)!;
    const scored: ScoredDocument[] = [];
    for (const [key, g] of gold) {
      const r = docs.get(key);
      scored.push({ document: key, format: fmt, hasRecord: !!r, score: scoreRecord(r ?? emptyRecord(key), g) });
    }
    documents.push(...scored);
    totals[fmt] = { ...sumScores(scored.map((s) => s.score)), documents: scored.length };
  }
  // One summary over every format, when there is more than one: the number to watch across changes.
  if (byFormat.size > 1) totals.all = { ...sumScores(documents.map((d) => d.score)), documents: documents.length };
  return { documents, totals, unmatchedRecords };
}

// ---------------------------------------------------------------------------------------------
// Text tables

const f2 = (x: number | null) => (x === null ? '   -' : x.toFixed(2));
const rateText = (r: Rate) => `${f2(rateValue(r))} (${r.correct}/${r.total})`;

const FIELD_LABELS: Record<ListField, string> = {
  area: 'area names',
  schemes: 'schemes',
  budgets: 'budgets (amount equal)',
  budgetKeys: 'budgets (kind+year+scheme)',
  risks: 'risks',
  metrics: 'metrics',
  flags: 'flags',
};

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatReport(report: EvalReport): string {
  const out: string[] = [];
  out.push('Per document (F1 for lists; section accuracy; flags recall)');
  out.push(
    table(
      ['document', 'fmt', 'template', 'area', 'sections', 'schemes', 'budgets', 'risks', 'risk attr', 'metrics', 'flags R'],
      report.documents.map((d) => {
        const s = d.score;
        const attr = sumRates(RISK_ATTRIBUTES.map((a) => s.riskAttributes[a]));
        return [
          d.document + (d.hasRecord ? '' : ' (no record)'),
          d.format,
          s.template.correct ? 'ok' : 'WRONG',
          f2(prf(s.lists.area).f1),
          f2(rateValue(s.sections)),
          f2(prf(s.lists.schemes).f1),
          f2(prf(s.lists.budgets).f1),
          f2(prf(s.lists.risks).f1),
          f2(rateValue(attr)),
          f2(prf(s.lists.metrics).f1),
          f2(prf(s.lists.flags).recall),
        ];
      }),
    ),
  );
  const formats = Object.keys(report.totals);
  out.push('');
  out.push('Totals per format (micro-averaged over documents; "all" = every format): precision / recall / F1 [tp fp fn]');
  out.push(
    table(
      ['field', ...formats],
      LIST_FIELDS.map((f) => [
        FIELD_LABELS[f],
        ...formats.map((fmt) => {
          const c = report.totals[fmt].lists[f];
          const p = prf(c);
          return `${f2(p.precision)} / ${f2(p.recall)} / ${f2(p.f1)} [${c.tp} ${c.fp} ${c.fn}]`;
        }),
      ]),
    ),
  );
  out.push('');
  out.push('Accuracy per format: share correct (correct/judged); attributes are judged on matched items only');
  const rateRow = (label: string, pick: (t: EvalReport['totals'][string]) => Rate) => [
    label,
    ...formats.map((fmt) => rateText(pick(report.totals[fmt]))),
  ];
  out.push(
    table(
      ['measure', ...formats],
      [
        rateRow('template', (t) => t.template),
        rateRow('section status', (t) => t.sections),
        ...RISK_ATTRIBUTES.map((a) => rateRow(`risk ${a}`, (t) => t.riskAttributes[a])),
        ...METRIC_ATTRIBUTES.map((a) => rateRow(`metric ${a}`, (t) => t.metricAttributes[a])),
      ],
    ),
  );
  const errorLines = formatErrors(report, 5);
  if (errorLines.length) {
    out.push('');
    out.push('Errors (first 5 per field and document; --json lists all)');
    out.push(...errorLines);
  }
  if (report.unmatchedRecords.length) {
    out.push('');
    out.push(`Records with no gold file (not scored): ${report.unmatchedRecords.join(', ')}`);
  }
  return out.join('\n');
}

/** What each document got wrong, field by field, at most `limit` items of each kind. */
export function formatErrors(report: EvalReport, limit: number): string[] {
  const lines: string[] = [];
  for (const d of report.documents) {
    const own: string[] = [];
    for (const [field, e] of Object.entries(d.score.errors)) {
      for (const kind of ['missed', 'extra', 'wrong'] as const) {
        const items = e[kind];
        if (items.length === 0) continue;
        const more = items.length > limit ? ` … (+${items.length - limit})` : '';
        own.push(`  ${field} ${kind} (${items.length}): ${items.slice(0, limit).join('; ')}${more}`);
      }
    }
    if (own.length) lines.push(`${d.document} ${d.format}${d.hasRecord ? '' : ' (no record)'}`, ...own);
  }
  return lines;
}

function sumRates(rates: Rate[]): Rate {
  return rates.reduce((a, r) => ({ correct: a.correct + r.correct, total: a.total + r.total }), { correct: 0, total: 0 });
}

/** JSON form: the counts plus the ratios, so a reader need not recompute them. */
function reportJson(report: EvalReport): unknown {
  const withRatios = (s: Omit<DocumentScore, 'errors'>) => ({
    template: { ...s.template, accuracy: rateValue(s.template) },
    sections: { ...s.sections, accuracy: rateValue(s.sections) },
    lists: Object.fromEntries(LIST_FIELDS.map((f) => [f, { ...s.lists[f], ...prf(s.lists[f]) }])),
    riskAttributes: Object.fromEntries(RISK_ATTRIBUTES.map((a) => [a, { ...s.riskAttributes[a], accuracy: rateValue(s.riskAttributes[a]) }])),
    metricAttributes: Object.fromEntries(
      METRIC_ATTRIBUTES.map((a) => [a, { ...s.metricAttributes[a], accuracy: rateValue(s.metricAttributes[a]) }]),
    ),
  });
  return {
    totals: Object.fromEntries(Object.entries(report.totals).map(([fmt, t]) => [fmt, { documents: t.documents, ...withRatios(t) }])),
    documents: report.documents.map((d) => ({
      document: d.document,
      format: d.format,
      hasRecord: d.hasRecord,
      ...withRatios(d.score),
      errors: d.score.errors,
    })),
    unmatchedRecords: report.unmatchedRecords,
  };
}

export async function evalCommand(opts: Record<string, unknown>): Promise<number> {
  const o = opts as EvalOptions;
  const warn = (s: string) => console.error(`plansift eval: ${s}`);
  if (!o.gold || (!o.records && !o.corpus) || (o.records && o.corpus)) {
    warn('give --gold DIR and one of --records DIR or --corpus DIR');
    return 2;
  }
  let gold: Map<string, ScorableRecord>;
  let records: ScorableRecord[];
  try {
    gold = await loadGold(o.gold);
    if (gold.size === 0) {
      warn(`no gold *.json files in ${o.gold}`);
      return 2;
    }
    records = o.corpus ? await extractCorpus(o.corpus, warn) : await loadRecords(o.records!, warn);
  } catch (err) {
    warn(err instanceof Error ? err.message : String(err));
    return 2;
  }
  const report = evaluate(gold, records, warn);
  if (report.documents.length === 0) warn('no record matches a gold file by base name');
  console.log(o.json ? JSON.stringify(reportJson(report), null, 2) : formatReport(report));
  return 0;
}
