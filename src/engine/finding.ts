// A finding is data: where, what, which rule, how bad. Formatters turn findings into text.
import type { Severity, SourceRange } from '../core/types.js';

export { REPO_ROOT, fileStart, type RuleSetting, type Severity, type SourceRange } from '../core/types.js';

export interface Finding extends SourceRange {
  ruleId: string;
  severity: Severity;
  /** The key of the rule's `meta.messages` the message was made from (`internal-error` for a rule that failed). */
  messageId: string;
  /** The values the message's placeholders took. */
  data: Readonly<Record<string, string | number>>;
  /** The message, made once from the template and the data. */
  message: string;
  /** A heads-up the rule made (something falls due soon): a warning whatever severity the rule has in the file. */
  headsUp?: true;
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

/** By place, then rule; findings of one rule at one place keep the order the rule reported them in (sort is stable). */
export function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
