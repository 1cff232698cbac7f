/**
 * Calendar dates and intervals for every rule.
 *
 * A date is an ISO 'YYYY-MM-DD' string naming a calendar day, never an instant:
 * all arithmetic goes through day numbers (days since 1970-01-01, as Date.UTC
 * counts them) computed by calendar arithmetic, so the host time zone can never
 * shift a result. Strings in this format sort chronologically, so comparison is
 * plain string comparison. Pure functions; some keep their answers (see below).
 */

export type IsoDate = string; // 'YYYY-MM-DD', a valid calendar date

const MS_PER_DAY = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The number `count` ASCII digits at `from` write, or -1 when one of them is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Strict: 'YYYY-MM-DD' exactly, year 1000-9999, real calendar date (2026-02-29 is false, 2024-02-29 true, 2026-04-31
 * false). Read character by character: every rule asks this of every date, many times a run.
 */
export function isIsoDate(text: string): boolean {
  return ymdOf(typeof text === 'string' ? text : String(text)) !== undefined;
}

/** The year, month and day a strict date writes (see isIsoDate), or undefined. */
function ymdOf(value: string): Ymd | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined; // 45 is '-'
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? { year, month, day } : undefined;
}

export interface Ymd { year: number; month: number; day: number }

// Inputs are documented as valid, but a bad one must fail loudly, not become 'NaN-NaN-NaN'.
function parse(date: IsoDate): Ymd {
  const ymd = ymdOf(typeof date === 'string' ? date : String(date));
  if (ymd === undefined) throw new RangeError(`Not a valid ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return ymd;
}

// Results must be valid IsoDates too, so arithmetic leaving years 1000-9999 is an error.
function format({ year, month, day }: Ymd): IsoDate {
  if (year < 1000 || year > 9999) throw new RangeError(`Date out of range (years 1000-9999): year ${year}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function requireInteger(value: number, what: string): void {
  if (!Number.isInteger(value)) throw new RangeError(`${what} must be an integer, got ${value}`);
}

/** Days since 1970-01-01 (negative before it), as Date.UTC counts them; by arithmetic, since rules ask it of every date. */
function toDayNumber(date: IsoDate): number {
  let dayNumber = dayNumbers.get(date);
  if (dayNumber === undefined) {
    const { year, month, day } = parse(date);
    dayNumber = civilToDays(year, month, day);
    if (dayNumbers.size >= MAX_KEPT) dayNumbers.clear();
    dayNumbers.set(date, dayNumber);
  }
  return dayNumber;
}

function fromDayNumber(dayNumber: number): IsoDate {
  let date = datesByNumber.get(dayNumber);
  if (date === undefined) {
    date = format(daysToCivil(dayNumber));
    if (datesByNumber.size >= MAX_KEPT) datesByNumber.clear();
    datesByNumber.set(dayNumber, date);
  }
  return date;
}

// A program's thousands of records share a few hundred dates, and every rule does arithmetic on them: each date's day
// number (and each day number's date) is worked out once. A bound keeps a long-lived process small.
const dayNumbers = new Map<string, number>();
const datesByNumber = new Map<number, string>();
const MAX_KEPT = 100_000;

// The proleptic Gregorian calendar counted in 400-year eras of 146,097 days, each year starting on March 1 (so the
// leap day ends it); day 0 is 1970-01-01, which is 719,468 days after 0000-03-01. test/core/dates.test.ts compares
// both directions with Date.UTC on every day from 1000-01-01 to 9999-12-31.
const DAYS_BEFORE_EPOCH = 719_468;
const DAYS_PER_ERA = 146_097;

export function civilToDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - DAYS_BEFORE_EPOCH;
}

export function daysToCivil(dayNumber: number): Ymd {
  const days = dayNumber + DAYS_BEFORE_EPOCH;
  const era = Math.floor(days / DAYS_PER_ERA);
  const dayOfEra = days - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153); // months from March
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Today's calendar date in UTC for the given instant (default now). */
export function todayUtc(now: Date = new Date()): IsoDate {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError('todayUtc: invalid Date');
  return fromDayNumber(Math.floor(ms / MS_PER_DAY));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  requireInteger(days, 'days');
  return fromDayNumber(toDayNumber(date) + days);
}

/** Month-end safe: 2026-01-31 + 1 = 2026-02-28; 2024-01-31 + 1 = 2024-02-29; 2024-02-29 + 12 = 2025-02-28; 2026-03-31 - 1 = 2026-02-28. Negative allowed. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  requireInteger(months, 'months');
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  // Clamp to the last day of the target month rather than overflowing into the next one.
  return format({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/** Whole days from a to b (b - a); negative if b is before a. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(dates: Iterable<IsoDate>): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const date of dates) if (best === undefined || date > best) best = date;
  return best;
}

export function minDate(dates: Iterable<IsoDate>): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const date of dates) if (best === undefined || date < best) best = date;
  return best;
}

/** A length of calendar time: months (years*12 + months) and days (weeks*7 + days). */
export interface Interval { months: number; days: number }

type IntervalKeyword = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'annual';

export const INTERVAL_KEYWORDS: Readonly<Record<IntervalKeyword, Interval>> = Object.freeze({
  daily: Object.freeze({ months: 0, days: 1 }),
  weekly: Object.freeze({ months: 0, days: 7 }),
  monthly: Object.freeze({ months: 1, days: 0 }),
  quarterly: Object.freeze({ months: 3, days: 0 }),
  semiannual: Object.freeze({ months: 6, days: 0 }),
  annual: Object.freeze({ months: 12, days: 0 }),
});

const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/**
 * The same intervals as a JSON Schema pattern, for rule options (a keyword, or an ISO duration with at least one
 * non-zero figure). parseInterval remains the judge; this lets a config error name the bad option early.
 */
export const INTERVAL_PATTERN = '^(?:daily|weekly|monthly|quarterly|semiannual|annual|P(?=.*[1-9])(?:\\d+Y)?(?:\\d+M)?(?:\\d+W)?(?:\\d+D)?)$';

/** A keyword above, or an ISO 8601 date duration: P1Y, P6M, P90D, P2W, P1Y6M, P1M15D (case-sensitive 'P', letters Y M W D in that order; no time part 'T'; zero-length like 'P0D' is invalid -> undefined; fractions invalid). Returns undefined when not valid. */
export function parseInterval(text: string): Interval | undefined {
  // Own-property check so 'toString', '__proto__' etc. are not mistaken for keywords.
  if (Object.hasOwn(INTERVAL_KEYWORDS, text)) return { ...INTERVAL_KEYWORDS[text as IntervalKeyword] };
  const match = ISO_DURATION.exec(text);
  if (!match) return undefined;
  const [years, months, weeks, days] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number];
  const interval = { months: years * 12 + months, days: weeks * 7 + days };
  if (!Number.isSafeInteger(interval.months) || !Number.isSafeInteger(interval.days)) return undefined;
  return interval.months === 0 && interval.days === 0 ? undefined : interval;
}

