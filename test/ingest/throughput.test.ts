/**
 * Throughput check, off by default: INGEST_BENCH=1 npx vitest run test/ingest/throughput.test.ts
 * Generates a 200k-row × 14-column file, times a bare csv-parse stream over it and openCsv
 * (text records, and byte batches as the validator reads them). Prints; asserts only counts.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse";
import { expect, test } from "vitest";
import { openCsv } from "../../src/ingest/index.js";
import { scanBytes } from "../../src/ingest/scan.js";

const ROWS = Number(process.env.INGEST_BENCH_ROWS ?? 200_000);

function table(): string {
  const lines = [
    "id;age;sex;housing;reception_point;referral_structure;internet_use;has_phone;calls_family_abroad;telecom_spend_eur;monthly_resources_eur;weight;point_population;comment",
  ];
  for (let i = 1; i <= ROWS; i++) {
    const comment = i % 10 === 0 ? `"Très utile; ""merci""\nà bientôt"` : i % 3 === 0 ? "RAS" : "";
    lines.push(
      `${i};${18 + (i % 60)};${i % 2 ? "f" : "m"};hébergé;point-${i % 7};s${i % 800};${["never", "daily", "weekly"][i % 3]};yes;no;${(i % 50) + 10},5;${600 + (i % 900)};1,${i % 9};1500;${comment}`,
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

test.runIf(process.env.INGEST_BENCH)("throughput on a generated file", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ingest-bench-"));
  const path = join(dir, "big.csv");
  try {
    await writeFile(path, table());
    const rate = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString("en");
    // Two rounds: the first includes JIT warm-up, the second is the steady state.
    for (const round of [1, 2]) {
      let t = performance.now();
      let bare = 0;
      for await (const _ of createReadStream(path).pipe(parse({ delimiter: ";", relax_column_count: true }))) bare++;
      const bareMs = performance.now() - t;

      t = performance.now();
      await scanBytes(path, true);
      const scanMs = performance.now() - t;

      t = performance.now();
      const csv = await openCsv({ path });
      let n = 0;
      let heap = 0;
      for await (const record of csv.records) {
        n += record.cells.length > 0 ? 1 : 0;
        if (n % 100_000 === 0) heap = Math.max(heap, process.memoryUsage().heapUsed);
      }
      const oursMs = performance.now() - t;

      // The validator's form: byte-range cells, no string per cell.
      t = performance.now();
      const bytes = await openCsv({ path });
      let m = 0;
      for await (const batch of bytes.byteBatches) m += batch.count;
      const bytesMs = performance.now() - t;
      expect(m).toBe(ROWS);
      expect(n).toBe(ROWS);
      expect(bare).toBe(ROWS + 1);
      console.log(
        `round ${round}, ${ROWS} rows, ${csv.totalBytes} bytes: csv-parse bare ${bareMs.toFixed(0)} ms (${rate(bareMs)} rows/s); ` +
          `openCsv records ${oursMs.toFixed(0)} ms (${rate(oursMs)} rows/s), byteBatches ${bytesMs.toFixed(0)} ms (${rate(bytesMs)} rows/s), first pass alone ${scanMs.toFixed(0)} ms; max heap ${(heap / 2 ** 20).toFixed(0)} MiB`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
