import type { z } from "zod";
import { ONE_TEST } from "../conditions/index.js";
import { en, type StudyMessages } from "./messages/en.js";

/** A refusal's sentence as a function of the run's catalogue: zod checks before the language is known. */
export type Say = (m: StudyMessages) => string;

/**
 * The params of a zod refinement whose sentence a catalogue words: zod's `message` keeps the
 * English one, and `say` words it again in the run's language when the study file is refused
 * (./load.ts).
 */
export function refusal(say: Say): { message: string; params: { say: Say } } {
  return { message: say(en), params: { say } };
}

/** The sentence of a refinement made with `refusal` (or a condition's, by its code), in the run's language (or null). */
export function sayRefusal(issue: z.core.$ZodIssue, m: StudyMessages): string | null {
  if (issue.code !== "custom") return null;
  if (issue.params?.code === ONE_TEST) return m.conditionOneTest;
  const say: unknown = issue.params?.say;
  return typeof say === "function" ? (say as Say)(m) : null;
}
