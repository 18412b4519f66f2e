import { type InferredTable, inferTable } from "./infer-table.js";
import { openDataSource } from "./source.js";
import { TableProfiler } from "./table-profile.js";

/**
 * Read a whole data file once, streamed, and infer its schema and design (the `init DATA`
 * path). Memory stays bounded whatever the row count (table-profile.ts, profile.ts).
 */
export async function inferFromData(
  file: string,
  displayName: string,
): Promise<{ table: InferredTable; encoding: "utf-8" | "windows-1252"; delimiter: string }> {
  const source = await openDataSource(file, displayName);
  const profiler = new TableProfiler(source.header);
  for await (const cells of source.records) profiler.add(cells);
  return { table: inferTable(profiler.finish()), encoding: source.encoding, delimiter: source.delimiter };
}
