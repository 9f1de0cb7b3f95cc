// Inline SVG charts (no scripts, no external resources). Each has a <title>/<desc> and the pages give a text
// table of the same numbers beside it, so nothing is conveyed by colour or shape alone.
import type { Risk } from '../record/schema.js';
import { html, type SafeHtml } from './html.js';

export interface HeatGrid {
  /** counts[likelihood-1][impact-1] */
  counts: number[][];
  scored: number;
  unscored: number;
}

/** Count risks per likelihood × impact cell; risks without both (rating only) are counted apart. */
export function riskGrid(risks: Risk[]): HeatGrid {
  const counts = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  let scored = 0;
  for (const r of risks) {
    if (r.likelihood && r.impact && r.likelihood <= 5 && r.impact <= 5) {
      counts[r.likelihood - 1][r.impact - 1]++;
      scored++;
    }
  }
  return { counts, scored, unscored: risks.length - scored };
}

/** Band of a likelihood × impact score, as on the usual NHS 5×5 matrix. */
export function scoreBand(score: number): { name: string; fill: string } {
  if (score >= 15) return { name: 'extreme (15–25)', fill: '#f4b6b6' };
  if (score >= 8) return { name: 'high (8–12)', fill: '#ffd7a8' };
  if (score >= 4) return { name: 'moderate (4–6)', fill: '#fff0a8' };
  return { name: 'low (1–3)', fill: '#cfe8d6' };
}

export function heatMapSvg(grid: HeatGrid, idBase: string): SafeHtml {
  const cell = 56;
  const left = 92;
  const top = 12;
  const size = cell * 5;
  const rects = [];
  for (let l = 5; l >= 1; l--) {
    for (let i = 1; i <= 5; i++) {
      const x = left + (i - 1) * cell;
      const y = top + (5 - l) * cell;
      const n = grid.counts[l - 1][i - 1];
      const band = scoreBand(l * i);
      rects.push(html`<g><title>Likelihood ${l}, impact ${i} (score ${l * i}, ${band.name}): ${n} ${n === 1 ? 'risk' : 'risks'}</title>
<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${band.fill}" stroke="#0b0c0c" stroke-width="1"/>
<text x="${x + cell / 2}" y="${y + cell / 2 + 7}" text-anchor="middle" font-size="${n ? 20 : 12}" font-weight="${n ? 700 : 400}" fill="${n ? '#0b0c0c' : '#505a5f'}">${n ? String(n) : '·'}</text></g>`);
    }
  }
  const axes = [];
  for (let k = 1; k <= 5; k++) {
    axes.push(html`<text x="${left - 8}" y="${top + (5 - k) * cell + cell / 2 + 5}" text-anchor="end" font-size="13">${k}</text>`);
    axes.push(html`<text x="${left + (k - 1) * cell + cell / 2}" y="${top + size + 18}" text-anchor="middle" font-size="13">${k}</text>`);
  }
  const width = left + size + 10;
  const height = top + size + 44;
  return html`<svg class="heatmap" role="img" aria-labelledby="${idBase}-t ${idBase}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="${idBase}-t">Risk heat map: likelihood by impact</title>
<desc id="${idBase}-d">${grid.scored} scored risks placed by likelihood (rows, 5 at the top) and impact (columns, 5 at the right); the number in a cell is how many risks sit there. The same counts are in the table below.</desc>
${rects}${axes}
<text x="${left + size / 2}" y="${top + size + 38}" text-anchor="middle" font-size="13" font-weight="700">Impact →</text>
<text x="18" y="${top + size / 2}" text-anchor="middle" font-size="13" font-weight="700" transform="rotate(-90 18 ${top + size / 2})">Likelihood →</text>
</svg>`;
}

export interface Bar {
  label: string;
  value: number;
  note?: string;
  /** A second, smaller line under the label (e.g. which of a plan's two measures of one metric). */
  detail?: string;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Shorten in the middle, so both the area and a distinguishing file name at the end stay visible. */
export function shortenMiddle(text: string, max: number): string {
  const short = text.replace(/\s+Health and Well-?being Board\b/i, ' HWB');
  if (short.length <= max) return short;
  const tail = Math.floor((max - 1) / 2);
  return `${short.slice(0, max - 1 - tail).trimEnd()}…${short.slice(short.length - tail).trimStart()}`;
}

/** Horizontal bar chart from zero; labels left, values at the bar's end. */
export function barChartSvg(bars: Bar[], opts: { title: string; unit: string; idBase: string; format: (v: number) => string }): SafeHtml {
  const rowH = bars.some((b) => b.detail) ? 38 : 24;
  const labelW = 316;
  const noteW = 100;
  const plotW = 300;
  const valueW = 80;
  const top = 6;
  const max = Math.max(...bars.map((b) => Math.abs(b.value)), 0) || 1;
  const rows = bars.map((b, i) => {
    const y = top + i * rowH;
    const w = Math.max(1, (Math.abs(b.value) / max) * plotW);
    const label = b.note ? `${b.label} (${b.note})` : b.label;
    const x0 = labelW + noteW;
    return html`<g><title>${label}: ${opts.format(b.value)} ${opts.unit}</title>
<text x="4" y="${y + 16}" font-size="12">${shortenMiddle(b.label, 44)}</text>
${b.detail ? html`<text x="4" y="${y + 31}" font-size="11" fill="#505a5f">${shorten(b.detail, 48)}</text>` : ''}
<text x="${labelW}" y="${y + 16}" font-size="12" fill="#505a5f">${b.note ? shorten(b.note, 14) : ''}</text>
<rect x="${x0}" y="${y + 4}" width="${w.toFixed(1)}" height="16" fill="#1d70b8"/>
<text x="${x0 + w + 6}" y="${y + 16}" font-size="12">${opts.format(b.value)}</text></g>`;
  });
  const width = labelW + noteW + plotW + valueW;
  const height = top + bars.length * rowH + 8;
  return html`<svg class="bars" role="img" aria-labelledby="${opts.idBase}-t" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="${opts.idBase}-t">${opts.title} (${opts.unit})</title>
<line x1="${labelW + noteW}" y1="${top}" x2="${labelW + noteW}" y2="${height - 4}" stroke="#0b0c0c"/>
${rows}</svg>`;
}
