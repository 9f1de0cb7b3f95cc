// The report's own CSS and its one script (table sorting), inlined into every page: no network, no CDN.
import { createHash } from 'node:crypto';

export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #0b0c0c; background: #fff; }
header.site { background: #0b0c0c; color: #fff; padding: 10px 24px; display: flex; gap: 24px; align-items: baseline; flex-wrap: wrap; }
header.site a { color: #fff; }
header.site .brand { font-weight: 700; }
main { padding: 8px 24px 40px; max-width: 1600px; }
h1 { font-size: 1.9rem; margin: 16px 0 8px; }
h2 { font-size: 1.4rem; margin: 32px 0 8px; border-bottom: 2px solid #b1b4b6; padding-bottom: 4px; }
h3 { font-size: 1.15rem; margin: 20px 0 6px; }
a { color: #1d56a0; }
a:focus, button:focus { outline: 3px solid #fd0; outline-offset: 0; background: #fd0; color: #0b0c0c; }
.muted { color: #505a5f; }
.lede { font-size: 1.1rem; max-width: 60em; }
.note { border-left: 5px solid #1d70b8; background: #f3f2f1; padding: 8px 14px; margin: 12px 0; max-width: 70em; }
.note p { margin: 4px 0; }
.summary-counts { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; padding: 0; list-style: none; }
.summary-counts li { border: 1px solid #b1b4b6; padding: 6px 12px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.95rem; }
caption { text-align: left; font-weight: 700; padding: 4px 0; caption-side: top; }
th, td { border: 1px solid #b1b4b6; padding: 4px 6px; text-align: left; vertical-align: top; }
thead th { background: #f3f2f1; }
tbody th { font-weight: 600; }
tbody tr:nth-child(even) { background: #fafafa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.zero { color: #505a5f; }
th button { all: unset; cursor: pointer; font-weight: 700; }
th button::after { content: " ↕"; color: #505a5f; font-weight: 400; }
th[aria-sort="ascending"] button::after { content: " ▲"; color: #0b0c0c; }
th[aria-sort="descending"] button::after { content: " ▼"; color: #0b0c0c; }
.rag { display: inline-block; min-width: 5.2em; padding: 1px 8px; font-weight: 700; border: 2px solid #0b0c0c; white-space: nowrap; }
.rag-red { background: #d4351c; color: #fff; }
.rag-amber { background: #f9d949; color: #0b0c0c; }
.rag-green { background: #00703c; color: #fff; }
.rag-removed { background: #fff; color: #0b0c0c; border-style: dashed; }
.rag-none { background: #fff; color: #505a5f; border-color: #505a5f; font-weight: 400; }
.tracker-counts { font-size: 1.15em; }
.sev { font-weight: 700; white-space: nowrap; }
.sev-error { color: #b1260f; }
.sev-warning { color: #6b4b00; }
.sev-info { color: #1d56a0; }
.status-missing { color: #b1260f; font-weight: 700; }
.status-placeholder { color: #6b4b00; font-weight: 700; }
.status-present { color: #005a30; }
blockquote.src, q.src { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.88rem; background: #f3f2f1; white-space: pre-wrap; overflow-wrap: anywhere; }
blockquote.src { margin: 0; padding: 4px 6px; border-left: 3px solid #505a5f; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
nav.toc ul { display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 0; list-style: none; }
.figure-row { display: flex; gap: 32px; flex-wrap: wrap; align-items: flex-start; }
svg text { font-family: system-ui, Arial, sans-serif; fill: #0b0c0c; }
td.wide { min-width: 14em; max-width: 40em; }
td.status-cell { min-width: 10em; max-width: 16em; }
thead th.num { font-size: 0.85rem; }
.path { font-size: 0.85rem; overflow-wrap: anywhere; }
.reasons { font-size: 0.85rem; }
#plans tbody th { min-width: 11em; }
table.metric-table { min-width: 30em; }
.nowrap { white-space: nowrap; }
code { overflow-wrap: anywhere; }
code.code { overflow-wrap: normal; }
thead th[scope="colgroup"] { text-align: center; border-bottom: 2px solid #505a5f; }
thead td.blank { border: none; background: #fff; }
footer { border-top: 1px solid #b1b4b6; margin-top: 40px; padding: 10px 24px; color: #505a5f; font-size: 0.9rem; }
@media print {
  header.site, nav.toc, .no-print { display: none; }
  body { font-size: 10.5pt; }
  main { padding: 0; max-width: none; }
  a { color: #0b0c0c; text-decoration: none; }
  h2 { break-after: avoid; }
  tr, svg, blockquote { break-inside: avoid; }
  thead { display: table-header-group; }
  th button::after { content: ""; }
  .table-wrap { overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** Click a column header to sort; numbers sort by data-sort, text by its words. Keyboard: the header is a button. */
export const SORT_SCRIPT = `
document.querySelectorAll('table.sortable').forEach(function (table) {
  // The last header row has one cell per column (an upper row may group columns).
  var headRow = table.tHead.rows[table.tHead.rows.length - 1];
  Array.prototype.forEach.call(headRow.cells, function (th, col) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(headRow.cells, function (o) { if (o.querySelector('button')) o.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (row) {
        var cell = row.cells[col];
        var v = cell.getAttribute('data-sort');
        if (v !== null && v !== '' && !isNaN(Number(v))) return Number(v);
        return (v !== null ? v : cell.textContent).trim().toLowerCase();
      };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var empty = function (v) { return v === ''; };
        if (empty(x) !== empty(y)) return empty(x) ? 1 : -1;
        var c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
`;

/** Content-Security-Policy: nothing may load from anywhere; only our own CSS and this exact script run. */
export function contentSecurityPolicy(): string {
  const scriptHash = createHash('sha256').update(SORT_SCRIPT).digest('base64');
  return `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
}
