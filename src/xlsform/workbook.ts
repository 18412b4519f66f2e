import ExcelJS from "exceljs";
import { XlsFormError } from "./errors.js";

/** One sheet of a form: its header (lower-cased, trimmed) and its rows with their row numbers. */
export interface Sheet {
  columns: string[];
  rows: { line: number; cells: Record<string, string> }[];
}

/** An XLSForm is a few hundred rows at most; a bigger file is not a form. */
const MAX_FORM_BYTES = 20 * 1024 * 1024;

/**
 * The sheets of an XLSForm workbook, by lower-cased name, every cell as the text Excel shows
 * (numbers, dates and formulas' results included). The first row of a sheet is its header.
 */
export async function readWorkbook(file: string, display: string): Promise<Map<string, Sheet>> {
  const workbook = new ExcelJS.Workbook();
  try {
    const { stat } = await import("node:fs/promises");
    const info = await stat(file);
    if (!info.isFile())
      throw new XlsFormError(`${display}: not a file; give the XLSForm (.xlsx) of the survey.`, { file: display, code: "not-file" });
    if (info.size > MAX_FORM_BYTES)
      throw new XlsFormError(`${display}: ${info.size.toLocaleString("en-US")} bytes is too large for an XLSForm.`, {
        file: display,
        code: "too-large",
        bytes: info.size,
      });
    await workbook.xlsx.readFile(file);
  } catch (err) {
    if (err instanceof XlsFormError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new XlsFormError(`${display}: no such file.`, { file: display, code: "no-file" });
    const detail = firstLine(err);
    throw new XlsFormError(`${display}: not a readable .xlsx workbook (${detail}); an XLSForm is saved as .xlsx.`, {
      file: display,
      code: "unreadable",
      detail,
    });
  }
  const sheets = new Map<string, Sheet>();
  for (const ws of workbook.worksheets) {
    const columns: string[] = [];
    const rows: Sheet["rows"] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const texts: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) texts.push(cellText(row.getCell(c)));
      if (columns.length === 0) {
        columns.push(...texts.map((t) => t.trim().toLowerCase()));
        return;
      }
      const cells: Record<string, string> = {};
      columns.forEach((name, c) => {
        if (name !== "") cells[name] = (texts[c] ?? "").trim();
      });
      if (Object.values(cells).some((v) => v !== "")) rows.push({ line, cells });
    });
    sheets.set(ws.name.trim().toLowerCase(), { columns, rows });
  }
  return sheets;
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? "";
  } catch {
    return "";
  }
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "";
}
