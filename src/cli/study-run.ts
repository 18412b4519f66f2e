import { analyseStudy, type Analysis } from "../pipeline/index.js";
import type { LoadedStudy } from "../study/index.js";
import { cliMessages } from "./i18n/index.js";
import { CliError, failureJson } from "./errors.js";
import type { Io } from "./io.js";
import { parseSourceDateEpoch } from "./parse-options.js";
import { dataOverridesFor, loadRequestedStudy, progressFor } from "./study-request.js";
import { toolVersion } from "./version.js";

export interface StudyOptions {
  data: string[];
  maxRejected: string;
  /** On a failure once the datasets are read, print their summaries as JSON on stdout too. */
  json?: boolean | undefined;
}

/** Load, ingest, validate and estimate: the common first half of report, reproduce and compare. */
export async function runStudy(
  study: string | undefined,
  opts: StudyOptions & { lang?: "en" | "fr" | undefined; harmonise?: boolean },
  command: string,
  io: Io,
): Promise<{ loaded: LoadedStudy; analysis: Analysis }> {
  // Checked before any file is read: a bad date is a bad request, whatever the data.
  const sourceDateEpoch = parseSourceDateEpoch(io.env.SOURCE_DATE_EPOCH);
  const loaded = await loadRequestedStudy(study, io, opts.lang);
  const { data, dataDisplay, cleanup } = await dataOverridesFor(loaded, opts.data, io);
  let datasets: unknown[] | null = null;
  try {
    const analysis = await analyseStudy(loaded, {
      data,
      dataDisplay,
      onProgress: await progressFor(io, opts.lang ?? loaded.study.lang),
      lang: opts.lang ?? loaded.study.lang,
      command,
      maxRejected: opts.maxRejected,
      toolVersion: toolVersion(),
      sourceDateEpoch,
      ...(opts.harmonise ? { harmonise: loaded.study.harmonise } : {}),
      onDatasetsRead: (read) => {
        datasets = read;
        io.collectGarbage?.();
      },
    });
    const { untranslated, lang } = analysis.result;
    if (untranslated) io.stderr(`${cliMessages(lang).untranslated(lang, untranslated.join(", "))}\n`);
    return { loaded, analysis };
  } catch (error) {
    // The study is read: its error is worded in the run's language.
    const t = cliMessages(opts.lang ?? loaded.study.lang);
    const failure = error instanceof CliError ? error.in(t) : await (await import("./error-mapping.js")).toCliError(error, t);
    // --json carries the dataset summaries once they are read: a script learns which file failed
    // and how. A failure before that is printed by main, with no summaries.
    if (opts.json && datasets !== null) io.stdout(failureJson(failure, datasets));
    throw failure;
  } finally {
    await cleanup();
  }
}
