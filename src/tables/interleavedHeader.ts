// An annual period header in reading order (raw pdftotext) whose cells wrap in larger type or narrower columns
// (../shared/spec/tables.md, classes 3 and 7): the cells print line by line across the row, every cell's first
// line before any cell's second, so the pieces of one cell are lines apart, other cells' pieces between; two cells'
// first halves can be glued where a hyphen at a line end was dropped ("2019" + "-" + "2020" -> "20192020"; "2020-"
// + "202" -> "2020202"); a year is cut anywhere ("201" / "9-20", "2019" / "-20", "2019-" / "20"); a kind is cut at
// the cell edge, its tail lines below ("Actu" ... "al", "estimat" ... "ed").
//
// Which piece is whose cell the stream no longer says, so the header is read only where the pieces rebuild to
// one run of periods: every year's halves pair in exactly one way into years in time order, there are as many
// kinds as years, and the kinds go to the years in exactly one way the planning template allows (an actual is of
// a year before every plan and estimate, an estimate of a year no later than every plan, no period twice). Else
// null: a value under the wrong period is worse than none.

export interface InterleavedSpec {
  /** The kind a whole header word announces ("Actual", "Plan", "estimated"), or null. */
  kindWord(word: string): string | null;
  /** Whether a word can be the start of a kind word cut at its cell edge ("Actu", "estimat"). */
  kindHead(word: string): boolean;
  /** Whether a token is a value of the table (a header ends before the first). */
  isValue(token: string): boolean;
}

export interface InterleavedColumn {
  start: number;
  end: number;
  kind: string;
  /** The line its first half is on. */
  line: number;
}

/** Most lines a header's pieces span, the label and rationale cells' lines between. */
const HEADER_LINES = 40;
const KINDS = new Set(['actual', 'plan', 'estimate']);

interface Head {
  start: string; // "2019", "2019-", "201"
  whole: { start: number; end: number } | null;
  line: number;
  /** Its place on its line among the heads there. */
  order: number;
}

const follows = (start: number, end: number) => (start + 1) % 100 === end;

/** A token of year halves run together ("20192020", "2020202", "2019-20202"), split; null unless it is only that. */
function splitHeads(token: string): string[] | null {
  const out: string[] = [];
  const re = /20\d\d[-–]\d\d(?!\d)|20\d\d[-–]?|20\d$/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < token.length && (m = re.exec(token))) {
    if (m[0].length === 0) break;
    out.push(m[0]);
  }
  return out.join('') === token && out.length > 0 ? out : null;
}

