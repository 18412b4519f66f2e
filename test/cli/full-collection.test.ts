import { setTimeout as tick } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { fullCollection } from "../../src/cli/full-collection.js";
import { main } from "../../src/cli/main.js";
import { repoRoot, tempDir } from "./run.js";

describe("a full collection once the datasets are read", () => {
  it("collects what nothing reaches any more", async () => {
    const collect = fullCollection();
    const ref = new WeakRef({ rows: new Float64Array(1000) });
    // A WeakRef's target stays alive until the task that made it ends.
    await tick(0);
    collect();
    expect(ref.deref()).toBeUndefined();
    collect(); // the function is made once, then reused
  });

  it("is asked for once by a report, as its datasets are read", async () => {
    const events: string[] = [];
    const code = await main(["report", "--format", "md", "--out", await tempDir()], {
      stdout: () => {},
      stderr: () => {},
      color: false,
      stderrIsTTY: false,
      env: {},
      cwd: repoRoot,
      collectGarbage: () => void events.push("collect"),
    });
    expect(code).toBe(0);
    expect(events).toEqual(["collect"]);
  });
});
