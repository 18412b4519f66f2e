import type { DatasetResult } from "../../result/index.js";
import type { Ctx } from "../context.js";
import { md, mdCell } from "../escape.js";
import { encodingText, formatCount } from "../format.js";
import { heading, list, table } from "../markdown.js";

/** Issues listed per dataset: enough to see what went wrong, not a dump of the rejects file. */
const MAX_LISTED_ISSUES = 20;

/** File provenance, row reconciliation and issues, per dataset. */
export function quality(ctx: Ctx): string[] {
  return [heading(2, ctx.t.dataQuality), ...ctx.r.datasets.flatMap((d) => dataset(ctx, d))];
}

function dataset(ctx: Ctx, d: DatasetResult): string[] {
  const { t, lang } = ctx;
  const ok = d.rows_read === d.rows_accepted + d.rows_rejected;
  const props = table(t.fileTable, [
    [t.file, mdCell(d.path)],
    [t.sha256, hashCell(d.sha256)],
    [t.encoding, mdCell(encodingText(d.encoding, t.sheetIs))],
    [t.delimiter, t.delimiterNames[d.delimiter] ?? mdCell(JSON.stringify(d.delimiter))],
    [
      t.rows,
      t.rowsReconciliation(formatCount(d.rows_read, lang), formatCount(d.rows_accepted, lang), formatCount(d.rows_rejected, lang), ok),
    ],
    ...(d.blank_rows > 0 ? [[t.blankRows, t.blankRowsSkipped(formatCount(d.blank_rows, lang))]] : []),
    ...decimalRow(ctx, d),
  ]);

  const codes = Object.keys(d.issue_counts).sort();
  const blocks = [heading(3, md(d.name)), props];
  if (codes.length === 0 && d.issues.length === 0) return [...blocks, t.noIssues];

  if (codes.length > 0) {
    blocks.push(
      table(
        t.issuesByCode,
        codes.map((c) => {
          const n = d.issue_counts[c] ?? { errors: 0, warnings: 0 };
          return [mdCell(c), formatCount(n.errors, lang), formatCount(n.warnings, lang)];
        }),
        ["left", "right", "right"],
      ),
    );
  }
  const total = d.issues.length + d.issues_omitted;
  const shown = d.issues.slice(0, MAX_LISTED_ISSUES);
  if (shown.length > 0) {
    blocks.push(t.firstIssues(formatCount(shown.length, lang), formatCount(total, lang)));
    blocks.push(
      table(
        t.issuesTable,
        shown.map((i) => [
          // Line numbers are identifiers, not quantities: no thousands separator.
          i.line === null ? t.none : String(i.line),
          i.field === null ? t.none : mdCell(i.field),
          mdCell(i.code),
          t.severity[i.severity] ?? mdCell(i.severity),
          i.value === null ? t.none : mdCell(i.value),
          mdCell(i.message),
        ]),
        ["right"],
      ),
    );
  }
  if (d.issues_omitted > 0) blocks.push(list([t.issuesOmitted(formatCount(d.issues_omitted, lang))]));
  return blocks;
}

/** The number fields whose decimal mark was detected from the values, by mark; nothing when none was. */
function decimalRow(ctx: Ctx, d: DatasetResult): string[][] {
  const detected = d.decimal_marks.filter((m) => m.source === "detected");
  if (detected.length === 0) return [];
  const fields = (mark: string): string =>
    detected
      .filter((m) => m.mark === mark)
      .map((m) => mdCell(m.field))
      .join(", ");
  return [[ctx.t.decimalMarks, ctx.t.decimalMarksDetected(fields(","), fields("."))]];
}

/** Hashes in a code span (monospace, copyable); anything but hex digits is dropped. */
export function hashCell(sha: string): string {
  const hex = sha.toLowerCase().replace(/[^0-9a-f]/g, "");
  return hex === "" ? "\u2014" : `\`${hex}\``;
}
