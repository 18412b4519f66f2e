import {
  choicesTest,
  compileCondition,
  conditionFields,
  describeCondition,
  type ConditionWords,
  valueMatcher,
  type CompiledCondition,
  type Condition,
} from "../conditions/index.js";
import type { Definitions } from "./definitions/en.js";
import type { CategoryResult, ContrastResult, DomainResult, IndicatorResult } from "../result/index.js";
import type { CodeArray } from "../table-schema/index.js";
import type { Missing } from "../vocabulary/index.js";
import {
  contrast,
  defaultPrecision,
  levelDfs,
  proportionInterval,
  roundsTo,
  RowIndex,
  rowsDf,
  srsProportionInterval,
  suppressCells,
  suppressTable,
  svyCategoryTotals,
  svyDistributionShares,
  svyMean,
  svyMeanByLevel,
  svyMeanOfRatios,
  svyProportion,
  svyQuantile,
  svyRatio,
  svyRatioByLevel,
  svyTotal,
  testAgainstBaseline,
  testContrast,
  tInterval,
  waldInterval,
  type EstimateNote,
  type EstimateResult,
  type EstimationContext,
  type Interval,
  reliabilityOf,
  type ReliabilityRule,
} from "../estimate/index.js";
import { estimateCrossTab } from "./crosstab-result.js";
import { columnOf, numericColumn, requireField, rowCount, RowCursor, type DataTable, type LevelCodes } from "./data-table.js";
import type { Domain, DomainLevels } from "./domain-levels.js";
import type { ContrastRequest, IndicatorRequest, MeasureRequest } from "./indicator-request.js";
import { type WordedNote, wordNote, worded, wordedWarnings } from "./notes.js";
import { estimateRegression, regressionFormula } from "./regression-result.js";

export interface IndicatorContext {
  table: DataTable;
  /** The codebook's words in the result's language. */
  words: Definitions & ConditionWords;
  /** The dataset run's estimation context (its design, row-set facts and working memory). */
  estimation: EstimationContext;
  /** A design was declared in the study (else: simple random sample conventions). */
  declared: boolean;
  level: number;
  minCell: number;
  /** When an estimate is flagged as unreliable (./reliability.ts). */
  reliability: ReliabilityRule;
  /** The subgroup groupings: single fields, or fields crossed. */
  domains: readonly Domain[];
  /** A categorical field's levels and each row's level, made once per field in the run. */
  levelCodes: (field: string) => LevelCodes;
  /** A grouping's levels and each row's level (a crossed one's from its fields'), made once per grouping in the run. */
  domainLevels: (domain: Domain) => DomainLevels;
  baseline?: { id: string; label: string; value: number; source: string | null } | undefined;
}

/**
 * One indicator of a study: its estimate over the universe, its categories, its subgroup
 * domains (domains of the full design: no row is ever dropped) and its comparisons.
 */
