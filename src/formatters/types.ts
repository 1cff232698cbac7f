// A formatter is a pure function: the run's results, ready to show (src/report/format-input.ts), in; a string out.
// It reads and writes no file; the caller writes the string where it goes.
import type { Finding } from '../engine/finding.js';
import type { FormatInput, ProgramSummary } from '../report/format-input.js';

export type { FindingCounts, FormatInput, ProgramSummary, ReportedFinding, RuleDescription, RuleDocs } from '../report/format-input.js';

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

/** What was linted, in words: `27 policies, 4 controls, no scope.yaml`. Kinds beyond policies and controls when present. */
export function describeProgram(program: ProgramSummary): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [count(program.policies, 'policy', 'policies'), count(program.controls, 'control', 'controls')];
  if (program.vendors > 0) parts.push(count(program.vendors, 'vendor', 'vendors'));
  if (program.people > 0) parts.push(count(program.people, 'person', 'people'));
  if (program.trainingRecords > 0) parts.push(count(program.trainingRecords, 'training record', 'training records'));
  if (program.acknowledgments > 0) parts.push(count(program.acknowledgments, 'acknowledgment', 'acknowledgments'));
  if (program.waivers > 0) parts.push(count(program.waivers, 'waiver', 'waivers'));
  parts.push(program.scopeFile ?? 'no scope.yaml');
  return parts.join(', ');
}
