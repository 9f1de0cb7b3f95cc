// compare.html: areas side by side: pooled budget (per head once a population source exists), each national
// metric's planned values, and the most common risk themes.
import { METRIC_KEYS, type Metric, type MetricKey } from '../record/schema.js';
import { displayNames, formatGbp, formatNumber, METRIC_LABEL, pageOf, pooledBudgets, UNIT_LABEL } from './assess.js';
import { barChartSvg, type Bar } from './charts.js';
import { html, type SafeHtml } from './html.js';
import { page, sortHeader, type PageContext } from './layout.js';
import type { PlanView, ReportData } from './load.js';
import { riskThemes, type ThemeCount } from './themes.js';

function budgetSection(plans: PlanView[], names: Map<number, string>): SafeHtml {
  const years = [...new Set(plans.flatMap((p) => pooledBudgets(p.budgets).map((b) => b.year ?? 'year not stated')))].sort();
  const withBudget = plans.filter((p) => pooledBudgets(p.budgets).length > 0);
  return html`<h2 id="budget">Pooled budget by area</h2>
<div class="note"><p><strong>Per head is not shown:</strong> plansift has no population source yet, so budgets cannot be divided by population. The table shows each plan's stated total pooled budget; areas differ greatly in size, so compare totals with care.</p></div>
${withBudget.length ? html`<div class="table-wrap"><table class="sortable" id="budget-table">
<caption>Total pooled budget by area and financial year (${withBudget.length} of ${plans.length} plans state one)</caption>
<thead><tr>${sortHeader('Area')}${years.map((y) => sortHeader(y, 'num'))}</tr></thead>
<tbody>${withBudget.map((p) => {
    const byYear = new Map(pooledBudgets(p.budgets).map((b) => [b.year ?? 'year not stated', b.amountGbp]));
    return html`<tr><th scope="row"><a href="${pageOf(p)}">${names.get(p.id)}</a></th>${years.map((y) => {
      const v = byYear.get(y);
      return v === undefined ? html`<td class="num" data-sort=""><span class="muted">–</span></td>` : html`<td class="num" data-sort="${v}">${formatGbp(v)}</td>`;
    })}</tr>`;
  })}</tbody></table></div>` : html`<p>No plan states a total pooled budget.</p>`}`;
}

interface MetricSeries {
  metric: MetricKey;
  unit: Metric['unit'];
  bars: (Bar & { planId: number; page: string; period: string })[];
}

/** Planned values of each national metric, one bar per area and period, grouped by metric and unit. */
export function plannedMetricSeries(plans: PlanView[]): MetricSeries[] {
  const names = displayNames(plans);
  const series: MetricSeries[] = [];
  for (const metric of METRIC_KEYS.filter((k) => k !== 'local')) {
    const byUnit = new Map<Metric['unit'], MetricSeries>();
    for (const p of plans) {
      // Levels only: a plan_change ("310 fewer admissions") is on another scale from the planned level beside it.
      for (const m of p.metrics.filter((x) => x.metric === metric && x.kind === 'plan')) {
        const s = byUnit.get(m.unit) ?? { metric, unit: m.unit, bars: [] };
        s.bars.push({ label: names.get(p.id) ?? p.areaName, note: m.period ?? 'period not stated', detail: m.label, value: m.value, planId: p.id, page: pageOf(p), period: m.period ?? '' });
        byUnit.set(m.unit, s);
      }
    }
    for (const s of byUnit.values()) {
      // Show which measure a bar is only where one plan gives two measures of the metric in the same unit.
      const twoMeasures = s.bars.some((b) => s.bars.some((o) => o.planId === b.planId && o.detail !== b.detail));
      if (!twoMeasures) for (const b of s.bars) delete b.detail;
      s.bars.sort((a, b) => a.period.localeCompare(b.period) || (a.detail ?? '').localeCompare(b.detail ?? '') || a.label.localeCompare(b.label));
      series.push(s);
    }
  }
  return series;
}

