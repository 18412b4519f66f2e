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

/**
 * Write every file atomically: content goes to a temporary file in the same directory (same
 * file system) and is renamed over the target, so a crash never leaves half a report. Stale
 * `.svg` files in the chart folders are removed, so that `checkFiles` passes right after.
 */
export async function writeFilesAtomic(dir: string, files: readonly OutputFile[]): Promise<void> {
  for (const f of files) {
    const target = join(dir, f.name);
    await mkdir(dirname(target), { recursive: true });
    const tmp = join(dirname(target), `.${posix.basename(f.name)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    try {
      await writeFile(tmp, f.content);
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
  for (const rel of await extraCharts(dir, files)) await rm(join(dir, rel), { force: true });
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
