import { compileCondition, describeCondition, type CompiledCondition, type Condition } from "../conditions/condition.js";
import type { CategoryResult, DomainResult, IndicatorResult } from "../result/schema.js";
import type { IndicatorDeclaration } from "../study/schema.js";
import { isMissing, type Missing, type Row } from "../schema/values.js";
import type { SurveyDesign } from "./design.js";
import { suppressCells } from "./disclosure.js";
import { svyDistribution, svyMean, svyMeanOfRatios, svyProportion, svyRatio, svyTotal } from "./estimators.js";
import { proportionInterval, srsProportionInterval, tInterval, type Interval } from "./intervals.js";
import { defaultPrecision, roundsTo } from "./published.js";
import type { EstimateResult } from "./result.js";
import { baselineTest } from "./compare.js";
import { svyQuantile } from "./quantile.js";
import { levelsOf, numericColumn, requireField, type DataTable } from "./table.js";

export interface IndicatorContext {
  table: DataTable;
  design: SurveyDesign;
  /** A design was declared in the study (else: simple random sample conventions). */
  declared: boolean;
  level: number;
  minCell: number;
  domains: readonly string[];
  baseline?: { id: string; label: string; value: number; source: string | null } | undefined;
}

/**
 * One indicator of a study: its estimate over the universe, its categories, its subgroup
 * domains (domains of the full design: no row is ever dropped) and its comparisons.
 */
export function estimateIndicator(spec: IndicatorDeclaration & { label: string }, ctx: IndicatorContext): IndicatorResult {
  const { table } = ctx;
  const universe = spec.universe ? compile(spec.universe, table) : null;
  const universeMask = new Uint8Array(table.rows.length);
  const missing = new MissingCounter();
  const measure = buildMeasure(spec, table);
  table.rows.forEach((row, i) => {
    const u = universe ? universe(row) : true;
    if (u === false) return;
    if (u !== true) {
      missing.add(u);
      return;
    }
    const m = measure.missingAt(row);
    if (m) missing.add(m);
    else universeMask[i] = 1;
  });

  const base: IndicatorResult = {
    id: spec.id,
    label: spec.label,
    kind: spec.kind,
    dataset: spec.dataset,
    definition: measure.definition,
    universe: spec.universe ? describeCondition(spec.universe) : null,
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
    not_available: null,
    warnings: [],
  };

  if (spec.kind === "distribution") return { ...base, ...estimateDistribution(spec, ctx, universeMask) };

  const overall = measure.estimate(ctx, universeMask);
  const result: IndicatorResult = { ...base, ...overall.fields, warnings: overall.warnings };
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
    const test = baselineTest(overall.raw, ctx.baseline.value);
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
  const domains = estimateDomains(ctx, universeMask, (mask) => measure.estimate(ctx, mask));
  if (Object.keys(domains).length > 0) result.domains = domains;
  return result;
}

function compile(c: Condition, table: DataTable): CompiledCondition {
  return compileCondition(c, table.fieldIndex);
}

interface Computed {
  fields: Pick<IndicatorResult, "estimate" | "se" | "ci" | "ci_method" | "df" | "deff" | "n" | "not_available">;
  warnings: string[];
  raw: EstimateResult | null;
}

interface Measure {
  definition: string;
  /** The Missing that keeps a row out, or null when the row has what the measure needs. */
  missingAt(row: Row): Missing | null;
  estimate(ctx: IndicatorContext, mask: Uint8Array): Computed;
}

