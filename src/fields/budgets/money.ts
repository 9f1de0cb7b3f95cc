// The one money parser. Every budget figure goes through parseMoney so that "£2.4m", "20,004,000",
// "(1,200)" and a "£15,843" under a "£000s" header all mean the same thing: whole pounds.
import { memoString } from '../../cache/memo.js';
import { cleanForMoney } from '../../text/clean.js';

export interface Money {
  /** Whole pounds (rounded). */
  amountGbp: number;
  /** The text the figure was read from, as written (line breaks inside it collapsed to a space). */
  text: string;
}

export interface MoneyOptions {
  /** Multiplier from a column/row unit such as "£000s" (1000) or "£m" (1,000,000). */
  unitScale?: number;
  /**
   * Accept a bare number without "£" and without thousands separators ("957", "0"), as in a cell
   * under a money header. Comma-grouped bare numbers ("20,004,000") are always accepted.
   */
  bare?: boolean;
}

const SUFFIX_SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mil: 1e6,
  million: 1e6,
  bn: 1e9,
  b: 1e9,
  billion: 1e9,
};

/**
 * Join digit fragments that a converter split: "12,345,00" + "0" (cell wrap), "77, 135". A fragment is joined to
 * the next only when the grouping is visibly incomplete (trailing comma, or a last group shorter than three digits),
 * so "100 200" stays two numbers.
 */
function joinFragments(fragments: string[]): { digits: string; used: number } {
  let digits = fragments[0];
  let used = 1;
  while (used < fragments.length) {
    const lastGroup = digits.includes(',') ? digits.slice(digits.lastIndexOf(',') + 1) : null;
    const incomplete = digits.endsWith(',') || (lastGroup !== null && lastGroup.length < 3) || fragments[used].startsWith(',');
    if (!incomplete) break;
    const candidate = digits + fragments[used];
    // Stop once the joined text could no longer be a grouped number.
    if (!/^\d{1,3}(,\d{0,3})*$/.test(candidate.replace(/\.\d*$/, ''))) break;
    digits = candidate;
    used++;
  }
  return { digits, used };
}

function validGrouping(digits: string): boolean {
  return /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits) || /^\d+(\.\d+)?$/.test(digits);
}

// A candidate figure: optional paren/circa, optional minus (attached, "-129,506", "£-5,000"), optional £, the digit
// run (fragments separated by one space or line break), an optional scale suffix. A range is not one figure.
const CANDIDATE =
  /(\()?\s*(?:\b(c\.?|circa|approx\.?|approximately)\s*)?(-)?(?: (?=£))?(£)?\s*(-)?(\d[\d,]*(?:\.\d+)?(?:[ \t]*\r?\n?[ \t]*,?\d[\d,]*(?:\.\d+)?)*)\s*(bn|billion|million|mil|mn|thousand|m|k|b)?(?![a-z])(\s*\))?/gi;

const RANGE_TAIL = /^\s*(?:-|–|—|to)\s*(?:£\s*)?\d[\d,]*(?:\.\d+)?\s*(?:bn|billion|million|mil|mn|thousand|m|k|b)?(?![a-z\d/])/i;

/** "- 2014/15", "- 2015": a figure followed by a year, not a range. */
function isYearTail(tail: string): boolean {
  return !/£/.test(tail) && /^\s*(?:-|–|—|to)\s*(19|20)\d\d\b/.test(tail);
}

/** The text holds a money range ("£300 - £450k"): callers note that it was not read as an amount. */
export function moneyRangeIn(text: string): string | null {
  const m = /(?:c\.?\s*)?£\s*\d[\d,.]*\s*(?:bn|m|k)?(\s*(?:-|–|—|to)\s*£?\s*\d[\d,.]*\s*(?:bn|billion|million|m|k)?)(?![a-z\d/])/i.exec(cleanForMoney(text));
  return m && !isYearTail(m[1]) ? m[0].trim() : null;
}

/** parseMoney without options, remembered: a cell or line is asked "is there a figure?" by several readers. */
const firstMoney = memoString((text: string): Money | null => moneyIn(text, {}, 1)[0] ?? null);

/**
 * Parse the first money figure in `text`. Returns null for text without a figure, or whose only numbers are
 * percentages, dates, financial years or phone numbers.
 */
export function parseMoney(text: string, options: MoneyOptions = {}): Money | null {
  if (options.unitScale === undefined && !options.bare) return firstMoney(text);
  return moneyIn(text, options, 1)[0] ?? null;
}

/** Every money figure in `text`, in order (see parseMoney). */
export function findMoney(text: string, options: MoneyOptions = {}): Money[] {
  return moneyIn(text, options, Infinity);
}

