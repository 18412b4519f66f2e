// `npm run bench`: the tool's `report` on a suite of seeded survey files of different shapes
// (scripts/bench-shapes.js, studies under bench/shapes/), each against a bare papaparse parse of
// the same file and R's survey package computing the same estimates, in the same run.
//
//   npm run bench                      # shapes a to g at their default rows (1,000,000)
//   BENCH_SHAPES=a,b npm run bench     # some shapes; BENCH_SHAPES=h the 10,000,000-row one alone,
//                                      # BENCH_SHAPES=all every shape, h last
//   BENCH_ROWS=20000 npm run bench     # every chosen shape at this many rows
//   BENCH_RUNS=5 npm run bench         # runs of the tool and the bare parse (median; default 3)
//   BENCH_R_RUNS=3, BENCH_R=0          # runs of R (default 1), or none
//   BENCH_TIMEOUT=900 npm run bench    # seconds a command may take (default 600), then killed
//   BENCH_R_MEM_GB=8 npm run bench     # R's address space (default half the memory; with prlimit)
//
// A benchmark, never a timed test: it prints a table and writes bench-results/bench.json and
// bench-results/bench.md (the README's table). A command that fails, times out or runs out of
// memory is recorded as such, and the suite goes on. Data go to a temporary folder, removed at
// the end.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SHAPES } from "./bench-shapes.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "bin", "exclusion-study.js");
const bare = join(root, "scripts", "bare-parse.js");
const shapesScript = join(root, "scripts", "bench-shapes.js");

/** The targets of the suite (peak RSS in MiB, the unit every figure is reported in). */
const TARGETS = { maxRatioToBare: 3, minTimesFasterThanR: 10 };

function fail(message) {
  console.error(message);
  process.exit(2);
}
function wholeFromEnv(name, fallback, min = 1) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) fail(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  return n;
}
const chosen = (process.env.BENCH_SHAPES ?? "a,b,c,d,e,f,g").trim();
const letters = chosen === "all" ? Object.keys(SHAPES) : chosen.split(",").map((s) => s.trim().toLowerCase());
for (const l of letters)
  if (!SHAPES[l]) fail(`BENCH_SHAPES: unknown shape "${l}"; expected letters among ${Object.keys(SHAPES).join(",")}, or all`);
const rowsOverride = wholeFromEnv("BENCH_ROWS", null, 28);
const RUNS = wholeFromEnv("BENCH_RUNS", 3);
const R_RUNS = wholeFromEnv("BENCH_R_RUNS", 1);
const TIMEOUT_S = wholeFromEnv("BENCH_TIMEOUT", 600);
const RSCRIPT = process.env.BENCH_R === "0" ? null : (["/usr/bin/Rscript", "/usr/local/bin/Rscript"].find((p) => existsSync(p)) ?? null);
const TIME = ["/usr/bin/time", "/bin/time"].find((p) => existsSync(p)) ?? null;
// R's memory grows with the rows (1.6 GB at a million of the bundled shape): its address space is
// capped (half the machine's memory by default, BENCH_R_MEM_GB), so that R at 10,000,000 rows
// fails with "cannot allocate" instead of taking the machine's memory.
const PRLIMIT = ["/usr/bin/prlimit", "/bin/prlimit"].find((p) => existsSync(p)) ?? null;
const R_MEM_GB = wholeFromEnv("BENCH_R_MEM_GB", Math.max(1, Math.floor(totalmem() / 2 ** 30 / 2)));

const median = (xs) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** The end of a long output. */
const tail = (text, chars) => (text.length > chars ? text.slice(-chars) : text);
/** What a command said last: its last error sentence if it wrote one, else its last line. */
const lastLine = (text) => {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("BENCH_RSS_KB=") && !l.startsWith("Command exited") && !l.startsWith("Command terminated"));
  return lines.findLast((l) => l.startsWith("exclusion-study:")) ?? lines.pop() ?? "";
};

