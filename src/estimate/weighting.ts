// Weighting a design to known population counts: post-stratification (R postStratify) and
// raking (R rake), with the linearisation R's svyrecvar uses for such designs: each score is
// replaced by its residual from the post-strata (for raking, ten back-fitting sweeps over the
// margins), applied once, in the variance engine, to every estimator's scores.
import { Matrix as MlMatrix, pseudoInverse } from "ml-matrix";
import type { Calibration, SurveyDesign } from "./design.js";

/** One margin: each row's category (0..k-1; never missing) and the population count of each. */
export interface WeightingMargin {
  codes: ArrayLike<number>;
  targets: readonly number[];
}

export interface WeightingResult {
  weights: Float64Array;
  calibration: Calibration;
  /** Raking sweeps done (1 for a post-stratification) and whether the change fell below the tolerance. */
  iterations: number;
  converged: boolean;
}

/** w_i · T_g / Σ_{g} w: the weights post-stratified on one margin (R postStratify). */
function poststratified(w: Float64Array, margin: WeightingMargin): Float64Array {
  const sums = new Float64Array(margin.targets.length);
  for (let i = 0; i < w.length; i++) {
    const g = margin.codes[i]!;
    sums[g] = sums[g]! + w[i]!;
  }
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const g = margin.codes[i]!;
    out[i] = w[i]! / (sums[g]! / margin.targets[g]!);
  }
  return out;
}

function calibrationOf(
  margins: readonly WeightingMargin[],
  coefs: readonly { sCoef: Float64Array; bCoef: Float64Array }[],
  sweeps: number,
): Calibration {
  const offsets: number[] = [];
  let size = 0;
  for (const m of margins) {
    offsets.push(size);
    size += m.targets.length;
  }
  const cross = new Float64Array(size * size);
  const n = margins[0]?.codes.length ?? 0;
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < margins.length; a++) {
      const sa = offsets[a]! + margins[a]!.codes[i]!;
      const s = coefs[a]!.sCoef[i]!;
      for (let b = 0; b < margins.length; b++) {
        const sb = offsets[b]! + margins[b]!.codes[i]!;
        cross[sa * size + sb] = cross[sa * size + sb]! + s * coefs[b]!.bCoef[i]!;
      }
    }
  }
  return {
    margins: margins.map((m, k) => ({ offset: offsets[k]!, levels: m.targets.length, codes: m.codes, ...coefs[k]! })),
    size,
    sweeps,
    cross,
  };
}

/** R postStratify on one margin (a field, or crossed fields coded as one). */
export function postStratify(base: Float64Array, margin: WeightingMargin): WeightingResult {
  const weights = poststratified(base, margin);
  // R: psmeans = Σ_g x·oldw/psw / Σ_g oldw; x − psmeans·psw.
  const sCoef = new Float64Array(base.length);
  for (let i = 0; i < base.length; i++) sCoef[i] = weights[i]! === 0 ? 0 : base[i]! / weights[i]!;
  return { weights, calibration: calibrationOf([margin], [{ sCoef, bCoef: weights }], 1), iterations: 1, converged: true };
}

/**
 * R rake: post-stratify on each margin in turn until the weighted table of all margins' cells
 * changes by less than `tolerance` (R's epsilon: a count, or below 1 a share of Σw) in a sweep,
 * at most `maxIterations` sweeps.
 */
export function rake(
  base: Float64Array,
  margins: readonly WeightingMargin[],
  { maxIterations, tolerance }: { maxIterations: number; tolerance: number },
): WeightingResult {
  let total = 0;
  for (const w of base) total += w;
  const epsilon = tolerance < 1 ? tolerance * total : tolerance;
  const cellOf = crossedCells(margins);
  let w = base;
  let old = cellTable(w, cellOf);
  let steps: Float64Array[] = [];
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    steps = [];
    for (const m of margins) steps.push((w = poststratified(w, m)));
    const table = cellTable(w, cellOf);
    let delta = 0;
    for (const [cell, v] of table) delta = Math.max(delta, Math.abs(v - (old.get(cell) ?? 0)));
    for (const [cell, v] of old) if (!table.has(cell)) delta = Math.max(delta, Math.abs(v));
    iterations++;
    if (delta < epsilon) {
      converged = true;
      break;
    }
    old = table;
  }
  // R svyrecvar's raking branch: x − psw·ave(x/psw, margin), psw the weights after that margin's step.
  const coefs = steps.map((psw) => ({ sCoef: psw.map((v) => (v === 0 ? 0 : 1 / v)), bCoef: psw }));
  return { weights: w, calibration: calibrationOf(margins, coefs, 10), iterations, converged };
}

