import type { Condition } from "../../conditions/index.js";
import { predictorField } from "./regression.js";
import type { IndicatorDeclaration } from "./union.js";

/** A field an indicator names by key, and whether its kind computes with its values as numbers. */
export interface FieldRead {
  /** The key, and the entry's place in a list key (a regression's predictors). */
  key: "field" | "numerator" | "denominator" | "rows" | "columns" | "outcome" | "predictors";
  index?: number;
  field: string;
  numeric: boolean;
}

/**
 * The fields an indicator's kind reads directly. Means, totals, quantiles and ratios compute
 * with numbers; a distribution, a count by category and a cross-table count the categories of
 * any field, a multi_select the choices of a multiple-choice field; a regression's outcome is a
 * number, its predictors numeric or categorical.
 */
export function fieldsRead(ind: IndicatorDeclaration): FieldRead[] {
  switch (ind.kind) {
    case "proportion":
      return [];
    case "distribution":
    case "multi_select":
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
    case "regression":
      return [
        ...(ind.outcome === undefined ? [] : [{ key: "outcome" as const, field: ind.outcome, numeric: true }]),
        ...ind.predictors.map((p, index) => ({ key: "predictors" as const, index, field: predictorField(p), numeric: false })),
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
  const stated = ind.kind === "proportion" || ind.kind === "count" || ind.kind === "regression" ? ind.when : undefined;
  const when = stated === undefined ? [] : [{ key: "when" as const, condition: stated }];
  return [...when, ...(ind.universe ? [{ key: "universe" as const, condition: ind.universe }] : [])];
}
