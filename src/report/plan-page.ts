// plans/<id>.html: one plan for an assurance lead: status and why, every flag with section, page and quoted
// text, the notes (what extraction and the fields noticed), the section checklist, budget, schemes, risk register
// with heat map, metrics.
import type { Budget, Flag, Metric, Risk } from '../record/schema.js';
import {
  BUDGET_KIND_LABEL, failureWords, filesOf, formatGbp, formatNumber, METRIC_LABEL, planYears, RAG_WORD, ragStatus, SEVERITY_ORDER, UNIT_LABEL,
} from './assess.js';
import { heatMapSvg, riskGrid, scoreBand } from './charts.js';
import { html, type HtmlPart, type SafeHtml } from './html.js';
import { ragBadge } from './index-page.js';
import { page, type PageContext } from './layout.js';
import type { FromFile, FromItem, PlanView } from './load.js';

/** Where the plan's source file is, relative to its page (opens from disk); null when unknown or removed. */
function sourceHref(ctx: PageContext, plan: PlanView): string | null {
  if (ctx.sourceBase === null || ctx.sourceBase === undefined || plan.status === 'removed') return null;
  return ctx.sourceBase + plan.path.split('/').map(encodeURIComponent).join('/');
}

/** A page number that opens that page of the source PDF (`#page=N`, honoured by browsers' PDF viewers). */
type PageLink = (p: number | null) => HtmlPart;
function pageLinker(ctx: PageContext, plan: PlanView): PageLink {
  const href = plan.format === 'pdf' ? sourceHref(ctx, plan) : null;
  return (p) => (p === null ? p : href ? html`<a class="page-link" href="${href}#page=${p}" title="Open page ${p} of the source PDF">${p}</a>` : p);
}
/**
 * Cells that say where an item is: its page (linked into the item's own file when a PDF) and, on a plan of several
 * files, the file it came from.
 */
interface Where {
  page: (p: number | null, from?: FromFile) => SafeHtml;
  link: (p: number | null, from?: FromFile) => HtmlPart;
  /** A File cell (empty on a plan of one file). */
  file: (from?: FromFile) => HtmlPart;
  /** The File header cell (empty on a plan of one file). */
  fileHead: HtmlPart;
}

function whereFor(ctx: PageContext, plan: PlanView): Where {
  const files = filesOf(plan);
  const linkers = new Map(files.map((f) => [f.id, pageLinker(ctx, f)]));
  const own = pageLinker(ctx, plan);
  const link = (p: number | null, from?: FromFile) => (linkers.get(from?.documentId ?? plan.id) ?? own)(p);
  const many = files.length > 1;
  return {
    link,
    page: (p, from) => html`<td class="num">${p === null ? html`<span class="muted">–</span>` : link(p, from)}</td>`,
    file: (from) => (many ? html`<td class="file">${from ? fileName(from.path) : ''}</td>` : ''),
    fileHead: many ? html`<th scope="col">File</th>` : '',
  };
}

const fileName = (path: string) => path.split('/').pop() ?? path;

/** Other files of the plan that state the figure otherwise (the kept one is from the preferred file). */
function differs(item: FromItem<unknown>, show: (v: number) => string): HtmlPart {
  if (!item.differs?.length) return '';
  return html`<br><strong class="sev sev-warning">${item.differs.map((d, i) => `${i ? '; ' : ''}${fileName(d.path)} states ${show(d.value)}`)}</strong>`;
}
const quote = (text: string | null | undefined): HtmlPart => (text ? html`<blockquote class="src">${text}</blockquote>` : html`<span class="muted">no quoted text</span>`);
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A section id that line-breaks only after its dots and underscores. */
function sectionId(id: string): SafeHtml {
  return html`<code class="code">${id.split(/(?<=[._])/).map((part, i) => (i ? html`<wbr>${part}` : part))}</code>`;
}

const SEVERITY_WORD: Record<Flag['severity'], string> = { error: '✖ Error', warning: '▲ Warning', info: 'ℹ Info' };
const STATUS_WORD = { present: '✓ Present', missing: '✖ Missing', placeholder: '◐ Placeholder' } as const;

