// The date a plan says it was submitted, agreed or signed: it orders a plan's files (a draft and the final),
// so the latest becomes the plan's current file.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const DATE = String.raw`(\d{1,2}[/.]\d{1,2}[/.](?:20)?\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}\.?,?\s+20\d{2}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+20\d{2}|20\d{2}-\d{2}-\d{2})`;
// "Date submitted: 19/09/2014", "Date agreed at HWB 11 September 2014", "Submitted on 1 March 2023",
// "Signed off by the Health and Wellbeing Board on 30 June 2022".
const LABELLED = new RegExp(
  String.raw`\b(?:date\s+(?:of\s+)?(?:submi(?:tted|ssion)|agreed|agreement|approv(?:ed|al)|signed|sign[\s-]?off)|(?:submitted|agreed|approved|signed(?:\s+off)?)\s+(?:on|at|by)\b)[^\n\d]{0,80}?${DATE}`,
  'gi',
);

/** A written date as yyyy-mm-dd (day-first, as English plans write them), or null. */
export function isoDate(text: string): string | null {
  const t = text.toLowerCase().replace(/(\d)(?:st|nd|rd|th)/, '$1').replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  let y: number, m: number, d: number;
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{1,2})[/ ](\d{1,2})[/ ](\d{2,4})$/.exec(t.replace(/\s/g, '/')))) {
    [d, m, y] = [Number(r[1]), Number(r[2]), Number(r[3])];
    if (y < 100) y += 2000;
  } else if ((r = /^(\d{1,2}) ([a-z]+) (\d{4})$/.exec(t))) [d, m, y] = [Number(r[1]), MONTHS.indexOf(r[2].slice(0, 3)) + 1, Number(r[3])];
  else if ((r = /^([a-z]+) (\d{1,2}) (\d{4})$/.exec(t))) [m, d, y] = [MONTHS.indexOf(r[1].slice(0, 3)) + 1, Number(r[2]), Number(r[3])];
  else return null;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 2010 || y > 2040) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The latest submitted/agreed/signed date the plan states, or null. */
export function planDate(text: string): string | null {
  let latest: string | null = null;
  for (const m of text.matchAll(LABELLED)) {
    const iso = isoDate(m[1]);
    if (iso && (!latest || iso > latest)) latest = iso;
  }
  return latest;
}
