// A design's `weighting` declaration turned into margins of coded rows and population counts,
// checked against the data, then the weights computed (estimate/weighting.ts) and summarised for
// the JSON result. Every refusal is one sentence naming the study file's line.
import {
  calibrate,
  DesignError,
  marginSums,
  postStratify,
  rake,
  trimWeights,
  weightedDesign,
  weightStats,
  type SurveyDesign,
  type TrimResult,
  type WeightingMargin,
  type WeightStats,
  type WeightingResult,
} from "../estimate/index.js";
import type { WeightingSummary } from "../result/index.js";
import { StudyFileError, type WeightingDeclaration } from "../study/index.js";
import { numericColumn, type DataTable, type LevelCodes } from "./data-table.js";
import { weightReplicates } from "./replicate-weighting.js";

/** Where a key of the dataset's weighting is stated: the study file and its line. */
export interface WeightingPlace {
  where: (p: (string | number)[]) => string;
  file: string;
  /** ["datasets", name, "design", "weighting"] */
  path: (string | number)[];
  /** "line 17" of the data file, for row i. */
  rowName: (row: number) => string;
}

/** Crossed fields' category of each row: the fields' values joined by "|". */
function marginOf(
  decl: WeightingDeclaration["margins"][number],
  k: number,
  levelCodes: (field: string) => LevelCodes,
  n: number,
  place: WeightingPlace,
): WeightingMargin {
  const at = [...place.path, "margins", k];
  const columns = decl.fields.map((f) => ({ field: f, ...levelCodes(f) }));
  const categories = Object.keys(decl.counts);
  const index = new Map(categories.map((c, j) => [c, j]));
  const codes = new Int32Array(n);
  const seen = new Uint8Array(categories.length);
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    for (const col of columns) {
      const c = col.codes[i]!;
      if (c < 0) {
        throw new DesignError(
          col.field,
          `${place.where(at)}: field "${col.field}" is missing at ${place.rowName(i)} of the data, and a weighting margin's fields may not be missing.`,
        );
      }
      parts.push(col.levels[c]!.value);
    }
    const key = parts.join("|");
    const j = index.get(key);
    if (j === undefined) {
      throw new StudyFileError(
        `${place.where([...at, "counts"])}: category "${key}" of ${decl.fields.join(" × ")} (${place.rowName(i)} of the data) has no population count; add it to counts.`,
        place.file,
      );
    }
    codes[i] = j;
    seen[j] = 1;
  }
  categories.forEach((c, j) => {
    if (!seen[j] && (decl.counts[c] ?? 0) > 0) {
      throw new DesignError(
        decl.fields.join(" × "),
        `${place.where([...at, "counts", c])}: category "${c}" of ${decl.fields.join(" × ")} has a population count but no respondent, so no weight can reach it; merge it with another category.`,
      );
    }
  });
  return { codes, targets: categories.map((c) => decl.counts[c]!) };
}

const stats = (s: WeightStats): WeightingSummary["before"] => ({ min: s.min, max: s.max, sum: s.sum, cv: s.cv, n_eff: s.nEff });

/** R's defaults: rake's control = list(maxit = 10, epsilon = 1), calibrate's maxit = 50, epsilon = 1e-7. */
const DEFAULTS = { rake: { maxIterations: 10, tolerance: 1 }, calibrate: { maxIterations: 50, tolerance: 1e-7 } } as const;

/** Strict trimming's passes at most (R recurses until its stack runs out, near 1,700 passes). */
const MAX_TRIM_PASSES = 1000;

type Method = NonNullable<WeightingDeclaration["method"]>;

/** The weights computed to the declared margins and totals, refused when they cannot be met. */
function weightToCounts(
  table: DataTable,
  design: SurveyDesign,
  decl: WeightingDeclaration,
  method: Method,
  levelCodes: (field: string) => LevelCodes,
  place: WeightingPlace,
) {
  const margins = decl.margins.map((m, k) => marginOf(m, k, levelCodes, design.n, place));
  const totals = Object.entries(decl.totals).map(([field, total]) => ({ field, values: numericColumn(table, field), total }));
  for (const t of totals) {
    const i = t.values.findIndex((v) => Number.isNaN(v));
    if (i >= 0) {
      throw new DesignError(
        t.field,
        `${place.where([...place.path, "totals", t.field])}: field "${t.field}" is missing at ${place.rowName(i)} of the data, and a calibration variable may not be missing.`,
      );
    }
  }
  const [lower, upper] = decl.bounds ?? [-Infinity, Infinity];
  const calfun = decl.calfun ?? "linear";
  const control =
    method === "post-stratify"
      ? null
      : { maxIterations: decl.max_iterations ?? DEFAULTS[method].maxIterations, tolerance: decl.tolerance ?? DEFAULTS[method].tolerance };
  // `sweeps`: a replicate is raked in exactly the full sample's sweeps (R rakes the replicates along with it).
  const weigh = (weights: Float64Array, sweeps?: number): WeightingResult =>
    control === null
      ? postStratify(weights, margins[0]!)
      : method === "rake"
        ? rake(weights, margins, sweeps === undefined ? control : { maxIterations: sweeps, tolerance: 0 })
        : calibrate(weights, margins, totals, { calfun, lower, upper, ...control });
  const result = weigh(design.weights);
  if (!result.converged) {
    const bounded = method === "calibrate" && decl.bounds !== undefined;
    throw new DesignError(
      "weighting",
      `${place.where([...place.path, bounded ? "bounds" : "max_iterations"])}: ${method === "rake" ? "raking" : "calibration"} did not converge in ${result.iterations} iterations${
        bounded
          ? `, so the targets cannot be met with every weight ratio within the bounds [${lower}, ${upper}]; widen the bounds, raise max_iterations or check that the targets can be met together.`
          : "; raise max_iterations, or check that the targets can be met together."
      }`,
    );
  }
  return { result, margins, totals, control, weigh };
}