/** The year a head and a tail make ("2019" + "-20", "2019" + "20", "201" + "9-20"), or null. */
function joinYear(head: string, tail: string): { start: number; end: number } | null {
  const m = /^(20\d\d)[-–]?(\d\d)$/.exec(head + tail);
  if (!m) return null;
  return follows(Number(m[1]), Number(m[2])) ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

const YEAR_TAIL = /^(?:[-–]?\d\d|\d[-–]\d\d)$/;

/** Every way of giving each open head one tail (in order of the tails), as head index per tail. */
function matchings(heads: Head[], tails: string[]): number[][] {
  const out: number[][] = [];
  const walk = (k: number, used: number[]) => {
    if (k === tails.length) return void out.push([...used]);
    heads.forEach((h, i) => {
      if (h.whole || used.includes(i) || !joinYear(h.start, tails[k])) return;
      walk(k + 1, [...used, i]);
    });
  };
  walk(0, []);
  return out;
}

/** Every distinct way of giving the kinds to the years (in time order) the template allows, as kind lists. */
function kindOrders(years: number[], kinds: string[]): string[][] {
  const seen = new Map<string, string[]>();
  const walk = (k: number, left: string[], out: string[]) => {
    if (k === years.length) {
      const periods = out.map((kind, i) => `${years[i]} ${kind}`);
      if (new Set(periods).size !== periods.length) return;
      const of = (kind: string) => years.filter((_, i) => out[i] === kind);
      const [actual, plan, estimate] = [of('actual'), of('plan'), of('estimate')];
      if (actual.some((a) => [...plan, ...estimate].some((y) => y <= a))) return;
      if (estimate.some((e) => plan.some((p) => p < e))) return;
      // Within a year a plan's column comes before its estimate's (the templates' order).
      const key = periods.slice().sort().join('|');
      if (!seen.has(key)) seen.set(key, [...out]);
      return;
    }
    for (const kind of new Set(left)) walk(k + 1, left.filter((_, i) => i !== left.indexOf(kind)), [...out, kind]);
  };
  walk(0, kinds, []);
  return [...seen.values()];
}

/**
 * The columns of an interleaved annual header whose first line is `lines[at]`, in time order (a year's plan before
 * its estimate), with the index of the line after its last piece; null unless the pieces rebuild in one way.
 */
export function interleavedHeaderAt(lines: string[], at: number, spec: InterleavedSpec): { columns: InterleavedColumn[]; end: number } | null {
  const words = (n: number) => lines[n].split(/\s+/).filter(Boolean);
  // First halves: the tokens opening the first lines, each line's leading run of them.
  const heads: Head[] = [];
  let n = at;
  for (; n < lines.length && n < at + 4; n++) {
    const tokens = words(n);
    if (tokens.length === 0) break;
    let order = 0;
    for (const t of tokens) {
      const parts = splitHeads(t);
      if (!parts) break;
      for (const p of parts) {
        const w = /^(20\d\d)[-–](\d\d)$/.exec(p);
        if (w && !follows(Number(w[1]), Number(w[2]))) return null;
        heads.push({ start: p, whole: w ? { start: Number(w[1]), end: Number(w[2]) } : null, line: n, order: order++ });
      }
    }
    if (order === 0) break;
  }
  if (heads.length < 2 || heads.every((h) => h.whole)) return null;
  const open = heads.filter((h) => !h.whole).length;
  // The rest: year tails and kinds, each where only header pieces come before it on its line (a kind in a
  // sentence, "Local plan to meet", is prose).
  const tails: Array<{ text: string; line: number }> = [];
  const kinds: Array<{ text: string; line: number }> = [];
  const pending: Array<{ text: string; line: number }> = [];
  let end = -1;
  for (let m = n; m < lines.length && m < at + HEADER_LINES; m++) {
    const tokens = words(m);
    if (tokens.some((t) => spec.isValue(t) && !YEAR_TAIL.test(t))) return null;
    for (const t of tokens) {
      if (YEAR_TAIL.test(t) && tails.length < open && (tokens.length === 1 || /[-–]/.test(t))) tails.push({ text: t, line: m });
      else if (spec.kindWord(t) && /^\p{L}+$/u.test(t)) kinds.push({ text: t, line: m });
      else if (/^\p{Ll}+$/u.test(t) && pending.some((h) => spec.kindWord(h.text + t))) {
        // A kind's tail: the first head it makes whole (a cell's lines print in order), in the head's place.
        const h = pending.findIndex((p) => spec.kindWord(p.text + t));
        kinds.push({ text: pending[h].text + t, line: pending[h].line });
        pending.splice(h, 1);
      } else if (/^\p{L}{3,}$/u.test(t) && spec.kindHead(t)) pending.push({ text: t, line: m });
      else break;
    }
    if (kinds.length >= heads.length && tails.length === open && pending.length === 0) {
      end = m + 1;
      break;
    }
  }
  if (end < 0 || kinds.length !== heads.length) return null;
  const kindOfEach = kinds.map((k) => spec.kindWord(k.text)!);
  if (!kindOfEach.every((k) => KINDS.has(k))) return null;
  // Years: each open head with one tail; heads on one line, and tails on one line, go left to right.
  const results = new Set<string>();
  let years: Array<{ start: number; end: number; line: number }> = [];
  for (const match of matchings(heads, tails.map((t) => t.text))) {
    const made = heads.map((h, i) => {
      const k = match.indexOf(i);
      return { ...(h.whole ?? joinYear(h.start, tails[k].text)!), line: h.line, order: h.order, tail: k };
    });
    const columnOf = (i: number) => made.filter((y, j) => y.start < made[i].start || (y.start === made[i].start && j < i)).length;
    const leftToRight = (same: number[][]) => same.every((g) => g.every((i, k) => k === 0 || columnOf(g[k - 1]) < columnOf(i)));
    const byLine = (lineOf: (i: number) => number, of: number[]) => [...new Set(of.map(lineOf))].map((l) => of.filter((i) => lineOf(i) === l));
    const headIdx = heads.map((_, i) => i);
    const tailIdx = match.map((i) => i);
    if (!leftToRight(byLine((i) => heads[i].line, headIdx)) || !leftToRight(byLine((i) => tails[made[i].tail]?.line ?? -1, tailIdx))) continue;
    const sorted = made.map((y, i) => ({ ...y, i })).sort((x, y) => columnOf(x.i) - columnOf(y.i));
    results.add(sorted.map((y) => `${y.start}-${y.end}`).join(' '));
    years = sorted.map((y) => ({ start: y.start, end: y.end, line: y.line }));
  }
  if (results.size !== 1) return null;
  const orders = kindOrders(years.map((y) => y.start), kindOfEach);
  if (orders.length !== 1) return null;
  const columns = years.map((y, i) => ({ ...y, kind: orders[0][i] }));
  // Within a year, the plan's column before the estimate's.
  columns.sort((x, y) => x.start - y.start || Number(x.kind === 'estimate') - Number(y.kind === 'estimate'));
  // Kinds on one line are cells read across, left to right: each must have a column of its kind right of the one
  // before ("Plan Actual" over two years is no actual of the first year).
  for (const line of new Set(kinds.map((k) => k.line))) {
    let before = -1;
    for (const k of kinds.filter((q) => q.line === line)) {
      before = columns.findIndex((c, i) => i > before && c.kind === spec.kindWord(k.text));
      if (before < 0) return null;
    }
  }
  return { columns, end };
}
