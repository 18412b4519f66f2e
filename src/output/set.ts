import { access, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { OutputError, outputError } from "./errors.js";
import { type FileContent, makeFolder, type OutputFile, staleCharts, writable } from "./write.js";

/**
 * A report's files (`.md`, `.json`, charts, rejects) written as one set. They sit beside files
 * that are not ours (notes, another report), so the set cannot be one folder renamed over
 * another; instead:
 *
 * 1. every file and a manifest (the set's names and the files it makes obsolete) are written to
 *    a staging folder `.<set>.tmp-<pid>` inside the output folder (same file system);
 * 2. the staging folder is renamed to `.<set>.commit`: the commit point, one atomic rename;
 * 3. each file is renamed into place, obsolete ones removed, and the journal folder removed.
 *
 * Before step 2 a crash leaves the old set whole (and a staging folder that the next run removes
 * and `--check` names); after it the journal is replayed by the next run, which finishes the new
 * set. Step 3 is a handful of renames, replayable at any point. Nothing outside the manifest is
 * touched, so a user's files in the folder survive.
 */
const MANIFEST = ".manifest.json";

/** The temporary file of a single-file write (`writeFilesAtomic`): `.<name>.<pid>.<hex>.tmp`. */
const SINGLE_TMP = /^\.(.+)\.\d+\.[0-9a-f]{8}\.tmp$/;

const stagingPrefix = (set: string): string => `.${set}.tmp-`;
const journalName = (set: string): string => `.${set}.commit`;

/** Write `files` (and remove `obsolete`) in `dir` as one set named `set`, as described above. */
export async function writeFileSet(
  dir: string,
  set: string,
  files: readonly OutputFile[],
  obsolete: readonly string[] = [],
): Promise<void> {
  await makeFolder(dir);
  // The caller holds the folder's lock: no other run is writing, so any journal is an interrupted
  // commit to finish, and any staging folder of this set is a dead run's to remove.
  await replayJournal(dir, set);
  await removeStaging(dir, set);
  await removeSingleFileTemporaries(dir, files);
  await refuseBlockedTargets(dir, files);
  const staging = join(dir, `${stagingPrefix(set)}${process.pid}`);
  const journal = join(dir, journalName(set));
  try {
    for (const d of new Set([staging, ...files.map((f) => dirname(join(staging, f.name)))])) await makeFolder(d);
    // Several at a time, far below any open-file limit.
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let f = files[next++]; f !== undefined; f = files[next++]) await writeInto(join(staging, f.name), f.content);
    };
    // Settled, not raced: the staging folder is removed only once no write is still going on.
    const results = await Promise.allSettled(Array.from({ length: Math.min(16, files.length) }, worker));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
    await writeInto(join(staging, MANIFEST), `${JSON.stringify({ files: files.map((f) => f.name), obsolete })}\n`);
    await rename(staging, journal).catch((err: unknown) => {
      throw outputError("write", journal, err);
    });
  } catch (err) {
    // A full disk or a refused write: the old set stays whole, and no staging folder stays.
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
  await replayJournal(dir, set);
}

/**
 * A folder where a file of the set should go, or a file where its folder should go, refused
 * before the commit point, so that the old set stays whole.
 */
async function refuseBlockedTargets(dir: string, files: readonly OutputFile[]): Promise<void> {
  for (const d of new Set(files.map((f) => dirname(join(dir, f.name))))) await makeFolder(d);
  for (const f of files) {
    const target = join(dir, f.name);
    const isFolder = await stat(target).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (isFolder) throw new OutputError("write", target, "EISDIR");
  }
}

/** Finish an interrupted commit: move what is still in the journal into place, then drop it. */
async function replayJournal(dir: string, set: string): Promise<void> {
  const journal = join(dir, journalName(set));
  let manifest: { files: string[]; obsolete: string[] };
  try {
    manifest = JSON.parse(await readFile(join(journal, MANIFEST), "utf8")) as typeof manifest;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
    // Only a power loss (the files are not synced) could leave it cut short.
    if (err instanceof SyntaxError) throw new OutputError("read", join(journal, MANIFEST), "cut-short");
    throw outputError("read", join(journal, MANIFEST), err);
  }
  for (const name of manifest.files) {
    const from = join(journal, name);
    const target = join(dir, name);
    // Already moved by the interrupted run: nothing left to do for this file.
    if (!(await exists(from))) continue;
    await makeFolder(dirname(target));
    await rename(from, target).catch((err: unknown) => {
      throw outputError("write", target, err);
    });
  }
  const setFiles = manifest.files.map((name) => ({ name, content: "" }));
  for (const rel of [...(await staleCharts(dir, setFiles)), ...manifest.obsolete]) await remove(join(dir, rel));
  await remove(journal);
}

async function removeStaging(dir: string, set: string): Promise<void> {
  for (const name of await leftoverNames(dir, set)) if (name.startsWith(stagingPrefix(set))) await remove(join(dir, name));
}

/** The temporary files an interrupted single-file write of one of the set's files left. */
async function removeSingleFileTemporaries(dir: string, files: readonly OutputFile[]): Promise<void> {
  const byFolder = new Map<string, Set<string>>();
  for (const f of files) {
    const folder = dirname(join(dir, f.name));
    byFolder.set(folder, (byFolder.get(folder) ?? new Set()).add(basename(f.name)));
  }
  for (const [folder, names] of byFolder)
    for (const n of await namesIn(folder)) {
      const of = SINGLE_TMP.exec(n)?.[1];
      if (of !== undefined && names.has(of)) await remove(join(folder, n));
    }
}

/**
 * What an interrupted write of this set left in the folder: staging folders, an unfinished
 * journal, and temporary files of a single-file write (`.<name>.<pid>.<hex>.tmp`). `--check`
 * reports them; the next write removes or finishes them.
 */
export async function setLeftovers(dir: string, set: string, files: readonly OutputFile[]): Promise<string[]> {
  const top = (await leftoverNames(dir, set)).filter(
    (n) => n.startsWith(stagingPrefix(set)) || n === journalName(set) || SINGLE_TMP.test(n),
  );
  const inFolders: string[] = [];
  for (const sub of new Set(files.map((f) => dirname(f.name)).filter((d) => d !== ".")))
    for (const n of await namesIn(join(dir, sub))) if (SINGLE_TMP.test(n)) inFolders.push(`${sub}/${n}`);
  return [...top, ...inFolders.sort()];
}

async function leftoverNames(dir: string, set: string): Promise<string[]> {
  return (await namesIn(dir)).filter((n) => n.startsWith(`.${set}.`) || SINGLE_TMP.test(n));
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT" || (err as NodeJS.ErrnoException).code === "ENOTDIR") return [];
    throw outputError("read", dir, err);
  }
}

async function writeInto(file: string, content: FileContent): Promise<void> {
  await writeFile(file, writable(content)).catch((err: unknown) => {
    throw outputError("write", file, err);
  });
}

async function remove(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true }).catch((err: unknown) => {
    throw outputError("remove", path, err);
  });
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );
