import { waveDifference } from "../estimate/index.js";
import type { CategoryResult, IndicatorResult, StudyResult } from "../result/index.js";
import type { Study } from "../study/index.js";
import { categoriesOf, definitionChanges } from "./definition.js";
import type { CategoryComparison, Comparison, Difference, IndicatorComparison, Side } from "./comparison-result.js";

/**
 * One analysed wave: the (merged) study file and the result its report is built from. The new
 * wave's result is made with its study's `harmonise` applied (its answers mapped onto the base's).
 */
export interface Wave {
  study: Study;
  result: StudyResult;
}

export interface CompareOptions {
  command: string;
  toolVersion: string;
  lang: "en" | "fr";
}

/**
 * Two analysed waves → the comparison. Indicators are matched by id; every number comes from
 * the two results and src/estimate/wave-compare.ts, nothing is re-estimated here.
 */
export function compareWaves(base: Wave, next: Wave, options: CompareOptions): Comparison {
  const level = base.result.method.level;
  const nextById = new Map(next.result.indicators.map((i) => [i.id, i]));
  const baseIds = new Set(base.result.indicators.map((i) => i.id));
  const indicators: IndicatorComparison[] = [];
  for (const b of base.result.indicators) {
    const n = nextById.get(b.id);
    // A cross-table has no one estimate to difference: each wave's report has its table and test.
    if (n && b.kind !== "crosstab") indicators.push(compareIndicator(base, b, next, n, level));
  }
  const only = (r: IndicatorResult) => ({ id: r.id, label: r.label, kind: r.kind });
  return {
    base: waveOf(base.result),
    new: waveOf(next.result),
    lang: options.lang,
    tool: { name: "exclusion-study", version: options.toolVersion },
    command: options.command,
    method: {
      level,
      se: "sqrt(se_base^2 + se_new^2)",
      reference: "t with min(df_base, df_new); normal when a df is unknown",
    },
    acceptable: base.result.acceptance.acceptable && next.result.acceptance.acceptable,
    synthetic: base.result.synthetic || next.result.synthetic,
    harmonised: Object.entries(next.study.harmonise).flatMap(([dataset, fields]) =>
      Object.entries(fields).flatMap(([field, map]) => Object.entries(map).map(([from, to]) => ({ dataset, field, from, to }))),
    ),
    indicators,
    only_in_base: base.result.indicators.filter((i) => !nextById.has(i.id)).map(only),
    only_in_new: next.result.indicators.filter((i) => !baseIds.has(i.id)).map(only),
  };
}

const waveOf = (r: StudyResult) => ({ study: r.study, title: r.title, generated: r.generated });

function declOf(wave: Wave, id: string) {
  const decl = wave.study.indicators.find((i) => i.id === id);
  if (!decl) throw new Error(`indicator ${id} is in the result but not in the study`);
  return decl;
}

function compareIndicator(base: Wave, b: IndicatorResult, next: Wave, n: IndicatorResult, level: number): IndicatorComparison {
  const flags = definitionChanges(
    { decl: declOf(base, b.id), result: b, codebook: base.result.codebook },
    { decl: declOf(next, n.id), result: n, codebook: next.result.codebook },
  );
  const compared = flags.length === 0;
  let difference: Difference | null = null;
  // A distribution or a count by category is compared category by category.
  if (compared && b.categories === undefined) {
    difference = differenceOf(b, n, b.df, n.df, level);
    if (difference === null)
      flags.push({ code: "not_available", field: null, base: b.not_available, new: n.not_available, added: [], removed: [] });
  }
  const out: IndicatorComparison = { id: b.id, label: n.label, kind: n.kind, base: side(b), new: side(n), difference, compared, flags };
  if (b.categories !== undefined && n.categories !== undefined) out.categories = compareCategories(base, b, next, n, compared, level);
  return out;
}

const side = (x: { estimate: number | null; se: number | null; ci: [number, number] | null; n: number | null }): Side => ({
  estimate: x.estimate,
  se: x.se,
  ci: x.ci,
  n: x.n,
});

function differenceOf(
  b: { estimate: number | null; se: number | null },
  n: { estimate: number | null; se: number | null },
  baseDf: number | null,
  newDf: number | null,
  level: number,
): Difference | null {
  if (b.estimate === null || b.se === null || n.estimate === null || n.se === null) return null;
  const d = waveDifference({ estimate: b.estimate, se: b.se, df: baseDf }, { estimate: n.estimate, se: n.se, df: newDf }, level);
  return d && { estimate: d.estimate, se: d.se, ci: d.ci, p_value: d.pValue, df: d.df, reference: d.reference };
}

/** Categories in the new schema's order, then those the new wave no longer has. */
function compareCategories(
  base: Wave,
  b: IndicatorResult,
  next: Wave,
  n: IndicatorResult,
  compared: boolean,
  level: number,
): CategoryComparison[] {
  const decl = declOf(next, n.id);
  const field = n.dataset === b.dataset && "field" in decl ? (decl.field ?? "") : "";
  const before = categoriesOf(base.result.codebook, b.dataset, field) ?? (b.categories ?? []).map((c) => c.value);
  const after = categoriesOf(next.result.codebook, n.dataset, field) ?? (n.categories ?? []).map((c) => c.value);
  const values = [...after, ...before.filter((v) => !after.includes(v))];
  const find = (cs: CategoryResult[] | undefined, v: string) => cs?.find((c) => c.value === v);
  return values.map((value) => {
    const cb = before.includes(value) ? find(b.categories, value) : undefined;
    const cn = after.includes(value) ? find(n.categories, value) : undefined;
    const status = before.includes(value) ? (after.includes(value) ? "both" : "removed") : "added";
    const difference = compared && cb && cn ? differenceOf(cb, cn, b.df, n.df, level) : null;
    return {
      value,
      label: cn?.label ?? cb?.label ?? value,
      status,
      base: cb ? side(cb) : null,
      new: cn ? side(cn) : null,
      difference,
    };
  });
}
