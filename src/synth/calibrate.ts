// Calibration of model intercepts so that weighted marginals hit the published figures.
//
// Binary outcomes follow a latent-threshold (logit) model: y = 1 when t_i < alpha, where
// t_i = (logistic error_i) - (linear predictor_i) is drawn once per row. The weighted share is then
// monotone in the intercept alpha, so bisection finds it; the draws never change, only alpha does.

/** Close enough: 100 times tighter than the ±0.001 that separates a figure from a rounding edge. */
const TOLERANCE = 1e-5;

/**
 * Intercept alpha such that sum(w_i [t_i < alpha]) over eligible rows is as close as possible to
 * `target` times the eligible weight. `eligible[i]` = 1 marks rows in the denominator; t = -Infinity
 * (always 1) and +Infinity (never 1) are allowed.
 */
export function thresholdFor(t: Float64Array, w: Float64Array, eligible: Uint8Array, target: number): number {
  // Compact the finite eligible rows once: each bisection step is then one tight loop.
  let total = 0;
  let fixed = 0;
  let m = 0;
  const ts = new Float64Array(t.length);
  const ws = new Float64Array(t.length);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < t.length; i++) {
    if (eligible[i] !== 1) continue;
    const wi = w[i] as number;
    const ti = t[i] as number;
    total += wi;
    if (ti === -Infinity) fixed += wi;
    if (!Number.isFinite(ti)) continue;
    ts[m] = ti;
    ws[m] = wi;
    m++;
    if (ti < lo) lo = ti;
    if (ti > hi) hi = ti;
  }
  if (total === 0 || m === 0) return 0;
  const share = (alpha: number): number => {
    let s = fixed;
    for (let k = 0; k < m; k++) if ((ts[k] as number) < alpha) s += ws[k] as number;
    return s / total;
  };
  return closestByBisection(share, lo, hi + 1, target);
}

/**
 * For a non-decreasing step function f with f(lo) <= target <= f(hi), bisects towards the step
 * where f crosses `target`; stops once within TOLERANCE, else returns the closer bracket end.
 */
export function closestByBisection(f: (x: number) => number, lo: number, hi: number, target: number): number {
  let a = lo;
  let b = hi;
  for (let k = 0; k < 64; k++) {
    const mid = (a + b) / 2;
    const fm = f(mid);
    if (Math.abs(fm - target) <= TOLERANCE) return mid;
    if (fm < target) a = mid;
    else b = mid;
  }
  return Math.abs(f(a) - target) <= Math.abs(f(b) - target) ? a : b;
}
