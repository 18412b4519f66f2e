import { recordViews, type OpenedCsv } from "./open-csv.js";
import { RecordBatchBuilder, type RecordBatch } from "./record-batch.js";

/** A cell of a typed format (a workbook, an SPSS file) as its reader gives it. */
export type TypedCell = string | number | boolean | Date | null;

/** A row of a typed source, numbered as the user sees it (the sheet's row, the SPSS case). */
export interface TypedRow {
  line: number;
  cells: TypedCell[];
}

/**
 * How one column's typed cells become the text the schema's casters read, so that a number cell
 * reads back as exactly the same number under the field's own rules (a decimal comma included)
 * and a date cell as a day of the field's date format.
 */
export interface CellFormat {
  decimalChar?: string | undefined;
  /** A Table Schema date format ("default" or a pattern of %d, %m, %Y). */
  dateFormat?: string | undefined;
  trueText?: string | undefined;
  falseText?: string | undefined;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** A date cell as text: a whole day in the field's format, else an ISO date-time (a date field refuses it). */
function dateText(d: Date, format: string | undefined): string {
  if (Number.isNaN(d.getTime())) return "";
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const iso = `${pad(y, 4)}-${pad(m, 2)}-${pad(day, 2)}`;
  const ms = d.getTime() % 86_400_000;
  if (ms !== 0)
    return d
      .toISOString()
      .replace(/\.000Z$/, "")
      .replace(/Z$/, "");
  if (format === undefined || format === "default") return iso;
  return format.replace("%Y", pad(y, 4)).replace("%m", pad(m, 2)).replace("%d", pad(day, 2));
}

/**
 * A typed cell as text. A number is written in its shortest round-trip form, which `Number()`
 * reads back to the same double; with a decimal comma the point is swapped, which the caster
 * swaps back, so the value is unchanged bit for bit.
 */
export function renderCell(cell: TypedCell, format: CellFormat | undefined): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") {
    const text = String(cell);
    return format?.decimalChar && format.decimalChar !== "." ? text.replace(".", format.decimalChar) : text;
  }
  if (typeof cell === "boolean") return cell ? (format?.trueText ?? "true") : (format?.falseText ?? "false");
  return dateText(cell, format?.dateFormat);
}

/** Rows handed on per batch: about what a 256 KiB chunk of a CSV holds. */
const BATCH_ROWS = 2048;

/**
 * The three record views of `OpenedCsv` over a typed source's rows: the cells become text
 * (through each column's format) in batches of text records, valid until the next batch.
 */
export function typedRecordViews(
  file: string,
  rows: () => AsyncGenerator<TypedRow, void, undefined>,
  formats: () => readonly (CellFormat | undefined)[],
  progress?: (records: number, done: boolean) => void,
): Pick<OpenedCsv, "records" | "batches" | "byteBatches"> {
  const empty = Buffer.alloc(0);
  async function* byteBatches(): AsyncGenerator<RecordBatch, void, undefined> {
    const builder = new RecordBatchBuilder(() => "");
    const columns = formats();
    let records = 0;
    for await (const row of rows()) {
      builder.addTextRecord({ line: row.line, cells: row.cells.map((c, i) => renderCell(c, columns[i])) });
      if (builder.count >= BATCH_ROWS) {
        records += builder.count;
        progress?.(records, false);
        yield builder.finish(empty);
      }
    }
    records += builder.count;
    progress?.(records, true);
    if (builder.count > 0) yield builder.finish(empty);
  }
  return recordViews(file, byteBatches);
}
