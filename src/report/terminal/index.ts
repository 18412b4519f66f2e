// What the command line prints on a terminal: the summary, the reproduction table and the
// validation issues. Loaded only when printed (it brings chalk and cli-table3).
export { issuesTable } from "./issues.js";
export { reproductionTable } from "./reproduction.js";
export { summaryTable } from "./summary.js";
