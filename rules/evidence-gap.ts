// A whole week, month or quarter of a Type II period with no evidence of the control's run: the auditor samples by
// that calendar interval, and an interval with nothing to show is an exception in the report.
import { SAMPLING_PERIOD, activeControls, typeTwoPeriod } from '../src/model/program.js';
import { compareDates, periodsWithin, type PeriodUnit } from '../src/core/dates.js';
import { defineRule } from '../src/engine/rule.js';
import type { ControlFrequency } from '../src/model/types.js';

const RUNS: Readonly<Record<ControlFrequency, string>> = {
  daily: 'daily',
  weekly: 'weekly',
  monthly: 'monthly',
  quarterly: 'quarterly',
  semiannual: 'semiannually',
  annual: 'annually',
  continuous: 'continuously',
  event: 'on events',
};
const NOUN: Readonly<Record<PeriodUnit, string>> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter', half: 'half-year', year: 'calendar year' };
const SHOWN_DAYS = 5;

export default defineRule({
  meta: {
    id: 'evidence-gap',
    description: 'An active control with no evidence dated in a whole, ended calendar interval of its frequency inside the Type II audit period.',
    defaultSeverity: 'error',
    reads: ['scope', 'control'],
  },
  check({ model, asOf, report }) {
    const period = typeTwoPeriod(model);
    if (!period || compareDates(period.start, period.end) > 0) return;
    const inPeriod = `the Type II period ${period.start} to ${period.end}`;
    for (const control of activeControls(model)) {
      if (control.evidence.length === 0) continue; // no evidence at all is missing-evidence's finding
      const dates = control.evidence.map((entry) => entry.date);
      const dated = (start: string, end: string) => dates.some((date) => date >= start && date <= end);
      const at = control.source.has(['evidence']) ? control.source.at(['evidence'], 'key') : control.source.at(['frequency']);
      const who = `Control ${control.id} runs ${RUNS[control.frequency]}`;
      const unit = SAMPLING_PERIOD[control.frequency];
      const whole = unit ? periodsWithin(unit, period.start, period.end) : [];

      if (unit && whole.length > 0) {
        // Only intervals that have ended can be sampled; one in progress may still get its run.
        const missing = whole.filter((interval) => compareDates(interval.end, asOf) < 0 && !dated(interval.start, interval.end));
        if (missing.length === 0) continue;
        if (unit === 'day') {
          const ended = whole.filter((day) => compareDates(day.end, asOf) < 0).length;
          const shown = missing.slice(0, SHOWN_DAYS).map((day) => day.label).join(', ') + (missing.length > SHOWN_DAYS ? ', ...' : '');
          report({
            message: `${who} but has no evidence dated on ${missing.length} of the ${ended} ended days of ${inPeriod} (${shown}). Add the evidence of each day's run; days it did not run are exceptions to disclose.`,
            at,
          });
          continue;
        }
        for (const interval of missing) {
          report({
            message: `${who} but has no evidence dated in ${interval.label} (${interval.start} to ${interval.end}), inside ${inPeriod}. Add the evidence of that ${NOUN[unit]}'s run; if it did not run, that is an exception to disclose.`,
            at,
          });
        }
        continue;
      }

      // Event and continuous controls, and cadences longer than the period: one run inside it, once it has ended.
      if (compareDates(period.end, asOf) >= 0 || dated(period.start, period.end)) continue;
      const why = unit
        ? `no whole ${NOUN[unit]} lies inside ${inPeriod}, so at least one run inside the period is expected`
        : control.frequency === 'event'
          ? `an event-driven control is sampled from the occurrences inside ${inPeriod}`
          : `a continuous control must show it operated during ${inPeriod}`;
      const otherwise = control.frequency === 'event' ? 'if no event occurred, say so to the auditor (a waiver with that reason)' : 'if it did not operate, that is an exception to disclose';
      report({ message: `${who}: ${why}, but the period has ended and no evidence is dated in it. Add the evidence of its operation in the period; ${otherwise}.`, at });
    }
  },
});