function sectionName(plan: PlanView, id: string | null): SafeHtml {
  if (!id) return html`<span class="muted">whole plan</span>`;
  const section = plan.sections.find((s) => s.id === id);
  if (!section) return sectionId(id);
  return html`<a href="#sec-${id}">${sectionId(id)}</a>${section.heading ? html`<br>${section.heading}` : ''}`;
}

function flagsSection(plan: PlanView, w: Where): SafeHtml {
  const flags = [...plan.flags].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  if (!flags.length) return html`<h2 id="flags">Flags</h2><p>No flags: nothing missing, placeholder or inconsistent was found.</p>`;
  const paged = plan.pages !== null;
  return html`<h2 id="flags">Flags (${flags.length})</h2>
<p>Each flag gives the section and ${paged ? 'page' : 'text'} to go to. ${paged ? '' : html`This ${plan.format ?? ''} file has no pages: search the document for the quoted text.`}</p>
<div class="table-wrap"><table id="flag-table">
<caption>Flags, errors first</caption>
<thead><tr><th scope="col">Severity</th><th scope="col">Code</th><th scope="col">Section</th>${w.fileHead}<th scope="col" class="num">Page</th><th scope="col">What is wrong</th><th scope="col">Quoted from the plan</th></tr></thead>
<tbody>${flags.map((f) => html`<tr>
<td class="sev sev-${f.severity}">${SEVERITY_WORD[f.severity]}</td><td class="nowrap"><code class="code">${f.code}</code></td><td>${sectionName(plan, f.section)}</td>${w.file(f.from)}${w.page(f.page, f.from)}
<td class="wide">${f.message}</td><td class="wide">${quote(f.text)}</td></tr>`)}</tbody>
</table></div>`;
}

/** What extraction and the fields noticed: not faults of the plan, but what a reader checking the record should know. */
function notesSection(plan: PlanView, w: Where): SafeHtml {
  const notes = plan.notes ?? [];
  if (!notes.length) return html`<h2 id="notes">Notes</h2><p>No notes: extraction and the fields noticed nothing to report.</p>`;
  return html`<h2 id="notes">Notes (${notes.length})</h2>
<p>What extraction and the field readers noticed while reading the file (not faults of the plan): check these where a figure or row looks wrong or is missing.</p>
<div class="table-wrap"><table id="note-table">
<caption>Notes, in document order</caption>
<thead><tr><th scope="col">Level</th><th scope="col">Stage</th>${w.fileHead}<th scope="col" class="num">Page</th><th scope="col">What was noticed</th><th scope="col">Quoted from the plan</th></tr></thead>
<tbody>${notes.map((n) => html`<tr>
<td class="sev sev-${n.level}">${SEVERITY_WORD[n.level]}</td><td class="nowrap"><code class="code">${n.stage}</code></td>${w.file(n.from)}${w.page(n.page, n.from)}
<td class="wide">${n.message}</td><td class="wide">${n.text ? html`<blockquote class="src">${n.text}</blockquote>` : html`<span class="muted">–</span>`}</td></tr>`)}</tbody>
</table></div>`;
}

function sectionsSection(plan: PlanView, w: Where): SafeHtml {
  if (!plan.sections.length) return html`<h2 id="sections">Section checklist</h2><p>No sections were recorded${plan.status === 'failed' ? ' (the file could not be read)' : ''}.</p>`;
  const flagsFor = (id: string) => plan.flags.filter((f) => f.section === id);
  const n = (s: string) => plan.sections.filter((x) => x.status === s).length;
  return html`<h2 id="sections">Section checklist</h2>
<p>${count(n('present'), 'section')} present, ${n('missing')} missing, ${n('placeholder')} placeholder, against template <code>${plan.template}</code>.</p>
<div class="table-wrap"><table>
<caption>Sections of the template, in template order</caption>
<thead><tr><th scope="col">Section</th><th scope="col">Heading as found</th><th scope="col">Status</th>${w.fileHead}<th scope="col" class="num">Page</th><th scope="col">Flags</th></tr></thead>
<tbody>${plan.sections.map((s) => {
    const fl = flagsFor(s.id);
    return html`<tr id="sec-${s.id}"><th scope="row">${sectionId(s.id)}</th><td>${s.heading ?? html`<span class="muted">not found</span>`}</td>
<td class="status-${s.status} nowrap">${STATUS_WORD[s.status]}</td>${w.file(s.from)}${w.page(s.page, s.from)}
<td>${fl.length ? fl.map((f) => html`<span class="sev sev-${f.severity}">${f.code}</span> `) : ''}</td></tr>`;
  })}</tbody>
</table></div>`;
}