/** Months first (month-end safe), then days. */
export function addInterval(date: IsoDate, interval: Interval): IsoDate {
  return addDays(addMonths(date, interval.months), interval.days);
}

/** The reverse of addInterval, undone in reverse order (days, then months), so subtracting what was added never lands later than where it started. */
export function subtractInterval(date: IsoDate, interval: Interval): IsoDate {
  return addMonths(addDays(date, -interval.days), -interval.months);
}

/** Human text: 'annual' -> '12 months', {0,90} -> '90 days', {1,0} -> '1 month', {0,7} -> '7 days', {18,0} -> '18 months', {1,15} -> '1 month 15 days'. */
export function describeInterval(interval: Interval): string {
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (interval.months !== 0) parts.push(plural(interval.months, 'month'));
  if (interval.days !== 0 || parts.length === 0) parts.push(plural(interval.days, 'day'));
  return parts.join(' ');
}

/** Calendar periods used for Type II evidence sampling. */
export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year';
export interface CalendarPeriod { unit: PeriodUnit; label: string; start: IsoDate; end: IsoDate /* inclusive */ }

function monthSpan(unit: PeriodUnit, label: string, year: number, firstMonth: number, lastMonth: number): CalendarPeriod {
  return {
    unit,
    label,
    start: format({ year, month: firstMonth, day: 1 }),
    end: format({ year, month: lastMonth, day: daysInMonth(year, lastMonth) }),
  };
}

