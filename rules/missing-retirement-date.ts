// A retired control without `retired_on`: it ran for part of the audit period and is still tested for that part, but
// without the date nobody (soc2lint or the auditor) can tell which intervals it owes evidence for, so its gaps vanish.
import { compareDates } from '../src/core/dates.js';
import { typeTwoPeriod } from '../src/model/program.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'missing-retirement-date',
    description: 'A retired control with no retired_on date, once the Type II period has started and the control has evidence dated in it.',
    defaultSeverity: 'error',
    perFile: true,
    reads: ['scope', 'control'],
    messages: {
      noRetiredOn:
        'Control {{control}} is retired but has no "retired_on:" date, and it has evidence dated in the Type II period {{periodStart}} to {{periodEnd}} (the latest on {{latest}}). A control that ran for part of the period is still tested for that part: add the day it stopped as "retired_on:".',
    },
  },
  check({ model, asOf, report }) {
    const period = typeTwoPeriod(model);
    if (!period || compareDates(period.start, period.end) > 0 || compareDates(asOf, period.start) < 0) return;
    for (const control of model.controls) {
      if (control.status !== 'retired' || control.retiredOn !== undefined || control.source.has(['retired_on'])) continue;
      // Only a control that ran in the period owes it anything; one retired long before has nothing to be tested for.
      const inPeriod = control.evidence.map((entry) => entry.date).filter((date) => date >= period.start && date <= period.end && date <= asOf);
      if (inPeriod.length === 0) continue;
      const latest = inPeriod.sort().at(-1)!;
      report({ messageId: 'noRetiredOn', data: { control: control.id, periodStart: period.start, periodEnd: period.end, latest }, at: control.source.at(['status']) });
    }
  },
});
