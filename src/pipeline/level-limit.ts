import type { IndicatorDeclaration, LoadedStudy } from "../study/index.js";
import type { LevelCodes } from "./data-table.js";
import { combinations, indicatorDomains } from "./domain-levels.js";
import { indicatorRequest } from "./indicator-request.js";

/**
 * At most this many levels for a subgroup field, and categories for a distribution: more rows
 * or columns than a report's table can show. A field with near one distinct value per row (an
 * id, a free-text answer, a numeric measure) is no grouping. The largest bundled field has far
 * fewer (a reception point, a dozen or so).
 */
export const MAX_LEVELS = 1000;

/** Which limit a field passed, with the values its sentence needs: the command line words it in the run's language. */
export type LevelLimit =
  | {
      code: "levels";
      where: string;
      indicator: string;
      field: string;
      levels: number;
      limit: number;
      use: "subgroup" | "distribution" | "numeric";
    }
  | { code: "combinations"; where: string; indicator: string; fields: string[]; combinations: number; limit: number }
  | { code: "cells"; where: string; indicator: string; rows: string; columns: string; nRows: number; nCols: number; limit: number };

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

/** What the check reads of a dataset: which fields it has, which are numeric, each field's levels. */
export interface LevelSource {
  has(field: string): boolean;
  numeric(field: string): boolean;
  levelCodes(field: string): LevelCodes;
}

/**
 * Refuse, before anything is estimated, a study whose subgroup field, distribution or
 * cross-table has more levels than the limits: one sentence naming the study file's line, the
 * indicator, the field and its number of levels. Counting levels is one pass over a column; the
 * estimation it spares costs rows × levels.
 */
export function checkStudyLevels(loaded: LoadedStudy, sourceOf: (dataset: string) => LevelSource | null): void {
  loaded.study.indicators.forEach((declaration: IndicatorDeclaration, i) => {
    const spec = indicatorRequest(declaration);
    const src = sourceOf(spec.dataset);
    if (src === null) return;
    const count = (field: string): number => src.levelCodes(field).levels.length;
    const at = (...path: (string | number)[]): string => loaded.where(path);
    const m = spec.measure;
    if (m.kind === "distribution" || (m.kind === "count" && m.field !== undefined)) {
      const field = m.field as string;
      checkLevelCount(at("indicators", i, "field"), spec.id, field, count(field), src.numeric(field) ? "numeric" : "distribution");
    }
    if (m.kind === "crosstab") {
      checkLevelCount(at("indicators", i, "rows"), spec.id, m.rows, count(m.rows), "distribution");
      checkLevelCount(at("indicators", i, "columns"), spec.id, m.columns, count(m.columns), "distribution");
      checkCellCount(at("indicators", i), spec.id, m.rows, m.columns, count(m.rows), count(m.columns));
    }
    for (const { domain, path } of indicatorDomains(spec.domains, loaded.study.domains, i, src.has, spec.field)) {
      if (domain.fields.length === 1) checkLevelCount(at(...path), spec.id, domain.key, count(domain.key), "subgroup");
      else checkCrossedLevelCount(at(...path), spec.id, domain.fields, combinations(domain, src.levelCodes));
    }
  });
}

/** Refuse, in one sentence naming the place, the indicator and the field, a field with too many levels for its use. */
function checkLevelCount(
  where: string,
  indicator: string,
  field: string,
  levels: number,
  use: "subgroup" | "distribution" | "numeric",
): void {
  if (levels <= MAX_LEVELS) return;
  const what = use === "subgroup" ? "subgroups" : "distribution categories";
  const instead =
    use === "numeric"
      ? "for a numeric field, estimate its quantiles (kind: quantile) or cut it into bands (derive: bins)"
      : "group its values into fewer categories";
  throw new LevelLimitError(
    `${where}: indicator "${indicator}": field "${field}" has ${levels.toLocaleString("en-US")} distinct values, more than the ${MAX_LEVELS.toLocaleString("en-US")} ${what} supported; ${instead}`,
    { code: "levels", where, indicator, field, levels, limit: MAX_LEVELS, use },
  );
}

/** Refuse crossed fields with more combinations of levels than {@link MAX_LEVELS}, naming the place, the indicator and the fields. */
function checkCrossedLevelCount(where: string, indicator: string, fields: readonly string[], combinations: number): void {
  if (combinations <= MAX_LEVELS) return;
  throw new LevelLimitError(
    `${where}: indicator "${indicator}": the crossed fields ${fields.map((f) => `"${f}"`).join(" × ")} have ${combinations.toLocaleString("en-US")} combinations of levels, more than the ${MAX_LEVELS.toLocaleString("en-US")} subgroups supported; cross fewer fields or group their values into fewer categories`,
    { code: "combinations", where, indicator, fields: [...fields], combinations, limit: MAX_LEVELS },
  );
}

/**
 * At most this many cells in a cross-table: the Rao–Scott test needs the cells' joint
 * covariance (cells² numbers), and on a design weighted to population counts every cell's
 * cluster totals at once (cells × clusters numbers; other designs keep them sparse).
 */
const MAX_CELLS = 400;

/** Refuse, in one sentence naming the place, the indicator and the fields, a cross-table with too many cells. */
function checkCellCount(where: string, indicator: string, rows: string, columns: string, nRows: number, nCols: number): void {
  if (nRows * nCols <= MAX_CELLS) return;
  throw new LevelLimitError(
    `${where}: indicator "${indicator}": the cross-table of "${rows}" (${nRows.toLocaleString("en-US")} categories) by "${columns}" (${nCols.toLocaleString("en-US")}) has ${(nRows * nCols).toLocaleString("en-US")} cells, more than the ${MAX_CELLS} supported; group categories into fewer`,
    { code: "cells", where, indicator, rows, columns, nRows, nCols, limit: MAX_CELLS },
  );
}
