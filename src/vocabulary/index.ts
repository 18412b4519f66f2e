/**
 * Words every layer shares: the issue vocabulary (what can be wrong with input data), typed
 * cell values with their missing-value marker, and French typography for every French catalogue. A leaf: it imports nothing of the project, so
 * ingest, schema, conditions and validate can all use it without importing each other.
 */
export { issueSchema, readableValue, type Issue, type IssueCode, type Severity } from "./issues.js";
export { isMissing, Missing, type Row, type Value } from "./values.js";
export { formatSize, issueTexts, type IssueTexts } from "./issue-text/index.js";
export { french } from "./french.js";
