// Fingerprints that follow a finding across commits: the same problem keeps its fingerprint when lines move or when
// its message is reworded.
import { createHash } from 'node:crypto';
import type { Finding } from '../engine/finding.js';

/**
 * One SHA-256 hex digest per finding, from its rule, root-relative file, record, message ID and the names of its data;
 * never its line, never its text. Findings that would share a digest (the same kind of problem twice in one record)
 * are told apart by their order, so each stays one issue in code scanning and code quality rather than collapsing
 * into one.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = [finding.ruleId, finding.file, finding.record ?? '', finding.messageId, Object.keys(finding.data).sort().join(',')].join('\u0000');
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return createHash('sha256').update(occurrence === 1 ? base : `${base}\u0000${occurrence}`).digest('hex');
  });
}
