import type { OutputFile } from "../output/index.js";
import { chartPngs } from "../report/index.js";
import { CliError, EXIT_BAD_REQUEST } from "./errors.js";

/** Formats a report can be written in, besides the JSON result that is always written. */
const REPORT_FORMATS = ["md", "html", "docx"] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A rendered report (the study's or the comparison's): what every format is written from. */
export interface ReportDocument {
  /** File name without extension: `<study>` or `<base>-vs-<new>`. */
  stem: string;
  lang: "en" | "fr";
  markdown: string;
  charts: readonly { name: string; svg: string }[];
  /** Folder of the charts, relative to the output folder (`<stem>.charts`). */
  chartDir: string;
  /** The result's date (YYYY-MM-DD): a binary format's timestamps. */
  date: string;
}

type Pngs = Awaited<ReturnType<typeof chartPngs>>;
type Writer = (doc: ReportDocument, pngs: () => Promise<Pngs>) => Promise<OutputFile[]>;

/**
 * The files of each format. A format is added here and nowhere else in the command line; one
 * without a writer yet is refused with one sentence. The PNG charts are drawn once, for the
 * Markdown (beside the SVG) and the Word document alike.
 */
const WRITERS: Record<ReportFormat, Writer | null> = {
  md: async (d, pngs) => [
    { name: `${d.stem}.md`, content: d.markdown },
    ...d.charts.map((c) => ({ name: `${d.chartDir}/${c.name}`, content: c.svg })),
    ...(await pngs()).map((p) => ({ name: `${d.chartDir}/${p.name}`, content: p.png })),
  ],
  html: null,
  // docx is a large library: loaded only when a Word document is asked for.
  docx: async (d, pngs) => {
    const { renderDocx } = await import("../report/docx/index.js");
    return [{ name: `${d.stem}.docx`, content: await renderDocx({ ...d, pngs: await pngs() }) }];
  },
};

const available = (): string => REPORT_FORMATS.filter((f) => WRITERS[f] !== null).join(", ");

/**
 * Formats named by `--format`'s comma list (default: md), checked before any file is read, in a
 * fixed order whatever the order given, each once.
 */
export function parseFormats(names: string | undefined): ReportFormat[] {
  if (names === undefined) return ["md"];
  const where = `--format ${names}`;
  const list = names.split(",").map((s) => s.trim());
  if (list.some((n) => n === ""))
    throw new CliError(`${where}: expected a comma-separated list of formats (${available()}), e.g. --format md,docx.`, EXIT_BAD_REQUEST);
  for (const name of list) {
    if (!(REPORT_FORMATS as readonly string[]).includes(name))
      throw new CliError(`${where}: unknown format "${name}"; the formats are ${available()}.`, EXIT_BAD_REQUEST);
    if (WRITERS[name as ReportFormat] === null)
      throw new CliError(
        `${where}: the ${name} format is not available in this version; the formats are ${available()}.`,
        EXIT_BAD_REQUEST,
      );
  }
  return REPORT_FORMATS.filter((f) => list.includes(f));
}

/** The files of the chosen formats, in the formats' fixed order. */
export async function formatFiles(doc: ReportDocument, formats: readonly ReportFormat[]): Promise<OutputFile[]> {
  let drawn: Promise<Pngs> | undefined;
  const pngs = () => {
    drawn ??= chartPngs(doc.charts);
    return drawn;
  };
  const files: OutputFile[] = [];
  for (const f of formats) files.push(...((await WRITERS[f]?.(doc, pngs)) ?? []));
  return files;
}
