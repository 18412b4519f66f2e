/** The report module's entry: renderers that only format the result. `terminal/index.ts` is a second entry, loaded when the CLI prints. */
export { renderComparison } from "./comparison/render.js";
export { parseQualitative, type QualitativeView, type Quote } from "./qualitative-view.js";
export { renderReport, type RenderOptions, type RenderedReport } from "./render.js";
export type { Lang } from "./format.js";
