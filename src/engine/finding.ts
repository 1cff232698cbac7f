// A finding is data: where, what, which rule, how bad. Formatters turn findings into text.

export type Severity = 'error' | 'warn';
export type RuleSetting = Severity | 'off';

/** A place in a file: 1-based lines and columns, end exclusive like ESLint's. */
export interface SourceRange {
  /** Relative to the repo root, `/` separators; `.` for the repo itself. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The ID of the record the place belongs to (a control, a policy), for waivers and stable fingerprints. */
  record?: string;
}

export interface Finding extends SourceRange {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Set when a waiver or an inline directive suppresses the finding: it stays in the results, but does not count. */
  suppressedBy?: Suppression;
}

/** What suppressed a finding, for reports: a waiver in waivers.yaml, or a `soc2lint-disable` comment. */
export type Suppression =
  | { kind: 'waiver'; file: string; line: number; reason: string; approvedBy: string; expires: string }
  | { kind: 'directive'; file: string; line: number; reason: string };

/** Findings that count: not suppressed by a waiver. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => !finding.suppressedBy);
}

/** The repo root, for findings about the program as a whole when no file holds the offending value. */
export const REPO_ROOT = '.';

export function fileStart(file: string): SourceRange {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** By place, then rule; findings of one rule at one place keep the order the rule reported them in (sort is stable). */
export function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
