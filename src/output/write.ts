import { randomBytes } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, posix } from "node:path";

export interface OutputFile {
  /** Path relative to the output directory, "/"-separated ("study.charts/proportions.svg"). */
  name: string;
  content: string | Uint8Array;
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
async function extraCharts(dir: string, files: readonly OutputFile[]): Promise<string[]> {
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
 * small report's run). Stale `.svg` files in the chart folders are removed, so that `checkFiles`
 * passes right after.
 */
export async function writeFilesAtomic(dir: string, files: readonly OutputFile[]): Promise<void> {
  for (const d of new Set(files.map((f) => dirname(join(dir, f.name))))) await mkdir(d, { recursive: true });
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let f = files[next++]; f !== undefined; f = files[next++]) await writeFileAtomic(dir, f);
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(WRITE_CONCURRENCY, files.length) }, worker));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  for (const rel of await extraCharts(dir, files)) await rm(join(dir, rel), { force: true });
}

async function writeFileAtomic(dir: string, f: OutputFile): Promise<void> {
  const target = join(dir, f.name);
  const tmp = join(dirname(target), `.${posix.basename(f.name)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, f.content);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * For `--check`: which files on disk differ from what would be written (byte comparison), which
 * are missing, and which chart files in the chart folders are not expected (listed as stale).
 */
export async function checkFiles(dir: string, files: readonly OutputFile[]): Promise<{ stale: string[]; missing: string[] }> {
  const stale: string[] = [];
  const missing: string[] = [];
  for (const f of files) {
    let onDisk: Buffer;
    try {
      onDisk = await readFile(join(dir, f.name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        missing.push(f.name);
        continue;
      }
      throw err;
    }
    const expected = typeof f.content === "string" ? Buffer.from(f.content, "utf8") : Buffer.from(f.content);
    if (!onDisk.equals(expected)) stale.push(f.name);
  }
  stale.push(...(await extraCharts(dir, files)));
  return { stale, missing };
}