export function estimateIndicator(spec: IndicatorRequest & { label: string }, ctx: IndicatorContext): IndicatorResult {
  const { table } = ctx;
  const universe = spec.universe ? compile(spec.universe, table) : null;
  const n = rowCount(table);
  const cursor = spec.universe ? cursorFor(table, spec.universe) : null;
  const missing = new MissingCounter();
  const measure = buildMeasure(spec.measure, table, ctx.estimation, ctx.words);
  // The universe's rows (ascending), where the measure is present too; and all the universe's
  // rows, whose clusters give the degrees of freedom: a missing value leaves the estimate's
  // rows but never removes a cluster (R's na.rm with the design's degf, as svyciprop).
  // Without a universe it is every row: one shared array, so per-universe caches (level df) hit.
  // `kept` is taken at the first row left out: until then the kept rows are 0..i-1, and an
  // indicator that keeps every row uses the shared array without a copy. Both row sets live in
  // the context's room (4 MB each per million rows), rewritten by the next indicator: a fresh
  // array per indicator was garbage that V8 let pile up before collecting it.
  let kept: Int32Array | null = null;
  let nKept = 0;
  let inUniverse: Int32Array = universe ? ctx.estimation.universeRowsRoom() : ctx.estimation.everyRow();
  let nIn = 0;
  for (let i = 0; i < n; i++) {
    if (universe) {
      const u = universe((cursor as RowCursor).at(i));
      if (u === false) {
        kept ??= firstRows(ctx.estimation, nKept);
        continue;
      }
      if (u !== true) {
        missing.add(u);
        kept ??= firstRows(ctx.estimation, nKept);
        continue;
      }
      inUniverse[nIn++] = i;
    }
    const m = measure.missingAt(i);
    if (m) {
      missing.add(m);
      kept ??= firstRows(ctx.estimation, nKept);
    } else if (kept !== null) kept[nKept++] = i;
    else nKept++;
  }
  // Views, not copies: new objects for each indicator, valid for its estimation.
  if (universe) inUniverse = inUniverse.subarray(0, nIn);
  const keptRows = kept === null ? ctx.estimation.everyRow() : kept.subarray(0, nKept);
  const df = rowsDf(ctx.estimation, inUniverse);
  const universeRows = new RowIndex(keptRows, df, inUniverse.length);

  const base: IndicatorResult = {
    id: spec.id,
    label: spec.label,
    kind: spec.kind,
    dataset: spec.dataset,
    definition: measure.definition,
    universe: spec.universe ? describeCondition(spec.universe, ctx.words) : null,
    estimate: null,
    se: null,
    ci: null,
    ci_method: "",
    level: ctx.level,
    df: null,
    deff: null,
    n: 0,
    n_missing: missing.total,
    missing: missing.byCode(),
    reliability: null,
    not_available: null,
    warnings: [],
    warning_codes: [],
  };

  if (spec.measure.kind === "distribution" || (spec.measure.kind === "count" && spec.measure.field !== undefined)) {
    const categories = { ...base, ...estimateCategories(spec.measure, ctx, universeRows) };
    // A distribution's shares by subgroup; counts by category have no subgroup tables.
    if (spec.measure.kind !== "distribution") return categories;
    const domains = distributionDomains(spec.measure, ctx, universeRows, inUniverse);
    return Object.keys(domains).length > 0 ? { ...categories, domains } : categories;
  }
  if (spec.measure.kind === "regression") {
    const outcome = measure.outcome as { values: Float64Array; name: string };
    return { ...base, ...estimateRegression(spec.measure, ctx, outcome.values, keptRows, inUniverse, outcome.name) };
  }
  if (spec.measure.kind === "crosstab") {
    const { ciMethod } = spec.measure;
    const shareInterval = (r: Extract<EstimateResult, { available: true }>, count: number, designRows: number | undefined): Interval =>
      proportionCi(ctx, r, () => count, ciMethod, designRows);
    return { ...base, ...estimateCrossTab(spec.measure, { ...ctx, shareInterval }, universeRows, inUniverse) };
  }

  const overall = measure.estimate(ctx, universeRows);
  const share = spec.measure.kind === "proportion";
  const result: IndicatorResult = {
    ...base,
    ...overall.fields,
    ...(spec.measure.kind === "multi_select" ? { categories: estimateChoices(spec.measure, ctx, universeRows) } : {}),
    reliability: reliabilityOf(overall.fields.estimate, overall.fields.se, overall.fields.n, ctx.reliability, share),
    ...wordedWarnings(
      (overall.intervalNote === undefined ? overall.warnings : [...overall.warnings, overall.intervalNote]).map((w) =>
        worded(ctx.words, w),
      ),
    ),
  };
  if (spec.published && overall.fields.estimate !== null) {
    const precision = spec.published.precision ?? defaultPrecision(spec.kind, spec.published.value);
    const ci = overall.fields.ci;
    result.published = {
      value: spec.published.value,
      source: spec.published.source,
      precision,
      reproduced: roundsTo(overall.fields.estimate, spec.published.value, precision),
      in_ci: ci !== null && ci[0] <= spec.published.value && spec.published.value <= ci[1],
    };
  }
  if (ctx.baseline && overall.raw?.available) {
    const test = testAgainstBaseline(overall.raw, ctx.baseline.value);
    result.baseline = {
      id: ctx.baseline.id,
      label: ctx.baseline.label,
      value: ctx.baseline.value,
      source: ctx.baseline.source,
      difference: test.difference,
      se: test.se,
      t: test.t,
      df: test.df,
      p_value: test.pValue,
    };
  }
  const { domains, intervalNotes } = estimateDomains(
    ctx,
    share,
    universeRows,
    inUniverse,
    (rows) => measure.estimate(ctx, rows),
    measure.estimateLevels
      ? (universe, codes, nLevels, dfs, sizes) => measure.estimateLevels!(ctx, universe, codes, nLevels, dfs, sizes)
      : undefined,
  );
  if (Object.keys(domains).length > 0) result.domains = domains;
  result.warnings.push(...intervalNotes.map((w) => w.text));
  result.warning_codes.push(...intervalNotes.map((w) => w.code));
  const contrasts = spec.contrasts.map((c) => estimateContrast(ctx, measure, universeRows, domains, c, df));
  if (contrasts.length > 0) result.contrasts = contrasts;
  return result;
}

function compile(c: Condition, table: DataTable): CompiledCondition {
  return compileCondition(c, table.fieldIndex);
}

/**
 * Writes to y the 0/1/NaN indicator of a one-field `equals` / `in` condition on a coded (text or
 * yes/no) column, from one test per distinct value instead of one per row; false (y untouched)
 * for other conditions. Same truth as the compiled condition: a missing cell is unknown (NaN),
 * else its value matcher.
 */
