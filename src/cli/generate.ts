import path from "node:path";
import { makeFolder, outputError } from "../output/index.js";
import { writeStudy } from "../synth/index.js";
import { MIN_ROWS, WAVES } from "../synth/index.js";
import { CliError, EXIT_BAD_REQUEST, EXIT_OK } from "./errors.js";
import { cliMessages, type Lang } from "./i18n/index.js";
import type { Io } from "./io.js";
import { withPlainFileErrors } from "./outputs.js";
import { parsePositiveInteger, parseSeed } from "./parse-options.js";

/**
 * The most questionnaire rows one run generates: each file is built as one string before it is
 * written, and a JavaScript string holds at most about 512 million characters (some 100 per row).
 */
const MAX_ROWS = 4_000_000;

export async function runGenerate(dir: string, opts: { seed?: string; rows: string; wave: string; lang?: Lang }, io: Io): Promise<number> {
  const wave = parsePositiveInteger(opts.wave, "--wave");
  if (!WAVES[wave]) throw new CliError((t) => t.unknownWave(opts.wave, Object.keys(WAVES).join(", ")), EXIT_BAD_REQUEST);
  // Each wave is its own draw: by default the seed is the wave's year (the bundled fixtures).
  const seed = parseSeed(opts.seed ?? String(wave));
  const rows = parsePositiveInteger(opts.rows, "--rows");
  if (rows < MIN_ROWS || rows > MAX_ROWS) throw new CliError((t) => t.rowsRange(opts.rows, MIN_ROWS, MAX_ROWS), EXIT_BAD_REQUEST);
  const target = path.resolve(io.cwd, dir);
  // The folder first, so a file in the way or a read-only mount is named as such.
  const written = await withPlainFileErrors(io, async () => {
    await makeFolder(target);
    return writeStudy(target, { seed, rows, wave }).catch((error: NodeJS.ErrnoException) => {
      throw outputError("write", error.path ?? target, error);
    });
  });
  io.stderr(`${cliMessages(opts.lang ?? "en").generated(written.length, dir, wave, seed, rows)}\n`);
  return EXIT_OK;
}
