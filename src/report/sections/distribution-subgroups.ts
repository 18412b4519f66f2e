import type { CategoryResult, DomainResult, IndicatorResult } from "../../result/index.js";
import { type Ctx, ciCell, ciHeader, domainTitle, estimateCell, reliabilityNotes, suppressionMark, suppressionNotes } from "../context.js";
import { md, mdCell } from "../escape.js";
import { formatCount } from "../format.js";
import { table } from "../markdown.js";

/**
 * A distribution's subgroups: per grouping, one table with a row per subgroup level and a column
 * per category (the share and its interval), then the level's n. Suppression comes from the result.
 */
export function distributionSubgroups(ctx: Ctx, ind: IndicatorResult): string[] {
  const domains = ind.domains ?? {};
  const tables: string[] = [];
  const cells: { suppressed: boolean; suppression: "primary" | "secondary" | null }[] = [];
  const shares: CategoryResult[] = [];
  for (const [key, levels] of Object.entries(domains)) {
    const categories = levels[0]?.categories ?? [];
    if (categories.length === 0) continue;
    const title = md(domainTitle(ctx, ind.dataset, key, levels));
    const rows = levels.map((level) => row(ctx, ind, level));
    tables.push(
      table(
        ctx.t.distributionSubgroupTable(
          title,
          categories.map((c) => mdCell(c.label)),
        ),
        rows,
        ["left", ...categories.map(() => "right" as const), "right"],
      ),
    );
    for (const level of levels) {
      cells.push(level, ...(level.categories ?? []));
      shares.push(...(level.categories ?? []));
    }
  }
  if (tables.length === 0) return [];
  return [...tables, ctx.t.distributionSubgroupNote(ciHeader(ctx)), ...suppressionNotes(ctx, cells), ...reliabilityNotes(ctx, shares)];
}

function row(ctx: Ctx, ind: IndicatorResult, level: DomainResult): string[] {
  const shares = (level.categories ?? []).map((c) => {
    const mark = suppressionMark(c);
    if (mark !== null) return mark;
    return `${estimateCell(ctx, ind.kind, c.estimate, c.reliability)} (${ciCell(ctx, ind.kind, c.ci, c.estimate)})`;
  });
  return [mdCell(level.label), ...shares, level.n === null ? (suppressionMark(level) ?? ctx.t.none) : formatCount(level.n, ctx.lang)];
}
