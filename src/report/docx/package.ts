import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/**
 * The docx package with the same bytes for the same report. docx stamps the document's creation
 * and modification times, and its zip entries' times, from the clock: both are set to the
 * result's date instead (its `generated` field, itself fixed by SOURCE_DATE_EPOCH or the study's
 * date), and the package is zipped again in its own order.
 */
export function fixedPackage(bytes: Uint8Array, date: string): Uint8Array {
  const [y, m, d] = date.split("-").map(Number);
  // Zip times are local times without a zone (MS-DOS format): built from the date's fields so
  // that every time zone writes the same bytes.
  const mtime = new Date(y ?? 1980, (m ?? 1) - 1, d ?? 1);
  const stamp = `${date}T00:00:00Z`;
  const entries = Object.entries(unzipSync(bytes)).map(([name, data]): [string, [Uint8Array, { mtime: Date }]] => [
    name,
    [
      name === "docProps/core.xml" ? strToU8(strFromU8(data).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*/g, `$1${stamp}`)) : data,
      { mtime },
    ],
  ]);
  return zipSync(Object.fromEntries(entries), { level: 6 });
}
