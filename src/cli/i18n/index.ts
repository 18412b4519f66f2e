import { type CliMessages, en } from "./en.js";
import { fr } from "./fr.js";

/** The report languages: the study result's `lang`. */
export type Lang = "en" | "fr";

const catalogues: Record<Lang, CliMessages> = { en, fr };

/** The commands' own lines in one language. */
export function cliMessages(lang: Lang): CliMessages {
  return catalogues[lang];
}

/**
 * The language a command line asks for with --lang, English without it: the one-sentence error
 * that stops a command is worded in it, even when the study was never read. The last --lang wins,
 * as it does for the command (commander keeps the last value of an option).
 */
export function flagLang(args: readonly string[]): Lang {
  let value: string | undefined;
  args.forEach((a, i) => {
    if (a === "--lang") value = args[i + 1];
    else if (a.startsWith("--lang=")) value = a.slice("--lang=".length);
  });
  return value === "fr" ? "fr" : "en";
}