function codedIndicator(table: DataTable, c: Condition, y: Float64Array): boolean {
  if ("all" in c || "any" in c || "not" in c) return false;
  const choices = c.any_of ?? c.all_of;
  if (c.equals === undefined && c.in === undefined && choices === undefined) return false;
  const coded = columnOf(table, c.field).coded();
  if (!coded) return false;
  const boolean = columnOf(table, c.field).kind === "boolean";
  const matches =
    choices !== undefined ? choicesTest(choices, c.any_of !== undefined) : valueMatcher(c.in ?? [c.equals as string | number | boolean]);
  const truth = Uint8Array.from(coded.dictionary, (label, code) => (matches(boolean ? code === 1 : label) ? 1 : 0));
  const { codes } = coded;
  for (let i = 0; i < codes.length; i++) {
    const k = codes[i]!;
    y[i] = k < 0 ? Number.NaN : truth[k]!;
  }
  return true;
}

/** A row cursor filling the fields a condition reads. */
function cursorFor(table: DataTable, c: Condition): RowCursor {
  return new RowCursor(
    table,
    conditionFields(c).map((f) => requireField(table, f)),
  );
}

interface Computed {
  fields: Pick<IndicatorResult, "estimate" | "se" | "ci" | "ci_method" | "df" | "deff" | "n" | "not_available">;
  warnings: EstimateNote[];
  raw: EstimateResult | null;
  /** Why the interval is not available while the estimate is (a quantile bound R gives as NA). */
  intervalNote?: EstimateNote;
}

interface Measure {
  definition: string;
  /** The Missing that keeps row i out, or null when the row has what the measure needs. */
  missingAt(i: number): Missing | null;
  /** The estimate over `rows`, its interval on the degrees of freedom the rows carry. */
  estimate(ctx: IndicatorContext, rows: RowIndex): Computed;
  /**
   * The estimate for every level of a subgroup at once (same numbers as `estimate` per level,
   * svyMeanByLevel), or null when this measure has no such path. `dfs` and `sizes`: each level's
   * df and rows in the universe, rows with a missing value included (as a RowIndex carries them).
   */
  estimateLevels?(
    ctx: IndicatorContext,
    universe: RowIndex,
    codes: CodeArray,
    nLevels: number,
    dfs: ArrayLike<number>,
    sizes: ArrayLike<number>,
  ): Computed[] | null;
  /** The variable whose domain means a contrast compares (proportions and means). */
  values?: Float64Array;
  /** A regression's outcome per row, and its name in the formula. */
  outcome?: { values: Float64Array; name: string };
}

