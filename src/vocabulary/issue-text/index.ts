import { en, type IssueTexts } from "./en.js";
import { fr } from "./fr.js";

export type { IssueTexts };

const catalogues = { en, fr } satisfies Record<"en" | "fr", IssueTexts>;

/** The sentences of issues and rejection reasons in one language (English by default). */
export function issueTexts(lang: "en" | "fr" = "en"): IssueTexts {
  return catalogues[lang];
}
