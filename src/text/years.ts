// Financial years as the record writes them: "yyyy-yy" (schema 2: one form for budgets, metrics and rounds).

// "2014/15", "14/15", "2014-15", "2014/2015", "2022-23", "FY22/23". Two consecutive years only, so dates
// ("18/09/2014") and ranges of other lengths ("2013-18") are not taken for a financial year.
const YEAR_PAIR = /(?<![\d/.])((?:19|20)?\d{2})\s*[/\-–]\s*((?:19|20)?\d{2})(?![\d/.%])/g;

/** Every financial year written in `text`, normalised to "yyyy-yy", in order of appearance. */
export function findYears(text: string): { year: string; text: string; index: number }[] {
  const out: { year: string; text: string; index: number }[] = [];
  YEAR_PAIR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR_PAIR.exec(text))) {
    const year = normaliseYearPair(m[1], m[2]);
    if (year) out.push({ year, text: m[0], index: m.index });
  }
  return out;
}

function normaliseYearPair(a: string, b: string): string | null {
  const first = a.length === 2 ? 2000 + Number(a) : Number(a);
  const second = b.length === 2 ? Math.floor(first / 100) * 100 + Number(b) : Number(b);
  if (second !== first + 1 && !(second % 100 === 0 && first % 100 === 99)) return null;
  if (first < 1990 || first > 2099) return null;
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
}

/** The one financial year named in `text`, or null when there is none or several different ones. */
export function singleYear(text: string): string | null {
  const years = [...new Set(findYears(text).map((y) => y.year))];
  return years.length === 1 ? years[0] : null;
}

/** The first financial year named in `text`, normalised, or null. */
export function normaliseYear(text: string): string | null {
  return findYears(text)[0]?.year ?? null;
}

/** True when the text is nothing but a financial year (a year cell or a year-only row label). */
export function isYearOnly(text: string): boolean {
  if (!/\d/.test(text)) return false;
  const t = text.replace(/[:*()]/g, '').replace(/\b(fy|financial year|year)\b/gi, '').trim();
  const ys = findYears(t);
  return ys.length === 1 && t.replace(ys[0].text, '').trim() === '';
}
