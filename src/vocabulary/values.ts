/**
 * Typed cell values shared by schema, validate, conditions, estimate and synth.
 * A cell is either a typed value or a Missing marker that keeps its missing-value code,
 * so every estimate can report n_missing by code (NSP, NR, blank...).
 */
export class Missing {
  constructor(
    readonly code: string,
    readonly label: string | null = null,
  ) {}
}

export type Value = string | number | boolean | Missing;

/** One accepted row, values in the schema's field order. */
export type Row = Value[];

export const isMissing = (v: Value): v is Missing => v instanceof Missing;
