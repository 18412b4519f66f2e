import { en, type ScaffoldComments } from "./en.js";
import { fr } from "./fr.js";

/** The words of the study files `init` writes, in one language (the CLI says some of them too). */
export function scaffoldComments(lang: "en" | "fr"): ScaffoldComments {
  return lang === "fr" ? fr : en;
}
