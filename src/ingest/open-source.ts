import { open } from "node:fs/promises";
import { extname } from "node:path";
import { issueTexts, type IssueTexts } from "../vocabulary/index.js";
import { requestError } from "./errors.js";
import { openCsv, type CsvSourceOptions } from "./open-csv.js";
import { openSav } from "./sav/open-sav.js";
import type { OpenedSource } from "./source.js";
import type { CellFormat } from "./typed-source.js";

export interface SourceOptions extends CsvSourceOptions {
  sheet?: string | number | undefined;
  headerRow?: number | undefined;
  cellFormats?: (names: string[]) => (CellFormat | undefined)[];
  /** How messages name each option (the study file's keys), when one does not apply. */
  optionNames?: Partial<Record<"delimiter" | "encoding" | "sheet" | "headerRow", string>>;
}

type Format = OpenedSource["format"];

const INAPPLICABLE: Record<Format, ("delimiter" | "encoding" | "sheet" | "headerRow")[]> = {
  csv: ["sheet", "headerRow"],
  xlsx: ["delimiter", "encoding"],
  sav: ["delimiter", "encoding", "sheet", "headerRow"],
};

/** Extensions of formats that are recognised only to be refused, with what to do instead (`refusedFormat`). */
type Refused = keyof IssueTexts["refusedFormat"];
const isRefused = (ext: string): ext is Refused => Object.hasOwn(issueTexts().refusedFormat, ext);

/**
 * Open a data file by its format: the extension names it, and the first bytes confirm it where
 * that is cheap (a zip archive is a workbook, "$FL2" an SPSS file, whatever the name says).
 * Options that do not apply to the format are refused in one sentence.
 */
export async function openSource(options: SourceOptions): Promise<OpenedSource> {
  const file = options.displayName ?? options.path;
  const format = await sourceFormat(options.path, file, options.lang);
  const names = { delimiter: "delimiter", encoding: "encoding", sheet: "sheet", headerRow: "header_row", ...options.optionNames };
  const given = INAPPLICABLE[format].find((k) => options[k] !== undefined);
  if (given !== undefined) throw requestError(file, issueTexts(options.lang).notApplicable(names[given], format), options.lang);
  const typed = {
    path: options.path,
    ...(options.displayName !== undefined ? { displayName: options.displayName } : {}),
    ...(options.cellFormats ? { cellFormats: options.cellFormats } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    lang: options.lang,
  };
  if (format === "xlsx") {
    // Loaded only for a workbook: exceljs is most of the bundle's ingest code, and CSV runs need none of it.
    const { openWorkbook } = await import("./open-workbook.js");
    return openWorkbook({ ...typed, sheet: options.sheet, headerRow: options.headerRow });
  }
  if (format === "sav") return openSav(typed);
  return { ...(await openCsv(options)), format: "csv" };
}

/** The reader a file needs; a format that is only recognised to be refused throws its sentence. */
export async function sourceFormat(path: string, displayName?: string, lang?: "en" | "fr"): Promise<Format> {
  const ext = extname(path).toLowerCase();
  if (isRefused(ext)) throw requestError(displayName ?? path, issueTexts(lang).refusedFormat[ext], lang);
  return sniffFormat(path, extname(path).toLowerCase());
}

async function sniffFormat(file: string, ext: string): Promise<Format> {
  const byName: Format = ext === ".xlsx" || ext === ".xlsm" ? "xlsx" : ext === ".sav" ? "sav" : "csv";
  if (byName !== "csv") return byName;
  const head = Buffer.alloc(4);
  try {
    const handle = await open(file, "r");
    try {
      await handle.read(head, 0, 4, 0);
    } finally {
      await handle.close();
    }
  } catch {
    return "csv"; // openCsv names the file-system error
  }
  if (head.toString("latin1") === "PK\u0003\u0004") return "xlsx";
  if (head.toString("latin1") === "$FL2") return "sav";
  return "csv";
}
