// "Did you mean": the nearest candidates within a typo's reach. Candidates whose length alone puts them out of reach
// are skipped without measuring them; the answer must be the one measuring every candidate gives.
import { distance } from 'fastest-levenshtein';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestAll, didYouMean } from '../../src/core/suggest.js';

/** Measure every candidate: the nearest within the reach, all of them when tied, sorted. */
function reference(value: string, candidates: readonly string[]): string[] {
  const wanted = value.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(wanted.length / 4)));
  const measured = candidates.map((candidate) => [candidate, distance(wanted, candidate.toLowerCase())] as const);
  const best = Math.min(...measured.map(([, d]) => d));
  return best <= limit ? measured.filter(([, d]) => d === best).map(([c]) => c).sort() : [];
}

describe('closestAll', () => {
  it('answers as measuring every candidate would', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'İ', '-', '.'), maxLength: 14 });
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 20 }), (value, candidates) => {
        expect(closestAll(value, candidates)).toEqual(reference(value, candidates));
      }),
      { numRuns: 3000 },
    );
  });

  it('suggests a near file name among thousands of others', () => {
    const files = Array.from({ length: 5000 }, (_, i) => `backup-2026-${String(i).padStart(5, '0')}.log`).concat(['access-review.md']);
    expect(didYouMean('acess-review.md', files)).toBe(' Did you mean "access-review.md"?');
    expect(didYouMean('nothing-like-it.txt', files)).toBe('');
  });

  it('names two equally near candidates with "or", and at most three', () => {
    expect(didYouMean('cc6.1', ['CC6.2', 'CC6.3', 'A1.1'])).toBe(' Did you mean "CC6.2" or "CC6.3"?');
    expect(didYouMean('cc6.1', ['CC6.5', 'CC6.4', 'CC6.3', 'CC6.2'])).toBe(' Did you mean "CC6.2" or "CC6.3" or "CC6.4"?');
  });
});