/** Process groups of the commands running now: stopped with the bench (Ctrl-C). */
const running = new Set();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const pid of running) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
}

/**
 * Runs `command ARGS` in its own process group; wall seconds and peak RSS (KB). The peak comes from
 * GNU time when present, else (for Node) from a wrapper reporting process.resourceUsage().maxRSS.
 * Past the timeout the whole group is killed, and the run is recorded as timed out.
 */
function measure(args, command = process.execPath) {
  let file = command;
  let argv = args;
  if (TIME) {
    file = TIME;
    argv = ["-f", "BENCH_RSS_KB=%M", command, ...args];
  } else if (command === process.execPath) {
    // With -e, process.argv is [node, ...after "--"]: the script sees its usual argv.
    const wrapper = `process.on("exit", () => process.stderr.write("BENCH_RSS_KB=" + process.resourceUsage().maxRSS + "\\n")); import(require("node:url").pathToFileURL(process.argv[1]).href);`;
    argv = ["-e", wrapper, "--", ...args];
  }
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    running.add(child.pid);
    let stdout = "";
    let stderr = "";
    // Only the ends are kept: R prints its tables, and a failure says what it says last.
    child.stdout.on("data", (d) => void (stdout = tail(stdout + d, 1 << 16)));
    child.stderr.on("data", (d) => void (stderr = tail(stderr + d, 1 << 16)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, TIMEOUT_S * 1000);
    const done = (status, signal, error) => {
      clearTimeout(timer);
      running.delete(child.pid);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const m = /BENCH_RSS_KB=(\d+)/.exec(stderr);
      // Under GNU time, a child killed by a signal (V8 aborting on a full heap) shows as this line.
      const killed = /Command terminated by signal (\d+)/.exec(stderr);
      const sig = signal ?? (killed ? `signal ${killed[1]}` : null);
      resolve({
        seconds,
        maxRssKb: m ? Number(m[1]) : null,
        status,
        signal: sig,
        timedOut,
        stdout,
        stderr: error ? String(error) : stderr,
      });
    };
    child.on("error", (error) => done(null, null, error));
    child.on("close", (status, signal) => done(status, signal, null));
  });
}

/** What went wrong with a run, in one line; null when it exited 0. */
function failure(run) {
  if (run.timedOut) return `timed out after ${TIMEOUT_S} s`;
  if (run.signal) return `killed by ${run.signal}${lastLine(run.stderr) ? `: ${lastLine(run.stderr)}` : ""}`;
  if (run.status !== 0) return `exit ${run.status}${lastLine(run.stderr) ? `: ${lastLine(run.stderr)}` : ""}`;
  return null;
}

/** Whether `report` ended as the shape expects, and how to say it. */
function outcome(expect, run) {
  const sentence = lastLine(run.stderr);
  if (run.timedOut || run.signal || run.status === null) return { expected: false, exit: run.status, note: failure(run) };
  const oneSentence = /^exclusion-study: /.test(sentence) && !/internal error/i.test(run.stderr);
  if (expect === "report")
    return run.status === 0 ? { expected: true, exit: 0, note: "report" } : { expected: false, exit: run.status, note: failure(run) };
  if (expect === "all-rejected") {
    const ok = run.status === 1 && oneSentence && /every one of its [\d,]+ rows was rejected/.test(sentence);
    return { expected: ok, exit: run.status, note: ok ? "all rejected" : (failure(run) ?? "exit 0: a report of rejected rows"), sentence };
  }
  // report-or-refusal
  if (run.status === 0) return { expected: true, exit: 0, note: "report" };
  const ok = run.status === 1 && oneSentence;
  return { expected: ok, exit: run.status, note: ok ? "refused" : failure(run), sentence };
}

