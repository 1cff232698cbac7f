// An exception approved for years is a decision nobody revisits: auditors expect accepted risks to be re-approved at
// least yearly. Measured from the waiver's approval, or from as_of when no approval date is recorded (an approval
// cannot be later than today, so the waiver is at least that long).
import { addMonths, compareDates } from '../src/core/dates.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'waiver-too-long',
    description: 'A waiver whose expires date is more than max_months (12) after its approved_on date (or after as_of when it has none).',
    defaultSeverity: 'warn',
    reads: ['waiver'],
    options: ruleOptions<{ max_months: number }>({
      defaults: { max_months: 12 },
      schema: { type: 'object', additionalProperties: false, properties: { max_months: { type: 'integer', minimum: 1 } } },
    }),
    messages: {
      tooLong:
        'The waiver of {{rule}} for {{target}} was approved on {{approvedOn}} and expires on {{expires}}, more than {{max}} months later (at most {{limit}}). Set an earlier expiry and re-approve the exception when it runs out.',
      tooLongUndated:
        'The waiver of {{rule}} for {{target}} expires on {{expires}}, more than {{max}} months after {{asOf}} (at most {{limit}}), and records no approved_on date. Set an earlier expiry, and record when it was approved in "approved_on:".',
    },
  },
  check({ model, asOf, options, report }) {
    for (const waiver of model.waivers) {
      const from = waiver.approvedOn ?? asOf;
      const limit = addMonths(from, options.max_months);
      if (compareDates(waiver.expires, limit) <= 0) continue;
      const data = { rule: waiver.rule, target: waiver.target, expires: waiver.expires, max: options.max_months, limit };
      report(
        waiver.approvedOn
          ? { messageId: 'tooLong', data: { ...data, approvedOn: waiver.approvedOn }, at: waiver.source.at(['expires']) }
          : { messageId: 'tooLongUndated', data: { ...data, asOf }, at: waiver.source.at(['expires']) },
      );
    }
  },
});
