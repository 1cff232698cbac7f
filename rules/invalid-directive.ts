// A `soc2lint-disable` comment that cannot work: misspelt, naming no rule or an unknown one, or without a reason. It
// suppresses nothing, so the finding it was written for still counts, and a suppression nobody can justify is no better.
import { didYouMean } from '../src/core/suggest.js';
import { defineRule } from '../src/engine/rule.js';
import type { Directive, DirectiveProblem } from '../src/model/types.js';
import { DIRECTIVE_FORMS } from '../src/core/types.js';

export default defineRule({
  meta: {
    id: 'invalid-directive',
    description: 'A soc2lint-disable comment that cannot work: misspelt, naming no rule or an unknown one, without a reason after " -- ", or an enable with no disable.',
    defaultSeverity: 'warn',
    reads: ['policy', 'control', 'scope', 'vendor', 'person', 'training', 'acknowledgment', 'waiver'],
    phase: 'waivers',
  },
  check({ model, ruleIds, directiveUse, report }) {
    for (const directive of model.directives) {
      const inert = directive.form !== undefined && directive.form !== 'enable' ? ' It suppresses nothing until it is fixed.' : '';
      for (const problem of directive.problems) report({ message: `${describe(directive, problem)}${inert}`, at: problem.at });
      if (directive.form === undefined || directive.form === 'enable') continue; // an enable's names are checked by pairing
      for (const rule of directive.rules) {
        if (!ruleIds.has(rule.id)) {
          report({ message: `${name(directive)} names "${rule.id}", which is not a soc2lint rule.${didYouMean(rule.id, ruleIds)}${inert}`, at: rule.at });
        } else if (directiveUse.unsuppressible.has(rule.id)) {
          report({
            message: `${name(directive)} names ${rule.id}, whose findings no directive can suppress: that rule judges waivers and directives after they are applied. Remove it from the directive.${inert}`,
            at: rule.at,
          });
        }
      }
    }
  },
});

function name(directive: Directive): string {
  return `soc2lint-${directive.keyword}`;
}

function describe(directive: Directive, problem: DirectiveProblem): string {
  const forms = DIRECTIVE_FORMS[directive.syntax].map((form) => `soc2lint-${form}`);
  const where = directive.syntax === 'yaml' ? 'In YAML' : 'In a policy';
  switch (problem.kind) {
    case 'unknown-form':
      return `"${name(directive)}" is not a soc2lint directive.${didYouMean(name(directive), forms)} ${where}, write ${list(forms)}.`;
    case 'wrong-syntax':
      return directive.syntax === 'yaml'
        ? `${name(directive)} works in policy text only. In YAML, put soc2lint-disable-line at the end of the line to suppress, or soc2lint-disable-next-line on the line above it.`
        : `${name(directive)} works in YAML comments only. In a policy, put <!-- soc2lint-disable-next-line RULE -- REASON --> on the line above, or wrap the lines in soc2lint-disable and soc2lint-enable.`;
    case 'no-rule':
      return `${name(directive)} names no rule; write the IDs of the rules to ${directive.form === 'enable' ? 'enable again' : 'suppress'}, separated by commas${directive.form === 'enable' ? '' : ', then " -- " and the reason'}.`;
    case 'stray-comma':
      return `${name(directive)} has an empty rule name in "${problem.text}"; remove the extra comma.`;
    case 'missing-separator':
      return directive.reason === undefined
        ? `${name(directive)} runs "${problem.text}" together; put " -- " between the rule names and the reason, as in "${name(directive)} ${problem.text!.split(/\s+/)[0]} -- ${problem.text!.split(/\s+/).slice(1).join(' ')}".`
        : `${name(directive)} names "${problem.text}", which is not one rule; separate rule names with commas.`;
    case 'no-reason':
      return `${name(directive)} gives no reason; add one after " -- ", as in "${name(directive)} ${directive.rules[0]?.id ?? 'RULE'} -- REASON". An auditor will ask why the finding is suppressed.`;
    case 'alone-on-line':
      return `${name(directive)} suppresses findings on its own line, which holds nothing else. Put it at the end of the line to suppress, or use soc2lint-disable-next-line here.`;
    case 'unmatched-enable':
      return `${name(directive)} ${problem.text} has no soc2lint-disable ${problem.text} above it to end.`;
    case 'unclosed':
      return `${name(directive)} is in an HTML comment that is never closed; end it with "-->".`;
  }
}

function list(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' or ') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
