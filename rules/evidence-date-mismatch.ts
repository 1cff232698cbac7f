// A file named for one date cited with another: `2026-Q1-access-review.md` dated in June is usually the Q1 file cited
// again for Q2 (or a typo in the date). The name is what the auditor sees first when sampling.
import { posix } from 'node:path';
import { compareDates, daysBetween, isIsoDate, periodOf, type CalendarPeriod, type PeriodUnit } from '../src/core/dates.js';
import { DEFAULT_CALENDAR, coveredDays, filingUnit } from '../src/model/evidence-calendar.js';
import { defineRule } from '../src/engine/rule.js';
import type { Control, EvidenceRef } from '../src/model/types.js';

const ASK = 'A file of another interval cited again, or a typo? Fix the date, or cite the file of that run.';
const NOUN: Record<PeriodUnit, string> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter', half: 'half-year', year: 'year' };

export default defineRule({
  meta: {
    id: 'evidence-date-mismatch',
    description: 'An evidence file whose name carries a date (2026-03-30, 2026-03, 2026-Q1, 2026-H1) further from the entry\'s date than the control\'s evidence interval.',
    defaultSeverity: 'warn',
    reads: ['control'],
    perFile: true,
    messages: {
      namedDay: `Control {{control}}: "{{path}}" is named for {{named}}, but the entry is dated {{span}}, {{days}} days apart (more than a {{interval}}). ${ASK}`,
      namedInterval: `Control {{control}}: "{{path}}" is named for {{named}} ({{start}} to {{end}}), but the entry is dated {{span}}, {{days}} days outside it (more than a {{interval}}). ${ASK}`,
    },
  },
  check({ model, report }) {
    for (const control of model.controls) {
      // Event controls have no cadence: a month is the tolerance.
      const unit = filingUnit(control, DEFAULT_CALENDAR) ?? 'month';
      for (const entry of control.evidence) {
        const named = entry.path === undefined ? undefined : nameDate(posix.basename(entry.path.replace(/\\/g, '/')));
        if (!named) continue;
        const { first, last } = coveredDays(entry);
        const days = compareDates(last, named.start) < 0 ? daysBetween(last, named.start) : compareDates(first, named.end) > 0 ? daysBetween(named.end, first) : 0;
        // Proof filed a little after its run is normal: only a gap longer than the interval the entry belongs to (a day
        // or more, so a name inside the entry's own days is never one).
        if (days === 0 || days <= intervalDays(periodOf(unit, entry.date))) continue;
        const data = { control: control.id, path: entry.path!, named: named.label, span: first === last ? first : `${first} to ${last}`, days, interval: NOUN[unit] };
        const at = dateAt(control, entry);
        if (named.unit === 'day') report({ messageId: 'namedDay', data, at });
        else report({ messageId: 'namedInterval', data: { ...data, start: named.start, end: named.end }, at });
      }
    }
  },
});

function intervalDays(period: CalendarPeriod): number {
  return daysBetween(period.start, period.end) + 1;
}

function dateAt(control: Control, entry: EvidenceRef) {
  return control.source.has(['evidence', entry.index, 'date']) ? control.source.at(['evidence', entry.index, 'date']) : control.source.at(['evidence', entry.index, 'from']);
}

/** The first date a file name carries: a day (2026-03-30), else a quarter (2026-Q1), a half-year (2026-H1) or a month (2026-03). */
export function nameDate(name: string): CalendarPeriod | undefined {
  for (const match of name.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)) {
    const date = `${match[1]}-${match[2]}-${match[3]}`;
    if (isIsoDate(date)) return periodOf('day', date);
  }
  const quarter = /(?<![\dA-Za-z])(\d{4})-[Qq]([1-4])(?![\dA-Za-z])/.exec(name);
  if (quarter && isIsoDate(`${quarter[1]}-01-01`)) return periodOf('quarter', `${quarter[1]}-${String(Number(quarter[2]) * 3).padStart(2, '0')}-01`);
  const half = /(?<![\dA-Za-z])(\d{4})-[Hh]([12])(?![\dA-Za-z])/.exec(name);
  if (half && isIsoDate(`${half[1]}-01-01`)) return periodOf('half', `${half[1]}-${half[2] === '1' ? '01' : '07'}-01`);
  for (const match of name.matchAll(/(?<!\d)(\d{4})-(\d{2})(?![\d])/g)) {
    const date = `${match[1]}-${match[2]}-01`;
    if (isIsoDate(date)) return periodOf('month', date);
  }
  return undefined;
}
