import path from "node:path";
import { compareWaves } from "../waves/index.js";
import type { Comparison } from "../waves/index.js";
import { renderComparison } from "../report/index.js";
import { checkFiles, setLeftovers, writeFileSet } from "../output/index.js";
import { EXIT_NOT_ACCEPTABLE, EXIT_OK } from "./errors.js";
import { formatFiles, formatsFor, parseFormats } from "./formats.js";
import type { Io } from "./io.js";
import { type WriteStep, withOutputLock, withPlainFileErrors } from "./outputs.js";
import { commandLine } from "./study-request.js";
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
  return withOutputLock(io, path.resolve(io.cwd, opts.out), (write) => compareRun(baseStudy, newStudy, opts, io, write));
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
    const { stale, missing } = await withPlainFileErrors(io, () => checkFiles(outDir, files));
    const leftovers = await withPlainFileErrors(io, () => setLeftovers(outDir, stem, files));
    const problems = [
      ...missing.map((f) => `${f} (missing)`),
      ...stale.map((f) => `${f} (differs)`),
      ...leftovers.map((f) => `${f} (left by an interrupted write)`),
    ];
    if (problems.length > 0) {
      io.stderr(`${opts.out} is stale: ${problems.join(", ")}. Run \`${comparison.command}\` and commit the result.\n`);
      return EXIT_NOT_ACCEPTABLE;
    }
    io.stderr(`${opts.out} is up to date (${files.length} files).\n`);
    return status;
  }

  await write(() => writeFileSet(outDir, stem, files));
  io.stdout(opts.json ? `${JSON.stringify(comparison, null, 2)}\n` : summary(comparison));
  io.stderr(`wrote ${path.join(opts.out, files[0]!.name)} and ${files.length - 1} other files\n`);
  if (!comparison.acceptable)
    io.stderr("at least one wave did not pass validation; the comparison is written and marked. See each wave's report.\n");
  return status;
}

/** One line per indicator for the terminal: what moved, what was not compared. */
function summary(c: Comparison): string {
  const lines = c.indicators.map((i) => {
    if (!i.compared) return `${i.id}: not compared (${i.flags.map((f) => f.code).join(", ")})`;
    if (i.difference === null) return `${i.id}: ${i.categories !== undefined ? "compared by category" : "no difference available"}`;
    const d = i.difference;
    return `${i.id}: ${fmt(i.base.estimate)} -> ${fmt(i.new.estimate)}, difference ${fmt(d.estimate)} (se ${fmt(d.se)}, p ${d.p_value < 0.001 ? "< 0.001" : d.p_value.toFixed(3)})`;
  });
  const only = [
    ...c.only_in_base.map((x) => `${x.id}: only in ${c.base.study}`),
    ...c.only_in_new.map((x) => `${x.id}: only in ${c.new.study}`),
  ];
  return `${[...lines, ...only].join("\n")}\n`;
}

const fmt = (v: number | null): string => (v === null ? "n/a" : Number(v.toPrecision(4)).toString());
