import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { root } from "./markdown.js";

/**
 * The messages docs/study-file.md quotes under "Errors" are real: each mistake is made on a copy
 * of the weighted example named broken.yaml, and the CLI must print the quoted sentence.
 */
const example = path.join(root, "docs/examples/weighted");
let dir = "";
let base = "";
let doc = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "docs-errors-"));
  for (const f of ["survey.csv", "survey.schema.json"]) await copyFile(path.join(example, f), path.join(dir, f));
  base = await readFile(path.join(example, "study.yaml"), "utf8");
  doc = await readFile(path.join(root, "docs/study-file.md"), "utf8");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function stderrOf(study: string | Uint8Array, command: "validate" | "report"): Promise<{ code: number; stderr: string }> {
  await writeFile(path.join(dir, "broken.yaml"), study);
  let stderr = "";
  const io: Io = { stdout: () => {}, stderr: (t) => void (stderr += t), color: false, stderrIsTTY: false, env: {}, cwd: dir };
  const args = command === "report" ? ["report", "broken.yaml", "--out", path.join(dir, "out")] : ["validate", "broken.yaml"];
  const code = await main(args, io);
  return { code, stderr };
}

function edit(from: string | RegExp, to: string): (s: string) => string {
  return (s) => {
    const out = s.replace(from, to);
    if (out === s) throw new Error(`the weighted example no longer contains ${String(from)}`);
    return out;
  };
}

/** Each line a list of ten aliases of the line above: 10^levels copies once expanded. */
function aliasBomb(levels: number): string {
  const lines = Array.from({ length: levels }, (_, i) => {
    const item = i === 0 ? "0" : `*x${i - 1}`;
    return `x${i}: &x${i} [${Array(10).fill(item).join(", ")}]\n`;
  });
  return lines.join("");
}

