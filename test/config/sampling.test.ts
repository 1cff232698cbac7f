// `sampling:` in real config files: the audit firm's sample sizes, merged through `extends`, and every mistake stopped
// at its line.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { DEFAULT_SAMPLE_TABLES, sampleSize, sampleTables } from '../../src/report/sample.js';
import { makeRepo, type RepoFiles } from '../helpers/repo.js';

function configError(files: RepoFiles): string {
  try {
    loadConfig(makeRepo(files));
  } catch (error) {
    if (error instanceof ConfigError) return error.describe();
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('sampling in the config', () => {
  it('overrides frequencies one by one and the event table whole', () => {
    const config = loadConfig(
      makeRepo({
        'soc2lint.config.yaml': ['sampling:', '  frequency: { daily: 40, weekly: 10 }', '  event:', '    - { max: 9, size: all }', "    - { max: 100, size: '15%' }", '    - { size: 30 }', ''].join('\n'),
      }),
    );
    expect(config.sampling).toEqual({ frequency: { daily: 40, weekly: 10 }, event: [{ max: 9, size: 'all' }, { max: 100, size: '15%' }, { size: 30 }] });
    const tables = sampleTables(config.sampling);
    expect(tables.frequency).toEqual({ ...DEFAULT_SAMPLE_TABLES.frequency, daily: 40, weekly: 10 });
    expect([9, 10, 100, 101].map((n) => sampleSize('event', n, tables))).toEqual([9, 2, 15, 30]);
  });

  it('merges through extends: frequencies key by key, the event table from the last file that writes one', () => {
    const config = loadConfig(
      makeRepo({
        'base.yaml': 'sampling:\n  frequency: { daily: 40, monthly: 3 }\n  event: [{ max: 4, size: all }, { size: 10 }]\n',
        'soc2lint.config.yaml': 'extends: ./base.yaml\nsampling:\n  frequency: { daily: 60 }\n',
      }),
    );
    expect(config.sampling).toEqual({ frequency: { daily: 60, monthly: 3 }, event: [{ max: 4, size: 'all' }, { size: 10 }] });
  });

  it('leaves the defaults when the config has no sampling', () => {
    expect(loadConfig(makeRepo({ 'soc2lint.config.yaml': 'as_of: 2026-07-10\n' })).sampling).toBeUndefined();
  });

  it.each([
    ['an unknown frequency', 'sampling:\n  frequency: { hourly: 5 }\n', /^soc2lint\.config\.yaml:2:16: .*hourly/],
    ['a sample of zero', 'sampling:\n  frequency: { daily: 0 }\n', /^soc2lint\.config\.yaml:2:23: .*sampling\.frequency\.daily/],
    ['a size that is no count, percentage or all', 'sampling:\n  event: [{ size: lots }]\n', /^soc2lint\.config\.yaml:2:19: Config: "sampling\.event\[0\]\.size" must be a whole number of at least 1, a percentage such as 10%, or all; found "lots"/],
    ['a band without max before the last', 'sampling:\n  event:\n    - { size: 5 }\n    - { size: 10 }\n', /^soc2lint\.config\.yaml:3:7: "sampling\.event\[0\]" has no max, but only the last band may leave it out/],
    ['a last band with a max', 'sampling:\n  event:\n    - { max: 4, size: all }\n    - { max: 50, size: 5 }\n', /^soc2lint\.config\.yaml:4:14: "sampling\.event\[1\]" is the last band/],
    ['bands out of order', 'sampling:\n  event:\n    - { max: 50, size: 5 }\n    - { max: 4, size: all }\n    - { size: 25 }\n', /^soc2lint\.config\.yaml:4:14: "sampling\.event\[1\]\.max" is 4, not larger than the band before it \(50\)/],
  ])('stops at %s, at its line', (_what, text, expected) => {
    expect(configError({ 'soc2lint.config.yaml': text })).toMatch(expected);
  });
});
