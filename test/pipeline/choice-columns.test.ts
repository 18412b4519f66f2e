// A multiple-choice field (`multiple: true`) read from either export layout: one column of
// space-separated choices, or one 0/1 column per choice (`q/choice`, `q_choice`), as one field.
// An unknown choice is a rejected value naming the field and the choice; no row is lost.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../cli/run.js";

const schema = {
  fields: [
    { name: "id", type: "integer" },
    { name: "q", type: "string", multiple: true, categories: ["bus", "car", "bike"] },
  ],
};

interface Issue {
  code: string;
  line: number | null;
  field: string | null;
  message: string;
}
interface Result {
  datasets: { rows_read: number; rows_accepted: number; rows_rejected: number; issues: Issue[] }[];
  indicators: {
    id: string;
    estimate: number | null;
    n: number;
    categories?: { value: string; estimate: number | null; n: number | null }[];
  }[];
}

async function setUp(csv: string, fields: unknown = schema.fields): Promise<string> {
  const dir = await tempDir();
  await writeFile(path.join(dir, "data.csv"), csv);
  await writeFile(path.join(dir, "schema.json"), JSON.stringify({ fields }));
  await writeFile(
    path.join(dir, "study.yaml"),
    [
      "study: choices",
      "title: Choices",
      "datasets: { d: { path: data.csv, schema: schema.json } }",
      "indicators:",
      "  - { id: q, label: Transport, dataset: d, kind: multi_select, field: q }",
      "  - { id: bus_or_bike, label: Bus or bike, dataset: d, kind: proportion, when: { field: q, any_of: [bus, bike] } }",
      "  - { id: bus_and_car, label: Bus and car, dataset: d, kind: proportion, when: { field: q, all_of: [bus, car] } }",
      "disclosure: { min_cell: 1 }",
    ].join("\n"),
  );
  return path.join(dir, "study.yaml");
}

async function run(csv: string): Promise<Result> {
  const study = await setUp(csv);
  const { code, stdout, stderr } = await cli(["report", study, "--out", path.join(path.dirname(study), "out"), "--json"]);
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as Result;
}

async function validate(csv: string): Promise<Result> {
  const { code, stdout, stderr } = await cli(["validate", await setUp(csv), "--json"]);
  expect(code, stderr).toBe(1);
  return JSON.parse(stdout) as Result;
}

const shares = (r: Result) => r.indicators.find((i) => i.id === "q")?.categories?.map((c) => [c.value, c.estimate, c.n]);

describe("multiple-choice fields", () => {
  const single = "id,q\n1,bus car\n2,car\n3,\n4,bike  bus\n";
  const separate = "id,q/bus,q/car,q/bike\n1,1,1,0\n2,0,1,0\n3,,,\n4,1,0,1\n";

  it("reads both layouts as the same field", async () => {
    const a = await run(single);
    const b = await run(separate);
    const c = await run(separate.replace("q/bus,q/car,q/bike", "q_bus,q_car,q_bike"));
    // LimeSurvey: `q[option]` columns, "Y" where ticked, blank elsewhere.
    const d = await run("id,q[bus],q[car],q[bike]\n1,Y,Y,\n2,,Y,\n3,,,\n4,Y,,Y\n");
    expect(shares(a)).toEqual([
      ["bus", 2 / 3, 2],
      ["car", 2 / 3, 2],
      ["bike", 1 / 3, 1],
    ]);
    expect(shares(b)).toEqual(shares(a));
    expect(shares(c)).toEqual(shares(a));
    expect(shares(d)).toEqual(shares(a));
    for (const r of [a, b, c, d]) {
      expect(r.datasets[0]).toMatchObject({ rows_read: 4, rows_accepted: 4, rows_rejected: 0, issues: [] });
      const byId = new Map(r.indicators.map((i) => [i.id, i]));
      expect(byId.get("q")?.estimate).toBeCloseTo(5 / 3, 12);
      expect(byId.get("bus_or_bike")?.estimate).toBeCloseTo(2 / 3, 12);
      expect(byId.get("bus_and_car")?.estimate).toBeCloseTo(1 / 3, 12);
    }
  });

  it("reads the single column when an export has both, and all-0 choices as an answer choosing none", async () => {
    const both = await run("id,q,q/bus,q/car,q/bike\n1,bus,1,0,0\n2,car,0,1,0\n");
    expect(both.datasets[0]?.issues).toEqual([]);
    expect(shares(both)).toEqual([
      ["bus", 0.5, 1],
      ["car", 0.5, 1],
      ["bike", 0, 0],
    ]);
    const none = await run("id,q/bus,q/car,q/bike\n1,0,0,0\n2,1,1,0\n");
    expect(none.indicators.find((i) => i.id === "q")).toMatchObject({ estimate: 1, n: 2 });
  });

  it("rejects an unknown choice, naming the field and the choice", async () => {
    const r = await validate("id,q\n1,bus\n2,car plane\n");
    expect(r.datasets[0]).toMatchObject({ rows_read: 2, rows_accepted: 1, rows_rejected: 1 });
    const issue = r.datasets[0]?.issues.find((i) => i.field === "q");
    expect(issue).toMatchObject({ line: 3, field: "q" });
    expect(issue?.message).toContain('the choice "plane" is not one of its choices: bus, car, bike');
    const cell = await validate("id,q/bus,q/car,q/bike\n1,1,2,0\n2,1,0,0\n");
    expect(cell.datasets[0]).toMatchObject({ rows_read: 2, rows_accepted: 1, rows_rejected: 1 });
    expect(cell.datasets[0]?.issues.find((i) => i.field === "q")?.message).toContain('the choice "car=2"');
  });

  it("refuses a multiple field without categories, and a choice with a space", async () => {
    for (const [q, says] of [
      [{ name: "q", multiple: true }, "a multiple-choice field is a string field with categories"],
      [{ name: "q", multiple: true, categories: ["by bus"] }, 'the choice "by bus" of a multiple-choice field cannot contain a space'],
    ] as const) {
      const { code, stderr } = await cli(["validate", await setUp("id,q\n1,x\n", [{ name: "id", type: "integer" }, q])]);
      expect(code).toBe(2);
      expect(stderr).toContain(says);
    }
  });
});