function buildMeasure(spec: MeasureRequest, table: DataTable, estimation: EstimationContext, words: Definitions & ConditionWords): Measure {
  switch (spec.kind) {
    case "proportion": {
      const { indicator, missingAt } = conditionIndicator(spec.when, table, estimation);
      return {
        definition: words.share(describeCondition(spec.when, words)),
        missingAt,
        estimate: (ctx, rows) => proportion(ctx, indicator, rows, spec.ciMethod),
        estimateLevels: (ctx, universe, codes, nLevels, dfs, sizes) => {
          // Wilson / Clopper–Pearson intervals count successes per level: the per-level path.
          if (!ctx.declared && (spec.ciMethod === undefined || spec.ciMethod === "wilson" || spec.ciMethod === "clopper-pearson"))
            return null;
          return svyMeanByLevel(ctx.estimation, indicator, universe, { codes, count: nLevels, dfs }).results.map((r, k) =>
            proportionFrom(ctx, r, () => 0, spec.ciMethod, sizes[k]),
          );
        },
        values: indicator,
      };
    }
    case "distribution":
      return fieldMeasure(table, spec.field, words.distribution(spec.field), () => {
        throw new Error("distributions are estimated per category");
      });
    case "multi_select": {
      // The estimate is the mean number of options chosen; each option's share is estimateChoices'.
      const chosen = choiceIndicator(table, spec.field, null);
      const measure = fieldMeasure(table, spec.field, words.multiSelect(spec.field), (ctx, rows) =>
        continuous(ctx, svyMean(ctx.estimation, chosen, rows)),
      );
      measure.estimateLevels = (ctx, universe, codes, nLevels, dfs) =>
        svyMeanByLevel(ctx.estimation, chosen, universe, { codes, count: nLevels, dfs }).results.map((r) => continuous(ctx, r));
      return measure;
    }
    case "crosstab": {
      const rows = columnOf(table, spec.rows);
      const columns = columnOf(table, spec.columns);
      return {
        definition: words.crossTable(spec.rows, spec.columns),
        missingAt: (i) => rows.missingAt(i) ?? columns.missingAt(i),
        estimate: () => {
          throw new Error("cross-tables are estimated per cell");
        },
      };
    }
    case "regression": {
      // The outcome's own values, or the condition's 0/1 (a copy: the context's memory is reused).
      const o = "field" in spec.outcome ? null : conditionIndicator(spec.outcome.when, table, estimation);
      const outcome =
        "field" in spec.outcome
          ? { values: numericColumn(table, spec.outcome.field), name: spec.outcome.field }
          : { values: Float64Array.from(o!.indicator), name: `I(${describeCondition(spec.outcome.when)})` };
      const outcomeCol = "field" in spec.outcome ? columnOf(table, spec.outcome.field) : null;
      const predictors = spec.predictors.map((p) => columnOf(table, p.field));
      return {
        definition: `regression ${regressionFormula(spec, outcome.name)}`,
        missingAt: (i) => {
          const m = outcomeCol ? outcomeCol.missingAt(i) : o!.missingAt(i);
          if (m) return m;
          for (const c of predictors) {
            const p = c.missingAt(i);
            if (p) return p;
          }
          return null;
        },
        estimate: () => {
          throw new Error("a regression is estimated as one model");
        },
        outcome,
      };
    }
    case "count": {
      if (spec.when === undefined)
        return fieldMeasure(table, spec.field, words.categoryCounts(spec.field), () => {
          throw new Error("counts by category are estimated per category");
        });
      // R svytotal(~I(when), na.rm = TRUE): the total of the condition's 0/1 indicator.
      const { indicator, missingAt } = conditionIndicator(spec.when, table, estimation);
      return {
        definition: words.count(describeCondition(spec.when, words)),
        missingAt,
        estimate: (ctx, rows) => continuous(ctx, svyTotal(ctx.estimation, indicator, rows)),
      };
    }
    case "mean":
    case "total": {
      const y = numericColumn(table, spec.field);
      const estimator = spec.kind === "mean" ? svyMean : svyTotal;
      const measure = fieldMeasure(
        table,
        spec.field,
        spec.kind === "mean" ? words.mean(spec.field) : words.total(spec.field),
        (ctx, rows) => continuous(ctx, estimator(ctx.estimation, y, rows)),
      );
      if (spec.kind === "mean") {
        measure.estimateLevels = (ctx, universe, codes, nLevels, dfs) =>
          svyMeanByLevel(ctx.estimation, y, universe, { codes, count: nLevels, dfs }).results.map((r) => continuous(ctx, r));
        measure.values = y;
      }
      return measure;
    }
    case "quantile": {
      const y = numericColumn(table, spec.field);
      const p = spec.p;
      // Its own df, not the universe's the rows carry: R's svyquantile drops missing rows from
      // the design before degf (na.rm).
      return fieldMeasure(table, spec.field, words.quantile(String(p), spec.field), (ctx, rows) => {
        const q = svyQuantile(ctx.estimation, y, p, new RowIndex(rows.index), ctx.level);
        if (!q.available) return unavailableComputed(ctx.words, q);
        // A bound R gives as NA: the interval (a pair of numbers in the result) and the se derived
        // from its width are not available; the note says why and gives the other bound.
        const bounded = q.lower !== null && q.upper !== null;
        return {
          fields: {
            estimate: q.estimate,
            se: bounded ? q.se : null,
            ci: bounded ? [q.lower as number, q.upper as number] : null,
            ci_method: q.method,
            df: q.df,
            deff: null,
            n: q.n,
            not_available: null,
          },
          warnings: q.warnings,
          raw: null,
          ...(q.boundNote === null ? {} : { intervalNote: q.boundNote }),
        };
      });
    }
    case "ratio":
    case "mean_of_ratios": {
      const num = numericColumn(table, spec.numerator);
      const den = numericColumn(table, spec.denominator);
      const nc = columnOf(table, spec.numerator);
      const dc = columnOf(table, spec.denominator);
      const ratio = spec.kind === "ratio";
      return {
        definition: ratio ? words.ratio(spec.numerator, spec.denominator) : words.meanOfRatios(spec.numerator, spec.denominator),
        missingAt: (i) => nc.missingAt(i) ?? dc.missingAt(i),
        estimate: (ctx, rows) =>
          continuous(ctx, ratio ? svyRatio(ctx.estimation, num, den, rows) : svyMeanOfRatios(ctx.estimation, num, den, rows)),
        estimateLevels: (ctx, universe, codes, nLevels, dfs) =>
          ratio
            ? svyRatioByLevel(ctx.estimation, num, den, universe, { codes, count: nLevels, dfs }).results.map((r) => continuous(ctx, r))
            : null,
      };
    }
  }
}

/**
 * A condition's 0/1 indicator per row (NaN where unknown) and the Missing that makes it unknown:
 * the variable of a proportion (its mean) and of a count (its total).
 */
