// Template placeholders left in a submission: "<date>", "<name of signatory>" (also as a converter's
// HTML-ified "<name of="" signatory=""></name>"), "dd/mm/yyyy", an "X"/"x-number" target, "TBC".
// Template instructions ("<Insert extra rows …>") are not placeholders: nothing was meant to replace them.
import type { DocumentModel, Result } from '../../model/document.js';
import type { Placeholder } from '../../record/checks.js';
import { cleanCellText } from '../../text/clean.js';
import { cellLine } from '../../text/rows.js';

const HTML_TAGS = new Set(
  ('a abbr b big blockquote body br caption center cite code col colgroup dd del div dl dt em figure font footer form h1 h2 h3 h4 h5 h6 ' +
    'head header hr html i img input ins label li link main mark meta nav ol option p pre q s script section select small span strike ' +
    'strong style sub sup table tbody td textarea tfoot th thead title tr tt u ul nobr wbr address article aside audio bdi bdo ' +
    'button canvas data datalist details dfn embed fieldset figcaption iframe kbd legend map meter noscript object optgroup ' +
    'output picture progress ruby samp source summary svg path template time track var video').split(' '),
);
const INSTRUCTION_WORDS = /^(insert|please|add|delete|enter|type|select|click|see|include|complete|attach|list|describe|remove)$/i;

/** "<name of signatory>" / "<name of="" signatory="">" -> "<name of signatory>"; null for HTML and instructions. */
export function angleFieldPlaceholder(tag: string): string | null {
  const m = /^<\s*([A-Za-z][\w:]*)((?:\s+[A-Za-z][\w-]*(?:=""|='')?)*)\s*\/?>$/.exec(tag);
  if (!m) return null;
  const name = m[1];
  // Namespaced tags are Word/Office markup (<o:p>, <st1:place>), not template fields.
  if (HTML_TAGS.has(name.toLowerCase()) || name.includes(':') || INSTRUCTION_WORDS.test(name)) return null;
  const words = [name, ...m[2].replace(/=(""|'')/g, ' ').trim().split(/\s+/).filter(Boolean)];
  if (words.length > 6) return null;
  return `<${words.join(' ')}>`;
}

// A lone "X" is a placeholder only where a figure was asked for (not a tick in a checklist).
const TARGET_CONTEXT = /\b(target|ambition|baseline|trajectory|numerator|denominator|metric value|indicator value|planned)\b/i;

/** What every X placeholder below contains: a cheap test that most text fails, before the costly lookbehind. */
const X_PLACEHOLDER_HINT = /[xX][- ]number|[xX]\s*%|£\s?[xX]/;

/**
 * Placeholders in one piece of text (a paragraph or a table cell). `rowContext` is the rest of the row, for
 * lone-X cells (a function when it is costly to build: it is asked for only for such a cell).
 */
export function findPlaceholders(text: string, rowContext: string | (() => string) = ''): { placeholder: string; index: number; length: number }[] {
  const hits: { placeholder: string; index: number; length: number }[] = [];
  if (text.includes('<')) {
    for (const m of text.matchAll(/<\s*[A-Za-z][^<>]{0,80}>/g)) {
      const p = angleFieldPlaceholder(m[0]);
      if (p) hits.push({ placeholder: p, index: m.index!, length: m[0].length });
    }
  }
  // matchAll copies its regex on every call: test first, most text has neither.
  if (/\bdd[/.-]mm[/.-]yy/i.test(text)) {
    for (const m of text.matchAll(/\b(dd)[/.-](mm)[/.-](yyyy|yy)\b/gi)) hits.push({ placeholder: m[0].toLowerCase(), index: m.index!, length: m[0].length });
  }
  if (/\bTBC\b/i.test(text)) {
    for (const m of text.matchAll(/\bTBC\b/gi)) hits.push({ placeholder: 'TBC', index: m.index!, length: m[0].length });
  }
  // Every X placeholder has an x in it; most text has none.
  if (!/[xX]/.test(text)) return hits;
  if (X_PLACEHOLDER_HINT.test(text)) {
    for (const m of text.matchAll(/\b[xX][- ]number\b|(?<=\b(?:by|of|to|at|reach|from)\s+)[xX]{1,3}\s*%|£\s?[xX]{1,3}(?:[kKmM]\b|\b)(?![-'])/g)) {
      hits.push({ placeholder: m[0], index: m.index!, length: m[0].length });
    }
  }
  const cell = cleanCellText(text);
  if (/^(£\s?)?[xX]{1,3}(\.[xX]+)?\s*%?$/.test(cell) && TARGET_CONTEXT.test(typeof rowContext === 'function' ? rowContext() : rowContext)) {
    hits.push({ placeholder: cell, index: Math.max(0, text.indexOf(cell)), length: cell.length });
  }
  return hits;
}

function quoteAround(text: string, index: number, length: number): string {
  const from = Math.max(0, index - 40);
  const to = Math.min(text.length, index + length + 40);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

/** The placeholders field: every placeholder left in the document (any section), with its offset and page. */
export function extractPlaceholders(doc: DocumentModel): Result<Placeholder[]> {
  return { value: scanPlaceholders(doc), messages: [] };
}

function scanPlaceholders(doc: DocumentModel): Placeholder[] {
  const out: Placeholder[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'table') {
      for (const h of findPlaceholders(b.text)) {
        out.push({ placeholder: h.placeholder, quote: quoteAround(b.text, h.index, h.length), offset: b.offset + h.index, page: b.page });
      }
      continue;
    }
    let at = b.offset;
    // A figure's column header ("Planned 2015-16") says a figure was asked for as much as its row does.
    const headerRow = b.rows.find((r) => r.header) ?? b.rows[0];
    for (const row of b.rows) {
      let cellAt = at;
      // Cell texts as DocumentModel.text has them (line breaks inside a cell made spaces).
      const texts = row.cells.map((c) => cellLine(c.text));
      texts.forEach((t, ci) => {
        const columnHeader = row !== headerRow ? (headerRow.cells[ci]?.text ?? '') : '';
        const context = () => [...row.cells.filter((_, k) => k !== ci).map((x) => x.text), columnHeader].join(' ');
        for (const h of findPlaceholders(t, context)) {
          const rowQuote = row.cells.map((x) => x.text.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ');
          out.push({ placeholder: h.placeholder, quote: rowQuote.length <= 160 ? rowQuote : quoteAround(t, h.index, h.length), offset: cellAt + h.index, page: row.page ?? b.page });
        }
        cellAt += t.length + 1;
      });
      at += texts.join('\t').length + 1;
    }
  }
  return out;
}
