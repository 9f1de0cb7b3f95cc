// The text cleaners, in one place. Each variant exists because its readers need different rules (said beside it);
// none is a copy of another. Pure functions; remembered where every reader cleans the same strings again.
import { memoString } from '../cache/memo.js';

/** Cyrillic and Greek letters that OCR and some converters emit in place of Latin look-alikes. */
const HOMOGLYPHS: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's',
  ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ο: 'o', ν: 'v', ι: 'i', κ: 'k', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};
const HOMOGLYPH_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'g');
/** The blocks every homoglyph above comes from (IPA ɡ, Greek, Cyrillic): a quick test before the replace. */
const HOMOGLYPH_BLOCKS = /[\u0261\u0370-\u052f]/;

/** Look-alike Cyrillic and Greek letters folded to Latin ("Ву" → "By"); nothing else changed. */
export function foldHomoglyphs(s: string): string {
  return HOMOGLYPH_BLOCKS.test(s) ? s.replace(HOMOGLYPH_RE, (c) => HOMOGLYPHS[c] ?? c) : s;
}

/** Fold look-alike letters, compatibility forms (ligatures), typographic quotes/dashes and odd spaces. */
// Remembered: every heading, cell and label is folded by segmentation and again by each field reader.
export const foldText = memoString(foldTextUncached);

/** Any character outside ASCII: only such text has anything for foldText to change. */
const NON_ASCII = /[^\x00-\x7f]/;

function foldTextUncached(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return foldHomoglyphs(s.normalize('NFKC'))
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ');
}

/**
 * Extracted text's spaces made plain: odd spaces become a space, soft hyphens and zero-width characters (which
 * split words invisibly) go. For the extractors, before any block exists: it keeps line breaks and runs of spaces,
 * which the text extractor still reads as layout.
 */
export function normaliseSpaces(s: string): string {
  return s.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ').replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
}

/**
 * A line (heading, paragraph, cell) without markdown/HTML markup and list markers, folded (foldText), words as
 * written. For matching headings and reading names: it also drops heading marks, single-`*` emphasis and bullets,
 * which a table cell's cleaner must leave alone.
 */
// Remembered: the same lines are stripped for heading candidates, section status and the fields.
export const stripMarkup = memoString(stripMarkupUncached);

function stripMarkupUncached(s: string): string {
  let t = foldText(s)
    .replace(/<\/?[a-z][^>]*>/gi, ' ') // HTML tags
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // markdown links
    .replace(/^\s*#{1,6}\s*/, '') // markdown heading marks
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|\s)[*_]([^*_]+)[*_](?=\s|$|[.,:;])/g, '$1$2');
  t = t.replace(/^\s*(?:[-*+•▪●◦·]\s+)+/, ''); // list bullets
  t = t.replace(/^[*_\s]+|[*_\s]+$/g, '');
  return t.replace(/\s+/g, ' ').trim();
}

/**
 * Table cell text for label and value comparison (the table stage, schemes, budgets, sign-off): every tag and the
 * common entities out, markdown links and bold marks undone, whitespace collapsed. No folding: cells keep their
 * characters, so what a record quotes is what the plan wrote.
 */
// Remembered: every extractor cleans the same cells of the same grids again.
export const cleanCell = memoString(cleanCellUncached);

function cleanCellUncached(text: string): string {
  return text
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\*\*|__|`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower-case words only: for comparing names and labels ("Self-help, Prevention & …" ~ "self help prevention and …"). */
export function normaliseName(text: string): string {
  return cleanCell(text)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Risk, metric and placeholder cell text as the record keeps it: only formatting tags out (so a typed placeholder
 * such as `<insert name>` survives for the placeholder reader), bold marks undone, whitespace collapsed, and the
 * converters' spaces repaired: words broken at a hyphen ("re- commissioning") and split ordinals ("14 th").
 */
// Remembered: every reader of a risk or metric table cleans the same cells again.
export const cleanCellText = memoString(cleanCellTextUncached);

function cleanCellTextUncached(text: string): string {
  return text
    .replace(/<\/?(?:i|b|u|em|strong|p|br|span|div|ul|ol|li|sup|sub|font)\b[^>]*>/gi, ' ')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .replace(/([A-Za-z])- ([a-z])/g, '$1-$2')
    .replace(/(\d) (st|nd|rd|th)\b/g, '$1$2')
    .trim();
}

/** Any character cleanForMoney acts on (markup, entities, emphasis marks, odd spaces and dashes). */
const MONEY_NOISE = /[<&*_`\u00a0\u2007\u202f\u2012\u2013\u2014\u2212]/;

/**
 * Text around a figure with the markup and conversion noise that can sit inside it removed (`&pound;` made `£`,
 * dashes made `-`, every `*`/`_` out). Spaces are neither collapsed nor trimmed: the money reader measures the
 * gaps between digit groups to rejoin split figures.
 */
export function cleanForMoney(text: string): string {
  if (!MONEY_NOISE.test(text)) return text;
  return text
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&pound;|&#163;/g, '£')
    .replace(/[*_`]/g, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u2012\u2013\u2014\u2212]/g, '-');
}
