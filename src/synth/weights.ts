// Non-response weights: the people served by each point, spread over its respondents with a
// factor by age band, so weights vary by point × band and add up to about 10,000.
import { at, M_NR } from "./codes.js";
import type { Design } from "./design.js";
import { PEOPLE_SERVED } from "./vocab.js";

/** Sample shares differ from the shares of people served: weights correct for that. */
const SERVED_SHARE = [0.28, 0.18, 0.12, 0.12, 0.13, 0.08, 0.09];
/** Non-response adjustment by age band (the young and the old answered less often); last: age NR. */
const BAND_FACTOR = [1.2, 1.0, 0.9, 1.05, 1.3, 1.0];
const UNKNOWN_BAND = 5;

/** Rounded to 6 significant digits: calibration sees the weights exactly as they are written. */
const roundWeight = (w: number): number => Number(w.toPrecision(6));

export function nonResponseWeights(design: Design, band: Int8Array): Float64Array {
  const n = design.point.length;
  const cell = (i: number): number => {
    const b = band[i] as number;
    return (design.point[i] as number) * BAND_FACTOR.length + (b === M_NR ? UNKNOWN_BAND : b);
  };
  const pointFactor = new Float64Array(SERVED_SHARE.length);
  for (let i = 0; i < n; i++) {
    const p = design.point[i] as number;
    pointFactor[p] = (pointFactor[p] as number) + at(BAND_FACTOR, cell(i) % BAND_FACTOR.length);
  }
  const cellWeight = new Float64Array(SERVED_SHARE.length * BAND_FACTOR.length);
  for (let p = 0; p < SERVED_SHARE.length; p++) {
    for (let b = 0; b < BAND_FACTOR.length; b++) {
      const pf = pointFactor[p] as number;
      cellWeight[p * BAND_FACTOR.length + b] = pf > 0 ? roundWeight((PEOPLE_SERVED * at(SERVED_SHARE, p) * at(BAND_FACTOR, b)) / pf) : 0;
    }
  }
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) weight[i] = cellWeight[cell(i)] as number;
  return weight;
}
