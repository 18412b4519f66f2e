import type { QualitativeResult } from "../qualitative/index.js";
import type { Quote } from "../result/index.js";

/**
 * `result.qualitative` as the report reads it: the type src/qualitative produces (validated
 * upstream), plus quotes, which the pipeline adds when the study asks for publishable excerpts.
 * The report stays robust to partial blocks: every list may be empty and every statistic null
 * (with its reason).
 */

export type QualitativeView = QualitativeResult & { quotes?: Quote[] };

export type QualitativeParse = { kind: "absent" } | { kind: "ok"; view: QualitativeView } | { kind: "invalid"; reason: string };

/**
 * A last structural check before rendering: the result schema only checks that the block is an
 * object. A block that does not have the expected shape is left out of the report (with the
 * reason) rather than crashing it.
 */
export function parseQualitative(value: unknown): QualitativeParse {
  if (value === undefined || value === null) return { kind: "absent" };
  if (typeof value !== "object") return { kind: "invalid", reason: "qualitative: not an object" };
  const v = value as Partial<Record<keyof QualitativeView, unknown>>;
  const units = v.units as Partial<QualitativeResult["units"]> | undefined;
  if (typeof units !== "object" || units === null || typeof units.interviews !== "number" || units.interviews < 0) {
    return { kind: "invalid", reason: "units: expected the interview counts" };
  }
  for (const key of ["codes", "parents", "groups"] as const) {
    if (!Array.isArray(v[key])) return { kind: "invalid", reason: `${key}: expected a list` };
  }
  const co = v.cooccurrence as Partial<QualitativeResult["cooccurrence"]> | undefined;
  if (typeof co !== "object" || co === null || !Array.isArray(co.codes) || !Array.isArray(co.counts)) {
    return { kind: "invalid", reason: "cooccurrence: expected codes and counts" };
  }
  // The co-occurrence matrix must be square and match its code list, or a table would misalign.
  const k = co.codes.length;
  if (co.counts.length !== k || co.counts.some((row) => !Array.isArray(row) || row.length !== k)) {
    return { kind: "invalid", reason: "cooccurrence.counts is not a square matrix matching cooccurrence.codes" };
  }
  if (typeof v.crosstabs !== "object" || v.crosstabs === null) return { kind: "invalid", reason: "crosstabs: expected an object" };
  if (v.quotes !== undefined && !Array.isArray(v.quotes)) return { kind: "invalid", reason: "quotes: expected a list" };
  return { kind: "ok", view: value as QualitativeView };
}
