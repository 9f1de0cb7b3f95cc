// What a metric label, a column header or a period cell says, as plain functions.
import type { Metric, MetricKey } from '../../record/schema.js';
import { cleanCellText } from '../../text/clean.js';
import { normaliseYear } from '../../text/years.js';
import { memoString } from '../../cache/memo.js';

/** The national metric a label or heading names, or null. Avoidable admissions before non-elective:
 *  "avoidable emergency admissions" is the composite, not total non-elective activity.
 *  Remembered: the same labels and header cells are asked about again for every row of a table. */
export const metricKeyOf = memoString(metricKeyOfUncached);

function metricKeyOfUncached(text: string): MetricKey | null {
  const t = cleanCellText(text).toLowerCase();
  // "Local metric: emergency admissions for falls": a local metric whatever it measures.
  if (/^\s*local(ly)? (metric|measure|indicator)\b/.test(t)) return 'local';
  if (/avoidable|ambulatory care sensitive|indirectly standardi[sz]ed|\bisr\b/.test(t)) return 'avoidable_admissions';
  if (/(usual|normal) place of residence/.test(t)) return 'discharge_usual_residence';
  if (/non[- ]?elective|\bffces?\b|emergency admissions/.test(t)) return 'non_elective_admissions';
  if (/delayed transfers? of care|delayed days|\bdtoc\b/.test(t)) return 'delayed_transfers_of_care';
  // "91 days after" alone: the label clipped at its cell edge before "discharge".
  if (/re-?ablement|91 days after( discharge)?\b/.test(t)) return 'reablement';
  if (/residential (and|&) nursing|care homes?\b|residential admissions|permanent admissions/.test(t)) return 'residential_admissions';
  if (/patient\s*\/?\s*(and\s*)?(service user )?experience|service user experience|eq-?5d/.test(t)) return 'patient_experience';
  if (/\blocal(ly)? (metric|measure|indicator|chosen|set|defined)/.test(t)) return 'local';
  return null;
}

// A kind word may follow its period with no space ("2021-22estimated": a cell wrapped tight to its edge).
const KIND_WORDS: [RegExp, Metric['kind']][] = [
  [/(?<!\p{L})baseline\b/iu, 'baseline'],
  [/(?<!\p{L})(estimated?|forecast|projected|projection)\b/iu, 'estimate'],
  [/(?<!\p{L})(actuals?|outturn)\b/iu, 'actual'],
  [/(?<!\p{L})(plans?|planned|planning|ambition|target|trajectory)\b|performance underpin\p{L}*/iu, 'plan'],
];

