import path from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";

export const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const STUDY_2014 = "data-schemas/connexions-solidaires-2014/study.yaml";
export const STUDY_2015 = "data-schemas/connexions-solidaires-2015/study.yaml";
export const UNIVERSE_CHANGED = "test/waves/studies/universe-changed-2015.yaml";
export const REPORT_DIR = "reports/connexions-solidaires-2014-vs-2015";
export const STEM = "connexions-solidaires-2014-vs-connexions-solidaires-2015";

/** A whole command, in-process, as a user would run it from `cwd`. */
export async function run(args: string[], cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    color: false,
    stderrIsTTY: false,
    env: {},
    cwd,
  });
  return { code, stdout, stderr };
}
