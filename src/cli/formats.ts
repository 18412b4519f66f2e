import type { OutputFile } from "../output/index.js";
import { renderHtml } from "../report/index.js";
import { REPORT_FORMATS, type ReportFormat } from "../study/index.js";
import { CliError, EXIT_BAD_REQUEST } from "./errors.js";

/** A rendered report (the study's or the comparison's): what every format is written from. */
export interface ReportDocument {
  /** File name without extension: `<study>` or `<base>-vs-<new>`. */
  stem: string;
  lang: "en" | "fr";
  markdown: string;
  charts: readonly { name: string; svg: string }[];
  /** Folder of the SVG charts, relative to the output folder (`<stem>.charts`). */
  chartDir: string;
}

type Writer = (doc: ReportDocument) => OutputFile[];

/**
 * The files of each format. A format is added here and nowhere else in the command line; one
 * without a writer yet is refused with one sentence.
 */
const WRITERS: Record<ReportFormat, Writer | null> = {
  md: (d) => [{ name: `${d.stem}.md`, content: d.markdown }, ...d.charts.map((c) => ({ name: `${d.chartDir}/${c.name}`, content: c.svg }))],
  html: (d) => [{ name: `${d.stem}.html`, content: renderHtml(d) }],
  docx: null,
};

const available = (): string => REPORT_FORMATS.filter((f) => WRITERS[f] !== null).join(", ");

/**
 * Formats named by `--format`'s comma list or the study file's `format` list, checked, in a fixed
 * order whatever the order given, each once. `where` names the source in the refusal's sentence.
 */
export function parseFormats(names: string | readonly string[], where: string): ReportFormat[] {
  const list = typeof names === "string" ? names.split(",").map((s) => s.trim()) : names;
  if (list.length === 0 || list.some((n) => n === "")) throw new CliError((t) => t.formatList(where, available()), EXIT_BAD_REQUEST);
  for (const name of list) {
    if (!(REPORT_FORMATS as readonly string[]).includes(name))
      throw new CliError((t) => t.unknownFormat(where, name, available()), EXIT_BAD_REQUEST);
    if (WRITERS[name as ReportFormat] === null) throw new CliError((t) => t.formatUnavailable(where, name, available()), EXIT_BAD_REQUEST);
  }
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

/** The files of the chosen formats, in the formats' fixed order. */
export function formatFiles(doc: ReportDocument, formats: readonly ReportFormat[]): OutputFile[] {
  return formats.flatMap((f) => WRITERS[f]?.(doc) ?? []);
}
