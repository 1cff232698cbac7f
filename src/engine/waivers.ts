// Waivers: approved, expiring exceptions from waivers.yaml. A waiver suppresses the findings of one rule on one
// target (a record ID, or a glob over file paths); suppressed findings stay in the results, marked, never dropped.
import { minimatch } from 'minimatch';
import { compareDates, type IsoDate } from '../core/dates.js';
import type { Waiver } from '../model/types.js';
import type { Finding } from './finding.js';

/** Whether the waiver is still in force on `asOf` (it expires at the end of its `expires` day). */
export function isWaiverInForce(waiver: Waiver, asOf: IsoDate): boolean {
  return compareDates(waiver.expires, asOf) >= 0;
}

export function waiverMatches(waiver: Waiver, finding: Finding): boolean {
  if (waiver.rule !== finding.ruleId) return false;
  if (finding.record !== undefined && waiver.target === finding.record) return true;
  // Paths are root-relative; `./controls/**` means the same as `controls/**`.
  return minimatch(finding.file, waiver.target.replace(/^\.\//, ''), { dot: true });
}

/** Mark the findings that waivers in force suppress; return how many findings each waiver matched. */
export function applyWaivers(findings: Finding[], waivers: readonly Waiver[], asOf: IsoDate): Map<Waiver, number> {
  const matches = new Map<Waiver, number>(waivers.map((waiver) => [waiver, 0]));
  const inForce = waivers.filter((waiver) => isWaiverInForce(waiver, asOf));
  for (const finding of findings) {
    // Every matching waiver counts the finding (none is "unused" because another matched first); the first suppresses it.
    const matching = inForce.filter((candidate) => waiverMatches(candidate, finding));
    for (const waiver of matching) matches.set(waiver, (matches.get(waiver) ?? 0) + 1);
    const waiver = matching[0];
    if (!waiver) continue;
    const at = waiver.source.at([]);
    finding.suppressedBy = { kind: 'waiver', file: at.file, line: at.line, reason: waiver.reason, approvedBy: waiver.approvedBy, expires: waiver.expires };
  }
  return matches;
}
