// plans/<id>.html: one plan for an assurance lead: status and why, every flag with section, page and quoted
// text, the notes (what extraction and the fields noticed), the section checklist, budget, schemes, risk register
// with heat map, metrics.
import type { Budget, Flag, Metric, Risk } from '../record/schema.js';
import {
  BUDGET_KIND_LABEL, failureWords, formatGbp, formatNumber, METRIC_LABEL, planYears, RAG_WORD, ragStatus, SEVERITY_ORDER, UNIT_LABEL,
} from './assess.js';
import { heatMapSvg, riskGrid, scoreBand } from './charts.js';
import { html, type HtmlPart, type SafeHtml } from './html.js';
import { ragBadge } from './index-page.js';
import { page, type PageContext } from './layout.js';
import type { PlanView } from './load.js';

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
const pageCellWith = (link: PageLink) => (p: number | null): SafeHtml => html`<td class="num">${p === null ? html`<span class="muted">–</span>` : link(p)}</td>`;
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

function flagsSection(plan: PlanView, pageCell: (p: number | null) => SafeHtml): SafeHtml {
  const flags = [...plan.flags].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  if (!flags.length) return html`<h2 id="flags">Flags</h2><p>No flags: nothing missing, placeholder or inconsistent was found.</p>`;
  const paged = plan.pages !== null;
  return html`<h2 id="flags">Flags (${flags.length})</h2>
<p>Each flag gives the section and ${paged ? 'page' : 'text'} to go to. ${paged ? '' : html`This ${plan.format ?? ''} file has no pages: search the document for the quoted text.`}</p>
<div class="table-wrap"><table id="flag-table">
<caption>Flags, errors first</caption>
<thead><tr><th scope="col">Severity</th><th scope="col">Code</th><th scope="col">Section</th><th scope="col" class="num">Page</th><th scope="col">What is wrong</th><th scope="col">Quoted from the plan</th></tr></thead>
<tbody>${flags.map((f) => html`<tr>
<td class="sev sev-${f.severity}">${SEVERITY_WORD[f.severity]}</td><td class="nowrap"><code class="code">${f.code}</code></td><td>${sectionName(plan, f.section)}</td>${pageCell(f.page)}
<td class="wide">${f.message}</td><td class="wide">${quote(f.text)}</td></tr>`)}</tbody>
</table></div>`;
}

/** What extraction and the fields noticed: not faults of the plan, but what a reader checking the record should know. */
function notesSection(plan: PlanView, pageCell: (p: number | null) => SafeHtml): SafeHtml {
  const notes = plan.notes ?? [];
  if (!notes.length) return html`<h2 id="notes">Notes</h2><p>No notes: extraction and the fields noticed nothing to report.</p>`;
  return html`<h2 id="notes">Notes (${notes.length})</h2>
<p>What extraction and the field readers noticed while reading the file (not faults of the plan): check these where a figure or row looks wrong or is missing.</p>
<div class="table-wrap"><table id="note-table">
<caption>Notes, in document order</caption>
<thead><tr><th scope="col">Level</th><th scope="col">Stage</th><th scope="col" class="num">Page</th><th scope="col">What was noticed</th><th scope="col">Quoted from the plan</th></tr></thead>
<tbody>${notes.map((n) => html`<tr>
<td class="sev sev-${n.level}">${SEVERITY_WORD[n.level]}</td><td class="nowrap"><code class="code">${n.stage}</code></td>${pageCell(n.page)}
<td class="wide">${n.message}</td><td class="wide">${n.text ? html`<blockquote class="src">${n.text}</blockquote>` : html`<span class="muted">–</span>`}</td></tr>`)}</tbody>
</table></div>`;
}