function conditionIndicator(
  c: Condition,
  table: DataTable,
  estimation: EstimationContext,
): { indicator: Float64Array; missingAt: Measure["missingAt"] } {
  const when = compile(c, table);
  const cursor = cursorFor(table, c);
  const n = rowCount(table);
  const indicator = estimation.indicatorValues();
  if (!codedIndicator(table, c, indicator)) {
    for (let i = 0; i < n; i++) {
      const t = when(cursor.at(i));
      indicator[i] = t === true ? 1 : t === false ? 0 : Number.NaN;
    }
  }
  return {
    indicator,
    missingAt: (i) => {
      if (!Number.isNaN(indicator[i]!)) return null;
      const t = when(cursor.at(i));
      return typeof t === "boolean" ? null : t;
    },
  };
}

function fieldMeasure(table: DataTable, field: string, definition: string, estimate: Measure["estimate"]): Measure {
  const col = columnOf(table, field);
  return { definition, missingAt: (i) => col.missingAt(i), estimate };
}

function unavailableComputed(words: Definitions, r: { why: EstimateNote; n: number; warnings: EstimateNote[] }): Computed {
  return {
    fields: { estimate: null, se: null, ci: null, ci_method: "", df: null, deff: null, n: r.n, not_available: wordNote(words, r.why) },
    warnings: r.warnings,
    raw: null,
  };
}

/** Means, totals, ratios: t interval on the estimate's df. */
function continuous(ctx: IndicatorContext, r: EstimateResult): Computed {
  if (!r.available) return { ...unavailableComputed(ctx.words, r), raw: r };
  const ci = tInterval(r, { level: ctx.level });
  return {
    fields: fromEstimate(r, ci),
    warnings: [...r.warnings, ...(ci.note ? [ci.note] : [])],
    raw: r,
  };
}

function proportion(ctx: IndicatorContext, y: Float64Array, rows: RowIndex, method?: string): Computed {
  const successes = (): number => {
    let x = 0;
    const index = rows.index;
    for (let k = 0; k < index.length; k++) if (y[index[k]!] === 1) x++;
    return x;
  };
  return proportionFrom(ctx, svyProportion(ctx.estimation, y, rows), successes, method, rows.designRows);
}

/**
 * A proportion's fields and interval; `successes` (a count) is read only for SRS count intervals,
 * `designRows` (the domain's rows, missing values included) only for the beta interval.
 */
function proportionFrom(
  ctx: IndicatorContext,
  r: EstimateResult,
  successes: () => number,
  method: string | undefined,
  designRows: number | undefined,
): Computed {
  if (!r.available) return { ...unavailableComputed(ctx.words, r), raw: r };
  const ci = proportionCi(ctx, r, successes, method, designRows);
  return { fields: fromEstimate(r, ci), warnings: [...r.warnings, ...(ci.note ? [ci.note] : [])], raw: r };
}

/**
 * Without a declared design a proportion is a count: Wilson (default) or Clopper–Pearson.
 * With one: logit (default), beta (Korn–Graubard, also what clopper-pearson asks for), wilson
 * or mean, on the design's degrees of freedom. logit, beta and mean on an undeclared design
 * treat it as the simple random sample it is.
 */
function proportionCi(
  ctx: IndicatorContext,
  r: Extract<EstimateResult, { available: true }>,
  successes: () => number,
  method: string | undefined,
  designRows: number | undefined,
): Interval {
  if (!ctx.declared && (method === undefined || method === "wilson" || method === "clopper-pearson")) {
    return srsProportionInterval(successes(), r.n, (method ?? "wilson") as "wilson" | "clopper-pearson", ctx.level);
  }
  const designMethod = (method === "clopper-pearson" ? "beta" : (method ?? "logit")) as "logit" | "beta" | "wilson" | "mean";
  return proportionInterval(r, designMethod, { level: ctx.level, ...(designRows === undefined ? {} : { designRows }) });
}

/**
 * The interval as the result gives it: [lower, upper], or null when a bound is not a finite
 * number (no degrees of freedom: an unbounded interval; a subgroup of one respondent), which
 * JSON cannot write as a number.
 */
function jsonInterval(ci: Interval): [number, number] | null {
  return Number.isFinite(ci.lower) && Number.isFinite(ci.upper) ? [ci.lower, ci.upper] : null;
}

function fromEstimate(r: Extract<EstimateResult, { available: true }>, ci: Interval): Computed["fields"] {
  return {
    estimate: r.estimate,
    se: r.se,
    ci: jsonInterval(ci),
    ci_method: ci.method,
    df: r.df,
    deff: r.deff,
    n: r.n,
    not_available: null,
  };
}

/**
 * A distribution's shares of a field's categories over `rows`, or a count's numbers in each
 * (R svytotal of the factor, t interval), on the df the rows carry (the universe's).
 */
