import { open } from "node:fs/promises";
import yauzl from "yauzl";
import { formatSize, issueTexts, type IssueTexts } from "../vocabulary/index.js";
import { dataError } from "./errors.js";

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
export async function checkZip(path: string, file: string, limits: ZipLimits, lang?: "en" | "fr"): Promise<string[]> {
  const texts = issueTexts(lang);
  const notZip = (why: (w: IssueTexts["notWorkbookWhy"]) => string) =>
    dataError(file, null, "source-error", texts.notWorkbook(why(texts.notWorkbookWhy)), lang);
  const compound = await compoundFileKind(path);
  if (compound === "encrypted") throw dataError(file, null, "source-error", texts.workbookEncrypted, lang);
  if (compound === "other") throw notZip((w) => w.oldBinary);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, z) =>
      err ? reject(notZip((w) => w.notZip(oneLine(err)))) : resolve(z),
    );
  });
  const names: string[] = [];
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", (err: unknown) => reject(notZip((w) => w.damagedZip(oneLine(err)))));
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        const limit = SHARED_STRINGS.test(entry.fileName) ? limits.sharedStringsBytes : limits.entryBytes;
        const tooBig = (part: string | null, bytes: number) =>
          dataError(file, null, "source-error", texts.zipTooLarge(part, formatSize(bytes, lang)), lang);
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(notZip((w) => w.entryUnreadable(entry.fileName, oneLine(err))));
          let size = 0;
          stream.on("data", (chunk: Buffer) => {
            size += chunk.length;
            total += chunk.length;
            if (size > limit) stream.destroy(tooBig(entry.fileName, limit));
            else if (total > limits.totalBytes) stream.destroy(tooBig(null, limits.totalBytes));
          });
          stream.on("error", (e: unknown) =>
            reject(e instanceof Error && e.name === "IngestError" ? e : notZip((w) => w.entryDamaged(entry.fileName, oneLine(e)))),
          );
          stream.on("end", () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  if (!names.some((n) => n.toLowerCase() === "xl/workbook.xml")) throw notZip((w) => w.noWorkbookXml);
  return names;
}

/** An error's message as one short line, for a sentence. */
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const line = (text.split("\n")[0] ?? "").trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line || "unknown error";
}

/** An OLE compound file's first bytes: Excel saves an encrypted workbook, and an old .xls, as one. */
const COMPOUND_SIGNATURE = Buffer.from("d0cf11e0a1b11ae1", "hex");
/** The stream holding an encrypted workbook (MS-OFFCRYPTO), named in UTF-16 in the file's directory. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

/**
 * Whether a file is an OLE compound file, and if so whether it holds an encrypted workbook: its
 * first directory sector (where Excel puts the streams' names) is looked at, not the whole file.
 */
async function compoundFileKind(path: string): Promise<"encrypted" | "other" | null> {
  const handle = await open(path, "r").catch(() => null);
  if (handle === null) return null; // yauzl names the file-system error
  try {
    const header = Buffer.alloc(512);
    const { bytesRead } = await handle.read(header, 0, 512, 0);
    if (bytesRead < 512 || !header.subarray(0, 8).equals(COMPOUND_SIGNATURE)) return null;
    // Sectors of 512 bytes (version 3) or 4,096 (version 4); anything else is a damaged file.
    const sectorSize = header.readUInt16LE(0x1e) === 12 ? 4096 : 512;
    const directory = Buffer.alloc(sectorSize);
    await handle.read(directory, 0, sectorSize, (header.readUInt32LE(0x30) + 1) * sectorSize);
    return directory.includes(ENCRYPTED_PACKAGE) ? "encrypted" : "other";
  } finally {
    await handle.close();
  }
}
