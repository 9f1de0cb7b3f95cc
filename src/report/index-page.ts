// index.html: every plan on one sortable table with its RAG status; removed documents listed apart.
import { failureWords, filesOf, formatGbp, headlinePooledBudget, pageOf, planYears, RAG_RULE, RAG_WORD, ragStatus, type Rag } from './assess.js';
import { html, type SafeHtml } from './html.js';
import { page, sortHeader, type PageContext } from './layout.js';
import type { PlanGroupView, PlanView, ReportData } from './load.js';

const RAG_SORT: Record<Rag, number> = { red: 0, amber: 1, green: 2 };

export function ragBadge(rag: Rag): SafeHtml {
  return html`<span class="rag rag-${rag}">${RAG_WORD[rag]}</span>`;
}

function countCell(n: number, emphasise = false): SafeHtml {
  return html`<td class="num${n === 0 ? ' zero' : ''}" data-sort="${n}">${n && emphasise ? html`<strong>${n}</strong>` : n}</td>`;
}

/** The files of a plan, named under its area (one plan, several files: formats, versions, Part 1 and Part 2). */
function fileNames(plan: PlanView): SafeHtml {
  const files = filesOf(plan);
  if (files.length === 1) return plan.path !== plan.areaName ? html`<br><span class="muted path">${plan.path}</span>` : html``;
  return html`<ul class="files" aria-label="Files of this plan">${files.map((f) => html`<li class="muted path">${f.path}</li>`)}</ul>`;
}

function planRow(plan: PlanView): SafeHtml {
  const status = ragStatus(plan);
  const budget = headlinePooledBudget(plan);
  const count = (s: string) => plan.sections.filter((x) => x.status === s).length;
  const flags = (s: string) => plan.flags.filter((f) => f.severity === s).length;
  return html`<tr>
<td data-sort="${RAG_SORT[status.rag]}" class="status-cell">${ragBadge(status.rag)}<br><span class="reasons">${status.reasons.join('; ')}</span></td>
<th scope="row" data-sort="${plan.areaName}"><a href="${pageOf(plan)}">${plan.areaName}</a>${fileNames(plan)}${plan.status === 'failed' ? html`<br><strong>could not be read: ${failureWords(plan.failureReason)}</strong>` : ''}</th>
<td>${plan.template}</td>
<td>${planYears(plan)}</td>
<td class="num" data-sort="${budget ? budget.amountGbp : ''}">${budget ? html`${formatGbp(budget.amountGbp)}<br><span class="muted">${budget.year ?? 'year not stated'}</span>` : html`<span class="muted">not stated</span>`}</td>
${countCell(count('present'))}${countCell(count('missing'), true)}${countCell(count('placeholder'), true)}
${countCell(flags('error'), true)}${countCell(flags('warning'), true)}${countCell(flags('info'))}
</tr>`;
}

export function renderIndex(ctx: PageContext, data: ReportData): SafeHtml {
  const current: PlanGroupView[] = data.groups.filter((p) => p.status !== 'removed');
  const removed: PlanGroupView[] = data.groups.filter((p) => p.status === 'removed');
  const byRag = { red: 0, amber: 0, green: 0 };
  for (const p of current) byRag[ragStatus(p).rag]++;
  const failed = current.filter((p) => p.status === 'failed').length;
  const run = data.lastRun;

  const body = html`<h1>Better Care Fund plans: assurance overview</h1>
<p class="lede">${current.length} ${current.length === 1 ? 'plan' : 'plans'} in the database${failed ? html`, of which ${failed} could not be read` : ''}. Choose an area to see its section checklist, budget, risk register, metrics and every flag with its page and quoted text.</p>
<ul class="summary-counts" aria-label="Plans by status">
<li>${ragBadge('red')} ${byRag.red}</li><li>${ragBadge('amber')} ${byRag.amber}</li><li>${ragBadge('green')} ${byRag.green}</li>${removed.length ? html`<li><span class="rag rag-removed">Removed</span> ${removed.length}</li>` : ''}
</ul>
<div class="note" id="rag-rule">
<p><strong>How the status is set</strong></p>
<p>${RAG_RULE.red}</p><p>${RAG_RULE.amber}</p><p>${RAG_RULE.green}</p>
</div>
${run ? html`<p class="muted" id="last-run">Last run: started ${run.startedAt}${run.finishedAt ? html`, finished ${run.finishedAt}` : ' (not finished)'}; ${run.processed} processed (${run.failed} of them failed), ${run.removed} removed. ${failed === 0 ? 'No file is failing now.' : html`<strong>${failed} ${failed === 1 ? 'file cannot' : 'files cannot'} be read now</strong> (failed in this run or earlier and unchanged since).`}</p>` : ''}
<div class="table-wrap">
<table class="sortable" id="plans">
<caption>All plans (${current.length}). Select a column heading to sort.</caption>
<colgroup span="5"></colgroup><colgroup span="3"></colgroup><colgroup span="3"></colgroup>
<thead><tr><td class="blank" colspan="5"></td><th scope="colgroup" colspan="3">Sections</th><th scope="colgroup" colspan="3">Flags</th></tr>
<tr>
${sortHeader('Status and why')}${sortHeader('Area')}${sortHeader('Template')}${sortHeader('Year')}${sortHeader('Pooled budget', 'num')}
${sortHeader('Present', 'num')}${sortHeader('Missing', 'num')}${sortHeader('Placeholder', 'num')}
${sortHeader('Errors', 'num')}${sortHeader('Warnings', 'num')}${sortHeader('Info', 'num')}
</tr></thead>
<tbody>
${current.map(planRow)}
</tbody>
</table>
</div>
<p class="muted">Pooled budget is the plan's stated total pooled budget for the latest year it gives.</p>
${removed.length ? html`<h2 id="removed">Removed from the input</h2>
<p>These files were in an earlier run but are no longer in the input folder. Their records are kept and not counted above.</p>
<div class="table-wrap"><table class="sortable" id="removed-plans">
<caption>Removed documents (${removed.length})</caption>
<thead><tr>${sortHeader('Area')}${sortHeader('File')}${sortHeader('Template')}${sortHeader('Removed at')}</tr></thead>
<tbody>${removed.map((p) => html`<tr><th scope="row"><a href="${pageOf(p)}">${p.areaName}</a> <span class="rag rag-removed">Removed</span></th><td>${p.path}</td><td>${p.template}</td><td>${p.removedAt ?? ''}</td></tr>`)}</tbody>
</table></div>` : ''}`;
  return page(ctx, 'All plans', body, 'index');
}
