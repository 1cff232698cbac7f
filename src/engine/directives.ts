// Inline directives at work: a directive in force suppresses the findings of the rules it names on the lines it
// covers. Suppressed findings stay in the results, marked, like waived ones; each named rule counts what it suppressed.
import type { Directive, DirectiveRule } from '../model/types.js';
import type { Finding } from './finding.js';

/** What the directive rules need to judge directives after they were applied. */
export interface DirectiveUse {
  /** Rules whose findings no directive can suppress: they run after directives are applied. */
  readonly unsuppressible: ReadonlySet<string>;
  /** How many findings each rule named by a directive in force suppressed; directives not in force are absent. */
  readonly suppressed: ReadonlyMap<DirectiveRule, number>;
}

export const NO_DIRECTIVE_USE: DirectiveUse = { unsuppressible: new Set(), suppressed: new Map() };

/**
 * Whether a directive suppresses anything: a disable form, written correctly, naming only rules that exist and whose
 * findings can be suppressed. A directive that is wrong in any part suppresses nothing, so a typo is never half-applied.
 */
export function isDirectiveInForce(directive: Directive, ruleIds: ReadonlySet<string>, unsuppressible: ReadonlySet<string>): boolean {
  return (
    directive.form !== undefined &&
    directive.form !== 'enable' &&
    directive.problems.length === 0 &&
    directive.rules.length > 0 &&
    directive.rules.every((rule) => ruleIds.has(rule.id) && !unsuppressible.has(rule.id))
  );
}

/**
 * Mark the findings (not already suppressed by a waiver) that directives in force suppress. Every covering directive
 * counts the finding, so none is "unused" because another matched first; the first in the file suppresses it.
 */
export function applyDirectives(
  findings: readonly Finding[],
  directives: readonly Directive[],
  ruleIds: ReadonlySet<string>,
  unsuppressible: ReadonlySet<string>,
): DirectiveUse {
  const suppressed = new Map<DirectiveRule, number>();
  const byFile = new Map<string, { directive: Directive; rule: DirectiveRule }[]>();
  for (const directive of directives) {
    if (!isDirectiveInForce(directive, ruleIds, unsuppressible)) continue;
    const inFile = byFile.get(directive.at.file) ?? [];
    byFile.set(directive.at.file, inFile);
    for (const rule of directive.rules) {
      suppressed.set(rule, 0);
      inFile.push({ directive, rule });
    }
  }
  if (byFile.size === 0) return { unsuppressible, suppressed };

  for (const finding of findings) {
    if (finding.suppressedBy) continue;
    const covering = (byFile.get(finding.file) ?? []).filter(
      ({ rule }) => rule.id === finding.ruleId && rule.lines !== undefined && rule.lines.first <= finding.line && finding.line <= rule.lines.last,
    );
    for (const { rule } of covering) suppressed.set(rule, suppressed.get(rule)! + 1);
    const first = covering[0];
    if (first) finding.suppressedBy = { kind: 'directive', file: first.directive.at.file, line: first.directive.at.line, reason: first.directive.reason! };
  }
  return { unsuppressible, suppressed };
}
