import { type InferredTable, inferTable } from "./infer-table.js";
import { type DataSource, type FixedReading, openDataSource } from "./source.js";
import { TableProfiler } from "./table-profile.js";

/**
 * Read a whole data file once, streamed, and infer its schema and design (the `init DATA`
 * path). Memory stays bounded whatever the row count (table-profile.ts, profile.ts). An SPSS
 * file's own labels and user-missing codes win over what the data suggest (labels.ts). The
 * evidence is worded in `lang`, the language of the study file's comments.
 */
export async function inferFromData(
  file: string,
  displayName: string,
  fixed: FixedReading,
  lang: "en" | "fr",
): Promise<{ table: InferredTable; text: DataSource["text"]; headerRow: number | null }> {
  const source = await openDataSource(file, displayName, fixed);
  const profiler = new TableProfiler(source.header);
  for await (const cells of source.records) profiler.add(cells);
  const table = inferTable(profiler.finish(), lang, source.metadata);
  return { table, text: source.text, headerRow: source.headerRow };
}
