import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTableSchema, MAX_TEXT_FILE_BYTES, SchemaFileError } from "../../src/table-schema/index.js";

/** Schema files that cannot be used are refused in one sentence, before they are parsed. */
const example = path.resolve(import.meta.dirname, "../../docs/examples/weighted/survey.schema.json");
let dir = "";
let json = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "schema-file-"));
  json = await readFile(example, "utf8");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function schemaError(name: string, content?: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  if (content !== undefined) await writeFile(file, content);
  const error = await loadTableSchema(file, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SchemaFileError);
  return (error as Error).message;
}

describe("schema files", () => {
  it("refuses bytes that are not UTF-8, naming the byte, its offset and line", async () => {
    const bytes = Buffer.from(json.replace('"title"', '"titl\u00e9"'), "latin1");
    const offset = bytes.indexOf(0xe9);
    const line = json.slice(0, json.indexOf('"title"')).split("\n").length;
    expect(await schemaError("latin1.schema.json", bytes)).toBe(
      `Schema file latin1.schema.json is not UTF-8 text (byte 0xE9 at offset ${offset}, line ${line}); save it as UTF-8.`,
    );
  });

  it("accepts a UTF-8 byte-order mark, and refuses UTF-16", async () => {
    const bom = path.join(dir, "bom.schema.json");
    await writeFile(bom, `\uFEFF${json}`);
    expect((await loadTableSchema(bom)).fields.length).toBeGreaterThan(0);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]);
    expect(await schemaError("utf16.schema.json", utf16)).toBe("Schema file utf16.schema.json is UTF-16 text; save it as UTF-8.");
  });

  it.skipIf(process.platform === "win32")("refuses a FIFO at once instead of waiting for a writer", async () => {
    execFileSync("mkfifo", [path.join(dir, "fifo.schema.json")]);
    expect(await schemaError("fifo.schema.json")).toBe(
      "Schema file fifo.schema.json is not a regular file (a device, FIFO or socket); give the path of a file.",
    );
  });

  it("refuses a file over the cap", async () => {
    const big = `${json.trimEnd()}${" ".repeat(MAX_TEXT_FILE_BYTES)}\n`;
    expect(await schemaError("big.schema.json", big)).toBe(
      "Schema file big.schema.json is larger than 1,048,576 bytes (1 MiB), the limit for a study or schema file.",
    );
  });

  it("refuses row constraints nested 5,000 deep", async () => {
    const condition = `${'{"not": '.repeat(5000)}{"field": "weight", "gt": 0}${"}".repeat(5000)}`;
    const deep = json.replace(/^\{/, `{"rowConstraints": [{"name": "deep", "message": "m", "require": ${condition}}],`);
    expect(await schemaError("deep.schema.json", deep)).toBe(
      "Schema file deep.schema.json nests objects and lists more than 64 levels deep (at rowConstraints[0].require…): flatten it.",
    );
  });

  it("still says plainly that a file does not exist", async () => {
    expect(await schemaError("nosuch.schema.json")).toBe(
      "Schema file nosuch.schema.json cannot be read (it does not exist): check the path in the study file.",
    );
  });
});
