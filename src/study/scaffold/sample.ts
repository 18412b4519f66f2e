import { openCsv } from "../../ingest/index.js";
import type { ColumnSample } from "./match-columns.js";

/** How many data rows `init` reads to judge a column's values. */
const SAMPLE_ROWS = 500;

/** The header and the first rows of a CSV, column by column, through the ingest layer. */
export async function sampleColumns(
  file: string,
  displayName: string,
  fixed: { encoding?: "utf-8" | "windows-1252" | undefined; delimiter?: string | undefined } = {},
  rows = SAMPLE_ROWS,
): Promise<{ columns: ColumnSample[]; delimiter: string; encoding: string }> {
  // The base study's encoding and delimiter, when it fixes them: the new export is read as validation will read it.
  const csv = await openCsv({
    path: file,
    displayName,
    ...(fixed.encoding ? { encoding: fixed.encoding } : {}),
    ...(fixed.delimiter ? { delimiter: fixed.delimiter } : {}),
  });
  const columns: ColumnSample[] = csv.header.names.map((name) => ({ name, values: [] }));
  let read = 0;
  for await (const record of csv.records) {
    for (const [i, c] of columns.entries()) c.values.push(record.cells[i] ?? "");
    if (++read >= rows) break;
  }
  return { columns, delimiter: csv.delimiter, encoding: csv.encoding };
}
