import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StudyFileError } from "../../src/study/errors.js";
import { loadStudy } from "../../src/study/load.js";

/** Study files a careless or hostile user may give: each is refused in one sentence, never read blindly. */
let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "study-hostile-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const minimal = `study: demo
title: Démo
datasets:
  survey: { path: survey.csv, schema: survey.schema.json }
`;

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

async function loadError(file: string, display = path.basename(file)): Promise<string> {
  const error = await loadStudy(file, display).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StudyFileError);
  return (error as Error).message;
}

const canMkfifo = process.platform !== "win32";

describe("the bytes of a study file", () => {
  it("refuses bytes that are not UTF-8, naming the byte, its offset and line", async () => {
    const latin1 = Buffer.from(minimal.replace("Démo", "D\u00e9mo"), "latin1");
    expect(await loadError(await write("latin1.yaml", latin1))).toBe(
      "latin1.yaml: is not UTF-8 text (byte 0xE9 at offset 20, line 2); save it as UTF-8.",
    );
  });

  it("accepts a UTF-8 byte-order mark", async () => {
    const file = await write("bom.yaml", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(minimal)]));
    expect((await loadStudy(file)).study.title).toBe("Démo");
  });

  it("refuses UTF-16 text with a hint instead of a missing key", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(minimal, "utf16le")]);
    expect(await loadError(await write("utf16.yaml", le))).toBe("utf16.yaml: is UTF-16 text; save it as UTF-8.");
    expect(await loadError(await write("utf16-nobom.yaml", Buffer.from(minimal, "utf16le")))).toBe(
      "utf16-nobom.yaml: is UTF-16 text; save it as UTF-8.",
    );
  });

  it("says an empty file is empty", async () => {
    const message = "the file is empty; a study file needs at least study:, title: and datasets: (see docs/study-file.md).";
    expect(await loadError(await write("empty.yaml", ""))).toBe(`empty.yaml: ${message}`);
    expect(await loadError(await write("comments.yaml", "# nothing yet\n"))).toBe(`comments.yaml: ${message}`);
  });

  it("says a title must be text", async () => {
    expect(await loadError(await write("title.yaml", minimal.replace("title: Démo", "title: 123")))).toBe(
      "title.yaml, line 2 (title): must be text: a string, or { en: ..., fr: ... } for two languages.",
    );
  });
});

describe("what a study path points at", () => {
  it.skipIf(!canMkfifo)("refuses a FIFO at once instead of waiting for a writer", async () => {
    const fifo = path.join(dir, "fifo.yaml");
    execFileSync("mkfifo", [fifo]);
    expect(await loadError(fifo)).toBe("fifo.yaml: is not a regular file (a device, FIFO or socket); give the path of a file.");
    // As the base of another study, too.
    const child = await write("child-of-fifo.yaml", "extends: fifo.yaml\nstudy: c\ntitle: C\n");
    expect(await loadError(child)).toBe("fifo.yaml: is not a regular file (a device, FIFO or socket); give the path of a file.");
  });

  it.skipIf(!existsSync("/dev/zero"))("refuses a device without reading it", async () => {
    expect(await loadError("/dev/zero", "/dev/zero")).toBe(
      "/dev/zero: is not a regular file (a device, FIFO or socket); give the path of a file.",
    );
  });

  it("refuses a file over the 1 MiB cap", async () => {
    const big = await write("big.yaml", `${minimal}notes:\n${"  - padding padding padding padding\n".repeat(40_000)}`);
    expect(await loadError(big)).toBe("big.yaml: is larger than 1,048,576 bytes (1 MiB), the limit for a study or schema file.");
  });
});

describe("keys that would reach a prototype", () => {
  it.each(["__proto__", "constructor", "prototype"])("refuses %s, with its line, in a study that extends another", async (key) => {
    await write("base.yaml", minimal);
    const child = await write(`proto-${key}.yaml`, `extends: base.yaml\nstudy: child\ntitle: Child\n${key}:\n  lang: fr\n  level: 0.9\n`);
    expect(await loadError(child)).toBe(`proto-${key}.yaml, line 4 (${key}): "${key}" cannot be a key of a study file; remove it.`);
  });

  it("refuses them nested, and in a base file", async () => {
    const base = await write("proto-base.yaml", `${minimal}baselines:\n  national:\n    __proto__: { value: 1 }\n`);
    expect(await loadError(base)).toBe(
      `proto-base.yaml, line 7 (baselines.national.__proto__): "__proto__" cannot be a key of a study file; remove it.`,
    );
    const child = await write("proto-child.yaml", "extends: proto-base.yaml\nstudy: child\ntitle: Child\n");
    expect(await loadError(child)).toMatch(/^proto-base\.yaml, line 7 \(baselines\.national\.__proto__\): /);
  });
});

describe("documents built to exhaust the loader", () => {
  it("refuses a YAML alias bomb in one sentence", async () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      lines.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? "*a" : `*l${i - 1}`)
          .join(", ")}]`,
      );
    expect(await loadError(await write("bomb.yaml", `${lines.join("\n")}\n`))).toBe(
      "bomb.yaml: YAML aliases (*name) expand to more than 100 copies, which could exhaust memory; write the values out instead.",
    );
  });

  const tooDeep = "mappings and lists are nested more than 64 levels deep; flatten them (see docs/study-file.md).";

  it("refuses conditions nested 5,000 deep", async () => {
    const condition = `${"{ not: ".repeat(5000)}{ field: x, equals: 1 }${" }".repeat(5000)}`;
    const study = `${minimal}indicators:\n  - { id: i, label: I, dataset: survey, kind: proportion, when: ${condition} }\n`;
    expect(await loadError(await write("deep-flow.yaml", study))).toBe(`deep-flow.yaml, line 6: ${tooDeep}`);
  });

  it("refuses JSON mappings nested 5,000 deep", async () => {
    const json = `{"study": "x", "title": "X", "extra": ${'{"a": '.repeat(5000)}1${"}".repeat(5000)}}`;
    expect(await loadError(await write("deep.json", json))).toBe(`deep.json, line 1: ${tooDeep}`);
  });

  it("refuses block mappings nested past the limit, naming where", async () => {
    const block = Array.from({ length: 100 }, (_, i) => `${"  ".repeat(i + 1)}a:`).join("\n");
    expect(await loadError(await write("deep-block.yaml", `${minimal}notes:\n${block} 1\n`))).toBe(
      `deep-block.yaml, line 69 (notes.a.a…): ${tooDeep}`,
    );
  });
});
