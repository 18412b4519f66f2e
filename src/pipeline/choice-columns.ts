import type { OpenedCsv, RecordBatch } from "../ingest/index.js";
import { NONE_CHOSEN, type FieldSpec } from "../table-schema/index.js";
import { normaliseLabel } from "../validate/index.js";

type Source = Pick<OpenedCsv, "header" | "batches" | "byteBatches">;

// LimeSurvey writes a ticked option as "Y" (and, with its export option, an unticked one as "N").
const CHOSEN = new Set(["1", "true", "True", "TRUE", "Y"]);
const NOT_CHOSEN = new Set(["0", "false", "False", "FALSE", "N", ""]);

/** One multiple-choice field read from one 0/1 column per choice. */
interface Combined {
  /** File columns, one per choice read, with the choice each stands for. */
  columns: { col: number; choice: string }[];
}

/**
 * KoboToolbox, ODK and other tools export a multiple-choice question as one column of
 * space-separated choices (`q`: "bus car"), as one 0/1 column per choice (`q/bus`, `q_bus`,
 * LimeSurvey's `q[bus]`, or with the group path, `group/q/bus`), or both. A schema field with `multiple: true` reads
 * them as one field: when the file has the field's own column (or a column renamed to it), the
 * per-choice columns are redundant and left out; otherwise they are combined into that column,
 * "1" (or true, or Y) meaning chosen, "0" (or false, or N) not; all 0 is an answer choosing nothing, all
 * blank a missing answer. A per-choice
 * cell that is none of these becomes the choice `CHOICE=CELL` in the answer, which validation
 * rejects naming the field and the cell. The records keep their lines, so every rejected row
 * still points at its line in the file. Byte batches stay byte batches (see combineBatch), so
 * the cells no field reads never become strings.
 */
export function withChoiceColumns(source: Source, fields: readonly FieldSpec[], rename: Readonly<Record<string, string>>): Source {
  const names = source.header.names.map(normaliseLabel);
  const position = new Map<string, number>();
  names.forEach((n, col) => {
    if (!position.has(n)) position.set(n, col);
  });
  const dropped = new Set<number>();
  const combined: Combined[] = [];
  const combinedNames: string[] = [];
  for (const f of fields) {
    if (f.multiple !== true || !f.categories) continue;
    const own = normaliseLabel(f.name);
    const prefixes = [own, ...Object.entries(rename).flatMap(([from, to]) => (normaliseLabel(to) === own ? [normaliseLabel(from)] : []))];
    const columns: Combined["columns"] = [];
    for (const c of f.categories) {
      const choice = String(typeof c === "object" ? c.value : c);
      for (const prefix of prefixes)
        for (const name of [`${prefix}/${choice}`, `${prefix}_${choice}`, `${prefix}[${choice}]`]) {
          const col = position.get(normaliseLabel(name));
          if (col !== undefined && !dropped.has(col)) {
            dropped.add(col);
            columns.push({ col, choice });
          }
        }
    }
    if (prefixes.some((p) => position.has(p)) || columns.length === 0) continue;
    combined.push({ columns });
    combinedNames.push(f.name);
  }
  if (dropped.size === 0) return source;
  const width = names.length;
  const kept = names.map((_, col) => col).filter((col) => !dropped.has(col));
  const batches = source.batches;
  const byteBatches = source.byteBatches;
  return {
    header: { ...source.header, names: [...kept.map((col) => source.header.names[col] as string), ...combinedNames] },
    batches: {
      async *[Symbol.asyncIterator]() {
        // A ragged row is passed on as it is: the validator reports it as such.
        for await (const batch of batches)
          yield batch.map((r) =>
            r.cells.length === width
              ? {
                  line: r.line,
                  cells: [...kept.map((col) => r.cells[col] as string), ...combined.map((c) => answer(c, (col) => r.cells[col] as string))],
                }
              : r,
          );
      },
    },
    byteBatches: {
      async *[Symbol.asyncIterator]() {
        for await (const batch of byteBatches) yield combineBatch(batch, width, kept, combined);
      },
    },
  };
}

/** Only ASCII answers are appended as bytes: their bytes are the same in every encoding read. */
const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * The batch as `batches` would give it, its cells still byte ranges: a record's kept cells keep
 * their ranges and its answers are appended to a copy of the bytes. A record the parser read, or
 * one with an answer that is not ASCII, is given as text; a ragged one as it is.
 */
function combineBatch(batch: RecordBatch, width: number, kept: readonly number[], combined: readonly Combined[]): RecordBatch {
  const { bytes, firstCell, cellStart, cellEnd, decode } = batch;
  // A record gives at most its own cells and one answer per combined field: the ranges fit in
  // arrays sized once (growing a list of numbers by a push per cell cost more than the parse).
  const room = firstCell[batch.count]! - firstCell[0]! + batch.count * combined.length;
  const starts = new Int32Array(room);
  const ends = new Int32Array(room);
  let n = 0;
  const first = new Int32Array(batch.count + 1);
  const texts: (string[] | undefined)[] = [];
  const appended: string[] = [];
  let end = bytes.length;
  let f = 0;
  const cellText = (col: number): string => decode(bytes, cellStart[f + col]!, cellEnd[f + col]!);
  for (let r = 0; r < batch.count; r++) {
    first[r] = n;
    const text = batch.texts[r];
    f = firstCell[r]!;
    if (text !== undefined) {
      texts[r] =
        text.length === width
          ? [...kept.map((col) => text[col] as string), ...combined.map((c) => answer(c, (col) => text[col] as string))]
          : text;
      continue;
    }
    const count = firstCell[r + 1]! - f;
    if (count !== width) {
      starts.set(cellStart.subarray(f, f + count), n);
      ends.set(cellEnd.subarray(f, f + count), n);
      n += count;
      continue;
    }
    const answers = combined.map((c) => answer(c, cellText));
    if (answers.some((a) => NOT_ASCII.test(a))) {
      texts[r] = [...kept.map(cellText), ...answers];
      continue;
    }
    for (let k = 0; k < kept.length; k++) {
      starts[n] = cellStart[f + kept[k]!]!;
      ends[n] = cellEnd[f + kept[k]!]!;
      n++;
    }
    for (const a of answers) {
      appended.push(a);
      starts[n] = end;
      end += a.length;
      ends[n] = end;
      n++;
    }
  }
  first[batch.count] = n;
  return {
    bytes: appended.length > 0 ? Buffer.concat([bytes, Buffer.from(appended.join(""), "latin1")]) : bytes,
    count: batch.count,
    lines: batch.lines,
    firstCell: first,
    cellStart: starts.subarray(0, n),
    cellEnd: ends.subarray(0, n),
    texts,
    decode,
  };
}

/** The space-separated answer of one row's per-choice cells: "" when all are blank, NONE_CHOSEN when all are 0. */
function answer(c: Combined, cellAt: (col: number) => string): string {
  const chosen: string[] = [];
  let blank = true;
  for (const { col, choice } of c.columns) {
    const cell = cellAt(col).trim();
    if (cell !== "") blank = false;
    if (CHOSEN.has(cell)) chosen.push(choice);
    else if (!NOT_CHOSEN.has(cell)) chosen.push(`${choice}=${cell}`);
  }
  return blank ? "" : chosen.length === 0 ? NONE_CHOSEN : chosen.join(" ");
}
