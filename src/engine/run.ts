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
  files?: ReadonlySet<string>,
): Finding[] {
  const first = rules.filter((r) => r.rule.meta.phase !== 'waivers');
  const last = rules.filter((r) => r.rule.meta.phase === 'waivers');
  const context = { ruleIds, ranRuleIds: new Set(first.map((r) => r.rule.meta.id)) };
  // With file targets, a per-file rule needs only those files' records: what it finds in any other file is not
  // reported. Unless a waiver is among them: whether a waiver is used depends on every finding it may match.
  const narrowed = files && !model.waivers.some((waiver) => files.has(waiver.source.file)) ? filesOnly(model, files) : undefined;
  const findings = narrowed
    ? [
        ...runPhase(model, first.filter((r) => !r.rule.meta.perFile), asOf, new Map(), NO_DIRECTIVE_USE, context),
        ...runPhase(narrowed, first.filter((r) => r.rule.meta.perFile), asOf, new Map(), NO_DIRECTIVE_USE, context),
      ]
    : runPhase(model, first, asOf, new Map(), NO_DIRECTIVE_USE, context);
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

/** The model as far as the given files hold it: their records, problems and directives; what is whole-program stays. */
export function filesOnly(model: RepoModel, files: ReadonlySet<string>): RepoModel {
  const held = <T extends { source: { file: string } }>(records: readonly T[]): T[] => records.filter((record) => files.has(record.source.file));
  return {
    ...model,
    policies: held(model.policies),
    controls: held(model.controls),
    systems: held(model.systems),
    vendors: held(model.vendors),
    people: held(model.people),
    training: held(model.training),
    acknowledgments: held(model.acknowledgments),
    waivers: held(model.waivers),
    problems: model.problems.filter((problem) => files.has(problem.range.file)),
    directives: model.directives.filter((directive) => files.has(directive.at.file)),
    populationFiles: model.populationFiles.filter((file) => files.has(file.file)),
    unknownFields: model.unknownFields.filter((unknown) => files.has(unknown.at.file)),
  };
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
