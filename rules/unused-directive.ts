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
    // By the directive's form and the lines it covers; `OfSeveral` when it names other rules too, so the fix is to
    // remove this rule from it rather than the whole comment.
    messages: {
      disableLine:
        'soc2lint-disable-line suppressed no {{rule}} finding on its line. If the problem is fixed, remove it; otherwise move it to the line of the finding, or fix the rule name.',
      disableLineOfSeveral:
        'soc2lint-disable-line suppressed no {{rule}} finding on its line. If the problem is fixed, remove {{rule}} from it; otherwise move it to the line of the finding, or fix the rule name.',
      disableNextLine:
        'soc2lint-disable-next-line suppressed no {{rule}} finding on line {{line}}. If the problem is fixed, remove it; otherwise move it to the line of the finding, or fix the rule name.',
      disableNextLineOfSeveral:
        'soc2lint-disable-next-line suppressed no {{rule}} finding on line {{line}}. If the problem is fixed, remove {{rule}} from it; otherwise move it to the line of the finding, or fix the rule name.',
      disableRange:
        'soc2lint-disable suppressed no {{rule}} finding on lines {{first}}–{{last}}. If the problem is fixed, remove it; otherwise make the range cover the line of the finding, or fix the rule name.',
      disableRangeOfSeveral:
        'soc2lint-disable suppressed no {{rule}} finding on lines {{first}}–{{last}}. If the problem is fixed, remove {{rule}} from it; otherwise make the range cover the line of the finding, or fix the rule name.',
      disableRangeOneLine:
        'soc2lint-disable suppressed no {{rule}} finding on line {{line}}. If the problem is fixed, remove it; otherwise make the range cover the line of the finding, or fix the rule name.',
      disableRangeOneLineOfSeveral:
        'soc2lint-disable suppressed no {{rule}} finding on line {{line}}. If the problem is fixed, remove {{rule}} from it; otherwise make the range cover the line of the finding, or fix the rule name.',
    },
  },
  check({ model, directiveUse, ranRuleIds, report }) {
    for (const directive of model.directives) {
      const several = directive.rules.length > 1;
      for (const rule of directive.rules) {
        // Absent: the directive is not in force (invalid-directive's finding). A rule that did not run (off, or a git
        // rule skipped in a shallow clone) found nothing to suppress, through no fault of the directive.
        if (directiveUse.suppressed.get(rule) !== 0 || !ranRuleIds.has(rule.id)) continue;
        const { first, last } = rule.lines!;
        const at = rule.at;
        if (directive.form === 'disable-line') {
          report({ messageId: several ? 'disableLineOfSeveral' : 'disableLine', data: { rule: rule.id }, at });
        } else if (directive.form === 'disable-next-line') {
          report({ messageId: several ? 'disableNextLineOfSeveral' : 'disableNextLine', data: { rule: rule.id, line: first }, at });
        } else if (first === last) {
          report({ messageId: several ? 'disableRangeOneLineOfSeveral' : 'disableRangeOneLine', data: { rule: rule.id, line: first }, at });
        } else {
          report({ messageId: several ? 'disableRangeOfSeveral' : 'disableRange', data: { rule: rule.id, first, last }, at });
        }
      }
    }
  },
});
