/**
 * At most this many levels for a subgroup field, and categories for a distribution. Each level is
 * a column of the variance computation, which costs rows × levels in time and memory: a field
 * with near one distinct value per row (an id, a free-text answer) would run out of memory or
 * not finish. The largest bundled field has far fewer (a reception point, a dozen or so).
 */
export const MAX_LEVELS = 1000;

/** Which limit a field passed, with the values its sentence needs: the command line words it in the run's language. */
export type LevelLimit =
  | { code: "levels"; indicator: string; field: string; levels: number; limit: number; use: "subgroup" | "distribution" }
  | { code: "combinations"; indicator: string; fields: string[]; combinations: number; limit: number }
  | { code: "cells"; indicator: string; rows: string; columns: string; nRows: number; nCols: number; limit: number };

/**
 * A subgroup field or a distribution with more levels than {@link MAX_LEVELS}: the data cannot
 * support the analysis. The message is English; `limit` is the same as a code.
 */
export class LevelLimitError extends Error {
  constructor(
    message: string,
    readonly limit: LevelLimit,
  ) {
    super(message);
  }
}

/** Refuse, in one sentence naming the indicator and the field, a field with too many levels for its use. */
export function checkLevelCount(indicator: string, field: string, levels: number, use: "subgroup" | "distribution"): void {
  if (levels <= MAX_LEVELS) return;
  const what = use === "subgroup" ? "subgroups" : "distribution categories";
  throw new LevelLimitError(
    `indicator "${indicator}": field "${field}" has ${levels.toLocaleString("en-US")} distinct values, more than the ${MAX_LEVELS.toLocaleString("en-US")} ${what} supported; group its values into fewer categories`,
    { code: "levels", indicator, field, levels, limit: MAX_LEVELS, use },
  );
}

/** Refuse crossed fields with more combinations of levels than {@link MAX_LEVELS}, naming the indicator and the fields. */
export function checkCrossedLevelCount(indicator: string, fields: readonly string[], combinations: number): void {
  if (combinations <= MAX_LEVELS) return;
  throw new LevelLimitError(
    `indicator "${indicator}": the crossed fields ${fields.map((f) => `"${f}"`).join(" × ")} have ${combinations.toLocaleString("en-US")} combinations of levels, more than the ${MAX_LEVELS.toLocaleString("en-US")} subgroups supported; cross fewer fields or group their values into fewer categories`,
    { code: "combinations", indicator, fields: [...fields], combinations, limit: MAX_LEVELS },
  );
}

/**
 * At most this many cells in a cross-table: the Rao–Scott test needs the cells' joint
 * covariance, whose cluster totals are all held at once (cells × clusters numbers).
 */
const MAX_CELLS = 400;

/** Refuse, in one sentence naming the indicator and the fields, a cross-table with too many cells. */
export function checkCellCount(indicator: string, rows: string, columns: string, nRows: number, nCols: number): void {
  if (nRows * nCols <= MAX_CELLS) return;
  throw new LevelLimitError(
    `indicator "${indicator}": the cross-table of "${rows}" (${nRows} categories) by "${columns}" (${nCols}) has ${(nRows * nCols).toLocaleString("en-US")} cells, more than the ${MAX_CELLS} supported; group categories into fewer`,
    { code: "cells", indicator, rows, columns, nRows, nCols, limit: MAX_CELLS },
  );
}