function sectionsSection(plan: PlanView, pageCell: (p: number | null) => SafeHtml): SafeHtml {
  if (!plan.sections.length) return html`<h2 id="sections">Section checklist</h2><p>No sections were recorded${plan.status === 'failed' ? ' (the file could not be read)' : ''}.</p>`;
  const flagsFor = (id: string) => plan.flags.filter((f) => f.section === id);
  const n = (s: string) => plan.sections.filter((x) => x.status === s).length;
  return html`<h2 id="sections">Section checklist</h2>
<p>${count(n('present'), 'section')} present, ${n('missing')} missing, ${n('placeholder')} placeholder, against template <code>${plan.template}</code>.</p>
<div class="table-wrap"><table>
<caption>Sections of the template, in template order</caption>
<thead><tr><th scope="col">Section</th><th scope="col">Heading as found</th><th scope="col">Status</th><th scope="col" class="num">Page</th><th scope="col">Flags</th></tr></thead>
<tbody>${plan.sections.map((s) => {
    const fl = flagsFor(s.id);
    return html`<tr id="sec-${s.id}"><th scope="row">${sectionId(s.id)}</th><td>${s.heading ?? html`<span class="muted">not found</span>`}</td>
<td class="status-${s.status} nowrap">${STATUS_WORD[s.status]}</td>${pageCell(s.page)}
<td>${fl.length ? fl.map((f) => html`<span class="sev sev-${f.severity}">${f.code}</span> `) : ''}</td></tr>`;
  })}</tbody>
</table></div>`;
}

function budgetSection(plan: PlanView, pageCell: (p: number | null) => SafeHtml): SafeHtml {
  const headline = plan.budgets.filter((b) => b.kind !== 'scheme_spend');
  const spend = plan.budgets.filter((b) => b.kind === 'scheme_spend');
  if (!plan.budgets.length) return html`<h2 id="budget">Budget</h2><p>No budget figures were found.</p>`;
  const row = (b: Budget) => html`<tr><th scope="row">${b.kind === 'scheme_spend' ? b.scheme ?? '(scheme not named)' : BUDGET_KIND_LABEL[b.kind]}</th>
<td>${b.year ?? html`<span class="muted">not stated</span>`}</td><td class="num">${formatGbp(b.amountGbp)}</td>
${b.kind === 'scheme_spend' ? html`<td>${b.source ?? ''}</td>` : ''}<td>${b.label ?? ''}</td><td><q class="src">${b.text}</q></td>${pageCell(b.page)}</tr>`;
  const spendTotals = new Map<string, number>();
  for (const b of spend) spendTotals.set(b.year ?? 'year not stated', (spendTotals.get(b.year ?? 'year not stated') ?? 0) + b.amountGbp);
  return html`<h2 id="budget">Budget</h2>
${headline.length ? html`<div class="table-wrap"><table>
<caption>Funding and pooled budget (${planYears(plan)})</caption>
<thead><tr><th scope="col">Figure</th><th scope="col">Year</th><th scope="col" class="num">Amount</th><th scope="col">Label in the plan</th><th scope="col">As written</th><th scope="col" class="num">Page</th></tr></thead>
<tbody>${headline.map(row)}</tbody></table></div>` : ''}
${spend.length ? html`<div class="table-wrap"><table>
<caption>Planned spend by scheme (${count(spend.length, 'row')}; total ${[...spendTotals].map(([y, t]) => `${formatGbp(t)} in ${y}`).join(', ')})</caption>
<thead><tr><th scope="col">Scheme</th><th scope="col">Year</th><th scope="col" class="num">Amount</th><th scope="col">Funding source</th><th scope="col">Label in the plan</th><th scope="col">As written</th><th scope="col" class="num">Page</th></tr></thead>
<tbody>${spend.map(row)}</tbody></table></div>` : ''}`;
}

function schemesSection(plan: PlanView, pageCell: (p: number | null) => SafeHtml): SafeHtml {
  if (!plan.schemes.length) return html`<h2 id="schemes">Schemes</h2><p>No schemes were found.</p>`;
  return html`<h2 id="schemes">Schemes (${plan.schemes.length})</h2>
<div class="table-wrap"><table>
<caption>Schemes listed in the plan</caption>
<thead><tr><th scope="col">Ref</th><th scope="col">Scheme</th><th scope="col">Theme</th><th scope="col" class="num">Page</th></tr></thead>
<tbody>${plan.schemes.map((s) => html`<tr><td>${s.ref ?? ''}</td><th scope="row">${s.name}</th><td>${s.theme ?? ''}</td>${pageCell(s.page)}</tr>`)}</tbody>
</table></div>`;
}

