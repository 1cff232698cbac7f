import type { Finding } from '../engine/finding.js';
import type { RuleMeta } from '../engine/rule.js';

export interface FormatInput {
  /** Every finding to report, including those suppressed by waivers (marked `suppressedBy`). */
  findings: readonly Finding[];
  /** Every known rule's metadata (for formats that describe the rules, such as SARIF). */
  rules: readonly RuleMeta<unknown>[];
  /** soc2lint's version. */
  version: string;
  /** The date the program was evaluated as of. */
  asOf: string;
  /** Absolute repo root; findings' files are relative to it. */
  root: string;
  /** Absolute working folder, for paths people can click. */
  cwd: string;
  color: boolean;
  /**
   * The program root's path inside its git checkout (`compliance/`, or empty at the top), for formats whose paths must
   * be relative to the repository (SARIF for GitHub code scanning).
   */
  uriPrefix?: string;
}

export type Formatter = (input: FormatInput) => string;

/** Findings grouped by file, files in order. */
export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}