/** The first `limit` money figures in `text`. */
function moneyIn(text: string, options: MoneyOptions, limit: number): Money[] {
  const out: Money[] = [];
  // Every figure has a digit; most labels and sentences have none.
  if (!/\d/.test(text)) return out;
  const src = cleanForMoney(text);
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(src))) {
    const [whole, openParen, , minusBefore, pound, minusAfter, run, suffixRaw, closeParen] = m;
    const start = m.index;
    const numStart = start + whole.indexOf(run);
    const fragments = run.split(/[ \t]*\r?\n?[ \t]+|[ \t]*\r?\n[ \t]*/).filter(Boolean);
    const { digits, used } = joinFragments(fragments);
    // When fragments were left over the match really ends after the used ones; resume scanning there.
    let end = start + whole.length;
    let suffix: string | undefined = suffixRaw;
    let closing: string | undefined = closeParen;
    if (used < fragments.length) {
      let pos = numStart;
      for (let i = 0; i < used; i++) pos = src.indexOf(fragments[i], pos) + fragments[i].length;
      end = pos;
      suffix = undefined;
      closing = undefined;
      CANDIDATE.lastIndex = end;
    }
    // A figure cut short by backtracking ("£000s" read as "£00" + "0s") or running into a word is no figure.
    const nextChar = src.charAt(numStart + run.length);
    if (/\d/.test(nextChar) || (!suffix && /[a-z]/i.test(nextChar))) continue;
    // "£300 - £450k", "£12-20m", "£1m to £2m": an indicative range, not an amount (neither end is recorded).
    const range = RANGE_TAIL.exec(src.slice(end));
    if (range && !isYearTail(range[0]) && (pound || suffix || /£|\d\s*(bn|m|k)\b/i.test(range[0]))) {
      CANDIDATE.lastIndex = end + range[0].length;
      continue;
    }
    const before = src.slice(Math.max(0, numStart - 1), numStart);
    const after = src.slice(end, end + 3);
    const digitsNoComma = digits.replace(/,/g, '');
    if (!validGrouping(digits.replace(/,$/, ''))) continue;
    // "£000" / "(£000)" is a unit heading, not a figure: no amount starts with a zero followed by digits.
    if (/^0\d/.test(digitsNoComma)) continue;
    // Not money: percentages, dates (18/09/2014, 14.01.15), years and year ranges (2015/16, 2014-15), phone numbers.
    if (/^\s*%|^\s*per\s*cent/i.test(after) && !suffix) continue;
    if (!pound && /^[/.]\d/.test(src.slice(end, end + 2))) continue;
    if (!pound && (before === '/' || before === '.' || /[a-z]/i.test(before))) continue;
    if (!pound && /^\d{4}$/.test(digits) && /^(19|20)\d\d$/.test(digitsNoComma) && !options.unitScale) continue;
    if (!pound && /^\s*[-/]\s*\d{2}\b/.test(src.slice(end, end + 5))) continue;
    if (!pound && /^0\d{3,}/.test(digitsNoComma)) continue;
    if (!pound && /^\d{4,5}$/.test(fragments[0]) && fragments.length > 1) continue; // "01623 555000"
    if (!pound && !suffix && !digits.includes(',') && !options.bare) continue;
    if (!pound && suffix && /^(b|m)$/i.test(suffix) && !digits.includes(',') && !options.bare) continue; // "3 m" (metres)
    let value = Number(digitsNoComma.replace(/,$/, ''));
    if (!Number.isFinite(value)) continue;
    // A range "£12-20m" takes its scale from the end of the range (the suffix after it).
    const suffixKey = suffix?.toLowerCase();
    if (suffixKey && SUFFIX_SCALE[suffixKey]) value *= SUFFIX_SCALE[suffixKey];
    else if (options.unitScale) value *= options.unitScale;
    // A dash joined to a word or number before it ("2014-£5") is a separator, not a minus.
    const minusAt = minusBefore ? start + whole.indexOf('-') : -1;
    // "- £900,000" (a space after the sign, as a narrow cell wraps it) is negative only at the start of the text.
    const spaced = minusBefore ? src.charAt(minusAt + 1) === ' ' : false;
    const minus = Boolean(minusAfter) || (Boolean(minusBefore) && !/[\w£]/.test(src.charAt(minusAt - 1)) && (!spaced || src.slice(0, minusAt).trim() === ''));
    const negative = minus || Boolean(openParen && closing);
    let amount = Math.round(value);
    if (negative && amount !== 0) amount = -amount;
    // The written text: from the first sign/paren/circa/£ to the end of the figure (closing paren only if opened).
    let textStart = start + (whole.length - whole.trimStart().length);
    if (openParen && !closing) textStart = start + whole.indexOf('(') + 1;
    let textEnd = end;
    if (closing && !openParen) textEnd -= closing.length;
    const written = src.slice(textStart, textEnd).replace(/^[(\s]+(?=[^(]*$)/, openParen && closing ? '(' : '').trim();
    out.push({ amountGbp: amount, text: written.replace(/\s*\r?\n\s*/g, ' ') });
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * The unit a header or label declares for the figures beneath/beside it: "£000s", "£'000", "£k", "(£000)" -> 1000;
 * "£m", "£ million" -> 1,000,000. Null when it declares none (plain "£" or "(£)").
 */
export function unitScaleOf(text: string): number | null {
  const cleaned = cleanForMoney(text);
  // Every unit below is written with a £, a bracket, "000", "thousand" or "million".
  if (!/[£(]|000|thousand|million/i.test(cleaned)) return null;
  const t = cleaned.toLowerCase();
  if (/£\s*['’]?\s*000\s*['’]?s?\b|\b000['’]?s\b|['’]000s?\b|£\s*k\b|\(\s*k\s*\)|£\s*thousands?\b|in\s+thousands/.test(t)) return 1000;
  if (/£\s*m\b|£\s*millions?\b|\(\s*m\s*\)|£\s*mn\b|in\s+millions/.test(t)) return 1e6;
  return null;
}
