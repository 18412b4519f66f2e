// Trimming weights to bounds (R survey 4.1-1 trimWeights on a survey.design2): weights outside
// [lower, upper] are set to the bound they cross and what they lost or gained is shared equally
// by the weights inside, so Σw is kept; `strict` repeats the pass until no weight is outside.
// Only the weights change: a weighted design keeps its calibration residuals (R keeps postStrata).

export interface TrimOptions {
  lower: number;
  upper: number;
  strict: boolean;
  /** Passes at most under `strict` (R recurses until its stack runs out). */
  maxPasses: number;
}

export interface TrimResult {
  weights: Float64Array;
  /** Passes done (0 when no weight was outside the bounds). */
  passes: number;
  /** Rows set to the lower, and to the upper bound, in any pass. */
  trimmedLower: number;
  trimmedUpper: number;
  /** Why the bounds could not be met: no weight inside to take the excess, or `maxPasses` reached under `strict`. */
  failure: "none-inside" | "passes" | null;
}

const outsideOf = (v: number, lower: number, upper: number): boolean => v < lower || v > upper;

export function trimWeights(base: Float64Array, { lower, upper, strict, maxPasses }: TrimOptions): TrimResult {
  const w = Float64Array.from(base);
  // +1: last set to the upper bound, −1: to the lower bound, 0: never trimmed.
  const side = new Int8Array(w.length);
  let passes = 0;
  let failure: TrimResult["failure"] = null;
  for (;;) {
    let excess = 0;
    let inside = 0;
    let anyOutside = false;
    for (const v of w) {
      if (outsideOf(v, lower, upper)) anyOutside = true;
      else inside++;
    }
    if (!anyOutside) break;
    if (passes === maxPasses) {
      failure = "passes";
      break;
    }
    if (inside === 0) {
      failure = "none-inside";
      break;
    }
    passes++;
    const wasOutside = Uint8Array.from(w, (v) => (outsideOf(v, lower, upper) ? 1 : 0));
    for (let i = 0; i < w.length; i++) {
      if (!wasOutside[i]) continue;
      const above = w[i]! > upper;
      const bound = above ? upper : lower;
      // From the weight, not the bound: with lower = upper the bound alone cannot tell the side.
      side[i] = above ? 1 : -1;
      excess += w[i]! - bound;
      w[i] = bound;
    }
    const share = excess / inside;
    for (let i = 0; i < w.length; i++) if (!wasOutside[i]) w[i] = w[i]! + share;
    if (!strict) break;
  }
  let trimmedLower = 0;
  let trimmedUpper = 0;
  for (const s of side) {
    if (s < 0) trimmedLower++;
    else if (s > 0) trimmedUpper++;
  }
  return { weights: w, passes, trimmedLower, trimmedUpper, failure };
}
