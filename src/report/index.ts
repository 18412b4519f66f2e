/** The report module's entry: renderers that only format the result. `terminal/index.ts` is a second entry, loaded when the CLI prints. */
export { renderComparison } from "./comparison/render.js";
export { parseQualitative, type QualitativeView } from "./qualitative-view.js";
export { renderReport } from "./render.js";
export { renderHtml } from "./html/render.js";
export { type ChartPng, chartPngs } from "./png.js";
