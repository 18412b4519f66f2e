import type { ConditionWords } from "../../conditions/index.js";
import { type Definitions, en } from "./en.js";
import { fr } from "./fr.js";

const catalogues = { en, fr } satisfies Record<"en" | "fr", Definitions>;

/** The codebook's words in the result's language; conditions are read with them too. */
export function definitions(lang: "en" | "fr"): Definitions & ConditionWords {
  return catalogues[lang];
}
