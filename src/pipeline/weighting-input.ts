// A design's `weighting` declaration turned into margins of coded rows and population counts,
// checked against the data, then the weights computed (estimate/weighting.ts) and summarised for
// the JSON result. Every refusal is one sentence naming the study file's line.
import {
  calibrate,
  DesignError,
  marginSums,
  postStratify,
  rake,
  weightedDesign,
  weightStats,
  type SurveyDesign,
  type WeightingMargin,
  type WeightStats,
} from "../estimate/index.js";
import type { WeightingSummary } from "../result/index.js";
import { StudyFileError, type WeightingDeclaration } from "../study/index.js";
import { numericColumn, type DataTable, type LevelCodes } from "./data-table.js";
import type { Definitions } from "./definitions/en.js";

/** Where a key of the dataset's weighting is stated: the study file and its line. */
export interface WeightingPlace {
  where: (p: (string | number)[]) => string;
  file: string;
  /** ["datasets", name, "design", "weighting"] */
  path: (string | number)[];
  /** "line 17" of the data file, for row i. */
  rowName: (row: number) => string;
  /** The refusals' sentences, in the run's language. */
  words: Definitions["weighting"];
  /** ":" after `where`, as the language writes it. */
  colon: string;
}

const RELATIVE_TOLERANCE = 1e-9;

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
        throw new DesignError(col.field, `${place.where(at)}${place.colon} ${place.words.missingMarginField(col.field, place.rowName(i))}`);
      }
      parts.push(col.levels[c]!.value);
    }
    const key = parts.join("|");
    const j = index.get(key);
    if (j === undefined) {
      throw new StudyFileError(
        `${place.where([...at, "counts"])}${place.colon} ${place.words.noCount(key, decl.fields.join(" × "), place.rowName(i))}`,
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
        `${place.where([...at, "counts", c])}${place.colon} ${place.words.noRespondent(c, decl.fields.join(" × "))}`,
      );
    }
  });
  return { codes, targets: categories.map((c) => decl.counts[c]!) };
}

/** Each margin's counts add up to the same population (and to `population` when stated). */
function checkTotals(decl: WeightingDeclaration, place: WeightingPlace): void {
  const totals = decl.margins.map((m) => Object.values(m.counts).reduce((a, b) => a + b, 0));
  const reference = decl.population ?? totals[0]!;
  totals.forEach((t, k) => {
    if (Math.abs(t - reference) > RELATIVE_TOLERANCE * reference) {
      const why = place.words.unequalTotals(k + 1, decl.margins[k]!.fields.join(" × "), t, reference, decl.population !== undefined);
      throw new StudyFileError(`${place.where([...place.path, "margins", k, "counts"])}${place.colon} ${why}`, place.file);
    }
  });
  if (decl.method === "post-stratify" && decl.margins.length > 1) {
    throw new StudyFileError(`${place.where([...place.path, "margins"])}${place.colon} ${place.words.postStratifyOneMargin}`, place.file);
  }
}

const stats = (s: WeightStats): WeightingSummary["before"] => ({ min: s.min, max: s.max, sum: s.sum, cv: s.cv, n_eff: s.nEff });

/** The design weighted as declared, and the weighting's summary. */
export function weightDesign(
  table: DataTable,
  design: SurveyDesign,
  decl: WeightingDeclaration,
  levelCodes: (field: string) => LevelCodes,
  place: WeightingPlace,
): { design: SurveyDesign; summary: WeightingSummary } {
  checkTotals(decl, place);
  const margins = decl.margins.map((m, k) => marginOf(m, k, levelCodes, design.n, place));
  const totals = Object.entries(decl.totals).map(([field, total]) => ({ field, values: numericColumn(table, field), total }));
  for (const t of totals) {
    const i = t.values.findIndex((v) => Number.isNaN(v));
    if (i >= 0) {
      throw new DesignError(
        t.field,
        `${place.where([...place.path, "totals", t.field])}${place.colon} ${place.words.missingTotalField(t.field, place.rowName(i))}`,
      );
    }
  }
  const [lower, upper] = decl.bounds ?? [-Infinity, Infinity];
  if (
    decl.method === "calibrate" &&
    decl.calfun === "logit" &&
    !(Number.isFinite(lower) && Number.isFinite(upper) && lower < 1 && upper > 1)
  ) {
    throw new StudyFileError(`${place.where([...place.path, "calfun"])}${place.colon} ${place.words.logitBounds}`, place.file);
  }
  const result =
    decl.method === "post-stratify"
      ? postStratify(design.weights, margins[0]!)
      : decl.method === "rake"
        ? rake(design.weights, margins, { maxIterations: decl.max_iterations ?? 10, tolerance: decl.tolerance })
        : calibrate(design.weights, margins, totals, { calfun: decl.calfun, lower, upper, maxIterations: decl.max_iterations ?? 50 });
  if (!result.converged) {
    throw new DesignError(
      "weighting",
      `${place.where([...place.path, "max_iterations"])}${place.colon} ${place.words.notConverged(decl.method === "rake", result.iterations)}`,
    );
  }
  return {
    design: weightedDesign(design, result),
    summary: {
      method: decl.method,
      totals: totals.map((t) => ({
        field: t.field,
        target: t.total,
        before: weightedSum(design.weights, t.values),
        reached: weightedSum(result.weights, t.values),
      })),
      iterations: result.iterations,
      converged: result.converged,
      before: stats(weightStats(design.weights)),
      after: stats(weightStats(result.weights)),
      margins: decl.margins.map((m, k) => {
        const before = marginSums(design.weights, margins[k]!);
        const reached = marginSums(result.weights, margins[k]!);
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
    },
  };
}

function weightedSum(w: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]! * y[i]!;
  return s;
}
