import { spawn } from "node:child_process";
import { expect, test } from "vitest";

// Runs the built binary (`npm test` builds dist/ first): only a real process has a pipe to lose.
test("a reader that goes away early (| head) gets no stack trace, and the exit code stays the command's", async () => {
  const child = spawn(process.execPath, ["bin/exclusion-study.js", "validate"], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.destroy(); // the reader is gone before the first line is written
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
  expect(code).toBe(0);
});
