import path from "node:path";
import { renderReport } from "../report/index.js";
import { checkFiles, setLeftovers, writeFileSet } from "../output/index.js";
import { cliMessages } from "./i18n/index.js";
import { rejectsCsv, rejectsDialect } from "../validate/index.js";
import { EXIT_NOT_ACCEPTABLE, EXIT_OK } from "./errors.js";
import { formatFiles, formatsFor, parseFormats } from "./formats.js";
import type { Io } from "./io.js";
import { type WriteStep, withOutputLock, withPlainFileErrors } from "./outputs.js";
import { commandLine, runLang } from "./study-request.js";
import { runStudy } from "./study-run.js";

interface ReportOptions {
  data: string[];
  out: string;
  lang?: "en" | "fr";
  check?: boolean;
  maxRejected: string;
  json?: boolean;
  format?: string;
}

/**
 * Compute every indicator and write `<study>.json`, the report in each chosen format (`<study>.md`
 * and its SVG charts, their PNG copies, `<study>.html`, `<study>.docx`) and any rejects files to
 * --out, as one set under the folder's lock; with --check, write nothing and
 * exit 1 when a file is stale or an interrupted write left something behind.
 */
export async function runReport(study: string | undefined, opts: ReportOptions, io: Io): Promise<number> {
  if (opts.check) return reportRun(study, opts, io, null);
  return withOutputLock(
    io,
    path.resolve(io.cwd, opts.out),
    () => runLang(study, io, opts.lang),
    (write) => reportRun(study, opts, io, write),
  );
}

async function reportRun(study: string | undefined, opts: ReportOptions, io: Io, write: WriteStep | null): Promise<number> {
  const flag = opts.format === undefined ? undefined : parseFormats(opts.format, `--format ${opts.format}`);
  const extra = ["--out", opts.out, ...(opts.lang ? ["--lang", opts.lang] : []), ...(flag ? ["--format", flag.join(",")] : [])];
  const { loaded, analysis } = await runStudy(study, opts, commandLine("report", study, extra), io);
  const formats = formatsFor(flag, loaded.study, loaded.displayName);
  const { result, runs } = analysis;
  const acceptable = result.acceptance.acceptable;
  const base = result.study;
  const chartDir = `${base}.charts`;
  const rendered = renderReport(result, { lang: result.lang, chartDir });
  const t = cliMessages(result.lang);
  const files = [
    ...(await formatFiles(
      { stem: base, lang: result.lang, markdown: rendered.markdown, charts: rendered.charts, chartDir, date: result.generated },
      formats,
    )),
    { name: `${base}.json`, content: `${JSON.stringify(result, null, 2)}\n` },
    ...[...runs.values()]
      .filter((r) => r.table.rejected.length > 0)
      .map((r) => ({ name: `${r.name}.rejects.csv`, content: rejectsCsv(r.table, rejectsDialect(r.summary)) })),
  ];
  // A rejects file an earlier run wrote for a dataset that has no rejected row now: removed on
  // writing, stale under --check, so that it never outlives the rows it listed.
  const obsolete = [...runs.values()].filter((r) => r.table.rejected.length === 0).map((r) => `${r.name}.rejects.csv`);
  const outDir = path.resolve(io.cwd, opts.out);

  if (write === null) {
    const { stale, missing, unexpected } = await withPlainFileErrors(io, () => checkFiles(outDir, files, obsolete), result.lang);
    const leftovers = await withPlainFileErrors(io, () => setLeftovers(outDir, base, files), result.lang);
    const problems = [
      ...missing.map(t.missing),
      ...stale.map(t.differs),
      ...unexpected.map(t.obsoleteRejects),
      ...leftovers.map(t.leftover),
    ];
    if (problems.length > 0) {
      io.stderr(`${t.stale(opts.out, problems.join(", "), result.command)}\n`);
      return EXIT_NOT_ACCEPTABLE;
    }
    io.stderr(`${t.upToDate(opts.out, files.length)}\n`);
    return acceptable ? EXIT_OK : EXIT_NOT_ACCEPTABLE;
  }

  await write(() => writeFileSet(outDir, base, files, obsolete), result.lang);
  if (opts.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  // The table's libraries (chalk, cli-table3) only when a table is printed.
  else io.stdout((await import("../report/terminal/index.js")).summaryTable(result, { color: io.color }));
  io.stderr(`${t.wroteSet(path.join(opts.out, files[0]!.name), files.length - 1)}\n`);
  for (const d of result.datasets.filter((x) => result.acceptance.failed.includes(x.name))) {
    const codes = result.acceptance.file_errors[d.name];
    const why = codes ? t.schemaMismatch(codes.join(", ")) : t.rowsRejected(d.rows_rejected, d.rows_read, result.acceptance.max_rejected);
    io.stderr(`${t.reportMarked(d.path, why, d.rows_rejected > 0 ? `${d.name}.rejects.csv` : null)}\n`);
  }
  return acceptable ? EXIT_OK : EXIT_NOT_ACCEPTABLE;
}
