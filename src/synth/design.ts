// Sampling design: 7 reception points (strata), referral structures (clusters) nested in points.
import type { Rng } from "./rng.js";
import { RECEPTION_POINTS } from "./vocab.js";

/** Share of the questionnaire sample collected at each reception point. */
const SAMPLE_SHARE = [0.24, 0.17, 0.14, 0.13, 0.14, 0.08, 0.1];
/** How many people one structure refers: 1 to 6, mostly 1–3 (mean ≈ 2.3, so ~800 for 1,862 rows). */
const CLUSTER_SIZE_WEIGHTS = [0.37, 0.26, 0.17, 0.1, 0.06, 0.04];

/** Two structures of two people in each point. */
export const MIN_ROWS = 4 * RECEPTION_POINTS.length;

export interface Design {
  /** Reception point index of each row (rows are grouped by point, then structure). */
  point: Uint8Array;
  /** Global structure number (0-based) of each row. */
  structure: Uint32Array;
  structureCount: number;
  /** Rows per point. */
  pointRows: number[];
  /** Structures sampled per point and in the point's population (the stage-1 fpc). */
  pointSampled: number[];
  pointPopulation: number[];
}

/** Largest-remainder allocation of n rows to the points, at least `floor` each. */
function allocate(n: number, floor: number): number[] {
  const spare = n - floor * SAMPLE_SHARE.length;
  const exact = SAMPLE_SHARE.map((s) => s * spare);
  const counts = exact.map((x) => Math.floor(x));
  let left = spare - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts.map((c) => c + floor);
}

/** Splits `rows` people of one point into structure sizes of 1–6, with at least 2 structures. */
function clusterSizes(rng: Rng, rows: number): number[] {
  const sizes: number[] = [];
  let left = rows;
  while (left > 0) {
    const s = Math.min(left, rng.pick(CLUSTER_SIZE_WEIGHTS) + 1);
    sizes.push(s);
    left -= s;
  }
  if (sizes.length === 1) {
    const only = sizes[0] as number; // >= 2 because every point has at least MIN_ROWS / 7 rows
    sizes[0] = Math.ceil(only / 2);
    sizes.push(Math.floor(only / 2));
  }
  return sizes;
}

export function buildDesign(rng: Rng, n: number): Design {
  if (!Number.isInteger(n) || n < MIN_ROWS) {
    throw new RangeError(`rows must be an integer of at least ${MIN_ROWS}, got ${n}`);
  }
  const pointRows = allocate(n, 4);
  const point = new Uint8Array(n);
  const structure = new Uint32Array(n);
  const pointSampled: number[] = [];
  const pointPopulation: number[] = [];
  let row = 0;
  let structureCount = 0;
  pointRows.forEach((rowsHere, p) => {
    const sizes = clusterSizes(rng, rowsHere);
    for (const size of sizes) {
      for (let k = 0; k < size; k++) {
        point[row] = p;
        structure[row] = structureCount;
        row++;
      }
      structureCount++;
    }
    pointSampled.push(sizes.length);
    // Only a minority of the structures that refer people to a point over a year did so during
    // the survey months: a small stage-1 sampling fraction (about 1/4 to 1/8).
    pointPopulation.push(Math.ceil(sizes.length * (4 + 4 * rng.uniform())) + 1);
  });
  return { point, structure, structureCount, pointRows, pointSampled, pointPopulation };
}

/** "S001", "S002", ...: zero-padded to the width the largest number needs (at least 3 digits). */
export function structureId(index: number, count: number): string {
  const width = Math.max(3, String(count).length);
  return `S${String(index + 1).padStart(width, "0")}`;
}
