// The schemas in schemas/ are plain JSON Schema: an editor, or anyone's Ajv with ajv-formats, reads them as soc2lint
// does. No format of our own: dates use the standard `date` format, intervals a pattern. And the dates and intervals
// they accept are the ones src/core/dates.ts can compute with.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { INTERVAL_PATTERN, isIsoDate, parseInterval } from '../../src/core/dates.js';
import { packageRoot } from '../../src/core/package-root.js';
import { yamlSource } from '../../src/parse/source.js';
import { parseYaml } from '../../src/parse/yaml.js';
import { BASE_ID, validateRecord, validatorFor } from '../../src/schema/validate.js';

const addFormats = createRequire(import.meta.url)('ajv-formats') as typeof import('ajv-formats').default;
const SCHEMA_DIR = join(packageRoot, 'schemas');
const schemaFiles = readdirSync(SCHEMA_DIR).filter((file) => file.endsWith('.json')).sort();

/** Ajv as anyone would set it up: strict, ajv-formats, and nothing of soc2lint's. */
function plainAjv(): Ajv {
  const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  for (const file of schemaFiles) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')));
  return ajv;
}

describe('every schema compiles with a plain Ajv and ajv-formats', () => {
  const ajv = plainAjv();
  it.each(schemaFiles)('%s', (file) => {
    expect(() => ajv.getSchema(BASE_ID + file)).not.toThrow();
    expect(ajv.getSchema(BASE_ID + file)).toBeTypeOf('function');
  });
});

