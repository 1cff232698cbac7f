// A whole week, month or quarter of a Type II period with no evidence of the control's run: the auditor samples by
// that calendar interval, and an interval with nothing to show is an exception in the report.
import { SAMPLING_PERIOD, activeControls, typeTwoPeriod } from '../src/model/program.js';
import { compareDates, periodsWithin, type PeriodUnit } from '../src/core/dates.js';
import { defineRule } from '../src/engine/rule.js';

const SHOWN_DAYS = 5;
const PERIOD = 'the Type II period {{periodStart}} to {{periodEnd}}';
const ENDED = 'but the period has ended and no evidence is dated in it. Add the evidence of its operation in the period;';
const NOT_OPERATED = 'if it did not operate, that is an exception to disclose.';

/** A whole interval of the control's cadence inside the period, ended, with no run dated in it. */
const gapIn = (runs: string, noun: string) =>
  `Control {{control}} runs ${runs} but has no evidence dated in {{interval}} ({{start}} to {{end}}), inside ${PERIOD}. Add the evidence of that ${noun}'s run; if it did not run, that is an exception to disclose.`;
/** A cadence longer than the period: one run inside it is expected instead. */
const noWhole = (runs: string, noun: string) =>
  `Control {{control}} runs ${runs}: no whole ${noun} lies inside ${PERIOD}, so at least one run inside the period is expected, ${ENDED} ${NOT_OPERATED}`;
const daysGap = (days: string) =>
  `Control {{control}} runs daily but has no evidence dated on {{missing}} of the {{ended}} ended days of ${PERIOD} (${days}). Add the evidence of each day's run; days it did not run are exceptions to disclose.`;

type LongerUnit = Exclude<PeriodUnit, 'day'>;
const GAP_IN = {
  week: 'gapInWeek',
  month: 'gapInMonth',
  quarter: 'gapInQuarter',
  half: 'gapInHalfYear',
  year: 'gapInYear',
} as const satisfies Record<LongerUnit, string>;
const NO_WHOLE = {
  week: 'noWholeWeek',
  month: 'noWholeMonth',
  quarter: 'noWholeQuarter',
  half: 'noWholeHalfYear',
  year: 'noWholeYear',
} as const satisfies Record<LongerUnit, string>;

export default defineRule({
  meta: {
    id: 'evidence-gap',
    description: 'An active control with no evidence dated in a whole, ended calendar interval of its frequency inside the Type II audit period.',
    defaultSeverity: 'error',
    reads: ['scope', 'control'],
    // One sentence per sampling interval: the control's cadence and the interval it is sampled by are in the words.
    messages: {
      gapInDays: daysGap('{{days}}'),
      gapInManyDays: daysGap('{{days}}, ...'),
      gapInWeek: gapIn('weekly', 'week'),
      gapInMonth: gapIn('monthly', 'month'),
      gapInQuarter: gapIn('quarterly', 'quarter'),
      gapInHalfYear: gapIn('semiannually', 'half-year'),
      gapInYear: gapIn('annually', 'calendar year'),
      noWholeWeek: noWhole('weekly', 'week'),
      noWholeMonth: noWhole('monthly', 'month'),
      noWholeQuarter: noWhole('quarterly', 'quarter'),
      noWholeHalfYear: noWhole('semiannually', 'half-year'),
      noWholeYear: noWhole('annually', 'calendar year'),
      noEvent: `Control {{control}} runs on events: an event-driven control is sampled from the occurrences inside ${PERIOD}, ${ENDED} if no event occurred, say so to the auditor (a waiver with that reason).`,
      notContinuous: `Control {{control}} runs continuously: a continuous control must show it operated during ${PERIOD}, ${ENDED} ${NOT_OPERATED}`,
    },
  },
  check({ model, asOf, report }) {
    const period = typeTwoPeriod(model);
    if (!period || compareDates(period.start, period.end) > 0) return;
    for (const control of activeControls(model)) {
      if (control.evidence.length === 0) continue; // no evidence at all is missing-evidence's finding
      const dates = control.evidence.map((entry) => entry.date);
      const dated = (start: string, end: string) => dates.some((date) => date >= start && date <= end);
      const at = control.source.has(['evidence']) ? control.source.at(['evidence'], 'key') : control.source.at(['frequency']);
      const facts = { control: control.id, periodStart: period.start, periodEnd: period.end };
      const unit = SAMPLING_PERIOD[control.frequency];
      const whole = unit ? periodsWithin(unit, period.start, period.end) : [];

      if (unit && whole.length > 0) {
        // Only intervals that have ended can be sampled; one in progress may still get its run.
        const missing = whole.filter((interval) => compareDates(interval.end, asOf) < 0 && !dated(interval.start, interval.end));
        if (missing.length === 0) continue;
        if (unit === 'day') {
          const ended = whole.filter((day) => compareDates(day.end, asOf) < 0).length;
          const days = missing.slice(0, SHOWN_DAYS).map((day) => day.label).join(', ');
          report({ messageId: missing.length > SHOWN_DAYS ? 'gapInManyDays' : 'gapInDays', data: { ...facts, missing: missing.length, ended, days }, at });
          continue;
        }
        for (const interval of missing) {
          report({ messageId: GAP_IN[unit], data: { ...facts, interval: interval.label, start: interval.start, end: interval.end }, at });
        }
        continue;
      }

      // Event and continuous controls, and cadences longer than the period: one run inside it, once it has ended. (A
      // daily control never gets here: a period holds at least one whole day.)
      if (compareDates(period.end, asOf) >= 0 || dated(period.start, period.end)) continue;
      const messageId = unit && unit !== 'day' ? NO_WHOLE[unit] : control.frequency === 'event' ? 'noEvent' : 'notContinuous';
      report({ messageId, data: facts, at });
    }
  },
});
