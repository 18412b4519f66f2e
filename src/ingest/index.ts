/**
 * Ingest: data files (CSV, Excel workbooks, SPSS files) to raw records with line numbers (a
 * sheet's row numbers). Knows nothing of schemas.
 */
export { openCsv, READ_CHUNK } from "./open-csv.js";
export { ScanMemo } from "./scan.js";
export type { CsvSourceOptions, OpenedCsv } from "./open-csv.js";
export type { CsvRecord } from "./parser.js";
export { IngestError } from "./errors.js";
export { recordCells, type RecordBatch } from "./record-batch.js";
export { openSource, sourceFormat } from "./open-source.js";
export type { CellFormat } from "./typed-source.js";
export { savSchemaFields } from "./sav/schema-fragment.js";
