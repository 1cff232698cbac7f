// The build precompiles the schemas (dist/validators.cjs); the precompiled and the run-time compiled validators
// must give the same verdicts and errors, or a run from source and a run from the build would disagree.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';
import { FORMATS } from '../../src/schema/formats.js';
import { BASE_ID, RECORD_SCHEMAS, newAjv } from '../../src/schema/validate.js';

const precompiledFile = join(packageRoot, 'dist', 'validators.cjs');

const SAMPLES: [keyof typeof RECORD_SCHEMAS, unknown][] = [
  ['policy', { id: 'POL-1', title: 'T', status: 'approved', last_reviewed: '2026-02-29', review_every: 'P0D', ownr: 'x' }],
  ['policy', { id: 'POL-1', title: 'T', status: 'draft', version: 1.1, criteria: 'CC6.1' }],
  ['control', { id: 'C-1', title: 'T', frequency: 'yearly', evidence: [{ path: 'a', url: 'https://x', date: '2026-01-01' }, { date: '2026-13-01' }] }],
  ['scope', { categories: ['security', 'security', 'privacy'], audit: { type: 'type3' }, not_applicable: [{ criterion: 'P3.1', reason: 'short' }] }],
  ['vendor', { id: 'V', name: 'N', criticality: 'critical', assurance: { kind: 'soc3', bridge_letter: {} } }],
  ['person', { id: 'not-an-email', name: '' }],
  ['waiver', { rule: 'x', target: 'y', reason: 'too short', approved_by: 'a@b.c', expires: 'never' }],
  ['config', { as_of: '2026-01-01', rules: { 'stale-review': ['fatal', {}] }, paths: { policy: 'x' } }],
];

describe.skipIf(!existsSync(precompiledFile))('precompiled validators', () => {
  const precompiled = (createRequire(import.meta.url)(precompiledFile) as (f: typeof FORMATS) => Record<string, (v: unknown) => boolean>)(FORMATS);
  const ajv = newAjv();

  it.each(SAMPLES.map(([name, value], i) => [`${name} #${i}`, name, value] as const))('%s: same errors as the run-time compiler', (_label, name, value) => {
    const compiled = ajv.getSchema(BASE_ID + RECORD_SCHEMAS[name])!;
    const fromBuild = precompiled[name] as ((v: unknown) => boolean) & { errors?: unknown[] };
    expect(fromBuild(value)).toBe(compiled(value));
    const strip = (errors: unknown[] | null | undefined) =>
      (errors ?? []).map((e) => {
        const { instancePath, keyword, params } = e as { instancePath: string; keyword: string; params: unknown };
        return { instancePath, keyword, params };
      });
    expect(strip(fromBuild.errors)).toEqual(strip(compiled.errors));
    expect(strip(compiled.errors).length).toBeGreaterThan(0);
  });
});
