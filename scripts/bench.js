// `npm run bench`: end-to-end throughput and memory of the CLI on seeded questionnaires in the
// bundled study's shape, against a bare streaming parse of the same file in the same run.
//
//   npm run bench                         # 10k, 100k and 1M rows
//   BENCH_SIZES=10000,100000 npm run bench
//   BENCH_RUNS=3 npm run bench            # runs per size (median reported; default 1, 3 below 1M)
//   BENCH_R=0 npm run bench               # skip R's survey package (timed when Rscript is installed)
//
// A benchmark, never a timed test: it prints figures and writes bench-results/bench.json; it
// fails only when a command fails. Data go to a temporary folder, removed at the end.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "bin", "exclusion-study.js");
const bare = join(root, "scripts", "bare-parse.js");
const sizes = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`BENCH_SIZES must list positive whole numbers, got "${process.env.BENCH_SIZES}"`);
  process.exit(2);
}
// R's survey package on the same file and estimates (test/r-survey/bundled/bundled.R), when
// Rscript is installed; BENCH_R=0 skips it (it takes about half a minute per million rows).
const RSCRIPT = process.env.BENCH_R === "0" ? null : (["/usr/bin/Rscript", "/usr/local/bin/Rscript"].find((p) => existsSync(p)) ?? null);
const rScript = join(root, "test", "r-survey", "bundled", "bundled.R");
const runsFor = (rows) => Number(process.env.BENCH_RUNS ?? (rows >= 1_000_000 ? 1 : 3));
const TIME = ["/usr/bin/time", "/bin/time"].find((p) => existsSync(p)) ?? null;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Run `node ARGS` as a child; wall seconds and peak RSS (KB) of that child. With GNU time when
 * present, else a wrapper child reporting its own process.resourceUsage().maxRSS.
 */
