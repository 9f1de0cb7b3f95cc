import { describe, expect, it } from 'vitest';
import { alignMonotonic, alignmentScore } from '../src/segment/align.js';

const row = (...v: number[]) => Float64Array.from(v.map((x) => (x < 0 ? -Infinity : x)));

describe('alignMonotonic', () => {
  it('keeps template order and prefers the total over a greedy first match (a contents entry)', () => {
    // Candidates: 0 = contents "a)", 1 = contents "b)", 2 = body "a)", 3 = body "b)".
    const weights = [row(0.9, -1, 1.0, -1), row(-1, 0.9, -1, 1.0)];
    const chosen = alignMonotonic(weights, 4);
    expect(chosen).toEqual([2, 3]);
    expect(alignmentScore(weights, chosen)).toBeCloseTo(2.0);
  });

  it('leaves a section unmatched rather than break the order', () => {
    // Section 1's only candidate comes before section 0's: one of them must go.
    const weights = [row(-1, 1.0), row(0.7, -1)];
    expect(alignMonotonic(weights, 2)).toEqual([1, -1]);
  });

  it('uses each candidate once', () => {
    const weights = [row(1.0), row(1.0)];
    expect(alignMonotonic(weights, 1).filter((j) => j === 0)).toHaveLength(1);
  });
});