/** The whole-sample estimate and standard error of each indicator of the report's JSON result. */
function reportedEstimates(out) {
  const json = existsSync(out) ? readdirSync(out).find((f) => f.endsWith(".json")) : undefined;
  if (!json) return null;
  const result = JSON.parse(readFileSync(join(out, json), "utf8"));
  return new Map((result.indicators ?? []).map((i) => [i.id, { estimate: i.estimate, se: i.se }]));
}

const RELATIVE_TOLERANCE = 1e-6;
/**
 * R and ours computed the same thing: every "ID est=X se=Y" line R printed for an indicator of the
 * report is compared with its estimate and standard error.
 */
function agree(estimates, rOutput) {
  const close = (a, b) => Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(b), 1e-12);
  let compared = 0;
  const mismatches = [];
  for (const [, id, est, se] of rOutput.matchAll(/^(\S+) est=(\S+) se=(\S+)/gm)) {
    const ours = estimates.get(id);
    if (ours?.estimate === null || ours?.estimate === undefined) continue;
    compared++;
    const seOk = se === "NA" || ours.se === null || close(ours.se, Number(se));
    if (!close(ours.estimate, Number(est)) || !seOk) mismatches.push(`${id} (R ${est}, se ${se}; ours ${ours.estimate}, se ${ours.se})`);
  }
  return compared ? { compared, matched: compared - mismatches.length, mismatches } : null;
}

const mib = (kb) => (kb === null || kb === undefined ? null : kb / 1024);
const fmt = (n, d = 2) => (n === null || n === undefined ? "-" : n.toFixed(d));
const int = (n) => Math.round(n).toLocaleString("en");

