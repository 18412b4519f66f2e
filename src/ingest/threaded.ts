import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { Issue } from "../validate/issues.js";
import { cellDecoder } from "./decode.js";
import { IngestError } from "./errors.js";
import { RingReader, type SlotNote } from "./batch-ring.js";
import { newFlow, released } from "./flow.js";
import { recordViews, type CsvSourceOptions, type OpenedCsv } from "./open-csv.js";
import type { RecordBatch } from "./record-batch.js";

/**
 * `openCsv` on a second thread: reading, hashing and splitting the bytes (read-worker.ts) run
 * beside the main thread's casting and validation, which is where a big file's time goes. The
 * records, issues, errors and hash are those of `openCsv`; only the work is elsewhere. Worth it
 * for big files only: a thread costs some 30–50 ms to start.
 */

export type WorkerSourceOptions = Omit<CsvSourceOptions, "onProgress">;

type ErrorData = { kind: "request" | "data" | null; file: string | null; line: number | null; code: IngestError["code"] | null; message: string };
type Progress = { bytesRead: number; records: number; issues: Issue[] };
export type ThreadedMessage =
  | { type: "opened"; encoding: OpenedCsv["encoding"]; delimiter: string; header: OpenedCsv["header"]; totalBytes: number; invalidUtf8: boolean; issues: Issue[] }
  | ({ type: "batch" } & SlotNote & Progress)
  | ({ type: "end"; sha256: string } & Progress)
  | { type: "error"; error: ErrorData };

const toError = (e: ErrorData): Error =>
  e.kind === null || e.file === null || e.code === null ? new Error(e.message) : new IngestError(e.kind, e.file, e.line, e.code, e.message);

/** The compiled reading thread beside this module (absent when the TypeScript sources run as
 * they are, as in tests: callers then read in-process). */
export const READER = new URL("./read-worker.js", import.meta.url);
let available: boolean | undefined;
export const readerAvailable = (): boolean => (available ??= existsSync(READER));

/** `reader` is the compiled read-worker.js; tests running the TypeScript sources name the built one. */
export async function openCsvThreaded(options: CsvSourceOptions, reader = READER): Promise<OpenedCsv> {
  const { onProgress, ...rest } = options;
  const flow = newFlow();
  const worker = new Worker(reader, { workerData: { ...(rest satisfies WorkerSourceOptions), flow } });
  const inbox: ThreadedMessage[] = [];
  let waiting: (() => void) | null = null;
  let failure: Error | null = null;
  const arrived = (): void => {
    waiting?.();
    waiting = null;
  };
  worker.on("message", (m: ThreadedMessage) => {
    inbox.push(m);
    arrived();
  });
  worker.on("error", (err) => {
    failure ??= err instanceof Error ? err : new Error(String(err));
    arrived();
  });
  worker.on("exit", () => {
    failure ??= new Error(`${options.displayName ?? options.path}: the reading thread stopped early.`);
    arrived();
  });
  // The thread keeps the process alive only while the main thread waits for it.
  worker.unref();
  const next = async (): Promise<ThreadedMessage> => {
    while (inbox.length === 0) {
      if (failure !== null) throw failure;
      worker.ref();
      await new Promise<void>((resolve) => (waiting = resolve));
      worker.unref();
    }
    const m = inbox.shift() as ThreadedMessage;
    if (m.type === "error") throw toError(m.error);
    return m;
  };

  let first: ThreadedMessage;
  try {
    first = await next();
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  if (first.type !== "opened") throw new Error("the reading thread answered out of order");
  const opened = first;
  const issues = opened.issues;

  const ring = new RingReader(cellDecoder(opened.encoding === "windows-1252" ? "windows-1252" : "utf-8", opened.invalidUtf8));
  let digest: string | null = null;

  async function* byteBatches(): AsyncGenerator<RecordBatch, void, undefined> {
    try {
      for (;;) {
        const m = await next();
        if (m.type === "opened" || m.type === "error") throw new Error("the reading thread answered out of order");
        issues.push(...m.issues);
        onProgress?.(m.bytesRead, opened.totalBytes, m.records);
        if (m.type === "end") {
          digest = m.sha256;
          return;
        }
        yield ring.read(m);
        // Asked for the next batch: the consumer is done with this one, its slot may be reused.
        released(flow);
      }
    } finally {
      await worker.terminate();
    }
  }
  const file = options.displayName ?? options.path;
  return {
    encoding: opened.encoding,
    delimiter: opened.delimiter,
    header: opened.header,
    ...recordViews(file, byteBatches),
    issues,
    invalidUtf8: opened.invalidUtf8,
    sha256() {
      if (digest === null) throw new Error(`${file}: sha256 is available once all records have been read.`);
      return digest;
    },
    totalBytes: opened.totalBytes,
  };
}
