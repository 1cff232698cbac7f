// Proof that has stopped coming: the newest evidence is older than the control's own cadence allows, so the control
// has probably stopped operating (or stopped being recorded), which an auditor's sample will show as an exception.
import { activeControls } from '../src/model/program.js';
import { evidenceStatus } from '../src/model/evidence-status.js';
import { describeInterval } from '../src/core/dates.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'stale-evidence',
    description: "An active control whose newest evidence is older than its frequency allows (option grace, in days).",
    defaultSeverity: 'error',
    reads: ['control'],
    options: ruleOptions<{ grace: number }>({
      defaults: { grace: 0 },
      schema: { type: 'object', additionalProperties: false, properties: { grace: { type: 'integer', minimum: 0, maximum: 366 } } },
    }),
    messages: {
      stale:
        'Control {{control}} runs {{frequency}}, but its newest evidence is from {{newest}}; the next was due by {{due}}, {{maxAge}} after it. Add evidence of the latest run, or fix the frequency.',
      staleWithGrace:
        "Control {{control}} runs {{frequency}}, but its newest evidence is from {{newest}}; the next was due by {{due}} (with {{grace}} days' grace), {{maxAge}} after it. Add evidence of the latest run, or fix the frequency.",
    },
  },
  check({ model, asOf, options, report }) {
    for (const control of activeControls(model)) {
      const status = evidenceStatus(control, asOf, options.grace);
      if (status.state !== 'stale') continue; // event controls never go stale; no evidence at all is missing-evidence
      const { newest, due, maxAge } = status;
      const entry = control.evidence.find((e) => e.date === newest)!;
      report({
        messageId: options.grace ? 'staleWithGrace' : 'stale',
        data: { control: control.id, frequency: control.frequency, newest, due, grace: options.grace, maxAge: describeInterval(maxAge) },
        at: control.source.at(['evidence', entry.index, 'date']),
      });
    }
  },
});
