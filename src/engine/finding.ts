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
}

export interface Finding extends SourceRange {
  ruleId: string;
  severity: Severity;
  message: string;
}

/** The repo root, for findings about the program as a whole when no file holds the offending value. */
export const REPO_ROOT = '.';

export function fileStart(file: string): SourceRange {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
