/**
 * Words every layer shares: the issue vocabulary (what can be wrong with input data) and typed
 * cell values with their missing-value marker. A leaf: it imports nothing of the project, so
 * ingest, schema, conditions and validate can all use it without importing each other. The
 * French typography of every French catalogue is its second entry, `french.ts`.
 */
export { issueSchema, readableValue, type Issue, type IssueCode, type Severity } from "./issues.js";
export { isMissing, Missing, type Row, type Value } from "./values.js";
export { formatSize, issueTexts, type IssueTexts } from "./issue-text/index.js";