/** R trimWeights on the weights given, refused when no trimming can meet the bounds. */
function trimmed(weights: Float64Array, trim: NonNullable<WeightingDeclaration["trim"]>, place: WeightingPlace): TrimResult {
  const lower = trim.lower ?? -Infinity;
  const upper = trim.upper ?? Infinity;
  const at = place.where([...place.path, "trim"]);
  const bounds = `[${trim.lower ?? "−∞"}, ${trim.upper ?? "∞"}]`;
  const s = weightStats(weights);
  const mean = s.sum / weights.length;
  if (mean < lower || mean > upper) {
    throw new DesignError(
      "weighting",
      `${at}: the weights average ${round(mean)}, outside the bounds ${bounds}, so no trimming that keeps their sum (${round(s.sum)}) can bring them within; widen the bounds.`,
    );
  }
  const result = trimWeights(weights, { lower, upper, strict: trim.strict, maxPasses: MAX_TRIM_PASSES });
  if (result.failure === "none-inside") {
    throw new DesignError(
      "weighting",
      `${at}: every weight is outside the bounds ${bounds}, so none is left to take up the excess; widen the bounds.`,
    );
  }
  if (result.failure === "passes") {
    throw new DesignError(
      "weighting",
      `${at}: strict trimming still leaves weights outside the bounds ${bounds} after ${MAX_TRIM_PASSES} passes; widen the bounds.`,
    );
  }
  return result;
}

const round = (x: number): string => String(Number(x.toPrecision(6)));

/** The design weighted as declared (to population counts, then trimmed), and the weighting's summary. */
export function weightDesign(
  table: DataTable,
  design: SurveyDesign,
  decl: WeightingDeclaration,
  levelCodes: (field: string) => LevelCodes,
  place: WeightingPlace,
): { design: SurveyDesign; summary: WeightingSummary } {
  const counted = decl.method ? weightToCounts(table, design, decl, decl.method, levelCodes, place) : null;
  const weighted = !counted
    ? design
    : design.replicates
      ? weightReplicates(design, counted.result, counted.weigh, counted.margins, decl, place)
      : weightedDesign(design, counted.result);
  const trim = decl.trim ? trimmed(weighted.weights, decl.trim, place) : null;
  const final = trim ? { ...weighted, weights: trim.weights } : weighted;
  const w = final.weights;
  return {
    design: final,
    summary: {
      method: decl.method ?? null,
      max_iterations: counted?.control?.maxIterations ?? null,
      tolerance: counted?.control?.tolerance ?? null,
      iterations: counted?.result.iterations ?? 0,
      converged: true,
      totals: (counted?.totals ?? []).map((t) => ({
        field: t.field,
        target: t.total,
        before: weightedSum(design.weights, t.values),
        reached: weightedSum(w, t.values),
      })),
      before: stats(weightStats(design.weights)),
      after: stats(weightStats(w)),
      margins: (counted?.margins ?? []).map((margin, k) => {
        const m = decl.margins[k]!;
        const before = marginSums(design.weights, margin);
        const reached = marginSums(w, margin);
        return {
          fields: m.fields,
          categories: Object.keys(m.counts).map((c, j) => ({
            category: c,
            target: m.counts[c]!,
            before: before[j]!,
            reached: reached[j]!,
          })),
        };
      }),
      ...(trim && decl.trim
        ? {
            trim: {
              lower: decl.trim.lower ?? null,
              upper: decl.trim.upper ?? null,
              strict: decl.trim.strict,
              passes: trim.passes,
              trimmed_lower: trim.trimmedLower,
              trimmed_upper: trim.trimmedUpper,
              before: stats(weightStats(weighted.weights)),
            },
          }
        : {}),
    },
  };
}

function weightedSum(w: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]! * y[i]!;
  return s;
}
