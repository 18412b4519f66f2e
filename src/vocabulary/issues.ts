import { z } from "zod";

/**
 * One vocabulary for everything that can be wrong with input data, after Frictionless'
 * error types. Issues are data: collected, counted, rendered; never thrown.
 */
const issueCodes = [
  "encoding-error",
  "encoding-fallback",
  "source-error",
  "format-error",
  "blank-header",
  "duplicate-label",
  "missing-label",
  "extra-label",
  "blank-row",
  "extra-cell",
  "missing-cell",
  "type-error",
  "constraint-error",
  "unique-error",
  "primary-key",
  "foreign-key",
  "row-constraint",
  "record-too-large",
  "decimal-mark",
] as const;

const issueCodeSchema = z.enum(issueCodes);
export type IssueCode = z.infer<typeof issueCodeSchema>;

const severitySchema = z.enum(["error", "warning"]);
export type Severity = z.infer<typeof severitySchema>;

export const issueSchema = z.object({
  code: issueCodeSchema,
  severity: severitySchema,
  /** Physical line in the file (1-based), null for file-level issues. */
  line: z.number().int().nullable(),
  field: z.string().nullable(),
  /** The offending value, cut to a readable length. */
  value: z.string().nullable(),
  message: z.string(),
});
export type Issue = z.infer<typeof issueSchema>;

const MAX_VALUE_CHARS = 60;

/** Cut a value to a readable length for messages and tables. */
export function readableValue(value: string): string {
  return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS - 1)}…` : value;
}