async function runShape(letter, dir) {
  const shape = SHAPES[letter];
  const rows = rowsOverride ?? shape.rows;
  const file = join(dir, `${letter}.csv`);
  console.error(`(${letter}) ${shape.name}: generating ${int(rows)} rows...`);
  const genStart = process.hrtime.bigint();
  execFileSync(process.execPath, [shapesScript, letter, String(rows), file], { stdio: ["ignore", "ignore", "inherit"] });
  const generateSeconds = Number(process.hrtime.bigint() - genStart) / 1e9;
  const bytes = statSync(file).size;
  const bareArgs = [bare, file];
  if (shape.bare.encoding) bareArgs.push("--encoding", shape.bare.encoding);
  if (shape.bare.delimiter) bareArgs.push("--delimiter", shape.bare.delimiter);

  const bareRuns = [];
  const toolRuns = [];
  let estimates = null;
  for (let r = 0; r < RUNS; r++) {
    // Bare parse and tool alternate, so both see the same machine state (page cache warm).
    const b = await measure(bareArgs);
    let parsed = null;
    if (failure(b) === null) parsed = JSON.parse(b.stdout.trim().split("\n").pop());
    bareRuns.push({
      seconds: b.seconds,
      maxRssKb: b.maxRssKb ?? parsed?.maxRssKb ?? null,
      rows: parsed?.rows ?? null,
      failure: failure(b),
    });
    const out = join(dir, `out-${letter}-${r}`);
    console.error(`(${letter}) run ${r + 1} of ${RUNS}: report`);
    // Markdown and JSON only: the bundled study also asks for PNG charts and a Word document,
    // whose drawing (about a second) does not grow with the rows and would blur the measurement.
    const t = await measure([cli, "report", shape.study, "--data", `${shape.dataset}=${file}`, "--format", "md", "--out", out]);
    estimates ??= reportedEstimates(out);
    rmSync(out, { recursive: true, force: true });
    toolRuns.push({ ...t, outcome: outcome(shape.expect, t) });
    // A run that timed out or was killed would do so again: one is enough.
    if (t.timedOut || t.signal) break;
  }
  const rRuns = [];
  if (RSCRIPT && shape.r) {
    for (let r = 0; r < R_RUNS; r++) {
      console.error(`(${letter}) R run ${r + 1} of ${R_RUNS}: ${shape.r}`);
      const run = PRLIMIT
        ? await measure([`--as=${R_MEM_GB * 2 ** 30}`, RSCRIPT, shape.r, file], PRLIMIT)
        : await measure([shape.r, file], RSCRIPT);
      rRuns.push({ seconds: run.seconds, maxRssKb: run.maxRssKb, failure: failure(run), timedOut: run.timedOut, stdout: run.stdout });
      if (failure(run)) break;
    }
  }
  rmSync(file, { force: true });

  const okBare = bareRuns.filter((b) => b.failure === null);
  const bareWall = median(okBare.map((b) => b.seconds));
  const wall = median(toolRuns.map((t) => t.seconds));
  const toolRss = toolRuns.some((t) => t.maxRssKb !== null) ? Math.max(...toolRuns.map((t) => t.maxRssKb ?? 0)) : null;
  const okR = rRuns.filter((r) => r.failure === null);
  const rWall = okR.length ? median(okR.map((r) => r.seconds)) : null;
  const rTimedOut = rRuns.length > 0 && rRuns.every((r) => r.timedOut);
  const survey = okR.length ? (/^survey (\S+)/m.exec(okR[0].stdout)?.[1] ?? null) : null;
  const outcomes = toolRuns.map((t) => t.outcome);
  const asExpected = outcomes.length > 0 && outcomes.every((o) => o.expected);
  const ratioToBare = bareWall ? wall / bareWall : null;
  // R that did not finish within the timeout took longer: its ratio is at least timeout / ours.
  const rOverTool = rWall !== null ? rWall / wall : rTimedOut ? TIMEOUT_S / wall : null;

  // Each target with the words the table uses when it is missed.
  const targets = [];
  const outcomeNote = outcomes[0]?.note ?? "no run";
  targets.push({
    target: "exit",
    limit: shape.expect,
    value: outcomeNote,
    met: asExpected,
    missed: `ended with ${outcomeNote}, expected ${shape.expect}`,
  });
  if (shape.timed) {
    targets.push({
      target: "ratio to bare parse",
      limit: TARGETS.maxRatioToBare,
      value: ratioToBare,
      met: ratioToBare !== null && ratioToBare <= TARGETS.maxRatioToBare,
      missed: `${fmt(ratioToBare, 1)}× the bare parse (at most ${TARGETS.maxRatioToBare}×)`,
    });
    if (rOverTool !== null)
      targets.push({
        target: "R / ours",
        limit: TARGETS.minTimesFasterThanR,
        value: rOverTool,
        lower_bound: rWall === null,
        met: rOverTool >= TARGETS.minTimesFasterThanR,
        missed: `${fmt(rOverTool, 1)}× faster than R (at least ${TARGETS.minTimesFasterThanR}×)`,
      });
  }
  const agreement = okR.length && estimates ? agree(estimates, okR[0].stdout) : null;
  targets.push({
    target: "peak RSS MiB",
    limit: shape.maxRssMib,
    value: mib(toolRss),
    met: toolRss !== null && mib(toolRss) <= shape.maxRssMib,
    missed: `${toolRss === null ? "unmeasured" : `${int(mib(toolRss))} MiB`} (at most ${fmt(shape.maxRssMib, 1)} MiB)`,
  });
  const rowsMismatch = okBare.find((b) => b.rows !== rows);
  if (rowsMismatch) console.error(`(${letter}) warning: the bare parse read ${rowsMismatch.rows} rows, not ${rows}`);

  return {
    shape: letter,
    name: shape.name,
    rows,
    bytes,
    generate_seconds: generateSeconds,
    study: shape.study,
    command: `exclusion-study report ${shape.study} --data ${shape.dataset}=FILE --format md --out DIR`,
    tool: {
      runs: toolRuns.length,
      wall_seconds: wall,
      wall_seconds_each: toolRuns.map((t) => t.seconds),
      rows_per_second: rows / wall,
      mb_per_second: bytes / 1e6 / wall,
      peak_rss_mib: mib(toolRss),
      exit: outcomes[0]?.exit ?? null,
      outcome: outcomes[0]?.note ?? null,
      message: outcomes.find((o) => o.sentence)?.sentence?.replaceAll(`${dir}/`, "") ?? null,
      as_expected: asExpected,
    },
    bare_parse: {
      parser: `papaparse (streaming, keeps nothing${shape.bare.encoding ? `, decoding ${shape.bare.encoding}` : ""})`,
      runs: okBare.length,
      wall_seconds: bareWall,
      mb_per_second: bareWall ? bytes / 1e6 / bareWall : null,
      peak_rss_mib: okBare.length ? Math.max(...okBare.map((b) => mib(b.maxRssKb) ?? 0)) : null,
      failure: bareRuns.find((b) => b.failure)?.failure ?? null,
    },
    r_survey: shape.r
      ? RSCRIPT
        ? {
            script: shape.r,
            survey,
            runs: okR.length,
            wall_seconds: rWall,
            peak_rss_mib: okR.length ? Math.max(...okR.map((r) => mib(r.maxRssKb) ?? 0)) : null,
            failure: rRuns.find((r) => r.failure)?.failure ?? null,
          }
        : { script: shape.r, skipped: process.env.BENCH_R === "0" ? "BENCH_R=0" : "Rscript not installed" }
      : null,
    same_estimates_as_r: agreement,
    ratio_to_bare_parse: ratioToBare,
    r_over_tool: rOverTool,
    r_over_tool_is_lower_bound: rWall === null && rOverTool !== null,
    targets,
    targets_met: targets.every((t) => t.met),
  };
}

