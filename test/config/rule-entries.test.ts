// Rule entries (`rules:` and each override's `rules:`) are checked as a config file is read, by the config schema
// generated from the rules: names, severities and options, every mistake at once, each at its file, line and key.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { makeRepo } from '../helpers/repo.js';

/** The `file:line:col: message` lines a config stops with. */
function configErrors(config: string): string[] {
  try {
    loadConfig(makeRepo({ 'soc2lint.config.yaml': config }));
  } catch (error) {
    if (error instanceof ConfigError) return error.describe().split('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('a rule entry is checked against the rule it names', () => {
  it.each<[string, string, string]>([
    [
      'an unknown rule, with the nearest rule ID',
      'rules:\n  stale-reveiw: warn\n',
      'soc2lint.config.yaml:2:3: Unknown rule "stale-reveiw" in "rules". Did you mean "stale-review"? Run `soc2lint rules` for the rule list.',
    ],
    [
      'an unknown rule in an override',
      'overrides:\n  - files: policies/**\n    rules: { placeholder-txt: off }\n',
      'soc2lint.config.yaml:3:14: Unknown rule "placeholder-txt" in "overrides[0].rules". Did you mean "placeholder-text"? Run `soc2lint rules` for the rule list.',
    ],
    ['a severity soc2lint does not have', 'rules:\n  stale-review: fatal\n', 'soc2lint.config.yaml:2:17: Config: "rules.stale-review" must be one of off, warn, error; found "fatal".'],
    ['a bad severity in a list', 'rules:\n  stale-review: [fatal]\n', 'soc2lint.config.yaml:2:18: Config: "rules.stale-review[0]" must be one of off, warn, error; found "fatal".'],
    ['a number for a severity', 'rules:\n  stale-review: 2\n', 'soc2lint.config.yaml:2:17: "rules.stale-review" must be off, warn or error, or a list [severity] or [severity, {options}].'],
    ['an empty list', 'rules:\n  stale-review: []\n', 'soc2lint.config.yaml:2:17: "rules.stale-review" must be off, warn or error, or a list [severity] or [severity, {options}].'],
    ['options for a rule that takes none', 'rules:\n  missing-owner: [error, { x: 1 }]\n', 'soc2lint.config.yaml:2:18: Rule "missing-owner" takes no options; write just the severity.'],
    ['options that are not a mapping', 'rules:\n  stale-evidence: [error, 7]\n', 'soc2lint.config.yaml:2:19: Invalid options for rule "stale-evidence": options must be a mapping; found a number (7).'],
    ['an unknown option', 'rules:\n  review-due-soon: [warn, { dayz: 10 }]\n', 'soc2lint.config.yaml:2:20: Invalid options for rule "review-due-soon": unknown option "dayz"; allowed: days.'],
    ['an option out of range', 'rules:\n  stale-evidence: [error, { grace: -1 }]\n', 'soc2lint.config.yaml:2:19: Invalid options for rule "stale-evidence": option "grace" must be >= 0.'],
    ['an option of the wrong type', 'rules:\n  review-due-soon: [warn, { days: soon }]\n', 'soc2lint.config.yaml:2:20: Invalid options for rule "review-due-soon": option "days" must be a whole number; found a string ("soon").'],
    [
      'an interval option that is no interval, in the words schema-violation uses',
      'rules:\n  vendor-assurance: [error, { max_age: yearly }]\n',
      'soc2lint.config.yaml:2:21: Invalid options for rule "vendor-assurance": option "max_age" must be daily, weekly, monthly, quarterly, semiannual, annual, or an ISO 8601 duration such as P6M or P90D; found "yearly".',
    ],
    [
      'a key an option does not allow',
      'rules:\n  missing-activity: [error, { activities: { Access_Review: monthly } }]\n',
      'soc2lint.config.yaml:2:21: Invalid options for rule "missing-activity": option "activities.Access_Review" must be a lowercase tag with dashes, such as access-review; found "Access_Review".',
    ],
  ])('%s', (_name, config, expected) => {
    expect(configErrors(config)).toEqual([expected]);
  });

  it('reports every mistake in the file at once, each at its place', () => {
    const config = 'rules:\n  stale-reveiw: warn\n  missing-owner: [warn, {}]\noverrides:\n  - files: policies/**\n    rules: { stale-evidence: [warn, { grace: x }] }\n';
    expect(configErrors(config)).toEqual([
      'soc2lint.config.yaml:2:3: Unknown rule "stale-reveiw" in "rules". Did you mean "stale-review"? Run `soc2lint rules` for the rule list.',
      'soc2lint.config.yaml:3:18: Rule "missing-owner" takes no options; write just the severity.',
      'soc2lint.config.yaml:6:30: Invalid options for rule "stale-evidence": option "grace" must be a whole number; found a string ("x").',
    ]);
  });

  it('accepts every shape a rule entry may take', () => {
    const config = [
      'rules:',
      '  stale-review: off',
      '  missing-owner: [warn]',
      '  stale-evidence: [error, { grace: 7 }]',
      '  review-due-soon: [warn, {}]',
      '  training-overdue: [warn, { every: P6M, within_days: 14, courses: [Security 101] }]',
      '  missing-activity: [error, { activities: { access-review: monthly, penetration-test: off } }]',
      'overrides:',
      '  - files: policies/**',
      '    rules: { placeholder-text: error, stale-review: [warn] }',
      '',
    ].join('\n');
    expect(() => loadConfig(makeRepo({ 'soc2lint.config.yaml': config }))).not.toThrow();
  });
});
