import path from "node:path";
import { OutputError } from "../output/index.js";
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
    if (!(error instanceof OutputError)) throw error;
    throw new CliError(`cannot ${error.action} ${shown(io, error.path)}: ${error.reason}.`, EXIT_BAD_REQUEST);
  }
}

/** A path relative to the working folder when it lies inside it, else absolute. */
function shown(io: Io, file: string): string {
  const rel = path.relative(io.cwd, file);
  if (rel === "") return ".";
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}
