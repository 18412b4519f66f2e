import { openCsv, recordCells } from "../../ingest/index.js";

/** A data file as `init` reads it: the header and the records' cells, streamed. */
export interface DataSource {
  header: string[];
  records: AsyncIterable<string[]>;
  encoding: "utf-8" | "windows-1252";
  delimiter: string;
}

/**
 * Open a data file through the ingest layer (encoding and delimiter sniffed unless given), as
 * `validate` will read it: what `init` infers from these cells is what validation will see.
 */
export async function openDataSource(
  file: string,
  displayName: string,
  fixed: { encoding?: "utf-8" | "windows-1252" | undefined; delimiter?: string | undefined } = {},
): Promise<DataSource> {
  const csv = await openCsv({
    path: file,
    displayName,
    ...(fixed.encoding ? { encoding: fixed.encoding } : {}),
    ...(fixed.delimiter ? { delimiter: fixed.delimiter } : {}),
  });
  async function* records(): AsyncIterable<string[]> {
    for await (const batch of csv.byteBatches) for (let r = 0; r < batch.count; r++) yield recordCells(batch, r);
  }
  return {
    header: csv.header.names,
    records: records(),
    encoding: csv.encoding === "windows-1252" ? "windows-1252" : "utf-8",
    delimiter: csv.delimiter,
  };
}