describe('dates and intervals in the schemas', () => {
  const ajv = plainAjv();
  const date = ajv.compile({ $ref: `${BASE_ID}common.schema.json#/definitions/date` });
  const interval = ajv.compile({ $ref: `${BASE_ID}common.schema.json#/definitions/interval` });

  it('the interval pattern is the one src/core/dates.ts exports for rule options', () => {
    const common = JSON.parse(readFileSync(join(SCHEMA_DIR, 'common.schema.json'), 'utf8')) as { definitions: { interval: { pattern: string } } };
    expect(common.definitions.interval.pattern).toBe(INTERVAL_PATTERN);
  });

  it.each(['2026-01-31', '2024-02-29', '2000-02-29', '1000-01-01', '9999-12-31', '2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '0999-12-31', '2026-1-31', '2026-01-31T00:00:00Z', ' 2026-01-31', ''])(
    'date %j: the schema agrees with isIsoDate',
    (text) => {
      expect(date(text)).toBe(isIsoDate(text));
    },
  );

  it.each(['daily', 'annual', 'semiannual', 'P6M', 'P90D', 'P1Y6M', 'P2W', 'P1M15D', 'P0D', 'P0Y0M', 'P', 'yearly', 'p6m', 'P6m', 'PT12H', 'P1.5Y', 'P6M ', 'toString', ''])(
    'interval %j: the schema agrees with parseInterval',
    (text) => {
      expect(interval(text)).toBe(parseInterval(text) !== undefined);
    },
  );

  it('soc2lint\'s validators give the same verdicts', () => {
    const policy = (fields: object) => ({ id: 'POL-1', title: 'T', status: 'approved', ...fields });
    for (const last_reviewed of ['2024-02-29', '2026-02-29', '0999-01-01']) {
      const value = policy({ last_reviewed });
      expect(validatorFor('policy')(value), last_reviewed).toBe(ajv.getSchema(BASE_ID + 'policy.schema.json')!(value));
    }
  });
});

describe('a bad date or interval is explained', () => {
  function problems(yaml: string): string[] {
    const parsed = parseYaml(yaml, 'policies/a.md');
    if (!parsed.ok) throw new Error('bad YAML in the test');
    const source = yamlSource(parsed.yaml, parsed.yaml.root);
    return validateRecord('policy', parsed.yaml.value, source, 'policy').problems.map((p) => `${p.range.line}:${p.range.column} ${p.message}`);
  }
  const head = 'id: POL-1\ntitle: T\nstatus: approved\n';

  it.each([
    ['a day the month does not have', 'last_reviewed: 2026-02-30', '4:16 Policy: "last_reviewed" must be a calendar date written YYYY-MM-DD (for example 2026-01-31); found "2026-02-30".'],
    ['a leap day in a common year', 'approved_on: "2026-02-29"', '4:14 Policy: "approved_on" must be a calendar date written YYYY-MM-DD (for example 2026-01-31); found "2026-02-29".'],
    ['a date in another notation', 'last_reviewed: 31/01/2026', '4:16 Policy: "last_reviewed" must be a calendar date written YYYY-MM-DD (for example 2026-01-31); found "31/01/2026".'],
    ['a zero interval', 'review_every: P0D', '4:15 Policy: "review_every" must be daily, weekly, monthly, quarterly, semiannual, annual, or an ISO 8601 duration such as P6M or P90D; found "P0D".'],
    ['an interval word soc2lint does not know', 'review_every: yearly', '4:15 Policy: "review_every" must be daily, weekly, monthly, quarterly, semiannual, annual, or an ISO 8601 duration such as P6M or P90D; found "yearly".'],
  ])('%s', (_name, line, expected) => {
    expect(problems(`${head}${line}\n`)).toEqual([expected]);
  });

  it('a leap day in a leap year is a date', () => {
    expect(problems(`${head}last_reviewed: 2024-02-29\n`)).toEqual([]);
  });
});

// A documented choice (docs/file-formats.md): the shipped schemas stay strict, so an editor flags `ownr:` as it is
// typed, while the loader tolerates unknown keys (unknown-field warns) so a run still checks the record. `x-` keys are
// the writer's own in both.
describe('unknown keys: strict for editors, except x- keys', () => {
  const ajv = plainAjv();
  const control = ajv.getSchema(`${BASE_ID}control.schema.json`)!;
  const base = { id: 'AC-01', title: 'Access review', frequency: 'quarterly' };

  it('an editor flags an unknown key at any depth', () => {
    expect(control({ ...base, ownr: 'a@x.io' })).toBe(false);
    expect(control({ ...base, evidence: [{ path: 'e.md', date: '2026-01-05', reviewer: 'bob' }] })).toBe(false);
  });

  it('an editor accepts x- keys at any depth, in every record kind', () => {
    expect(control({ ...base, 'x-jira': 'SEC-1', evidence: [{ path: 'e.md', date: '2026-01-05', 'x-reviewer': 'bob' }] })).toBe(true);
    expect(control({ 'x-schema-version': 2, controls: [{ ...base, 'x-team': 'it' }] })).toBe(true);
    const policy = ajv.getSchema(`${BASE_ID}policy.schema.json`)!;
    expect(policy({ id: 'POL-A', title: 'A', status: 'draft', 'x-confluence-id': '42' })).toBe(true);
    const vendor = ajv.getSchema(`${BASE_ID}vendor.schema.json`)!;
    expect(vendor({ id: 'aws', name: 'AWS', criticality: 'high', assurance: { kind: 'none', 'x-note': 'n/a', bridge_letter: { through: '2026-01-01', 'x-a': 1 } } })).toBe(true);
  });

  it('soc2lint itself validates what remains after setting unknown keys aside, so its validator agrees with the editor', () => {
    const parsed = parseYaml('id: AC-01\ntitle: Access review\nfrequency: quarterly\nx-jira: SEC-1\n', 'controls/a.yaml');
    if (!parsed.ok) throw new Error('no parse');
    const source = yamlSource(parsed.yaml, parsed.yaml.root);
    expect(validateRecord('control', parsed.yaml.value, source, 'control').problems).toEqual([]);
    expect(validatorFor('control')({ ...base, ownr: 'a@x.io' })).toBe(false);
  });
});
