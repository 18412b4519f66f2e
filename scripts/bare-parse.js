// The floor for `npm run bench`: a bare streaming parse of a CSV file with papaparse, keeping
// nothing. The file is decoded as the tool decodes it (UTF-8, or Windows-1252 with --encoding).
// Prints one JSON line: { rows, seconds, maxRssKb }.
// Usage: node scripts/bare-parse.js FILE [--encoding utf-8|windows-1252] [--delimiter ";"]
import { createReadStream } from "node:fs";
import { parseArgs } from "node:util";
import iconv from "iconv-lite";
import Papa from "papaparse";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { encoding: { type: "string", default: "utf-8" }, delimiter: { type: "string" } },
});
const file = positionals[0];
if (!file || !["utf-8", "windows-1252"].includes(values.encoding)) {
  process.stderr.write("usage: node scripts/bare-parse.js FILE [--encoding utf-8|windows-1252] [--delimiter D]\n");
  process.exit(2);
}
const start = performance.now();
// Text, not bytes: a UTF-8 character split between two chunks is decoded whole.
const text =
  values.encoding === "windows-1252"
    ? createReadStream(file).pipe(iconv.decodeStream("win1252"))
    : createReadStream(file, { encoding: "utf8" });
let rows = 0;
await new Promise((resolve, reject) => {
  Papa.parse(text, {
    ...(values.delimiter ? { delimiter: values.delimiter } : {}),
    step: () => {
      rows++;
    },
    complete: resolve,
    error: reject,
  });
});
const seconds = (performance.now() - start) / 1000;
process.stdout.write(`${JSON.stringify({ rows: rows - 1, seconds, maxRssKb: process.resourceUsage().maxRSS })}\n`);
