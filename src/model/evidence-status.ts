// Whether a control's evidence is current: the one judgement stale-evidence reports on and coverage reports show.
import { addDays, addInterval, compareDates, maxDate, type Interval, type IsoDate } from '../core/dates.js';
import type { Control, ControlFrequency } from './types.js';

/**
 * How old a control's newest evidence may be. The criteria set no frequencies; these follow the control's own
 * stated cadence. A continuous (automated) control is expected to show proof at least monthly.
 */
export const EVIDENCE_MAX_AGE: Readonly<Record<ControlFrequency, Interval | undefined>> = {
  daily: { months: 0, days: 1 },
  weekly: { months: 0, days: 7 },
  monthly: { months: 1, days: 0 },
  quarterly: { months: 3, days: 0 },
  semiannual: { months: 6, days: 0 },
  annual: { months: 12, days: 0 },
  continuous: { months: 1, days: 0 },
  event: undefined,
};

/** The newest evidence date that is not in the future (a future date is its own finding, not proof). */
export function newestEvidenceDate(control: Control, asOf: IsoDate): IsoDate | undefined {
  return maxDate(control.evidence.map((entry) => entry.date).filter((date) => compareDates(date, asOf) <= 0));
}

/**
 * none: no evidence dated on or before as_of. current: the newest is within the frequency's allowance (any evidence
 * will do for an event-driven control, which has no `due`). stale: the next evidence was due by `due` and is missing.
 */
export type EvidenceStatus =
  | { state: 'none' }
  | { state: 'current'; newest: IsoDate; due?: IsoDate }
  | { state: 'stale'; newest: IsoDate; due: IsoDate; maxAge: Interval };

/** Where a control's evidence stands on `asOf`; `graceDays` is stale-evidence's `grace` option. */
export function evidenceStatus(control: Control, asOf: IsoDate, graceDays = 0): EvidenceStatus {
  const newest = newestEvidenceDate(control, asOf);
  if (newest === undefined) return { state: 'none' };
  const maxAge = EVIDENCE_MAX_AGE[control.frequency];
  if (!maxAge) return { state: 'current', newest };
  // The last day the next evidence may carry: newest + the frequency's allowance + grace.
  const due = addDays(addInterval(newest, maxAge), graceDays);
  return compareDates(due, asOf) >= 0 ? { state: 'current', newest, due } : { state: 'stale', newest, due, maxAge };
}
