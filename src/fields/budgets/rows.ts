// The budget list's once-only rules: a row read twice (the same kind, year, scheme, source and amount) is kept once,
// and an "other" figure repeating one recorded under a specific kind for the same year goes.
import type { Budget } from '../../record/schema.js';

/** Adds a budget row unless the same row is there already. */
export function pushUnique(out: Budget[], b: Budget): void {
  const key = (x: Budget) => [x.kind, x.year, x.scheme ?? '', x.source ?? '', x.amountGbp].join('|');
  const own = key(b);
  if (!out.some((x) => key(x) === own)) out.push(b);
}

/** The once-only rule: an "other" figure repeating one already recorded under a specific kind (same year) goes. */
export function dropRepeatedOther(rows: Budget[]): Budget[] {
  return rows.filter(
    (b) => b.kind !== 'other' || !rows.some((x) => x.kind !== 'other' && x.kind !== 'scheme_spend' && x.year === b.year && x.amountGbp === b.amountGbp),
  );
}
