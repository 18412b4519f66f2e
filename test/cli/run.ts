import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const messy = (file: string): string => path.join(repoRoot, "fixtures/messy", file);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run a whole command in-process, as a user would type it, capturing both streams. */
export async function cli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: NodeJS.ReadableStream } = {},
): Promise<CliRun> {
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