/** Each row's cell of the margins crossed (mixed radix). */
function crossedCells(margins: readonly WeightingMargin[]): Float64Array {
  const n = margins[0]?.codes.length ?? 0;
  const cells = new Float64Array(n);
  for (const m of margins) {
    const k = m.targets.length;
    for (let i = 0; i < n; i++) cells[i] = cells[i]! * k + m.codes[i]!;
  }
  return cells;
}

function cellTable(w: Float64Array, cells: Float64Array): Map<number, number> {
  const table = new Map<number, number>();
  for (let i = 0; i < w.length; i++) table.set(cells[i]!, (table.get(cells[i]!) ?? 0) + w[i]!);
  return table;
}

/** The design with its weights replaced by the calibrated ones and the residualisation attached. */
export function weightedDesign(design: SurveyDesign, result: WeightingResult): SurveyDesign {
  return { ...design, weights: result.weights, calibration: result.calibration };
}

/** Each slot's back-fitting coefficient from a column's slot sums (R svyrecvar's sweeps). */
function coefficients(cal: Calibration, sums: Float64Array): Float64Array {
  const { size, cross } = cal;
  if (cal.sweeps === 0) {
    // Calibration: the weighted least-squares fit on the calibration variables, (X'DX)⁺ Σ x_i X_i / g_i.
    const inv = pseudoInverse(new MlMatrix(Array.from({ length: size }, (_, a) => Array.from(cross.subarray(a * size, (a + 1) * size)))));
    return Float64Array.from(inv.mmul(MlMatrix.columnVector(Array.from(sums))).getColumn(0));
  }
  const a = new Float64Array(size);
  for (let sweep = 0; sweep < cal.sweeps; sweep++) {
    for (const m of cal.margins) {
      for (let g = m.offset; g < m.offset + m.levels; g++) {
        const diag = cross[g * size + g]!;
        if (diag === 0) continue;
        let r = sums[g]!;
        for (let b = 0; b < size; b++) r -= cross[g * size + b]! * a[b]!;
        a[g] = a[g]! + r / diag;
      }
    }
  }
  return a;
}

/**
 * Replaces a column's cluster totals (every stage) by those of the residual scores, from its slot
 * sums (`column[stages.length]`, filled by addScoreAt).
 */
export function residualise(design: SurveyDesign, cal: Calibration, column: Float64Array[]): void {
  const a = coefficients(cal, column[design.stages.length]!);
  const stages = design.stages;
  for (let i = 0; i < design.n; i++) {
    let d = 0;
    for (const m of cal.margins) d += m.bCoef[i]! * a[m.offset + m.codes[i]!]!;
    if (d === 0) continue;
    for (let s = 0; s < stages.length; s++) {
      const t = column[s]!;
      const j = stages[s]!.clusterOfRow[i]!;
      t[j] = t[j]! - d;
    }
  }
}

/** The weights' spread: min, max, Σw, CV (sd with divisor n − 1, over the mean) and Kish's n_eff = (Σw)²/Σw². */
export interface WeightStats {
  min: number;
  max: number;
  sum: number;
  cv: number;
  nEff: number;
}

export function weightStats(w: Float64Array): WeightStats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sq = 0;
  for (const v of w) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
    sq += v * v;
  }
  const n = w.length;
  const mean = sum / n;
  let ss = 0;
  for (const v of w) ss += (v - mean) ** 2;
  return { min, max, sum, cv: n > 1 && mean !== 0 ? Math.sqrt(ss / (n - 1)) / mean : 0, nEff: sq > 0 ? (sum * sum) / sq : 0 };
}

/** Σw of each category of a margin (the margin reached, against its targets). */
export function marginSums(w: Float64Array, margin: WeightingMargin): number[] {
  const sums = new Array<number>(margin.targets.length).fill(0);
  for (let i = 0; i < w.length; i++) {
    const g = margin.codes[i]!;
    sums[g] = sums[g]! + w[i]!;
  }
  return sums;
}

/** A numeric calibration variable: each row's value and the population total. */
export interface CalibrationTotal {
  values: Float64Array;
  total: number;
}

/** R calibrate's calfun: g = 1 + F(u) and its derivative, within bounds [lower, upper] of g. */
type CalFun = (u: number) => { f: number; df: number };

