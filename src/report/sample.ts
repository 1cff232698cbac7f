// How many items an auditor samples, and which: the sample-size tables (by control frequency, and by population size
// for event-driven controls) and a seeded pick that gives the same sample for the same seed. Pure: no clock, no files,
// no Math.random.
import type { SamplingConfig } from '../config/types.js';
import type { ControlFrequency } from '../model/types.js';
import { mulberry32 } from '../core/random.js';

/** A frequency that runs on a calendar (everything but `event`). */
export type PeriodicFrequency = Exclude<ControlFrequency, 'event'>;

/** How many to sample from a band of population sizes: a count, a percentage of the population, or every item. */
export type BandSize = number | 'all' | `${number}%`;

/** One row of the event table: populations of up to `max` items (no `max`: any larger population) sample `size`. */
export interface EventBand {
  max?: number;
  size: BandSize;
}

export interface SampleTables {
  /** Samples per control frequency; the population is the control's intervals in the period. */
  frequency: Readonly<Record<PeriodicFrequency, number>>;
  /** Bands by population size, smallest first; the last has no `max`. */
  event: readonly EventBand[];
}

/**
 * The defaults. By frequency: the sizes audit firms commonly use (annual 1, semiannual 1, quarterly 2, monthly 2,
 * weekly 5, daily 25, continuous or several times a day 25). By population size: AssuranceLab's published table (up to 4
 * items: all; up to 50: 5; up to 250: 10%; more: 25). docs/audit.md says where they come from and how to override them.
 */
export const DEFAULT_SAMPLE_TABLES: SampleTables = {
  frequency: { annual: 1, semiannual: 1, quarterly: 2, monthly: 2, weekly: 5, daily: 25, continuous: 25 },
  event: [
    { max: 4, size: 'all' },
    { max: 50, size: 5 },
    { max: 250, size: '10%' },
    { size: 25 },
  ],
};

/** The tables with the config's `sampling:` applied: frequencies one by one, the event bands replaced whole. */
export function sampleTables(config: SamplingConfig | undefined): SampleTables {
  if (!config) return DEFAULT_SAMPLE_TABLES;
  return {
    frequency: { ...DEFAULT_SAMPLE_TABLES.frequency, ...config.frequency },
    event: config.event ?? DEFAULT_SAMPLE_TABLES.event,
  };
}

/**
 * How many items to sample from a population of `populationSize`: by the control's frequency for a periodic control,
 * by the population's size for an event-driven one. Never more than the population; a percentage rounds up, so 10% of
 * 51 is 6.
 */
export function sampleSize(frequency: ControlFrequency, populationSize: number, tables: SampleTables = DEFAULT_SAMPLE_TABLES): number {
  const size = Math.max(0, Math.floor(populationSize));
  if (frequency !== 'event') return Math.min(tables.frequency[frequency], size);
  const band = tables.event.find((row) => row.max === undefined || size <= row.max) ?? tables.event[tables.event.length - 1];
  if (!band) return size;
  return Math.min(bandCount(band.size, size), size);
}

function bandCount(size: BandSize, population: number): number {
  if (size === 'all') return population;
  if (typeof size === 'number') return size;
  return Math.ceil((Number(size.slice(0, -1)) * population) / 100);
}

/**
 * A reproducible sample of `size` items (all of them when `size` is not smaller): picked without replacement by a
 * seeded generator, and returned in population order. `key` (the control's ID) varies the pick between controls, so
 * two controls with populations of the same size do not get the same positions.
 */
export function sampleItems<T>(items: readonly T[], size: number, seed: number, key: string): T[] {
  const count = Math.max(0, Math.min(Math.floor(size), items.length));
  if (count === items.length) return [...items];
  const random = mulberry32(mix(seed, hashText(key)));
  // A partial Fisher–Yates shuffle of the positions: the first `count` are the sample.
  const positions = items.map((_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (positions.length - i));
    [positions[i], positions[j]] = [positions[j]!, positions[i]!];
  }
  return positions
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}

/** FNV-1a over the UTF-16 code units: a stable 32-bit hash of the key. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The seed and the key's hash combined (a murmur3 finaliser), so nearby seeds give unrelated states. */
function mix(seed: number, hash: number): number {
  let h = (Math.floor(seed) ^ hash) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The seed when none is given: the period's first day as a number (2026-01-01 → 20260101), so every run agrees. */
export function defaultSeed(periodStart: string): number {
  return Number(periodStart.replace(/-/g, ''));
}

/** The largest seed: seeds are 32-bit unsigned integers. */
export const MAX_SEED = 0xffffffff;
