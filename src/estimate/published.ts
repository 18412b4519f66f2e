/**
 * A published figure is reproduced when the estimate rounds to it at the published precision;
 * it is also reported whether the figure lies inside the interval.
 */
export function defaultPrecision(kind: string, value: number): number {
  const shareLike = kind === "proportion" || kind === "distribution" || kind === "ratio" || kind === "mean_of_ratios";
  const written = decimalsOf(value);
  return shareLike ? Math.max(2, written) : written;
}

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot === -1 ? 0 : text.length - dot - 1;
}

export function roundsTo(estimate: number, published: number, precision: number): boolean {
  const scale = 10 ** precision;
  // Round the estimate half away from zero; the published value is exact at its precision.
  return Math.round(Math.abs(estimate) * scale) * Math.sign(estimate) === Math.round(published * scale);
}
