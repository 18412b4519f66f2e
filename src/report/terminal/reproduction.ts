import { Chalk } from "chalk";
import Table from "cli-table3";
import type { StudyResult } from "../../result/index.js";
import { ciCell, estimateCell, unitOf, type Ctx } from "../context.js";
import { type Lang, formatValue } from "../format.js";
import { messages } from "../i18n/index.js";
import { terminalText } from "./issues.js";

/** `reproduce`'s terminal output: each published figure beside the computed estimate. */
export function reproductionTable(result: StudyResult, options: { color: boolean; lang?: Lang }): string {
  const lang = options.lang ?? result.lang;
  const t = messages(lang);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const ctx: Ctx = { r: result, lang, t, chartPath: () => undefined };
  const table = new Table({
    head: t.reproductionHeader.map((h) => c.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: ["left", "right", "right", "right", "center", "center"],
  });
  let reproduced = 0;
  let total = 0;
  for (const ind of result.indicators) {
    const pub = ind.published;
    if (!pub) continue;
    total++;
    if (pub.reproduced) reproduced++;
    const unit = unitOf(ind.kind);
    const decimals = unit === "percent" ? Math.max(0, pub.precision - 2) : pub.precision;
    table.push([
      terminalText(ind.label),
      formatValue(pub.value, unit, lang, decimals),
      estimateCell(ctx, ind.kind, ind.estimate),
      ciCell(ctx, ind.kind, ind.ci, ind.estimate),
      pub.reproduced ? c.green("✓") : c.red("✗"),
      pub.in_ci ? t.yes : t.no,
    ]);
  }
  const sentence = t.reproducedCount(reproduced, total);
  const verdict = reproduced === total ? c.green(sentence) : c.red(sentence);
  return `${table.toString()}\n${verdict}\n`;
}