const whenLine = "    when: { field: internet_use, equals: never }\n";
const cases: { mistake: string; make: (s: string) => string | Uint8Array; message: string; command?: "report"; exit?: number }[] = [
  {
    mistake: "misspelt key",
    make: edit("disclosure: { min_cell: 5 }", "disclosure: { min_cells: 5 }"),
    message: `broken.yaml, line 58 (disclosure): unknown key "min_cells"; check the spelling against docs/study-file.md.`,
  },
  {
    mistake: "unknown kind",
    make: edit("kind: mean\n", "kind: average\n"),
    message: `broken.yaml, line 41 (indicators[3].kind): expected one of "proportion", "distribution", "mean", "total", "ratio", "mean_of_ratios", "quantile", "count", "crosstab", "multi_select", "regression".`,
  },
  {
    mistake: "no when",
    make: edit(whenLine, ""),
    message: `broken.yaml, line 21 (indicators[0].when): required for kind "proportion": the condition whose share is estimated.`,
  },
  {
    mistake: "ci_method on a mean",
    make: edit("    field: telecom_spend_eur\n", "    field: telecom_spend_eur\n    ci_method: wilson\n"),
    message: `broken.yaml, line 43 (indicators[3].ci_method): "ci_method" does not apply to indicator "spend_mean" (kind mean); only proportion, distribution, crosstab and multi_select indicators take it.`,
  },
  {
    mistake: "when on a mean",
    make: edit("    field: telecom_spend_eur\n", `    field: telecom_spend_eur\n${whenLine}`),
    message: `broken.yaml, line 43 (indicators[3].when): "when" does not apply to indicator "spend_mean" (kind mean); only proportion, count and regression indicators take it.`,
  },
  {
    mistake: "field on a proportion",
    make: edit(whenLine, `${whenLine}    field: internet_use\n`),
    message: `broken.yaml, line 26 (indicators[0].field): "field" does not apply to indicator "internet_never" (kind proportion); only distribution, mean, total, quantile, count and multi_select indicators take it.`,
  },
  {
    mistake: "count with when and field",
    make: edit(
      '    kind: proportion\n    universe: { field: internet_use, in: [rarely, weekly, daily] }\n    when: { field: has_email, equals: "no" }\n',
      '    kind: count\n    universe: { field: internet_use, in: [rarely, weekly, daily] }\n    when: { field: has_email, equals: "no" }\n    field: has_email\n',
    ),
    message: `broken.yaml, line 33 (indicators[1].field): "when" and "field" are both given; a count takes exactly one: "when" for the number of people meeting a condition, "field" for the number in each category of a field.`,
  },
  {
    mistake: "mean of a text field",
    make: edit("    field: telecom_spend_eur\n", "    field: site\n"),
    message: `broken.yaml, line 42 (indicators[3].field): indicator "spend_mean" (kind mean) needs a numeric field, but "site" is a string field in dataset survey; use a number, integer or boolean field.`,
  },
  {
    mistake: "unknown ci_method",
    make: edit(whenLine, `${whenLine}    ci_method: exact\n`),
    message: `broken.yaml, line 26 (indicators[0].ci_method): expected one of "logit", "beta", "wilson", "mean", "clopper-pearson".`,
  },
  {
    mistake: "two tests",
    make: edit("equals: never }", "equals: never, in: [rarely] }"),
    message:
      "broken.yaml, line 25 (indicators[0].when): a field condition needs exactly one test: equals, in, lt, le, gt, ge, missing, any_of or all_of.",
  },
  {
    mistake: "unknown test",
    make: edit("equals: never }", "is: never }"),
    message: `broken.yaml, line 25 (indicators[0].when): unknown key "is"; check the spelling against docs/study-file.md.`,
  },
  { mistake: "lang", make: edit(/^date: .*$/m, "lang: de"), message: `broken.yaml, line 6 (lang): expected one of "en", "fr".` },
  {
    mistake: "date",
    make: edit(/^date: .*$/m, "date: 30/06/2015"),
    message: "broken.yaml, line 6 (date): use an ISO date such as 2014-11-27.",
  },
  { mistake: "level", make: edit(/^date: .*$/m, "level: 95"), message: "broken.yaml, line 6 (level): must be less than 1." },
  {
    mistake: "probs",
    make: edit("probs: [0.5]", "probs: [50]"),
    message: "broken.yaml, line 55 (indicators[5].probs[0]): must be less than 1.",
  },
  {
    mistake: "precision",
    make: edit("value: 0.38, source", "value: 0.38, precision: -1, source"),
    message: "broken.yaml, line 26 (indicators[0].published.precision): must be at least 0.",
  },
  {
    mistake: "identifier",
    make: edit("id: spend_mean", "id: 2spend"),
    message: "broken.yaml, line 38 (indicators[3].id): use letters, digits, _ . or - and start with a letter.",
  },
  {
    mistake: "id twice",
    make: edit("id: spend_mean", "id: internet_never"),
    message: `broken.yaml, line 38 (indicators[3].id): indicator id "internet_never" is used twice; ids must be unique`,
  },
  {
    mistake: "unknown dataset",
    make: edit("dataset: survey", "dataset: surveys"),
    message: `broken.yaml, line 23 (indicators[0].dataset): unknown dataset "surveys"; declared: survey`,
  },
  {
    mistake: "unknown baseline",
    make: edit("baseline: national_share", "baseline: national"),
    message: `broken.yaml, line 49 (indicators[4].baseline): unknown baseline "national"; declare it under baselines:`,
  },
  {
    mistake: "lonely_psu",
    make: edit("design: { weights: weight }", "design: { weights: weight, lonely_psu: drop }"),
    message: `broken.yaml, line 14 (datasets.survey.design.lonely_psu): expected one of "fail", "remove", "certainty", "adjust", "average".`,
  },
  {
    mistake: "encoding",
    make: edit("path: survey.csv\n", "path: survey.csv\n    encoding: latin1\n"),
    message: `broken.yaml, line 13 (datasets.survey.encoding): expected one of "utf-8", "windows-1252".`,
  },
  {
    mistake: "no dataset",
    make: () => "study: x\ntitle: X\ndatasets: {}\n",
    message: "broken.yaml, line 3 (datasets): declare at least one dataset.",
  },
  {
    mistake: "qualitative dataset",
    make: (s) => `${s}qualitative: { interviews: iv, codings: survey }\n`,
    message: `broken.yaml, line 59 (qualitative.interviews): unknown dataset "iv"; declared: survey`,
  },
  {
    mistake: "YAML",
    make: edit("domains: [age_band, housing]", "domains: [age_band, housing"),
    message:
      "broken.yaml, line 58: not valid YAML or JSON (Flow sequence in block collection must be sufficiently indented and end with a ]).",
  },
  { mistake: "data file", make: edit("path: survey.csv", "path: nosuch.csv"), message: "nosuch.csv: no such file." },
  {
    mistake: "schema file",
    make: edit("schema: survey.schema.json", "schema: nosuch.json"),
    message: "Schema file nosuch.json cannot be read (it does not exist): check the path in the study file.",
  },
  {
    mistake: "title",
    make: edit(/^title: .*\n/m, ""),
    message: "broken.yaml, line 4 (title): missing; add this key (see docs/study-file.md).",
  },
  {
    mistake: "unknown field in when",
    make: edit("field: internet_use, equals: never", "field: internet_usage, equals: never"),
    message: `broken.yaml, line 25 (indicators[0].when): unknown field "internet_usage" in dataset survey; its schema declares id, site, age_band, housing, internet_use, has_email, monthly_resources_eur, telecom_spend_eur, weight.`,
  },
  {
    mistake: "unknown field",
    make: edit("    field: telecom_spend_eur\n", "    field: telecom_spend\n"),
    message: `broken.yaml, line 42 (indicators[3].field): unknown field "telecom_spend" in dataset survey; its schema declares id, site, age_band, housing, internet_use, has_email, monthly_resources_eur, telecom_spend_eur, weight.`,
  },
  {
    mistake: "category typo",
    make: edit("field: internet_use, equals: never", "field: internet_use, equals: Never"),
    message: `broken.yaml, line 25 (indicators[0].when): "Never" is not a category of internet_use; its categories are never, rarely, weekly, daily.`,
  },
  {
    mistake: "empty file",
    make: () => "",
    message: "broken.yaml: the file is empty; a study file needs at least study:, title: and datasets: (see docs/study-file.md).",
  },
  {
    mistake: "UTF-16",
    make: (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]),
    message: "broken.yaml: is UTF-16 text; save it as UTF-8.",
  },
  {
    mistake: "Windows-1252",
    make: (s) => Buffer.from(edit(/^title: .*$/m, "title: Exclusion numérique")(s), "latin1"),
    message: "broken.yaml: is not UTF-8 text (byte 0xE9 at offset 248, line 5); save it as UTF-8.",
  },
  {
    mistake: "title not text",
    make: edit(/^title: .*$/m, "title: 2015"),
    message: "broken.yaml, line 5 (title): must be text: a string, or { en: ..., fr: ... } for two languages.",
  },
  {
    mistake: "prototype key",
    make: (s) => `${s}__proto__: { lang: fr }\n`,
    message: `broken.yaml, line 59 (__proto__): "__proto__" cannot be a key of a study file; remove it.`,
  },
  {
    mistake: "alias bomb",
    make: (s) => `${s}${aliasBomb(6)}`,
    message: "broken.yaml: YAML aliases (*name) expand to more than 100 copies, which could exhaust memory; write the values out instead.",
  },
  {
    mistake: "nesting",
    make: edit("equals: never }", `equals: never, all: ${"[{ not: ".repeat(40)}1${" }]".repeat(40)} }`),
    message:
      "broken.yaml, line 25 (indicators[0].when…): mappings and lists are nested more than 64 levels deep; flatten them (see docs/study-file.md).",
  },
  {
    mistake: "too large",
    make: (s) => `${s}# ${"padding ".repeat(140_000)}\n`,
    message: "broken.yaml: is larger than 1,048,576 bytes (1 MiB), the limit for a study or schema file.",
  },
];

