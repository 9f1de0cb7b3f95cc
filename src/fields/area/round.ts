// The planning round a plan serves. A known template names its round (templates/*.json); for a plan of no
// known template, the round is read from the financial years the plan states.

/** "2015-16" style, from two full or two-digit years. Null unless the second year follows the first by `span`. */
function roundOf(a: string, b: string, span: number): string | null {
  const first = Number(a);
  const second = b.length === 2 ? Math.floor(first / 100) * 100 + Number(b) : Number(b);
  if (second !== first + span || first < 2013 || first > 2040) return null;
  return `${first}-${String(second % 100).padStart(2, '0')}`;
}

// "2022/23", "2022-23", "2022 to 2023", "2022/2023": a year pair not inside a date or a longer number.
const PAIR = /(?<![\d/£]|\d\.)(20\d{2})\s*(?:[/\-–]|\sto\s)\s*((?:20)?\d{2})(?![\d/%]|\.\d)/g;

/**
 * The round from the years a plan states: a two-year round ("2023-25", "2017-19") where the plan names it more
 * than once, else the latest financial year stated at least a third as often as the most stated one (plans
 * quote baselines from earlier years, but their own year most).
 */
export function roundFromText(text: string): string | null {
  const single = new Map<string, number>();
  const double = new Map<string, number>();
  for (const m of text.matchAll(PAIR)) {
    const one = roundOf(m[1], m[2], 1);
    if (one) single.set(one, (single.get(one) ?? 0) + 1);
    const two = roundOf(m[1], m[2], 2);
    if (two) double.set(two, (double.get(two) ?? 0) + 1);
  }
  const twoYear = [...double.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0];
  if (twoYear) return twoYear[0];
  const max = Math.max(0, ...single.values());
  if (max === 0) return null;
  const floor = max >= 2 ? Math.max(2, max / 3) : 1;
  const candidates = [...single.entries()].filter(([, n]) => n >= floor).map(([y]) => y).sort();
  return candidates[candidates.length - 1] ?? null;
}
