// Running the enabled rules over the model, then waivers and inline directives. A rule that throws or reports nonsense
// becomes a finding, not a crash.
import type { IsoDate } from '../core/dates.js';
import type { RepoModel, Waiver } from '../model/types.js';
import { applyDirectives, NO_DIRECTIVE_USE, type DirectiveUse } from './directives.js';
import { applyWaivers } from './waivers.js';
import { REPO_ROOT, compareFindings, fileStart, type Finding, type Severity } from './finding.js';
import { formatMessage, placeholders, type AnyRule, type Problem } from './rule.js';

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
  for (const finding of runPhase(model, last, asOf, matches, directiveUse, context)) findings.push(finding);
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
      const template = isWellFormed(problem) ? rule.meta.messages[problem.messageId] : undefined;
      const data = problem.data ?? {};
      const message = template === undefined ? undefined : formatMessage(template, data);
      if (message === undefined) {
        findings.push(malformed(ruleId, problem, rule));
        return;
      }
      const record = problem.record ?? problem.at.record;
      const headsUp = problem.severity === 'warn' ? { severity: 'warn' as const, headsUp: true as const } : { severity };
      findings.push({ ruleId, messageId: problem.messageId, data, message, ...problem.at, ...(record !== undefined ? { record } : {}), ...headsUp });
    };
    try {
      rule.check({ model, asOf, options, waiverMatches, directiveUse, ruleIds, ranRuleIds, report });
    } catch (error) {
      const data = { error: error instanceof Error ? error.message : String(error) };
      findings.push({
        ruleId,
        severity: 'error',
        messageId: INTERNAL_ERROR,
        data,
        message: `Rule ${ruleId} failed (${data.error}); its findings are incomplete. This is a bug in soc2lint: please report it.`,
        ...fileStart(model.configFile ?? REPO_ROOT),
      });
    }
  }
  return findings;
}

/** The message ID of the findings the engine makes when a rule fails or reports something it cannot place. */
export const INTERNAL_ERROR = 'internal-error';

function isWellFormed(problem: Problem): boolean {
  const { at } = problem;
  return (
    typeof problem.messageId === 'string' &&
    (problem.data === undefined || (typeof problem.data === 'object' && problem.data !== null)) &&
    typeof at?.file === 'string' &&
    [at.line, at.column, at.endLine, at.endColumn].every((n) => Number.isInteger(n) && n >= 1)
  );
}

function malformed(ruleId: string, problem: Problem, rule: AnyRule): Finding {
  const known = typeof problem.messageId === 'string' && Object.hasOwn(rule.meta.messages, problem.messageId);
  const why = !isWellFormed(problem)
    ? `without a valid place or message ID (${JSON.stringify({ messageId: problem.messageId, at: problem.at })})`
    : !known
      ? `with the message ID "${problem.messageId}", which its meta.messages does not declare`
      : `with message "${problem.messageId}" but no value for its placeholder(s) ${placeholders(rule.meta.messages[problem.messageId]!)
          .filter((name) => !Object.hasOwn(problem.data ?? {}, name))
          .join(', ')}`;
  const data = { why };
  return {
    ruleId,
    severity: 'error',
    messageId: INTERNAL_ERROR,
    data,
    message: `Rule ${ruleId} reported a finding ${why}. This is a bug in soc2lint: please report it.`,
    ...fileStart(typeof problem.at?.file === 'string' ? problem.at.file : REPO_ROOT),
  };
}
