import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { loadSchemasAndCheckFields } from "../study/index.js";
import { bundledStudyPath, loadStudy, type LoadedStudy } from "../study/index.js";
import { cliMessages, type Lang } from "./i18n/index.js";
import { CliError, EXIT_BAD_REQUEST } from "./errors.js";
import type { Io } from "./io.js";
import { parseDataOverrides } from "./parse-options.js";
import type { ProgressCallback } from "./progress.js";

/** The study file looked for in the working directory when a command names none. */
const LOCAL_STUDY = "study.yaml";

/** Extensions of data files: given where a study file is expected, they say what to run instead. */
const DATA_EXTENSIONS = new Set([".csv", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods", ".sav", ".zsav", ".por", ".dta"]);

/** The study a command names, else `study.yaml` in the working directory, else the bundled 2014 study. */
export async function loadRequestedStudy(study: string | undefined, io: Io, lang?: "en" | "fr"): Promise<LoadedStudy> {
  if (study !== undefined && DATA_EXTENSIONS.has(path.extname(study).toLowerCase()))
    throw new CliError((t) => t.dataFileAsStudy(study), EXIT_BAD_REQUEST, study);
  const local = path.join(io.cwd, LOCAL_STUDY);
  const useLocal =
    study === undefined &&
    (await stat(local).then(
      (s) => s.isFile(),
      () => false,
    ));
  // Named on stderr: a study picked up without being named must never be a surprise.
  const t = cliMessages(lang ?? "en");
  if (useLocal) io.stderr(`${t.usingLocal(LOCAL_STUDY)}\n`);
  const loaded = useLocal
    ? await loadStudy(local, LOCAL_STUDY, lang)
    : study === undefined
      ? await loadStudy(bundledStudyPath(), t.bundledStudy("connexions-solidaires-2014/study.yaml"), lang)
      : await loadStudy(path.resolve(io.cwd, study), study, lang);
  // Every field the study names is checked against its schema before any data is read.
  // Loading the schemas also records the renames an XLSForm implies (loaded.formRenames).
  // The study is read: what its schemas or its form refuse is worded in its language.
  const schemas = await loadSchemasAndCheckFields(loaded).catch(async (error: unknown) => {
    throw error instanceof CliError ? error : await (await import("./error-mapping.js")).toCliError(error, cliMessages(loaded.lang));
  });
  return { ...loaded, schemas };
}

/**
 * The run's language before the run reads its study: --lang's, else the study file's `lang`
 * (English when the file cannot be read; its own error comes in its turn). Read only for a
 * sentence that comes first: the output folder's lock.
 */
export async function runLang(study: string | undefined, io: Io, flag: Lang | undefined): Promise<Lang> {
  if (flag !== undefined) return flag;
  return loadRequestedStudy(study, { ...io, stderr: () => {} }).then(
    (loaded) => loaded.study.lang,
    () => "en" as const,
  );
}

/** What `--data NAME=-` reads from, and how messages and the result name it. */
const STDIN = "-";
const STDIN_DISPLAY = "stdin";

/**
 * `--data NAME=PATH` pairs checked against the study's datasets: resolved paths, and paths as
 * given. `NAME=-` (one dataset at most) reads standard input, copied first to a temporary file
 * because reading takes two passes (encoding, then records); `cleanup` removes it.
 */
export async function dataOverridesFor(
  loaded: LoadedStudy,
  pairs: readonly string[],
  io: Io,
): Promise<{ data: Record<string, string>; dataDisplay: Record<string, string>; cleanup: () => Promise<void> }> {
  const data = parseDataOverrides(pairs, io.cwd);
  const dataDisplay = Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
  for (const name of Object.keys(data))
    if (!loaded.study.datasets[name])
      throw new CliError(
        (t) => t.unknownDataset(`--data ${name}=...`, name, Object.keys(loaded.study.datasets).join(", ")),
        EXIT_BAD_REQUEST,
      );
  const fromStdin = Object.keys(dataDisplay).filter((name) => dataDisplay[name] === STDIN);
  if (fromStdin.length === 0) return { data, dataDisplay, cleanup: async () => undefined };
  if (fromStdin.length > 1) throw new CliError((t) => t.oneStdin(fromStdin.map((n) => `${n}=-`).join(" ")), EXIT_BAD_REQUEST);
  if (!io.stdin) throw new CliError((t) => t.noStdin(fromStdin[0] ?? ""), EXIT_BAD_REQUEST);
  const dir = await mkdtemp(path.join(tmpdir(), "exclusion-study-stdin-"));
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
  const file = path.join(dir, "stdin.csv");
  try {
    await pipeline(io.stdin, createWriteStream(file));
  } catch (err) {
    await cleanup();
    throw new CliError((t) => t.stdinFailed(fromStdin[0] ?? "", (err as Error).message), EXIT_BAD_REQUEST);
  }
  const name = fromStdin[0] as string;
  return { data: { ...data, [name]: file }, dataDisplay: { ...dataDisplay, [name]: STDIN_DISPLAY }, cleanup };
}

/** The progress bar in `lang`, loaded only when stderr is a terminal: pipes and CI logs never draw one. */
export async function progressFor(io: Io, lang: Lang): Promise<ProgressCallback | undefined> {
  if (!io.stderrIsTTY) return undefined;
  const { progressBar } = await import("./progress.js");
  return progressBar(io, cliMessages(lang));
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
