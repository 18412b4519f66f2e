import { rmdirSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { LOCK_FILE, OutputBusyError, OutputError, lockOutputFolder, makeFolder } from "../output/index.js";
import { CliError, EXIT_BAD_REQUEST } from "./errors.js";
import { cliMessages, type Lang } from "./i18n/index.js";
import type { Io } from "./io.js";

/**
 * Run an output step (write or `--check`) so that a file-system error is one sentence naming the
 * path, as the user would type it, and the cause, with exit 2: the request cannot be carried out.
 * The sentence is in `lang`, or, without it, in the language main words a `CliError` in.
 */
export async function withPlainFileErrors<T>(io: Io, step: () => Promise<T>, lang?: Lang): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const refusal = plainFileError(io, error);
    if (refusal === null) throw error;
    throw lang === undefined ? refusal : refusal.in(cliMessages(lang));
  }
}

function plainFileError(io: Io, error: unknown): CliError | null {
  if (error instanceof OutputBusyError) {
    const { dir, pid } = error;
    return new CliError((t) => t.outputBusy(shown(io, dir), pid, shown(io, path.join(dir, LOCK_FILE))), EXIT_BAD_REQUEST);
  }
  if (error instanceof OutputError) {
    const { action, code } = error;
    return new CliError((t) => t.outputFailed(action, shown(io, error.path), code), EXIT_BAD_REQUEST);
  }
  return null;
}

/**
 * Runs a write step with SIGINT and SIGTERM held until it ends, so that the set is finished; its
 * refusal is worded in `lang`, the run's.
 */
export type WriteStep = <T>(step: () => Promise<T>, lang: Lang) => Promise<T>;

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Run a command that writes to `outDir` under the folder's lock, so that two runs never mix
 * their files: a second run refuses with one sentence (exit 2) while the first is alive. SIGINT
 * and SIGTERM release the lock and exit (130, 143) at once while computing, and only after the
 * write while writing: the report set is then whole, and no temporary file stays. The lock's
 * sentences come before the study is read for the run: `langOf` finds their language.
 */
export async function withOutputLock(
  io: Io,
  outDir: string,
  langOf: () => Promise<Lang>,
  run: (write: WriteStep) => Promise<number>,
): Promise<number> {
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
    throw error instanceof CliError ? error.in(cliMessages(await langOf())) : error;
  } finally {
    writing = false;
  }
  if (held !== null) exitOn(held);
  if (lock.tookOverFrom !== null) io.stderr(`${cliMessages(await langOf()).lockTakenOver(shown(io, outDir), lock.tookOverFrom)}\n`);

  const write: WriteStep = async (step, lang) => {
    writing = true;
    try {
      return await withPlainFileErrors(io, step, lang);
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
