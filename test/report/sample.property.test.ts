// The sample tables and the seeded pick, checked over many populations, sizes and seeds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE_TABLES, sampleItems, sampleSize, sampleTables } from '../../src/report/sample.js';

const RUNS = { numRuns: 300 };
const population = fc.integer({ min: 0, max: 400 }).map((n) => Array.from({ length: n }, (_, i) => `item-${i}`));
const seed = fc.integer({ min: 0, max: 0xffffffff });
const key = fc.string({ minLength: 1, maxLength: 12 });

describe('sampleItems', () => {
  it('the same seed and key give the same sample', () => {
    fc.assert(
      fc.property(population, fc.nat(60), seed, key, (items, size, s, k) => {
        expect(sampleItems(items, size, s, k)).toEqual(sampleItems(items, size, s, k));
      }),
      RUNS,
    );
  });

  it('never more than asked or than the population, all distinct, all from the population, in population order', () => {
    fc.assert(
      fc.property(population, fc.nat(60), seed, key, (items, size, s, k) => {
        const sample = sampleItems(items, size, s, k);
        expect(sample.length).toBe(Math.min(size, items.length));
        expect(new Set(sample).size).toBe(sample.length);
        const positions = sample.map((item) => items.indexOf(item));
        expect(positions.every((position) => position >= 0)).toBe(true);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }),
      RUNS,
    );
  });

  it('a sample as large as the population is the whole population', () => {
    fc.assert(
      fc.property(population, seed, key, (items, s, k) => {
        expect(sampleItems(items, items.length, s, k)).toEqual(items);
      }),
      RUNS,
    );
  });

  it('changing the seed changes the sample of a large population: across 20 seeds, at least 2 distinct samples', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 400 }), fc.integer({ min: 1, max: 25 }), seed, key, (n, size, first, k) => {
        const items = Array.from({ length: n }, (_, i) => i);
        const samples = new Set(Array.from({ length: 20 }, (_, i) => sampleItems(items, size, (first + i) >>> 0, k).join(',')));
        expect(samples.size).toBeGreaterThanOrEqual(2);
      }),
      RUNS,
    );
  });

  it('the key varies the pick: across 20 control IDs, at least 2 distinct samples for one seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 400 }), fc.integer({ min: 1, max: 25 }), seed, (n, size, s) => {
        const items = Array.from({ length: n }, (_, i) => i);
        const samples = new Set(Array.from({ length: 20 }, (_, i) => sampleItems(items, size, s, `CTL-${i}`).join(',')));
        expect(samples.size).toBeGreaterThanOrEqual(2);
      }),
      RUNS,
    );
  });
});

describe('sampleSize', () => {
  it('never exceeds the population, and takes every item of a population of up to 4 events', () => {
    const frequencies = ['event', 'continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...frequencies), fc.nat(2000), (frequency, size) => {
        const n = sampleSize(frequency, size);
        expect(n).toBeLessThanOrEqual(size);
        expect(n).toBeGreaterThanOrEqual(0);
        if (frequency === 'event' && size <= 4) expect(n).toBe(size);
      }),
      RUNS,
    );
  });

  it('follows the event table at its band edges', () => {
    expect([0, 1, 4, 5, 50, 51, 100, 250, 251, 10_000].map((n) => sampleSize('event', n))).toEqual([0, 1, 4, 5, 5, 6, 10, 25, 25, 25]);
  });

  it('follows the frequency table, capped by the intervals there are', () => {
    expect(sampleSize('daily', 181)).toBe(25);
    expect(sampleSize('weekly', 26)).toBe(5);
    expect(sampleSize('monthly', 6)).toBe(2);
    expect(sampleSize('quarterly', 2)).toBe(2);
    expect(sampleSize('annual', 1)).toBe(1);
    expect(sampleSize('continuous', 2)).toBe(2);
    expect(sampleSize('daily', 10)).toBe(10);
  });

  it('uses the tables the config gives: frequencies one by one, the event bands whole', () => {
    const tables = sampleTables({ frequency: { daily: 40 }, event: [{ max: 9, size: 'all' }, { size: '20%' }] });
    expect(tables.frequency).toEqual({ ...DEFAULT_SAMPLE_TABLES.frequency, daily: 40 });
    expect(sampleSize('daily', 365, tables)).toBe(40);
    expect(sampleSize('monthly', 12, tables)).toBe(2);
    expect(sampleSize('event', 9, tables)).toBe(9);
    expect(sampleSize('event', 11, tables)).toBe(3);
    expect(sampleTables(undefined)).toBe(DEFAULT_SAMPLE_TABLES);
  });
});
