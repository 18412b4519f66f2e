// Quantiles: point estimate by R survey's qrule "math" (inverse of the weighted empirical
// CDF, i.e. R quantile type 1 when unweighted) and a Woodruff (1952) interval.
import { contextOf, type Estimation } from "./context.js";
import { tQuantile } from "./dist.js";
import { cdfAt } from "./estimators.js";
import { unavailable, type Estimate, type Unavailable } from "./estimate.js";
import type { EstimateNote } from "./notes.js";
import { domainRows, presentRows, type Domain } from "./rows.js";

export type QuantileEstimate = Omit<Estimate, "se" | "variance"> & {
  /** (upper − lower) / (2t), as R; null when a bound is not available. */
  se: number | null;
  variance: number | null;
  p: number;
  /** A bound is null (not available) when F(q) ∓ t·se leaves [0, 1], where R gives NA. */
  ci: [number | null, number | null];
  /** Same bounds as ci, for callers that read them by name. */
  lower: number | null;
  upper: number | null;
  level: number;
  method: "woodruff";
  /** Why a bound, and the se derived from the interval's width, is not available; else null. */
  boundNote: EstimateNote | null;
};

// Guards cumulative weight shares against rounding just below p (e.g. 0.49999999999999994).
const SHARE_TOLERANCE = 1e-12;

/** Smallest value whose cumulative weight share reaches p (qrule "math"); p <= 0 gives the minimum. */
function qruleMath(values: Float64Array, cumShare: Float64Array, p: number): number {
  for (let i = 0; i < values.length; i++) if (cumShare[i]! >= p - SHARE_TOLERANCE) return values[i]!;
  return values[values.length - 1]!;
}

/**
 * The p-th quantile of y over the domain. Interval (Woodruff 1952; R svyquantile with
 * qrule = "math", ci via the CDF): F(q) = the design mean of I(y <= q) at the estimate q, its
 * t(df) interval F(q) +- t * se mapped back through qrule "math" (R's woodruffCI).
 * The reported se is (upper - lower) / (2 t), as R's svyquantile reports it. A share below 0 or
 * above 1 has no quantile: that bound is not available (R: NaN), nor is the se, and `boundNote`
 * says why; the sample's minimum or maximum would be a bound the data cannot support.
 */
export function svyQuantile(e: Estimation, y: Float64Array, p: number, domain?: Domain, level = 0.95): QuantileEstimate | Unavailable {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
  const ctx = contextOf(e);
  const { design } = ctx;
  const used = presentRows(domainRows(ctx, domain, y).rows, y);
  if (used.length === 0) return unavailable("empty-domain", { code: "empty-domain" }, 0, 0, [...design.warnings]);
  // Collapse ties: one value, its summed weight (R rowsum(w, x)), the weights of tied rows added
  // in row order (what a stable sort by value followed by a running sum gives), then the
  // distinct values sorted. A tie group keeps the value of its first row (0 and -0 tie).
  const groups = new Map<number, { value: number; weight: number }>();
  for (let k = 0; k < used.length; k++) {
    const i = used[k]!;
    const v = y[i]!;
    const g = groups.get(v);
    if (g === undefined) groups.set(v, { value: v, weight: design.weights[i]! });
    else g.weight = g.weight + design.weights[i]!;
  }
  const sorted = [...groups.values()].sort((a, b) => a.value - b.value);
  const m = sorted.length;
  const values = Float64Array.from(sorted, (g) => g.value);
  let total = 0;
  for (let j = 0; j < m; j++) total = total + sorted[j]!.weight;
  const cum = new Float64Array(m);
  let acc = 0;
  for (let j = 0; j < m; j++) {
    acc += sorted[j]!.weight;
    cum[j] = acc / total;
  }
  const q = qruleMath(values, cum, p);

  // The CDF at q: the mean of I(y <= q) over the used rows, as svyMean on them.
  const cdf = cdfAt(ctx, y, q, domain);
  if (!cdf.available) return cdf;
  if (!(cdf.df > 0)) {
    return unavailable("no-variance", { code: "no-quantile-df" }, cdf.n, cdf.sumWeights, cdf.warnings);
  }
  const t = tQuantile(1 - (1 - level) / 2, cdf.df);
  // R's woodruffCI centres the CDF interval on F(q), the estimated share at or below q (not on
  // p, which F(q) exceeds whenever q's own weight straddles p).
  const shareLow = cdf.estimate - t * cdf.se;
  const shareHigh = cdf.estimate + t * cdf.se;
  const lower = shareLow < 0 ? null : qruleMath(values, cum, shareLow);
  const upper = shareHigh > 1 ? null : qruleMath(values, cum, shareHigh);
  const se = lower === null || upper === null ? null : (upper - lower) / (2 * t);
  return {
    ...cdf,
    estimate: q,
    se,
    variance: se === null ? null : se * se,
    deff: null,
    p,
    ci: [lower, upper],
    lower,
    upper,
    level,
    method: "woodruff",
    boundNote: boundNote(shareLow, shareHigh, lower, upper),
  };
}

/** Why a Woodruff bound is not available (its share F(q) ∓ t·se is outside [0, 1]); null when both are. */
function boundNote(shareLow: number, shareHigh: number, lower: number | null, upper: number | null): EstimateNote | null {
  if (lower !== null && upper !== null) return null;
  const share = (x: number): number => Number(x.toPrecision(3));
  return {
    code: "quantile-bound",
    low: lower === null ? share(shareLow) : null,
    high: upper === null ? share(shareHigh) : null,
    lower,
    upper,
  };
}
