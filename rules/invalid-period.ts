// Periods that cannot be what they say: a Type II period that ends before it starts (which would silently turn every
// evidence-gap judgement off), one longer than a year, one missing; a control in effect before the company had anyone,
// or retired before it started; an evidence range that ends before it begins.
import { addDays, addMonths, compareDates, minDate } from '../src/core/dates.js';
import { defineRule } from '../src/engine/rule.js';

/** Auditors report on at most 12 months; 3 months is the shortest Type II period firms usually accept. */
const MAX_MONTHS = 12;
const MIN_MONTHS = 3;

export default defineRule({
  meta: {
    id: 'invalid-period',
    description:
      'A Type II period that ends before it starts, is longer than 12 months or is missing (a warning when shorter than 3 months); a control whose effective_from or retired_on cannot be right; an evidence range whose to is before its from.',
    defaultSeverity: 'error',
    reads: ['scope', 'control', 'person'],
    messages: {
      inverted: 'The Type II period ends on {{end}}, before it starts on {{start}}, so nothing in it can be judged. Fix the dates under audit.period.',
      tooLong: `The Type II period {{start}} to {{end}} is longer than ${MAX_MONTHS} months (it should end by {{latestEnd}}). A SOC 2 report covers at most ${MAX_MONTHS} months: shorten the period, or split it into two reports.`,
      tooShort: `The Type II period {{start}} to {{end}} is shorter than ${MIN_MONTHS} months (it would end on {{earliestEnd}} or later). Auditors rarely accept a Type II period that short; check the dates, or plan a Type I report instead.`,
      noPeriod: 'The scope declares a Type II audit but no period: add audit.period with its start and end, or nothing can be judged against it.',
      retiredBeforeEffective: 'Control {{control}} is retired on {{retired}}, on or before its effective_from {{effective}}, so it was never in effect. Fix one of the dates.',
      beforeCompany:
        'Control {{control}}: {{field}} {{date}} is before {{earliest}}, the earliest start date in people.yaml, when nobody was there to run it. Fix the date (a typo?).',
      rangeInverted: 'Control {{control}}: the evidence range ends on {{to}}, before it starts on {{from}}, so it covers nothing. Fix "from:" and "to:".',
    },
  },
  check({ model, report }) {
    const scope = model.scope;
    const audit = scope?.audit;
    if (scope && audit?.type === 'type2') {
      const period = audit.period;
      if (!period) {
        if (!scope.source.has(['audit', 'period'])) report({ messageId: 'noPeriod', at: scope.source.at(['audit', 'type']) });
      } else if (compareDates(period.start, period.end) > 0) {
        report({ messageId: 'inverted', data: { start: period.start, end: period.end }, at: scope.source.at(['audit', 'period', 'end']) });
      } else {
        const latestEnd = addDays(addMonths(period.start, MAX_MONTHS), -1);
        const earliestEnd = addDays(addMonths(period.start, MIN_MONTHS), -1);
        if (compareDates(period.end, latestEnd) > 0) {
          report({ messageId: 'tooLong', data: { start: period.start, end: period.end, latestEnd }, at: scope.source.at(['audit', 'period', 'end']) });
        } else if (compareDates(period.end, earliestEnd) < 0) {
          report({ messageId: 'tooShort', data: { start: period.start, end: period.end, earliestEnd }, at: scope.source.at(['audit', 'period', 'end']), severity: 'warn' });
        }
      }
    }

    const earliest = minDate(model.people.map((person) => person.start).filter((date): date is string => date !== undefined));
    for (const control of model.controls) {
      const { effectiveFrom, retiredOn } = control;
      if (effectiveFrom !== undefined && retiredOn !== undefined && compareDates(retiredOn, effectiveFrom) <= 0) {
        report({ messageId: 'retiredBeforeEffective', data: { control: control.id, retired: retiredOn, effective: effectiveFrom }, at: control.source.at(['retired_on']) });
      }
      if (earliest !== undefined) {
        if (effectiveFrom !== undefined && compareDates(effectiveFrom, earliest) < 0) {
          report({ messageId: 'beforeCompany', data: { control: control.id, field: 'effective_from', date: effectiveFrom, earliest }, at: control.source.at(['effective_from']) });
        }
        if (retiredOn !== undefined && compareDates(retiredOn, earliest) < 0) {
          report({ messageId: 'beforeCompany', data: { control: control.id, field: 'retired_on', date: retiredOn, earliest }, at: control.source.at(['retired_on']) });
        }
      }
      for (const entry of control.evidence) {
        if (entry.from !== undefined && entry.to !== undefined && compareDates(entry.to, entry.from) < 0) {
          report({ messageId: 'rangeInverted', data: { control: control.id, from: entry.from, to: entry.to }, at: control.source.at(['evidence', entry.index, 'to']) });
        }
      }
    }
  },
});
