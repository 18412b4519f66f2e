import path from "node:path";
import { writeStudy } from "../synth/write.js";
import { EXIT_OK } from "./errors.js";
import type { Io } from "./io.js";
import { parsePositiveInteger, parseSeed } from "./parse-options.js";

export async function runGenerate(dir: string, opts: { seed: string; rows: string }, io: Io): Promise<number> {
  const seed = parseSeed(opts.seed);
  const rows = parsePositiveInteger(opts.rows, "--rows");
  const written = await writeStudy(path.resolve(io.cwd, dir), { seed, rows });
  io.stderr(`wrote ${written.length} synthetic files to ${dir} (seed ${seed}, ${rows} questionnaire rows)\n`);
  return EXIT_OK;
}
