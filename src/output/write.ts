import { randomBytes } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { OutputError, outputError } from "./errors.js";

export interface OutputFile {
  /** Path relative to the output directory, "/"-separated ("study.charts/proportions.svg"). */
  name: string;
  content: FileContent;
}

/** Text (or bytes, for a file in another encoding) made chunk by chunk as it is written (a large rejects file), never held whole. */
interface TextChunks {
  chunks(): Iterable<string | Uint8Array>;
}

export type FileContent = string | Uint8Array | TextChunks;

/** What `writeFile` takes: the chunks as an iterable, text chunks encoded as UTF-8 one by one. */
export const writable = (content: FileContent): string | Uint8Array | Iterable<string | Uint8Array> =>
  typeof content === "string" || content instanceof Uint8Array ? content : content.chunks();

/** Whether `onDisk` holds exactly `content`, compared chunk by chunk. */
function sameBytes(onDisk: Buffer, content: FileContent): boolean {
  if (typeof content === "string") return onDisk.equals(Buffer.from(content, "utf8"));
  if (content instanceof Uint8Array) return onDisk.equals(content);
  let offset = 0;
  for (const chunk of content.chunks()) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    if (!onDisk.subarray(offset, offset + bytes.length).equals(bytes)) return false;
    offset += bytes.length;
  }
  return offset === onDisk.length;
}

/** Folders (relative, non-empty) that hold at least one output file: the chart folders. */
function subfolders(files: readonly OutputFile[]): string[] {
  const dirs = new Set<string>();
  for (const f of files) {
    const d = posix.dirname(f.name);
    if (d !== ".") dirs.add(d);
  }
  return [...dirs].sort();
}

/** Chart files left over from an earlier run (an indicator since removed) that nobody writes. */
export async function staleCharts(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  const expected = new Set(files.map((f) => f.name));
  const extra: string[] = [];
  for (const sub of subfolders(files)) {
    let names: string[];
    try {
      names = await readdir(join(dir, sub));
    } catch {
      continue;
    }
    for (const n of names.sort()) {
      const rel = `${sub}/${n}`;
      if (n.endsWith(".svg") && !expected.has(rel)) extra.push(rel);
    }
  }
  return extra;
}

/** Files written at once: enough to keep the thread pool busy, far below any open-file limit. */
const WRITE_CONCURRENCY = 16;

/**
 * Write every file atomically: content goes to a temporary file in the same directory (same
 * file system) and is renamed over the target, so a crash never leaves half a report. Files are
 * written several at a time (one by one, the file system round trips were a noticeable part of a
 * small report's run). Stale `.svg` files in the chart folders are removed, and so are the files
 * named in `obsolete` (outputs of an earlier run that this one no longer writes), so that
 * `checkFiles` passes right after. A file-system error is thrown as an `OutputError`.
 */
export async function writeFilesAtomic(dir: string, files: readonly OutputFile[], obsolete: readonly string[] = []): Promise<void> {
  for (const d of new Set(files.map((f) => dirname(join(dir, f.name))))) await makeFolder(d);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let f = files[next++]; f !== undefined; f = files[next++]) await writeFileAtomic(dir, f);
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(WRITE_CONCURRENCY, files.length) }, worker));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  for (const rel of [...(await staleCharts(dir, files)), ...obsolete]) {
    const target = join(dir, rel);
    await rm(target, { force: true }).catch((err: unknown) => {
      throw outputError("remove", target, err);
    });
  }
}

/**
 * `mkdir -p`, one level at a time, so that the error names the real cause: a recursive mkdir on a
 * read-only mount reports ENOENT, and a file in the way shows as ENOTDIR on a path below it.
 */
export async function makeFolder(dir: string): Promise<void> {
  const isFolder = await stat(dir).then(
    (s) => s.isDirectory(),
    (err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT" || err.code === "ENOTDIR") return null;
      throw outputError("create the folder", dir, err);
    },
  );
  if (isFolder === true) return;
  if (isFolder === false) throw new OutputError("create the folder", dir, "not-a-folder");
  const parent = dirname(dir);
  if (parent !== dir) await makeFolder(parent);
  await mkdir(dir).catch(async (err: NodeJS.ErrnoException) => {
    // Another process made it in the meantime: fine if it is a folder.
    if (err.code === "EEXIST" && (await stat(dir)).isDirectory()) return;
    throw outputError("create the folder", dir, err);
  });
}

async function writeFileAtomic(dir: string, f: OutputFile): Promise<void> {
  const target = join(dir, f.name);
  const tmp = join(dirname(target), `.${posix.basename(f.name)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, writable(f.content));
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw outputError("write", target, err);
  }
}

/**
 * For `--check`: which files on disk differ from what would be written (byte comparison), which
 * are missing, and which should not be there: chart files in the chart folders that are not
 * expected (listed as stale) and the files named in `obsolete` that exist. A file-system error
 * other than a missing file is thrown as an `OutputError`.
 */
export async function checkFiles(
  dir: string,
  files: readonly OutputFile[],
  obsolete: readonly string[] = [],
): Promise<{ stale: string[]; missing: string[]; unexpected: string[] }> {
  const stale: string[] = [];
  const missing: string[] = [];
  for (const f of files) {
    const target = join(dir, f.name);
    let onDisk: Buffer;
    try {
      onDisk = await readFile(target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        missing.push(f.name);
        continue;
      }
      throw outputError("read", target, err);
    }
    if (!sameBytes(onDisk, f.content)) stale.push(f.name);
  }
  stale.push(...(await staleCharts(dir, files)));
  const unexpected: string[] = [];
  for (const name of obsolete)
    if (
      await stat(join(dir, name)).then(
        () => true,
        () => false,
      )
    )
      unexpected.push(name);
  return { stale, missing, unexpected };
}