function budgetSection(plan: PlanView, w: Where): SafeHtml {
  const headline = plan.budgets.filter((b) => b.kind !== 'scheme_spend');
  const spend = plan.budgets.filter((b) => b.kind === 'scheme_spend');
  if (!plan.budgets.length) return html`<h2 id="budget">Budget</h2><p>No budget figures were found.</p>`;
  const row = (b: FromItem<Budget>) => html`<tr><th scope="row">${b.kind === 'scheme_spend' ? b.scheme ?? '(scheme not named)' : BUDGET_KIND_LABEL[b.kind]}</th>
<td>${b.year ?? html`<span class="muted">not stated</span>`}</td><td class="num">${formatGbp(b.amountGbp)}${differs(b, formatGbp)}</td>
${b.kind === 'scheme_spend' ? html`<td>${b.source ?? ''}</td>` : ''}<td>${b.label ?? ''}</td><td><q class="src">${b.text}</q></td>${w.file(b.from)}${w.page(b.page, b.from)}</tr>`;
  const spendTotals = new Map<string, number>();
  for (const b of spend) spendTotals.set(b.year ?? 'year not stated', (spendTotals.get(b.year ?? 'year not stated') ?? 0) + b.amountGbp);
  return html`<h2 id="budget">Budget</h2>
${w.fileHead ? html`<p>${GATHERED.trim()}</p>` : ''}
${headline.length ? html`<div class="table-wrap"><table id="budget-headline">
<caption>Funding and pooled budget (${planYears(plan)})</caption>
<thead><tr><th scope="col">Figure</th><th scope="col">Year</th><th scope="col" class="num">Amount</th><th scope="col">Label in the plan</th><th scope="col">As written</th>${w.fileHead}<th scope="col" class="num">Page</th></tr></thead>
<tbody>${headline.map(row)}</tbody></table></div>` : ''}
${spend.length ? html`<div class="table-wrap"><table id="budget-spend">
<caption>Planned spend by scheme (${count(spend.length, 'row')}; total ${[...spendTotals].map(([y, t]) => `${formatGbp(t)} in ${y}`).join(', ')})</caption>
<thead><tr><th scope="col">Scheme</th><th scope="col">Year</th><th scope="col" class="num">Amount</th><th scope="col">Funding source</th><th scope="col">Label in the plan</th><th scope="col">As written</th>${w.fileHead}<th scope="col" class="num">Page</th></tr></thead>
<tbody>${spend.map(row)}</tbody></table></div>` : ''}`;
}

function schemesSection(plan: PlanView, w: Where): SafeHtml {
  if (!plan.schemes.length) return html`<h2 id="schemes">Schemes</h2><p>No schemes were found.</p>`;
  return html`<h2 id="schemes">Schemes (${plan.schemes.length})</h2>
<div class="table-wrap"><table>
<caption>Schemes listed in the plan</caption>
<thead><tr><th scope="col">Ref</th><th scope="col">Scheme</th><th scope="col">Theme</th>${w.fileHead}<th scope="col" class="num">Page</th></tr></thead>
<tbody>${plan.schemes.map((s) => html`<tr><td>${s.ref ?? ''}</td><th scope="row">${s.name}</th><td>${s.theme ?? ''}</td>${w.file(s.from)}${w.page(s.page, s.from)}</tr>`)}</tbody>
</table></div>`;
}

function riskScoreCell(r: Risk): SafeHtml {
  const computed = r.likelihood && r.impact ? r.likelihood * r.impact : null;
  const mismatch = computed !== null && r.score !== null && computed !== r.score;
  return html`<td class="num">${computed ?? ''}${computed ? html`<br><span class="muted">${scoreBand(computed).name.split(' ')[0]}</span>` : ''}</td>
<td class="num">${r.score ?? ''}${mismatch ? html`<br><strong class="sev sev-warning">≠ L×I</strong>` : ''}</td>`;
}