function measure(args, command = process.execPath) {
  const start = process.hrtime.bigint();
  let maxRssKb = null;
  let result;
  if (TIME || command !== process.execPath) {
    result = spawnSync(TIME ?? command, [...(TIME ? ["-f", "BENCH_RSS_KB=%M", command] : []), ...args], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    const m = /BENCH_RSS_KB=(\d+)/.exec(result.stderr ?? "");
    if (m) maxRssKb = Number(m[1]);
  } else {
    // With -e, process.argv is [node, ...after "--"]: the script sees its usual argv.
    const wrapper = `process.on("exit", () => process.stderr.write("BENCH_RSS_KB=" + process.resourceUsage().maxRSS + "\\n")); import(require("node:url").pathToFileURL(process.argv[1]).href);`;
    result = spawnSync(process.execPath, ["-e", wrapper, "--", ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
    const m = /BENCH_RSS_KB=(\d+)/.exec(result.stderr ?? "");
    if (m) maxRssKb = Number(m[1]);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, maxRssKb, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function mustSucceed(what, r) {
  // `report` exits 1 when the data are acceptable but a published figure is not reproduced;
  // only a failure to run (2, a crash) stops the bench.
  if (r.status !== 0 && r.status !== 1) {
    console.error(`${what} failed (exit ${r.status}):\n${r.stderr}`);
    process.exit(1);
  }
}

const fmt = (n, d = 2) => (n === null || n === undefined ? "-" : n.toFixed(d));
const int = (n) => Math.round(n).toLocaleString("en");

const dir = mkdtempSync(join(tmpdir(), "exclusion-bench-"));
const results = [];
try {
  for (const rows of sizes) {
    const data = join(dir, `q${rows}`);
    execFileSync(process.execPath, [cli, "generate", data, "--seed", "9", "--rows", String(rows)], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    const file = join(data, "questionnaire.csv");
    const bytes = statSync(file).size;
    const runs = runsFor(rows);
    const bareRuns = [];
    const cliRuns = [];
    for (let r = 0; r < runs; r++) {
      // Bare parse and CLI alternate, so both see the same machine state (page cache warm).
      const b = measure([bare, file]);
      mustSucceed("bare parse", b);
      const parsed = JSON.parse(b.stdout.trim().split("\n").pop());
      bareRuns.push({ seconds: b.seconds, maxRssKb: b.maxRssKb ?? parsed.maxRssKb, rows: parsed.rows });
      const out = join(dir, `out${rows}-${r}`);
      const c = measure([cli, "report", "--data", `questionnaire=${file}`, "--out", out]);
      mustSucceed("report", c);
      cliRuns.push(c);
      rmSync(out, { recursive: true, force: true });
    }
    const wall = median(cliRuns.map((c) => c.seconds));
    const bareWall = median(bareRuns.map((b) => b.seconds));
    let r = null;
    if (RSCRIPT) {
      const run = measure([rScript, file], RSCRIPT);
      if (run.status !== 0) {
        console.error(`R survey failed (exit ${run.status}):\n${run.stderr}`);
        process.exit(1);
      }
      r = {
        script: "test/r-survey/bundled/bundled.R",
        wall_seconds: run.seconds,
        peak_rss_mib: run.maxRssKb === null ? null : run.maxRssKb / 1024,
        times_slower_than_cli: run.seconds / wall,
      };
    }
    const row = {
      rows,
      bytes,
      runs,
      wall_seconds: wall,
      rows_per_second: rows / wall,
      mb_per_second: bytes / 1e6 / wall,
      peak_rss_mib: Math.max(...cliRuns.map((c) => c.maxRssKb ?? 0)) / 1024,
      bare_parse: {
        parser: "papaparse (streaming, keeps nothing)",
        wall_seconds: bareWall,
        rows_per_second: rows / bareWall,
        mb_per_second: bytes / 1e6 / bareWall,
        peak_rss_mib: Math.max(...bareRuns.map((b) => b.maxRssKb ?? 0)) / 1024,
      },
      ratio_to_bare_parse: wall / bareWall,
      r_survey: r,
    };
    results.push(row);
    rmSync(data, { recursive: true, force: true });
  }

  const bundledRuns = [];
  for (let r = 0; r < 5; r++) {
    const out = join(dir, `bundled-${r}`);
    const c = measure([cli, "report", "--out", out]);
    mustSucceed("bundled report", c);
    bundledRuns.push(c);
  }
  const helpRuns = [];
  for (let r = 0; r < 5; r++) {
    const c = measure([cli, "--help"]);
    mustSucceed("--help", c);
    helpRuns.push(c);
  }

  const summary = {
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? "",
      memory_gb: totalmem() / 2 ** 30,
    },
    rss_from: TIME ? TIME : "process.resourceUsage().maxRSS of a wrapper child",
    sizes: results,
    bundled_report: {
      median_wall_seconds: median(bundledRuns.map((c) => c.seconds)),
      peak_rss_mib: Math.max(...bundledRuns.map((c) => c.maxRssKb ?? 0)) / 1024,
      runs: 5,
    },
    help: { median_wall_seconds: median(helpRuns.map((c) => c.seconds)), runs: 5 },
  };
  const outDir = join(root, "bench-results");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "bench.json"), `${JSON.stringify(summary, null, 2)}\n`);

  const header = [
    "rows",
    "MB",
    "wall s",
    "rows/s",
    "MB/s",
    "peak RSS MiB",
    "bare parse s",
    "bare MB/s",
    "bare RSS MiB",
    "ratio to bare",
    "R survey s",
    "R RSS MiB",
    "R / CLI",
  ];
  const lines = results.map((r) => [
    int(r.rows),
    fmt(r.bytes / 1e6, 1),
    fmt(r.wall_seconds),
    int(r.rows_per_second),
    fmt(r.mb_per_second, 1),
    fmt(r.peak_rss_mib, 0),
    fmt(r.bare_parse.wall_seconds),
    fmt(r.bare_parse.mb_per_second, 1),
    fmt(r.bare_parse.peak_rss_mib, 0),
    `${fmt(r.ratio_to_bare_parse, 1)}x`,
    r.r_survey ? fmt(r.r_survey.wall_seconds, 1) : "-",
    r.r_survey ? fmt(r.r_survey.peak_rss_mib, 0) : "-",
    r.r_survey ? `${fmt(r.r_survey.times_slower_than_cli, 1)}x` : "-",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const show = (cells) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(" | ")} |`;
  console.log(show(header));
  console.log(`|${widths.map((w) => `${"-".repeat(w + 1)}:`).join("|")}|`);
  for (const l of lines) console.log(show(l));
  console.log("");
  console.log(`bundled 2014 report: ${fmt(summary.bundled_report.median_wall_seconds)} s wall (median of 5, Node start included)`);
  console.log(`--help:               ${fmt(summary.help.median_wall_seconds)} s wall (median of 5)`);
  console.log(
    `(wall times include Node's start; ${summary.machine.cpus} CPUs, Node ${process.version}; results in bench-results/bench.json)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
