import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { Ajv } from 'ajv';
import { TSC_2017, type CategoryId, type CriteriaCatalog } from '../../src/core/tsc2017.js';

const schemaUrl = new URL('../../schemas/catalog.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaUrl, 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

/** Criteria per series, in catalog order. */
const SERIES_COUNTS: [series: string, category: CategoryId, count: number][] = [
  ['CC1', 'security', 5],
  ['CC2', 'security', 3],
  ['CC3', 'security', 4],
  ['CC4', 'security', 2],
  ['CC5', 'security', 3],
  ['CC6', 'security', 8],
  ['CC7', 'security', 5],
  ['CC8', 'security', 1],
  ['CC9', 'security', 2],
  ['A1', 'availability', 3],
  ['C1', 'confidentiality', 2],
  ['PI1', 'processing-integrity', 5],
  ['P1', 'privacy', 1],
  ['P2', 'privacy', 1],
  ['P3', 'privacy', 2],
  ['P4', 'privacy', 3],
  ['P5', 'privacy', 2],
  ['P6', 'privacy', 7],
  ['P7', 'privacy', 1],
  ['P8', 'privacy', 1],
];

const EXPECTED_IDS = SERIES_COUNTS.flatMap(([series, , count]) =>
  Array.from({ length: count }, (_, i) => `${series}.${i + 1}`),
);

function clone(): CriteriaCatalog {
  return structuredClone(TSC_2017);
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

describe('TSC 2017 catalog', () => {
  it('validates against schemas/catalog.schema.json', () => {
    const ok = validate(TSC_2017);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('has exactly 61 criteria', () => {
    expect(TSC_2017.criteria).toHaveLength(61);
    expect(EXPECTED_IDS).toHaveLength(61);
  });

  it('lists exactly the expected IDs, in order', () => {
    expect(TSC_2017.criteria.map((c) => c.id)).toEqual(EXPECTED_IDS);
  });

  it('has unique IDs', () => {
    const ids = TSC_2017.criteria.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the expected count per category', () => {
    expect(countBy(TSC_2017.criteria, (c) => c.category)).toEqual({
      security: 33,
      availability: 3,
      confidentiality: 2,
      'processing-integrity': 5,
      privacy: 18,
    });
  });

  it('has the expected count and category per series', () => {
    const counts = countBy(TSC_2017.criteria, (c) => c.series);
    expect(counts).toEqual(Object.fromEntries(SERIES_COUNTS.map(([s, , n]) => [s, n])));
    const categoryOf = new Map(SERIES_COUNTS.map(([s, cat]) => [s, cat]));
    for (const c of TSC_2017.criteria) {
      expect(c.category, c.id).toBe(categoryOf.get(c.series));
    }
  });

  it('derives each series from its ID and uses one series name per series', () => {
    const names = new Map<string, Set<string>>();
    for (const c of TSC_2017.criteria) {
      expect(c.id.startsWith(`${c.series}.`), c.id).toBe(true);
      const set = names.get(c.series) ?? new Set<string>();
      set.add(c.seriesName);
      names.set(c.series, set);
    }
    for (const [series, set] of names) expect(set.size, series).toBe(1);
    expect(names.get('CC2')).toEqual(new Set(['Information and Communication']));
    expect(names.get('CC6')).toEqual(new Set(['Logical and Physical Access Controls']));
    expect(names.get('P3')).toEqual(new Set(['Privacy: Collection']));
  });

  it('contains no privacy group headings (P*.0)', () => {
    expect(TSC_2017.criteria.filter((c) => /^P\d\.0$/.test(c.id))).toEqual([]);
    expect(TSC_2017.criteria.filter((c) => /\.0$/.test(c.id))).toEqual([]);
  });

  it('lists the five categories once each', () => {
    expect(TSC_2017.categories.map((c) => c.id)).toEqual([
      'security',
      'availability',
      'confidentiality',
      'processing-integrity',
      'privacy',
    ]);
  });

  it('has short topics of 3-10 words', () => {
    for (const c of TSC_2017.criteria) {
      const words = c.topic.trim().split(/\s+/);
      expect(words.length, `${c.id}: ${c.topic}`).toBeGreaterThanOrEqual(3);
      expect(words.length, `${c.id}: ${c.topic}`).toBeLessThanOrEqual(10);
      expect(c.topic.length, c.id).toBeLessThanOrEqual(80);
      expect(c.topic, c.id).toBe(c.topic.trim());
    }
  });

  it('puts well-known topics on the right criteria', () => {
    const topic = (id: string): string => TSC_2017.criteria.find((c) => c.id === id)?.topic.toLowerCase() ?? '';
    expect(topic('CC2.2')).toContain('training');
    expect(topic('CC2.3')).not.toContain('training');
    expect(topic('CC6.2')).toContain('registration');
    expect(topic('CC6.5')).toContain('disposal');
    expect(topic('CC7.4')).toContain('respond');
    expect(topic('CC7.5')).toContain('recover');
    expect(topic('CC9.2')).toContain('vendor');
    expect(topic('A1.2')).toContain('backup');
    expect(topic('A1.3')).toContain('recovery');
  });
});

describe('catalog schema rejects bad catalogs', () => {
  const rejects = (mutate: (c: CriteriaCatalog) => void): void => {
    const bad = clone();
    mutate(bad);
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.length ?? 0).toBeGreaterThan(0);
  };

  it('rejects an out-of-range ID (CC10.1)', () => {
    rejects((c) => {
      c.criteria[0]!.id = 'CC10.1';
    });
  });

  it('rejects a privacy heading used as a criterion (P1.0)', () => {
    rejects((c) => {
      c.criteria.push({ id: 'P1.0', category: 'privacy', series: 'P1', seriesName: 'Privacy: Notice', topic: 'A heading, not a criterion' });
    });
  });

  it('rejects an ID with a label or trailing space', () => {
    rejects((c) => {
      c.criteria[0]!.id = 'CC1.1 ';
    });
    rejects((c) => {
      c.criteria[0]!.id = 'CC7.3 - Incident response';
    });
  });

  it('rejects an unknown category', () => {
    rejects((c) => {
      (c.criteria[0] as { category: string }).category = 'integrity';
    });
    rejects((c) => {
      (c.categories[0] as { id: string }).id = 'safety';
    });
  });

  it('rejects a category that does not fit the ID', () => {
    rejects((c) => {
      c.criteria[0]!.category = 'privacy';
    });
  });

  it('rejects missing fields and extra properties', () => {
    rejects((c) => {
      delete (c.criteria[0] as Partial<CriteriaCatalog['criteria'][number]>).topic;
    });
    rejects((c) => {
      (c.criteria[0] as unknown as Record<string, unknown>)['text'] = 'full criterion text';
    });
    rejects((c) => {
      (c as unknown as Record<string, unknown>)['extra'] = true;
    });
    rejects((c) => {
      delete (c as Partial<CriteriaCatalog>).version;
    });
  });

  it('rejects empty or overlong topics', () => {
    rejects((c) => {
      c.criteria[0]!.topic = '';
    });
    rejects((c) => {
      c.criteria[0]!.topic = 'x'.repeat(81);
    });
  });
});
