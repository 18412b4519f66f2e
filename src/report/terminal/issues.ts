import { Chalk } from "chalk";
import Table from "cli-table3";
import type { DatasetResult } from "../../result/index.js";
import { type Lang, encodingText, formatCount } from "../format.js";
import { messages } from "../i18n/index.js";

/** How many issues `validate` lists per dataset on the terminal; --json has them all (capped). */
const SHOWN = 20;

/**
 * `validate`'s terminal output: per dataset the reconciliation of rows, then the first issues
 * (line, field, code, message). Plain text unless the caller asks for colour.
 */
export function issuesTable(datasets: readonly Omit<DatasetResult, "design">[], options: { color: boolean; lang: Lang }): string {
  const { lang } = options;
  const t = messages(lang);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  for (const d of datasets) {
    const errors = Object.values(d.issue_counts).reduce((s, x) => s + x.errors, 0);
    const warnings = Object.values(d.issue_counts).reduce((s, x) => s + x.warnings, 0);
    const status = errors > 0 ? c.red("✗") : c.green("✓");
    const blank = d.blank_rows > 0 ? t.blankSkipped(formatCount(d.blank_rows, lang), d.blank_rows) : "";
    const commas = d.decimal_marks.filter((m) => m.source === "detected" && m.mark === ",").map((m) => terminalText(m.field));
    const dialect = [
      encodingText(d.encoding, t.sheetIs),
      // A workbook or SPSS file has no delimiter.
      ...(d.delimiter === "" ? [] : [t.delimiterIs(JSON.stringify(d.delimiter))]),
      ...(commas.length > 0 ? [t.decimalCommaDetected(commas.join(", "))] : []),
    ];
    out.push(
      `${t.datasetLine(status, d.name, terminalText(d.path), formatCount(d.rows_read, lang), formatCount(d.rows_accepted, lang), formatCount(d.rows_rejected, lang), blank, t.issueCounts(errors, warnings), dialect.join(", "))}`,
    );
    if (d.issues.length === 0) continue;
    const table = new Table({
      head: t.issuesHeader.map((h) => c.bold(h)),
      style: { head: [], border: [], compact: true },
      wordWrap: true,
      colWidths: [8, 20, 18, 70],
    });
    for (const i of d.issues.slice(0, SHOWN)) {
      const code = i.severity === "error" ? c.red(i.code) : c.yellow(i.code);
      table.push([i.line === null ? "" : String(i.line), terminalText(i.field ?? ""), code, terminalText(i.message)]);
    }
    out.push(table.toString());
    const more = errors + warnings - Math.min(SHOWN, d.issues.length);
    if (more > 0) out.push(t.moreIssues(formatCount(more, lang)));
  }
  return `${out.join("\n")}\n`;
}

/** Values come from data: drop control characters so they cannot drive the terminal. */
export function terminalText(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}
