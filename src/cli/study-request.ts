import path from "node:path";
import { loadSchemasAndCheckFields } from "../study/index.js";
import { bundledStudyPath, loadStudy, type LoadedStudy } from "../study/index.js";
import { CliError, EXIT_BAD_REQUEST } from "./errors.js";
import type { Io } from "./io.js";
import { parseDataOverrides } from "./parse-options.js";
import type { ProgressCallback } from "./progress.js";

/** The study a command names, or the bundled 2014 study. */
export async function loadRequestedStudy(study: string | undefined, io: Io): Promise<LoadedStudy> {
  const loaded =
    study === undefined
      ? await loadStudy(bundledStudyPath(), "the bundled study (connexions-solidaires-2014/study.yaml)")
      : await loadStudy(path.resolve(io.cwd, study), study);
  // Every field the study names is checked against its schema before any data is read.
  // Loading the schemas also records the renames an XLSForm implies (loaded.formRenames).
  const schemas = await loadSchemasAndCheckFields(loaded);
  return { ...loaded, schemas };
}

/** `--data NAME=PATH` pairs checked against the study's datasets: resolved paths, and paths as given. */
export function dataOverridesFor(
  loaded: LoadedStudy,
  pairs: readonly string[],
  io: Io,
): { data: Record<string, string>; dataDisplay: Record<string, string> } {
  const data = parseDataOverrides(pairs, io.cwd);
  const dataDisplay = Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
  for (const name of Object.keys(data))
    if (!loaded.study.datasets[name])
      throw new CliError(
        `--data ${name}=...: the study has no dataset "${name}"; it declares ${Object.keys(loaded.study.datasets).join(", ")}.`,
        EXIT_BAD_REQUEST,
      );
  return { data, dataDisplay };
}

/** The progress bar, loaded only when stderr is a terminal: pipes and CI logs never draw one. */
export async function progressFor(io: Io): Promise<ProgressCallback | undefined> {
  if (!io.stderrIsTTY) return undefined;
  const { progressBar } = await import("./progress.js");
  return progressBar(io);
}

/**
 * The command line shown in a report: deterministic, no absolute path of this machine, and safe
 * to paste into a POSIX shell (each argument quoted when it needs it, so plain ones read as typed).
 */
export function commandLine(name: string, study: string | undefined, extra: string[]): string {
  return ["exclusion-study", name, ...(study === undefined ? [] : [study]), ...extra].map(shellQuote).join(" ");
}

/** Characters a POSIX shell reads literally anywhere in a word. */
const SHELL_PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One argument as a POSIX shell word: as is when plain, else single-quoted (a quote as '\''). */
function shellQuote(arg: string): string {
  return SHELL_PLAIN.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}