function markdown(summary) {
  const lines = [
    "| Shape | Rows | File | Ours | Bare parse | Ours / bare parse | R `survey` | R / ours | Peak RSS | R peak RSS | Exit | Targets |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
  ];
  const notes = [];
  for (const s of summary.shapes) {
    const r = s.r_survey;
    const rTime = !r
      ? "-"
      : typeof r.wall_seconds === "number"
        ? `${fmt(r.wall_seconds, 1)} s`
        : r.failure
          ? s.r_over_tool_is_lower_bound
            ? `> ${TIMEOUT_S} s`
            : "failed"
          : "-";
    if (r?.failure) notes.push(`(${s.shape}) R: ${r.failure}`);
    const a = s.same_estimates_as_r;
    if (a)
      notes.push(
        `(${s.shape}) R and ours: ${a.matched} of ${a.compared} whole-sample estimates and standard errors equal within a relative ${RELATIVE_TOLERANCE.toExponential()}${
          a.mismatches.length ? `; differing: ${a.mismatches.join(", ")}` : ""
        }`,
      );
    if (s.tool.message) notes.push(`(${s.shape}) ours: ${s.tool.message}`);
    else if (!s.tool.as_expected && s.tool.outcome) notes.push(`(${s.shape}) ours: ${s.tool.outcome}`);
    const missed = s.targets.filter((t) => !t.met).map((t) => t.missed);
    lines.push(
      `| (${s.shape}) ${s.name} | ${int(s.rows)} | ${fmt(s.bytes / 1e6, 1)} MB | ${fmt(s.tool.wall_seconds)} s | ${
        s.bare_parse.wall_seconds === null ? "-" : `${fmt(s.bare_parse.wall_seconds)} s`
      } | ${s.ratio_to_bare_parse === null ? "-" : `${fmt(s.ratio_to_bare_parse, 1)}×`} | ${rTime} | ${
        s.r_over_tool === null ? "-" : `${s.r_over_tool_is_lower_bound ? "> " : ""}${fmt(s.r_over_tool, 1)}×`
      } | ${s.tool.peak_rss_mib === null ? "-" : `${int(s.tool.peak_rss_mib)} MiB`} | ${
        r?.peak_rss_mib ? `${int(r.peak_rss_mib)} MiB` : "-"
      } | ${s.tool.exit ?? "-"} (${s.tool.outcome ?? "-"}) | ${s.targets_met ? "met" : `missed: ${missed.join("; ")}`} |`,
    );
  }
  const m = summary.machine;
  const load = (l) => l.map((x) => x.toFixed(2)).join(", ");
  return [
    `Measured ${summary.date} on ${m.cpus} × ${m.cpu} (${fmt(m.memory_gb, 0)} GB), Node ${m.node}${
      summary.r ? `, ${summary.r}` : ""
    }; load average (1, 5, 15 min) ${load(summary.load_average.start)} at the start, ${load(summary.load_average.end)} at the end.`,
    `${RUNS === 1 ? "One run" : `Median of ${RUNS} runs`} for ours and the bare parse, ${
      RSCRIPT
        ? `${R_RUNS === 1 ? "one" : `median of ${R_RUNS}`} for R${PRLIMIT ? ` (address space capped at ${R_MEM_GB} GiB)` : ""}`
        : "R not run"
    }; wall times include the start of Node and R; peak RSS from ${summary.rss_from}; a command past ${TIMEOUT_S} s is stopped.`,
    "",
    ...lines,
    ...(notes.length ? ["", ...notes.map((n) => `- ${n}`)] : []),
    "",
    `Targets: (a)–(e) at most ${TARGETS.maxRatioToBare}× the bare parse, at least ${TARGETS.minTimesFasterThanR}× faster than R, at most 250 MB (238.4 MiB); (f), (g) finish as expected within 500 MiB; (h) within 1 GB (953.7 MiB). Peak RSS is in MiB (2^20 bytes).`,
    `Startup: the bundled 2014 report (Markdown and JSON) in ${fmt(summary.bundled_report.median_wall_seconds)} s, \`--help\` in ${fmt(summary.help.median_wall_seconds)} s (medians of 5).`,
    "",
  ].join("\n");
}

