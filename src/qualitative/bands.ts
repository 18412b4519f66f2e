/** Interpretation bands for agreement coefficients, each with the source it comes from. */

export interface Band {
  key: string;
  source: string;
}

export const LANDIS_KOCH_SOURCE =
  "Landis, J. R. & Koch, G. G. (1977). The measurement of observer agreement for categorical data. Biometrics, 33(1), 159–174.";
export const KRIPPENDORFF_SOURCE = "Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.), p. 241. Sage.";

export type LandisKochKey = "poor" | "slight" | "fair" | "moderate" | "substantial" | "almost_perfect";
export type KrippendorffKey = "reliable" | "tentative" | "unreliable";

/**
 * Landis & Koch (1977) benchmarks for kappa: < 0 poor, 0–.20 slight, .21–.40 fair, .41–.60
 * moderate, .61–.80 substantial, .81–1 almost perfect. Upper bounds are inclusive (0.40 is "fair").
 */
export function kappaBand(value: number | null): (Band & { key: LandisKochKey }) | null {
  if (value === null || !Number.isFinite(value)) return null;
  const kappa = denoise(value);
  const key: LandisKochKey =
    kappa < 0
      ? "poor"
      : kappa <= 0.2
        ? "slight"
        : kappa <= 0.4
          ? "fair"
          : kappa <= 0.6
            ? "moderate"
            : kappa <= 0.8
              ? "substantial"
              : "almost_perfect";
  return { key, source: LANDIS_KOCH_SOURCE };
}

/**
 * Krippendorff (2004): rely on variables with α ≥ .800; .667 ≤ α < .800 only for drawing
 * tentative conclusions; below .667, unreliable.
 */
export function alphaBand(value: number | null): (Band & { key: KrippendorffKey }) | null {
  if (value === null || !Number.isFinite(value)) return null;
  const alpha = denoise(value);
  const key: KrippendorffKey = alpha >= 0.8 ? "reliable" : alpha >= 0.667 ? "tentative" : "unreliable";
  return { key, source: KRIPPENDORFF_SOURCE };
}

/** Round away floating-point noise so that e.g. a kappa of exactly 2/5 computed as 0.4000000000000001 stays "fair". */
function denoise(x: number): number {
  return Math.round(x * 1e12) / 1e12;
}
