// A `soc2lint-disable` comment that cannot work: misspelt, naming no rule or an unknown one, or without a reason. It
// suppresses nothing, so the finding it was written for still counts, and a suppression nobody can justify is no better.
import { didYouMean } from '../src/core/suggest.js';
import { defineRule, type MessageData } from '../src/engine/rule.js';
import type { Directive, DirectiveProblem, DirectiveSyntax } from '../src/model/types.js';
import { DIRECTIVE_FORMS } from '../src/core/types.js';

/** Said of a disable directive that has a problem: what it means for the findings it was written for. */
const INERT = 'It suppresses nothing until it is fixed.';

// {{directive}} is the directive's name as written (`soc2lint-disable-nextline`); {{suggestion}} is a whole
// " Did you mean ...?" sentence, or empty when no name is near enough. An enable suppresses nothing in any case, so its
// messages do not say so, and it takes no reason.
const MESSAGES = {
  unknownYamlForm: `"{{directive}}" is not a soc2lint directive.{{suggestion}} In YAML, write ${list(formNames('yaml'))}.`,
  unknownPolicyForm: `"{{directive}}" is not a soc2lint directive.{{suggestion}} In a policy, write ${list(formNames('markdown'))}.`,
  policyOnlyForm:
    '{{directive}} works in policy text only. In YAML, put soc2lint-disable-line at the end of the line to suppress, or soc2lint-disable-next-line on the line above it.',
  yamlOnlyForm:
    '{{directive}} works in YAML comments only. In a policy, put <!-- soc2lint-disable-next-line RULE -- REASON --> on the line above, or wrap the lines in soc2lint-disable and soc2lint-enable.',
  noRule: `{{directive}} names no rule; write the IDs of the rules to suppress, separated by commas, then " -- " and the reason. ${INERT}`,
  noRuleInEnable: '{{directive}} names no rule; write the IDs of the rules to enable again, separated by commas.',
  strayComma: `{{directive}} has an empty rule name in "{{list}}"; remove the extra comma. ${INERT}`,
  strayCommaInEnable: '{{directive}} has an empty rule name in "{{list}}"; remove the extra comma.',
  reasonRunTogether: `{{directive}} runs "{{text}}" together; put " -- " between the rule names and the reason, as in "{{directive}} {{rule}} -- {{reason}}". ${INERT}`,
  notOneRule: `{{directive}} names "{{text}}", which is not one rule; separate rule names with commas. ${INERT}`,
  notOneRuleInEnable: '{{directive}} names "{{text}}", which is not one rule; separate rule names with commas.',
  noReason: `{{directive}} gives no reason; add one after " -- ", as in "{{directive}} {{rule}} -- REASON". An auditor will ask why the finding is suppressed. ${INERT}`,
  noReasonNoRule: `{{directive}} gives no reason; add one after " -- ", as in "{{directive}} RULE -- REASON". An auditor will ask why the finding is suppressed. ${INERT}`,
  aloneOnLine: `{{directive}} suppresses findings on its own line, which holds nothing else. Put it at the end of the line to suppress, or use soc2lint-disable-next-line here. ${INERT}`,
  unmatchedEnable: 'soc2lint-enable {{rule}} has no soc2lint-disable {{rule}} above it to end.',
  unclosed: '{{directive}} is in an HTML comment that is never closed; end it with "-->".',
  unclosedDisable: `{{directive}} is in an HTML comment that is never closed; end it with "-->". ${INERT}`,
  unknownRule: `{{directive}} names "{{rule}}", which is not a soc2lint rule.{{suggestion}} ${INERT}`,
  unsuppressible: `{{directive}} names {{rule}}, whose findings no directive can suppress: that rule judges waivers and directives after they are applied. Remove it from the directive. ${INERT}`,
};
type MessageId = keyof typeof MESSAGES;

export default defineRule({
  meta: {
    id: 'invalid-directive',
    description: 'A soc2lint-disable comment that cannot work: misspelt, naming no rule or an unknown one, without a reason after " -- ", or an enable with no disable.',
    defaultSeverity: 'warn',
    reads: ['policy', 'control', 'scope', 'vendor', 'person', 'training', 'acknowledgment', 'waiver'],
    phase: 'waivers',
    messages: MESSAGES,
  },
  check({ model, ruleIds, directiveUse, report }) {
    for (const directive of model.directives) {
      for (const problem of directive.problems) report({ ...describe(directive, problem), at: problem.at });
      if (directive.form === undefined || directive.form === 'enable') continue; // an enable's names are checked by pairing
      const named = { directive: name(directive) };
      for (const rule of directive.rules) {
        if (!ruleIds.has(rule.id)) {
          report({ messageId: 'unknownRule', data: { ...named, rule: rule.id, suggestion: didYouMean(rule.id, ruleIds) }, at: rule.at });
        } else if (directiveUse.unsuppressible.has(rule.id)) {
          report({ messageId: 'unsuppressible', data: { ...named, rule: rule.id }, at: rule.at });
        }
      }
    }
  },
});

function name(directive: Directive): string {
  return `soc2lint-${directive.keyword}`;
}

function formNames(syntax: DirectiveSyntax): string[] {
  return DIRECTIVE_FORMS[syntax].map((form) => `soc2lint-${form}`);
}

function list(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' or ') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function describe(directive: Directive, problem: DirectiveProblem): { messageId: MessageId; data: MessageData } {
  const named = { directive: name(directive) };
  // An enable, or a comment that is no directive at all, would suppress nothing even if it were fixed.
  const disables = directive.form !== undefined && directive.form !== 'enable';
  const enables = directive.form === 'enable';
  switch (problem.kind) {
    case 'unknown-form': {
      const suggestion = didYouMean(named.directive, formNames(directive.syntax));
      return { messageId: directive.syntax === 'yaml' ? 'unknownYamlForm' : 'unknownPolicyForm', data: { ...named, suggestion } };
    }
    case 'wrong-syntax':
      return { messageId: directive.syntax === 'yaml' ? 'policyOnlyForm' : 'yamlOnlyForm', data: named };
    case 'no-rule':
      return { messageId: enables ? 'noRuleInEnable' : 'noRule', data: named };
    case 'stray-comma':
      return { messageId: enables ? 'strayCommaInEnable' : 'strayComma', data: { ...named, list: problem.text! } };
    case 'missing-separator': {
      const text = problem.text!;
      // Without a reason, the words after the first are taken for one; an enable takes no reason, so they are names.
      if (enables) return { messageId: 'notOneRuleInEnable', data: { ...named, text } };
      if (directive.reason !== undefined) return { messageId: 'notOneRule', data: { ...named, text } };
      const [rule, ...reason] = text.split(/\s+/);
      return { messageId: 'reasonRunTogether', data: { ...named, text, rule: rule!, reason: reason.join(' ') } };
    }
    case 'no-reason': {
      const first = directive.rules[0];
      return first ? { messageId: 'noReason', data: { ...named, rule: first.id } } : { messageId: 'noReasonNoRule', data: named };
    }
    case 'alone-on-line':
      return { messageId: 'aloneOnLine', data: named };
    case 'unmatched-enable':
      return { messageId: 'unmatchedEnable', data: { rule: problem.text! } };
    case 'unclosed':
      return { messageId: disables ? 'unclosedDisable' : 'unclosed', data: named };
  }
}
