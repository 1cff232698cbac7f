// Fingerprints that follow a finding across commits: the same problem keeps its fingerprint when lines move.
import { createHash } from 'node:crypto';
import type { Finding } from '../engine/finding.js';

/**
 * The message with its line references taken out ("defined at controls/a.yaml:34" → "defined at controls/a.yaml",
 * "line 7 contains" → "line contains"): a message that quotes a place would otherwise change with every edit above
 * that place. Other numbers stay: two evidence gaps differ only by their month, and must not share a fingerprint.
 */
export function withoutLineNumbers(message: string): string {
  return message.replace(/(\S):\d+(?::\d+)?\b/g, '$1').replace(/\b(lines?) \d+(?:\s*(?:-|–|to)\s*\d+)?\b/gi, '$1');
}

/**
 * One SHA-256 hex digest per finding, from its rule, root-relative file, record and line-free message; never its line.
 * Findings that would share a digest (the same problem reported twice in one file) are told apart by their order,
 * so each stays one issue in code scanning and code quality rather than collapsing into one.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = [finding.ruleId, finding.file, finding.record ?? '', withoutLineNumbers(finding.message)].join('\u0000');
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return createHash('sha256').update(occurrence === 1 ? base : `${base}\u0000${occurrence}`).digest('hex');
  });
}
