import type { Condition } from "../../conditions/index.js";
import type { IndicatorDeclaration } from "./union.js";

/** A field an indicator names by key, and whether its kind computes with its values as numbers. */
export interface FieldRead {
  key: "field" | "numerator" | "denominator" | "rows" | "columns";
  field: string;
  numeric: boolean;
}

/**
 * The fields an indicator's kind reads directly. Means, totals, quantiles and ratios compute
 * with numbers; a distribution, a count by category and a cross-table count the categories of
 * any field.
 */
export function fieldsRead(ind: IndicatorDeclaration): FieldRead[] {
  switch (ind.kind) {
    case "proportion":
      return [];
    case "distribution":
      return [{ key: "field", field: ind.field, numeric: false }];
    case "count":
      return ind.field === undefined ? [] : [{ key: "field", field: ind.field, numeric: false }];
    case "mean":
    case "total":
    case "quantile":
      return [{ key: "field", field: ind.field, numeric: true }];
    case "crosstab":
      return [
        { key: "rows", field: ind.rows, numeric: false },
        { key: "columns", field: ind.columns, numeric: false },
      ];
    case "ratio":
    case "mean_of_ratios":
      return [
        { key: "numerator", field: ind.numerator, numeric: true },
        { key: "denominator", field: ind.denominator, numeric: true },
      ];
  }
}

/** The conditions an indicator states, by key. */
export function conditionsOf(ind: IndicatorDeclaration): { key: "when" | "universe"; condition: Condition }[] {
  const stated = ind.kind === "proportion" || ind.kind === "count" ? ind.when : undefined;
  const when = stated === undefined ? [] : [{ key: "when" as const, condition: stated }];
  return [...when, ...(ind.universe ? [{ key: "universe" as const, condition: ind.universe }] : [])];
}