function buildMeasure(spec: IndicatorDeclaration, table: DataTable): Measure {
  switch (spec.kind) {
    case "proportion": {
      const when = compile(spec.when as Condition, table);
      const y = new Float64Array(table.rows.length);
      table.rows.forEach((row, i) => {
        const t = when(row);
        y[i] = t === true ? 1 : t === false ? 0 : Number.NaN;
      });
      return {
        definition: `share of rows where ${describeCondition(spec.when as Condition)}`,
        missingAt: (row) => {
          const t = when(row);
          return typeof t === "boolean" ? null : t;
        },
        estimate: (ctx, mask) => proportion(ctx, y, mask, spec.ci_method),
      };
    }
    case "distribution":
      return fieldMeasure(table, spec.field as string, `distribution of ${spec.field}`, () => {
        throw new Error("distributions are estimated per category");
      });
    case "mean":
    case "total": {
      const y = numericColumn(table, spec.field as string);
      const estimator = spec.kind === "mean" ? svyMean : svyTotal;
      return fieldMeasure(table, spec.field as string, `${spec.kind} of ${spec.field}`, (ctx, mask) =>
        continuous(ctx, estimator(ctx.design, y, mask)),
      );
    }
    case "quantile": {
      const y = numericColumn(table, spec.field as string);
      const p = (spec.probs as number[])[0] as number;
      return fieldMeasure(table, spec.field as string, `quantile ${p} of ${spec.field}`, (ctx, mask) => {
        const q = svyQuantile(ctx.design, y, p, mask, ctx.level);
        if (!q.available) return unavailableComputed(q);
        return {
          fields: {
            estimate: q.estimate,
            se: q.se,
            ci: [q.lower, q.upper],
            ci_method: q.method,
            df: q.df,
            deff: null,
            n: q.n,
            not_available: null,
          },
          warnings: q.warnings,
          raw: null,
        };
      });
    }
    case "ratio":
    case "mean_of_ratios": {
      const num = numericColumn(table, spec.numerator as string);
      const den = numericColumn(table, spec.denominator as string);
      const ni = requireField(table, spec.numerator as string);
      const di = requireField(table, spec.denominator as string);
      const ratio = spec.kind === "ratio";
      return {
        definition: ratio
          ? `ratio of totals: sum of ${spec.numerator} / sum of ${spec.denominator}`
          : `mean over rows of ${spec.numerator} / ${spec.denominator}`,
        missingAt: (row) => firstMissing(row, ni) ?? firstMissing(row, di),
        estimate: (ctx, mask) =>
          continuous(ctx, ratio ? svyRatio(ctx.design, num, den, mask) : svyMeanOfRatios(ctx.design, num, den, mask)),
      };
    }
  }
}

function fieldMeasure(table: DataTable, field: string, definition: string, estimate: Measure["estimate"]): Measure {
  const index = requireField(table, field);
  return { definition, missingAt: (row) => firstMissing(row, index), estimate };
}

const firstMissing = (row: Row, index: number): Missing | null => {
  const v = row[index];
  return v !== undefined && isMissing(v) ? v : null;
};

function unavailableComputed(r: { message: string; n: number; warnings: string[] }): Computed {
  return {
    fields: { estimate: null, se: null, ci: null, ci_method: "", df: null, deff: null, n: r.n, not_available: r.message },
    warnings: r.warnings,
    raw: null,
  };
}

function continuous(ctx: IndicatorContext, r: EstimateResult): Computed {
  if (!r.available) return { ...unavailableComputed(r), raw: r };
  const ci = tInterval(r, { level: ctx.level });
  return {
    fields: fromEstimate(r, ci),
    warnings: [...r.warnings, ...(ci.note ? [ci.note] : [])],
    raw: r,
  };
}

function proportion(ctx: IndicatorContext, y: Float64Array, mask: Uint8Array, method?: string): Computed {
  const r = svyProportion(ctx.design, y, mask);
  if (!r.available) return { ...unavailableComputed(r), raw: r };
  const ci = proportionCi(ctx, r, y, mask, method);
  return { fields: fromEstimate(r, ci), warnings: [...r.warnings, ...(ci.note ? [ci.note] : [])], raw: r };
}

/** Without a declared design a proportion is a count: Wilson (default) or Clopper–Pearson. */
function proportionCi(
  ctx: IndicatorContext,
  r: Extract<EstimateResult, { available: true }>,
  y: Float64Array,
  mask: Uint8Array,
  method?: string,
): Interval {
  if (!ctx.declared && (method === undefined || method === "wilson" || method === "clopper-pearson")) {
    let x = 0;
    for (let i = 0; i < y.length; i++) if (mask[i] && y[i] === 1) x++;
    return srsProportionInterval(x, r.n, (method ?? "wilson") as "wilson" | "clopper-pearson", ctx.level);
  }
  const designMethod = (method === "clopper-pearson" ? "beta" : (method ?? "logit")) as "logit" | "beta" | "wilson" | "mean";
  return proportionInterval(r, designMethod, { level: ctx.level });
}

