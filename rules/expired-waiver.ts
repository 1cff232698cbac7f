// A waiver past its expiry date: it has stopped suppressing anything, and an auditor reads an exception nobody renewed
// as an exception nobody manages; the finding it hid is back, and the waiver itself is stale paperwork.
import { defineRule } from '../src/engine/rule.js';
import { isWaiverInForce } from '../src/engine/waivers.js';

export default defineRule({
  meta: {
    id: 'expired-waiver',
    description: 'A waiver in waivers.yaml whose expires date is before as_of; it no longer suppresses anything.',
    defaultSeverity: 'error',
    reads: ['waiver'],
    messages: {
      expired:
        'The waiver of {{rule}} for {{target}} expired on {{expires}}; it no longer suppresses anything. Fix the finding, or renew the waiver with a new approval and expiry date.',
    },
    // Judged after waivers apply, so a waiver cannot silence the report of its own expiry.
    phase: 'waivers',
  },
  check({ model, asOf, report }) {
    for (const waiver of model.waivers) {
      if (isWaiverInForce(waiver, asOf)) continue; // in force through the end of its expires day
      report({
        messageId: 'expired',
        data: { rule: waiver.rule, target: waiver.target, expires: waiver.expires },
        at: waiver.source.at(['expires']),
      });
    }
  },
});
