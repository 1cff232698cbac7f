import type { Finding } from '../engine/finding.js';

export interface FormatInput {
  findings: readonly Finding[];
  /** Absolute repo root; findings' files are relative to it. */
  root: string;
  /** Absolute working folder, for paths people can click. */
  cwd: string;
  color: boolean;
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