function fromEstimate(r: Extract<EstimateResult, { available: true }>, ci: Interval): Computed["fields"] {
  return {
    estimate: r.estimate,
    se: r.se,
    ci: [ci.lower, ci.upper],
    ci_method: ci.method,
    df: r.df,
    deff: r.deff,
    n: r.n,
    not_available: null,
  };
}

function estimateDistribution(
  spec: IndicatorDeclaration,
  ctx: IndicatorContext,
  mask: Uint8Array,
): Partial<IndicatorResult> {
  const field = spec.field as string;
  const index = requireField(ctx.table, field);
  const levels = levelsOf(ctx.table, field);
  const position = new Map(levels.map((l, i) => [l.value, i]));
  const codes = new Float64Array(ctx.table.rows.length);
  ctx.table.rows.forEach((row, i) => {
    const v = row[index];
    codes[i] = v === undefined || isMissing(v) ? Number.NaN : (position.get(String(v)) ?? Number.NaN);
  });
  const dist = svyDistribution(ctx.design, codes, levels.length, mask);
  const counts = levels.map((_, k) => {
    let n = 0;
    for (let i = 0; i < codes.length; i++) if (mask[i] && codes[i] === k) n++;
    return n;
  });
  const marks = suppressCells(counts, ctx.minCell);
  let method = "";
  let df: number | null = null;
  let n = 0;
  const categories: CategoryResult[] = levels.map((level, k) => {
    const r = dist.categories[k] as EstimateResult;
    n = r.n;
    const suppressed = marks[k] !== null;
    const suppression = marks[k] ?? null;
    if (!r.available || suppressed) {
      return { value: level.value, label: level.label, estimate: null, se: null, ci: null, n: counts[k] ?? 0, suppressed, suppression };
    }
    df = r.df;
    const ci = ctx.declared
      ? proportionInterval(r, (spec.ci_method ?? "logit") as "logit", { level: ctx.level })
      : srsProportionInterval(counts[k] ?? 0, r.n, (spec.ci_method ?? "wilson") as "wilson", ctx.level);
    method = ci.method;
    return {
      value: level.value,
      label: level.label,
      estimate: r.estimate,
      se: r.se,
      ci: [ci.lower, ci.upper],
      n: counts[k] ?? 0,
      suppressed,
      suppression,
    };
  });
  return { categories, ci_method: method, df, n };
}

function estimateDomains(
  ctx: IndicatorContext,
  universeMask: Uint8Array,
  estimate: (mask: Uint8Array) => Computed,
): Record<string, DomainResult[]> {
  const out: Record<string, DomainResult[]> = {};
  for (const field of ctx.domains) {
    const index = requireField(ctx.table, field);
    const levels = levelsOf(ctx.table, field);
    const masks = levels.map(() => new Uint8Array(ctx.table.rows.length));
    const position = new Map(levels.map((l, i) => [l.value, i]));
    ctx.table.rows.forEach((row, i) => {
      if (!universeMask[i]) return;
      const v = row[index];
      if (v === undefined || isMissing(v)) return;
      const k = position.get(String(v));
      if (k !== undefined) (masks[k] as Uint8Array)[i] = 1;
    });
    const computed = masks.map((m) => estimate(m));
    const marks = suppressCells(
      computed.map((c) => c.fields.n),
      ctx.minCell,
    );
    out[field] = levels.map((level, k) => {
      const c = computed[k] as Computed;
      const mark = marks[k] ?? null;
      const hide = mark !== null || c.fields.estimate === null;
      return {
        level: level.value,
        label: level.label,
        estimate: hide ? null : c.fields.estimate,
        se: hide ? null : c.fields.se,
        ci: hide ? null : c.fields.ci,
        n: c.fields.n,
        deff: hide ? null : c.fields.deff,
        suppressed: mark !== null,
        suppression: mark,
      };
    });
  }
  return out;
}

/** n missing by missing-value code ("" is reported as "blank"). */
class MissingCounter {
  private readonly counts = new Map<string, number>();
  total = 0;
  add(m: Missing): void {
    const code = m.code === "" ? "blank" : m.code;
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
    this.total++;
  }
  byCode(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}

