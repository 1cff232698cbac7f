// Calendar arithmetic, checked over many dates (month ends, leap days, year ends) rather than a few examples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, addDays, addInterval, addMonths, compareDates, daysBetween, isBusinessDay, isIsoDate, periodOf, periodsWithin, subtractInterval, type PeriodUnit } from '../../src/core/dates.js';

const DAY = 86_400_000;
/** Any calendar day from 1901 to 2199, with month ends and leap days drawn more often than chance would. */
const isoDate = fc.oneof(
  fc.integer({ min: Date.UTC(1901, 0, 1) / DAY, max: Date.UTC(2199, 11, 31) / DAY }).map((day) => new Date(day * DAY).toISOString().slice(0, 10)),
  fc.record({ year: fc.integer({ min: 1901, max: 2199 }), month: fc.integer({ min: 1, max: 12 }) }).map(({ year, month }) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)),
  fc.integer({ min: 476, max: 549 }).map((n) => `${n * 4}-02-29`).filter(isIsoDate),
);
const units: PeriodUnit[] = ['day', 'week', 'month', 'quarter', 'half', 'year'];
const RUNS = { numRuns: 300 };

describe('date arithmetic', () => {
  it('adding and subtracting days are inverses, and daysBetween measures them', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -4000, max: 4000 }), (date, days) => {
        expect(addDays(addDays(date, days), -days)).toBe(date);
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
      RUNS,
    );
  });

  it('adding months lands in the right month and never overflows into the next (month-end safe)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -120, max: 120 }), (date, months) => {
        const result = addMonths(date, months);
        const index = (year: string, month: string) => Number(year) * 12 + Number(month);
        expect(index(result.slice(0, 4), result.slice(5, 7)) - index(date.slice(0, 4), date.slice(5, 7))).toBe(months);
        expect(Number(result.slice(8))).toBe(Math.min(Number(date.slice(8)), new Date(Date.UTC(Number(result.slice(0, 4)), Number(result.slice(5, 7)), 0)).getUTCDate()));
        // Going back may land earlier (a clamped month end), never later.
        expect(compareDates(addMonths(result, -months), date)).toBeLessThanOrEqual(0);
        if (Number(date.slice(8)) <= 28) expect(addMonths(result, -months)).toBe(date);
      }),
      RUNS,
    );
  });

  it('an interval added then subtracted never comes back later than it started', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 36 }), fc.integer({ min: 0, max: 400 }), (date, months, days) => {
        const interval = { months, days };
        expect(compareDates(subtractInterval(addInterval(date, interval), interval), date)).toBeLessThanOrEqual(0);
        expect(compareDates(addInterval(date, interval), date)).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });
});

