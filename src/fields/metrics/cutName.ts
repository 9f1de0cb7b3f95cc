// The name of a row-wise table's first row (the 2014 provider-commentary annex: "Total number of non-elective
// FFCEs in general & acute | 2013/14 Outturn | 41250 (All Providers)") as raw pdftotext can print it from a table
// without rules: the name cell is taller than the period and value cells beside it, so its first lines come before
// the period and value and the rest after them, cut at a hyphen ("Total" / "number of" / "non-", then "2013/14" /
// "Outturn" / "41250", then "elective" / "FFCEs in" …). Neither half names the measure alone; the two read as one do.
import type { MetricKey } from '../../record/schema.js';
import { parseMetricNumber, periodOf } from './labels.js';
import type { MetricWords } from './vocabulary.js';

/** The most lines of the name on either side of the row's period and value. */
const NAME_REACH = 8;

/**
 * The measure the name cut around a row names: the lines of the group before the row's label (`labelStart`, its
 * first line) and the lines after its value (`valueLine`) up to the next period, figure or long line, read as one
 * with a hyphen-cut word rejoined. `line` is the caller's: a line's text, or null where it is not a loose line.
 */
export function nameAroundValue(
  labelStart: number,
  valueLine: number,
  line: (i: number) => string | null,
  blankBefore: (i: number) => boolean,
  words: MetricWords,
): MetricKey | null {
  const short = (t: string | null): t is string => t !== null && t.length <= 60 && !parseMetricNumber(t);
  const before: string[] = [];
  for (let k = labelStart - 1; k >= 0 && before.length < NAME_REACH; k--) {
    const t = line(k);
    if (!short(t) || periodOf(t)) break;
    before.unshift(t);
    if (blankBefore(k)) break;
  }
  const after: string[] = [];
  for (let k = valueLine + 1; after.length < NAME_REACH; k++) {
    const t = line(k);
    if (!short(t) || periodOf(t)) break;
    after.push(t);
  }
  if (before.length === 0 || after.length === 0 || !/\p{L}-$/u.test(before[before.length - 1])) return null;
  return words.metricKeyOf(`${before.join(' ')} ${after.join(' ')}`.replace(/(\p{L})-\s+/gu, '$1-'));
}
