import { writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../../cli/run.js";

/**
 * The law of `init DATA`: the schema it infers accepts every row of the file it was inferred
 * from (rows read = rows accepted), and the study it writes reports with no edit, whatever the
 * columns: integers, numbers with either decimal mark and thousands groups, dates, yes/no pairs,
 * categories, free text, blanks, missing-value tokens and sentinels, under either delimiter.
 */

type Mark = "." | ",";

const group = (digits: string, sep: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

const integerCell = (mark: Mark) =>
  fc.tuple(fc.integer({ min: -5000, max: 2_000_000 }), fc.boolean()).map(([n, grouped]) => {
    const sign = n < 0 ? "-" : "";
    const digits = String(Math.abs(n));
    return grouped ? sign + group(digits, mark === "," ? " " : ",") : sign + digits;
  });

const decimalCell = (mark: Mark) =>
  fc.tuple(fc.integer({ min: -100_000, max: 10_000_000 }), fc.boolean()).map(([cents, grouped]) => {
    const sign = cents < 0 ? "-" : "";
    const abs = Math.abs(cents);
    const whole = String(Math.floor(abs / 100));
    const frac = String(abs % 100).padStart(2, "0");
    return `${sign}${grouped ? group(whole, mark === "," ? " " : ",") : whole}${mark}${frac}`;
  });

const dateCell = (iso: boolean) =>
  fc.date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => {
    const [y, m, day] = d.toISOString().slice(0, 10).split("-");
    return iso ? `${y}-${m}-${day}` : `${day}/${m}/${y}`;
  });

const yesNoCell = fc
  .constantFrom(["oui", "non"], ["Yes", "No"], ["true", "false"])
  .chain(([y, n]) => fc.constantFrom(y, n, y.toUpperCase()));
const categoryCell = fc.constantFrom("Paris", "Lyon", "Hébergé", "rue", "0-17", "18+");
const textCell = fc.string({ unit: fc.constantFrom("a", "é", " ", ",", ";", '"', "1", "-", ".", "\n", "x", "Z"), maxLength: 12 });
const binaryCell = fc.constantFrom("0", "1");

const columnKinds = ["integer", "decimal", "date-iso", "date-fr", "yesno", "category", "text", "binary"] as const;
type Kind = (typeof columnKinds)[number];

function cellOf(kind: Kind, mark: Mark): fc.Arbitrary<string> {
  switch (kind) {
    case "integer":
      return integerCell(mark);
    case "decimal":
      return decimalCell(mark);
    case "date-iso":
      return dateCell(true);
    case "date-fr":
      return dateCell(false);
    case "yesno":
      return yesNoCell;
    case "category":
      return categoryCell;
    case "text":
      return textCell;
    case "binary":
      return binaryCell;
  }
}

/** A cell, sometimes blank, a missing-value token or a sentinel. */
const withGaps = (cell: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 12, arbitrary: cell }, { weight: 1, arbitrary: fc.constantFrom("", " ", "NSP", "NR", "N/A", "-99", "99", "x") });

const names = ["Âge", "Poids", "N° questionnaire", "weight", "strate", "psu", "Ressources (€)", "q1", "Q1 ", "2015"];

const table = fc
  .record({
    mark: fc.constantFrom<Mark>(".", ","),
    delimiter: fc.constantFrom(",", ";"),
    // Two columns at least: a one-column file has no delimiter to sniff, and its blank cells are blank lines.
    kinds: fc.array(fc.constantFrom(...columnKinds), { minLength: 2, maxLength: 6 }),
    rows: fc.integer({ min: 0, max: 30 }),
  })
  .chain(({ mark, delimiter, kinds, rows }) =>
    fc.record({
      delimiter: fc.constant(delimiter),
      header: fc.constant(kinds.map((_, i) => `${names[i % names.length]}${i >= names.length ? i : ""}`)),
      body: fc.array(fc.tuple(...kinds.map((k) => withGaps(cellOf(k, mark)))), { minLength: rows, maxLength: rows }),
    }),
  );

describe("init's inferred schema", () => {
  it("accepts every row of the file it was inferred from, and the study reports with no edit", async () => {
    await fc.assert(
      fc.asyncProperty(table, async ({ delimiter, header, body }) => {
        const dir = await tempDir();
        const file = path.join(dir, "data.csv");
        await writeFile(file, stringify([header, ...body], { delimiter, quoted_match: /^\s|\s$/ }));
        const init = await cli(["init", file, "--out", path.join(dir, "study")]);
        expect(init.code, init.stderr).toBe(0);
        const study = path.join(dir, "study", "study.yaml");
        const v = await cli(["validate", study, "--json"]);
        const summary = JSON.parse(v.stdout).datasets[0];
        // A row whose every cell is blank once trimmed (a spreadsheet's ;;;; line) is skipped, not read (README).
        const rows = body.filter((row) => row.some((c) => c.trim() !== "")).length;
        expect(summary.rows_read).toBe(rows);
        expect(summary.rows_accepted).toBe(summary.rows_read);
        expect(v.code).toBe(0);
        // One row leaves no variance to estimate, whatever the study.
        if (rows < 2) return;
        const r = await cli(["report", study, "--out", path.join(dir, "report")]);
        expect(r.code, r.stderr).toBe(0);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
