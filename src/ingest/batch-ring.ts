import type { RecordBatch } from "./record-batch.js";

/**
 * A ring of SLOTS batches in shared memory between the reading thread and the main thread.
 * Moving each batch's own buffers to the main thread left hundreds of megabytes of spent
 * buffers waiting for the main thread's collector; in the ring the same few buffers are written
 * again and again. The reader writes batch k into slot k mod SLOTS once the main thread has
 * released batch k - SLOTS (flow.ts counts releases), so a batch the main thread holds is never
 * overwritten: it is released when the next one is asked for.
 */
export const SLOTS = 12;

/** Where batch k lies in its slot, sent as a message (the slot's memory is shared, not sent). */
export interface SlotNote {
  slot: number;
  count: number;
  byteLength: number;
  cellCount: number;
  /** Records read by the full parser: their cells as text. */
  texts: [number, string[]][];
  /** New memory for the slot, when the batch did not fit the old one. */
  memory?: { bytes: SharedArrayBuffer; ints: SharedArrayBuffer };
}

/** Int32 fields of a batch in a slot: lines, firstCell, cellStart, cellEnd. */
const intsNeeded = (count: number, cells: number): number => 2 * count + 1 + 2 * cells;

export class RingWriter {
  private readonly bytes: (SharedArrayBuffer | undefined)[] = new Array(SLOTS);
  private readonly ints: (SharedArrayBuffer | undefined)[] = new Array(SLOTS);
  private written = 0;

  /** Copy the batch into its slot. */
  write(batch: RecordBatch): SlotNote {
    const slot = this.written++ % SLOTS;
    const byteLength = batch.bytes.length;
    const first = batch.firstCell[0] ?? 0;
    const cellCount = (batch.firstCell[batch.count] ?? 0) - first;
    let memory: SlotNote["memory"];
    if ((this.bytes[slot]?.byteLength ?? -1) < byteLength || (this.ints[slot]?.byteLength ?? -1) < 4 * intsNeeded(batch.count, cellCount)) {
      // Some room to spare, so a slot is rarely reallocated.
      memory = {
        bytes: new SharedArrayBuffer(Math.max(byteLength * 1.25, this.bytes[slot]?.byteLength ?? 0)),
        ints: new SharedArrayBuffer(4 * Math.ceil(intsNeeded(batch.count, cellCount) * 1.25)),
      };
      this.bytes[slot] = memory.bytes;
      this.ints[slot] = memory.ints;
    }
    new Uint8Array(this.bytes[slot] as SharedArrayBuffer, 0, byteLength).set(batch.bytes);
    const ints = new Int32Array(this.ints[slot] as SharedArrayBuffer);
    let at = 0;
    ints.set(batch.lines.subarray(0, batch.count), at);
    at += batch.count;
    // Cells are renumbered from 0 in the slot.
    for (let r = 0; r <= batch.count; r++) ints[at + r] = batch.firstCell[r]! - first;
    at += batch.count + 1;
    ints.set(batch.cellStart.subarray(first, first + cellCount), at);
    at += cellCount;
    ints.set(batch.cellEnd.subarray(first, first + cellCount), at);
    const texts: [number, string[]][] = [];
    batch.texts.forEach((cells, r) => {
      if (cells !== undefined) texts.push([r, cells]);
    });
    return { slot, count: batch.count, byteLength, cellCount, texts, ...(memory ? { memory } : {}) };
  }
}

export class RingReader {
  private readonly bytes: (SharedArrayBuffer | undefined)[] = new Array(SLOTS);
  private readonly ints: (SharedArrayBuffer | undefined)[] = new Array(SLOTS);

  constructor(private readonly decode: RecordBatch["decode"]) {}

  /** The batch a note describes, as views of its slot: valid until it is released. */
  read(note: SlotNote): RecordBatch {
    if (note.memory) {
      this.bytes[note.slot] = note.memory.bytes;
      this.ints[note.slot] = note.memory.ints;
    }
    const bytes = this.bytes[note.slot];
    const ints = this.ints[note.slot];
    if (bytes === undefined || ints === undefined) throw new Error(`ring slot ${note.slot} has no memory`);
    const { count, cellCount } = note;
    const texts: (string[] | undefined)[] = [];
    for (const [r, cells] of note.texts) texts[r] = cells;
    let at = 0;
    const view = (length: number): Int32Array => {
      const v = new Int32Array(ints, 4 * at, length);
      at += length;
      return v;
    };
    return {
      bytes: Buffer.from(bytes, 0, note.byteLength),
      count,
      lines: view(count),
      firstCell: view(count + 1),
      cellStart: view(cellCount),
      cellEnd: view(cellCount),
      texts,
      decode: this.decode,
    };
  }
}