function estimateCategories(
  spec: Extract<MeasureRequest, { kind: "distribution" | "count" }> & { field: string },
  ctx: IndicatorContext,
  rows: RowIndex,
): Partial<IndicatorResult> {
  const { levels, codes } = ctx.levelCodes(spec.field);
  const share = spec.kind === "distribution";
  const estimates = (share ? svyDistributionShares : svyCategoryTotals)(ctx.estimation, codes, levels.length, rows);
  const counts = levels.map(() => 0);
  const index = rows.index;
  for (let k = 0; k < index.length; k++) {
    const c = codes[index[k]!]!;
    if (c >= 0) counts[c]!++;
  }
  const marks = suppressCells(counts, ctx.minCell);
  let method = "";
  let df: number | null = null;
  let n = 0;
  const categories: CategoryResult[] = levels.map((level, k) => {
    const r = estimates[k] as EstimateResult;
    n = r.n;
    const suppressed = marks[k] !== null;
    const suppression = marks[k] ?? null;
    // Shares add up to 100 % (counts to the number with a category): a suppressed category
    // hides every number, its count included.
    if (!r.available || suppressed) {
      return {
        value: level.value,
        label: level.label,
        estimate: null,
        se: null,
        ci: null,
        n: suppressed ? null : (counts[k] ?? 0),
        reliability: null,
        suppressed,
        suppression,
      };
    }
    df = r.df;
    const ci = share ? proportionCi(ctx, r, () => counts[k] ?? 0, spec.ciMethod, rows.designRows) : tInterval(r, { level: ctx.level });
    method = ci.method;
    return {
      value: level.value,
      label: level.label,
      estimate: r.estimate,
      se: r.se,
      ci: jsonInterval(ci),
      n: counts[k] ?? 0,
      reliability: reliabilityOf(r.estimate, r.se, counts[k] ?? 0, ctx.reliability, share),
      suppressed,
      suppression,
    };
  });
  return { categories, ci_method: method, df, n };
}

/**
 * Per row of a multiple-choice field (choices one space apart): 1 if it holds `choice`, else 0;
 * or, for a null choice, how many choices it holds. NaN where the answer is missing. Computed
 * once per distinct answer of a coded column.
 */
function choiceIndicator(table: DataTable, field: string, choice: string | null): Float64Array {
  const col = columnOf(table, field);
  const n = rowCount(table);
  const holds = choice === null ? null : choicesTest([choice], true);
  const of = (v: string): number => (holds !== null ? (holds(v) ? 1 : 0) : v === "" ? 0 : v.split(" ").length);
  const y = new Float64Array(n);
  const coded = col.coded();
  if (coded) {
    const values = coded.dictionary.map(of);
    for (let i = 0; i < n; i++) {
      const k = coded.codes[i]!;
      y[i] = k < 0 ? Number.NaN : values[k]!;
    }
    return y;
  }
  for (let i = 0; i < n; i++) y[i] = col.missingAt(i) ? Number.NaN : of(String(col.get(i)));
  return y;
}

/**
 * The share of `rows` (the universe's answers) choosing each option of a multiple-choice field:
 * each the mean of its own 0/1 indicator, with its interval, as a proportion. The shares need not
 * add up to 100 %, so an option with fewer than min_cell respondents hides only its own numbers.
 */
function estimateChoices(spec: Extract<MeasureRequest, { kind: "multi_select" }>, ctx: IndicatorContext, rows: RowIndex): CategoryResult[] {
  const { table } = ctx;
  const categories = table.fields[requireField(table, spec.field)]?.categories ?? [];
  return categories.map((c) => {
    const value = String(c.value);
    const label = c.label ?? value;
    const y = choiceIndicator(table, spec.field, value);
    const count = countOnes(y, rows.index);
    const computed = proportion(ctx, y, rows, spec.ciMethod);
    const suppressed = count > 0 && count < ctx.minCell;
    const hide = suppressed || computed.fields.estimate === null;
    return {
      value,
      label,
      estimate: hide ? null : computed.fields.estimate,
      se: hide ? null : computed.fields.se,
      ci: hide ? null : computed.fields.ci,
      n: suppressed ? null : count,
      // Each option's share is a share, flagged as a proportion is.
      reliability: hide ? null : reliabilityOf(computed.fields.estimate, computed.fields.se, count, ctx.reliability, true),
      suppressed,
      suppression: suppressed ? "primary" : null,
    };
  });
}

function countOnes(y: Float64Array, index: Int32Array): number {
  let x = 0;
  for (let k = 0; k < index.length; k++) if (y[index[k]!] === 1) x++;
  return x;
}

