import { openCsv, IngestError, type CsvRecord, type CsvSourceOptions } from "../../src/ingest/index.js";
import type { Issue } from "../../src/vocabulary/index.js";

export interface ReadAll {
  encoding: string;
  delimiter: string;
  header: { names: string[]; line: number };
  records: CsvRecord[];
  issues: Issue[];
  sha256: string;
}

/** Open and drain a CSV source into one comparable object. */
export async function readAll(options: CsvSourceOptions): Promise<ReadAll> {
  const csv = await openCsv(options);
  const records: CsvRecord[] = [];
  for await (const record of csv.records) records.push(record);
  return { encoding: csv.encoding, delimiter: csv.delimiter, header: csv.header, records, issues: csv.issues, sha256: csv.sha256() };
}

/** The IngestError a read ends with, as plain data; fails if the read succeeds or throws anything else. */
export async function readError(options: CsvSourceOptions): Promise<Pick<IngestError, "kind" | "file" | "line" | "code" | "message">> {
  try {
    await readAll(options);
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
    return { kind: err.kind, file: err.file, line: err.line, code: err.code, message: err.message };
  }
  throw new Error("expected an IngestError");
}