function riskScoreCell(r: Risk): SafeHtml {
  const computed = r.likelihood && r.impact ? r.likelihood * r.impact : null;
  const mismatch = computed !== null && r.score !== null && computed !== r.score;
  return html`<td class="num">${computed ?? ''}${computed ? html`<br><span class="muted">${scoreBand(computed).name.split(' ')[0]}</span>` : ''}</td>
<td class="num">${r.score ?? ''}${mismatch ? html`<br><strong class="sev sev-warning">≠ L×I</strong>` : ''}</td>`;
}

function risksSection(plan: PlanView, pageCell: (p: number | null) => SafeHtml): SafeHtml {
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
<thead><tr><th scope="col" class="num">#</th><th scope="col">Risk</th><th scope="col" class="num">L</th><th scope="col" class="num">I</th><th scope="col" class="num">L×I</th><th scope="col" class="num">Score written</th><th scope="col">Rating</th><th scope="col">Mitigation</th><th scope="col">Owner</th><th scope="col" class="num">Page</th></tr></thead>
<tbody>${plan.risks.map((r, i) => html`<tr><td class="num">${i + 1}</td><td class="wide">${r.description}</td><td class="num">${r.likelihood ?? ''}</td><td class="num">${r.impact ?? ''}</td>
${riskScoreCell(r)}<td>${r.rating ?? ''}</td><td class="wide">${r.mitigation ?? ''}</td><td>${r.owner ?? ''}</td>${pageCell(r.page)}</tr>`)}</tbody>
</table></div>`;
}

function metricValue(m: Metric | undefined): HtmlPart {
  if (!m) return '';
  const ratio = m.numerator !== null && m.denominator !== null ? html`<br><span class="muted">${formatNumber(m.numerator)} / ${formatNumber(m.denominator)}</span>` : '';
  return html`${formatNumber(m.value)}${ratio}`;
}

function metricsSection(plan: PlanView, link: PageLink): SafeHtml {
  if (!plan.metrics.length) return html`<h2 id="metrics">Metrics</h2><p>No metrics were found.</p>`;
  const groups = new Map<string, Metric[]>();
  for (const m of plan.metrics) {
    const key = `${m.metric}\u0000${m.label}\u0000${m.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const tables = [...groups.values()].map((ms) => {
    const periods = [...new Set(ms.map((m) => m.period ?? 'period not stated'))];
    const at = (period: string, kinds: Metric['kind'][]) => ms.find((m) => (m.period ?? 'period not stated') === period && kinds.includes(m.kind));
    const first = ms[0];
    const pages = [...new Set(ms.map((m) => m.page).filter((p) => p !== null))];
    // A planned change is not a level: its own column, never in the Plan column beside the levels.
    const changes = ms.some((m) => m.kind === 'plan_change');
    return html`<h3>${METRIC_LABEL[first.metric]}</h3>
<p>As labelled in the plan: “${first.label}”${pages.length ? html` (page ${pages.map((p, i) => html`${i ? ', ' : ''}${link(p)}`)})` : ''}.</p>
<div class="table-wrap"><table class="metric-table">
<caption>${METRIC_LABEL[first.metric]} by period (${UNIT_LABEL[first.unit]})</caption>
<thead><tr><th scope="col">Period</th><th scope="col" class="num">Baseline / actual</th><th scope="col" class="num">Estimate</th><th scope="col" class="num">Plan</th>${changes ? html`<th scope="col" class="num">Planned change</th>` : ''}</tr></thead>
<tbody>${periods.map((p) => {
      const base = at(p, ['baseline', 'actual']);
      return html`<tr><th scope="row">${p}</th><td class="num">${base ? html`${metricValue(base)}${base.kind === 'baseline' ? html` <span class="muted">(baseline)</span>` : ''}` : ''}</td>
<td class="num">${metricValue(at(p, ['estimate']))}</td><td class="num">${metricValue(at(p, ['plan']))}</td>${changes ? html`<td class="num">${metricValue(at(p, ['plan_change']))}</td>` : ''}</tr>`;
    })}</tbody></table></div>`;
  });
  return html`<h2 id="metrics">Metrics</h2><p>Values as stated, side by side per period; numerator / denominator below a value where the plan gives them.</p>${tables}`;
}

export function renderPlan(ctx: PageContext, plan: PlanView): SafeHtml {
  const status = ragStatus(plan);
  const href = sourceHref(ctx, plan);
  const link = pageLinker(ctx, plan);
  const pageCell = pageCellWith(link);
  const errors = plan.flags.filter((f) => f.severity === 'error').length;
  const warnings = plan.flags.filter((f) => f.severity === 'warning').length;
  const body = html`<p class="no-print"><a href="../index.html">← All plans</a></p>
<h1>${plan.areaName}</h1>
<p class="lede">${ragBadge(status.rag)} <span class="muted">${RAG_WORD[status.rag]} because:</span> ${status.reasons.join('; ')}.
${plan.status === 'removed' ? html` <span class="rag rag-removed">Removed</span> This file is no longer in the input (since ${plan.removedAt ?? 'an earlier run'}).` : ''}</p>
<p><strong>${count(errors, 'error')}, ${count(warnings, 'warning')}</strong>; template <code>${plan.template}</code>; ${planYears(plan) || 'year not known'}.</p>
${href ? html`<p>Source: <a id="source-link" href="${href}">${plan.path}</a>${plan.format === 'pdf' ? ' (page numbers below open that page of it)' : ''}</p>` : ''}
${plan.status === 'failed' ? html`<div class="note"><p><strong>This file could not be read: ${failureWords(plan.failureReason)}.</strong> Nothing was extracted from it; open the original file to check it.</p></div>` : ''}
<nav class="toc" aria-label="On this page"><ul>
<li><a href="#flags">Flags (${plan.flags.length})</a></li><li><a href="#notes">Notes (${(plan.notes ?? []).length})</a></li><li><a href="#sections">Section checklist</a></li><li><a href="#budget">Budget</a></li>
<li><a href="#schemes">Schemes (${plan.schemes.length})</a></li><li><a href="#risks">Risk register (${plan.risks.length})</a></li><li><a href="#metrics">Metrics</a></li><li><a href="#document">Document details</a></li>
</ul></nav>
${flagsSection(plan, pageCell)}
${notesSection(plan, pageCell)}
${sectionsSection(plan, pageCell)}
${budgetSection(plan, pageCell)}
${schemesSection(plan, pageCell)}
${risksSection(plan, pageCell)}
${metricsSection(plan, link)}
<h2 id="document">Document details</h2>
<dl class="facts">
<dt>File</dt><dd>${href ? html`<a href="${href}">${plan.path}</a>` : plan.path}</dd>
<dt>Format</dt><dd>${plan.format ?? 'unknown'}${plan.pages !== null ? `, ${plan.pages} pages` : ''}</dd>
<dt>Health and Wellbeing Board</dt><dd>${plan.hwb ?? html`<span class="muted">not named</span>`}</dd>
<dt>Councils</dt><dd>${plan.localAuthorities.join('; ') || html`<span class="muted">none named</span>`}</dd>
<dt>CCGs / ICBs</dt><dd>${plan.ccgs.join('; ') || html`<span class="muted">none named</span>`}</dd>
<dt>Status</dt><dd>${plan.status}${plan.failureReason ? html`: ${failureWords(plan.failureReason)} <span class="muted">(<code>${plan.failureReason}</code>)</span>` : ''}</dd>
${plan.duplicateOf ? html`<dt>Duplicate of</dt><dd>${plan.duplicateOf}</dd>` : ''}
<dt>Extracted</dt><dd>${plan.processedAt} by extractor ${plan.extractorVersion}</dd>
<dt>Database id</dt><dd>${plan.id}</dd>
</dl>`;
  return page({ ...ctx, root: '../' }, plan.areaName, body, 'plan');
}
