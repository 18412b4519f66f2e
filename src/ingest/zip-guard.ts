import yauzl from "yauzl";
import { dataError, formatSize } from "./errors.js";

/** Bounds on what a zip archive (a workbook) may inflate to: a zip bomb is refused, not unpacked. */
export interface ZipLimits {
  /** Uncompressed bytes of any one entry. */
  entryBytes: number;
  /** Uncompressed bytes of all entries together. */
  totalBytes: number;
  /** Uncompressed bytes of the shared-strings table, which the reader keeps in memory. */
  sharedStringsBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  entryBytes: 1024 * 1024 * 1024,
  totalBytes: 4 * 1024 * 1024 * 1024,
  sharedStringsBytes: 256 * 1024 * 1024,
};

const SHARED_STRINGS = /^xl\/sharedStrings\.xml$/i;

/**
 * Inflate every entry once, counting bytes, before the workbook is parsed: an entry or an archive
 * over its limit stops the count at the limit (the sizes an archive declares are not trusted).
 * Also checks that the archive is a workbook at all. Returns the entry names.
 */
export async function checkZip(path: string, file: string, limits: ZipLimits): Promise<string[]> {
  const notZip = (reason: string) => dataError(file, null, "source-error", `this is not a readable Excel workbook (.xlsx): ${reason}.`);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, z) =>
      err ? reject(notZip(`not a valid zip archive (${oneLine(err)})`)) : resolve(z),
    );
  });
  const names: string[] = [];
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", (err: unknown) => reject(notZip(`a damaged zip archive (${oneLine(err)})`)));
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        const limit = SHARED_STRINGS.test(entry.fileName) ? limits.sharedStringsBytes : limits.entryBytes;
        const tooBig = (what: string, bytes: number) =>
          dataError(
            file,
            null,
            "source-error",
            `${what} would inflate to more than ${formatSize(bytes)}; the workbook is refused (a zip bomb, or split it).`,
          );
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(notZip(`entry ${entry.fileName} cannot be read (${oneLine(err)})`));
          let size = 0;
          stream.on("data", (chunk: Buffer) => {
            size += chunk.length;
            total += chunk.length;
            if (size > limit) stream.destroy(tooBig(`its part ${entry.fileName}`, limit));
            else if (total > limits.totalBytes) stream.destroy(tooBig("its parts together", limits.totalBytes));
          });
          stream.on("error", (e: unknown) =>
            reject(e instanceof Error && e.name === "IngestError" ? e : notZip(`entry ${entry.fileName} is damaged (${oneLine(e)})`)),
          );
          stream.on("end", () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  if (!names.some((n) => n.toLowerCase() === "xl/workbook.xml"))
    throw notZip("a zip archive without xl/workbook.xml (an .ods or .docx file, perhaps)");
  return names;
}

/** An error's message as one short line, for a sentence. */
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const line = (text.split("\n")[0] ?? "").trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line || "unknown error";
}
