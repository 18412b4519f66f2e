import { Command, CommanderError, Option } from "commander";
import { CliError, EXIT_BAD_REQUEST, failureJson } from "./errors.js";
import { type Io, visibleControls } from "./io.js";
import { toolVersion } from "./version.js";

/** Shared option definitions: one place, so every command spells them the same way. */
// Repeatable rather than variadic: a variadic option would swallow the study argument after it.
const dataOption = (): Option =>
  new Option("--data <NAME=PATH>", "read dataset NAME from PATH instead of the study file's path (repeatable; PATH - reads standard input)")
    .argParser((value: string, previous: string[]) => [...previous, value])
    .default([]);
const formatOption = (fallback: string): Option =>
  new Option(
    "--format <LIST>",
    `report formats, a comma list of md, png (the charts' PNG copies), html and docx; the JSON is always written (default: ${fallback})`,
  );
const jsonOption = (): Option => new Option("--json", "print the machine-readable result on stdout");
const maxRejectedOption = (): Option =>
  new Option("--max-rejected <N|P%>", "tolerate up to N rejected rows (or P% of rows read) per dataset").default("0");

/**
 * Entry point for every command, taking raw arguments so whole commands are tested in-process.
 * The only place that decides an exit code; modules throw or return data. Each command's module
 * is imported when that command runs, so `--help` loads commander and these definitions only.
 */
export async function main(rawArgs: string[], rawIo: Io): Promise<number> {
  // The one place messages reach stderr: whatever a command prints, no control character of a
  // user's input reaches the terminal raw.
  // Whether anything reached stdout: a command given --json that fails before printing its JSON
  // prints the failure's JSON instead (failureJson), so stdout always holds one JSON document.
  let printed = false;
  const io: Io = {
    ...rawIo,
    stdout: (text) => {
      printed = true;
      rawIo.stdout(text);
    },
    stderr: (text) => rawIo.stderr(visibleControls(text)),
    terminal: rawIo.terminal ?? rawIo.stderr,
  };
  let exitCode = 0;
  /** Set by the commands that take --json, from their parsed options. */
  let json = false;
  const debug = rawArgs.includes("--debug");
  const program = new Command("exclusion-study")
    .description("Turn questionnaire and interview-coding CSVs into validated, design-based, reproducible reports.")
    .version(toolVersion(), "-V, --version")
    .option("--debug", "add a stack trace to error messages")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s) })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Exit codes: 0 success; 1 the data or result is not acceptable (validation errors, a figure
not reproduced, a stale report under --check); 2 the request cannot be carried out.

