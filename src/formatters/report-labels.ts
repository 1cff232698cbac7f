// Words the readiness report's formats share (src/formatters/report-html.ts, report-markdown.ts): one label per state,
// so the HTML and the markdown say the same thing.
import type { DueItem } from '../report/due.js';
import type { CriterionState } from '../report/coverage.js';
import type { IntervalState, ReadinessLevel, WaiverState } from '../report/readiness.js';

export const LEVEL_TEXT: Readonly<Record<ReadinessLevel, string>> = { ready: 'Ready', 'at-risk': 'At risk', 'not-ready': 'Not ready' };

export const LEVEL_MEANING: Readonly<Record<ReadinessLevel, string>> = {
  ready: 'no signal is above its threshold',
  'at-risk': 'nothing blocks the audit, but something is stale, overdue, missing a population or a warning',
  'not-ready': 'an error, an unmapped criterion, an evidence gap or a predicted exception blocks the audit',
};

/** The heatmap's states, in the order the legend shows them. */
export const CRITERION_STATES: readonly CriterionState[] = ['current', 'stale', 'policy', 'unmapped', 'not-applicable'];

export const CRITERION_TEXT: Readonly<Record<CriterionState, { short: string; long: string }>> = {
  current: { short: 'current', long: 'covered with current evidence' },
  stale: { short: 'stale', long: 'covered but evidence not current' },
  policy: { short: 'policy', long: 'covered by policy' },
  unmapped: { short: 'unmapped', long: 'unmapped' },
  'not-applicable': { short: 'n/a', long: 'not applicable' },
};

export const INTERVAL_STATES: readonly IntervalState[] = ['proven', 'gap', 'not-yet-due', 'not-owed'];

export const INTERVAL_TEXT: Readonly<Record<IntervalState, string>> = { proven: 'proven', gap: 'gap', 'not-yet-due': 'not yet due', 'not-owed': 'not owed' };

export const WAIVER_TEXT: Readonly<Record<WaiverState, string>> = { active: 'in force', expiring: 'expires within 30 days', expired: 'expired' };

/** `in 18 days`, `today`, `10 days overdue`. */
export function whenDue(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days < 0) return `${-days} day${days === -1 ? '' : 's'} overdue`;
  return `in ${days} days`;
}

/** Which window an item falls in: overdue, then within 30, 60 or 90 days. */
export function dueWindow(item: DueItem, windows: readonly number[]): string {
  if (item.days < 0) return 'overdue';
  const window = windows.find((days) => item.days <= days);
  return window === undefined ? 'later' : `${window}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `controls/access.yaml:23`, or the file alone for a place at the program's root. */
export function place(file: string, line: number): string {
  return file === '.' ? '.' : `${file}:${line}`;
}

/** The first labels of a long list, and how many more: a daily control's gaps can run to hundreds of days. */
export function someOf(labels: readonly string[], shown = 12): string {
  return labels.length <= shown ? labels.join(', ') : `${labels.slice(0, shown).join(', ')} and ${labels.length - shown} more`;
}
