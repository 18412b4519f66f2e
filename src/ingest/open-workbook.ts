import ExcelJS from "exceljs";
import { issueTexts } from "../vocabulary/index.js";
import { dataError, IngestError, requestError } from "./errors.js";
import { readHeader } from "./header.js";
import { checkedSize, fileSha256, type OpenedSource, type TypedSourceOptions } from "./source.js";
import { typedRecordViews, type CellFormat, type TypedCell, type TypedRow } from "./typed-source.js";
import { checkZip, DEFAULT_ZIP_LIMITS, oneLine, type ZipLimits } from "./zip-guard.js";

export interface WorkbookOptions extends TypedSourceOptions {
  /** The sheet: its name, or its 1-based position among the workbook's sheets (default 1). */
  sheet?: string | number | undefined;
  /** The 1-based row holding the column names (default 1); rows above it (titles) are skipped. */
  headerRow?: number | undefined;
  limits?: ZipLimits;
}

type SheetReader = AsyncIterable<ExcelJS.Row> & { name?: string };
interface ReaderModel {
  model?: { sheets?: { name: string }[] };
}

/**
 * Open an Excel workbook (.xlsx) and stream one sheet's rows with their sheet row numbers:
 * exceljs's streaming reader holds one row at a time (plus the shared strings), so a large sheet
 * is read in bounded memory. Every entry is inflated and counted first (zip-guard.ts).
 */
export async function openWorkbook(options: WorkbookOptions): Promise<OpenedSource> {
  const file = options.displayName ?? options.path;
  const headerRow = options.headerRow ?? 1;
  const { lang } = options;
  const texts = issueTexts(lang);
  const totalBytes = await checkedSize(options.path, file, "xlsx", lang);
  await checkZip(options.path, file, options.limits ?? DEFAULT_ZIP_LIMITS, lang);
  const sha256 = await fileSha256(options.path, file);

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(options.path, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const wanted = options.sheet ?? 1;
  let sheetName = "";
  let lastRow: number | null = null;
  const broken = (err: unknown): IngestError =>
    err instanceof IngestError ? err : dataError(file, lastRow, "source-error", texts.workbookBroken(lastRow !== null, oneLine(err)), lang);

  async function* sheetRows(): AsyncGenerator<{ number: number; cells: TypedCell[] }, void, undefined> {
    const seen: string[] = [];
    let position = 0;
    try {
      for await (const sheet of reader as AsyncIterable<SheetReader>) {
        position++;
        const name = sheet.name ?? `Sheet${position}`;
        seen.push(name);
        // exceljs keeps workbook.xml's sheets, in tab order, on its reader's model (not in its types).
        const order = (reader as unknown as ReaderModel).model?.sheets?.map((s) => s.name);
        const at = order ? order.indexOf(name) + 1 : position;
        const match = typeof wanted === "number" ? at === wanted : name.trim().toLowerCase() === wanted.trim().toLowerCase();
        if (!match) continue;
        sheetName = name;
        for await (const row of sheet) {
          lastRow = row.number;
          if (row.number < headerRow) continue;
          yield { number: row.number, cells: rowCells(row) };
        }
        return;
      }
    } catch (err) {
      throw broken(err);
    }
    const names = seen.map((n) => JSON.stringify(n)).join(", ");
    throw requestError(
      file,
      typeof wanted === "number" ? texts.noSheetAt(seen.length, names, wanted) : texts.noSheetNamed(JSON.stringify(wanted), names),
      lang,
    );
  }

  const rows = sheetRows();
  const first = await rows.next();
  if (first.done || first.value.number !== headerRow) {
    await rows.return(undefined);
    throw dataError(file, headerRow, "source-error", texts.noHeaderRow(JSON.stringify(sheetName), headerRow, first.done === true), lang);
  }
  const cellTexts = first.value.cells.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c === null ? "" : String(c)));
  let header: { names: string[]; line: number };
  try {
    // The checks of a CSV header: a blank row, or two columns of one name, are refused.
    header = readHeader(file, { line: headerRow, cells: cellTexts }, lang);
  } catch (err) {
    await rows.return(undefined);
    throw err;
  }
  const names = header.names;
  const width = names.length;
  const formats: (CellFormat | undefined)[] = options.cellFormats?.(names) ?? [];

  async function* dataRows(): AsyncGenerator<TypedRow, void, undefined> {
    for await (const row of rows) {
      const cells = row.cells;
      // A row the sheet lists but whose cells are all blank (formatting only) holds no data.
      if (cells.every((c) => c === null || c === "")) continue;
      // Cells past the header's width are kept only when one holds something: then the row is ragged.
      let last = cells.length - 1;
      while (last >= 0 && (cells[last] === null || cells[last] === "")) last--;
      const out = last < width ? cells.slice(0, width) : cells;
      while (out.length < width) out.push(null);
      yield { line: row.number, cells: out };
    }
  }
  return {
    format: "xlsx",
    encoding: `xlsx, sheet ${JSON.stringify(sheetName)}`,
    delimiter: "",
    header,
    // No progress bar: exceljs reads the whole archive first when the shared strings follow the
    // sheets (as Excel writes them), so bytes read say nothing of the rows still to come.
    ...typedRecordViews(file, dataRows, () => formats),
    issues: [],
    sha256: () => sha256,
    totalBytes,
  };
}

/** A row's cells (exceljs's values are 1-based and sparse) as typed cells. */
function rowCells(row: ExcelJS.Row): TypedCell[] {
  const values = row.values as unknown[];
  const cells: TypedCell[] = [];
  for (let i = 1; i < values.length; i++) cells.push(typedCell(values[i]));
  return cells;
}

/** Rich text, formulas, hyperlinks and errors become their shown value. */
function typedCell(v: unknown): TypedCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as {
      richText?: { text: string }[];
      result?: unknown;
      formula?: unknown;
      sharedFormula?: unknown;
      text?: unknown;
      error?: unknown;
    };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join("");
    if ("formula" in o || "sharedFormula" in o) return typedCell(o.result);
    if (typeof o.text === "string") return o.text;
    if (typeof o.error === "string") return o.error;
  }
  return String(v);
}
