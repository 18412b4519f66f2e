import type { StudyResult } from "../result/index.js";
import { buildCharts } from "./charts/index.js";
import type { Ctx } from "./context.js";
import { formatCount } from "./format.js";
import { md } from "./escape.js";
import type { Lang } from "./format.js";
import { messages } from "./i18n/index.js";
import { document, heading } from "./markdown.js";
import { appendix } from "./sections/appendix.js";
import { baseline } from "./sections/baseline.js";
import { crosstabs } from "./sections/crosstabs.js";
import { distributions } from "./sections/distributions.js";
import { indicators } from "./sections/indicators.js";
import { keyFindings } from "./sections/key-findings.js";
import { method } from "./sections/method.js";
import { qualitative } from "./sections/qualitative.js";
import { quality } from "./sections/quality.js";
import { subgroups } from "./sections/subgroups.js";

export interface RenderOptions {
  lang: Lang;
  /** Folder of the SVG files, relative to the Markdown file ("connexions-solidaires-2014.charts"). */
  chartDir: string;
}

export interface RenderedReport {
  markdown: string;
  charts: { name: string; svg: string }[];
}

/**
 * The report for a result: Markdown plus the SVG charts it links to. Pure and deterministic: it
 * reads only its arguments (no clock, no environment), and every ordering comes from the result.
 */
export function renderReport(result: StudyResult, options: RenderOptions): RenderedReport {
  const t = messages(options.lang);
  const charts = buildCharts({ r: result, lang: options.lang, t });
  const dir = options.chartDir.replace(/\\/g, "/").replace(/\/+$/, "");
  const paths = new Map(charts.map((c) => [c.key, dir === "" ? c.name : `${dir}/${c.name}`]));
  const ctx: Ctx = { r: result, lang: options.lang, t, chartPath: (key) => paths.get(key) };

  const markdown = document([
    heading(1, md(result.title)),
    ...acceptanceBanner(ctx),
    ...(result.synthetic
      ? [`**${t.syntheticNoticeLead}** ${result.indicators.some((i) => i.published) ? t.syntheticNotice : t.syntheticNoticePlain}`]
      : []),
    ...keyFindings(ctx),
    ...method(ctx),
    ...quality(ctx),
    ...indicators(ctx),
    ...baseline(ctx),
    ...distributions(ctx),
    ...crosstabs(ctx),
    ...subgroups(ctx),
    ...qualitative(ctx),
    ...appendix(ctx),
  ]);
  return { markdown, charts: charts.map(({ name, svg }) => ({ name, svg })) };
}

/**
 * Right under the title when validation did not pass: which datasets failed, their rejected and
 * read rows, the tolerance, that estimates use accepted rows only, and where to look.
 */
function acceptanceBanner(ctx: Ctx): string[] {
  const { r, t, lang } = ctx;
  if (r.acceptance.acceptable) return [];
  const fileErrors = r.acceptance.file_errors;
  // Datasets refused for their file (a schema column absent...) are named with that reason: a
  // tolerance of rejected rows would not help them.
  const byRows = r.acceptance.failed.filter((name) => fileErrors[name] === undefined);
  const failed = byRows.map((name) => {
    const d = r.datasets.find((x) => x.name === name);
    return d === undefined ? md(name) : t.acceptanceDataset(md(name), formatCount(d.rows_rejected, lang), formatCount(d.rows_read, lang));
  });
  // The CLI writes a rejects file beside the report for each dataset with rejected rows.
  const files = r.acceptance.failed
    .filter((name) => (r.datasets.find((x) => x.name === name)?.rows_rejected ?? 0) > 0)
    .map((name) => md(`${name}.rejects.csv`));
  const sentences = [
    ...Object.entries(fileErrors).map(([name, codes]) => t.acceptanceFileErrors(md(name), codes.map((c) => `\`${c}\``).join(", "))),
    ...(failed.length > 0 ? [t.acceptanceWarning(failed.join(", "), md(r.acceptance.max_rejected), files)] : []),
  ];
  return [`**${t.acceptanceLead}** ${sentences.join(" ")}`];
}
