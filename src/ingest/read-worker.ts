import { parentPort, workerData } from "node:worker_threads";
import { IngestError } from "./errors.js";
import { roomFor } from "./flow.js";
import { openCsv } from "./open-csv.js";
import type { RecordBatch } from "./record-batch.js";
import type { ThreadedMessage, WorkerSourceOptions } from "./threaded.js";

/**
 * The reading thread of `openCsvThreaded`: opens the file as `openCsv` does and posts each
 * batch of byte-range records to the main thread, a bounded number ahead (flow.ts).
 */
const port = parentPort;
if (port === null) throw new Error("read-worker runs as a worker thread");

// Keeps this thread alive while it waits for the main thread (a pending Atomics.waitAsync
// does not); the main thread ends it once it has what it wants.
port.on("message", () => undefined);

const post = (message: ThreadedMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

async function run({ flow: shared, ...options }: WorkerSourceOptions & { flow: Int32Array }): Promise<void> {
  let sent = 0;
  let bytesRead = 0;
  let records = 0;
  const csv = await openCsv({ ...options, onProgress: (read, _total, n) => ((bytesRead = read), (records = n)) });
  post({ type: "opened", encoding: csv.encoding, delimiter: csv.delimiter, header: csv.header, totalBytes: csv.totalBytes, invalidUtf8: csv.invalidUtf8, issues: csv.issues.slice() });
  let issuesSent = csv.issues.length;
  const newIssues = () => {
    const fresh = csv.issues.slice(issuesSent);
    issuesSent = csv.issues.length;
    return fresh;
  };
  for await (const batch of csv.byteBatches) {
    await roomFor(shared, sent);
    sent++;
    const packed = pack(batch);
    post({ type: "batch", ...packed.message, bytesRead, records, issues: newIssues() }, packed.transfer);
  }
  post({ type: "end", sha256: csv.sha256(), bytesRead, records, issues: newIssues() });
}

/** A batch as plain data; its arrays are moved, not copied, to the main thread. */
function pack(batch: RecordBatch) {
  // A chunk may share its memory with other buffers: copy it into memory of its own.
  const bytes = new Uint8Array(batch.bytes);
  const texts: [number, string[]][] = [];
  batch.texts.forEach((cells, r) => {
    if (cells !== undefined) texts.push([r, cells]);
  });
  const owned = (a: Int32Array): Int32Array => (a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : a.slice());
  const lines = owned(batch.lines);
  const firstCell = owned(batch.firstCell);
  const cellStart = owned(batch.cellStart);
  const cellEnd = owned(batch.cellEnd);
  return {
    message: { bytes, count: batch.count, lines, firstCell, cellStart, cellEnd, texts },
    transfer: [bytes.buffer, lines.buffer, firstCell.buffer, cellStart.buffer, cellEnd.buffer] as ArrayBuffer[],
  };
}

run(workerData as WorkerSourceOptions & { flow: Int32Array }).catch((err: unknown) => {
  const error =
    err instanceof IngestError
      ? { kind: err.kind, file: err.file, line: err.line, code: err.code, message: err.message }
      : { kind: null, file: null, line: null, code: null, message: err instanceof Error ? err.message : String(err) };
  post({ type: "error", error });
});
