// Shared judgements about the program that several rules make: what is active, what is in scope, what is due.
// Whether evidence is current is judged in evidence-status.ts.
import type { CategoryId, Criterion } from '../core/tsc2017.js';
import { addDays, addInterval, addMonths, compareDates, type Interval, type IsoDate } from '../core/dates.js';
import type { Control, ControlFrequency, Policy, RepoModel } from './types.js';
import { REPO_ROOT, fileStart, type SourceRange } from '../core/types.js';

export function activeControls(model: RepoModel): Control[] {
  return model.controls.filter((control) => control.status === 'active');
}

/** Security is always in scope; the other categories only when scope.yaml lists them. */
export function inScopeCategories(model: RepoModel): CategoryId[] {
  return model.scope?.categories ?? ['security'];
}

export function inScopeCriteria(model: RepoModel): Criterion[] {
  // A comply program with no scope.yaml puts in scope what its standards list (the real criteria among them).
  if (!model.scope && !model.scopeFile && model.standards && model.standards.length > 0) {
    const listed = new Set(model.standards.flatMap((standard) => standard.criteria.map((criterion) => criterion.id)));
    return model.catalog.criteria.filter((criterion) => listed.has(criterion.id));
  }
  const categories = new Set(inScopeCategories(model));
  return model.catalog.criteria.filter((criterion) => categories.has(criterion.category));
}

/** Where a comply standard lists a criterion, when the program's scope comes from its standards. */
export function standardEntry(model: RepoModel, id: string): SourceRange | undefined {
  if (model.scope || model.scopeFile) return undefined;
  for (const standard of model.standards ?? []) {
    const entry = standard.criteria.find((criterion) => criterion.id === id);
    if (entry) return entry.range;
  }
  return undefined;
}

/** Whether approved policies' criteria count toward coverage (coverage: policies or both). */
export function policiesCover(model: RepoModel): boolean {
  return model.coverage === 'policies' || model.coverage === 'both';
}

/** Whether active controls' criteria count toward coverage (coverage: controls or both; controls when unset). */
export function controlsCover(model: RepoModel): boolean {
  return model.coverage !== 'policies';
}

/** The records whose mappings count toward coverage: active controls and/or approved policies, by the coverage mode. */
export function coveringRecords(model: RepoModel): (Control | Policy)[] {
  return [...(controlsCover(model) ? activeControls(model) : []), ...(policiesCover(model) ? model.policies.filter((policy) => policy.status === 'approved') : [])];
}

export type ReviewState = { state: 'never' } | { state: 'overdue'; due: IsoDate } | { state: 'due-soon'; due: IsoDate } | { state: 'current'; due: IsoDate };

/**
 * Where a review cycle stands on `asOf`: due on last_reviewed + interval, or on `nextReview` when the program sets the
 * date itself; "due soon" within `soonDays` of it.
 */
export function reviewState(lastReviewed: IsoDate | undefined, every: Interval, asOf: IsoDate, soonDays: number, nextReview?: IsoDate): ReviewState {
  if (!lastReviewed && !nextReview) return { state: 'never' };
  const due = nextReview ?? addInterval(lastReviewed!, every);
  if (compareDates(due, asOf) < 0) return { state: 'overdue', due };
  if (compareDates(due, addDays(asOf, soonDays)) <= 0) return { state: 'due-soon', due };
  return { state: 'current', due };
}

/**
 * Where a finding about the program as a whole goes: the `categories` key of scope.yaml (whoever decides the scope
 * decides what must be covered), else the scope file, else the config, else the repo root.
 */
export function programAnchor(model: RepoModel): SourceRange {
  if (model.scope) return model.scope.source.has(['categories']) ? model.scope.source.at(['categories'], 'key') : model.scope.source.at([]);
  return fileStart(model.scopeFile ?? model.configFile ?? REPO_ROOT);
}

/** How often a frequency runs, as a rank: higher is more often. Event-driven controls have no cadence (0). */
export const FREQUENCY_RANK: Readonly<Record<ControlFrequency, number>> = {
  event: 0,
  annual: 1,
  semiannual: 2,
  quarterly: 3,
  monthly: 4,
  weekly: 5,
  daily: 6,
  continuous: 7,
};

/** The audit period when the scope declares a Type II audit with a period. */
export function typeTwoPeriod(model: RepoModel): { start: IsoDate; end: IsoDate } | undefined {
  const audit = model.scope?.audit;
  return audit?.type === 'type2' && audit.period ? audit.period : undefined;
}

/**
 * The stretch of time an auditor samples people and events from: the Type II audit period, or else the last `months`
 * months up to `asOf`. `end` never passes `asOf`: what has not happened yet cannot be sampled.
 */
export function samplingWindow(model: RepoModel, asOf: IsoDate, months: number): { start: IsoDate; end: IsoDate; label: string } {
  const period = typeTwoPeriod(model);
  if (period) {
    const end = compareDates(period.end, asOf) < 0 ? period.end : asOf;
    return { start: period.start, end, label: `the audit period ${period.start} to ${period.end}` };
  }
  return { start: addMonths(asOf, -months), end: asOf, label: `the last ${months} months` };
}
