// The study file's indicator declaration as a plain request: the only place that reads a kind's
// own keys, each inside its kind's branch, so the estimation below never guesses which keys a
// declaration has.
import type { Condition } from "../conditions/index.js";
import type { DomainEntry, IndicatorDeclaration } from "../study/index.js";

type ShareCiMethod = "logit" | "beta" | "wilson" | "mean" | "clopper-pearson";

/** What is estimated, with the variables each kind reads. */
export type MeasureRequest =
  | { kind: "proportion"; when: Condition; ciMethod: ShareCiMethod | undefined }
  | { kind: "distribution"; field: string; ciMethod: ShareCiMethod | undefined }
  | { kind: "crosstab"; rows: string; columns: string; ciMethod: ShareCiMethod | undefined }
  | { kind: "mean" | "total"; field: string }
  | { kind: "quantile"; field: string; p: number }
  | { kind: "ratio" | "mean_of_ratios"; numerator: string; denominator: string }
  /** The number of people meeting `when`, or (`field`) the number in each category. */
  | { kind: "count"; when: Condition; field?: undefined }
  | { kind: "count"; field: string; when?: undefined };

interface PublishedFigure {
  value: number;
  source: string;
  precision?: number | undefined;
}

export interface ContrastRequest {
  field: string;
  a: string | number;
  b: string | number;
}

export interface IndicatorRequest {
  id: string;
  kind: MeasureRequest["kind"];
  dataset: string;
  universe: Condition | undefined;
  measure: MeasureRequest;
  published: PublishedFigure | undefined;
  /** The name of the study baseline to test the estimate against. */
  baseline: string | undefined;
  contrasts: ContrastRequest[];
  /** Subgroup fields, or crossed fields, declared on the indicator (else the study's). */
  domains: DomainEntry[] | undefined;
  /** The field the indicator is about, never one of its own subgroups. */
  field: string | undefined;
}

function required<T>(value: T | undefined, id: string, key: string): T {
  // The study loader refuses a declaration without its kind's keys; this only guards the type.
  if (value === undefined) throw new Error(`indicator "${id}" has no ${key}`);
  return value;
}

export function indicatorRequest(spec: IndicatorDeclaration): IndicatorRequest {
  // A cross-table takes no subgroups (its columns are one): none, not the study's.
  const common = { id: spec.id, dataset: spec.dataset, universe: spec.universe, domains: spec.kind === "crosstab" ? [] : spec.domains };
  switch (spec.kind) {
    case "proportion":
      return {
        ...common,
        kind: spec.kind,
        measure: { kind: spec.kind, when: required(spec.when, spec.id, "when"), ciMethod: spec.ci_method },
        published: spec.published,
        baseline: spec.baseline,
        contrasts: spec.contrasts ?? [],
        field: undefined,
      };
    case "distribution":
      return {
        ...common,
        kind: spec.kind,
        measure: { kind: spec.kind, field: required(spec.field, spec.id, "field"), ciMethod: spec.ci_method },
        published: undefined,
        baseline: undefined,
        contrasts: [],
        field: spec.field,
      };
    case "crosstab":
      return {
        ...common,
        kind: spec.kind,
        measure: { kind: spec.kind, rows: spec.rows, columns: spec.columns, ciMethod: spec.ci_method },
        published: undefined,
        baseline: undefined,
        contrasts: [],
        field: undefined,
      };
    case "mean":
      return {
        ...common,
        kind: spec.kind,
        measure: { kind: spec.kind, field: required(spec.field, spec.id, "field") },
        published: spec.published,
        baseline: spec.baseline,
        contrasts: spec.contrasts ?? [],
        field: spec.field,
      };
    case "total":
      return {
        ...common,
        kind: spec.kind,
        measure: { kind: spec.kind, field: required(spec.field, spec.id, "field") },
        published: spec.published,
        baseline: spec.baseline,
        contrasts: [],
        field: spec.field,
      };
    case "quantile": {
      const probs = required(spec.probs, spec.id, "probs");
      return {
        ...common,
        kind: spec.kind,
        measure: { kind: spec.kind, field: required(spec.field, spec.id, "field"), p: required(probs[0], spec.id, "probs") },
        published: spec.published,
        baseline: undefined,
        contrasts: [],
        field: spec.field,
      };
    }
    case "count":
      return {
        ...common,
        kind: spec.kind,
        // The loader refuses a count with both keys or neither.
        measure:
          spec.field === undefined
            ? { kind: spec.kind, when: required(spec.when, spec.id, "when") }
            : { kind: spec.kind, field: spec.field },
        published: undefined,
        baseline: undefined,
        contrasts: [],
        field: spec.field,
      };
    case "ratio":
    case "mean_of_ratios":
      return {
        ...common,
        kind: spec.kind,
        measure: {
          kind: spec.kind,
          numerator: required(spec.numerator, spec.id, "numerator"),
          denominator: required(spec.denominator, spec.id, "denominator"),
        },
        published: spec.published,
        baseline: spec.baseline,
        contrasts: [],
        field: undefined,
      };
  }
}
