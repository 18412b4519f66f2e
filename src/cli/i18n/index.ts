import { type CliMessages, en } from "./en.js";
import { fr } from "./fr.js";

/** The report languages: the study result's `lang`. */
export type Lang = "en" | "fr";

const catalogues: Record<Lang, CliMessages> = { en, fr };

/** The commands' own lines in one language. */
export function cliMessages(lang: Lang): CliMessages {
  return catalogues[lang];
}
