// New hires are a population the auditor samples: each needs a background check completed before they started
// (before access). People who started within the audit period (or the last `months` months) are judged.
import { addDays, compareDates } from '../src/core/dates.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';
import { samplingWindow } from '../src/model/program.js';

export default defineRule({
  meta: {
    id: 'missing-background-check',
    description: 'A person who started within the audit period (or the last months months) with no background_check dated on or before their start (plus grace_days).',
    defaultSeverity: 'error',
    perFile: true,
    reads: ['person', 'scope'],
    options: ruleOptions<{ months: number; grace_days: number; exclude_contractors: boolean }>({
      defaults: { months: 12, grace_days: 0, exclude_contractors: false },
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          months: { type: 'integer', minimum: 1 },
          grace_days: { type: 'integer', minimum: 0 },
          exclude_contractors: { type: 'boolean' },
        },
      },
    }),
    messages: {
      missing:
        '{{person}} started on {{start}}, within {{window}}, but no background check is recorded. Record it under "background_check:" with its date and evidence; an auditor sampling this joiner records an exception without it.',
      late: '{{person}} started on {{start}} but the background check is dated {{checked}}, after the start (allowed until {{due}}). Checks come before access: record the reason, or correct the date if it is wrong.',
    },
  },
  check({ model, asOf, options, report }) {
    const window = samplingWindow(model, asOf, options.months);
    for (const person of model.people) {
      if (!person.start || compareDates(person.start, window.start) < 0 || compareDates(person.start, window.end) > 0) continue;
      if (options.exclude_contractors && person.type === 'contractor') continue;
      const named = { person: `${person.name} (${person.id})`, start: person.start };
      const check = person.backgroundCheck;
      if (!check) {
        // A background_check written with an invalid value is schema-violation's finding.
        if (person.source.has(['background_check'])) continue;
        report({ messageId: 'missing', data: { ...named, window: window.label }, at: person.source.at(['start']) });
        continue;
      }
      const due = addDays(person.start, options.grace_days);
      if (compareDates(check.date, due) > 0) {
        report({ messageId: 'late', data: { ...named, checked: check.date, due }, at: person.source.at(['background_check', 'date']) });
      }
    }
  },
});
