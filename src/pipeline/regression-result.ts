// A regression indicator (R svyglm): the model matrix built from the request's predictors
// (treatment contrasts for categorical ones, R's column order and term names), estimated over the
// universe's rows with every model variable present, mapped to the result's snake_case objects.
import { svyGlm, type EstimationContext } from "../estimate/index.js";
import type { IndicatorResult, RegressionCoefficient, RegressionResult } from "../result/index.js";
import { columnOf, numericColumn, type DataTable, type LevelCodes } from "./data-table.js";
import type { Definitions } from "./definitions/en.js";
import { wordNote, worded, wordedWarnings } from "./notes.js";
import type { RegressionRequest } from "./indicator-request.js";

export interface RegressionContext {
  table: DataTable;
  estimation: EstimationContext;
  level: number;
  levelCodes: (field: string) => LevelCodes;
  /** The reasons' and warnings' words in the result's language. */
  words: Definitions;
}

/** A column of the model matrix, with the fields (and levels) its term is made of. */
interface ModelColumn {
  term: string;
  parts: RegressionCoefficient["parts"];
  values: Float64Array;
}

/** The R formula of the request, e.g. `api00 ~ ell + stype + ell:stype`. */
export function regressionFormula(spec: RegressionRequest, outcome: string): string {
  const terms = [...spec.predictors.map((p) => p.field), ...spec.interactions.map(([a, b]) => `${a}:${b}`)];
  return `${outcome} ~ ${terms.join(" + ")}`;
}

/** A predictor is categorical when its schema declares categories, it names a reference, or it holds text. */
function isCategorical(table: DataTable, field: string, reference: string | undefined): boolean {
  const def = table.fields.find((f) => f.name === field);
  return reference !== undefined || (def?.categories?.length ?? 0) > 0 || columnOf(table, field).kind === "string";
}

/**
 * The model over `rows` (the universe's rows with every model variable present; `universe` its
 * rows with missing values included). Levels of a categorical predictor without a row in the
 * model are left out (no column of zeros); the reference is the one named, else the first level
 * (schema order) with a row.
 */
export function estimateRegression(
  spec: RegressionRequest,
  ctx: RegressionContext,
  y: Float64Array,
  rows: Int32Array,
  universe: Int32Array,
  outcomeName: string,
): Partial<IndicatorResult> {
  const n = y.length;
  const references: RegressionResult["references"] = [];
  const columnsOf = new Map<string, ModelColumn[]>();
  for (const p of spec.predictors) {
    if (!isCategorical(ctx.table, p.field, p.reference)) {
      columnsOf.set(p.field, [
        { term: p.field, parts: [{ field: p.field, level: null, label: null }], values: numericColumn(ctx.table, p.field) },
      ]);
      continue;
    }
    const { levels, codes } = ctx.levelCodes(p.field);
    const present = new Uint8Array(levels.length);
    for (const i of rows) present[codes[i]!] = 1;
    const used = levels.map((l, k) => ({ ...l, k })).filter((l) => present[l.k] === 1);
    const ref = p.reference === undefined ? used[0] : used.find((l) => l.value === p.reference);
    if (ref === undefined) {
      const why = p.reference === undefined ? ctx.words.noLevelInModel(p.field) : ctx.words.referenceNotInModel(p.reference, p.field);
      return notAvailable(spec, outcomeName, references, why, rows.length);
    }
    references.push({ field: p.field, value: ref.value, label: ref.label });
    columnsOf.set(
      p.field,
      used
        .filter((l) => l !== ref)
        .map((l) => ({
          term: `${p.field}${l.value}`,
          parts: [{ field: p.field, level: l.value, label: l.label }],
          values: Float64Array.from({ length: n }, (_, i) => (codes[i]! < 0 ? Number.NaN : codes[i] === l.k ? 1 : 0)),
        })),
    );
  }
  const main = spec.predictors.flatMap((p) => columnsOf.get(p.field) ?? []);
  // R's a:b columns: a's columns vary fastest within each of b's.
  const interactions = spec.interactions.flatMap(([a, b]) =>
    (columnsOf.get(b) ?? []).flatMap((cb) =>
      (columnsOf.get(a) ?? []).map((ca) => ({
        term: `${ca.term}:${cb.term}`,
        parts: [...ca.parts, ...cb.parts],
        values: ca.values.map((v, i) => v * cb.values[i]!),
      })),
    ),
  );
  const intercept: ModelColumn = { term: "(Intercept)", parts: [], values: new Float64Array(n).fill(1) };
  const columns = [intercept, ...main, ...interactions];
  if (spec.family === "binomial" && rows.some((i) => !(y[i]! >= 0 && y[i]! <= 1))) {
    return notAvailable(spec, outcomeName, references, ctx.words.outcomeNotBinary(outcomeName), rows.length);
  }
  const fit = svyGlm(ctx.estimation, {
    family: spec.family,
    y,
    x: columns.map((c) => c.values),
    rows,
    universeRows: universe,
    level: ctx.level,
  });
  if (!fit.available) return notAvailable(spec, outcomeName, references, wordNote(ctx.words, fit.why), fit.n);
  const logistic = spec.family === "binomial";
  const coefficients = fit.coefficients.map(
    (c, j): RegressionCoefficient => ({
      term: columns[j]!.term,
      parts: columns[j]!.parts,
      estimate: c.estimate,
      se: c.se,
      t: c.t,
      p_value: c.pValue,
      ci: [c.lower, c.upper],
      odds_ratio: logistic ? Math.exp(c.estimate) : null,
      odds_ratio_ci: logistic ? [Math.exp(c.lower), Math.exp(c.upper)] : null,
    }),
  );
  return {
    n: fit.n,
    df: fit.df,
    ci_method: "t",
    ...wordedWarnings(fit.warnings.map((w) => worded(ctx.words, w))),
    regression: {
      family: spec.family,
      formula: regressionFormula(spec, outcomeName),
      outcome: outcomeName,
      references,
      coefficients,
      iterations: fit.iterations,
    },
  };
}

function notAvailable(
  spec: RegressionRequest,
  outcomeName: string,
  references: RegressionResult["references"],
  why: string,
  n: number,
): Partial<IndicatorResult> {
  return {
    n,
    not_available: why,
    regression: {
      family: spec.family,
      formula: regressionFormula(spec, outcomeName),
      outcome: outcomeName,
      references,
      coefficients: [],
      iterations: null,
    },
  };
}
