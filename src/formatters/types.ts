// A formatter is a pure function: the run's results, ready to show (src/report/format-input.ts), in; a string out.
// It reads and writes no file; the caller writes the string where it goes.
import type { Finding } from '../engine/finding.js';
import type { FormatInput } from '../report/format-input.js';

export type { FindingCounts, FormatInput, ReportedFinding, RuleDescription, RuleDocs } from '../report/format-input.js';

export type Formatter = (input: FormatInput) => string;

/** Findings grouped by file, files in order. */
export function groupByFile<F extends Finding>(findings: readonly F[]): Map<string, F[]> {
  const groups = new Map<string, F[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

/** The findings that count (not suppressed by a waiver or a directive), each keeping its shown path. */
export function countingFindings<F extends Finding>(findings: readonly F[]): F[] {
  return findings.filter((finding) => !finding.suppressedBy);
}
