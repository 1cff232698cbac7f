// Findings are a function of the program and the date: the same on a second run, and the same whatever order the
// records come in (file systems list folders in any order they like).
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { loadConfig } from '../../src/config/config.js';
import { modelPartsFor } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/run.js';
import { loadRepo } from '../../src/model/load.js';
import type { RepoModel } from '../../src/model/types.js';
import { lint } from '../../src/report/lint.js';

const broken = fileURLToPath(new URL('../../examples/broken-saas', import.meta.url));
const AS_OF = '2026-07-01';
const enabled = RULES.filter((rule) => !rule.meta.reads.some((part) => part === 'git-index' || part === 'git-history')).map((rule) => ({
  rule,
  severity: rule.meta.defaultSeverity,
  options: rule.meta.options?.defaults ?? {},
}));

describe('determinism', () => {
  it('linting the same program twice gives identical findings', async () => {
    const first = await lint({ root: broken, now: AS_OF, today: AS_OF });
    const second = await lint({ root: broken, now: AS_OF, today: AS_OF });
    expect(first.findings.length).toBeGreaterThan(10);
    expect(JSON.stringify(second.findings)).toBe(JSON.stringify(first.findings));
  });

  it('shuffling the order of every kind of record changes no finding', async () => {
    const model = await loadRepo(loadConfig(broken), modelPartsFor(enabled.map((e) => e.rule)));
    const reference = JSON.stringify(runRules(model, enabled, AS_OF));
    const lists = ['policies', 'controls', 'systems', 'vendors', 'people', 'training', 'acknowledgments', 'waivers', 'directives'] as const;
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: lists.length, maxLength: lists.length }), (seeds) => {
        const shuffled = { ...model } as RepoModel;
        lists.forEach((key, i) => {
          const items = [...(model[key] as unknown[])];
          let seed = seeds[i]! >>> 0;
          for (let k = items.length - 1; k > 0; k--) {
            seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
            const j = seed % (k + 1);
            [items[k], items[j]] = [items[j], items[k]];
          }
          (shuffled as unknown as Record<string, unknown>)[key] = items;
        });
        expect(JSON.stringify(runRules(shuffled, enabled, AS_OF))).toBe(reference);
      }),
      { numRuns: 25 },
    );
  });
});