function risksSection(plan: PlanView, w: Where): SafeHtml {
  if (!plan.risks.length) return html`<h2 id="risks">Risk register</h2><p>No risk log was found.</p>`;
  const grid = riskGrid(plan.risks);
  const gridTable = html`<table class="heat-table">
<caption>Risks per likelihood (rows) and impact (columns)</caption>
<thead><tr><td></td>${[1, 2, 3, 4, 5].map((i) => html`<th scope="col" class="num">Impact ${i}</th>`)}</tr></thead>
<tbody>${[5, 4, 3, 2, 1].map((l) => html`<tr><th scope="row">Likelihood ${l}</th>${[1, 2, 3, 4, 5].map((i) => {
    const n = grid.counts[l - 1][i - 1];
    return html`<td class="num${n ? '' : ' zero'}">${n}</td>`;
  })}</tr>`)}</tbody></table>`;
  return html`<h2 id="risks">Risk register (${plan.risks.length})</h2>
<h3>Heat map</h3>
${grid.scored ? html`<div class="figure-row">${heatMapSvg(grid, `heat-${plan.id}`)}${gridTable}</div>` : ''}
<p>${count(grid.scored, 'risk')} scored by likelihood and impact${grid.unscored ? html`; ${count(grid.unscored, 'risk')} ${grid.unscored === 1 ? 'has' : 'have'} no likelihood and impact (rating only or unscored) and ${grid.unscored === 1 ? 'is' : 'are'} not in the heat map` : ''}. Cell shading: score bands low 1–3, moderate 4–6, high 8–12, extreme 15–25.</p>
<h3>Risk log</h3>
<div class="table-wrap"><table>
<caption>Risks as written in the plan (L = likelihood, I = impact)</caption>
<thead><tr><th scope="col" class="num">#</th><th scope="col">Risk</th><th scope="col" class="num">L</th><th scope="col" class="num">I</th><th scope="col" class="num">L×I</th><th scope="col" class="num">Score written</th><th scope="col">Rating</th><th scope="col">Mitigation</th><th scope="col">Owner</th>${w.fileHead}<th scope="col" class="num">Page</th></tr></thead>
<tbody>${plan.risks.map((r, i) => html`<tr><td class="num">${i + 1}</td><td class="wide">${r.description}</td><td class="num">${r.likelihood ?? ''}</td><td class="num">${r.impact ?? ''}</td>
${riskScoreCell(r)}<td>${r.rating ?? ''}</td><td class="wide">${r.mitigation ?? ''}</td><td>${r.owner ?? ''}</td>${w.file(r.from)}${w.page(r.page, r.from)}</tr>`)}</tbody>
</table></div>`;
}

function metricValue(m: FromItem<Metric> | undefined): HtmlPart {
  if (!m) return '';
  const ratio = m.numerator !== null && m.denominator !== null ? html`<br><span class="muted">${formatNumber(m.numerator)} / ${formatNumber(m.denominator)}</span>` : '';
  return html`${formatNumber(m.value)}${ratio}${differs(m, formatNumber)}`;
}

