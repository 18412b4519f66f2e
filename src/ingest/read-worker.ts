import { parentPort, workerData } from "node:worker_threads";
import { IngestError } from "./errors.js";
import { RingWriter, SLOTS } from "./batch-ring.js";
import { waitForSlot } from "./flow.js";
import { openCsv } from "./open-csv.js";
import type { ThreadedMessage, WorkerSourceOptions } from "./threaded.js";

/**
 * The reading thread of `openCsvThreaded`: opens the file as `openCsv` does and posts each
 * batch of byte-range records through a ring of shared memory (batch-ring.ts), at most a ring's
 * length ahead of the main thread (flow.ts).
 */
const port = parentPort;
if (port === null) throw new Error("read-worker runs as a worker thread");

// Keeps this thread alive once it has posted everything: the main thread ends it.
port.on("message", () => undefined);

const post = (message: ThreadedMessage): void => port.postMessage(message);

async function run({ flow, ...options }: WorkerSourceOptions & { flow: Int32Array }): Promise<void> {
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
  const ring = new RingWriter();
  for await (const batch of csv.byteBatches) {
    waitForSlot(flow, sent++, SLOTS);
    post({ type: "batch", ...ring.write(batch), bytesRead, records, issues: newIssues() });
  }
  post({ type: "end", sha256: csv.sha256(), bytesRead, records, issues: newIssues() });
}

run(workerData as WorkerSourceOptions & { flow: Int32Array }).catch((err: unknown) => {
  const error =
    err instanceof IngestError
      ? { kind: err.kind, file: err.file, line: err.line, code: err.code, message: err.message }
      : { kind: null, file: null, line: null, code: null, message: err instanceof Error ? err.message : String(err) };
  post({ type: "error", error });
});
