import type { Issue } from "../vocabulary/index.js";

/**
 * Issues kept and counted. Only the first `maxIssues` issue objects are kept (a million bad
 * cells must not become a million objects), but every issue is counted by code and severity,
 * so summaries stay exact.
 */
export interface IssueLog {
  issues: Issue[];
  issueCounts: Record<string, { errors: number; warnings: number }>;
  issuesOmitted: number;
  maxIssues: number;
}

export const DEFAULT_MAX_ISSUES = 1000;

export function newIssueLog(maxIssues: number = DEFAULT_MAX_ISSUES): IssueLog {
  return { issues: [], issueCounts: {}, issuesOmitted: 0, maxIssues };
}

export function addIssue(log: IssueLog, issue: Issue): void {
  const count = (log.issueCounts[issue.code] ??= { errors: 0, warnings: 0 });
  if (issue.severity === "error") count.errors++;
  else count.warnings++;
  if (log.issues.length < log.maxIssues) log.issues.push(issue);
  else log.issuesOmitted++;
}
