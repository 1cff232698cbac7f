// anyCovers answers "does any entry cover part of [start, end]" by binary search; it must answer exactly as asking
// each entry (`covers`) would, for any entries (dated runs, ranges, inverted ranges) and any interval. proofOn keeps
// its answer per control and date; it must answer as working it out afresh would, whatever was asked before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { anyCovers, coveredDays, covers, evidenceUpTo, proofOn } from '../../src/model/evidence-calendar.js';
import type { Control, EvidenceRef } from '../../src/model/types.js';

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

  it('answers as asking every entry would when the entries are listed in date order (as most programs list them)', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 2, maxLength: 40 }), fc.array(fc.tuple(day, day), { minLength: 1, maxLength: 8 }), (written, intervals) => {
        const entries: EvidenceRef[] = written.map((fields, index) => ({ index, ...fields }));
        entries.sort((a, b) => (coveredDays(a).first < coveredDays(b).first ? -1 : coveredDays(a).first > coveredDays(b).first ? 1 : 0));
        const proven = anyCovers(entries);
        for (const [start, end] of intervals) expect(proven(start, end), `${start}..${end}`).toBe(entries.some((e) => covers(e, start, end)));
      }),
      { numRuns: 1000 },
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

describe('proofOn', () => {
  /** A control as far as proofOn reads it. */
  const control = (evidence: EvidenceRef[]) => ({ evidence }) as unknown as Control;
  const entries = fc.array(entry, { maxLength: 10 }).map((written) => written.map((fields, index): EvidenceRef => ({ index, ...fields })));

  it('answers as working it out afresh would, whatever date or evidence list was asked about before', () => {
    fc.assert(
      fc.property(entries, entries, fc.array(fc.tuple(day, fc.constantFrom('same', 'replaced', 'grown')), { minLength: 1, maxLength: 10 }), fc.tuple(day, day), (first, second, asked, [start, end]) => {
        const subject = control(first);
        for (const [asOf, change] of asked) {
          // Another date with the same evidence; or the control's evidence list replaced, or the same list grown.
          if (change === 'replaced') subject.evidence = subject.evidence === first ? second : first;
          if (change === 'grown') (subject.evidence as EvidenceRef[]).push({ index: subject.evidence.length, date: asOf });
          const counted = evidenceUpTo(subject, asOf);
          const proof = proofOn(subject, asOf);
          expect(proof.entries).toEqual(counted);
          expect(proof.newest).toBe(counted.map((e) => e.date).sort().at(-1));
          expect(proof.first).toBe(counted.map((e) => coveredDays(e).first).sort()[0]);
          expect(proof.covered(start, end)).toBe(counted.some((e) => covers(e, start, end)));
          expect(proofOn(subject, asOf)).toBe(proof); // asked again: the kept answer
        }
      }),
      { numRuns: 500 },
    );
  });
});
