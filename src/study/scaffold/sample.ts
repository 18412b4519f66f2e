import type { ColumnSample } from "./match-columns.js";
import { openDataSource } from "./source.js";

/** How many data rows `init` reads to judge a column's values. */
const SAMPLE_ROWS = 500;

/** The header and the first rows of a data file, column by column, through the ingest layer. */
export async function sampleColumns(
  file: string,
  displayName: string,
  fixed: Parameters<typeof openDataSource>[2] = {},
  rows = SAMPLE_ROWS,
): Promise<{ columns: ColumnSample[] }> {
  // The base study's encoding and delimiter, when it fixes them: the new export is read as validation will read it.
  const source = await openDataSource(file, displayName, fixed);
  const columns: ColumnSample[] = source.header.map((name) => ({ name, values: [] }));
  let read = 0;
  for await (const cells of source.records) {
    for (const [i, c] of columns.entries()) c.values.push(cells[i] ?? "");
    if (++read >= rows) break;
  }
  return { columns };
}
