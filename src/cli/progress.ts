import type { CliMessages } from "./i18n/en.js";
import { type Io, visibleControls } from "./io.js";

/** Files smaller than this are read too fast for a progress bar to help. */
export const PROGRESS_MIN_BYTES = 16 * 1024 * 1024;
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export type ProgressCallback = (dataset: string, bytesRead: number, totalBytes: number, rows?: number) => void;

/**
 * A progress bar on stderr while large datasets are read (issue 8): bytes read / total, percent,
 * rows/s and MB/s, redrawn at most every 100 ms on one line. Only on a terminal (stderr is a
 * TTY), never with NO_COLOR-style dumb terminals, never for small files: undefined otherwise,
 * so pipes, CI logs and tests see nothing. The line is erased when the dataset is read.
 *
 * Loaded only when stderr is a terminal (`progressFor` in study-request.ts).
 */
export function progressBar(io: Io, t: CliMessages, now: () => number = () => performance.now()): ProgressCallback | undefined {
  if (!io.stderrIsTTY || io.env.TERM === "dumb") return undefined;
  let current: string | null = null;
  let started = 0;
  let lastDraw = 0;
  let drawn = false;
  const draw = io.terminal ?? io.stderr;
  return (dataset, bytesRead, totalBytes, rows) => {
    if (totalBytes < PROGRESS_MIN_BYTES) return;
    const at = now();
    if (dataset !== current) {
      current = dataset;
      started = at;
      lastDraw = Number.NEGATIVE_INFINITY;
    }
    const done = bytesRead >= totalBytes;
    if (done) {
      if (drawn) draw("\r\u001b[2K");
      drawn = false;
      return;
    }
    if (at - lastDraw < REDRAW_MS) return;
    lastDraw = at;
    draw(`\r\u001b[2K${progressLine(dataset, bytesRead, totalBytes, rows, (at - started) / 1000, t)}`);
    drawn = true;
  };
}

/** One line: `questionnaire [#######.....]  45%  48.2/107.6 MB  412,000 rows/s  44.1 MB/s`, in `t`'s language. */
export function progressLine(
  dataset: string,
  bytesRead: number,
  totalBytes: number,
  rows: number | undefined,
  seconds: number,
  t: CliMessages,
): string {
  const share = totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}]`;
  const parts = [`${visibleControls(dataset)} ${bar} ${t.progressShare(Math.floor(share * 100))}`, t.progressBytes(bytesRead, totalBytes)];
  if (seconds > 0) {
    if (rows !== undefined) parts.push(t.progressRows(Math.round(rows / seconds)));
    parts.push(t.progressSpeed(bytesRead / seconds));
  }
  return parts.join("  ");
}
