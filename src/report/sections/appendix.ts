import type { Ctx } from "../context.js";
import { fenceFor, md, mdCell } from "../escape.js";
import { codeBlock, heading, list, table } from "../markdown.js";
import { hashCell } from "./quality.js";

/** Codebook, provenance and the command that regenerates the report. */
export function appendix(ctx: Ctx): string[] {
  const { t, r } = ctx;
  const codebook = r.indicators.map((i) => [
    mdCell(i.id),
    mdCell(i.label),
    t.kindNames[i.kind] ?? mdCell(i.kind),
    mdCell(i.dataset),
    mdCell(i.definition),
    i.universe === null ? t.none : mdCell(i.universe),
  ]);
  // The command is shown verbatim in a fence (never interpreted), with line breaks kept out.
  const command = r.command.replace(/[\r\n]+/g, " ");
  return [
    heading(2, t.appendix),
    ...(codebook.length > 0 ? [heading(3, t.codebook), table(t.codebookTable, codebook)] : []),
    ...variables(ctx),
    heading(3, t.provenance),
    list([t.study(md(r.study)), t.tool(md(r.tool.name), md(r.tool.version)), t.generated(md(r.generated))]),
    table(
      t.hashesTable,
      r.datasets.map((d) => [mdCell(d.name), mdCell(d.path), hashCell(d.sha256)]),
    ),
    t.rerun,
    codeBlock(command, fenceFor(command), "sh"),
  ];
}

/**
 * Every field of every dataset as its schema declares it: title, type, categories ("value =
 * label") and missing-value codes (a blank code is named, not left empty).
 */
function variables(ctx: Ctx): string[] {
  const { t } = ctx;
  if (ctx.r.codebook.length === 0) return [];
  const code = (value: string) => (value === "" ? t.blankCode : md(value));
  const pairs = (xs: readonly { value: string; label: string }[]) =>
    xs.length === 0 ? t.none : xs.map((x) => (md(x.label) === "" ? code(x.value) : t.valueLabel(code(x.value), md(x.label)))).join("; ");
  // Schemas usually declare the same missing codes for every field: said once, above the table,
  // and "as above" in the rows that share them (the most frequent list; first met on a tie).
  const counts = new Map<string, number>();
  for (const e of ctx.r.codebook.filter((x) => x.derived === undefined)) {
    const k = pairs(e.missing_values);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const [common, n] = [...counts.entries()].reduce((best, cur) => (cur[1] > best[1] ? cur : best));
  const shared = n > 1 && common !== t.none ? common : null;
  const rows = ctx.r.codebook.map((e) => {
    const missing = e.derived === undefined ? pairs(e.missing_values) : t.derivedMissing;
    return [
      mdCell(e.dataset),
      mdCell(e.field),
      e.derived === undefined ? mdCell(e.title) : mdCell(t.derivedTitle(e.title, e.derived)),
      t.typeNames[e.type] ?? mdCell(e.type),
      pairs(e.categories),
      missing === shared ? t.asAbove : missing,
    ];
  });
  return [heading(3, t.variables), ...(shared !== null ? [t.commonMissing(shared)] : []), table(t.variablesTable, rows)];
}
