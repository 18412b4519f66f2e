import { readFileSync, rmSync } from "node:fs";
import { open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { outputError } from "./errors.js";

/** The lock file's name in an output folder: one writing run at a time. */
export const LOCK_FILE = ".exclusion-study.lock";

/** Another run, still alive, holds the folder's lock. */
export class OutputBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`another run (process ${pid}) is writing to ${dir}`);
  }
}

interface OutputLock {
  /** The process whose lock was stale (it is gone) and was taken over, if any. */
  tookOverFrom: number | null;
  /** Remove the lock; synchronous, so that a signal handler can call it before exiting. */
  release(): void;
}

/**
 * Take the output folder's lock: a file created exclusively (`wx`) that holds this process's id.
 * A lock whose process is gone is taken over; a live one is refused with `OutputBusyError`.
 * The folder must exist.
 */
export async function lockOutputFolder(dir: string): Promise<OutputLock> {
  const file = join(dir, LOCK_FILE);
  let tookOverFrom: number | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { tookOverFrom, release: () => releaseLock(file) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw outputError("write", file, err);
    }
    const holder = await lockHolder(file);
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new OutputBusyError(dir, holder);
    // A run that was killed left it: take it over (a lock file without a pid counts as stale).
    tookOverFrom = Number.isInteger(holder) ? holder : 0;
    await rm(file, { force: true }).catch((e: unknown) => {
      throw outputError("remove", file, e);
    });
  }
}

/**
 * The pid in a lock file. A run writes its pid just after creating the file, so an empty lock is
 * read again for up to a second before it counts as left by a run that died in between.
 */
async function lockHolder(file: string): Promise<number> {
  for (let tries = 0; ; tries++) {
    const holder = Number.parseInt(await readFile(file, "utf8").catch(() => ""), 10);
    if (Number.isInteger(holder) || tries === 20) return holder;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Remove the lock only while it is still ours (a takeover by another run is not undone). */
function releaseLock(file: string): void {
  try {
    if (Number.parseInt(readFileSync(file, "utf8"), 10) === process.pid) rmSync(file, { force: true });
  } catch {
    // Already gone: nothing to release.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
