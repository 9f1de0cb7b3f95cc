// Monotonic alignment of template sections to candidate headings (dynamic programming): sections keep
// the template's order, each candidate serves at most one section, and the total match score is
// maximal. A contents list cannot steal a section because its entries score lower (no body follows
// them) and taking them would leave the body headings unmatched.

/**
 * weights[i][j]: score of section i at candidate j, or -Infinity where not allowed.
 * Returns for each section the chosen candidate index, or -1.
 */
export function alignMonotonic(weights: Float64Array[], candidateCount: number): number[] {
  const n = weights.length;
  const m = candidateCount;
  const w = m + 1;
  const dp = new Float64Array((n + 1) * w);
  // 0 = skip section, 1 = skip candidate, 2 = match
  const move = new Uint8Array((n + 1) * w);
  for (let j = 1; j <= m; j++) move[j] = 1;
  for (let i = 1; i <= n; i++) {
    const row = weights[i - 1];
    dp[i * w] = dp[(i - 1) * w];
    move[i * w] = 0;
    for (let j = 1; j <= m; j++) {
      let best = dp[(i - 1) * w + j];
      let mv = 0;
      const skipCand = dp[i * w + j - 1];
      if (skipCand > best) {
        best = skipCand;
        mv = 1;
      }
      const s = row[j - 1];
      if (s > -Infinity) {
        const take = dp[(i - 1) * w + j - 1] + s;
        if (take > best) {
          best = take;
          mv = 2;
        }
      }
      dp[i * w + j] = best;
      move[i * w + j] = mv;
    }
  }
  const chosen = new Array<number>(n).fill(-1);
  let i = n;
  let j = m;
  while (i > 0 && j >= 0) {
    const mv = move[i * w + j];
    if (j === 0 || mv === 0) i--;
    else if (mv === 1) j--;
    else {
      chosen[i - 1] = j - 1;
      i--;
      j--;
    }
  }
  return chosen;
}

/** Total score of an alignment. */
export function alignmentScore(weights: Float64Array[], chosen: number[]): number {
  return chosen.reduce((sum, j, i) => (j >= 0 ? sum + weights[i][j] : sum), 0);
}
