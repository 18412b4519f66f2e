// Design-based generalised linear models, as R survey's svyglm: point estimates by R glm.fit's
// IRLS with the design weights as prior weights, variance by the sandwich A⁻¹ B A⁻¹ whose meat
// B is the design covariance of the score totals from the one variance engine (svy.varcoef).
import { inverse, Matrix as MlMatrix, QrDecomposition } from "ml-matrix";
import type { EstimationContext } from "./context.js";
import { rowsDf } from "./df.js";
import { tCdf, tQuantile } from "./dist.js";
import { addScoreAt, scoreVariances, type Matrix } from "./variance.js";

/** gaussian: identity link (R gaussian()); binomial: logit link, dispersion free (R quasibinomial()). */
export type RegressionFamily = "gaussian" | "binomial";

export interface RegressionInput {
  family: RegressionFamily;
  /** The outcome per design row (0/1 for binomial). */
  y: Float64Array;
  /** The model matrix's columns per design row, the intercept's column of ones first. */
  x: readonly Float64Array[];
  /** The rows in the model: the universe's rows with every model variable present (ascending). */
  rows: Int32Array;
  /** The universe's rows, rows with a missing value included (R rescales the weights over them). */
  universeRows: Int32Array;
  /** Confidence level of the coefficients' intervals. */
  level?: number;
}

interface Coefficient {
  estimate: number;
  se: number;
  t: number;
  pValue: number;
  lower: number;
  upper: number;
}

export type RegressionResult =
  | { available: true; coefficients: Coefficient[]; cov: Matrix; df: number; n: number; iterations: number; warnings: string[] }
  | {
      available: false;
      reason: "no-rows" | "rank-deficient" | "not-converged" | "separation" | "no-df";
      message: string;
      n: number;
    };

/** R glm.control(): relative deviance change below epsilon within maxit iterations. */
const EPSILON = 1e-8;
const MAX_ITERATIONS = 25;
/** R's logit link clamps η at ±30 and bounds μ′(η) below by the machine epsilon (family.c). */
const THRESH = 30;
const DBL_EPSILON = 2.220446049250313e-16;
/** glm.fit's warning "fitted probabilities numerically 0 or 1 occurred" (a separated outcome). */
const FITTED_EPS = 10 * DBL_EPSILON;

interface Link {
  inverse(eta: number): number;
  derivative(eta: number): number;
  variance(mu: number): number;
  start(y: number, w: number): number;
  link(mu: number): number;
  deviance(y: number, mu: number, w: number): number;
}

const yLogY = (y: number, mu: number): number => (y > 0 ? y * Math.log(y / mu) : 0);

const links: Record<RegressionFamily, Link> = {
  gaussian: {
    inverse: (eta) => eta,
    derivative: () => 1,
    variance: () => 1,
    start: (y) => y,
    link: (mu) => mu,
    deviance: (y, mu, w) => w * (y - mu) * (y - mu),
  },
  binomial: {
    inverse: (eta) => {
      const t = eta < -THRESH ? DBL_EPSILON : eta > THRESH ? 1 / DBL_EPSILON : Math.exp(eta);
      return t / (1 + t);
    },
    derivative: (eta) => {
      if (eta > THRESH || eta < -THRESH) return DBL_EPSILON;
      const e = Math.exp(eta);
      return e / ((1 + e) * (1 + e));
    },
    variance: (mu) => mu * (1 - mu),
    // R binomial()$initialize: mustart = (weights * y + 0.5) / (weights + 1).
    start: (y, w) => (w * y + 0.5) / (w + 1),
    link: (mu) => Math.log(mu / (1 - mu)),
    deviance: (y, mu, w) => 2 * w * (yLogY(y, mu) + yLogY(1 - y, 1 - mu)),
  },
};

/**
 * svyglm(formula, design, family): coefficients, their sandwich covariance, and t tests and
 * intervals on df = degf(design of the model's rows) + 1 − p (R's df.residual).
 */
