// The frame every report page shares: lang, CSP, inline CSS, site navigation, footer.
import { html, trusted, type HtmlPart, type SafeHtml } from './html.js';
import { contentSecurityPolicy, REPORT_CSS, SORT_SCRIPT } from './style.js';

export interface PageContext {
  generatedAt: string;
  dbName: string;
  /** '' for pages at the report root, '../' for plans/<id>.html. */
  root: string;
  /** Relative URL from plans/ to the run's input folder ("../../../plans-in/"), so a plan page links to its
   *  source file and PDF pages (`file.pdf#page=N`) from disk; null when the input folder is not known. */
  sourceBase?: string | null;
}

export function page(ctx: PageContext, title: string, body: HtmlPart, current: 'index' | 'compare' | 'plan' | 'tracker'): SafeHtml {
  const link = (href: string, label: string, here: boolean) =>
    here ? html`<a href="${ctx.root}${href}" aria-current="page">${label}</a>` : html`<a href="${ctx.root}${href}">${label}</a>`;
  return html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="referrer" content="no-referrer">
<title>${title} – plansift assurance report</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<header class="site">
<span class="brand">plansift assurance report</span>
<nav aria-label="Report">${link('index.html', 'All plans', current === 'index')} · ${link('compare.html', 'Compare areas', current === 'compare')} · ${link('tracker.html', 'Returns tracker', current === 'tracker')}</nav>
</header>
<main>
${body}
</main>
<footer>Built by plansift from ${ctx.dbName} on ${ctx.generatedAt}. Static pages: they open from disk and load nothing from the network.</footer>
<script>${trusted(SORT_SCRIPT)}</script>
</body>
</html>
`;
}

/** A header cell that sorts its table when pressed. */
export function sortHeader(label: string, cls = ''): SafeHtml {
  return html`<th scope="col" aria-sort="none" class="${cls}"><button type="button">${label}</button></th>`;
}