function metricsSection(plans: PlanView[]): SafeHtml {
  const series = plannedMetricSeries(plans);
  if (!series.length) return html`<h2 id="metrics">Planned metric values</h2><p>No plan states planned values for a national metric.</p>`;
  return html`<h2 id="metrics">Planned metric values by area</h2>
<p>Each national metric's <em>planned</em> values, one bar per area and period. Periods and definitions changed between template years (for example 2015-16 against 2022-23), so compare bars of the same period.</p>
${series.map((s, i) => {
    const title = `${METRIC_LABEL[s.metric]}`;
    return html`<h3 id="metric-${s.metric}-${s.unit}">${title} (${UNIT_LABEL[s.unit]})</h3>
${barChartSvg(s.bars, { title, unit: UNIT_LABEL[s.unit], idBase: `chart-${i}`, format: formatNumber })}
<details><summary>The same values as a table</summary>
<table><caption>${title}: planned values (${UNIT_LABEL[s.unit]})</caption>
<thead><tr><th scope="col">Area</th><th scope="col">Period</th><th scope="col" class="num">Plan</th>${s.bars.some((b) => b.detail) ? html`<th scope="col">Measure as labelled</th>` : ''}</tr></thead>
<tbody>${s.bars.map((b) => html`<tr><th scope="row"><a href="${b.page}">${b.label}</a></th><td>${b.note}</td><td class="num">${formatNumber(b.value)}</td>${s.bars.some((x) => x.detail) ? html`<td>${b.detail ?? ''}</td>` : ''}</tr>`)}</tbody></table>
</details>`;
  })}`;
}

function themeTable(id: string, caption: string, rows: ThemeCount[], head: string): SafeHtml {
  return html`<table class="sortable" id="${id}"><caption>${caption}</caption>
<thead><tr>${sortHeader(head)}${sortHeader('Risks mentioning it', 'num')}${sortHeader('Areas', 'num')}</tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.term}</th><td class="num" data-sort="${r.risks}">${r.risks}</td><td class="num" data-sort="${r.areas}">${r.areas}</td></tr>`)}</tbody></table>`;
}

function themesSection(plans: PlanView[]): SafeHtml {
  const themes = riskThemes(plans.flatMap((p) => p.risks.map((r) => ({ area: p.areaName, description: r.description }))));
  if (!themes.riskCount) return html`<h2 id="themes">Common risk themes</h2><p>No risk logs were found.</p>`;
  return html`<h2 id="themes">Common risk themes</h2>
<p>The words and two-word phrases that recur most in the ${themes.riskCount} distinct risk descriptions (common English words and words every risk log uses, such as “risk” and “may”, left out; a term must appear in at least two risks). Ordered by how many areas mention them.</p>
<div class="figure-row">
${themes.phrases.length ? themeTable('themes-phrases', 'Most common phrases', themes.phrases, 'Phrase') : html`<p>No phrase recurs.</p>`}
${themes.words.length ? themeTable('themes-words', 'Most common words', themes.words, 'Word') : html`<p>No word recurs.</p>`}
</div>`;
}

export function renderCompare(ctx: PageContext, data: ReportData): SafeHtml {
  const plans = data.groups.filter((p) => p.status === 'ok');
  const body = html`<h1>Compare areas</h1>
<p class="lede">${plans.length} readable, current ${plans.length === 1 ? 'plan' : 'plans'} side by side. Files that could not be read and removed files are left out.</p>
<nav class="toc" aria-label="On this page"><ul><li><a href="#budget">Pooled budget</a></li><li><a href="#metrics">Planned metrics</a></li><li><a href="#themes">Risk themes</a></li></ul></nav>
${budgetSection(plans, displayNames(plans))}
${metricsSection(plans)}
${themesSection(plans)}`;
  return page(ctx, 'Compare areas', body, 'compare');
}