describe('calendar periods', () => {
  it('the period of a date holds it, and the next period starts the day after it ends', () => {
    fc.assert(
      fc.property(isoDate.filter((d) => d < '2199-01-01'), fc.constantFrom(...units), (date, unit) => {
        const period = periodOf(unit, date);
        expect(compareDates(period.start, date)).toBeLessThanOrEqual(0);
        expect(compareDates(date, period.end)).toBeLessThanOrEqual(0);
        expect(periodOf(unit, period.start)).toEqual(period);
        expect(periodOf(unit, period.end)).toEqual(period);
        expect(periodOf(unit, addDays(period.end, 1)).start).toBe(addDays(period.end, 1));
      }),
      RUNS,
    );
  });

  it('the whole periods within a range cover it once each, in order, and leave out only partial periods at its edges', () => {
    fc.assert(
      fc.property(isoDate.filter((d) => d > '1902-01-01' && d < '2198-01-01'), fc.integer({ min: 0, max: 800 }), fc.constantFrom(...units), (start, length, unit) => {
        const end = addDays(start, length);
        const periods = periodsWithin(unit, start, end);
        for (const [i, period] of periods.entries()) {
          expect(compareDates(start, period.start)).toBeLessThanOrEqual(0);
          expect(compareDates(period.end, end)).toBeLessThanOrEqual(0);
          if (i > 0) expect(period.start).toBe(addDays(periods[i - 1]!.end, 1));
        }
        // The days not covered are at the edges only, and belong to periods that stick out of the range.
        const first = periods[0]?.start ?? addDays(end, 1);
        const last = periods.at(-1)?.end ?? end;
        if (compareDates(start, first) < 0) expect(compareDates(periodOf(unit, start).start, start) < 0 || compareDates(periodOf(unit, start).end, end) > 0).toBe(true);
        if (periods.length > 0 && compareDates(last, end) < 0) expect(compareDates(periodOf(unit, end).end, end)).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});

describe('business days', () => {
  const holidaySet = fc.array(isoDate, { maxLength: 20 }).map((dates) => new Set(dates));

  it('adding N business days lands on a business day, after exactly N business days, at most 3N + holidays calendar days later', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 40 }), holidaySet, (date, days, holidays) => {
        const result = addBusinessDays(date, days, holidays);
        expect(isBusinessDay(result, holidays)).toBe(true);
        let counted = 0;
        for (let d = addDays(date, 1); compareDates(d, result) <= 0; d = addDays(d, 1)) if (isBusinessDay(d, holidays)) counted += 1;
        expect(counted).toBe(days);
        expect(daysBetween(date, result)).toBeGreaterThanOrEqual(days);
        expect(daysBetween(date, result)).toBeLessThanOrEqual(Math.ceil((days * 7) / 5) + 2 + holidays.size);
      }),
      RUNS,
    );
  });

  it('a week has five business days: adding 5 business days from a business day is 7 days later without holidays', () => {
    fc.assert(
      fc.property(isoDate.filter((date) => isBusinessDay(date)), (date) => {
        expect(addBusinessDays(date, 5)).toBe(addDays(date, 7));
      }),
      RUNS,
    );
  });

  it('knows the calendar: Friday 2026-03-06 plus 1 is Monday 2026-03-09; with Monday a holiday, Tuesday', () => {
    expect(isBusinessDay('2026-03-07')).toBe(false);
    expect(isBusinessDay('2026-03-08')).toBe(false);
    expect(addBusinessDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(addBusinessDays('2026-03-06', 1, new Set(['2026-03-09']))).toBe('2026-03-10');
    expect(addBusinessDays('2026-03-07', 1)).toBe('2026-03-09');
    expect(addBusinessDays('2026-03-06', 0)).toBe('2026-03-06');
    expect(addBusinessDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('isIsoDate reads a date character by character exactly as the calendar and the strict pattern do', () => {
    // The reference: the pattern, and the date Date.UTC gives back being the one written.
    const reference = (text: string) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!match || Number(match[1]) < 1000) return false;
      return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === text;
    };
    const digit = fc.constantFrom(...'0123456789');
    const almost = fc
      .tuple(fc.array(digit, { minLength: 3, maxLength: 5 }), fc.constantFrom('-', '/', '-'), fc.array(digit, { minLength: 1, maxLength: 3 }), fc.constantFrom('-', '-', ' '), fc.array(digit, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '', '\n', 'Z', '\u0660'))
      .map(([y, a, m, b, d, tail]) => `${y.join('')}${a}${m.join('')}${b}${d.join('')}${tail}`);
    // A real date with one character changed: a digit's neighbours in ASCII (/ and :), a letter, another script's digit.
    const changed = fc
      .tuple(isoDate, fc.integer({ min: 0, max: 9 }), fc.constantFrom('/', ':', '.', 'O', '\u0660', ' ', '0', '9', '-'))
      .map(([date, at, char]) => `${date.slice(0, at)}${char}${date.slice(at + 1)}`);
    fc.assert(
      fc.property(fc.oneof(isoDate, almost, changed, fc.string({ maxLength: 12 })), (text) => {
        expect(isIsoDate(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});
