import { Chalk } from "chalk";
import Table from "cli-table3";
import type { StudyResult } from "../../result/index.js";
import { estimateCell, ciCell, type Ctx } from "../context.js";
import { type Lang, formatCount } from "../format.js";
import { messages } from "../i18n/index.js";
import { terminalText } from "./issues.js";

export interface SummaryOptions {
  /** Decided by the CLI (TTY, NO_COLOR); never detected here. */
  color: boolean;
  /** Defaults to the result's language. */
  lang?: Lang;
}

/**
 * A short table of the indicators for the terminal: estimate, interval, n, reproduced ✓/✗.
 * Plain text is the same table without escape codes.
 */
export function summaryTable(result: StudyResult, options: SummaryOptions): string {
  const lang = options.lang ?? result.lang;
  const t = messages(lang);
  // An explicit level, so output never depends on chalk's own terminal detection.
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const ctx: Ctx = { r: result, lang, t, chartPath: () => undefined };
  const table = new Table({
    head: t.terminalHeader.map((h) => c.bold(h)),
    // cli-table3 colours headers and borders by default; colour is ours to decide.
    style: { head: [], border: [], compact: true },
    colAligns: ["left", "right", "right", "right", "center"],
  });
  for (const ind of result.indicators) {
    const pub = ind.published;
    const mark = pub === undefined ? "" : pub.reproduced ? c.green("✓") : c.red("✗");
    // A distribution (or a count by category, or a cross-table) has per-category estimates only:
    // nothing to show on one line.
    const isDistribution = (ind.categories !== undefined || ind.crosstab !== undefined) && ind.estimate === null;
    table.push([
      terminalLabel(ind.label),
      isDistribution ? t.none : ind.estimate === null ? c.yellow(t.notAvailable) : estimateCell(ctx, ind.kind, ind.estimate),
      isDistribution ? t.none : ciCell(ctx, ind.kind, ind.ci, ind.estimate),
      formatCount(ind.n, lang),
      mark,
    ]);
  }
  // A line of its own: whatever the CLI prints next starts on a fresh line.
  return `${table.toString()}\n`;
}

/** Labels come from the study file: no control characters, and short enough for a terminal. */
function terminalLabel(s: string): string {
  const clean = terminalText(s);
  // Long labels would push the numbers off a narrow terminal.
  const chars = [...clean];
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join("")}…` : clean;
}

const MAX_LABEL = 48;
