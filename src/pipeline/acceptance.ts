import type { DatasetResult } from "../result/index.js";
import { isTolerated, parseMaxRejected } from "../validate/index.js";

/**
 * Datasets whose data are not acceptable: a file-level error (counted in issue_counts, so even
 * past the issue cap), or more rejected rows than the
 * user tolerates (`--max-rejected N` or `P%`, default 0). Throws ToleranceError on a bad value.
 */
export function unacceptableDatasets(datasets: readonly Omit<DatasetResult, "design">[], maxRejected: string): string[] {
  const tolerance = parseMaxRejected(maxRejected);
  return datasets.filter((d) => fileErrorCodes(d).length > 0 || !isTolerated(tolerance, d.rows_rejected, d.rows_read)).map((d) => d.name);
}

/** The file-level error codes a dataset has, in a stable order. */
export function fileErrorCodes(d: Pick<DatasetResult, "issue_counts">): string[] {
  return FILE_LEVEL.filter((code) => (d.issue_counts[code]?.errors ?? 0) > 0);
}

/**
 * Errors about the file rather than a row (a schema column absent, bytes that are not the
 * declared encoding...): no rejected row stands for them, so any one of them fails the dataset.
 */
const FILE_LEVEL = ["missing-label", "duplicate-label", "blank-header", "encoding-error", "source-error", "format-error"] as const;