function metricsSection(plan: PlanView, w: Where): SafeHtml {
  if (!plan.metrics.length) return html`<h2 id="metrics">Metrics</h2><p>No metrics were found.</p>`;
  const groups = new Map<string, FromItem<Metric>[]>();
  for (const m of plan.metrics) {
    const key = `${m.metric}\u0000${m.label}\u0000${m.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const tables = [...groups.values()].map((ms) => {
    const periods = [...new Set(ms.map((m) => m.period ?? 'period not stated'))];
    const at = (period: string, kinds: Metric['kind'][]) => ms.find((m) => (m.period ?? 'period not stated') === period && kinds.includes(m.kind));
    const first = ms[0];
    const pages = [...new Map(ms.filter((m) => m.page !== null).map((m) => [`${m.from?.documentId}:${m.page}`, m])).values()];
    const rowFiles = (period: string) => [...new Set(ms.filter((m) => (m.period ?? 'period not stated') === period).map((m) => m.from?.path).filter((f): f is string => !!f))];
    // A planned change is not a level: its own column, never in the Plan column beside the levels.
    const changes = ms.some((m) => m.kind === 'plan_change');
    return html`<h3>${METRIC_LABEL[first.metric]}</h3>
<p>As labelled in the plan: “${first.label}”${pages.length ? html` (page ${pages.map((m, i) => html`${i ? ', ' : ''}${w.link(m.page, m.from)}`)})` : ''}.</p>
<div class="table-wrap"><table class="metric-table">
<caption>${METRIC_LABEL[first.metric]} by period (${UNIT_LABEL[first.unit]})</caption>
<thead><tr><th scope="col">Period</th><th scope="col" class="num">Baseline / actual</th><th scope="col" class="num">Estimate</th><th scope="col" class="num">Plan</th>${changes ? html`<th scope="col" class="num">Planned change</th>` : ''}${w.fileHead}</tr></thead>
<tbody>${periods.map((p) => {
      const base = at(p, ['baseline', 'actual']);
      return html`<tr><th scope="row">${p}</th><td class="num">${base ? html`${metricValue(base)}${base.kind === 'baseline' ? html` <span class="muted">(baseline)</span>` : ''}` : ''}</td>
<td class="num">${metricValue(at(p, ['estimate']))}</td><td class="num">${metricValue(at(p, ['plan']))}</td>${changes ? html`<td class="num">${metricValue(at(p, ['plan_change']))}</td>` : ''}${w.fileHead ? html`<td class="file">${rowFiles(p).map((f, i) => html`${i ? html`<br>` : ''}${fileName(f)}`)}</td>` : ''}</tr>`;
    })}</tbody></table></div>`;
  });
  return html`<h2 id="metrics">Metrics</h2><p>Values as stated, side by side per period; numerator / denominator below a value where the plan gives them.${w.fileHead ? GATHERED : ''}</p>${tables}`;
}

/** How a plan of several files shows its figures (stated on the page, as applied in plan-groups.ts). */
const GATHERED = ' Gathered from every file of the plan: where two files state the same figure (a budget of the same kind, year, scheme and funding source, and label for other figures; a metric of the same measure, period, kind and unit, and label for a local one), it is shown once, from the workbook if one states it, else from the file first in the plan (current first); another file stating a different amount is named under it.';

function fileDetails(ctx: PageContext, f: PlanView, id?: string): SafeHtml {
  const href = sourceHref(ctx, f);
  return html`<dl class="facts"${id ? html` id="${id}"` : ''}>
<dt>File</dt><dd>${href ? html`<a href="${href}">${f.path}</a>` : f.path}</dd>
<dt>Format</dt><dd>${f.format ?? 'unknown'}${f.pages !== null ? `, ${f.pages} pages` : ''}</dd>
<dt>Template</dt><dd><code>${f.template}</code></dd>
<dt>Health and Wellbeing Board</dt><dd>${f.hwb ?? html`<span class="muted">not named</span>`}</dd>
<dt>Councils</dt><dd>${f.localAuthorities.join('; ') || html`<span class="muted">none named</span>`}</dd>
<dt>CCGs / ICBs</dt><dd>${f.ccgs.join('; ') || html`<span class="muted">none named</span>`}</dd>
<dt>Status</dt><dd>${f.status}${f.failureReason ? html`: ${failureWords(f.failureReason)} <span class="muted">(<code>${f.failureReason}</code>)</span>` : ''}</dd>
${f.duplicateOf ? html`<dt>Duplicate of</dt><dd>${f.duplicateOf}</dd>` : ''}
<dt>Extracted</dt><dd>${f.processedAt} by extractor ${f.extractorVersion}</dd>
<dt>Database id</dt><dd>${f.id}</dd>
</dl>`;
}

/** The files of a plan of several: what each is and whether it stands for the plan, with its own status. */
function filesSection(ctx: PageContext, plan: PlanView, files: PlanView[]): SafeHtml {
  const standing = new Set((plan as { standing?: number[] }).standing ?? files.map((f) => f.id));
  const role = (f: PlanView, i: number) =>
    `${f.format === 'xlsx' ? 'workbook' : 'document'}${i === 0 ? ', current' : ''}${standing.has(f.id) ? '' : ', superseded (an earlier copy or version)'}`;
  return html`<h2 id="files">Files of this plan (${files.length})</h2>
<p>One plan (area and round) in ${files.length} files. Flags, notes and sections are those of the current workbook and the current other file; budgets, metrics, schemes and risks are gathered from every file, each row naming its file.</p>
<div class="table-wrap"><table id="file-table">
<caption>Files, current first</caption>
<thead><tr><th scope="col">File</th><th scope="col">Format</th><th scope="col">Template</th><th scope="col">Role</th><th scope="col">Status of the file alone</th></tr></thead>
<tbody>${files.map((f, i) => {
    const href = sourceHref(ctx, f);
    const s = ragStatus(f);
    return html`<tr><th scope="row">${href ? html`<a href="${href}"${i === 0 ? html` id="source-link"` : ''}>${f.path}</a>` : f.path}</th><td>${f.format ?? 'unknown'}${f.pages !== null ? `, ${f.pages} pages` : ''}</td><td><code>${f.template}</code></td><td>${role(f, i)}</td>
<td>${ragBadge(s.rag)} <span class="reasons">${s.reasons.join('; ')}</span></td></tr>`;
  })}</tbody></table></div>`;
}

export function renderPlan(ctx: PageContext, plan: PlanView): SafeHtml {
  const status = ragStatus(plan);
  const files = filesOf(plan);
  const many = files.length > 1;
  const href = sourceHref(ctx, plan);
  const w = whereFor(ctx, plan);
  const errors = plan.flags.filter((f) => f.severity === 'error').length;
  const warnings = plan.flags.filter((f) => f.severity === 'warning').length;
  const body = html`<p class="no-print"><a href="../index.html">← All plans</a></p>
<h1>${plan.areaName}</h1>
<p class="lede">${ragBadge(status.rag)} <span class="muted">${RAG_WORD[status.rag]} because:</span> ${status.reasons.join('; ')}.
${plan.status === 'removed' ? html` <span class="rag rag-removed">Removed</span> This file is no longer in the input (since ${plan.removedAt ?? 'an earlier run'}).` : ''}</p>
<p><strong>${count(errors, 'error')}, ${count(warnings, 'warning')}</strong>; template <code>${plan.template}</code>; ${planYears(plan) || 'year not known'}.</p>
${!many && href ? html`<p>Source: <a id="source-link" href="${href}">${plan.path}</a>${plan.format === 'pdf' ? ' (page numbers below open that page of it)' : ''}</p>` : ''}
${plan.status === 'failed' ? html`<div class="note"><p><strong>This file could not be read: ${failureWords(plan.failureReason)}.</strong> Nothing was extracted from it; open the original file to check it.</p></div>` : ''}
<nav class="toc" aria-label="On this page"><ul>
${many ? html`<li><a href="#files">Files (${files.length})</a></li>` : ''}<li><a href="#flags">Flags (${plan.flags.length})</a></li><li><a href="#notes">Notes (${(plan.notes ?? []).length})</a></li><li><a href="#sections">Section checklist</a></li><li><a href="#budget">Budget</a></li>
<li><a href="#schemes">Schemes (${plan.schemes.length})</a></li><li><a href="#risks">Risk register (${plan.risks.length})</a></li><li><a href="#metrics">Metrics</a></li><li><a href="#document">Document details</a></li>
</ul></nav>
${many ? filesSection(ctx, plan, files) : ''}
${flagsSection(plan, w)}
${notesSection(plan, w)}
${sectionsSection(plan, w)}
${budgetSection(plan, w)}
${schemesSection(plan, w)}
${risksSection(plan, w)}
${metricsSection(plan, w)}
<h2 id="document">Document details</h2>
${many ? files.map((f) => html`<h3>${f.path}</h3>${fileDetails(ctx, f)}`) : fileDetails(ctx, plan)}`;
  return page({ ...ctx, root: '../' }, plan.areaName, body, 'plan');
}
