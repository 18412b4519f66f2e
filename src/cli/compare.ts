import path from "node:path";
import { compareWaves } from "../waves/index.js";
import type { Comparison } from "../waves/index.js";
import { renderComparison } from "../report/index.js";
import { checkFiles, setLeftovers, writeFileSet } from "../output/index.js";
import { EXIT_NOT_ACCEPTABLE, EXIT_OK } from "./errors.js";
import { formatFiles, formatsFor, parseFormats } from "./formats.js";
import type { CliMessages } from "./i18n/en.js";
import { cliMessages } from "./i18n/index.js";
import type { Io } from "./io.js";
import { type WriteStep, withOutputLock, withPlainFileErrors } from "./outputs.js";
import { commandLine, runLang } from "./study-request.js";
import { runStudy } from "./study-run.js";
import { toolVersion } from "./version.js";

interface CompareOptions {
  out: string;
  lang?: "en" | "fr";
  check?: boolean;
  json?: boolean;
  format?: string;
}

/**
 * Analyse two waves exactly as `report` does, compare every indicator they share, and write
 * `<base>-vs-<new>.json` and the report in each chosen format (`.md` and its chart's SVG, the
 * chart's PNG, `.html`, `.docx`) to --out; with --check, write nothing and exit 1 when a file is
 * stale.
 */
export async function runCompare(baseStudy: string, newStudy: string, opts: CompareOptions, io: Io): Promise<number> {
  if (opts.check) return compareRun(baseStudy, newStudy, opts, io, null);
  return withOutputLock(
    io,
    path.resolve(io.cwd, opts.out),
    () => runLang(baseStudy, io, opts.lang),
    (write) => compareRun(baseStudy, newStudy, opts, io, write),
  );
}

async function compareRun(baseStudy: string, newStudy: string, opts: CompareOptions, io: Io, write: WriteStep | null): Promise<number> {
  const flag = opts.format === undefined ? undefined : parseFormats(opts.format, `--format ${opts.format}`);
  const studyOpts = { data: [], maxRejected: "0", lang: opts.lang };
  const base = await runStudy(baseStudy, studyOpts, commandLine("report", baseStudy, []), io);
  // One language for both waves: the flag's, else the base study's.
  const lang = opts.lang ?? base.analysis.result.lang;
  // The new wave's answers mapped onto the base's (its `harmonise`), so that their categories match.
  const next = await runStudy(newStudy, { ...studyOpts, lang, harmonise: true }, commandLine("report", newStudy, []), io);
  const extra = [newStudy, "--out", opts.out, ...(opts.lang ? ["--lang", opts.lang] : []), ...(flag ? ["--format", flag.join(",")] : [])];
  // No --format: the base study's `format`, as for the language.
  const formats = formatsFor(flag, base.loaded.study, base.loaded.displayName);
  const comparison = compareWaves(
    { study: base.loaded.study, result: base.analysis.result },
    { study: next.loaded.study, result: next.analysis.result },
    { command: commandLine("compare", baseStudy, extra), toolVersion: toolVersion(), lang },
  );

  const stem = `${comparison.base.study}-vs-${comparison.new.study}`;
  const chartDir = `${stem}.charts`;
  const rendered = renderComparison(comparison, { chartDir });
  const t = cliMessages(lang);
  const files = [
    ...(await formatFiles(
      { stem, lang, markdown: rendered.markdown, charts: rendered.charts, chartDir, date: comparison.new.generated },
      formats,
    )),
    { name: `${stem}.json`, content: `${JSON.stringify(comparison, null, 2)}\n` },
  ];
  const outDir = path.resolve(io.cwd, opts.out);
  const status = comparison.acceptable ? EXIT_OK : EXIT_NOT_ACCEPTABLE;

  if (write === null) {
    const { stale, missing } = await withPlainFileErrors(io, () => checkFiles(outDir, files), lang);
    const leftovers = await withPlainFileErrors(io, () => setLeftovers(outDir, stem, files), lang);
    const problems = [...missing.map(t.missing), ...stale.map(t.differs), ...leftovers.map(t.leftover)];
    if (problems.length > 0) {
      io.stderr(`${t.stale(opts.out, problems.join(", "), comparison.command)}\n`);
      return EXIT_NOT_ACCEPTABLE;
    }
    io.stderr(`${t.upToDate(opts.out, files.length)}\n`);
    return status;
  }

  await write(() => writeFileSet(outDir, stem, files), lang);
  io.stdout(opts.json ? `${JSON.stringify(comparison, null, 2)}\n` : summary(comparison, t));
  io.stderr(`${t.wroteSet(path.join(opts.out, files[0]!.name), files.length - 1)}\n`);
  if (!comparison.acceptable) io.stderr(`${t.comparisonMarked}\n`);
  return status;
}

/** One line per indicator for the terminal: what moved, what was not compared. */
function summary(c: Comparison, t: CliMessages): string {
  const lines = c.indicators.map((i) => {
    if (!i.compared) return t.notCompared(i.id, i.flags.map((f) => f.code).join(", "));
    if (i.difference === null) return i.categories !== undefined ? t.comparedByCategory(i.id) : t.noDifference(i.id);
    const d = i.difference;
    const p = t.decimal(d.p_value < 0.001 ? "< 0.001" : d.p_value.toFixed(3));
    const fmt = (v: number | null): string => (v === null ? t.notAvailable : t.decimal(Number(v.toPrecision(4)).toString()));
    return t.difference(i.id, fmt(i.base.estimate), fmt(i.new.estimate), fmt(d.estimate), fmt(d.se), p);
  });
  const only = [...c.only_in_base.map((x) => t.onlyIn(x.id, c.base.study)), ...c.only_in_new.map((x) => t.onlyIn(x.id, c.new.study))];
  return `${[...lines, ...only].join("\n")}\n`;
}
