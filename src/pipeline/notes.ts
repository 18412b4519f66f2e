import type { EstimateNote, NoteCode } from "../estimate/index.js";
import type { AgreementReason } from "../qualitative/index.js";
import type { Definitions } from "./definitions/en.js";

/** A note worded in the result's language, with its stable code (the result's `warning_codes`). */
export interface WordedNote {
  text: string;
  code: NoteCode;
}

/** Decimal mark of the result's language for the numbers a note quotes. */
const number = (words: Definitions, x: number): string => words.decimal(String(x));

/** One estimation note in the result's language: the catalogue's sentence for its code. */
export function wordNote(words: Definitions, note: EstimateNote): string {
  const n = words.notes;
  switch (note.code) {
    case "lonely-psu":
      return n["lonely-psu"](note.unit, note.stage, note.policy);
    case "no-stratum-to-average":
      return n["no-stratum-to-average"](note.stage);
    case "zero-denominator-excluded":
      return n["zero-denominator-excluded"](note.rows);
    case "exact-bound":
      return n["exact-bound"](note.proportion, note.n);
    case "quantile-bound": {
      const { low, high, lower, upper } = note;
      if (low !== null && high !== null) return n["quantile-bound-both"](number(words, low), number(words, high));
      if (low !== null) return n["quantile-bound-lower"](number(words, low), number(words, upper ?? Number.NaN));
      return n["quantile-bound-upper"](number(words, high ?? Number.NaN), number(words, lower ?? Number.NaN));
    }
    case "overflow":
      return n.overflow(note.part === "variance");
    case "not-converged":
      return n["not-converged"](note.iterations);
    case "no-model-df":
      return n["no-model-df"](note.df, note.coefficients);
    case "replicates-dropped":
      return n["replicates-dropped"](note.count);
    default:
      return n[note.code];
  }
}

export const worded = (words: Definitions, note: EstimateNote): WordedNote => ({ text: wordNote(words, note), code: note.code });

/** The result's `warnings` (sentences) and `warning_codes` (their codes, in the same order). */
export function wordedWarnings(notes: readonly WordedNote[]): { warnings: string[]; warning_codes: string[] } {
  return { warnings: notes.map((w) => w.text), warning_codes: notes.map((w) => w.code) };
}

/** Why an agreement statistic is not available, in the result's language. */
export function agreementReason(words: Definitions, reason: AgreementReason): string {
  if (reason.code === "unequal-raters" && reason.min !== undefined && reason.max !== undefined)
    return words.agreement["unequal-coders"](reason.min, reason.max);
  return words.agreement[reason.code];
}
