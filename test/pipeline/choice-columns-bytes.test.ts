// Per-choice columns combined from byte batches must give the table that combining text records
// gives: same values, same rejected rows and cells, same issues, whatever the cells (blank, odd,
// not ASCII, quoted over two lines) and ragged rows.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openCsv } from "../../src/ingest/index.js";
import { withChoiceColumns } from "../../src/pipeline/choice-columns.js";
import type { TableSchema } from "../../src/table-schema/index.js";
import { validateRecords, type ValidatedTable } from "../../src/validate/validate.js";

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "choice-bytes-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const schema = {
  fields: [
    { name: "id", type: "integer" },
    { name: "q", type: "string", multiple: true, categories: ["bus", "car", "bike"] },
    { name: "note", type: "string" },
  ],
  missingValues: [""],
  primaryKey: [],
  foreignKeys: [],
  rowConstraints: [],
} as unknown as TableSchema;

const HEADER = ["id", "q/bus", "q/car", "other", "q/bike", "note"];
const choice = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom("1", "0", "", "Y", "N") },
  { weight: 1, arbitrary: fc.constantFrom("2", "é", " 1", "x\ny", '"') },
);
const cell = fc.constantFrom("", "a", "é", "1,5", "two\nlines", "x");
const fullRow = fc.tuple(fc.nat({ max: 99 }).map(String), choice, choice, cell, choice, cell).map((cells) => [...cells]);
const row = fc.oneof({ weight: 12, arbitrary: fullRow }, { weight: 1, arbitrary: fc.array(cell, { maxLength: HEADER.length + 1 }) });

async function validated(path: string, lane: "bytes" | "text"): Promise<ValidatedTable> {
  const source = withChoiceColumns(await openCsv({ path, delimiter: "," }), schema.fields, {});
  return validateRecords({
    dataset: "t",
    displayName: "t.csv",
    schema,
    header: source.header,
    ...(lane === "bytes" ? { byteBatches: source.byteBatches } : { batches: source.batches }),
  });
}

const comparable = (t: ValidatedTable) => ({
  header: t.header,
  rows: t.rows,
  lines: t.lines.toArray(),
  rejected: t.rejected.toArray(),
  issues: t.issues,
  rowsRead: t.rowsRead,
});

describe("per-choice columns combined from bytes", () => {
  test("give the table combining text records gives", async () => {
    let accepted = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 30 }), async (rows) => {
        const path = join(dir, `f${n++}.csv`);
        await writeFile(path, stringify([HEADER, ...rows], { quoted_match: /[\r\n]/ }));
        const bytes = await validated(path, "bytes");
        const text = await validated(path, "text");
        expect(comparable(bytes)).toEqual(comparable(text));
        accepted += bytes.rows.length;
        rejected += bytes.rejected.length;
      }),
      { numRuns: 200 },
    );
    // The property says something only if both outcomes occur often.
    expect(accepted).toBeGreaterThan(300);
    expect(rejected).toBeGreaterThan(20);
  });
});