const dir = mkdtempSync(join(tmpdir(), "exclusion-bench-"));
try {
  const loadStart = loadavg();
  console.error(`load average at the start: ${loadStart.map((x) => x.toFixed(2)).join(", ")} (${cpus().length} CPUs)`);
  const results = [];
  for (const letter of letters) results.push(await runShape(letter, dir));

  const startup = async (args) => {
    const runs = [];
    for (let r = 0; r < 5; r++) runs.push(await measure(args));
    return { median_wall_seconds: median(runs.map((c) => c.seconds)), runs: 5, failure: runs.map(failure).find((f) => f) ?? null };
  };
  const bundledReport = await startup([cli, "report", "--format", "md", "--out", join(dir, "bundled")]);
  const help = await startup([cli, "--help"]);
  const rVersion = RSCRIPT
    ? (execFileSync(RSCRIPT, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).match(
        /R scripting front-end version (\S+)/,
      )?.[1] ?? null)
    : null;
  const survey = results.map((s) => s.r_survey?.survey).find((v) => v);

  const summary = {
    date: `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? "",
      memory_gb: totalmem() / 2 ** 30,
    },
    r: rVersion ? `R ${rVersion}${survey ? ` with survey ${survey}` : ""}` : null,
    load_average: { start: loadStart, end: loadavg() },
    rss_from: TIME ? "GNU time" : "process.resourceUsage().maxRSS of a wrapper child (R not measured)",
    runs: { tool_and_bare_parse: RUNS, r: R_RUNS },
    timeout_seconds: TIMEOUT_S,
    r_address_space_gib: RSCRIPT && PRLIMIT ? R_MEM_GB : null,
    shapes: results,
    bundled_report: bundledReport,
    help,
  };
  const outDir = join(root, "bench-results");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "bench.json"), `${JSON.stringify(summary, null, 2)}\n`);
  const md = markdown(summary);
  writeFileSync(join(outDir, "bench.md"), md);
  console.log(md);
  console.log("(results in bench-results/bench.json and bench-results/bench.md)");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
