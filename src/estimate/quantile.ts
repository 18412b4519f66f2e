// Quantiles: point estimate by R survey's qrule "math" (inverse of the weighted empirical
// CDF, i.e. R quantile type 1 when unweighted) and a Woodruff (1952) interval.
import type { SurveyDesign } from "./design.js";
import { tQuantile } from "./dist.js";
import { svyMean } from "./estimators.js";
import { unavailable, type Estimate, type Unavailable } from "./result.js";
import { usedRows } from "./rows.js";

export type QuantileEstimate = Estimate & {
  p: number;
  ci: [number, number];
  /** Same bounds as ci, for callers that read them by name. */
  lower: number;
  upper: number;
  level: number;
  method: "woodruff";
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
 * qrule = "math", ci via the CDF): se of F(q) = the design se of the mean of I(y <= q) at the
 * estimate q, the t(df) interval p +- t * se for the CDF, mapped back through qrule "math".
 * The reported se is (upper - lower) / (2 t), as R's svyquantile reports it.
 */
export function svyQuantile(design: SurveyDesign, y: Float64Array, p: number, domain?: Uint8Array, level = 0.95): QuantileEstimate | Unavailable {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
  const mask = usedRows(design, domain, y);
  const rows: number[] = [];
  for (let i = 0; i < design.n; i++) if (mask[i]) rows.push(i);
  if (rows.length === 0) return unavailable("empty-domain", "no rows in the domain", 0, 0, [...design.warnings]);
  rows.sort((a, b) => y[a]! - y[b]!);
  // Collapse ties: one value, its summed weight (R rowsum(w, x)).
  const vals: number[] = [];
  const wts: number[] = [];
  for (const i of rows) {
    const v = y[i]!;
    if (vals.length > 0 && vals[vals.length - 1] === v) wts[wts.length - 1]! += design.weights[i]!;
    else {
      vals.push(v);
      wts.push(design.weights[i]!);
    }
  }
  const total = wts.reduce((a, b) => a + b, 0);
  const values = Float64Array.from(vals);
  const cum = new Float64Array(wts.length);
  let acc = 0;
  wts.forEach((w, j) => {
    acc += w;
    cum[j] = acc / total;
  });
  const q = qruleMath(values, cum, p);

  const below = new Float64Array(design.n).fill(NaN);
  for (const i of rows) below[i] = y[i]! <= q ? 1 : 0;
  const cdf = svyMean(design, below, domain);
  if (!cdf.available) return cdf;
  if (!(cdf.df > 0)) {
    return unavailable("no-variance", "no design degrees of freedom for a quantile interval", cdf.n, cdf.sumWeights, cdf.warnings);
  }
  const t = tQuantile(1 - (1 - level) / 2, cdf.df);
  const lower = qruleMath(values, cum, Math.max(0, p - t * cdf.se));
  const upper = qruleMath(values, cum, Math.min(1, p + t * cdf.se));
  const se = (upper - lower) / (2 * t);
  return {
    ...cdf,
    estimate: q,
    se,
    variance: se * se,
    deff: null,
    p,
    ci: [lower, upper],
    lower,
    upper,
    level,
    method: "woodruff",
  };
}
