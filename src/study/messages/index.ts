import { en, type StudyMessages } from "./en.js";
import { fr } from "./fr.js";

const catalogues = { en, fr } satisfies Record<"en" | "fr", StudyMessages>;

/** The sentences of a study file that cannot be used, in one language (English by default). */
export function studyMessages(lang: "en" | "fr" = "en"): StudyMessages {
  return catalogues[lang];
}
