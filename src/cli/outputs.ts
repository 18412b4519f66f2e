import { rmdirSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { LOCK_FILE, OutputBusyError, OutputError, lockOutputFolder, makeFolder } from "../output/index.js";
import { CliError, EXIT_BAD_REQUEST } from "./errors.js";
import type { Io } from "./io.js";

/**
 * Run an output step (write or `--check`) so that a file-system error is one sentence naming the
 * path, as the user would type it, and the cause, with exit 2: the request cannot be carried out.
 */
export async function withPlainFileErrors<T>(io: Io, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof OutputBusyError)
      throw new CliError(
        `cannot write to ${shown(io, error.dir)}: another run (process ${error.pid}) is writing there; wait for it to end, or remove ${shown(io, path.join(error.dir, LOCK_FILE))} if no run is.`,
        EXIT_BAD_REQUEST,
      );
    if (!(error instanceof OutputError)) throw error;
    throw new CliError(`cannot ${error.action} ${shown(io, error.path)}: ${error.reason}.`, EXIT_BAD_REQUEST);
  }
}

/** Runs a write step with SIGINT and SIGTERM held until it ends, so that the set is finished. */
export type WriteStep = <T>(step: () => Promise<T>) => Promise<T>;

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Run a command that writes to `outDir` under the folder's lock, so that two runs never mix
 * their files: a second run refuses with one sentence (exit 2) while the first is alive. SIGINT
 * and SIGTERM release the lock and exit (130, 143) at once while computing, and only after the
 * write while writing: the report set is then whole, and no temporary file stays.
 */
export async function withOutputLock(io: Io, outDir: string, run: (write: WriteStep) => Promise<number>): Promise<number> {
  const created = !(await stat(outDir).then(
    (s) => s.isDirectory(),
    () => false,
  ));
  // The handlers come before the lock: a signal while the lock file is being made is held until
  // it is made, then released with it, so that no lock outlives the run.
  let lock: Awaited<ReturnType<typeof lockOutputFolder>> | null = null;
  let writing = true;
  let held: string | null = null;
  const release = (): void => {
    // The lock goes before the handlers, so that no signal in between can kill the run with it.
    lock?.release();
    // A folder this run made and left empty (it failed before writing) is not left behind.
    if (created)
      try {
        rmdirSync(outDir);
      } catch {
        // Not empty: it holds the report.
      }
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  const exitOn = (signal: string): never => {
    release();
    process.exit(SIGNAL_EXIT[signal] ?? 128);
  };
  function onSignal(signal: string): void {
    if (writing) held = signal;
    else exitOn(signal);
  }
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    lock = await withPlainFileErrors(io, async () => {
      await makeFolder(outDir);
      return lockOutputFolder(outDir);
    });
  } catch (error) {
    release();
    throw error;
  } finally {
    writing = false;
  }
  if (held !== null) exitOn(held);
  if (lock.tookOverFrom !== null)
    io.stderr(`warning: ${shown(io, outDir)} was locked by process ${lock.tookOverFrom}, which has ended; the lock is taken over.\n`);

  const write: WriteStep = async (step) => {
    writing = true;
    try {
      return await withPlainFileErrors(io, step);
    } finally {
      writing = false;
      if (held !== null) exitOn(held);
    }
  };
  try {
    return await run(write);
  } finally {
    release();
  }
}

/** A path relative to the working folder when it lies inside it, else absolute. */
function shown(io: Io, file: string): string {
  const rel = path.relative(io.cwd, file);
  if (rel === "") return ".";
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}
