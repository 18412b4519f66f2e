import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { root } from "./markdown.js";

/** Run the real CLI in-process, from the repository root, as the docs tell a user to. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    color: false,
    stderrIsTTY: false,
    env: {},
    cwd: root,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const examples = [
  { name: "weighted", study: "example-weighted" },
  { name: "cluster", study: "example-cluster" },
  { name: "codings", study: "example-codings" },
  { name: "french-excel", study: "example-french-excel" },
  { name: "replicate-weights", study: "example-replicate-weights" },
  { name: "weighting-to-margins", study: "example-weighting-to-margins" },
];

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

describe.each(examples)("docs/examples/$name", ({ name, study }) => {
  const file = `docs/examples/${name}/study.yaml`;

  it("validates with no error", async () => {
    const r = await run(["validate", file, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { valid: boolean; datasets: { rows_rejected: number }[] };
    expect(result.valid).toBe(true);
    expect(result.datasets.every((d) => d.rows_rejected === 0)).toBe(true);
  });

  it("reports into a folder: Markdown and JSON written, exit 0", async () => {
    const out = await mkdtemp(path.join(tmpdir(), `docs-${name}-`));
    temps.push(out);
    const r = await run(["report", file, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const markdown = await readFile(path.join(out, `${study}.md`), "utf8");
    expect(markdown).toMatch(/^# /);
    expect(existsSync(path.join(out, `${study}.json`))).toBe(true);
    // The same command again with --check: the report is deterministic.
    expect((await run(["report", file, "--out", out, "--check"])).code).toBe(0);
  });

  it("reproduces its published figures (if any)", async () => {
    const r = await run(["reproduce", file, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { reproduced: boolean }).reproduced).toBe(true);
  });
});

describe("what the docs say about the examples", () => {
  it("README walkthrough: the first indicator line of the weighted report is as quoted", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "docs-readme-"));
    temps.push(out);
    expect((await run(["report", "docs/examples/weighted/study.yaml", "--out", out])).code).toBe(0);
    const markdown = await readFile(path.join(out, "example-weighted.md"), "utf8");
    const readme = await readFile(path.join(root, "README.md"), "utf8");
    const quoted = /\n(\| Never use the Internet \| 38\.3% .*)\n/.exec(readme)?.[1];
    expect(quoted).toBeDefined();
    expect(markdown).toContain(quoted);
  });

  it("weighting-to-margins: the figures its README gives from R are the report's", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "docs-wm-"));
    temps.push(out);
    const r = await run(["report", "docs/examples/weighting-to-margins/study.yaml", "--out", out, "--json"]);
    const shown = new Map(
      (JSON.parse(r.stdout) as { indicators: { id: string; estimate: number; se: number }[] }).indicators.map((i) => [i.id, i]),
    );
    const readme = await readFile(path.join(root, "docs/examples/weighting-to-margins/README.md"), "utf8");
    const quoted = [...readme.matchAll(/# (0\.\d+), se (0\.\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(quoted.length).toBe(2);
    ["never_raked", "never_calibrated"].forEach((id, k) => {
      const [est, se] = quoted[k] as [number, number];
      expect(shown.get(id)?.estimate).toBeCloseTo(est, 5);
      expect(shown.get(id)?.se).toBeCloseTo(se, 4);
    });
  });

  it("README walkthrough: validate prints the quoted line", async () => {
    const r = await run(["validate", "docs/examples/weighted/study.yaml"]);
    const readme = await readFile(path.join(root, "README.md"), "utf8");
    expect(readme).toContain(r.stdout.trim());
  });

  it("schemas.md: the French Excel export is Windows-1252, ';' and decimal comma, read without rejects", async () => {
    const r = await run(["validate", "docs/examples/french-excel/study.yaml", "--json"]);
    const d = (JSON.parse(r.stdout) as { datasets: { encoding: string; delimiter: string; rows_accepted: number }[] }).datasets[0];
    expect(d).toMatchObject({ encoding: "windows-1252", delimiter: ";", rows_accepted: 30 });
    const bytes = await readFile(path.join(root, "docs/examples/french-excel/questionnaire.csv"));
    expect(bytes.includes(0xe9)).toBe(true); // é as one Windows-1252 byte
    expect(bytes.includes(Buffer.from("\r\n"))).toBe(true);
  });

  it("every example command quoted in the README runs from the repository root", async () => {
    const readme = await readFile(path.join(root, "README.md"), "utf8");
    const commands = [...readme.matchAll(/`node bin\/exclusion-study\.js (report docs\/examples\/[^`]+)`/g)].map((m) => m[1] as string);
    expect(commands.length).toBe(examples.length);
    for (const command of commands) {
      const args = command.split(" ");
      const out = await mkdtemp(path.join(tmpdir(), "docs-cmd-"));
      temps.push(out);
      args[args.indexOf("--out") + 1] = out;
      expect((await run(args)).code, command).toBe(0);
    }
  });
});
