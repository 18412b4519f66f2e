/** Ingest: CSV bytes to raw records with physical line numbers. Knows nothing of schemas. */
export { openCsv, READ_CHUNK } from "./open-csv.js";
export type { CsvSourceOptions, OpenedCsv } from "./open-csv.js";
export type { CsvRecord } from "./parser.js";
export { IngestError } from "./errors.js";
export { recordCells, type RecordBatch } from "./record-batch.js";
