/** The report module's second entry for Word documents: loaded only when `docx` is asked for, since docx is a large library. */
export { renderDocx } from "./render.js";
