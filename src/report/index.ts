/** Public entry point of the report module: the CLI imports from here only. */
export { renderReport, type RenderOptions, type RenderedReport } from "./render.js";
export { summaryTable, type SummaryOptions } from "./terminal.js";
export { writeFilesAtomic, checkFiles, type OutputFile } from "./write.js";
export { parseQualitative, type QualitativeView, type Quote } from "./qualitative-view.js";
export type { Lang } from "./format.js";
