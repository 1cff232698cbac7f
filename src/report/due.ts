// What falls due: reviews, evidence, training, vendor reports and waivers, with the day each is due. Pure: a model and
// a date in, items out. Every date comes from the model function the rules judge by (reviewState, evidenceStatus,
// nextTrainingDue, assuranceWindow), so the report never disagrees with the lint.
import { compareDates, daysBetween, INTERVAL_KEYWORDS, type Interval, type IsoDate } from '../core/dates.js';
import { DEFAULT_CALENDAR, evidenceStatus, type CalendarOptions } from '../model/evidence-calendar.js';
import { isActivePerson } from '../model/people.js';
import { activeControls, reviewState } from '../model/program.js';
import { nextTrainingDue, securityTrainingBy } from '../model/training.js';
import type { RepoModel } from '../model/types.js';
import { assuranceWindow } from '../model/vendor-assurance.js';

export type DueKind = 'policy-review' | 'scope-review' | 'vendor-review' | 'vendor-report' | 'evidence' | 'training' | 'waiver';

export interface DueItem {
  kind: DueKind;
  /** Who or what: `Policy POL-ACCESS`, `Control AC-01`, `Vendor VEN-AWS`, `The scope`, a person's address, a waiver. */
  subject: string;
  /** What is due, in words: `annual review`, `evidence for 2026-Q3`, `security training (refresher)`. */
  what: string;
  due: IsoDate;
  /** Days from as_of to the due date; negative when overdue. */
  days: number;
  /** The owner as written (a person's address or a role), when the record names one. */
  owner?: string;
  file: string;
  line: number;
  /** The rule that reports it once it is overdue, and the record it is about (for waivers, which are per rule and record). */
  rule: string;
  record?: string;
  /** Set by the report when a waiver in force covers it: an approved exception, not counted as overdue. */
  waived?: true;
}

export interface DueOptions {
  /** stale-evidence's calendar (grace, continuous_every). */
  calendar: CalendarOptions;
  /** training-overdue's options. */
  training: { every: Interval; withinDays: number; courses: readonly string[] };
  /** vendor-assurance's max_age. */
  vendorMaxAge: Interval;
}

export const DEFAULT_DUE_OPTIONS: DueOptions = {
  calendar: DEFAULT_CALENDAR,
  training: { every: INTERVAL_KEYWORDS.annual, withinDays: 30, courses: [] },
  vendorMaxAge: INTERVAL_KEYWORDS.annual,
};

/** The windows the report counts ahead, in days. */
export const DUE_WINDOWS = [30, 60, 90] as const;

/** Everything due on or before as_of + `horizon` days (overdue items too, with negative days), soonest first. */
export function dueItems(model: RepoModel, asOf: IsoDate, options: DueOptions = DEFAULT_DUE_OPTIONS, horizon: number = DUE_WINDOWS[DUE_WINDOWS.length - 1]!): DueItem[] {
  const items: DueItem[] = [];
  const add = (item: Omit<DueItem, 'days'>) => {
    const days = daysBetween(asOf, item.due);
    if (days <= horizon) items.push({ ...item, days });
  };

  for (const policy of model.policies) {
    if (policy.status !== 'approved') continue;
    const state = reviewState(policy.lastReviewed, policy.reviewEvery, asOf, 0, policy.nextReview);
    if (state.state === 'never') continue; // stale-review's finding: there is no date to show
    add({ kind: 'policy-review', rule: 'stale-review', record: policy.id, subject: `Policy ${policy.id}`, what: `${policy.reviewEveryText} review`, due: state.due, ...owner(policy.owner), ...place(policy.source.file, policy.source.at(['id']).line) });
  }
  const scope = model.scope;
  if (scope) {
    const state = reviewState(scope.lastReviewed, scope.reviewEvery, asOf, 0, scope.nextReview);
    if (state.state !== 'never') add({ kind: 'scope-review', rule: 'stale-review', subject: 'The scope', what: `${scope.reviewEveryText} review`, due: state.due, ...owner(scope.owner), ...place(scope.source.file, 1) });
  }
  for (const vendor of model.vendors) {
    const line = vendor.source.at(['id']).line;
    if (vendor.nextReview || (vendor.reviewEvery && vendor.reviewEveryText !== undefined)) {
      const state = reviewState(vendor.lastReviewed, vendor.reviewEvery ?? INTERVAL_KEYWORDS.annual, asOf, 0, vendor.nextReview);
      if (state.state !== 'never') add({ kind: 'vendor-review', rule: 'stale-review', record: vendor.id, subject: `Vendor ${vendor.id}`, what: `${vendor.reviewEveryText ?? 'scheduled'} review`, due: state.due, ...owner(vendor.owner), ...place(vendor.source.file, line) });
    }
    // vendor-assurance judges the reports of critical and high vendors only.
    const assurance = vendor.assurance;
    if ((vendor.criticality === 'critical' || vendor.criticality === 'high') && assurance?.periodEnd && assurance.kind !== 'none' && assurance.kind !== 'questionnaire') {
      const { validUntil } = assuranceWindow(assurance.periodEnd, options.vendorMaxAge, assurance.bridgeLetter?.through);
      add({ kind: 'vendor-report', rule: 'vendor-assurance', record: vendor.id, subject: `Vendor ${vendor.id}`, what: `a new assurance report (the current one, period ending ${assurance.periodEnd}, stops counting)`, due: validUntil, ...owner(vendor.owner), ...place(vendor.source.file, line) });
    }
  }
  for (const control of activeControls(model)) {
    const status = evidenceStatus(control, asOf, options.calendar);
    if (status.state === 'none' || status.due === undefined) continue;
    const what = status.state === 'current' ? 'evidence of the current interval' : `evidence for ${status.interval.label}`;
    add({ kind: 'evidence', rule: 'stale-evidence', record: control.id, subject: `Control ${control.id}`, what, due: status.due, ...owner(control.owner), ...place(control.source.file, control.source.at(['id']).line) });
  }
  if (model.hasPeopleFile) {
    const { every, withinDays, courses } = options.training;
    const records = securityTrainingBy(model, asOf, courses);
    for (const person of model.people) {
      if (!isActivePerson(person, asOf)) continue;
      const next = nextTrainingDue(person, (records.get(person.id) ?? []).map((record) => record.date), every, withinDays, asOf);
      if (next.kind === 'never') continue; // training-overdue's finding: there is no date to show
      add({ kind: 'training', rule: 'training-overdue', record: person.id, subject: person.id, what: `security training (${next.kind})`, due: next.due, owner: person.id, ...place(person.source.file, person.source.at(['id']).line) });
    }
  }
  for (const waiver of model.waivers) {
    const who = waiver.requestedBy ?? waiver.approvedBy;
    add({ kind: 'waiver', rule: 'expired-waiver', subject: `The waiver of ${waiver.rule} for ${waiver.target}`, what: 'expires', due: waiver.expires, ...owner(who), ...place(waiver.source.file, waiver.source.at(['rule']).line) });
  }
  return items.sort((a, b) => compareDates(a.due, b.due) || compareText(a.subject, b.subject) || compareText(a.kind, b.kind));
}

function owner(written: string | undefined): { owner?: string } {
  return written ? { owner: written } : {};
}

function place(file: string, line: number): { file: string; line: number } {
  return { file, line };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