export function svyGlm(ctx: EstimationContext, input: RegressionInput): RegressionResult {
  const { rows, x, y } = input;
  const n = rows.length;
  const p = x.length;
  const link = links[input.family];
  if (n === 0) return { available: false, reason: "no-rows", message: "no row has every model variable", n };
  // R rescales the weights to mean 1 over the design's rows; only the binomial start depends on it.
  const weights = ctx.design.weights;
  let sum = 0;
  for (const i of input.universeRows) sum += weights[i]!;
  const mean = sum / input.universeRows.length;
  const w = Float64Array.from(rows, (i) => weights[i]! / mean);
  const yy = Float64Array.from(rows, (i) => y[i]!);
  const X = new MlMatrix(n, p);
  for (let j = 0; j < p; j++) {
    const col = x[j]!;
    for (let k = 0; k < n; k++) X.set(k, j, col[rows[k]!]!);
  }

  const first = irls(link, X, yy, w, null);
  if (first.failed !== null) {
    const message =
      first.failed === "rank-deficient"
        ? "the predictors are collinear in the model's rows (a column is a combination of others)"
        : `the fit did not converge in ${MAX_ITERATIONS} iterations`;
    return { available: false, reason: first.failed, message, n };
  }
  const { beta, mu, eta, working, iterations } = first;
  if (input.family === "binomial" && mu.some((m) => m > 1 - FITTED_EPS || m < FITTED_EPS)) {
    return {
      available: false,
      reason: "separation",
      message: "fitted probabilities of 0 or 1 occur: the predictors separate the outcome",
      n,
    };
  }

  // svy.varcoef: A⁻¹ = (X′WX)⁻¹ with the last iteration's working weights; each row's score is
  // x_i · W_i · (y_i − μ_i)/μ′(η_i) (estfun), times A⁻¹; the engine gives their totals' covariance.
  const XtWX = new MlMatrix(p, p);
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += X.get(k, a) * working[k]! * X.get(k, b);
      XtWX.set(a, b, s);
      XtWX.set(b, a, s);
    }
  }
  const Ainv = inverse(XtWX).to2DArray();
  const scores = new Float64Array(n * p);
  for (let k = 0; k < n; k++) {
    const r = ((yy[k]! - mu[k]!) / link.derivative(eta[k]!)) * working[k]!;
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let l = 0; l < p; l++) s += X.get(k, l) * r * Ainv[l]![j]!;
      scores[k * p + j] = s;
    }
  }
  const coefficientsOf = (fit: MlMatrix): Float64Array => Float64Array.from({ length: p }, (_, j) => fit.get(j, 0));
  const { cov, warnings } = scoreVariances(
    ctx,
    p,
    (totals, lo, hi) => {
      for (let k = 0; k < n; k++) {
        for (let j = lo; j < hi; j++) addScoreAt(ctx.design, totals[j - lo]!, rows[k]!, scores[k * p + j]!);
      }
    },
    {
      joint: true,
      // R svyglm.svyrep.design: glm.fit on each replicate's weights (over the model's rows, summing to 1) from the full fit.
      replicates: {
        full: coefficientsOf(beta),
        at: (weights) => {
          let total = 0;
          for (const i of rows) total += weights[i]!;
          const fit = irls(
            link,
            X,
            yy,
            Float64Array.from(rows, (i) => weights[i]! / total),
            beta,
          );
          return fit.failed === null ? coefficientsOf(fit.beta) : new Float64Array(p).fill(Number.NaN);
        },
      },
    },
  );
  const V = cov as Matrix;
  // R: degf(design) + 1 − p, with the model's rows on a linearised design, the universe's (missing values in) on a replicate one.
  const df = rowsDf(ctx, ctx.design.replicates ? input.universeRows : rows) + 1 - p;
  if (df < 1) {
    return { available: false, reason: "no-df", message: `the design has ${df + p - 1} degrees of freedom for ${p} coefficients`, n };
  }
  const q = tQuantile(1 - (1 - (input.level ?? 0.95)) / 2, df);
  const coefficients = Array.from({ length: p }, (_, j): Coefficient => {
    const estimate = beta.get(j, 0);
    const se = Math.sqrt(Math.max(V[j]![j]!, 0));
    const t = estimate / se;
    return { estimate, se, t, pValue: Math.min(1, 2 * tCdf(-Math.abs(t), df)), lower: estimate - q * se, upper: estimate + q * se };
  });
  return { available: true, coefficients, cov: V, df, n, iterations, warnings: [...ctx.design.warnings, ...warnings] };
}

type Fit =
  | { failed: null; beta: MlMatrix; mu: Float64Array; eta: Float64Array; working: Float64Array; iterations: number }
  | { failed: "rank-deficient" | "not-converged" };

/**
 * R glm.fit's IRLS with prior weights w: from R's starting values (`start` null) or from
 * coefficients (glm.fit's start =, as svyglm refits each replicate).
 */
function irls(link: Link, X: MlMatrix, yy: Float64Array, w: Float64Array, start: MlMatrix | null): Fit {
  const n = yy.length;
  const p = X.columns;
  const mu = new Float64Array(n);
  const eta = new Float64Array(n);
  const predict = (b: MlMatrix): void => {
    for (let k = 0; k < n; k++) {
      let e = 0;
      for (let j = 0; j < p; j++) e += X.get(k, j) * b.get(j, 0);
      eta[k] = e;
      mu[k] = link.inverse(e);
    }
  };
  if (start) predict(start);
  else
    for (let k = 0; k < n; k++) {
      mu[k] = link.start(yy[k]!, w[k]!);
      eta[k] = link.link(mu[k]!);
    }
  let devold = deviance(link, yy, mu, w);
  const working = new Float64Array(n);
  let beta: MlMatrix | null = null;
  let converged = false;
  let iterations = 0;
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    const Xw = new MlMatrix(n, p);
    const zw = new MlMatrix(n, 1);
    for (let k = 0; k < n; k++) {
      const d = link.derivative(eta[k]!);
      const z = eta[k]! + (yy[k]! - mu[k]!) / d;
      const ww = Math.sqrt((w[k]! * d * d) / link.variance(mu[k]!));
      working[k] = ww * ww;
      zw.set(k, 0, z * ww);
      for (let j = 0; j < p; j++) Xw.set(k, j, X.get(k, j) * ww);
    }
    const qr = new QrDecomposition(Xw);
    if (!qr.isFullRank()) return { failed: "rank-deficient" };
    beta = qr.solve(zw);
    predict(beta);
    const dev = deviance(link, yy, mu, w);
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < EPSILON) {
      converged = true;
      break;
    }
    devold = dev;
  }
  if (!converged || beta === null) return { failed: "not-converged" };
  return { failed: null, beta, mu, eta, working, iterations };
}

function deviance(link: Link, y: Float64Array, mu: Float64Array, w: Float64Array): number {
  let s = 0;
  for (let k = 0; k < y.length; k++) s += link.deviance(y[k]!, mu[k]!, w[k]!);
  return s;
}
