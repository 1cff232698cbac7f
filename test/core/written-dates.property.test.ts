// Dates as programs write them (comply's `Jun 1 2018`, document-control `June 1, 2018`), read back to the same day.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWrittenDate } from '../../src/core/dates.js';

const DAY = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const isoDate = fc.integer({ min: Date.UTC(1990, 0, 1) / DAY, max: Date.UTC(2099, 11, 31) / DAY }).map((day) => new Date(day * DAY).toISOString().slice(0, 10));
const parts = (date: string) => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });

describe('parseWrittenDate', () => {
  it('reads every written form of a day back to that day', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const { year, month, day } = parts(date);
        const name = MONTHS[month - 1]!;
        for (const written of [date, `${name.slice(0, 3)} ${day} ${year}`, `${name} ${day}, ${year}`, `${day} ${name} ${year}`, `${year}/${month}/${day}`]) {
          expect(parseWrittenDate(written)).toEqual({ date });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('calls every numeric day/month/year form ambiguous, whatever the numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1990, max: 2099 }), (a, b, year) => {
        expect(parseWrittenDate(`${String(a).padStart(2, '0')}/${String(b).padStart(2, '0')}/${year}`)).toEqual({ ambiguous: true });
      }),
    );
  });

  it.each([
    ['Jun 1 2018', '2018-06-01'],
    ['June 1, 2018', '2018-06-01'],
    ['1 June 2018', '2018-06-01'],
    ['Sept 3 2020', '2020-09-03'],
    ['Dec. 24, 2019', '2019-12-24'],
    ['  2018-06-01 ', '2018-06-01'],
  ])('%s is %s', (written, date) => expect(parseWrittenDate(written)).toEqual({ date }));

  it.each(['Jun 31 2018', 'Feb 29 2026', 'Foo 1 2020', 'Ma 1 2020', 'yesterday', '2026-13-01', ''])('%s is no date', (written) => {
    expect(parseWrittenDate(written)).toBeUndefined();
  });
});
