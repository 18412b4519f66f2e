// Rao–Scott tests of independence in a two-way table (Rao & Scott 1981, 1984), as R survey's
// svychisq(~a + b, design) with statistic "F" (the default, second-order) and "Chisq" (first-order).
import { Matrix as MlMatrix, solve } from "ml-matrix";
import { chisqCdf, fCdf } from "./dist.js";
import type { Matrix } from "./variance.js";

export interface RaoScottInput {
  /** The cell shares of an r × c table, row-major (cell (i, j) at i·c + j), summing to 1. */
  shares: ArrayLike<number>;
  /** Their design-based covariance (the one variance engine's, as svymean of the interaction). */
  cov: Matrix;
  rows: number;
  cols: number;
  /** The rows of the design the table is estimated in, rows with a missing value included (R's nrow). */
  designRows: number;
  /** The design's degrees of freedom (PSUs less strata of that design, R's nu). */
  df: number;
}

interface RaoScottTests {
  /**
   * Pearson's X² of the weighted table scaled to `designRows` (chisq.test(svytable(Ntotal = N))):
   * the statistic R prints for "Chisq", whose p value is that of the first-order statistic below.
   */
  pearson: number;
  /** Second-order: F = X² / tr(Δ) on d₀ = tr(Δ)² / tr(Δ²) and d₀·df degrees of freedom. */
  f: { statistic: number; ndf: number; ddf: number; pValue: number };
  /** First-order: X² / mean of Δ's eigenvalues, on (r − 1)(c − 1) degrees of freedom. */
  chisq: { statistic: number; df: number; pValue: number };
}

export type RaoScottResult =
  | ({ available: true } & RaoScottTests)
  | { available: false; reason: "empty-row" | "empty-column" | "too-few-categories" | "no-df" | "no-variance"; index: number };

/**
 * The design effect matrix Δ = (C′D⁻¹C/N)⁻¹ (C′D⁻¹VD⁻¹C), D = diag(shares) (a zero share's
 * inverse taken as 0, as R), C any basis of the interaction contrasts: the traces R's svychisq
 * uses do not depend on the basis, so the Kronecker products of "level k less the last level"
 * stand for R's QR residuals. Eigenvalues enter only through tr(Δ) and tr(Δ²).
 */
export function raoScott(input: RaoScottInput): RaoScottResult {
  const { shares, cov, rows: r, cols: c, designRows: n, df } = input;
  if (r < 2 || c < 2) return { available: false, reason: "too-few-categories", index: -1 };
  const rowShare = Array.from({ length: r }, (_, i) => sumOf(c, (j) => shares[i * c + j]!));
  const colShare = Array.from({ length: c }, (_, j) => sumOf(r, (i) => shares[i * c + j]!));
  const emptyRow = rowShare.findIndex((p) => !(p > 0));
  if (emptyRow >= 0) return { available: false, reason: "empty-row", index: emptyRow };
  const emptyCol = colShare.findIndex((p) => !(p > 0));
  if (emptyCol >= 0) return { available: false, reason: "empty-column", index: emptyCol };
  if (!(df > 0)) return { available: false, reason: "no-df", index: -1 };
  let pearson = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const expected = rowShare[i]! * colShare[j]!;
      pearson += (shares[i * c + j]! - expected) ** 2 / expected;
    }
  }
  pearson *= n;
  const k = r * c;
  const m = (r - 1) * (c - 1);
  const inv = Array.from({ length: k }, (_, q) => (shares[q] === 0 ? 0 : 1 / shares[q]!));
  // D⁻¹C: column (i, j) of C is +1 at (i, j) and (r−1, c−1), −1 at (i, c−1) and (r−1, j).
  const dc = Array.from({ length: k }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < r - 1; i++) {
    for (let j = 0; j < c - 1; j++) {
      const col = i * (c - 1) + j;
      for (const [cell, sign] of [
        [i * c + j, 1],
        [i * c + c - 1, -1],
        [(r - 1) * c + j, -1],
        [(r - 1) * c + c - 1, 1],
      ] as const) {
        dc[cell]![col] = sign * inv[cell]!;
      }
    }
  }
  const dcm = new MlMatrix(dc);
  // C′D⁻¹C / N equals (D⁻¹C)′ D (D⁻¹C) / N, D⁻¹ a generalised inverse where a share is 0.
  const cm = new MlMatrix(dc.map((row, q) => row.map((v) => v * (shares[q] as number))));
  const denom = dcm.transpose().mmul(cm).div(n);
  const numr = dcm.transpose().mmul(new MlMatrix(cov)).mmul(dcm);
  let delta: MlMatrix;
  try {
    delta = solve(denom, numr);
  } catch {
    return { available: false, reason: "no-variance", index: -1 };
  }
  const trace = delta.trace();
  const trace2 = delta.mmul(delta).trace();
  if (!(trace > 0 && trace2 > 0 && Number.isFinite(trace) && Number.isFinite(trace2)))
    return { available: false, reason: "no-variance", index: -1 };
  const d0 = trace ** 2 / trace2;
  const f = pearson / trace;
  const chisq = (pearson * m) / trace;
  return {
    available: true,
    pearson,
    f: { statistic: f, ndf: d0, ddf: d0 * df, pValue: 1 - fCdf(f, d0, d0 * df) },
    chisq: { statistic: chisq, df: m, pValue: 1 - chisqCdf(chisq, m) },
  };
}

function sumOf(count: number, at: (k: number) => number): number {
  let s = 0;
  for (let k = 0; k < count; k++) s += at(k);
  return s;
}
