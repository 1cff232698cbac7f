// A `soc2lint-disable` comment that suppressed nothing: the finding it was written for is fixed, or it sits on the wrong
// line or names the wrong rule. Left in place, it would silently hide the next problem of that rule on that line.
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'unused-directive',
    description: 'A soc2lint-disable comment that suppressed no finding of a rule it names: the problem is fixed, or the line or rule is wrong.',
    defaultSeverity: 'warn',
    reads: ['policy', 'control', 'scope', 'vendor', 'person', 'training', 'acknowledgment', 'waiver'],
    phase: 'waivers',
  },
  check({ model, directiveUse, ranRuleIds, report }) {
    for (const directive of model.directives) {
      for (const rule of directive.rules) {
        // Absent: the directive is not in force (invalid-directive's finding). A rule that did not run (off, or a git
        // rule skipped in a shallow clone) found nothing to suppress, through no fault of the directive.
        if (directiveUse.suppressed.get(rule) !== 0 || !ranRuleIds.has(rule.id)) continue;
        const { first, last } = rule.lines!;
        const lines = directive.form === 'disable-line' ? 'on its line' : first === last ? `on line ${first}` : `on lines ${first}–${last}`;
        const fix = directive.rules.length > 1 ? `remove ${rule.id} from it` : 'remove it';
        const otherwise = directive.form === 'disable' ? 'make the range cover the line of the finding' : 'move it to the line of the finding';
        report({
          message: `soc2lint-${directive.keyword} suppressed no ${rule.id} finding ${lines}. If the problem is fixed, ${fix}; otherwise ${otherwise}, or fix the rule name.`,
          at: rule.at,
        });
      }
    }
  },
});