function calfun(kind: "linear" | "raking" | "logit", lower: number, upper: number): CalFun {
  if (kind === "raking") return (u) => ({ f: Math.exp(u) - 1, df: Math.exp(u) });
  if (kind === "linear") return (u) => ({ f: Math.min(Math.max(u + 1, lower), upper) - 1, df: u < upper - 1 && u > lower - 1 ? 1 : 0 });
  const A = (upper - lower) / ((upper - 1) * (1 - lower));
  return (u) => {
    const e = Math.exp(A * u);
    const den = upper - 1 + (1 - lower) * e;
    const num = lower * (upper - 1) + upper * (1 - lower) * e;
    return { f: num / den - 1, df: (upper * (1 - lower) * e * A) / den - (num * ((1 - lower) * e * A)) / den ** 2 };
  };
}

/**
 * R calibrate(calfun, bounds) (grake: Newton steps on the calibration equations, the generalised
 * inverse of X'diag(d F')X, step halving where a weight is not finite, stopping when every total
 * is met to `tolerance` relative (R's epsilon, 1e-7), at most `maxIterations` steps). Categorical margins enter as every
 * category's indicator (the same column space as R's treatment contrasts with an intercept).
 */
export function calibrate(
  base: Float64Array,
  margins: readonly WeightingMargin[],
  totals: readonly CalibrationTotal[],
  opts: { calfun: "linear" | "raking" | "logit"; lower: number; upper: number; maxIterations: number; tolerance: number },
): WeightingResult {
  const n = base.length;
  const columns: Float64Array[] = [];
  const population: number[] = [];
  for (const m of margins) {
    for (let g = 0; g < m.targets.length; g++) {
      columns.push(Float64Array.from({ length: n }, (_, i) => (m.codes[i] === g ? 1 : 0)));
      population.push(m.targets[g]!);
    }
  }
  for (const t of totals) {
    columns.push(t.values);
    population.push(t.total);
  }
  const p = columns.length;
  const F = calfun(opts.calfun, opts.lower, opts.upper);
  const eta = new Float64Array(p);
  const g = new Float64Array(n);
  const deriv = new Float64Array(n);
  const update = (): boolean => {
    let finite = true;
    for (let i = 0; i < n; i++) {
      let u = 0;
      for (let k = 0; k < p; k++) u += columns[k]![i]! * eta[k]!;
      const { f, df } = F(u);
      g[i] = 1 + f;
      deriv[i] = df;
      if (!Number.isFinite(g[i]!) || !Number.isFinite(df)) finite = false;
    }
    return finite;
  };
  const misfit = (): number[] =>
    population.map((pop, k) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += columns[k]![i]! * base[i]! * g[i]!;
      return pop - s;
    });
  update();
  let iterations = 1;
  let converged = false;
  for (;;) {
    const T = new MlMatrix(p, p);
    for (let a = 0; a < p; a++)
      for (let b = a; b < p; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += columns[a]![i]! * base[i]! * deriv[i]! * columns[b]![i]!;
        T.set(a, b, s);
        T.set(b, a, s);
      }
    const step = pseudoInverse(T, 256 * Number.EPSILON)
      .mmul(MlMatrix.columnVector(misfit()))
      .getColumn(0);
    for (let k = 0; k < p; k++) eta[k] = eta[k]! + step[k]!;
    while (!update() && iterations < opts.maxIterations) {
      iterations++;
      for (let k = 0; k < p; k++) {
        step[k] = step[k]! / 2;
        eta[k] = eta[k]! - step[k]!;
      }
    }
    const miss = misfit();
    if (miss.every((m, k) => Math.abs(m) / (1 + Math.abs(population[k]!)) < opts.tolerance)) {
      converged = true;
      break;
    }
    iterations++;
    if (iterations > opts.maxIterations) break;
  }
  const weights = Float64Array.from(base, (d, i) => d * g[i]!);
  const slots: WeightingMargin[] = [...margins, ...totals.map(() => ({ codes: new Int8Array(n), targets: [0] }))];
  const coefs = [
    ...margins.map(() => ({ sCoef: Float64Array.from(g, (gi) => (gi === 0 ? 0 : 1 / gi)), bCoef: weights })),
    ...totals.map((t) => ({
      sCoef: Float64Array.from(t.values, (v, i) => (g[i] === 0 ? 0 : v / g[i]!)),
      bCoef: Float64Array.from(t.values, (v, i) => v * weights[i]!),
    })),
  ];
  return { weights, calibration: calibrationOf(slots, coefs, 0), iterations, converged };
}