/** The kind of value a column or row header announces, or null. */
export function kindOf(text: string): Metric['kind'] | null {
  for (const [re, kind] of KIND_WORDS) if (re.test(text)) return kind;
  return null;
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

function financialYear(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** A range of months: "April 2012 - March 2013", "Apr-Mar 2014". */
const MONTH_RANGE = new RegExp(`\\b(${MONTHS})\\s*(20\\d\\d)?\\s*(?:-|–|to)\\s*(${MONTHS})\\s*(20\\d\\d)\\b`, 'i');

/** A month range whose closing year is cut at the cell's edge, as a sheet prints a long period in a narrow
 *  cell ("April 2014 - September 20"). */
const CUT_MONTH_RANGE = new RegExp(`\\b(${MONTHS})\\s*(20\\d\\d)\\s*(-|–|to)\\s*(${MONTHS})\\s*(2|20|20\\d)?$`, 'i');

const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The cut range with its closing year: the first at which the closing month follows the opening one (a
 *  metric's period runs for a year at most); null when that year does not start with the digits left. */
function completedRange(cut: RegExpExecArray): string | null {
  const [, fromMonth, fromYear, dash, toMonth, digits = ''] = cut;
  const month = (m: string) => MONTH_INDEX.indexOf(m.slice(0, 3).toLowerCase());
  const toYear = Number(fromYear) + (month(toMonth) >= month(fromMonth) ? 0 : 1);
  if (!String(toYear).startsWith(digits)) return null;
  if (month(fromMonth) === 3 && month(toMonth) === 2) return financialYear(Number(fromYear));
  return `${fromMonth} ${fromYear} ${dash} ${toMonth} ${toYear}`;
}

/** A period normalised to "2022-23", "2022-23 Q1", or a month range as written; null if none.
 *  "2013/14", "13/14", "14-15", "April 2012 - March 2013" are all financial years.
 *  Remembered: header and period cells are read again for every row beneath them. */
export const periodOf = memoString(periodOfUncached);

function periodOfUncached(text: string): string | null {
  const t = cleanCellText(text).replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  const quarter = /\bQ\s?([1-4])\b/i.exec(t)?.[1];
  const withQuarter = (fy: string) => (quarter ? `${fy} Q${quarter}` : fy);
  // April yyyy - March yyyy+1 is a financial year; other month ranges stay as written.
  const range = MONTH_RANGE.exec(t);
  if (range) {
    const from = range[2] ? Number(range[2]) : null;
    const to = Number(range[4]);
    if (/^apr/i.test(range[1]) && /^mar/i.test(range[3]) && from !== null && to === from + 1) return financialYear(from);
    return range[0];
  }
  const cut = CUT_MONTH_RANGE.exec(t);
  if (cut) return completedRange(cut);
  const year = normaliseYear(t);
  if (year) return withQuarter(year.replace('/', '-'));
  const single = /\b(?:Q[1-4]\s+)?(20\d\d)\b/.exec(t);
  if (single && quarter) return `Q${quarter} ${single[1]}`;
  return null;
}

export interface MetricNumber {
  value: number;
  percent: boolean;
  /** Digits written after the decimal point ("93.0%" -> 1): the precision a ratio check allows. */
  decimals: number;
}

/** A metric value as written in a cell: "4,633", "97.3%", "31207 (All Providers)". Not "-2.4%" (a change),
 *  not money, not a cell of prose. Remembered: a row's cells are read under every column alignment tried. */
export const parseMetricNumber = memoString(parseMetricNumberUncached);

function parseMetricNumberUncached(text: string): MetricNumber | null {
  if (!/\d/.test(text)) return null;
  let t = cleanCellText(text).replace(/\s*\([^)]*\)\s*$/, '').replace(/\*+$/, '').trim();
  const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(%?)$/;
  // A number wrapped inside a narrow PDF cell ("51,27 4").
  if (!NUMBER.test(t) && /^[\d,.\s]+%?$/.test(t)) t = t.replace(/\s+/g, '');
  const m = NUMBER.exec(t);
  if (!m) return null;
  return { value: Number(m[1].replace(/,/g, '') + (m[2] ? `.${m[2]}` : '')), percent: m[3] === '%', decimals: m[2]?.length ?? 0 };
}

/** Unit from what the row and its label say: a % sign or "percentage/proportion" is percent, "per 100,000"
 *  a rate, "score"/EQ-5D a score; otherwise a count. */
export function unitOf(label: string, rowLabel: string, n: MetricNumber, key: MetricKey): Metric['unit'] {
  const both = `${rowLabel} ${label}`.toLowerCase();
  if (n.percent || /%/.test(rowLabel)) return 'percent';
  if (/per\s*100,?000|per 100k|\bisr\b|standardised rate/.test(both)) return 'rate_per_100k';
  if (/percentage|proportion|\bper ?cent\b/.test(both)) return 'percent';
  if (/\bscore\b|eq-?5d/.test(both)) return 'score';
  if (/\b(number|total|count)\b/.test(both)) return 'count';
  // What the national metric is defined as, when the label does not say.
  return UNIT_BY_METRIC[key];
}

const UNIT_BY_METRIC: Record<MetricKey, Metric['unit']> = {
  non_elective_admissions: 'count',
  avoidable_admissions: 'rate_per_100k',
  residential_admissions: 'rate_per_100k',
  reablement: 'percent',
  delayed_transfers_of_care: 'rate_per_100k',
  discharge_usual_residence: 'percent',
  patient_experience: 'score',
  local: 'count',
};
