import { describe, expect, test } from "vitest";
import { REJECTED_CELLS_SAMPLE, RejectedRows } from "../../src/validate/index.js";

const row = (line: number, reason = "bad") => ({ line, cells: [`c${line}`], reasons: [reason] });

describe("rejected rows", () => {
  test("every row keeps its line and reasons; cells only for the first rows", () => {
    const rows = new RejectedRows();
    for (let i = 0; i < REJECTED_CELLS_SAMPLE + 5; i++) rows.push(row(i + 2, i % 2 === 0 ? "even" : "odd"));
    expect(rows).toHaveLength(REJECTED_CELLS_SAMPLE + 5);
    expect(rows.at(0)).toEqual({ line: 2, cells: ["c2"], reasons: ["even"] });
    expect(rows.at(REJECTED_CELLS_SAMPLE - 1).cells).toEqual([`c${REJECTED_CELLS_SAMPLE + 1}`]);
    expect(rows.at(REJECTED_CELLS_SAMPLE)).toEqual({ line: REJECTED_CELLS_SAMPLE + 2, cells: [], reasons: ["even"] });
    expect(rows.at(REJECTED_CELLS_SAMPLE + 1).reasons).toEqual(["odd"]);
  });

  test("rows found later merge in line order, with their cells", () => {
    const rows = RejectedRows.from([row(3), row(7)]);
    const merged = rows.merge([row(9, "late"), row(2, "late"), row(5, "late")]);
    expect(merged.toArray()).toEqual([row(2, "late"), row(3), row(5, "late"), row(7), row(9, "late")]);
  });
});
