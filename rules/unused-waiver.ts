// A waiver in force that suppressed nothing: its finding was fixed, or its rule or target is misspelt. Either way it
// is an approved exception that covers nothing, and a typo'd one means the finding it was meant for still counts.
import { didYouMean } from '../src/core/suggest.js';
import { defineRule } from '../src/engine/rule.js';
import { isWaiverInForce } from '../src/engine/waivers.js';

const ID = 'unused-waiver';
/** Rules judged after waivers apply: their findings can never be waived. */
const UNWAIVABLE = new Set([ID, 'expired-waiver', 'invalid-directive', 'unused-directive']);

export default defineRule({
  meta: {
    id: ID,
    description: 'A waiver in force that matched no finding: the problem is fixed, or its rule or target is wrong.',
    defaultSeverity: 'warn',
    reads: ['waiver'],
    phase: 'waivers',
    messages: {
      unwaivable: 'The waiver of {{rule}} for {{target}} matched no finding: {{rule}} findings cannot be waived. Remove it.',
      // `suggestion` is ` Did you mean "..."?` or empty.
      unknownRule: 'The waiver of {{rule}} for {{target}} matched no finding: there is no rule "{{rule}}".{{suggestion}} Fix the rule name, or remove the waiver.',
      unused: 'The waiver of {{rule}} for {{target}} matched no finding. Remove it, or fix its rule or target.',
    },
  },
  check({ model, asOf, waiverMatches, ruleIds, ranRuleIds, report }) {
    for (const waiver of model.waivers) {
      if (!isWaiverInForce(waiver, asOf)) continue; // expired: expired-waiver's business
      if (waiverMatches.get(waiver) !== 0) continue;
      const data = { rule: waiver.rule, target: waiver.target };
      if (UNWAIVABLE.has(waiver.rule)) {
        report({ messageId: 'unwaivable', data, at: waiver.source.at(['rule']) });
      } else if (ruleIds.has(waiver.rule) && !ranRuleIds.has(waiver.rule)) {
        // The rule is off or was skipped (git rules in a shallow clone): it found nothing to match, through no fault of the waiver.
        continue;
      } else if (!ruleIds.has(waiver.rule)) {
        report({ messageId: 'unknownRule', data: { ...data, suggestion: didYouMean(waiver.rule, ruleIds) }, at: waiver.source.at(['rule']) });
      } else {
        report({ messageId: 'unused', data, at: waiver.source.at(['target']) });
      }
    }
  },
});