function estimateDomains(
  ctx: IndicatorContext,
  share: boolean,
  universe: RowIndex,
  inUniverse: Int32Array,
  estimate: (rows: RowIndex) => Computed,
  estimateLevels?: (
    universe: RowIndex,
    codes: CodeArray,
    nLevels: number,
    dfs: ArrayLike<number>,
    sizes: ArrayLike<number>,
  ) => Computed[] | null,
): { domains: Record<string, DomainResult[]>; intervalNotes: WordedNote[] } {
  const out: Record<string, DomainResult[]> = {};
  // A subgroup's estimate without its interval: why, as the indicator's warning "field = level: ...".
  const intervalNotes: WordedNote[] = [];
  for (const domain of ctx.domains) {
    const field = domain.key;
    const { levels, codes, parts } = ctx.domainLevels(domain);
    // Each level's df: clusters with a row of the level in the universe, less strata.
    const dfs = levelDfs(ctx.estimation, inUniverse, codes, levels.length);
    // Each level's rows in the universe, missing values included (the beta interval's n).
    const sizes = levelSizes(inUniverse, codes, levels.length);
    const computed =
      estimateLevels?.(universe, codes, levels.length, dfs, sizes) ??
      ctx.estimation.splitByLevel(universe.index, codes, levels.length).map((rows, c) => estimate(new RowIndex(rows, dfs[c], sizes[c])));
    const marks = suppressCells(
      computed.map((c) => c.fields.n),
      ctx.minCell,
    );
    out[field] = levels.map((level, k) => {
      const c = computed[k] as Computed;
      const mark = marks[k] ?? null;
      // Primary: every number hidden. Secondary: only the count, which the indicator's n and
      // the other counts would reveal; estimates add up to nothing, so the estimate stays.
      const hide = mark === "primary" || c.fields.estimate === null;
      if (!hide && c.intervalNote !== undefined)
        intervalNotes.push({
          text: ctx.words.inSubgroup(field, level.label, wordNote(ctx.words, c.intervalNote)),
          code: c.intervalNote.code,
        });
      return {
        level: level.value,
        label: level.label,
        estimate: hide ? null : c.fields.estimate,
        se: hide ? null : c.fields.se,
        ci: hide ? null : c.fields.ci,
        n: mark === null ? c.fields.n : null,
        deff: hide ? null : c.fields.deff,
        reliability: hide ? null : reliabilityOf(c.fields.estimate, c.fields.se, c.fields.n, ctx.reliability, share),
        suppressed: mark !== null,
        suppression: mark,
        ...(parts ? { parts: parts[k] } : {}),
      };
    });
  }
  return { domains: out, intervalNotes };
}

/**
 * A distribution's category shares within each level of each grouping, each level a domain of
 * the full design (R's svyby(~factor(x), ~g, design, svymean)), on the level's df: the same
 * numbers as the level's shares estimated alone (svyDistributionShares), in k passes, not one per level. Disclosure as
 * a two-way table of counts (levels × categories, both margins published): a hidden cell hides
 * its share, interval and count; a hidden level total hides the level's count; a level from
 * fewer than min_cell respondents hides every number.
 */
function distributionDomains(
  spec: Extract<MeasureRequest, { kind: "distribution" }>,
  ctx: IndicatorContext,
  universe: RowIndex,
  inUniverse: Int32Array,
): Record<string, DomainResult[]> {
  const out: Record<string, DomainResult[]> = {};
  const categories = ctx.levelCodes(spec.field);
  const k = categories.levels.length;
  for (const domain of ctx.domains) {
    const { levels, codes, parts } = ctx.domainLevels(domain);
    const dfs = levelDfs(ctx.estimation, inUniverse, codes, levels.length);
    const sizes = levelSizes(inUniverse, codes, levels.length);
    const split = ctx.estimation.splitByLevel(universe.index, codes, levels.length);
    const counts = split.map((rows) => {
      const n = new Array<number>(k).fill(0);
      for (const i of rows) n[categories.codes[i]!]!++;
      return n;
    });
    const marks = suppressTable(counts, ctx.minCell);
    // One pass per category, every level at once: the share of category c in level g is the mean
    // of c's 0/1 indicator over g's domain (the universe's rows all have a category).
    const y = ctx.estimation.indicatorValues();
    const byCategory = categories.levels.map((_, c) => {
      for (let i = 0; i < y.length; i++) y[i] = categories.codes[i] === c ? 1 : 0;
      return svyMeanByLevel(ctx.estimation, y, universe, { codes, count: levels.length, dfs }).results;
    });
    out[domain.key] = levels.map((level, g) => {
      const rows = split[g] as Int32Array;
      const total = marks.totals[g] ?? null;
      return {
        level: level.value,
        label: level.label,
        estimate: null,
        se: null,
        ci: null,
        n: total === null ? rows.length : null,
        deff: null,
        reliability: null,
        suppressed: total !== null,
        suppression: total,
        ...(parts ? { parts: parts[g] } : {}),
        categories: categories.levels.map((category, c): CategoryResult => {
          const mark = total === "primary" ? "primary" : (marks.cells[g]?.[c] ?? null);
          const r = byCategory[c]?.[g] as EstimateResult;
          const n = counts[g]?.[c] ?? 0;
          const hidden = { value: category.value, label: category.label, estimate: null, se: null, ci: null, reliability: null };
          if (mark !== null) return { ...hidden, n: null, suppressed: true, suppression: mark };
          if (!r.available) return { ...hidden, n, suppressed: false, suppression: null };
          const ci = proportionCi(ctx, r, () => n, spec.ciMethod, sizes[g]);
          return {
            ...hidden,
            estimate: r.estimate,
            se: r.se,
            ci: jsonInterval(ci),
            n,
            reliability: reliabilityOf(r.estimate, r.se, n, ctx.reliability, true),
            suppressed: false,
            suppression: null,
          };
        }),
      };
    });
  }
  return out;
}

