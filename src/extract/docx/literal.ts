// Word documents made from already-converted text still carry that converter's markup as typed text:
// `**bold**`, `*italic*`, `<u> </u>`, and placeholders mangled into tags (`<name of="" signatory=""></name>`).
// Clean it the way the text extractor reads the same characters, so .docx and .txt give the same blocks.
import { markdownInlineToHtml } from '../text/inline.js';
import { protectNonMarkup } from '../text/markup.js';

const WHOLE_BOLD = /^\s*(\*\*|__)(?=\S)(.*\S)\1\s*$/;
const LIST_MARKER = /^[-*–]\s+(?=\S)/;

function decodeBasicEntities(s: string): string {
  return s
    .replace(/&#(\d{1,7});/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#[xX]([0-9a-fA-F]{1,6});/g, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** Text with literal markdown emphasis and literal HTML tags removed, placeholders restored. */
export function cleanLiteralMarkup(text: string): { text: string; bold: boolean; listMarker: boolean } {
  if (!/[*_<]/.test(text) && !LIST_MARKER.test(text)) return { text, bold: false, listMarker: false };
  const bold = WHOLE_BOLD.test(text) && !/\*\*|__/.test(WHOLE_BOLD.exec(text)![2]);
  const listMarker = LIST_MARKER.test(text) && !/^\*\*/.test(text);
  const body = listMarker ? text.replace(LIST_MARKER, '') : text;
  // protectNonMarkup escapes everything in angle brackets that is not a known tag (restoring mangled
  // placeholders); what is left in angle brackets is real tag syntax typed as text, which we drop.
  const html = markdownInlineToHtml(protectNonMarkup(body));
  const cleaned = decodeBasicEntities(html.replace(/<[^<>]*>/g, ''));
  return { text: cleaned, bold, listMarker };
}