// ISO 8601 week: Monday to Sunday, numbered within the year that holds its Thursday.
function isoWeekOf(date: IsoDate): CalendarPeriod {
  const dayNumber = toDayNumber(date);
  const weekday = (((dayNumber + 3) % 7) + 7) % 7; // 0 = Monday (day 0, 1970-01-01, was a Thursday)
  const monday = dayNumber - weekday;
  const thursday = fromDayNumber(monday + 3);
  const weekYear = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday) / 7) + 1;
  return { unit: 'week', label: `${pad(weekYear, 4)}-W${pad(week, 2)}`, start: fromDayNumber(monday), end: fromDayNumber(monday + 6) };
}

/** The period containing a date. Labels: day '2026-03-05', week ISO 8601 week '2026-W14' (weeks start Monday; the ISO week-year can differ from the calendar year: 2027-01-01 is in '2026-W53', 2024-12-30 is in '2025-W01'), month '2026-03', quarter '2026-Q2', half '2026-H1', year '2026'. */
export function periodOf(unit: PeriodUnit, date: IsoDate): Readonly<CalendarPeriod> {
  const key = unit + date;
  let period = knownPeriods.get(key);
  if (period === undefined) {
    period = Object.freeze(computePeriod(unit, date));
    if (knownPeriods.size >= MAX_KEPT) knownPeriods.clear();
    knownPeriods.set(key, period);
  }
  return period;
}

// Every control asks for the period holding as_of, the period of each of its dates and each interval's deadline, and
// thousands of controls share those dates: each period is worked out once and shared (frozen, so no caller can change
// what another is given). The pure function's answers, kept up to a bound so a long-lived process stays small.
const knownPeriods = new Map<string, Readonly<CalendarPeriod>>();

function computePeriod(unit: PeriodUnit, date: IsoDate): CalendarPeriod {
  const { year, month } = parse(date);
  const y = pad(year, 4);
  switch (unit) {
    case 'day':
      return { unit, label: date, start: date, end: date };
    case 'week':
      return isoWeekOf(date);
    case 'month':
      return monthSpan(unit, `${y}-${pad(month, 2)}`, year, month, month);
    case 'quarter': {
      const quarter = Math.ceil(month / 3);
      return monthSpan(unit, `${y}-Q${quarter}`, year, quarter * 3 - 2, quarter * 3);
    }
    case 'half': {
      const half = month <= 6 ? 1 : 2;
      return monthSpan(unit, `${y}-H${half}`, year, half * 6 - 5, half * 6);
    }
    case 'year':
      return monthSpan(unit, y, year, 1, 12);
  }
}

/** Every whole period lying entirely within [start, end] (both inclusive), in order. E.g. quarters within 2026-01-15..2026-12-31 are Q2, Q3, Q4 (Q1 is partial). */
export function periodsWithin(unit: PeriodUnit, start: IsoDate, end: IsoDate): CalendarPeriod[] {
  const periods: CalendarPeriod[] = [];
  if (start > end) return periods;
  let period = periodOf(unit, start);
  if (period.start < start) {
    if (period.end >= end) return periods;
    period = periodOf(unit, addDays(period.end, 1));
  }
  while (period.end <= end) {
    periods.push(period);
    if (period.end === end) break; // don't step past 9999-12-31
    period = periodOf(unit, addDays(period.end, 1));
  }
  return periods;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The month a written name means (`Jun`, `June`, `Sept`), 1-12, or undefined. */
function monthNamed(name: string): number | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.findIndex((month) => lower.startsWith(month) && 'january february march april may june july august september sept october november december'.split(' ').some((full) => full.startsWith(lower)));
  return index === -1 ? undefined : index + 1;
}

function ymd(year: number, month: number, day: number): IsoDate | undefined {
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return isIsoDate(date) ? date : undefined;
}

/** A date as programs write it: `date` when it is one, `ambiguous` when day and month can be read both ways. */
export type WrittenDate = { date: IsoDate } | { ambiguous: true } | undefined;

