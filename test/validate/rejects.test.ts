import { describe, expect, test } from "vitest";
import { parse } from "csv-parse/sync";
import { parseTableSchema } from "../../src/table-schema/index.js";
import iconv from "iconv-lite";
import { rejectsCsv, rejectsDialect } from "../../src/validate/rejects.js";
import { validate } from "./helpers.js";

describe("rejects CSV", () => {
  test("line, reasons, original header and cells; formulas neutralised; quoting", async () => {
    const schema = parseTableSchema({ fields: [{ name: "id", type: "integer" }, { name: "note" }] }, "s.json");
    const t = await validate(
      schema,
      ["\uFEFFid", "note"],
      [
        ['=HYPERLINK("http://x","y")', "ok"],
        ["1", "fine"],
        ["2", "+33 6 12"],
        ["-3", "@SUM(A1)", "\tx"],
        ["", ""],
        ["4", "after the blank row"],
        [" ", ""],
      ],
    );
    const csv = [...rejectsCsv(t).chunks()].join("");
    expect(csv).toBe(
      [
        "line,reasons,id,note",
        `2,"field id: ""=HYPERLINK(""http://x"",""y"")"" is not an integer","'=HYPERLINK(""http://x"",""y"")",ok`,
        `5,"1 cell more than the 2 columns of the header (starting with ""\tx"")",'-3,'@SUM(A1),'\tx`,
        "",
      ].join("\r\n"),
    );
    const back = parse(csv, { relax_column_count: true }) as string[][];
    expect(back[1]?.[2]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(back.every((r) => r.every((c) => !/^[=+\-@\t\r]/.test(c)))).toBe(true);
  });

  test("a BOM on request, for spreadsheets", () => {
    expect([...rejectsCsv({ header: ["a"], rejected: [] }, { bom: true }).chunks()].join("")).toBe("\uFEFFline,reasons,a\r\n");
  });

  test("in the source's dialect: its delimiter, Windows-1252 bytes for a Windows-1252 source", () => {
    const table = {
      header: ["id", "note"],
      rejected: [{ line: 2, reasons: ['field id: "x" is not an integer'], cells: ["x", "été; œuvre"] }],
    };
    const chunks = [...rejectsCsv(table, rejectsDialect({ encoding: "windows-1252", delimiter: ";" })).chunks()];
    expect(chunks.every((c) => c instanceof Uint8Array)).toBe(true);
    const bytes = Buffer.concat(chunks as Uint8Array[]);
    expect(bytes.includes(Buffer.from("é", "utf8"))).toBe(false);
    expect(iconv.decode(bytes, "windows1252")).toBe('line;reasons;id;note\r\n2;"field id: ""x"" is not an integer";x;"été; œuvre"\r\n');
  });

  test("a BOM where Excel needs one: a UTF-8 source with a BOM or `;`; none for a plain UTF-8 comma file", () => {
    expect(rejectsDialect({ encoding: "utf-8", delimiter: ";" })).toEqual({ delimiter: ";", encoding: "utf-8", bom: true });
    expect(rejectsDialect({ encoding: "utf-8-bom", delimiter: "," })).toEqual({ delimiter: ",", encoding: "utf-8", bom: true });
    expect(rejectsDialect({ encoding: "utf-8", delimiter: "," })).toEqual({ delimiter: ",", encoding: "utf-8", bom: false });
    expect(rejectsDialect({ encoding: "windows-1252", delimiter: ";" })).toEqual({ delimiter: ";", encoding: "windows-1252" });
    expect([...rejectsCsv({ header: ["a"], rejected: [] }, rejectsDialect({ encoding: "utf-8", delimiter: "\t" })).chunks()].join("")).toBe(
      "line\treasons\ta\r\n",
    );
  });

  test("made as it is written: the first chunk comes after 10,000 rows, not after all of them", () => {
    let consumed = 0;
    function* rejected() {
      for (let line = 2; line < 25_002; line++) {
        consumed++;
        yield { line, reasons: ["type-error"], cells: ["x"] };
      }
    }
    const chunks = rejectsCsv({ header: ["a"], rejected: rejected() }).chunks();
    const first = chunks.next();
    expect(consumed).toBe(9_999); // the header and 9,999 rows make the first 10,000 lines
    expect((first.value as string).split("\r\n").length).toBe(10_001); // 10,000 lines and the empty tail
    const rest = [...chunks];
    expect(consumed).toBe(25_000);
    expect(rest.join("").split("\r\n").length).toBe(25_000 - 9_999 + 1);
  });
});
