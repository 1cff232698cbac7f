// Running the enabled rules over the model. A rule that throws or reports nonsense becomes a finding, not a crash.
import type { IsoDate } from '../domain/dates.js';
import type { RepoModel } from '../model/types.js';
import { REPO_ROOT, compareFindings, fileStart, type Finding, type Severity } from './finding.js';
import type { AnyRule, Problem } from './rule.js';

export interface EnabledRule {
  rule: AnyRule;
  severity: Severity;
  options: unknown;
}

export function runRules(model: RepoModel, rules: readonly EnabledRule[], asOf: IsoDate): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, severity, options } of rules) {
    const ruleId = rule.meta.id;
    const report = (problem: Problem) => {
      findings.push(isWellFormed(problem) ? { ruleId, severity, message: problem.message, ...problem.at } : malformed(ruleId, problem));
    };
    try {
      rule.check({ model, asOf, options, report });
    } catch (error) {
      findings.push({
        ruleId,
        severity: 'error',
        message: `Rule ${ruleId} failed (${error instanceof Error ? error.message : String(error)}); its findings are incomplete. This is a bug in soc2lint: please report it.`,
        ...fileStart(model.configFile ?? REPO_ROOT),
      });
    }
  }
  return findings.sort(compareFindings);
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
