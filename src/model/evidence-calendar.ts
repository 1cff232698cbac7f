// The one calendar every evidence judgement uses: stale-evidence (is the latest proof in?), evidence-gap (is every
// interval of the audit period proven?) and the coverage report. A control is sampled by calendar intervals of its
// frequency (a continuous control by `continuous_every`), its proof is filed by intervals of `evidence_every` (its
// frequency when unset), and each interval's proof is due by the end of the filing interval that holds it, plus grace.
import { addDays, compareDates, daysBetween, periodOf, periodsWithin, type CalendarPeriod, type IsoDate, type PeriodUnit } from '../core/dates.js';
import type { Control, ControlFrequency, EvidenceRef } from './types.js';

/** A cadence keyword as controls and options write it. */
export type Cadence = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'annual';
export const CADENCES: readonly Cadence[] = ['daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual'];

export const CADENCE_UNIT: Readonly<Record<Cadence, PeriodUnit>> = {
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  quarterly: 'quarter',
  semiannual: 'half',
  annual: 'year',
};

const UNIT_ORDER: readonly PeriodUnit[] = ['day', 'week', 'month', 'quarter', 'half', 'year'];

/** The calendar judgement's settings: the rules' `grace` and `continuous_every` options. */
export interface CalendarOptions {
  /** Days after an interval's filing deadline before its missing proof counts. */
  grace: number;
  /** How often an automated (continuous) control must show a snapshot of its configuration. */
  continuousEvery: Cadence;
}

export const DEFAULT_CALENDAR: CalendarOptions = { grace: 0, continuousEvery: 'quarterly' };

/**
 * The interval an auditor samples the control by; undefined for event-driven controls. Automated controls are tested
 * from a few configuration snapshots, so they are sampled by `continuous_every`, not daily.
 */
export function sampledUnit(frequency: ControlFrequency, options: CalendarOptions): PeriodUnit | undefined {
  if (frequency === 'event') return undefined;
  return frequency === 'continuous' ? CADENCE_UNIT[options.continuousEvery] : CADENCE_UNIT[frequency];
}

/** The interval the control's proof is filed by: `evidence_every`, never finer than the sampled interval. */
export function filingUnit(control: Control, options: CalendarOptions): PeriodUnit | undefined {
  const sampled = sampledUnit(control.frequency, options);
  if (!sampled || !control.evidenceEvery) return sampled;
  const filed = CADENCE_UNIT[control.evidenceEvery];
  return UNIT_ORDER.indexOf(filed) > UNIT_ORDER.indexOf(sampled) ? filed : sampled;
}

/** The first and last day an entry speaks for: its `from`..`to` range, or its single date. */
export function coveredDays(entry: EvidenceRef): { first: IsoDate; last: IsoDate } {
  return entry.from !== undefined && entry.to !== undefined ? { first: entry.from, last: entry.to } : { first: entry.date, last: entry.date };
}

/** The entries that count on `asOf`: those dated on or before it (a later date is future-date's finding, not proof). */
export function evidenceUpTo(control: Control, asOf: IsoDate): EvidenceRef[] {
  return control.evidence.filter((entry) => compareDates(entry.date, asOf) <= 0);
}

/** Whether an entry covers part of [start, end]: a dated run inside it, or a range that spans into it. */
export function covers(entry: EvidenceRef, start: IsoDate, end: IsoDate): boolean {
  const { first, last } = coveredDays(entry);
  return compareDates(first, end) <= 0 && compareDates(last, start) >= 0 && compareDates(first, last) <= 0;
}

/**
 * Whether any of the entries covers part of [start, end] (as `covers` judges one entry), answered in logarithmic time:
 * a control citing daily proof for years is asked this for every day of its period. The entries' spans are sorted by
 * their first day once (most programs list them in date order already, so that is checked first), with the latest
 * last day among each prefix; a span covers part of [start, end] when it starts by `end` and ends on or after `start`.
 */
