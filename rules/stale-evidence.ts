// Proof that has stopped coming: the latest calendar interval whose deadline has passed has no evidence, so the control
// has probably stopped operating (or stopped being recorded), which an auditor's sample will show as an exception.
// It judges by the same calendar as evidence-gap (src/model/evidence-calendar.ts), so the two never disagree.
import { activeControls } from '../src/model/program.js';
import { CADENCES, calendarOptions, evidenceStatus, newestEvidenceDate, type Cadence } from '../src/model/evidence-calendar.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';
import type { Control } from '../src/model/types.js';

const ADVICE = 'Add the evidence of that run (with its real date), or fix the frequency.';

export default defineRule({
  meta: {
    id: 'stale-evidence',
    description:
      'An active control with no evidence for the latest calendar interval of its cadence whose deadline (its end plus option grace) has passed; a warning when the current interval is due within option days.',
    defaultSeverity: 'error',
    reads: ['control'],
    perFile: true,
    options: ruleOptions<{ grace: number; days: number; continuous_every: Cadence }>({
      defaults: { grace: 0, days: 7, continuous_every: 'quarterly' },
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          grace: { type: 'integer', minimum: 0, maximum: 366 },
          days: { type: 'integer', minimum: 0, maximum: 366 },
          continuous_every: { enum: [...CADENCES] },
        },
      },
    }),
    messages: {
      stale: `Control {{control}} is filed {{every}}, but no evidence covers {{interval}} ({{start}} to {{end}}), due by {{due}}; its newest evidence is from {{newest}}. ${ADVICE}`,
      staleWithGrace: `Control {{control}} is filed {{every}}, but no evidence covers {{interval}} ({{start}} to {{end}}), due by {{due}} (with {{grace}} days' grace); its newest evidence is from {{newest}}. ${ADVICE}`,
      dueSoon: 'Control {{control}} is filed {{every}}: the evidence for {{interval}} ({{start}} to {{end}}) is due by {{due}}, in {{days}} days, and none is recorded yet. Run the control and record it.',
      dueToday: 'Control {{control}} is filed {{every}}: the evidence for {{interval}} ({{start}} to {{end}}) is due today ({{due}}), and none is recorded yet. Run the control and record it.',
    },
  },
  check({ model, asOf, options, report }) {
    const calendar = calendarOptions(options);
    for (const control of activeControls(model)) {
      const status = evidenceStatus(control, asOf, calendar, options.days);
      if (status.state !== 'stale' && status.state !== 'due-soon') continue; // no evidence at all is missing-evidence's
      const { interval, due } = status;
      const facts = { control: control.id, every: filedEvery(control, calendar.continuousEvery), interval: interval.label, start: interval.start, end: interval.end, due };
      if (status.state === 'due-soon') {
        report({ messageId: status.days === 0 ? 'dueToday' : 'dueSoon', data: { ...facts, days: status.days }, at: newestAt(control, asOf), severity: 'warn' });
        continue;
      }
      report({
        messageId: options.grace ? 'staleWithGrace' : 'stale',
        data: { ...facts, newest: status.newest, grace: options.grace },
        at: newestAt(control, asOf),
      });
    }
  },
});

/** How often the control's proof is filed, in words: `monthly`, `quarterly (a continuous control's snapshot)`. */
function filedEvery(control: Control, continuousEvery: Cadence): string {
  if (control.evidenceEvery) return control.evidenceEvery;
  return control.frequency === 'continuous' ? `${continuousEvery} (snapshots of a continuous control)` : control.frequency;
}

/** The date of the newest entry on or before as_of: the proof that stopped. */
function newestAt(control: Control, asOf: string) {
  const newest = newestEvidenceDate(control, asOf);
  const entry = control.evidence.find((e) => e.date === newest)!;
  return control.source.has(['evidence', entry.index, 'date']) ? control.source.at(['evidence', entry.index, 'date']) : control.source.at(['evidence', entry.index, 'to']);
}