describe("docs/study-file.md: the quoted error messages", () => {
  it.each(cases)("$mistake", async ({ make, message, command, exit }) => {
    expect(doc, "the message is quoted in the doc").toContain(message);
    const { code, stderr } = await stderrOf(make(base), command ?? "validate");
    expect(stderr).toBe(`exclusion-study: ${message}\n`);
    expect(code).toBe(exit ?? 2);
  });
});

describe("docs/schemas.md: the quoted messages", () => {
  it("schema errors are those of the files in fixtures/schemas/invalid", async () => {
    const { loadTableSchema } = await import("../../src/table-schema/index.js");
    const schemas = await readFile(path.join(root, "docs/schemas.md"), "utf8");
    const quoted = [...schemas.matchAll(/`(Schema file ([a-z-]+\.schema\.json) [^`]+)`/g)];
    expect(quoted.length).toBeGreaterThanOrEqual(9);
    for (const [, message, file] of quoted) {
      const error = await loadTableSchema(path.join(root, "fixtures/schemas/invalid", file as string), file).then(
        () => null,
        (e: unknown) => (e as Error).message,
      );
      expect(error).toBe(message);
    }
  });

  it("the French Excel cells give the quoted messages", async () => {
    const iconv = (await import("iconv-lite")).default;
    const source = path.join(root, "docs/examples/french-excel");
    const lines = iconv.decode(await readFile(path.join(source, "questionnaire.csv")), "win1252").split("\r\n");
    const set = (line: number, column: number, value: string): void => {
      const cells = (lines[line - 1] as string).split(";");
      cells[column] = value;
      lines[line - 1] = cells.join(";");
    };
    set(4, 7, "12.50");
    set(5, 1, "31/02/2015");
    set(6, 8, "peut-être");
    set(7, 2, "NR");
    const bad = path.join(dir, "fr-bad.csv");
    await writeFile(bad, iconv.encode(lines.join("\r\n"), "win1252"));
    let stdout = "";
    const io: Io = { stdout: (t) => void (stdout += t), stderr: () => {}, color: false, stderrIsTTY: false, env: {}, cwd: root };
    const code = await main(["validate", "docs/examples/french-excel/study.yaml", "--json", "--data", `questionnaire=${bad}`], io);
    expect(code).toBe(1);
    const messages = (JSON.parse(stdout) as { datasets: { issues: { message: string }[] }[] }).datasets[0]?.issues.map((i) => i.message);
    const schemas = await readFile(path.join(root, "docs/schemas.md"), "utf8");
    expect(messages).toHaveLength(4);
    for (const m of messages ?? []) expect(schemas).toContain(`\`${m}\``);
  });
});
