// The build precompiles the schemas (dist/validators.cjs). The precompiled validators must give the same verdicts and
// errors as the schemas compiled by anyone's plain Ajv with ajv-formats (an editor's view), and as soc2lint's
// run-time fallback; and a built dist/validators.cjs must be current, or a run would check against old schemas.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { validatorsSource } from '../../src/build/validators.js';
import { packageRoot } from '../../src/core/package-root.js';
import { FORMATS } from '../../src/schema/formats.js';
import { BASE_ID, RECORD_SCHEMAS, newAjv } from '../../src/schema/validate.js';

const require = createRequire(import.meta.url);
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const precompiledFile = join(packageRoot, 'dist', 'validators.cjs');

type Validate = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The validators of the generated CommonJS source, loaded the way validate.ts loads dist/validators.cjs. */
function loadValidators(source: string): Record<string, Validate> {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', source)(module, module.exports, require);
  return (module.exports as (formats: typeof FORMATS) => Record<string, Validate>)(FORMATS);
}

function plainAjv(): Ajv {
  const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  for (const name of ['common', 'policy', 'control', 'scope', 'vendor', 'people', 'training', 'acknowledgment', 'waivers', 'config', 'catalog']) {
    ajv.addSchema(JSON.parse(readFileSync(join(packageRoot, 'schemas', `${name}.schema.json`), 'utf8')));
  }
  return ajv;
}

const SAMPLES: [keyof typeof RECORD_SCHEMAS, unknown][] = [
  ['policy', { id: 'POL-1', title: 'T', status: 'approved', last_reviewed: '2026-02-29', review_every: 'P0D', ownr: 'x' }],
  ['policy', { id: 'POL-1', title: 'T', status: 'draft', version: 1.1, criteria: 'CC6.1', approved_on: '0999-01-01' }],
  ['policy', { id: 'POL-1', title: 'T', status: 'draft', last_reviewed: '2026-02-30', review_every: 'yearly' }],
  ['control', { id: 'C-1', title: 'T', frequency: 'yearly', evidence: [{ path: 'a', url: 'https://x', date: '2026-01-01' }, { date: '2026-13-01' }] }],
  ['scope', { categories: ['security', 'security', 'privacy'], audit: { type: 'type3' }, not_applicable: [{ criterion: 'P3.1', reason: 'short' }] }],
  ['vendor', { id: 'V', name: 'N', criticality: 'critical', assurance: { kind: 'soc3', bridge_letter: {} } }],
  ['person', { id: 'not-an-email', name: '' }],
  ['waiver', { rule: 'x', target: 'y', reason: 'too short', approved_by: 'a@b.c', expires: 'never' }],
  ['config', { as_of: '2026-01-01', rules: { 'stale-review': ['fatal', {}] }, paths: { policy: 'x' } }],
  ['config', { rules: { 'stale-reveiw': 'warn', 'stale-evidence': ['error', { grace: -1 }], 'missing-owner': ['warn', {}] } }],
  ['config', { rules: { 'training-overdue': ['warn', { every: 'P0D', courses: [''] }] }, overrides: [{ files: '', rules: { 'review-due-soon': 'fatal' } }] }],
];

const strip = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));

describe('precompiled validators', () => {
  const precompiled = loadValidators(validatorsSource());
  const plain = plainAjv();
  const fallback = newAjv();

  it.each(SAMPLES.map(([name, value], i) => [`${name} #${i}`, name, value] as const))('%s: the same errors as a plain Ajv and the run-time fallback', (_label, name, value) => {
    const fromBuild = precompiled[name]!;
    for (const compiled of [plain.getSchema(BASE_ID + RECORD_SCHEMAS[name])!, fallback.getSchema(BASE_ID + RECORD_SCHEMAS[name])!]) {
      expect(fromBuild(value)).toBe(compiled(value));
      expect(strip(fromBuild.errors)).toEqual(strip(compiled.errors));
    }
    expect(strip(fromBuild.errors).length).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(precompiledFile))('dist/validators.cjs is current (else run npm run build)', () => {
    expect(readFileSync(precompiledFile, 'utf8') === validatorsSource(), 'dist/validators.cjs was built from other schemas: run npm run build').toBe(true);
  });
});
