// Running the enabled rules over the model, then waivers and inline directives. A rule that throws or reports nonsense
// becomes a finding, not a crash.
import type { IsoDate } from '../core/dates.js';
import type { RepoModel, Waiver } from '../model/types.js';
import { applyDirectives, NO_DIRECTIVE_USE, type DirectiveUse } from './directives.js';
import { applyWaivers } from './waivers.js';
import { REPO_ROOT, compareFindings, fileStart, type Finding, type Severity } from './finding.js';
import type { AnyRule, Problem } from './rule.js';

export interface EnabledRule {
  rule: AnyRule;
  severity: Severity;
  options: unknown;
}

/**
 * Run the rules, apply the waivers in force and then the inline directives, then run the rules that judge the
 * waivers and directives themselves (`phase: 'waivers'`; their findings can be neither waived nor suppressed).
 * Returns every finding, the suppressed ones marked with the waiver or directive that suppressed them.
 */
export function runRules(
  model: RepoModel,
  rules: readonly EnabledRule[],
  asOf: IsoDate,
  ruleIds: ReadonlySet<string> = new Set(rules.map((r) => r.rule.meta.id)),
): Finding[] {
  const first = rules.filter((r) => r.rule.meta.phase !== 'waivers');
  const last = rules.filter((r) => r.rule.meta.phase === 'waivers');
  const context = { ruleIds, ranRuleIds: new Set(first.map((r) => r.rule.meta.id)) };
  const findings = runPhase(model, first, asOf, new Map(), NO_DIRECTIVE_USE, context);
  const matches = applyWaivers(findings, model.waivers, asOf);
  const directiveUse = applyDirectives(findings, model.directives, ruleIds, new Set(last.map((r) => r.rule.meta.id)));
  findings.push(...runPhase(model, last, asOf, matches, directiveUse, context));
  return findings.sort(compareFindings);
}

function runPhase(
  model: RepoModel,
  rules: readonly EnabledRule[],
  asOf: IsoDate,
  waiverMatches: ReadonlyMap<Waiver, number>,
  directiveUse: DirectiveUse,
  { ruleIds, ranRuleIds }: { ruleIds: ReadonlySet<string>; ranRuleIds: ReadonlySet<string> },
): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, severity, options } of rules) {
    const ruleId = rule.meta.id;
    const report = (problem: Problem) => {
      if (!isWellFormed(problem)) {
        findings.push(malformed(ruleId, problem));
        return;
      }
      const record = problem.record ?? problem.at.record;
      findings.push({ ruleId, severity, message: problem.message, ...problem.at, ...(record !== undefined ? { record } : {}) });
    };
    try {
      rule.check({ model, asOf, options, waiverMatches, directiveUse, ruleIds, ranRuleIds, report });
    } catch (error) {
      findings.push({
        ruleId,
        severity: 'error',
        message: `Rule ${ruleId} failed (${error instanceof Error ? error.message : String(error)}); its findings are incomplete. This is a bug in soc2lint: please report it.`,
        ...fileStart(model.configFile ?? REPO_ROOT),
      });
    }
  }
  return findings;
}

function isWellFormed(problem: Problem): boolean {
  const { at } = problem;
  return (
    typeof problem.message === 'string' &&
    problem.message.length > 0 &&
    typeof at?.file === 'string' &&
    [at.line, at.column, at.endLine, at.endColumn].every((n) => Number.isInteger(n) && n >= 1)
  );
}

function malformed(ruleId: string, problem: Problem): Finding {
  return {
    ruleId,
    severity: 'error',
    message: `Rule ${ruleId} reported a finding without a valid place (${JSON.stringify(problem.at)}): ${String(problem.message)}. This is a bug in soc2lint: please report it.`,
    ...fileStart(typeof problem.at?.file === 'string' ? problem.at.file : REPO_ROOT),
  };
}
