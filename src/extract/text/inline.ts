// Markdown inline markup in plain-text plans: emphasis and links. Emphasis becomes HTML so that the one
// HTML walker decides whether a whole line is bold; everything else about the line stays as written.

/** Rewrite markdown emphasis/links of one (already protected) line as HTML. */
export function markdownInlineToHtml(line: string): string {
  // Backslash escapes (mammoth and pandoc write "\(", "\*", "1\."): the character itself, never markup.
  let s = line.replace(/\\([!-\/:-@[-`{-~])/g, (_, c: string) => ESCAPED[c] ?? c);
  // [text](url) -> text; ![alt](src) images -> nothing.
  s = s.replace(/!\[[^\]]*\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '');
  s = s.replace(/\[([^\]]+)\]\((?:[^)\s]+)(?:\s+"[^"]*")?\)/g, '$1');
  // ***x*** / **x** / __x__ / *x*: markers must hug the text (so "5 * 4" and "*potential" stay).
  s = s.replace(/\*\*\*(?=\S)([^*]*?\S)\*\*\*/g, '<strong>$1</strong>');
  s = s.replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>');
  s = s.replace(/(^|[^\w])__(?=\S)(.*?\S)__(?!\w)/g, '$1<strong>$2</strong>');
  s = s.replace(/(^|[^\w*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\w*])/g, '$1<em>$2</em>');
  // A `**` left unpaired is a conversion slip (a list marker inserted inside the bold): drop it.
  s = s.replace(/\*{2,3}/g, '');
  return s.replace(/\uE001/g, '*').replace(/\uE002/g, '_');
}

/** Escaped characters that would otherwise be read as markup, held aside until the markup is done. */
const ESCAPED: Record<string, string> = { '*': '\uE001', _: '\uE002', '<': '&lt;', '>': '&gt;', '&': '&amp;' };
