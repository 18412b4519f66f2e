import path from "node:path";
import { fileURLToPath } from "node:url";
import { cli, type CliRun } from "../cli/run.js";

export const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const STUDY_2014 = "data-schemas/connexions-solidaires-2014/study.yaml";
export const STUDY_2015 = "data-schemas/connexions-solidaires-2015/study.yaml";
export const UNIVERSE_CHANGED = "test/waves/studies/universe-changed-2015.yaml";
export const UNHARMONISED = "test/waves/studies/unharmonised-2015.yaml";
export const REPORT_DIR = "reports/connexions-solidaires-2014-vs-2015";
export const STEM = "connexions-solidaires-2014-vs-connexions-solidaires-2015";

/** A whole command, in-process, as a user would run it from `cwd`. */
export const run = (args: string[], cwd = root): Promise<CliRun> => cli(args, { cwd });