export function anyCovers(entries: readonly EvidenceRef[]): (start: IsoDate, end: IsoDate) => boolean {
  let spans: { first: IsoDate; last: IsoDate }[] = [];
  let sorted = true;
  for (const entry of entries) {
    const span = coveredDays(entry);
    if (span.first > span.last) continue; // an inverted range covers nothing (impossible-record's finding)
    if (sorted && spans.length > 0 && span.first < spans[spans.length - 1]!.first) sorted = false;
    spans.push(span);
  }
  if (!sorted) spans = spans.sort((a, b) => compareDates(a.first, b.first));
  const firsts: IsoDate[] = new Array<IsoDate>(spans.length);
  const latest: IsoDate[] = new Array<IsoDate>(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    firsts[i] = span.first;
    latest[i] = i === 0 || span.last > latest[i - 1]! ? span.last : latest[i - 1]!;
  }
  return (start, end) => {
    // How many spans start on or before `end`.
    let low = 0;
    let high = firsts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (firsts[middle]! <= end) low = middle + 1;
      else high = middle;
    }
    return low > 0 && latest[low - 1]! >= start;
  };
}

/** What a control's evidence proves on a date: the entries that count, the newest and earliest day, what they cover. */
export interface ProofOn {
  entries: readonly EvidenceRef[];
  /** The newest entry date (undefined when no entry counts). */
  newest: IsoDate | undefined;
  /** The first day any entry speaks for. */
  first: IsoDate | undefined;
  covered: (start: IsoDate, end: IsoDate) => boolean;
}

/**
 * The evidence that counts on `asOf` and what it covers (see evidenceUpTo and anyCovers). stale-evidence, evidence-gap
 * and the reports all ask this of every control on the same date, so the answer is kept with the control until it is
 * asked about another date (or its evidence list is another one).
 */
export function proofOn(control: Control, asOf: IsoDate): ProofOn {
  const known = proofs.get(control);
  if (known && known.asOf === asOf && known.evidence === control.evidence && known.count === control.evidence.length) return known.proof;
  const entries = evidenceUpTo(control, asOf);
  let newest: IsoDate | undefined;
  let first: IsoDate | undefined;
  for (const entry of entries) {
    if (newest === undefined || entry.date > newest) newest = entry.date;
    const day = coveredDays(entry).first;
    if (first === undefined || day < first) first = day;
  }
  const proof = { entries, newest, first, covered: anyCovers(entries) };
  proofs.set(control, { asOf, evidence: control.evidence, count: control.evidence.length, proof });
  return proof;
}

const proofs = new WeakMap<Control, { asOf: IsoDate; evidence: readonly EvidenceRef[]; count: number; proof: ProofOn }>();

/** The days the control was in effect: from `effective_from`, to the day before `retired_on`. Open ends are undefined. */
export function effectiveWindow(control: Control): { from?: IsoDate; until?: IsoDate } {
  // Asked for every interval of every control: built field by field rather than by spreading.
  const window: { from?: IsoDate; until?: IsoDate } = {};
  if (control.effectiveFrom !== undefined) window.from = control.effectiveFrom;
  if (control.retiredOn !== undefined) window.until = addDays(control.retiredOn, -1);
  return window;
}

/** Whether the control was in effect for the whole interval, and so owes its proof. */
export function owes(control: Control, interval: CalendarPeriod): boolean {
  const { from, until } = effectiveWindow(control);
  return (from === undefined || compareDates(interval.start, from) >= 0) && (until === undefined || compareDates(interval.end, until) <= 0);
}

/** The last day an interval's proof may arrive: the end of the filing interval that holds its end, plus grace. */
export function dueDate(interval: CalendarPeriod, filing: PeriodUnit, grace: number): IsoDate {
  return addDays(periodOf(filing, interval.end).end, grace);
}

/** The newest evidence date on or before as_of. */
export function newestEvidenceDate(control: Control, asOf: IsoDate): IsoDate | undefined {
  return proofOn(control, asOf).newest;
}

/**
 * Where a control's proof stands on `asOf`, by its filing interval:
 * - none: no evidence dated on or before as_of (missing-evidence's finding);
 * - stale: the latest interval whose deadline has passed has no proof (judged from the control's first proof on);
 * - due-soon: that one is proven, the current one is not yet, and its deadline is less than `soonDays` away;
 * - current: otherwise; `due` is the deadline of the next interval still to be proven (none for event controls).
 */
export type EvidenceStatus =
  | { state: 'none' }
  | { state: 'current'; newest: IsoDate; due?: IsoDate }
  | { state: 'due-soon'; newest: IsoDate; interval: CalendarPeriod; due: IsoDate; days: number }
  | { state: 'stale'; newest: IsoDate; interval: CalendarPeriod; due: IsoDate };

