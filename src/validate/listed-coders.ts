import { isMissing, readableValue } from "../vocabulary/index.js";
import { addIssue } from "./issue-log.js";
import { rejectAcceptedRows } from "./reject-rows.js";
import type { ValidatedTable } from "./validate.js";

export interface ListedCodersSpec {
  /** Codings: the interview key and the coder fields. */
  codingInterview: string;
  codingCoder: string;
  /** Interviews: the key and the field listing each interview's coders. */
  interviewId: string;
  coders: string;
  separator: string;
}

/**
 * A coding row by a coder the interviews table does not list for that interview would make
 * agreement statistics lie (who coded what must come from the list, never from coding rows):
 * such rows are rejected with their line, like any other bad row.
 */
export function rejectUnlistedCoders(codings: ValidatedTable, interviews: ValidatedTable, spec: ListedCodersSpec): ValidatedTable {
  const col = (t: ValidatedTable, f: string): number | undefined => t.fieldIndex.get(f);
  const [ci, cc, ii, il] = [
    col(codings, spec.codingInterview),
    col(codings, spec.codingCoder),
    col(interviews, spec.interviewId),
    col(interviews, spec.coders),
  ];
  if (ci === undefined || cc === undefined || ii === undefined || il === undefined) return codings;
  const listed = new Map<string, Set<string>>();
  for (const row of interviews.rows) {
    const id = row[ii];
    const list = row[il];
    if (id === undefined || isMissing(id) || list === undefined || isMissing(list)) continue;
    listed.set(
      String(id),
      new Set(
        String(list)
          .split(spec.separator)
          .map((c) => c.trim()),
      ),
    );
  }
  const reasons = new Map<number, string[]>();
  codings.rows.forEach((row, r) => {
    const interview = row[ci];
    const coder = row[cc];
    if (interview === undefined || coder === undefined || isMissing(interview) || isMissing(coder)) return;
    const coders = listed.get(String(interview));
    // An unknown interview is the foreign key's business.
    if (!coders || coders.has(String(coder))) return;
    const line = codings.lines.at(r);
    const value = readableValue(String(coder));
    // The interview id stays out of the message: reports never show interview ids (the line
    // number finds the row).
    const detail = codings.texts.coderNotListed(value, spec.coders, interviews.dataset);
    addIssue(codings, {
      code: "foreign-key",
      severity: "error",
      line,
      field: spec.codingCoder,
      value,
      message: codings.texts.located(line, spec.codingCoder, detail),
    });
    reasons.set(r, [codings.texts.fieldReason(spec.codingCoder, detail)]);
  });
  return rejectAcceptedRows(codings, reasons);
}
