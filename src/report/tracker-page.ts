// tracker.html: the returns tracker. For each round found, every HWB area that existed then (from the
// gazetteer's dates) with its current plan's status, or "no submission found"; counts at the top.
import { loadGazetteer, hwbAreasAt, type Gazetteer } from '../reference/gazetteer.js';
import { roundWindow } from '../reference/match.js';
import type { Database } from '../store/db.js';
import { pageOf, RAG_WORD, ragStatus, type Rag } from './assess.js';
import { html, type SafeHtml } from './html.js';
import { page, sortHeader, type PageContext } from './layout.js';
import type { PlanView, ReportData } from './load.js';

/** One row of the plans table, as the tracker needs it. */
export interface TrackedPlan {
  hwbAreaCode: string | null;
  areaName: string;
  round: string | null;
  currentDocumentId: number;
  documentCount: number;
}

/** The plans table; empty for a database made before plans existed. */
export async function loadTrackedPlans(db: Database): Promise<TrackedPlan[]> {
  const rows = await db
    .all<{ hwb_area_code: string | null; area_name: string; round: string | null; current_document_id: number; document_count: number }>(
      'SELECT hwb_area_code, area_name, round, current_document_id, document_count FROM plans ORDER BY round, area_name',
    )
    .catch(() => []);
  return rows.map((r) => ({
    hwbAreaCode: r.hwb_area_code, areaName: r.area_name, round: r.round,
    currentDocumentId: Number(r.current_document_id), documentCount: Number(r.document_count),
  }));
}

const RAG_SORT: Record<Rag, number> = { red: 0, amber: 1, green: 2 };

interface RoundRows {
  round: string;
  areas: { code: string; name: string; plan: TrackedPlan | null; view: PlanView | null }[];
  /** Plans of the round whose area is not one of the round's HWB areas (no code, or a code of another date). */
  unplaced: { plan: TrackedPlan; view: PlanView | null }[];
}

export function trackerRows(plans: TrackedPlan[], views: PlanView[], g: Gazetteer = loadGazetteer()): RoundRows[] {
  const byId = new Map(views.map((v) => [v.id, v]));
  const rounds = [...new Set(plans.map((p) => p.round).filter((r): r is string => r !== null && roundWindow(r) !== null))].sort();
  return rounds.map((round) => {
    const inRound = plans.filter((p) => p.round === round);
    const areas = hwbAreasAt(g, roundWindow(round)!.start).map((o) => {
      const plan = inRound.find((p) => p.hwbAreaCode === o.onsCode) ?? null;
      return { code: o.onsCode!, name: o.name, plan, view: plan ? (byId.get(plan.currentDocumentId) ?? null) : null };
    });
    const placed = new Set(areas.map((a) => a.code));
    const unplaced = inRound.filter((p) => !p.hwbAreaCode || !placed.has(p.hwbAreaCode)).map((plan) => ({ plan, view: byId.get(plan.currentDocumentId) ?? null }));
    return { round, areas, unplaced };
  });
}

function statusCells(view: PlanView | null, plan: TrackedPlan | null): SafeHtml {
  if (!plan || !view) {
    return html`<td data-sort="9" class="status-cell"><span class="rag rag-none">No submission found</span></td><td class="num" data-sort="-1"></td><td class="num" data-sort="-1"></td><td data-sort=""></td>`;
  }
  const s = ragStatus(view);
  const n = (sev: string) => view.flags.filter((f) => f.severity === sev).length;
  return html`<td data-sort="${RAG_SORT[s.rag]}" class="status-cell"><span class="rag rag-${s.rag}">${RAG_WORD[s.rag]}</span><br><span class="reasons">${s.reasons.join('; ')}</span></td>
<td class="num" data-sort="${n('error')}">${n('error')}</td><td class="num" data-sort="${n('warning')}">${n('warning')}</td>
<td data-sort="${view.path}"><a href="${pageOf(view)}">${view.path}</a>${plan.documentCount > 1 ? html`<br><span class="muted">and ${plan.documentCount - 1} more ${plan.documentCount === 2 ? 'file' : 'files'}</span>` : ''}</td>`;
}

function counts(r: RoundRows): { submitted: number; red: number } {
  const submitted = r.areas.filter((a) => a.plan);
  return { submitted: submitted.length, red: submitted.filter((a) => a.view && ragStatus(a.view).rag === 'red').length };
}

function roundSection(r: RoundRows): SafeHtml {
  const { submitted, red } = counts(r);
  const id = `round-${r.round}`;
  return html`<section aria-labelledby="${id}-h">
<h2 id="${id}-h">Round ${r.round}</h2>
<p class="tracker-counts" id="${id}-counts"><strong>${submitted} of ${r.areas.length} areas submitted; ${red} red</strong>${r.unplaced.length ? html`; ${r.unplaced.length} ${r.unplaced.length === 1 ? 'plan' : 'plans'} not matched to an area (below)` : ''}.</p>
<div class="table-wrap">
<table class="sortable tracker" id="${id}">
<caption>Health and Wellbeing Board areas in ${r.round} (${r.areas.length}). Select a column heading to sort.</caption>
<thead><tr>${sortHeader('Area')}${sortHeader('ONS code')}${sortHeader('Status')}${sortHeader('Errors', 'num')}${sortHeader('Warnings', 'num')}${sortHeader('Current file')}</tr></thead>
<tbody>
${r.areas.map((a) => html`<tr${a.plan ? '' : html` class="missing"`}><th scope="row" data-sort="${a.name}">${a.name}</th><td>${a.code}</td>${statusCells(a.view, a.plan)}</tr>`)}
</tbody>
</table>
</div>
${r.unplaced.length ? html`<h3>Plans of ${r.round} not matched to an area</h3>
<ul>${r.unplaced.map((u) => html`<li>${u.view ? html`<a href="${pageOf(u.view)}">${u.plan.areaName}</a>` : u.plan.areaName}</li>`)}</ul>` : ''}
</section>`;
}

export function renderTracker(ctx: PageContext, data: ReportData, plans: TrackedPlan[]): SafeHtml {
  // Plans are keyed by their current file's id, as the plans table's current_document_id.
  const rounds = trackerRows(plans, data.groups);
  const body = html`<h1>Returns tracker</h1>
<p class="lede">For each planning round found in the database, every Health and Wellbeing Board area that existed then
(upper-tier councils from the gazetteer; City of London plans with Hackney, the Isles of Scilly with Cornwall) and its
current plan's status, or "no submission found".</p>
${rounds.length ? html`<ul class="summary-counts" id="tracker-summary" aria-label="Submissions per round">${rounds.map((r) => {
    const c = counts(r);
    return html`<li><a href="#round-${r.round}-h">${r.round}</a>: ${c.submitted} of ${r.areas.length} areas submitted; ${c.red} red</li>`;
  })}</ul>` : ''}
${rounds.length ? rounds.map(roundSection) : html`<p>No plan in the database has a planning round yet.</p>`}`;
  return page(ctx, 'Returns tracker', body, 'tracker');
}
