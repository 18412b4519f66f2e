import { en, type MissingLabel, type ScaffoldComments } from "./en.js";
import { fr } from "./fr.js";

/** The words of the study files `init` writes, in one language (the CLI says some of them too). */
export function scaffoldComments(lang: "en" | "fr"): ScaffoldComments {
  return lang === "fr" ? fr : en;
}

/** A missing-value code's label as the schema holds it: in the comments' language, with both translations. */
export interface MissingCode {
  value: string;
  label: string;
  labels?: { en: string; fr: string };
}

/**
 * A recognised missing-value code, labelled in `c`'s language and translated into both, so that
 * a report in either language words it (table-schema's `labels`), whatever `--lang` init had.
 */
export function missingCode(value: string, label: MissingLabel, c: ScaffoldComments): MissingCode {
  return { value, label: c.missingLabel(label), labels: { en: en.missingLabel(label), fr: fr.missingLabel(label) } };
}
