// HTML built by a tagged template that escapes every interpolated value unless it is already SafeHtml.
// Plan text is untrusted (it comes from submitted documents), so nothing reaches a page unescaped by default.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = SafeHtml | string | number | null | undefined | false | readonly HtmlPart[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for an HTML element body or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function renderPart(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(renderPart).join('');
  return escapeHtml(String(part));
}

/** html`<td>${text}</td>`: strings and numbers are escaped; SafeHtml (from html`` itself) is kept. */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += renderPart(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** For trusted constants only (the report's own CSS and script). Never for plan text. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
