// When security training falls due: shared by training-overdue (is it overdue?) and the readiness report (what falls
// due next?).
import { addDays, addInterval, compareDates, maxDate, subtractInterval, type Interval, type IsoDate } from '../core/dates.js';
import type { Person, RepoModel, TrainingRecord } from './types.js';

/** A course is security training when the `courses` option names it, or (with no list) when its name says "security". */
export function securityCourse(courses: readonly string[]): (course: string) => boolean {
  const named = new Set(courses.map((course) => course.trim().toLowerCase()));
  return (course) => (named.size > 0 ? named.has(course.trim().toLowerCase()) : course.toLowerCase().includes('security'));
}

/** Each person's security training records dated on or before `asOf` (later ones are no proof), as written, by person. */
export function securityTrainingBy(model: RepoModel, asOf: IsoDate, courses: readonly string[]): Map<string, TrainingRecord[]> {
  const isSecurity = securityCourse(courses);
  const by = new Map<string, TrainingRecord[]>();
  for (const record of model.training) {
    if (!isSecurity(record.course) || compareDates(record.date, asOf) > 0) continue;
    by.set(record.person, [...(by.get(record.person) ?? []), record]);
  }
  return by;
}

/**
 * The person's next security training:
 * - onboarding: a recent starter (started within the last `every`) not trained since `within` days before starting is
 *   due `within` days after starting;
 * - refresher: otherwise, `every` after the last training;
 * - never: no training on record and no onboarding window to measure from.
 */
export type TrainingDue = { kind: 'onboarding'; due: IsoDate; start: IsoDate } | { kind: 'refresher'; due: IsoDate; last: IsoDate } | { kind: 'never' };

export function nextTrainingDue(person: Person, dates: readonly IsoDate[], every: Interval, within: number, asOf: IsoDate): TrainingDue {
  const start = person.start;
  if (start && compareDates(start, subtractInterval(asOf, every)) > 0) {
    const from = addDays(start, -within);
    if (!dates.some((date) => compareDates(date, from) >= 0)) return { kind: 'onboarding', due: addDays(start, within), start };
  }
  const last = maxDate(dates);
  return last ? { kind: 'refresher', due: addInterval(last, every), last } : { kind: 'never' };
}
