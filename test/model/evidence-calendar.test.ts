// anyCovers answers "does any entry cover part of [start, end]" by binary search; it must answer exactly as asking
// each entry (`covers`) would, for any entries (dated runs, ranges, inverted ranges) and any interval.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { anyCovers, covers } from '../../src/model/evidence-calendar.js';
import type { EvidenceRef } from '../../src/model/types.js';

/** A day within a short stretch, so that entries and intervals meet, touch and miss each other often. */
const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays('2026-01-01', n));
const entry = fc.oneof(
  day.map((date) => ({ date })),
  fc.tuple(day, day).map(([from, to]) => ({ date: to, from, to })),
);

describe('anyCovers', () => {
  it('answers as asking every entry would', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), fc.array(fc.tuple(day, day), { minLength: 1, maxLength: 8 }), (written, intervals) => {
        const entries: EvidenceRef[] = written.map((fields, index) => ({ index, ...fields }));
        const proven = anyCovers(entries);
        for (const [start, end] of intervals) expect(proven(start, end), `${start}..${end}`).toBe(entries.some((e) => covers(e, start, end)));
      }),
      { numRuns: 2000 },
    );
  });

  it('knows a range that ends before a later long range starts is no proof between them', () => {
    const entries: EvidenceRef[] = [
      { index: 0, date: '2026-01-31', from: '2026-01-01', to: '2026-01-31' },
      { index: 1, date: '2026-03-31', from: '2026-03-01', to: '2026-03-31' },
      { index: 2, date: '2026-01-05', from: '2026-01-10', to: '2026-01-05' }, // inverted: proves nothing
    ];
    const proven = anyCovers(entries);
    expect(proven('2026-02-01', '2026-02-28')).toBe(false);
    expect(proven('2026-01-31', '2026-02-28')).toBe(true);
    expect(proven('2026-02-15', '2026-03-01')).toBe(true);
    expect(proven('2026-01-06', '2026-01-09')).toBe(true); // inside the January range, not the inverted one
  });
});
