import type { OpenedCsv } from "../ingest/index.js";

type Source = Pick<OpenedCsv, "header" | "batches">;

/**
 * A dataset's `constants: { FIELD: VALUE }` add columns an export lacks, with one value for
 * every row: a QDA tool's export per coder has no coder column, so the study states it.
 * The header and each record get the columns appended, so validation sees an ordinary file.
 */
export function withConstantColumns(source: Source, constants: Readonly<Record<string, string | number | boolean>>): Source {
  const names = Object.keys(constants);
  if (names.length === 0) return source;
  const values = names.map((n) => String(constants[n]));
  const width = source.header.names.length;
  const batches = source.batches;
  return {
    header: { ...source.header, names: [...source.header.names, ...names] },
    batches: {
      async *[Symbol.asyncIterator]() {
        // A ragged row is passed on as it is: the validator reports it as such.
        for await (const batch of batches)
          yield batch.map((r) => (r.cells.length === width ? { line: r.line, cells: [...r.cells, ...values] } : r));
      },
    },
  };
}
