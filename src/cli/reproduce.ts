import type { StudyResult } from "../result/index.js";
import { EXIT_NOT_ACCEPTABLE, EXIT_OK } from "./errors.js";
import type { Io } from "./io.js";
import { commandLine } from "./study-request.js";
import { runStudy } from "./study-run.js";

/** The published figures against the computed estimates: what `reproduce --json` prints. */
function reproduction(result: StudyResult) {
  const figures = result.indicators
    .filter((i) => i.published !== undefined)
    .map((i) => ({
      id: i.id,
      label: i.label,
      published: i.published?.value ?? null,
      precision: i.published?.precision ?? null,
      source: i.published?.source ?? null,
      estimate: i.estimate,
      ci: i.ci,
      n: i.n,
      reproduced: i.published?.reproduced ?? false,
      in_ci: i.published?.in_ci ?? false,
    }));
  return {
    study: result.study,
    reproduced: figures.every((f) => f.reproduced),
    data_acceptable: result.acceptance.acceptable,
    figures,
    datasets: result.datasets.map(({ name, path, rows_read, rows_accepted, rows_rejected }) => ({
      name,
      path,
      rows_read,
      rows_accepted,
      rows_rejected,
    })),
  };
}

export async function runReproduce(
  study: string | undefined,
  opts: { data: string[]; maxRejected: string; json?: boolean },
  io: Io,
): Promise<number> {
  const { analysis } = await runStudy(study, opts, commandLine("reproduce", study, []), io);
  const summary = reproduction(analysis.result);
  const { acceptance, datasets } = analysis.result;
  if (opts.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  // The table's libraries (chalk, cli-table3) only when a table is printed.
  else io.stdout((await import("../report/terminal/index.js")).reproductionTable(analysis.result, { color: io.color }));
  if (summary.figures.length === 0) io.stderr("The study states no published figure to reproduce.\n");
  for (const f of summary.figures.filter((x) => !x.reproduced))
    io.stderr(`${f.id}: published ${f.published}, computed ${f.estimate ?? "not available"}: not reproduced.\n`);
  for (const d of datasets.filter((x) => acceptance.failed.includes(x.name))) {
    const codes = acceptance.file_errors[d.name];
    io.stderr(
      codes
        ? `${d.path}: does not match its schema (${codes.join(", ")}).\n`
        : `${d.path}: ${d.rows_rejected.toLocaleString("en-US")} of ${d.rows_read.toLocaleString("en-US")} rows rejected (tolerated: ${acceptance.max_rejected}).\n`,
    );
  }
  return summary.reproduced && acceptance.acceptable ? EXIT_OK : EXIT_NOT_ACCEPTABLE;
}