export function evidenceStatus(control: Control, asOf: IsoDate, options: CalendarOptions = DEFAULT_CALENDAR, soonDays = 0): EvidenceStatus {
  const { newest, first, covered } = proofOn(control, asOf);
  if (newest === undefined || first === undefined) return { state: 'none' };
  const filing = filingUnit(control, options);
  if (!filing) return { state: 'current', newest };
  const proven = (interval: CalendarPeriod) => covered(interval.start, interval.end);
  // Proof that stopped coming is judged from the first proof on: intervals before it are evidence-gap's, inside the
  // audit period and from effective_from.
  const owed = (interval: CalendarPeriod) => owes(control, interval) && compareDates(interval.end, first) >= 0;
  // The latest interval whose deadline has passed: step back from the one holding as_of.
  let last = periodOf(filing, asOf);
  while (compareDates(dueDate(last, filing, options.grace), asOf) >= 0) last = periodOf(filing, addDays(last.start, -1));
  if (owed(last) && !proven(last)) return { state: 'stale', newest, interval: last, due: dueDate(last, filing, options.grace) };
  // The intervals after it, up to the one holding as_of: the first not yet proven is the next deadline.
  for (let next = periodOf(filing, addDays(last.end, 1)); compareDates(next.start, asOf) <= 0; next = periodOf(filing, addDays(next.end, 1))) {
    if (!owed(next) || proven(next)) continue;
    const due = dueDate(next, filing, options.grace);
    const days = daysBetween(asOf, due);
    // A heads-up only where an interval is longer than the warning window: daily and weekly proof is always due soon.
    const length = daysBetween(next.start, next.end) + 1;
    if (days < soonDays && length > soonDays) return { state: 'due-soon', newest, interval: next, due, days };
    return { state: 'current', newest, due };
  }
  return { state: 'current', newest };
}

/** The Type II period's intervals of a unit that the control owes, inside the period and its own time in effect. */
export function owedWindow(control: Control, period: { start: IsoDate; end: IsoDate }): { start: IsoDate; end: IsoDate } | undefined {
  const { from, until } = effectiveWindow(control);
  const start = from !== undefined && compareDates(from, period.start) > 0 ? from : period.start;
  const end = until !== undefined && compareDates(until, period.end) < 0 ? until : period.end;
  return compareDates(start, end) <= 0 ? { start, end } : undefined;
}

/** Every whole interval of `unit` inside the window (see periodsWithin). */
export function intervalsWithin(unit: PeriodUnit, window: { start: IsoDate; end: IsoDate }): CalendarPeriod[] {
  return periodsWithin(unit, window.start, window.end);
}

/** An interval of proof, with the last day its proof may arrive. */
export interface DueInterval {
  start: IsoDate;
  end: IsoDate;
  due: IsoDate;
}

/**
 * How a control owes proof over a period, as evidence-gap judges it, the audit samples it and the report draws it:
 * interval by interval of its cadence (each whole interval of the period it was in effect for, due at the end of its
 * filing interval plus grace), or, for an event control or a cadence longer than the time owed, one run somewhere in
 * the time owed, due when that time has ended (plus grace). `window` is the time owed: the period, within the days the
 * control was in effect. Undefined when the control was not in effect in the period.
 */
export type ProofSchedule =
  | { by: 'interval'; unit: PeriodUnit; filing: PeriodUnit; window: { start: IsoDate; end: IsoDate }; intervals: (CalendarPeriod & { due: IsoDate })[] }
  | { by: 'window'; unit: PeriodUnit | undefined; window: DueInterval };

export function proofSchedule(control: Control, period: { start: IsoDate; end: IsoDate }, options: CalendarOptions): ProofSchedule | undefined {
  const window = owedWindow(control, period);
  if (!window) return undefined;
  const unit = sampledUnit(control.frequency, options);
  const filing = filingUnit(control, options);
  const whole = unit && filing ? intervalsWithin(unit, window) : [];
  if (unit && filing && whole.length > 0) return { by: 'interval', unit, filing, window, intervals: whole.map((interval) => ({ ...interval, due: dueDate(interval, filing, options.grace) })) };
  return { by: 'window', unit, window: { ...window, due: addDays(window.end, options.grace) } };
}

/** The calendar settings from a rule's options as a config writes them (`grace`, `continuous_every`). */
export function calendarOptions(options: { grace?: number; continuous_every?: Cadence } | undefined): CalendarOptions {
  return { grace: options?.grace ?? DEFAULT_CALENDAR.grace, continuousEvery: options?.continuous_every ?? DEFAULT_CALENDAR.continuousEvery };
}
