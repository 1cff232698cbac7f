// The recurring activities every SOC 2 program is expected to run (access reviews, training, pen tests...): when no
// active control performs one, or none runs it as often as expected, the auditor finds a gap in the program itself.
import { FREQUENCY_RANK, activeControls, programAnchor } from '../src/model/program.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';
import type { ControlFrequency } from '../src/model/types.js';

type Expected = ControlFrequency | 'off';

/** The usual cadences (see DOMAIN.md); the `activities` option overrides them one by one. */
const DEFAULT_ACTIVITIES: Readonly<Record<string, Expected>> = {
  'access-review': 'quarterly',
  'security-training': 'annual',
  'policy-review': 'annual',
  'risk-assessment': 'annual',
  'vendor-review': 'annual',
  'incident-response-test': 'annual',
  'business-continuity-test': 'annual',
  'penetration-test': 'annual',
  'vulnerability-scan': 'quarterly',
  'change-management': 'event',
  'background-check': 'event',
  // Board or management oversight of the program (CC1.2, CC4): quarterly meetings.
  'management-review': 'quarterly',
  'backup-restore-test': 'annual',
  'asset-inventory-review': 'annual',
};

const FREQUENCIES = ['continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'event', 'off'];

/** An `event` expectation is met by any control; a periodic one by a periodic control at least as frequent. */
function meets(frequency: ControlFrequency, expected: ControlFrequency): boolean {
  if (expected === 'event') return true;
  return frequency !== 'event' && FREQUENCY_RANK[frequency] >= FREQUENCY_RANK[expected];
}

export default defineRule({
  meta: {
    id: 'missing-activity',
    description: 'An expected recurring activity (access-review, penetration-test, ...) that no active control tagged with it performs at least as often as expected.',
    defaultSeverity: 'error',
    reads: ['control', 'scope'],
    options: ruleOptions<{ activities: Record<string, Expected> }>({
      defaults: { activities: { ...DEFAULT_ACTIVITIES } },
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          activities: { type: 'object', propertyNames: { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }, additionalProperties: { enum: FREQUENCIES } },
        },
      },
    }),
    messages: {
      noControl: 'No active control performs the {{activity}} activity (expected {{expected}}). Tag the control that does with activity: {{activity}}, or add one.',
      tooRare: 'Control {{control}} performs {{activity}} {{frequency}}, but it is expected {{expected}}. Run it {{expected}} or explain the exception with a waiver.',
      onlyOnEvents: 'Control {{control}} performs {{activity}} only on events, but it is expected {{expected}}. Run it {{expected}} or explain the exception with a waiver.',
    },
  },
  check({ model, options, report }) {
    const expectations = { ...DEFAULT_ACTIVITIES, ...options.activities };
    const active = activeControls(model);
    for (const [activity, expected] of Object.entries(expectations)) {
      if (expected === 'off') continue;
      const tagged = active.filter((control) => control.activity === activity);
      if (tagged.length === 0) {
        report({
          messageId: 'noControl',
          data: { activity, expected },
          at: programAnchor(model),
          record: activity,
        });
        continue;
      }
      // One control at the expected cadence is enough; slower ones beside it (an extra annual deep-dive) are fine.
      if (tagged.some((control) => meets(control.frequency, expected))) continue;
      for (const control of tagged) {
        report({
          messageId: control.frequency === 'event' ? 'onlyOnEvents' : 'tooRare',
          data: { control: control.id, activity, frequency: control.frequency, expected },
          at: control.source.at(['frequency']),
        });
      }
    }
  },
});
