import { Command, CommanderError, Help, Option } from "commander";
import { CliError, EXIT_BAD_REQUEST, failureJson } from "./errors.js";
import { cliMessages, flagLang, type Lang } from "./i18n/index.js";
import type { CliMessages } from "./i18n/en.js";
import { type Io, visibleControls } from "./io.js";
import { toolVersion } from "./version.js";

type HelpTexts = CliMessages["help"];
type Term = { term: string; text: string };

/** Shared option definitions: one place, so every command spells them the same way. */
// Repeatable rather than variadic: a variadic option would swallow the study argument after it.
const dataOption = (h: HelpTexts): Option =>
  new Option(h.data.term, h.data.text).argParser((value: string, previous: string[]) => [...previous, value]).default([]);
const option = ({ term, text }: Term): Option => new Option(term, text);
const langOption = (term: Term): Option => option(term).choices(["en", "fr"]);
const maxRejectedOption = (h: HelpTexts): Option => option(h.maxRejected).default("0");

/**
 * The language of --help and of commander's refusals of a command line: --lang anywhere on it,
 * else the locale's (LC_ALL, then LC_MESSAGES, then LANG) when it is French. Only these follow
 * the locale: what a command prints and writes is in --lang's or the study's language.
 */
function helpLang(args: readonly string[], env: NodeJS.ProcessEnv): Lang {
  if (args.some((a) => a === "--lang" || a.startsWith("--lang="))) return flagLang(args);
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^fr([_.@-]|$)/i.test(locale) ? "fr" : "en";
}

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
  // commander's refusals (and help shown after one), held to be reworded in --lang's language.
  const refusals: string[] = [];
  // Help is built in its language: the descriptions, the placeholders and commander's own words.
  const h = cliMessages(helpLang(rawArgs, rawIo.env)).help;
  const program = new Command("exclusion-study")
    .configureHelp({
      styleTitle: (title) => h.heading(title),
      // commander appends its "(choices: ..., default: ...)" to the description: reworded alone.
      optionDescription(o) {
        return o.description + h.extras(Help.prototype.optionDescription.call(this, o).slice(o.description.length));
      },
      argumentDescription(a) {
        return a.description + h.extras(Help.prototype.argumentDescription.call(this, a).slice(a.description.length));
      },
      // commander wraps at any white space: a no-break space (French, before ":") must hold.
      boxWrap(text, width) {
        const held = text.replace(/\u00a0/g, "\ue000").replace(/\u202f/g, "\ue001");
        return Help.prototype.boxWrap
          .call(this, held, width)
          .replace(/\ue000/g, "\u00a0")
          .replace(/\ue001/g, "\u202f");
      },
    })
    .helpOption("-h, --help", h.helpOption)
    .helpCommand(h.helpCommand, h.helpOption)
    .usage(h.usage)
    .description(h.program)
    .version(toolVersion(), "-V, --version", h.version)
    .option("--debug", h.debug)
    .addOption(langOption(h.programLang))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: (s) => void refusals.push(s), outputError: (s, write) => write(s) })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", h.programAfter);

  // --lang before the command is the command's own (`exclusion-study --lang fr report`). commander
  // reads the program's options anywhere on the line, so a command's --lang may land here too.
  program.hook("preAction", (root, command) => {
    const lang: unknown = root.getOptionValue("lang");
    if (lang !== undefined && command.getOptionValue("lang") === undefined) command.setOptionValue("lang", lang);
  });

  program
    .command("validate")
    .description(h.validate.description)
    .argument(h.study.term, h.study.text)
    .addOption(dataOption(h))
    .addOption(option(h.validate.rejects))
    .addOption(langOption(h.lang(h.validate.lang)))
    .addOption(maxRejectedOption(h))
    .option("--json", h.json)
    .addHelpText("after", h.validate.after)
    .action(async (study: string | undefined, opts) => {
      const { runValidate } = await import("./validate.js");
      json = opts.json === true;
      exitCode = await runValidate(study, opts, io);
    });

  program
    .command("report")
    .description(h.report.description)
    .argument(h.study.term, h.study.text)
    .addOption(dataOption(h))
    .option(h.out, h.report.out, "reports")
    .addOption(langOption(h.lang(h.report.lang)))
    .addOption(option(h.format(h.report.format)))
    .option("--check", h.check)
    .addOption(maxRejectedOption(h))
    .option("--json", h.json)
    .addHelpText("after", h.report.after)
    .action(async (study: string | undefined, opts) => {
      const { runReport } = await import("./report.js");
      json = opts.json === true;
      exitCode = await runReport(study, opts, io);
    });

  program
    .command("reproduce")
    .description(h.reproduce.description)
    .argument(h.study.term, h.study.text)
    .addOption(dataOption(h))
    .addOption(langOption(h.lang(h.reproduce.lang)))
    .addOption(maxRejectedOption(h))
    .option("--json", h.json)
    .addHelpText("after", h.reproduce.after)
    .action(async (study: string | undefined, opts) => {
      const { runReproduce } = await import("./reproduce.js");
      json = opts.json === true;
      exitCode = await runReproduce(study, opts, io);
    });

  program
    .command("compare")
    .description(h.compare.description)
    .argument(h.compare.base.term, h.compare.base.text)
    .argument(h.compare.next.term, h.compare.next.text)
    .option(h.out, h.compare.out, "reports")
    .addOption(langOption(h.compare.lang))
    .addOption(option(h.format(h.compare.format)))
    .option("--check", h.check)
    .option("--json", h.json)
    .addHelpText("after", h.compare.after)
    .action(async (baseStudy: string, newStudy: string, opts) => {
      const { runCompare } = await import("./compare.js");
      json = opts.json === true;
      exitCode = await runCompare(baseStudy, newStudy, opts, io);
    });

  program
    .command("init")
    .description(h.init.description)
    .argument(h.init.first.term, h.init.first.text)
    .argument(h.init.second.term, h.init.second.text)
    .addOption(option(h.init.dataset))
    .addOption(option(h.init.xlsform))
    .addOption(option(h.init.sheet))
    .addOption(option(h.init.headerRow))
    .addOption(option(h.init.out))
    .option("--force", h.init.force)
    .addOption(langOption(h.lang(h.init.lang)))
    .addHelpText("after", h.init.after)
    .action(async (first: string, second: string | undefined, opts) => {
      // The study init writes reads its data again by path: standard input cannot be read twice.
      if ([first, second, opts.xlsform].includes("-")) throw new CliError((t) => t.initStdin, EXIT_BAD_REQUEST);
      if (opts.xlsform !== undefined) {
        if (second !== undefined) throw new CliError((t) => t.initBoth, EXIT_BAD_REQUEST);
        if (opts.sheet !== undefined || opts.headerRow !== undefined) throw new CliError((t) => t.sheetWithForm, EXIT_BAD_REQUEST);
        const { runInitFromForm } = await import("./init-xlsform.js");
        exitCode = await runInitFromForm(first, opts.xlsform, opts, io);
        return;
      }
      const { runInit } = await import("./init.js");
      exitCode = await runInit(first, second, opts, io);
    });

  program
    .command("generate")
    .description(h.generate.description)
    .argument(h.generate.dir.term, h.generate.dir.text)
    .addOption(option(h.generate.seed))
    .addOption(option(h.generate.rows).default("1862"))
    .addOption(option(h.generate.wave).default("2014"))
    .addOption(langOption(h.generate.lang))
    .addHelpText("after", h.generate.after)
    .action(async (dir: string, opts) => {
      const { runGenerate } = await import("./generate.js");
      exitCode = await runGenerate(dir, opts, io);
    });

  try {
    await program.parseAsync(rawArgs, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (refusals.length > 0) {
        io.stderr(
          refusals
            .join("")
            .split("\n")
            .map(cliMessages(helpLang(rawArgs, rawIo.env)).commander)
            .join("\n"),
        );
      }
      // Help and version "errors" are successes; anything else is a bad request.
      return error.exitCode === 0 ? 0 : EXIT_BAD_REQUEST;
    }
    const t = cliMessages(flagLang(rawArgs));
    const cliError = error instanceof CliError ? error.in(t) : await (await import("./error-mapping.js")).toCliError(error, t);
    if (json && !printed) io.stdout(failureJson(cliError, []));
    io.stderr(`exclusion-study: ${cliError.message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return cliError.exitCode;
  }
}
