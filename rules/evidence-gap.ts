// A whole week, month or quarter of a Type II period with no evidence of the control's run: the auditor samples by
// that calendar interval, and an interval with nothing to show is an exception in the report. The calendar is the one
// stale-evidence uses (src/model/evidence-calendar.ts): an interval is required once its proof is due.
import { typeTwoPeriod } from '../src/model/program.js';
import { CADENCES, calendarOptions, proofOn, proofSchedule, type Cadence } from '../src/model/evidence-calendar.js';
import { compareDates, type PeriodUnit } from '../src/core/dates.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';
import type { SourceRange } from '../src/core/types.js';
import type { Control } from '../src/model/types.js';

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
const UNIT_NOUN: Record<PeriodUnit, string> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter', half: 'half-year', year: 'calendar year' };
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
    description:
      'An active or retired control with no evidence in a whole calendar interval of its frequency, inside the Type II audit period and its own time in effect, once that interval\'s proof is due.',
    defaultSeverity: 'error',
    perFile: true,
    reads: ['scope', 'control'],
    options: ruleOptions<{ grace: number; continuous_every: Cadence }>({
      defaults: { grace: 0, continuous_every: 'quarterly' },
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { grace: { type: 'integer', minimum: 0, maximum: 366 }, continuous_every: { enum: [...CADENCES] } },
      },
    }),
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
      gapContinuous: `Control {{control}} runs continuously and must show a snapshot of its configuration each {{every}}, but has no evidence dated in {{interval}} ({{start}} to {{end}}), inside ${PERIOD}. Add the snapshot (a configuration export) of that interval; if the control was off, that is an exception to disclose.`,
      invertedPeriod: 'The Type II period in scope.yaml ends ({{periodEnd}}) before it starts ({{periodStart}}), so no control\'s evidence can be judged against it. Fix the period.',
    },
  },
  check({ model, asOf, options, report }) {
    const period = typeTwoPeriod(model);
    if (!period) return;
    if (compareDates(period.start, period.end) > 0) {
      // Said once, so an inverted period never silently turns the rule off.
      report({ messageId: 'invertedPeriod', data: { periodStart: period.start, periodEnd: period.end }, at: model.scope!.source.at(['audit', 'period', 'end']) });
      return;
    }
    const calendar = calendarOptions(options);
    for (const control of model.controls) {
      // A retired control is still tested for the part of the period it ran; without retired_on, nobody can tell
      // which part (missing-retirement-date).
      if (control.status === 'planned' || (control.status === 'retired' && control.retiredOn === undefined)) continue;
      if (control.evidence.length === 0) continue; // no evidence at all is missing-evidence's finding
      const schedule = proofSchedule(control, period, calendar);
      if (!schedule) continue;
      const proven = proofOn(control, asOf).covered;
      const facts = { control: control.id, periodStart: period.start, periodEnd: period.end };

      if (schedule.by === 'interval') {
        const unit = schedule.unit;
        // Only intervals whose proof is due can be judged; one still in progress (or within its filing interval and
        // grace) may still get its run.
        const due = schedule.intervals.filter((interval) => compareDates(interval.due, asOf) < 0);
        const missing = due.filter((interval) => !proven(interval.start, interval.end));
        if (missing.length === 0) continue;
        if (unit === 'day') {
          const days = missing.slice(0, SHOWN_DAYS).map((day) => day.label).join(', ');
          report({ messageId: missing.length > SHOWN_DAYS ? 'gapInManyDays' : 'gapInDays', data: { ...facts, missing: missing.length, ended: due.length, days }, at: evidenceKey(control) });
          continue;
        }
        for (const interval of missing) {
          const where = { interval: interval.label, start: interval.start, end: interval.end };
          if (control.frequency === 'continuous') report({ messageId: 'gapContinuous', data: { ...facts, every: UNIT_NOUN[unit], ...where }, at: evidenceKey(control) });
          else report({ messageId: GAP_IN[unit as LongerUnit], data: { ...facts, ...where }, at: evidenceKey(control) });
        }
        continue;
      }

      // Event controls, and cadences longer than the time owed: one run inside it, once it has ended (and its grace).
      const { window, unit } = schedule;
      if (compareDates(window.due, asOf) >= 0 || proven(window.start, window.end)) continue;
      const messageId = unit && unit !== 'day' && control.frequency !== 'continuous' ? NO_WHOLE[unit as LongerUnit] : control.frequency === 'event' ? 'noEvent' : 'notContinuous';
      report({ messageId, data: facts, at: evidenceKey(control) });
    }
  },
});

/** Where a gap is reported: the control's `evidence:` key (its `frequency` when it has none). */
function evidenceKey(control: Control): SourceRange {
  return control.source.has(['evidence']) ? control.source.at(['evidence'], 'key') : control.source.at(['frequency']);
}
