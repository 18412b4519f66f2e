// The estimation context's reused rooms: a row set written in the same room by a later indicator
// is a new view, and the facts kept per row set never answer for it.
import { describe, expect, test } from "vitest";
import { buildDesign, EstimationContext } from "../../src/estimate/index.js";

const design = buildDesign({ n: 6, ids: [["a", "a", "b", "b", "c", "c"]] });
const codes = Int8Array.from([0, 1, 0, 1, 0, 1]);

describe("EstimationContext", () => {
  test("splitByLevel keeps the last split for the same row set and grouping", () => {
    const ctx = new EstimationContext(design);
    const rows = Int32Array.from([0, 1, 2, 3]);
    const parts = ctx.splitByLevel(rows, codes, 2);
    expect(parts.map((p) => [...p])).toEqual([
      [0, 2],
      [1, 3],
    ]);
    expect(ctx.splitByLevel(rows, codes, 2)).toBe(parts);
  });

  test("a row set rewritten in the context's room by the next indicator gets its own split and df", () => {
    const ctx = new EstimationContext(design);
    const room = ctx.keptRowsRoom();
    room.set([0, 1, 2, 3]);
    const first = room.subarray(0, 4);
    expect(ctx.splitByLevel(first, codes, 2).map((p) => [...p])).toEqual([
      [0, 2],
      [1, 3],
    ]);
    expect(ctx.dfOfRows(first, () => 1)).toBe(1);
    // The next indicator keeps other rows, in the same room.
    room.set([2, 3, 4, 5]);
    const next = ctx.keptRowsRoom().subarray(0, 4);
    expect(ctx.splitByLevel(next, codes, 2).map((p) => [...p])).toEqual([
      [2, 4],
      [3, 5],
    ]);
    expect(ctx.dfOfRows(next, () => 2)).toBe(2);
    expect(ctx.keptRowsRoom()).toBe(room);
  });
});
