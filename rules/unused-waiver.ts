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
  },
  check({ model, asOf, waiverMatches, ruleIds, ranRuleIds, report }) {
    for (const waiver of model.waivers) {
      if (!isWaiverInForce(waiver, asOf)) continue; // expired: expired-waiver's business
      if (waiverMatches.get(waiver) !== 0) continue;
      const what = `The waiver of ${waiver.rule} for ${waiver.target} matched no finding`;
      if (UNWAIVABLE.has(waiver.rule)) {
        report({ message: `${what}: ${waiver.rule} findings cannot be waived. Remove it.`, at: waiver.source.at(['rule']) });
      } else if (ruleIds.has(waiver.rule) && !ranRuleIds.has(waiver.rule)) {
        // The rule is off or was skipped (git rules in a shallow clone): it found nothing to match, through no fault of the waiver.
        continue;
      } else if (!ruleIds.has(waiver.rule)) {
        report({
          message: `${what}: there is no rule "${waiver.rule}".${didYouMean(waiver.rule, ruleIds)} Fix the rule name, or remove the waiver.`,
          at: waiver.source.at(['rule']),
        });
      } else {
        report({ message: `${what}. Remove it, or fix its rule or target.`, at: waiver.source.at(['target']) });
      }
    }
  },
});
