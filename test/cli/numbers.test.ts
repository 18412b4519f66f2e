// Extreme numbers and file edges through the whole command: never Infinity or NaN in a report,
// the data's fault refused with the line or column at fault, trailing blank lines not rows.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, expectOneSentence, tempDir } from "./run.js";

const schema = {
  fields: [
    { name: "id", type: "integer" },
    { name: "cluster", type: "string" },
    { name: "w", type: "number" },
    { name: "spend", type: "number" },
    { name: "use", type: "string", constraints: { enum: ["never", "daily"] } },
  ],
};

const study = `study: s
title: T
datasets:
  d:
    path: d.csv
    schema: s.schema.json
    design: { ids: [cluster], weights: w }
baselines:
  b: { value: 150, label: B }
indicators:
  - { id: never, label: Never, dataset: d, kind: proportion, when: { field: use, equals: never } }
  - { id: spend_mean, label: Spend, dataset: d, kind: mean, field: spend, baseline: b }
  - { id: spend_total, label: Spend total, dataset: d, kind: total, field: spend, baseline: b }
  - { id: spend_median, label: Spend median, dataset: d, kind: quantile, field: spend, probs: [0.5] }
disclosure: { min_cell: 1 }
`;

interface Row {
  id: number;
  cluster: string;
  w: string;
  spend: string;
  use: string;
}

/** Twenty respondents in five clusters, with ordinary weights and spends. */
function rows(): Row[] {
  return Array.from({ length: 20 }, (_, k) => {
    const i = k + 1;
    return {
      id: i,
      cluster: `c${Math.floor(k / 4)}`,
      w: String(1.5 + (i % 3)),
      spend: String(100 + ((i * 37) % 200)),
      use: i % 3 === 0 ? "never" : "daily",
    };
  });
}

const csv = (rs: Row[]): string =>
  `id,cluster,w,spend,use\n${rs.map((r) => `${r.id},${r.cluster},${r.w},${r.spend},${r.use}`).join("\n")}\n`;

async function studyWith(data: string): Promise<string> {
  const dir = await tempDir();
  await writeFile(path.join(dir, "s.schema.json"), JSON.stringify(schema));
  await writeFile(path.join(dir, "study.yaml"), study);
  await writeFile(path.join(dir, "d.csv"), data);
  return dir;
}

/** Every file of a report, charts included, as one text. */
async function reportText(out: string): Promise<string> {
  const files = [path.join(out, "s.md"), path.join(out, "s.json")];
  for (const f of await readdir(path.join(out, "s.charts"))) files.push(path.join(out, "s.charts", f));
  return (await Promise.all(files.map((f) => readFile(f, "utf8")))).join("\n");
}

