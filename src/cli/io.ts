import { fullCollection } from "./full-collection.js";

/** Where a command writes: injected so whole commands run in-process in tests. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * stderr unchanged, for the progress bar's own cursor controls; `main` makes `stderr` show
   * control characters as escapes, and the bar falls back to `stderr` where this is not set.
   */
  terminal?: (text: string) => void;
  /** Colour and progress only on a terminal, and never with NO_COLOR. */
  color: boolean;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** What `--data NAME=-` reads; absent in tests that give none. */
  stdin?: NodeJS.ReadableStream;
  /**
   * A full garbage collection, run once the datasets are read and before estimation starts
   * (`runStudy`). Reading a file of a million text ids leaves their dead key index (some 100 MB
   * of heap), which V8 would otherwise collect only after estimation has allocated its working
   * memory beside it: the two added up at the peak. Absent in tests that do not ask for it.
   */
  collectGarbage?: () => void;
}

/**
 * A writer that goes quiet once its reader has gone (`exclusion-study validate | head`): the
 * command still finishes and exits with its own code, without an EPIPE stack trace.
 */
function quietOnClose(stream: NodeJS.WriteStream): (text: string) => void {
  let open = true;
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    open = false;
  });
  return (text) => {
    if (open) stream.write(text);
  };
}

export function processIo(): Io {
  const env = process.env;
  return {
    stdout: quietOnClose(process.stdout),
    stderr: quietOnClose(process.stderr),
    color: Boolean(process.stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== "dumb",
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env,
    cwd: process.cwd(),
    stdin: process.stdin,
    collectGarbage: fullCollection(),
  };
}

/**
 * C0 and C1 control characters (and DEL), except the tab and the newline that lay out a message:
 * a study key, a condition value or a column name can hold an escape sequence, and printed raw it
 * would recolour, move or erase what the terminal shows.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text safe to print on a terminal: each control character shown as its escape, e.g. `\x1b`. */
export function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
