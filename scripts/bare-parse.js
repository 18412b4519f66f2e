// The floor for `npm run bench`: a bare streaming parse of a CSV file with papaparse, keeping
// nothing. Prints one JSON line: { rows, seconds, maxRssKb }.
// Usage: node scripts/bare-parse.js FILE
import { createReadStream } from "node:fs";
import Papa from "papaparse";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node scripts/bare-parse.js FILE\n");
  process.exit(2);
}
const start = performance.now();
let rows = 0;
await new Promise((resolve, reject) => {
  Papa.parse(createReadStream(file), {
    step: () => {
      rows++;
    },
    complete: resolve,
    error: reject,
  });
});
const seconds = (performance.now() - start) / 1000;
process.stdout.write(`${JSON.stringify({ rows: rows - 1, seconds, maxRssKb: process.resourceUsage().maxRSS })}\n`);
