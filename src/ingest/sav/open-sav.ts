import { open, type FileHandle } from "node:fs/promises";
import { issueTexts } from "../../vocabulary/index.js";
import { dataError, fromFsError, IngestError } from "../errors.js";
import { checkedSize, fileSha256, type OpenedSource, type TypedSourceOptions } from "../source.js";
import { typedRecordViews, type TypedCell, type TypedRow } from "../typed-source.js";
import { ByteReader, Truncated } from "./byte-reader.js";
import { CaseReader } from "./cases.js";
import { readDictionary, SavFormatError, type SavDictionary, type SavVariable } from "./dictionary.js";

/** SPSS counts time in seconds from the start of the Gregorian calendar, 14 October 1582. */
const SPSS_EPOCH_MS = Date.UTC(1582, 9, 14);
/** Print formats that hold a day (DATE, ADATE, JDATE, MOYR, QYR, WKYR, EDATE, SDATE) or a moment (DATETIME, YMDHMS). */
const DAY_FORMATS = new Set([20, 23, 24, 28, 29, 30, 38, 39]);
const MOMENT_FORMATS = new Set([22, 41]);

/** A numeric variable that holds a day, a moment (date and time), or neither. */
export const timeKind = (v: SavVariable): "day" | "moment" | null =>
  v.width > 0 ? null : DAY_FORMATS.has(v.formatType) ? "day" : MOMENT_FORMATS.has(v.formatType) ? "moment" : null;

/** A day as a Date (written in the field's date format); a moment as ISO date-time text. */
function timeCell(kind: "day" | "moment", seconds: number): TypedCell {
  const date = new Date(SPSS_EPOCH_MS + seconds * 1000);
  if (Number.isNaN(date.getTime())) return null;
  return kind === "day"
    ? date
    : date
        .toISOString()
        .replace(/\.000Z$/, "")
        .replace(/Z$/, "");
}

/**
 * Read an .sav file's dictionary, naming the file in any refusal; the file is closed again, and
 * `dataOffset` is where its cases start.
 */
export async function loadDictionary(
  path: string,
  file: string,
  lang?: "en" | "fr",
): Promise<{ dict: SavDictionary; dataOffset: number; littleEndian: boolean }> {
  await checkedSize(path, file, "sav", lang);
  const handle = await openHandle(path, file);
  try {
    const reader = new ByteReader(handle);
    const dict = await readDictionary(reader);
    return { dict, dataOffset: reader.offset, littleEndian: reader.littleEndian };
  } catch (err) {
    throw savError(file, null, err, lang);
  } finally {
    await handle.close();
  }
}

async function openHandle(path: string, file: string): Promise<FileHandle> {
  try {
    return await open(path, "r");
  } catch (err) {
    throw fromFsError(file, err);
  }
}

function savError(file: string, line: number | null, err: unknown, lang: "en" | "fr" | undefined): IngestError {
  if (err instanceof IngestError) return err;
  const texts = issueTexts(lang);
  const why = err instanceof SavFormatError ? err.why(texts.notSavWhy) : err instanceof Truncated ? texts.notSavWhy.endsInDictionary : null;
  if (why === null) return fromFsError(file, err);
  return dataError(file, line, "source-error", texts.notSav(why), lang);
}

/**
 * Open an SPSS system file and stream its cases: a number, a string, a date (for date formats)
 * or a blank (system-missing) per variable. A case's line is its case number plus one, the line
 * it has in the file's CSV export, so the header (the variable names) is line 1.
 */
export async function openSav(options: TypedSourceOptions): Promise<OpenedSource> {
  const file = options.displayName ?? options.path;
  const { lang } = options;
  const totalBytes = await checkedSize(options.path, file, "sav", lang);
  const sha256 = await fileSha256(options.path, file);
  const { dict, dataOffset, littleEndian } = await loadDictionary(options.path, file, lang);
  const names = dict.variables.map((v) => v.name);
  const times = dict.variables.map(timeKind);
  const formats = options.cellFormats?.(names) ?? [];
  let reader: ByteReader | null = null;
  async function* rows(): AsyncGenerator<TypedRow, void, undefined> {
    // The file is opened again only when the cases are read, and closed however that ends.
    const handle = await openHandle(options.path, file);
    reader = new ByteReader(handle, dataOffset);
    reader.littleEndian = littleEndian;
    const cases = new CaseReader(reader, dict);
    let line = 1;
    try {
      for (;;) {
        const values = await cases.next().catch((err: unknown) => {
          throw savError(file, line + 1, err, lang);
        });
        if (values === null) break;
        line++;
        yield {
          line,
          cells: values.map((v, i): TypedCell => {
            const kind = times[i];
            return kind && typeof v === "number" ? timeCell(kind, v) : v;
          }),
        };
      }
    } finally {
      await handle.close();
    }
  }
  return {
    format: "sav",
    encoding: `sav, ${dict.encoding}`,
    delimiter: "",
    header: { names, line: 1 },
    ...typedRecordViews(
      file,
      rows,
      () => formats,
      (records, done) => options.onProgress?.(done ? totalBytes : Math.min(reader?.offset ?? 0, totalBytes - 1), totalBytes, records),
    ),
    issues: [],
    sha256: () => sha256,
    totalBytes,
  };
}
