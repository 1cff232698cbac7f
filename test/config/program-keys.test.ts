// The config keys that say how a program is written: format, fields, defaults, coverage.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { makeRepo } from '../helpers/repo.js';

const load = (config: string, extra: Record<string, string> = {}) => loadConfig(makeRepo({ 'soc2lint.config.yaml': config, ...extra }));

describe('format, fields, defaults and coverage', () => {
  it('defaults to native, or comply when comply.yml is at the root; a comply.yml alone makes the folder a root', () => {
    expect(load('as_of: 2026-07-01\n').format).toBe('native');
    const comply = load('as_of: 2026-07-01\n', { 'comply.yml': 'name: X\n' });
    expect(comply.format).toBe('comply');
    expect(comply.paths.policies).toEqual(['policies/**/*.md', 'narratives/**/*.md']);
    expect(comply.paths.controls).toEqual(['procedures/**/*.md', 'controls/**/*.{yaml,yml}']);
  });

  it('reads coverage and splits dotted keys into paths', () => {
    const config = load('coverage: both\nfields:\n  policies:\n    criteria: satisfies.TSC\n');
    expect(config.coverage).toBe('both');
    expect(config.fields).toEqual({ policies: { criteria: [['satisfies', 'TSC']] } });
  });

  it.each([
    ['an unknown format', 'format: vanta\n', /"format" must be one of native, comply/],
    ['an unknown coverage', 'coverage: all\n', /"coverage" must be one of controls, policies, both/],
    ['an unknown kind under fields', 'fields:\n  policy:\n    id: doc_id\n', /unknown field "policy"/],
    ['a key that is not a string', 'fields:\n  policies:\n    id: 5\n', /fields\.policies\.id/],
    ['a field the kind does not have', 'fields:\n  vendors:\n    approved_on: signed\n', /"fields.vendors" maps "approved_on", which is not a field of vendors/],
  ])('refuses %s, at its line', (_name, config, message) => {
    let error: unknown;
    try {
      load(config);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(message);
    expect((error as ConfigError).range?.line).toBeGreaterThan(0);
  });
});
