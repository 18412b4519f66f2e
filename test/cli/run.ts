import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";
import { expectMatchesSchema, type ShippedSchema } from "../support/json-schema.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const messy = (file: string): string => path.join(repoRoot, "fixtures/messy", file);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The JSON contract each command's result follows (`--json` and the `.json` file it writes). */
const contractOf: Record<string, ShippedSchema> = { report: "result", compare: "comparison" };

/**
 * Run a whole command in-process, as a user would type it, capturing both streams. Every result
 * a test produces this way is checked against the shipped JSON Schema: what `report` or
 * `compare` prints under `--json`, and each `.json` file the run wrote into `--out`.
 */
export async function cli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: NodeJS.ReadableStream } = {},
): Promise<CliRun> {
  const before = resultsBefore(args, options.cwd ?? repoRoot);
  const run = await runMain(args, options);
  expectResultsMatchContract(before, run.stdout);
  return run;
}

/** What a run of `args` may write results to, and the .json files there before it ran. */
interface ResultsBefore {
  command: string;
  contract: ShippedSchema | undefined;
  json: boolean;
  out: string | undefined;
  files: Map<string, number>;
}

export function resultsBefore(args: readonly string[], cwd: string): ResultsBefore {
  const command = args[0] ?? "";
  const contract = contractOf[command];
  const out = contract === undefined ? undefined : outDir(args, cwd);
  return { command, contract, json: args.includes("--json"), out, files: out === undefined ? new Map() : jsonFiles(out) };
}

/** Throws unless the printed result and every .json file written or changed in --out match the contract. */
export function expectResultsMatchContract(before: ResultsBefore, stdout: string): void {
  const { contract, out } = before;
  if (contract === undefined) return;
  if (before.json && stdout.trimStart().startsWith("{")) {
    const printed = JSON.parse(stdout) as { valid?: unknown; error?: unknown };
    // A run that fails once its datasets are read prints their summaries instead ({ valid: false,
    // error, datasets }): not a result.
    const failure = printed.valid === false && typeof printed.error === "string";
    if (!failure) expectMatchesSchema(contract, printed, `${before.command} --json`);
  }
  if (out === undefined) return;
  for (const [file, mtime] of jsonFiles(out)) {
    if (before.files.get(file) === mtime) continue;
    expectMatchesSchema(contract, JSON.parse(readFileSync(file, "utf8")), file);
  }
}

/** The folder given to --out (or --out=DIR), resolved; `report` and `compare` write to reports/ by default. */
function outDir(args: readonly string[], cwd: string): string {
  const i = args.indexOf("--out");
  const given = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith("--out="))?.slice("--out=".length);
  return path.resolve(cwd, given ?? "reports");
}

/** The .json files directly in a folder, with their modification times (to find what a run wrote). */
function jsonFiles(dir: string): Map<string, number> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return new Map();
  return new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .map((name) => path.join(dir, name))
      .filter((file) => statSync(file).isFile())
      .map((file) => [file, statSync(file).mtimeMs]),
  );
}

async function runMain(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: NodeJS.ReadableStream }): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    color: false,
    stderrIsTTY: false,
    env: options.env ?? {},
    cwd: options.cwd ?? repoRoot,
    ...(options.stdin ? { stdin: options.stdin } : {}),
  });
  return { code, stdout, stderr };
}

export const tempDir = (): Promise<string> => mkdtemp(path.join(tmpdir(), "exclusion-study-"));

/** One sentence, no stack trace: what every error a user sees must look like. */
export function expectOneSentence(stderr: string): void {
  const lines = stderr.trim().split("\n");
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got:\n${stderr}`);
  if (/\n\s+at /.test(stderr) || /at .*\.(js|ts):\d+/.test(stderr)) throw new Error(`stack trace on stderr:\n${stderr}`);
  if (!lines[0]?.startsWith("exclusion-study: ")) throw new Error(`unexpected error format: ${stderr}`);
}
