import type { OutputFile } from "../output/index.js";
import { type ChartPng, chartPngs, renderHtml } from "../report/index.js";
import { REPORT_FORMATS, type ReportFormat } from "../study/index.js";
import { CliError, EXIT_BAD_REQUEST } from "./errors.js";

/** A rendered report (the study's or the comparison's): what every format is written from. */
export interface ReportDocument {
  /** File name without extension: `<study>` or `<base>-vs-<new>`. */
  stem: string;
  lang: "en" | "fr";
  markdown: string;
  charts: readonly { name: string; svg: string }[];
  /** Folder of the charts, relative to the output folder (`<stem>.charts`). */
  chartDir: string;
  /** The result's date (`generated`: SOURCE_DATE_EPOCH, else the study's date): a binary format's timestamps. */
  date: string;
}

/** A format's files; `pngs` draws the PNG charts on first call, once for every format. */
type Writer = (doc: ReportDocument, pngs: () => Promise<ChartPng[]>) => Promise<OutputFile[]>;

/**
 * The files of each format. A format is added here and nowhere else in the command line. The
 * Markdown's charts are written as SVG; `png` writes a PNG copy beside each (for converters that
 * take no SVG); the Word document embeds the same PNGs. Only `png` and `docx` draw them.
 */
const WRITERS: Record<ReportFormat, Writer> = {
  md: async (d) => [
    { name: `${d.stem}.md`, content: d.markdown },
    ...d.charts.map((c) => ({ name: `${d.chartDir}/${c.name}`, content: c.svg })),
  ],
  png: async (d, pngs) => (await pngs()).map((p) => ({ name: `${d.chartDir}/${p.name}`, content: p.png })),
  html: async (d) => [{ name: `${d.stem}.html`, content: renderHtml(d) }],
  // docx is a large library: loaded only when a Word document is asked for.
  docx: async (d, pngs) => {
    const { renderDocx } = await import("../report/docx/index.js");
    return [{ name: `${d.stem}.docx`, content: await renderDocx({ ...d, pngs: await pngs() }) }];
  },
};

/**
 * Formats named by `--format`'s comma list or the study file's `format` list, checked, in a fixed
 * order whatever the order given, each once. `where` names the source in the refusal's sentence.
 */
export function parseFormats(names: string | readonly string[], where: string): ReportFormat[] {
  const list = typeof names === "string" ? names.split(",").map((s) => s.trim()) : names;
  const known = REPORT_FORMATS.join(", ");
  if (list.length === 0 || list.some((n) => n === ""))
    throw new CliError(`${where}: expected a comma-separated list of formats (${known}), e.g. --format md,html.`, EXIT_BAD_REQUEST);
  for (const name of list)
    if (!(REPORT_FORMATS as readonly string[]).includes(name))
      throw new CliError(`${where}: unknown format "${name}"; the formats are ${known}.`, EXIT_BAD_REQUEST);
  return REPORT_FORMATS.filter((f) => list.includes(f));
}

/** `--format` when given (checked before any file is read), else the study file's, else Markdown. */
export function formatsFor(
  flag: ReportFormat[] | undefined,
  study: { format?: readonly string[] | undefined },
  studyName: string,
): ReportFormat[] {
  return flag ?? (study.format === undefined ? ["md"] : parseFormats(study.format, `${studyName} (format)`));
}

/** The files of the chosen formats, in the formats' fixed order; the PNG charts drawn at most once. */
export async function formatFiles(doc: ReportDocument, formats: readonly ReportFormat[]): Promise<OutputFile[]> {
  let drawn: Promise<ChartPng[]> | undefined;
  const pngs = (): Promise<ChartPng[]> => {
    drawn ??= chartPngs(doc.charts);
    return drawn;
  };
  const files: OutputFile[] = [];
  for (const f of formats) files.push(...(await WRITERS[f](doc, pngs)));
  return files;
}
