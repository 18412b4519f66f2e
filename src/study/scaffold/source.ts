import path from "node:path";
import { openSource, recordCells, savSchemaFields } from "../../ingest/index.js";
import { isBlank } from "../../validate/index.js";

/** A Table Schema field as an SPSS file's dictionary describes it. */
export type SavField = Awaited<ReturnType<typeof savSchemaFields>>[number];

/** A data file as `init` reads it: the header and the records' cells, streamed, blank records skipped. */
export interface DataSource {
  header: string[];
  records: AsyncIterable<string[]>;
  /** A CSV's encoding and delimiter (what the study file states); null for a workbook or an SPSS file. */
  text: { encoding: "utf-8" | "windows-1252"; delimiter: string } | null;
  /** What an SPSS file's dictionary says of its variables (labels, user-missing codes). */
  metadata: SavField[];
  /** A workbook's header row: the one asked for, else the one found when it is not the first (title lines above it). */
  headerRow: number | null;
}

/** How `init` reads a data file: a CSV's encoding and delimiter, a workbook's sheet and header row, when fixed. */
export interface FixedReading {
  encoding?: "utf-8" | "windows-1252" | undefined;
  delimiter?: string | undefined;
  sheet?: string | number | undefined;
  headerRow?: number | undefined;
}

/** Rows of a workbook looked at for its header: titles above a table take a few lines at most. */
const HEADER_SEARCH_ROWS = 10;

/** Extensions of the typed formats, on which a CSV's encoding and delimiter do not apply. */
const TYPED = new Set([".xlsx", ".xlsm", ".sav"]);

/**
 * Open a data file through the ingest layer, as `validate` will read it (the reader chosen by
 * the format; a CSV's encoding and delimiter sniffed unless given): what `init` infers from
 * these cells is what validation will see.
 */
export async function openDataSource(file: string, displayName: string, fixed: FixedReading = {}): Promise<DataSource> {
  const typed = TYPED.has(path.extname(file).toLowerCase());
  const open = (headerRow?: number) =>
    openSource({
      path: file,
      displayName,
      ...(!typed && fixed.encoding ? { encoding: fixed.encoding } : {}),
      ...(!typed && fixed.delimiter ? { delimiter: fixed.delimiter } : {}),
      ...(fixed.sheet !== undefined ? { sheet: fixed.sheet } : {}),
      ...(headerRow !== undefined ? { headerRow } : {}),
      // A sheet or header row given to a file that has none is refused naming init's options.
      optionNames: { sheet: "--sheet", headerRow: "--header-row" },
    });
  let source = await open(fixed.headerRow);
  // The header row asked for is used as is; otherwise it is looked for below the titles, which
  // reads the first rows: the workbook is opened again to read it whole, wherever the header is.
  const search = fixed.headerRow === undefined && source.format === "xlsx";
  const found = search ? await workbookHeaderRow(source) : null;
  if (search) source = await open(found ?? undefined);
  const headerRow = fixed.headerRow ?? found;
  // Blank records (blank lines, Excel's trailing `;;;;` rows) are skipped as validation skips
  // them: read as rows of missing cells, they would make every column look incomplete.
  async function* records(): AsyncIterable<string[]> {
    for await (const batch of source.byteBatches)
      for (let r = 0; r < batch.count; r++) {
        const cells = recordCells(batch, r);
        if (!isBlank(cells)) yield cells;
      }
  }
  return {
    header: source.header.names,
    records: records(),
    text:
      source.format === "csv"
        ? { encoding: source.encoding === "windows-1252" ? "windows-1252" : "utf-8", delimiter: source.delimiter }
        : null,
    metadata: source.format === "sav" ? await savSchemaFields(file, displayName) : [],
    headerRow,
  };
}

/**
 * A sheet often has a title line or two above its table: the header is then the first row
 * filled as fully as the fullest of the first rows. Null when it is the first row.
 */
async function workbookHeaderRow(source: Awaited<ReturnType<typeof openSource>>): Promise<number | null> {
  const filled = (cells: readonly string[]): number => cells.filter((c) => c.trim() !== "").length;
  const rows = [{ line: source.header.line, filled: filled(source.header.names) }];
  for await (const batch of source.byteBatches) {
    for (let r = 0; r < batch.count && rows.length < HEADER_SEARCH_ROWS; r++)
      rows.push({ line: batch.lines[r] ?? 0, filled: filled(recordCells(batch, r)) });
    if (rows.length >= HEADER_SEARCH_ROWS) break;
  }
  const widest = Math.max(...rows.map((r) => r.filled));
  const header = rows.find((r) => r.filled === widest);
  return header && header.line !== source.header.line ? header.line : null;
}
