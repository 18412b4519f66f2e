import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/** The years a zip entry's time can hold (MS-DOS format; fflate refuses any other). */
const ZIP_YEARS = [1980, 2099] as const;

/**
 * The docx package with the same bytes for the same report. docx stamps the document's creation
 * and modification times, and its zip entries' times, from the clock: both are set from the
 * result's date instead (its `generated` field: SOURCE_DATE_EPOCH, else the study's date), and the
 * package is zipped again in its own order. An undated result gives a document without dates,
 * whose entries carry the zip format's first day.
 */
export function fixedPackage(bytes: Uint8Array, date: string): Uint8Array {
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [y, m, d] = ymd === null ? [ZIP_YEARS[0], 1, 1] : [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  // Zip times are local times without a zone: built from the date's fields so that every time
  // zone writes the same bytes; a year the format cannot hold is brought to its nearest end.
  const year = Math.min(ZIP_YEARS[1], Math.max(ZIP_YEARS[0], y));
  const mtime = year === y ? new Date(y, m - 1, d) : new Date(year, year === ZIP_YEARS[0] ? 0 : 11, year === ZIP_YEARS[0] ? 1 : 31);
  const stamp = (xml: string) =>
    ymd === null
      ? xml.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, "")
      : xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*/g, `$1${date}T00:00:00Z`);
  const entries = Object.entries(unzipSync(bytes)).map(([name, data]): [string, [Uint8Array, { mtime: Date }]] => [
    name,
    [name === "docProps/core.xml" ? strToU8(stamp(strFromU8(data))) : data, { mtime }],
  ]);
  return zipSync(Object.fromEntries(entries), { level: 6 });
}
