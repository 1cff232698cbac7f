import { describe, it, expect } from 'vitest';
import {
  INTERVAL_KEYWORDS,
  addDays,
  civilToDays,
  daysToCivil,
  addInterval,
  addMonths,
  compareDates,
  compareMoments,
  dayOf,
  normaliseTimestamp,
  readMoment,
  daysBetween,
  describeInterval,
  isIsoDate,
  maxDate,
  minDate,
  parseInterval,
  periodOf,
  periodsWithin,
  subtractInterval,
  todayUtc,
  type Interval,
  type PeriodUnit,
} from '../../src/core/dates.js';

describe('isIsoDate', () => {
  it.each([
    ['2026-03-05', true, ''],
    ['2024-02-29', true, 'leap day (divisible by 4)'],
    ['2000-02-29', true, 'leap day (divisible by 400)'],
    ['2026-02-29', false, 'not a leap year'],
    ['2100-02-29', false, 'divisible by 100 but not 400'],
    ['2026-02-28', true, ''],
    ['2026-04-30', true, ''],
    ['2026-04-31', false, 'April has 30 days'],
    ['2026-12-31', true, ''],
    ['2026-01-32', false, ''],
    ['2026-13-01', false, ''],
    ['2026-00-10', false, ''],
    ['2026-01-00', false, ''],
    ['1000-01-01', true, 'lowest year'],
    ['9999-12-31', true, 'highest year'],
    ['0999-12-31', false, 'year below 1000'],
    ['2026-3-5', false, 'unpadded'],
    ['26-03-05', false, ''],
    ['20260305', false, 'basic format'],
    ['2026/03/05', false, ''],
    ['2026-03-05T00:00:00Z', false, 'date-time'],
    [' 2026-03-05', false, 'leading space'],
    ['2026-03-05\n', false, 'trailing newline'],
    ['+2026-03-05', false, ''],
    ['２０２６-03-05', false, 'non-ASCII digits'],
    ['', false, ''],
  ])('%j -> %s %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });

  it('is false, without throwing, for a value that is not text (a YAML null or number that slipped through)', () => {
    for (const value of [null, undefined, 20260305, {}, ['2026', '03']]) expect(isIsoDate(value as unknown as string), String(value)).toBe(false);
    // A value whose text is a date reads as that date, as the strict pattern read it before.
    expect(isIsoDate({ toString: () => '2026-03-05' } as unknown as string)).toBe(true);
  });
});

describe('todayUtc', () => {
  it.each([
    ['2026-03-01T01:30:00+14:00', '2026-02-28', 'Kiritimati morning is still the previous UTC day'],
    ['2026-02-28T23:30:00-08:00', '2026-03-01', 'Los Angeles evening is already the next UTC day'],
    ['2026-03-05T00:00:00Z', '2026-03-05', 'midnight UTC'],
    ['2026-03-05T23:59:59.999Z', '2026-03-05', 'last millisecond of the UTC day'],
    ['2024-12-31T23:59:59Z', '2024-12-31', 'last second of the year'],
    ['1969-12-31T12:00:00Z', '1969-12-31', 'before the epoch'],
  ])('%s -> %s (%s)', (instant, expected) => {
    expect(todayUtc(new Date(instant))).toBe(expected);
  });

  it('defaults to now and returns a valid date', () => {
    expect(isIsoDate(todayUtc())).toBe(true);
  });

  it('rejects an invalid Date', () => {
    expect(() => todayUtc(new Date('nope'))).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-03-05', 0, '2026-03-05', ''],
    ['2026-03-05', 1, '2026-03-06', ''],
    ['2026-01-31', 1, '2026-02-01', 'month end'],
    ['2026-02-28', 1, '2026-03-01', 'non-leap February'],
    ['2024-02-28', 1, '2024-02-29', 'leap February'],
    ['2100-02-28', 1, '2100-03-01', '2100 is not leap'],
    ['2000-02-28', 1, '2000-02-29', '2000 is leap'],
    ['2026-12-31', 1, '2027-01-01', 'year boundary'],
    ['2027-01-01', -1, '2026-12-31', 'year boundary backwards'],
    ['2024-03-01', -1, '2024-02-29', 'back into a leap day'],
    ['2026-03-08', 1, '2026-03-09', 'US DST start does not matter'],
    ['2026-11-01', 1, '2026-11-02', 'US DST end does not matter'],
    ['2026-01-01', 365, '2027-01-01', ''],
    ['2024-01-01', 365, '2024-12-31', 'leap year has 366 days'],
    ['2026-03-05', -90, '2025-12-05', ''],
    ['1970-01-01', -1, '1969-12-31', 'before the epoch'],
  ])('%s + %i days -> %s %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-03-05', 1, '2026-04-05', ''],
    ['2026-01-31', 1, '2026-02-28', 'clamps to February end'],
    ['2024-01-31', 1, '2024-02-29', 'clamps to leap day'],
    ['2024-02-29', 12, '2025-02-28', 'leap day + 1 year'],
    ['2024-02-29', 48, '2028-02-29', 'leap day + 4 years'],
    ['2026-03-31', -1, '2026-02-28', 'clamps backwards'],
    ['2026-05-31', 1, '2026-06-30', ''],
    ['2026-01-30', 1, '2026-02-28', ''],
    ['2100-01-31', 1, '2100-02-28', '2100 is not leap'],
    ['2000-01-31', 1, '2000-02-29', '2000 is leap'],
    ['2026-11-15', 2, '2027-01-15', 'year boundary'],
    ['2026-01-15', -1, '2025-12-15', 'year boundary backwards'],
    ['2026-01-15', -13, '2024-12-15', ''],
    ['2026-12-31', 12, '2027-12-31', ''],
    ['2026-08-31', -6, '2026-02-28', ''],
    ['2026-03-05', 0, '2026-03-05', ''],
  ])('%s + %i months -> %s %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-03-05', '2026-03-05', 0],
    ['2026-03-05', '2026-03-06', 1],
    ['2026-03-06', '2026-03-05', -1],
    ['2026-02-01', '2026-03-01', 28],
    ['2024-02-01', '2024-03-01', 29],
    ['2026-01-01', '2027-01-01', 365],
    ['2024-01-01', '2025-01-01', 366],
    ['2100-01-01', '2101-01-01', 365],
    ['2000-01-01', '2001-01-01', 366],
    ['2026-03-07', '2026-03-09', 2],
    ['2027-01-01', '2026-12-31', -1],
  ])('%s -> %s is %d days', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });
});