/**
 * a − b between two subgroups of the full design, from their joint covariance (the one
 * variance engine, as R's svyby + svycontrast), tested on the universe's df. A suppressed
 * subgroup is not contrasted: the difference would reveal it.
 */
function estimateContrast(
  ctx: IndicatorContext,
  measure: Measure,
  universe: RowIndex,
  domains: Record<string, DomainResult[]>,
  c: ContrastRequest,
  df: number,
): ContrastResult {
  const { levels, codes } = ctx.levelCodes(c.field);
  const a = levels.findIndex((l) => l.value === String(c.a));
  const b = levels.findIndex((l) => l.value === String(c.b));
  const label = (k: number, v: string | number): string => levels[k]?.label ?? String(v);
  const base: ContrastResult = {
    field: c.field,
    a: String(c.a),
    a_label: label(a, c.a),
    b: String(c.b),
    b_label: label(b, c.b),
    estimate_a: null,
    estimate_b: null,
    difference: null,
    se: null,
    ci: null,
    df: null,
    t: null,
    p_value: null,
    not_available: null,
  };
  const y = measure.values;
  if (!y || a < 0 || b < 0) return { ...base, not_available: ctx.words.subgroupNoRows };
  const [rowsA, rowsB] = [a, b].map((k) => ctx.estimation.splitByLevel(universe.index, codes, levels.length)[k] as Int32Array);
  const shown = ctx.domains.some((d) => d.key === c.field) ? domains[c.field] : undefined;
  const smallest = Math.min((rowsA as Int32Array).length, (rowsB as Int32Array).length);
  if (smallest < ctx.minCell || shown?.[a]?.suppression === "primary" || shown?.[b]?.suppression === "primary")
    return { ...base, not_available: ctx.words.subgroupTooSmall(ctx.minCell) };
  // The two subgroups as the two levels of a grouping, their means jointly (one engine call).
  const pair = new Int8Array(codes.length).fill(-1);
  for (const i of rowsA as Int32Array) pair[i] = 0;
  for (const i of rowsB as Int32Array) pair[i] = 1;
  const { results, cov: joint } = svyMeanByLevel(
    ctx.estimation,
    y,
    new RowIndex(universe.index),
    { codes: pair, count: 2 },
    { joint: true },
  );
  const cov = joint as number[][];
  const [ra, rb] = results as [EstimateResult, EstimateResult];
  if (!ra.available || !rb.available) return { ...base, not_available: ctx.words.subgroupNoEstimate };
  const diff = contrast([ra.estimate, rb.estimate], cov, [1, -1]);
  // Two finite estimates (or variances) can differ (or add) past the largest double.
  if (!Number.isFinite(diff.estimate) || !Number.isFinite(diff.variance)) return { ...base, not_available: ctx.words.differenceOverflow };
  const test = testContrast(diff, df);
  const ci = waldInterval(diff.estimate, diff.se, df, ctx.level);
  return {
    ...base,
    estimate_a: ra.estimate,
    estimate_b: rb.estimate,
    difference: diff.estimate,
    se: diff.se,
    ci: jsonInterval(ci),
    df,
    t: Number.isFinite(test.t) ? test.t : null,
    p_value: Number.isFinite(test.pValue) ? test.pValue : null,
  };
}

/** The number of rows of each level among `rows`. */
function levelSizes(rows: Int32Array, codes: CodeArray, nLevels: number): Int32Array {
  const sizes = new Int32Array(nLevels);
  for (let k = 0; k < rows.length; k++) {
    const c = codes[rows[k]!]!;
    if (c >= 0) sizes[c]!++;
  }
  return sizes;
}

/** The context's room for kept rows, the first `count` of them 0..count-1. */
function firstRows(estimation: EstimationContext, count: number): Int32Array {
  const rows = estimation.keptRowsRoom();
  for (let i = 0; i < count; i++) rows[i] = i;
  return rows;
}

/** n missing by missing-value code (`""` for a blank cell, as docs/result.md says; renderers word it). */
class MissingCounter {
  private readonly counts = new Map<string, number>();
  total = 0;
  add(m: Missing): void {
    // Internal markers (a schema column absent from the file) are reported by their label.
    const code = m.code.startsWith("#") ? (m.label ?? m.code) : m.code;
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
    this.total++;
  }
  byCode(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
