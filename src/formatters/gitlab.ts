// GitLab Code Quality: a JSON array of issues, shown in merge requests and the pipeline's Code Quality tab.
import type { Severity } from '../engine/finding.js';
import { fingerprints } from './fingerprint.js';
import type { FormatInput, ReportedFinding } from './types.js';

/** Code Quality's five levels (info, minor, major, critical, blocker); soc2lint's two map to the middle ones. */
const SEVERITY: Record<Severity, 'major' | 'minor'> = { error: 'major', warn: 'minor' };

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'major' | 'minor';
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * Suppressed findings are left out: Code Quality has no way to mark an issue accepted, and a waived finding listed as
 * an open issue would be reported as new work. Paths are relative to the working folder, which in a GitLab job is
 * the checkout ($CI_PROJECT_DIR), as Code Quality wants them.
 */
export function gitlab({ findings }: FormatInput): string {
  // Fingerprinted before suppressed findings are dropped, so an issue has the same fingerprint as its SARIF result.
  const prints = fingerprints(findings);
  const issues = findings.flatMap((finding, i) => (finding.suppressedBy ? [] : [issue(finding, prints[i]!)]));
  return `${JSON.stringify(issues, null, 2)}\n`;
}

function issue(finding: ReportedFinding, fingerprint: string): CodeQualityIssue {
  return {
    description: finding.message,
    check_name: finding.ruleId,
    fingerprint,
    severity: SEVERITY[finding.severity],
    location: {
      path: finding.path,
      lines: { begin: finding.line, end: Math.max(finding.line, finding.endLine) },
    },
  };
}