describe('compareDates, minDate, maxDate', () => {
  it.each([
    ['2026-03-05', '2026-03-06', -1],
    ['2026-03-06', '2026-03-05', 1],
    ['2026-03-05', '2026-03-05', 0],
    ['2026-12-31', '2027-01-01', -1],
  ])('compareDates(%s, %s) = %d', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it('sorts with compareDates', () => {
    expect(['2027-01-01', '2024-02-29', '2026-12-31'].sort(compareDates)).toEqual(['2024-02-29', '2026-12-31', '2027-01-01']);
  });

  it.each([
    [['2026-03-05', '2027-01-01', '2024-02-29'], '2024-02-29', '2027-01-01'],
    [['2026-03-05'], '2026-03-05', '2026-03-05'],
    [[], undefined, undefined],
  ])('min/max of %j is %s / %s', (dates, min, max) => {
    expect(minDate(dates)).toBe(min);
    expect(maxDate(dates)).toBe(max);
    expect(maxDate(new Set(dates))).toBe(max); // any iterable
  });
});

describe('parseInterval', () => {
  it.each<[string, Interval]>([
    ['daily', { months: 0, days: 1 }],
    ['weekly', { months: 0, days: 7 }],
    ['monthly', { months: 1, days: 0 }],
    ['quarterly', { months: 3, days: 0 }],
    ['semiannual', { months: 6, days: 0 }],
    ['annual', { months: 12, days: 0 }],
    ['P1Y', { months: 12, days: 0 }],
    ['P6M', { months: 6, days: 0 }],
    ['P18M', { months: 18, days: 0 }],
    ['P90D', { months: 0, days: 90 }],
    ['P2W', { months: 0, days: 14 }],
    ['P1Y6M', { months: 18, days: 0 }],
    ['P1M15D', { months: 1, days: 15 }],
    ['P1Y2M3W4D', { months: 14, days: 25 }],
    ['P0Y6M', { months: 6, days: 0 }],
  ])('%s -> %j', (text, expected) => {
    expect(parseInterval(text)).toEqual(expected);
  });

  it.each([
    ['P', 'no components'],
    ['P0D', 'zero length'],
    ['P0Y0M', 'zero length'],
    ['PT1H', 'time part'],
    ['P1DT1H', 'time part'],
    ['P1.5M', 'fraction'],
    ['P1,5M', 'fraction'],
    ['6M', 'missing P'],
    ['p6m', 'lower case'],
    ['P6m', 'lower-case unit'],
    ['P6M1Y', 'out of order'],
    ['P1D1D', 'repeated unit'],
    ['P-1D', 'negative'],
    ['-P1D', 'negative'],
    ['P1', 'missing unit'],
    ['annually', 'not a keyword'],
    ['Annual', 'keywords are case-sensitive'],
    [' annual', 'leading space'],
    ['annual ', 'trailing space'],
    ['toString', 'inherited property name'],
    ['__proto__', 'inherited property name'],
    ['', 'empty'],
  ])('%j -> undefined (%s)', (text) => {
    expect(parseInterval(text)).toBeUndefined();
  });

  it('returns a copy, never the shared keyword object', () => {
    const parsed = parseInterval('annual')!;
    parsed.months = 1;
    expect(INTERVAL_KEYWORDS.annual).toEqual({ months: 12, days: 0 });
    expect(Object.isFrozen(INTERVAL_KEYWORDS.annual)).toBe(true);
  });
});

describe('addInterval / subtractInterval', () => {
  it.each<[string, string, string, string]>([
    ['2026-03-05', 'annual', '2027-03-05', '2025-03-05'],
    ['2024-02-29', 'annual', '2025-02-28', '2023-02-28'],
    ['2026-01-31', 'monthly', '2026-02-28', '2025-12-31'],
    ['2026-03-31', 'monthly', '2026-04-30', '2026-02-28'],
    ['2026-11-30', 'quarterly', '2027-02-28', '2026-08-30'],
    ['2026-08-31', 'semiannual', '2027-02-28', '2026-02-28'],
    ['2026-12-29', 'weekly', '2027-01-05', '2026-12-22'],
    ['2026-12-31', 'daily', '2027-01-01', '2026-12-30'],
    ['2026-03-05', 'P90D', '2026-06-03', '2025-12-05'],
    ['2026-01-31', 'P1M1D', '2026-03-01', '2025-12-30'], // months first: Jan 31 -> Feb 28 -> Mar 1
    ['2026-03-31', 'P1M15D', '2026-05-15', '2026-02-16'], // backwards, in reverse order: Mar 31 -> Mar 16 -> Feb 16
  ])('%s with %s: + -> %s, - -> %s', (date, text, added, subtracted) => {
    const interval = parseInterval(text)!;
    expect(addInterval(date, interval)).toBe(added);
    expect(subtractInterval(date, interval)).toBe(subtracted);
  });
});

describe('describeInterval', () => {
  it.each<[Interval, string]>([
    [INTERVAL_KEYWORDS.annual, '12 months'],
    [INTERVAL_KEYWORDS.daily, '1 day'],
    [INTERVAL_KEYWORDS.weekly, '7 days'],
    [INTERVAL_KEYWORDS.monthly, '1 month'],
    [{ months: 0, days: 90 }, '90 days'],
    [{ months: 18, days: 0 }, '18 months'],
    [{ months: 1, days: 15 }, '1 month 15 days'],
    [{ months: 2, days: 1 }, '2 months 1 day'],
    [{ months: 0, days: 0 }, '0 days'],
  ])('%j -> %s', (interval, expected) => {
    expect(describeInterval(interval)).toBe(expected);
  });
});

describe('periodOf', () => {
  it.each<[PeriodUnit, string, string, string, string]>([
    ['day', '2026-03-05', '2026-03-05', '2026-03-05', '2026-03-05'],
    ['month', '2026-03-05', '2026-03', '2026-03-01', '2026-03-31'],
    ['month', '2024-02-10', '2024-02', '2024-02-01', '2024-02-29'],
    ['month', '2100-02-10', '2100-02', '2100-02-01', '2100-02-28'],
    ['month', '2000-02-10', '2000-02', '2000-02-01', '2000-02-29'],
    ['quarter', '2026-01-01', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['quarter', '2026-04-01', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['quarter', '2026-09-30', '2026-Q3', '2026-07-01', '2026-09-30'],
    ['quarter', '2026-12-31', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['half', '2026-06-30', '2026-H1', '2026-01-01', '2026-06-30'],
    ['half', '2026-07-01', '2026-H2', '2026-07-01', '2026-12-31'],
    ['year', '2026-03-05', '2026', '2026-01-01', '2026-12-31'],
  ])('%s of %s is %s (%s..%s)', (unit, date, label, start, end) => {
    expect(periodOf(unit, date)).toEqual({ unit, label, start, end });
  });

  it('gives every caller the same period, frozen, so none can change what another is given', () => {
    const period = periodOf('quarter', '2026-05-17');
    expect(periodOf('quarter', '2026-05-17')).toBe(period);
    expect(Object.isFrozen(period)).toBe(true);
    expect(() => {
      (period as { end: string }).end = '2026-12-31';
    }).toThrow(TypeError);
    expect(periodOf('quarter', '2026-04-01')).toEqual({ unit: 'quarter', label: '2026-Q2', start: '2026-04-01', end: '2026-06-30' });
  });

  it('still refuses a date that is no date, however often it is asked', () => {
    for (let i = 0; i < 3; i++) expect(() => periodOf('month', '2026-02-30')).toThrow(RangeError);
    for (let i = 0; i < 3; i++) expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });

  it.each([
    ['2026-03-05', '2026-W10', '2026-03-02', '2026-03-08'], // Thursday
    ['2026-03-02', '2026-W10', '2026-03-02', '2026-03-08'], // Monday starts the week
    ['2026-03-08', '2026-W10', '2026-03-02', '2026-03-08'], // Sunday ends it
    ['2026-04-01', '2026-W14', '2026-03-30', '2026-04-05'],
    ['2020-12-31', '2020-W53', '2020-12-28', '2021-01-03'],
    ['2021-01-03', '2020-W53', '2020-12-28', '2021-01-03'], // January date in the previous week-year
    ['2021-01-04', '2021-W01', '2021-01-04', '2021-01-10'],
    ['2026-12-31', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2027-01-01', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2027-01-04', '2027-W01', '2027-01-04', '2027-01-10'],
    ['2024-12-30', '2025-W01', '2024-12-30', '2025-01-05'], // December date in the next week-year
    ['2025-12-28', '2025-W52', '2025-12-22', '2025-12-28'],
    ['2025-12-29', '2026-W01', '2025-12-29', '2026-01-04'],
    ['2026-01-01', '2026-W01', '2025-12-29', '2026-01-04'],
    ['2015-12-31', '2015-W53', '2015-12-28', '2016-01-03'],
    ['2024-02-29', '2024-W09', '2024-02-26', '2024-03-03'],
  ])('week of %s is %s (%s..%s)', (date, label, start, end) => {
    expect(periodOf('week', date)).toEqual({ unit: 'week', label, start, end });
  });
});

describe('periodsWithin', () => {
  const labels = (unit: PeriodUnit, start: string, end: string): string[] =>
    periodsWithin(unit, start, end).map((period) => period.label);

  it.each<[PeriodUnit, string, string, string[]]>([
    // day: every day counts, both ends inclusive
    ['day', '2024-02-28', '2024-03-01', ['2024-02-28', '2024-02-29', '2024-03-01']],
    ['day', '2026-03-05', '2026-03-05', ['2026-03-05']],
    // week: partial weeks at either edge are dropped
    ['week', '2026-01-01', '2026-01-31', ['2026-W02', '2026-W03', '2026-W04']],
    ['week', '2020-12-28', '2021-01-10', ['2020-W53', '2021-W01']],
    ['week', '2026-12-29', '2027-01-10', ['2027-W01']],
    ['week', '2026-03-03', '2026-03-08', []],
    // month
    ['month', '2026-01-15', '2026-04-30', ['2026-02', '2026-03', '2026-04']],
    ['month', '2026-01-01', '2026-03-30', ['2026-01', '2026-02']],
    ['month', '2025-11-01', '2026-02-28', ['2025-11', '2025-12', '2026-01', '2026-02']],
    ['month', '2024-02-01', '2024-02-28', []], // leap February ends on the 29th
    ['month', '2026-02-01', '2026-02-28', ['2026-02']],
    // quarter
    ['quarter', '2026-01-15', '2026-12-31', ['2026-Q2', '2026-Q3', '2026-Q4']],
    ['quarter', '2026-01-01', '2026-12-30', ['2026-Q1', '2026-Q2', '2026-Q3']],
    ['quarter', '2025-10-01', '2026-03-31', ['2025-Q4', '2026-Q1']],
    ['quarter', '2026-02-01', '2026-05-31', []],
    // half
    ['half', '2025-07-01', '2026-12-31', ['2025-H2', '2026-H1', '2026-H2']],
    ['half', '2026-01-02', '2026-12-31', ['2026-H2']],
    ['half', '2026-01-01', '2026-12-30', ['2026-H1']],
    // year
    ['year', '2024-01-01', '2026-12-31', ['2024', '2025', '2026']],
    ['year', '2024-01-02', '2026-12-30', ['2025']],
    ['year', '2026-01-01', '2026-12-30', []],
  ])('%s within %s..%s -> %j', (unit, start, end, expected) => {
    expect(labels(unit, start, end)).toEqual(expected);
  });

  it('returns full periods with inclusive bounds', () => {
    expect(periodsWithin('quarter', '2026-01-15', '2026-06-30')).toEqual([
      { unit: 'quarter', label: '2026-Q2', start: '2026-04-01', end: '2026-06-30' },
    ]);
  });

  it('is empty when start is after end', () => {
    expect(periodsWithin('day', '2026-03-06', '2026-03-05')).toEqual([]);
  });

  it('stops cleanly at the last representable day', () => {
    expect(labels('year', '9998-01-01', '9999-12-31')).toEqual(['9998', '9999']);
  });
});

describe('invalid input fails loudly', () => {
  it.each([
    ['addDays with a non-date', () => addDays('2026-02-30', 1)],
    ['addDays with a fractional count', () => addDays('2026-03-05', 1.5)],
    ['addMonths with NaN', () => addMonths('2026-03-05', Number.NaN)],
    ['daysBetween with a date-time', () => daysBetween('2026-03-05T00:00:00Z', '2026-03-06')],
    ['result beyond year 9999', () => addDays('9999-12-31', 1)],
    ['result before year 1000', () => addMonths('1000-01-31', -1)],
  ])('%s throws RangeError', (_name, call) => {
    expect(call).toThrow(RangeError);
  });
});

describe('timestamps and moments (population exports)', () => {
  it('normalises ISO 8601 timestamps to UTC, seconds precision', () => {
    expect(normaliseTimestamp('2026-03-04T15:22:10Z')).toBe('2026-03-04T15:22:10Z');
    expect(normaliseTimestamp('2026-03-04T15:22:10.123456Z')).toBe('2026-03-04T15:22:10Z');
    expect(normaliseTimestamp('2026-03-04 16:22:10+01:00')).toBe('2026-03-04T15:22:10Z');
    expect(normaliseTimestamp('2026-03-04T01:30:00+0200')).toBe('2026-03-03T23:30:00Z');
    expect(normaliseTimestamp('2025-12-31T22:00:00-05:00')).toBe('2026-01-01T03:00:00Z');
    expect(normaliseTimestamp('2026-03-04T15:22')).toBe('2026-03-04T15:22:00Z');
  });

  it('refuses what is no timestamp', () => {
    for (const text of ['2026-03-04', '2026-02-30T10:00:00Z', '2026-03-04T24:00:00Z', '2026-03-04T10:60:00Z', 'yesterday', '']) expect(normaliseTimestamp(text), text).toBeUndefined();
  });

  it('reads a moment: a timestamp, or a day in the forms programs write', () => {
    expect(readMoment('2026-03-04T15:22:10Z')).toBe('2026-03-04T15:22:10Z');
    expect(readMoment('March 4, 2026')).toBe('2026-03-04');
    expect(readMoment('03/04/2026')).toBeUndefined();
  });

  it('compares moments by time, or by day when either is a day alone', () => {
    expect(compareMoments('2026-03-04T10:00:00Z', '2026-03-04T09:59:59Z')).toBe(1);
    expect(compareMoments('2026-03-04', '2026-03-04T23:59:59Z')).toBe(0);
    expect(compareMoments('2026-03-03T23:59:59Z', '2026-03-04')).toBe(-1);
    expect(dayOf('2026-03-04T23:59:59Z')).toBe('2026-03-04');
  });
});

describe('day numbers by arithmetic', () => {
  it('count every day from 1000-01-01 to 9999-12-31 as Date.UTC does, both ways', () => {
    const MS_PER_DAY = 86_400_000;
    let checked = 0;
    for (let number = Date.UTC(1000, 0, 1) / MS_PER_DAY, last = Date.UTC(9999, 11, 31) / MS_PER_DAY; number <= last; number++) {
      const instant = new Date(number * MS_PER_DAY);
      const [year, month, day] = [instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate()];
      const civil = daysToCivil(number);
      if (civil.year !== year || civil.month !== month || civil.day !== day || civilToDays(year, month, day) !== number) {
        throw new Error(`day ${number}: Date.UTC says ${year}-${month}-${day}, the arithmetic ${JSON.stringify(civil)} and ${civilToDays(year, month, day)}`);
      }
      checked++;
    }
    expect(checked).toBe(3_287_182);
    expect([addDays('1969-12-31', 1), daysBetween('1970-01-01', '2000-03-01'), addDays('2024-02-28', 1), addDays('2100-02-28', 1)]).toEqual(['1970-01-01', 11_017, '2024-02-29', '2100-03-01']);
  });
});
