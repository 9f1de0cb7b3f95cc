// Decide what in angle brackets is markup and what is text. Plans are full of template placeholders
// such as `<date>` or `<Insert extra rows …>` that an HTML parser would swallow as tags, and some
// converters turned them into tags with empty attributes (`<name of="" signatory=""></name>`).
// Rule: a known HTML tag name with real HTML attributes is markup; anything else is text.

/** HTML element names (HTML5 plus the common obsolete ones Word/converters still emit). */
export const HTML_TAGS = new Set(
  (
    'a abbr acronym address area article aside audio b base basefont bdi bdo big blink blockquote body br ' +
    'button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt ' +
    'em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr ' +
    'html i iframe img input ins kbd label legend li link main map mark menu meta meter nav nobr noframes ' +
    'noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script ' +
    'search section select small source span strike strong style sub summary sup svg table tbody td ' +
    'template textarea tfoot th thead time title tr track tt u ul var video wbr xml'
  ).split(' '),
);

/** Attribute names that real markup uses; a "tag" whose attributes are none of these is a placeholder. */
const HTML_ATTRIBUTES = new Set(
  (
    'class style id href src alt title colspan rowspan align valign width height border cellpadding ' +
    'cellspacing type start lang dir name target rel value role bgcolor color face size span scope headers ' +
    'nowrap summary abbr hidden tabindex xmlns charset content http-equiv reversed datetime cite'
  ).split(' '),
);

const TAG_AT = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^<>]*?)?)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
/** Comments, doctype, Word's conditional markers (`<![if !supportLists]>`), processing instructions. */
const COMMENT_AT = /<!--[\s\S]*?-->|<![A-Za-z[][^<>]*>|<\?[^<>]*>/y;
/** Namespaced tags (`<o:p>`, `<st1:place>`, `<w:Sdt>`) in Word's HTML: markup, never placeholders. */
const NAMESPACED = /^[a-z][a-z0-9]*:[a-z]/i;
const ENTITY_AT = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

interface ParsedAttribute {
  name: string;
  value: string | null;
}

function parseAttributes(source: string): ParsedAttribute[] {
  const out: ParsedAttribute[] = [];
  for (const m of source.matchAll(ATTRIBUTE)) {
    out.push({ name: m[1], value: m[2] ?? m[3] ?? m[4] ?? null });
  }
  return out;
}

/** `<tag a="" b="">` written as the words it was: `<tag a b>`. */
function placeholderText(name: string, attributes: ParsedAttribute[], original: string): string {
  if (attributes.every((a) => a.value === null || a.value === '')) {
    return `<${[name, ...attributes.map((a) => a.name)].join(' ')}>`;
  }
  return original;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Rewrite a text/HTML mix so an HTML parser keeps placeholders as text: known tags stay markup,
 * every other `<…>` (and a stray `<`) is escaped, converter-mangled placeholders are restored, and a
 * bare `&` that does not start an entity (`A&E`) is escaped so it cannot be read as one (`&not…`).
 */
export function protectNonMarkup(input: string): string {
  let out = '';
  const placeholderNames = new Set<string>();
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (ch === '&') {
      ENTITY_AT.lastIndex = i;
      const m = ENTITY_AT.exec(input);
      if (m) {
        out += m[0];
        i += m[0].length;
      } else {
        out += '&amp;';
        i++;
      }
      continue;
    }
    if (ch !== '<') {
      out += ch === '>' ? '&gt;' : ch;
      i++;
      continue;
    }
    COMMENT_AT.lastIndex = i;
    const comment = COMMENT_AT.exec(input);
    if (comment) {
      out += comment[0];
      i += comment[0].length;
      continue;
    }
    TAG_AT.lastIndex = i;
    const tag = TAG_AT.exec(input);
    if (!tag) {
      out += '&lt;';
      i++;
      continue;
    }
    const [original, closing, rawName, attributeSource] = tag;
    const name = rawName.toLowerCase();
    const attributes = parseAttributes(attributeSource);
    i += original.length;
    const known = HTML_TAGS.has(name) || NAMESPACED.test(name);
    const looksLikeWords =
      attributes.length > 0 &&
      attributes.every((a) => (a.value === null || a.value === '') && !HTML_ATTRIBUTES.has(a.name.toLowerCase()));
    if (closing) {
      if (placeholderNames.has(name)) continue; // `</date>` closing a restored placeholder: drop it
      out += known ? original : escapeText(original);
      continue;
    }
    if (known && !looksLikeWords) {
      out += original;
      continue;
    }
    placeholderNames.add(name);
    out += escapeText(placeholderText(rawName, attributes, original));
  }
  return out;
}
