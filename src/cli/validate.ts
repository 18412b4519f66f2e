import path from "node:path";
import { noRowsMessage, readDatasets, unacceptableDatasets } from "../pipeline/read-datasets.js";
import { writeFileSet } from "../output/index.js";
import { rejectsCsv, rejectsDialect } from "../validate/index.js";

import { CliError, EXIT_NOT_ACCEPTABLE, EXIT_OK } from "./errors.js";
import { cliMessages, type Lang } from "./i18n/index.js";
import type { Io } from "./io.js";
import { type WriteStep, withOutputLock } from "./outputs.js";
import { dataOverridesFor, loadRequestedStudy, progressFor, runLang } from "./study-request.js";

interface ValidateOptions {
  data: string[];
  rejects?: string;
  maxRejected: string;
  json?: boolean;
  lang?: Lang;
}

export async function runValidate(study: string | undefined, opts: ValidateOptions, io: Io): Promise<number> {
  // The rejects files are written as one set, under the folder's lock, like a report.
  if (opts.rejects === undefined) return validateRun(study, opts, io, null);
  return withOutputLock(
    io,
    path.resolve(io.cwd, opts.rejects),
    () => runLang(study, io, opts.lang),
    (write) => validateRun(study, opts, io, write),
  );
}

async function validateRun(study: string | undefined, opts: ValidateOptions, io: Io, write: WriteStep | null): Promise<number> {
  const loaded = await loadRequestedStudy(study, io, opts.lang);
  const { data, dataDisplay, cleanup } = await dataOverridesFor(loaded, opts.data, io);
  const lang = opts.lang ?? loaded.study.lang;
  const t = cliMessages(lang);
  const runs = await readDatasets(loaded, { data, dataDisplay, lang, onProgress: await progressFor(io, lang) })
    // The study is read: an error is worded in the run's language.
    .catch(async (error: unknown) => {
      throw error instanceof CliError ? error : await (await import("./error-mapping.js")).toCliError(error, t);
    })
    .finally(cleanup);
  const datasets = [...runs.values()].map((r) => r.summary);
  const bad = unacceptableDatasets(datasets, opts.maxRejected);
  if (opts.rejects !== undefined && write !== null) {
    const files = [...runs.values()]
      .filter((r) => r.table.rejected.length > 0)
      .map((r) => ({ name: `${r.name}.rejects.csv`, content: rejectsCsv(r.table, rejectsDialect(r.summary)) }));
    // The rejects file of an earlier run, for a dataset with no rejected row now, goes with it.
    const obsolete = [...runs.values()].filter((r) => r.table.rejected.length === 0).map((r) => `${r.name}.rejects.csv`);
    const rejectsDir = path.resolve(io.cwd, opts.rejects);
    await write(() => writeFileSet(rejectsDir, "rejects", files, obsolete), lang);
    for (const f of files) io.stderr(`${t.wrote(path.join(opts.rejects, f.name))}\n`);
  }
  if (opts.json) {
    io.stdout(`${JSON.stringify({ valid: bad.length === 0, datasets }, null, 2)}\n`);
  } else {
    // The table's libraries (chalk, cli-table3) only when a table is printed.
    const { issuesTable } = await import("../report/terminal/index.js");
    io.stdout(issuesTable(datasets, { color: io.color, lang }));
  }
  // A dataset with no accepted row: which file, the first rejected rows and the likely cause.
  for (const run of runs.values()) {
    const message = noRowsMessage(run, lang);
    if (message !== null) io.stderr(`${message}\n`);
  }
  return bad.length === 0 ? EXIT_OK : EXIT_NOT_ACCEPTABLE;
}
