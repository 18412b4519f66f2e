import type { DatasetResult } from "../result/schema.js";
import { isTolerated, parseTolerance } from "../validate/tolerance.js";

/**
 * Datasets whose data are not acceptable: a file-level error, or more rejected rows than the
 * user tolerates (`--max-rejected N` or `P%`, default 0). Throws ToleranceError on a bad value.
 */
export function unacceptableDatasets(datasets: readonly Omit<DatasetResult, "design">[], maxRejected: string): string[] {
  const tolerance = parseTolerance(maxRejected);
  return datasets
    .filter((d) => {
      const fileErrors = d.issues.some((i) => i.severity === "error" && i.line === null);
      return fileErrors || !isTolerated(tolerance, d.rows_rejected, d.rows_read);
    })
    .map((d) => d.name);
}