/**
 * Read a date in the forms compliance documents use: `2018-06-01`, `Jun 1 2018`, `June 1, 2018`, `1 June 2018`,
 * `2018/06/01`. A numeric day-month form (`03/04/2026`) is March 4 in the US and 3 April elsewhere: it is ambiguous
 * unless one number is over 12 (`25/04/2026`), and even then it is refused, since a program that writes one such date
 * writes others that cannot be told apart. Undefined for anything that is no date.
 */
export function parseWrittenDate(text: string): WrittenDate {
  const trimmed = text.trim();
  if (isIsoDate(trimmed)) return { date: trimmed };
  let match = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(trimmed);
  if (match) return wrap(ymd(Number(match[1]), Number(match[2]), Number(match[3])));
  match = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(trimmed);
  if (match) {
    const month = monthNamed(match[1]!);
    return month ? wrap(ymd(Number(match[3]), month, Number(match[2]))) : undefined;
  }
  match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(trimmed);
  if (match) {
    const month = monthNamed(match[2]!);
    return month ? wrap(ymd(Number(match[3]), month, Number(match[1]))) : undefined;
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(trimmed)) return { ambiguous: true };
  return undefined;
}

function wrap(date: IsoDate | undefined): WrittenDate {
  return date === undefined ? undefined : { date };
}

/** Monday to Friday and not one of `holidays`: the days companies count "by the next business day" in. */
export function isBusinessDay(date: IsoDate, holidays: ReadonlySet<IsoDate> = new Set()): boolean {
  // Day 0 (1970-01-01) was a Thursday: (n + 4) mod 7 is 0 on Sundays and 6 on Saturdays.
  const weekday = (((toDayNumber(date) + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** The `days`-th business day after `date` (0: `date` itself). A Friday plus 1 is the Monday, or the Tuesday after a Monday holiday. */
export function addBusinessDays(date: IsoDate, days: number, holidays: ReadonlySet<IsoDate> = new Set()): IsoDate {
  requireInteger(days, 'days');
  if (days < 0) throw new RangeError('addBusinessDays: days must not be negative');
  let day = toDayNumber(date);
  for (let left = days; left > 0; ) {
    day += 1;
    if (isBusinessDay(fromDayNumber(day), holidays)) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * A moment as exports write it: an ISO 8601 timestamp in UTC, `YYYY-MM-DDTHH:MM:SSZ` (what `gh` writes), or a day
 * alone (`YYYY-MM-DD`) when the export gives no time. Such strings sort chronologically among their own kind.
 */
export type Moment = string;

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO 8601 timestamp (`2026-03-04T15:22:10Z`, `2026-03-04 16:22:10+01:00`, fractions of a second dropped) in
 * UTC as `YYYY-MM-DDTHH:MM:SSZ`; one without a zone is read as UTC. Undefined for anything else.
 */
export function normaliseTimestamp(text: string): Moment | undefined {
  const match = TIMESTAMP.exec(text.trim());
  if (!match || !isIsoDate(match[1]!)) return undefined;
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const zone = match[5]?.toUpperCase() ?? 'Z';
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const ms = toDayNumber(match[1]!) * MS_PER_DAY + ((hours * 60 + minutes - offset) * 60 + seconds) * 1000;
  const day = fromDayNumberOrUndefined(Math.floor(ms / MS_PER_DAY));
  if (day === undefined) return undefined;
  return `${day}T${new Date(ms).toISOString().slice(11, 19)}Z`;
}

function fromDayNumberOrUndefined(dayNumber: number): IsoDate | undefined {
  try {
    return fromDayNumber(dayNumber);
  } catch {
    return undefined;
  }
}

/** A written moment read: a timestamp normalised to UTC, or a day (any form parseWrittenDate reads unambiguously). */
export function readMoment(text: string): Moment | undefined {
  const timestamp = normaliseTimestamp(text);
  if (timestamp !== undefined) return timestamp;
  const written = parseWrittenDate(text);
  return written && 'date' in written ? written.date : undefined;
}

/** The UTC day of a moment. */
export function dayOf(moment: Moment): IsoDate {
  return moment.slice(0, 10);
}

/** Compare two moments; when either is a day alone, only their days are compared (a day holds every time of it). */
export function compareMoments(a: Moment, b: Moment): number {
  return a.length === 10 || b.length === 10 ? compareDates(dayOf(a), dayOf(b)) : a < b ? -1 : a > b ? 1 : 0;
}
