// schemas/config.schema.json is generated from the rules' metadata and committed (editors read it from the repo and
// the package): it must be what `npm run schemas` writes today, and it must say what the config accepts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { configSchema, configSchemaText, formatJson } from '../../src/build/config-schema.js';
import { packageRoot } from '../../src/core/package-root.js';
import { validatorFor } from '../../src/schema/validate.js';

const committed = readFileSync(join(packageRoot, 'schemas', 'config.schema.json'), 'utf8');

describe('schemas/config.schema.json', () => {
  it('is up to date with the rules', () => {
    // One assertion with a message that says what to do, not a 600-line diff.
    expect(committed === configSchemaText(RULES), 'schemas/config.schema.json is out of date with the rules: run `npm run schemas` and commit it').toBe(true);
  });

  it('lists every rule, and only the rules, with its default severity', () => {
    const { definitions } = configSchema(RULES) as { definitions: { rules: { properties: Record<string, { default: string }> } } };
    expect(Object.keys(definitions.rules.properties).sort()).toEqual(RULES.map((rule) => rule.meta.id).sort());
    for (const rule of RULES) expect(definitions.rules.properties[rule.meta.id]!.default).toBe(rule.meta.defaultSeverity);
  });
});

describe('rule entries accept what the config accepts', () => {
  const validate = validatorFor('config');
  const accepts = (rules: Record<string, unknown>) => validate({ rules, overrides: [{ files: 'x/**', rules }] });

  it.each<[string, Record<string, unknown>]>([
    ['a severity', { 'stale-review': 'off', 'missing-owner': 'warn', 'placeholder-text': 'error' }],
    ['a severity in a list', { 'stale-review': ['warn'], 'stale-evidence': ['error'] }],
    ['a severity with options', { 'stale-evidence': ['error', { grace: 7 }], 'review-due-soon': ['warn', {}] }],
    ['options of every shape the rules take', { 'missing-activity': ['error', { activities: { 'access-review': 'monthly' } }], 'training-overdue': ['warn', { every: 'P6M', courses: ['Security 101'] }] }],
  ])('%s', (_name, rules) => {
    expect(accepts(rules), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an unknown rule', { 'stale-reveiw': 'warn' }],
    ['a severity soc2lint does not have', { 'stale-review': 'fatal' }],
    ['a number for a severity', { 'stale-review': 2 }],
    ['an empty list', { 'stale-review': [] }],
    ['options for a rule that takes none', { 'missing-owner': ['warn', {}] }],
    ['an unknown option', { 'review-due-soon': ['warn', { dayz: 10 }] }],
    ['an option out of range', { 'stale-evidence': ['error', { grace: -1 }] }],
    ['an interval option that is no interval', { 'vendor-assurance': ['error', { max_age: 'yearly' }] }],
    ['a third item', { 'stale-evidence': ['error', { grace: 1 }, 'again'] }],
  ])('not %s', (_name, rules) => {
    expect(validate({ rules })).toBe(false);
    expect(validate({ overrides: [{ files: 'x/**', rules }] })).toBe(false);
  });
});

describe('formatJson lays JSON out like the hand-written schemas', () => {
  it('keeps what fits on one line and breaks what does not', () => {
    expect(formatJson({ a: [1, 'b'], c: {} })).toBe('{ "a": [1, "b"], "c": {} }');
    const long = { description: 'x'.repeat(100), enum: ['off', 'warn'] };
    expect(formatJson(long)).toBe(`{\n  "description": "${'x'.repeat(100)}",\n  "enum": ["off", "warn"]\n}`);
    expect(JSON.parse(formatJson(configSchema(RULES)))).toEqual(configSchema(RULES));
  });
});