Without a study file, commands use study.yaml in the working directory, else the bundled 2014 study.`,
    );

  program
    .command("validate")
    .description("check every dataset of a study against its schema; list issues")
    .argument("[study]", "study file (YAML or JSON); default: study.yaml here, else the bundled 2014 study")
    .addOption(dataOption())
    .option("--rejects <DIR>", "write <dataset>.rejects.csv files with the rejected rows to DIR")
    .addOption(maxRejectedOption())
    .addOption(jsonOption())
    .addHelpText("after", "\nExample:\n  $ exclusion-study validate my-study.yaml --rejects out/ --json")
    .action(async (study: string | undefined, opts) => {
      const { runValidate } = await import("./validate.js");
      json = opts.json === true;
      exitCode = await runValidate(study, opts, io);
    });

  program
    .command("report")
    .description("compute every indicator and write the report (Markdown with its charts, HTML) and the JSON result")
    .argument("[study]", "study file (YAML or JSON); default: study.yaml here, else the bundled 2014 study")
    .addOption(dataOption())
    .option("--out <DIR>", "folder for the report files", "reports")
    .addOption(new Option("--lang <LANG>", "report language (default: the study's lang, else en)").choices(["en", "fr"]))
    .addOption(formatOption("the study's format, else md"))
    .option("--check", "write nothing; exit 1 if the files on disk differ from what would be written")
    .addOption(maxRejectedOption())
    .addOption(jsonOption())
    .addHelpText(
      "after",
      "\nExamples:\n  $ exclusion-study report --out reports\n  $ exclusion-study report my-study.yaml --lang fr --out out/\n  $ exclusion-study report --format md,html   # also one self-contained HTML page\n  $ exclusion-study report --format md,docx   # also a Word document\n  $ exclusion-study report --format md,png    # PNG copies of the charts, for pandoc\n  $ exclusion-study report --check   # in CI: fail when reports/ is stale",
    )
    .action(async (study: string | undefined, opts) => {
      const { runReport } = await import("./report.js");
      json = opts.json === true;
      exitCode = await runReport(study, opts, io);
    });

  program
    .command("reproduce")
    .description("compare each published figure with the computed estimate; exit 1 if one is not reproduced")
    .argument("[study]", "study file (YAML or JSON); default: study.yaml here, else the bundled 2014 study")
    .addOption(dataOption())
    .addOption(maxRejectedOption())
    .addOption(jsonOption())
    .addHelpText("after", "\nExample:\n  $ exclusion-study reproduce --json")
    .action(async (study: string | undefined, opts) => {
      const { runReproduce } = await import("./reproduce.js");
      json = opts.json === true;
      exitCode = await runReproduce(study, opts, io);
    });

  program
    .command("compare")
    .description("compare two waves of a study: differences of every shared indicator, with standard errors and p values")
    .argument("<BASE_STUDY>", "study file of the earlier wave")
    .argument("<NEW_STUDY>", "study file of the new wave (often `extends:` the base)")
    .option("--out <DIR>", "folder for <base>-vs-<new>.json and the report files", "reports")
    .addOption(new Option("--lang <LANG>", "report language (default: the base study's lang)").choices(["en", "fr"]))
    .addOption(formatOption("the base study's format, else md"))
    .option("--check", "write nothing; exit 1 if the files on disk differ from what would be written")
    .addOption(jsonOption())
    .addHelpText(
      "after",
      "\nExamples:\n  $ exclusion-study compare data-schemas/connexions-solidaires-2014/study.yaml data-schemas/connexions-solidaires-2015/study.yaml --out reports/connexions-solidaires-2014-vs-2015\n  $ exclusion-study compare 2014.yaml 2015.yaml --lang fr --out reports/ --check   # in CI: exit 1 when stale\n\nSee docs/waves.md.",
    )
    .action(async (baseStudy: string, newStudy: string, opts) => {
      const { runCompare } = await import("./compare.js");
      json = opts.json === true;
      exitCode = await runCompare(baseStudy, newStudy, opts, io);
    });

  program
    .command("init")
    .description(
      "start a study file: from a data file alone (schema inferred), from a data file and its XLSForm (--xlsform), or as a new wave of an existing study",
    )
    .argument("<BASE_STUDY|DATA>", "the previous wave's study file, or (alone, or with --xlsform) the data file to start a study from")
    .argument("[DATA]", "the new wave's export, when a base study is given")
    .option("--dataset <NAME>", "dataset the data replaces (default: the first dataset with a design, else the first); alone: its name")
    .option("--xlsform <FORM>", "the survey's XLSForm (KoboToolbox, ODK): the schema comes from the form, not from inference")
    .option("--sheet <NAME|INDEX>", "a workbook's sheet: its name, or its position from 1 (default: the first)")
    .option("--header-row <N>", "the workbook row holding the column names (default: found below any title rows)")
    .option(
      "--out <FILE|DIR>",
      "with a base study: write the study file here instead of stdout; alone or with --xlsform: the folder for study.yaml and the schema",
    )
    .option("--force", "overwrite what --out would replace")
    .addHelpText(
      "after",
      "\nExamples:\n  $ exclusion-study init survey.csv --out my-study\n  $ exclusion-study init export.xlsx --sheet Données --header-row 3 --out my-study\n  $ exclusion-study init kobo-export.csv --xlsform form.xlsx --out my-study\n  $ exclusion-study init data-schemas/connexions-solidaires-2014/study.yaml export-2015.csv --out study-2015.yaml\n\nSee docs/from-your-platform.md.",
    )
    .action(async (first: string, second: string | undefined, opts) => {
      // The study init writes reads its data again by path: standard input cannot be read twice.
      if ([first, second, opts.xlsform].includes("-"))
        throw new CliError(
          "init: standard input (-) cannot be a study's data or form, which the study file reads again by path; save it to a file and give its path.",
          EXIT_BAD_REQUEST,
        );
      if (opts.xlsform !== undefined) {
        if (second !== undefined)
          throw new CliError(
            "init: give DATA --xlsform FORM --out DIR (a new study from a form), or BASE_STUDY DATA (a new wave), not both.",
            EXIT_BAD_REQUEST,
          );
        if (opts.sheet !== undefined || opts.headerRow !== undefined)
          throw new CliError(
            "init: --sheet and --header-row apply to DATA --out DIR; with --xlsform, set sheet and header_row in the study file it writes.",
            EXIT_BAD_REQUEST,
          );
        const { runInitFromForm } = await import("./init-xlsform.js");
        exitCode = await runInitFromForm(first, opts.xlsform, opts, io);
        return;
      }
      const { runInit } = await import("./init.js");
      exitCode = await runInit(first, second, opts, io);
    });

  program
    .command("generate")
    .description("write seeded synthetic data in the bundled study's shape")
    .argument("<DIR>", "folder to write questionnaire.csv, youth.csv, interviews.csv and codings.csv to")
    .option("--seed <N>", "random seed (default: the wave's year, as the bundled fixtures)")
    .option("--rows <N>", "questionnaire rows", "1862")
    .option("--wave <YEAR>", "yearly wave: 2014 (the published study) or 2015 (renamed column, new category)", "2014")
    .addHelpText(
      "after",
      "\nExamples:\n  $ exclusion-study generate /tmp/wave --seed 7 --rows 100000\n  $ exclusion-study generate fixtures/connexions-solidaires-2015 --wave 2015",
    )
    .action(async (dir: string, opts) => {
      const { runGenerate } = await import("./generate.js");
      exitCode = await runGenerate(dir, opts, io);
    });

  try {
    await program.parseAsync(rawArgs, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are successes; anything else is a bad request.
      return error.exitCode === 0 ? 0 : EXIT_BAD_REQUEST;
    }
    const cliError = error instanceof CliError ? error : await (await import("./error-mapping.js")).toCliError(error);
    if (json && !printed) io.stdout(failureJson(cliError, []));
    io.stderr(`exclusion-study: ${cliError.message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return cliError.exitCode;
  }
}