describe("extreme numbers", () => {
  it("a spend of 1e160: the mean and total are not available (overflow), nothing prints Infinity or NaN", async () => {
    const rs = rows();
    rs[4]!.spend = "1e160";
    const dir = await studyWith(csv(rs));
    const { code } = await cli(["report", path.join(dir, "study.yaml"), "--out", path.join(dir, "out")]);
    expect(code).toBe(0);
    const text = await reportText(path.join(dir, "out"));
    expect(text).not.toMatch(/Infinity|NaN/);
    const result = JSON.parse(await readFile(path.join(dir, "out", "s.json"), "utf8"));
    const byId = new Map(result.indicators.map((i: { id: string }) => [i.id, i]));
    for (const id of ["spend_mean", "spend_total"]) {
      const ind = byId.get(id) as { estimate: unknown; not_available: string };
      expect(ind.estimate).toBeNull();
      expect(ind.not_available).toMatch(/overflow/);
    }
    // The other indicators are untouched.
    expect((byId.get("never") as { estimate: number }).estimate).toBeCloseTo(0.176, 3);
    expect((byId.get("spend_median") as { estimate: number }).estimate).toBe(196);
    const md = await readFile(path.join(dir, "out", "s.md"), "utf8");
    expect(md).toContain("overflow");
  });

  it("weights whose sum overflows refuse the design, naming the weight column: exit 1", async () => {
    const rs = rows();
    for (const r of rs) r.w = "1e308";
    const dir = await studyWith(csv(rs));
    const { code, stderr } = await cli(["report", path.join(dir, "study.yaml"), "--out", path.join(dir, "out")]);
    expect(code).toBe(1);
    expectOneSentence(stderr);
    expect(stderr).toContain('"w"');
    expect(stderr).toMatch(/sum/);
  });

  it("subnormal weights refuse the design, naming the weight column and the line: exit 1", async () => {
    const rs = rows();
    for (const r of rs) r.w = "1e-320";
    const dir = await studyWith(csv(rs));
    const { code, stderr } = await cli(["report", path.join(dir, "study.yaml"), "--out", path.join(dir, "out")]);
    expect(code).toBe(1);
    expectOneSentence(stderr);
    expect(stderr).toContain('"w"');
    expect(stderr).toContain("line 2");
  });

  it("a subgroup difference past the largest double is not available (overflow), not a silent null", async () => {
    const data = Array.from({ length: 8 }, (_, k) => {
      const never = k % 2 === 0;
      return { id: k + 1, cluster: `c${Math.floor(k / 2)}`, w: "0.25", spend: never ? "1e308" : "-1e308", use: never ? "never" : "daily" };
    });
    const dir = await studyWith(csv(data));
    const contrasted =
      "  - { id: spend_mean, label: Spend, dataset: d, kind: mean, field: spend, contrasts: [{ field: use, a: never, b: daily }] }\n";
    await writeFile(path.join(dir, "study.yaml"), study.replace(/indicators:\n[\s\S]*?disclosure/, `indicators:\n${contrasted}disclosure`));
    const { code } = await cli(["report", path.join(dir, "study.yaml"), "--out", path.join(dir, "out")]);
    expect(code).toBe(0);
    const result = JSON.parse(await readFile(path.join(dir, "out", "s.json"), "utf8"));
    const [c] = result.indicators[0].contrasts;
    expect(c.difference).toBeNull();
    expect(c.not_available).toMatch(/^overflow: /);
    expect(await readFile(path.join(dir, "out", "s.md"), "utf8")).not.toMatch(/Infinity|NaN/);
  });
});

describe("design errors name the file's line", () => {
  it("a negative weight after rejected rows is named by its physical line", async () => {
    const rs = rows();
    rs[1]!.spend = "abc"; // line 3, rejected
    rs[2]!.use = "weekly"; // line 4, rejected
    rs[15]!.w = "-3"; // line 17, accepted row 14
    const dir = await studyWith(csv(rs));
    const { code, stderr } = await cli(["report", path.join(dir, "study.yaml"), "--out", path.join(dir, "out"), "--max-rejected", "10"]);
    expect(code).toBe(1);
    expectOneSentence(stderr);
    expect(stderr).toContain("got -3 at line 17");
  });
});

describe("trailing blank lines", () => {
  it("are not rows: validate exits 0 and the counts reconcile", async () => {
    const dir = await studyWith(`${csv(rows())}\n\n`);
    const { code, stdout } = await cli(["validate", path.join(dir, "study.yaml"), "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.valid).toBe(true);
    const d = result.datasets[0];
    expect(d.rows_read).toBe(20);
    expect(d.rows_read).toBe(d.rows_accepted + d.rows_rejected);
    expect(d.rows_rejected).toBe(0);
  });

  it("a blank line in the middle is skipped and counted, with a warning: validate exits 0", async () => {
    const text = csv(rows()).replace("\n3,", "\n\n3,");
    const dir = await studyWith(`${text}\n`);
    const { code, stdout } = await cli(["validate", path.join(dir, "study.yaml"), "--json"]);
    expect(code).toBe(0);
    const d = JSON.parse(stdout).datasets[0];
    expect(d.rows_read).toBe(20);
    expect(d.rows_rejected).toBe(0);
    expect(d.blank_rows).toBe(2);
    expect(d.issues.map((i: { code: string; line: number }) => [i.code, i.line])).toEqual([["blank-row", 4]]);
  });

  it("Excel's trailing rows of empty cells are counted, not rejected, and validate prints ✓", async () => {
    const dir = await studyWith(`${csv(rows())},,,,\n,,,,\n`);
    const json = await cli(["validate", path.join(dir, "study.yaml"), "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).datasets[0]).toMatchObject({ rows_read: 20, rows_rejected: 0, blank_rows: 2, issues: [] });
    const plain = await cli(["validate", path.join(dir, "study.yaml")]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^✓ .*20 rows read = 20 accepted \+ 0 rejected \(2 blank lines skipped\);/);
  });
});
