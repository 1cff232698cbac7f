// `extends` on real config files in temp folders: presets, chains of files, the merge order of every key, and the
// errors (missing file, cycle, unknown preset, mistakes inside an extended file) that name the file, line and key.
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { ConfigError, DEFAULT_IGNORE, DEFAULT_PATHS, loadConfig } from '../../src/config/config.js';
import { PRESETS } from '../../src/config/presets.js';
import { describeRuleSettings, resolveSettings } from '../../src/engine/settings.js';
import { makeRepo, writeFiles, type RepoFiles } from '../helpers/repo.js';

/** The effective rules for a file (what --print-config shows), for the repo written from `files`. */
function effective(files: RepoFiles, file = 'policies/a.md') {
  const root = makeRepo(files);
  return describeRuleSettings(RULES, loadConfig(root), [], file);
}

/** The `file:line:col: message` a bad config stops with, from loading it and resolving its rules. */
function configError(files: RepoFiles): string {
  const root = makeRepo(files);
  try {
    resolveSettings(RULES, loadConfig(root));
  } catch (error) {
    if (error instanceof ConfigError) return error.describe();
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const BASE = [
  'as_of: 2026-01-01',
  'paths:',
  '  controls: [ctl/*.yaml]',
  '  policies: [base-policies/*.md]',
  'ignore: [base/**]',
  'rules:',
  '  review-due-soon: [warn, { days: 45 }]',
  '  stale-evidence: [error, { grace: 10 }]',
  '  placeholder-text: off',
  '  unmapped-control: off',
  '',
].join('\n');

const TEAM = [
  'extends: ./base.yaml', // relative to config/, where team.yaml is
  'paths:',
  '  policies: [handbook/**/*.md]',
  'ignore: team/**',
  'rules:',
  '  review-due-soon: error', // a bare severity keeps the options base.yaml set
  '  stale-evidence: [warn, { grace: 3 }]', // new options replace base.yaml's wholesale
  '',
].join('\n');

const CHAIN: RepoFiles = {
  'soc2lint.config.yaml': 'extends: [soc2lint:strict, ./config/team.yaml]\nas_of: 2026-07-01\nignore: [drafts/**]\nrules:\n  unused-waiver: warn\n',
  'config/team.yaml': TEAM,
  'config/base.yaml': BASE,
};

describe('extends: a chain of two files and a preset', () => {
  it('lists the resolved chain in merge order: presets and extended files before the file itself', () => {
    const config = loadConfig(makeRepo(CHAIN));
    expect(config.file).toBe('soc2lint.config.yaml');
    expect(config.extends).toEqual(['soc2lint:strict', 'config/base.yaml', 'config/team.yaml']);
  });

  it('merges paths per kind, adds up ignore, and takes as_of from the file itself', () => {
    const config = loadConfig(makeRepo(CHAIN));
    expect(config.asOf).toBe('2026-07-01');
    expect(config.paths).toEqual({ ...DEFAULT_PATHS, policies: ['handbook/**/*.md'], controls: ['ctl/*.yaml'] });
    expect(config.ignore).toEqual([...DEFAULT_IGNORE, 'base/**', 'team/**', 'drafts/**']);
  });

  it('adds up holidays from every file of the chain, once each and in date order', () => {
    const config = loadConfig(
      makeRepo({ ...CHAIN, 'config/base.yaml': 'holidays: [2026-12-25, 2026-01-01]\n', 'soc2lint.config.yaml': 'extends: ./config/team.yaml\nholidays: [2026-05-25, 2026-12-25]\n' }),
    );
    expect(config.holidays).toEqual(['2026-01-01', '2026-05-25', '2026-12-25']);
  });

  it('rejects a holiday that is not a calendar date, at its place', () => {
    const root = makeRepo({ 'soc2lint.config.yaml': 'holidays: [2026-02-30]\n' });
    const error = (() => {
      try {
        loadConfig(root);
      } catch (caught) {
        return caught as ConfigError;
      }
      return undefined;
    })();
    expect(error?.describe()).toMatch(/^soc2lint\.config\.yaml:1:12: Config: "holidays\[0\]" must be a calendar date/);
  });

  it('takes as_of from the nearest file that sets it', () => {
    const config = loadConfig(makeRepo({ ...CHAIN, 'soc2lint.config.yaml': 'extends: ./config/team.yaml\n' }));
    expect(config.asOf).toBe('2026-01-01');
  });

  it('merges rules per rule: a later severity wins, a bare severity keeps options, later options replace them wholesale', () => {
    const { rules } = effective(CHAIN);
    expect(rules['unused-waiver']).toEqual(['warn']); // the file itself, over strict's error
    expect(rules['review-due-soon']).toEqual(['error', { days: 45 }]); // team's severity, base's options
    expect(rules['stale-evidence']).toEqual(['warn', { grace: 3, days: 7, continuous_every: 'quarterly' }]);
    expect(rules['placeholder-text']).toEqual(['off']); // base.yaml comes after the preset
    expect(rules['unmapped-control']).toEqual(['off']);
    expect(rules['uncovered-system']).toEqual(['error']); // strict raised this warning
    expect(rules['missing-owner']).toEqual(['error']);
  });

  it('treats [severity] like a bare severity, and keeps the options of a rule that is off at the top level for its overrides', () => {
    const files = {
      'soc2lint.config.yaml': 'extends: ./base.yaml\nrules:\n  stale-evidence: [warn]\n  review-due-soon: [off, { days: 60 }]\noverrides:\n  - files: vendors/**\n    rules: { review-due-soon: warn }\n',
      'base.yaml': BASE,
    };
    expect(effective(files, 'vendors/aws.yaml').rules['stale-evidence']).toEqual(['warn', { grace: 10, days: 7, continuous_every: 'quarterly' }]);
    expect(effective(files, 'vendors/aws.yaml').rules['review-due-soon']).toEqual(['warn', { days: 60 }]);
    expect(effective(files, 'policies/a.md').rules['review-due-soon']).toEqual(['off']);
  });

  it('resolves every relative extends against the file that says it, whatever the working folder', () => {
    const root = makeRepo({
      'soc2lint.config.yaml': 'extends: compliance/lint/main.yaml\n',
      'compliance/lint/main.yaml': 'extends: ../shared/base.yaml\n',
      'compliance/shared/base.yaml': 'rules:\n  placeholder-text: error\n',
    });
    const config = loadConfig(root);
    expect(config.extends).toEqual(['compliance/shared/base.yaml', 'compliance/lint/main.yaml']);
    expect(describeRuleSettings(RULES, config, [], 'x').rules['placeholder-text']).toEqual(['error', { ignore: [] }]);
  });

  it('refuses an extended file outside the repo, at the extends value: only files inside it are read', () => {
    const shared = makeRepo({ 'org-soc2lint.yaml': 'rules:\n  review-due-soon: [warn, { days: 60 }]\n' }, 'soc2lint-shared-');
    const root = makeRepo({});
    const path = relative(root, `${shared}/org-soc2lint.yaml`);
    writeFiles(root, { 'soc2lint.config.yaml': `# shared settings\nextends: ${path}\n` });
    expect(() => loadConfig(root)).toThrow(ConfigError);
    try {
      loadConfig(root);
    } catch (error) {
      expect((error as ConfigError).message).toMatch(/is outside the repository .*Copy the shared config into the repo, or name it with --config\./);
      expect((error as ConfigError).range?.line).toBe(2);
    }
  });

  it('reads a shared config named with --config outside the repo, and the files next to it that it extends', () => {
    const shared = makeRepo(
      { 'org-soc2lint.yaml': 'extends: ./base.yaml\nrules:\n  review-due-soon: [warn, { days: 60 }]\n', 'base.yaml': 'rules:\n  placeholder-text: error\n' },
      'soc2lint-shared-',
    );
    const root = makeRepo({});
    const config = loadConfig(root, `${shared}/org-soc2lint.yaml`);
    expect(config.extends).toEqual([`${shared}/base.yaml`]);
    expect(describeRuleSettings(RULES, config, [], 'x').rules['review-due-soon']).toEqual(['warn', { days: 60 }]);
    expect(describeRuleSettings(RULES, config, [], 'x').rules['placeholder-text']?.[0]).toBe('error');
  });

  it('merges a file reached twice (a diamond) once, where it is last reached: what merging it twice would give', () => {
    const config = loadConfig(
      makeRepo({
        'soc2lint.config.yaml': 'extends: [./a.yaml, ./b.yaml]\n',
        'a.yaml': 'extends: ./common.yaml\nrules:\n  placeholder-text: error\n',
        'b.yaml': 'extends: ./common.yaml\n',
        'common.yaml': 'rules:\n  placeholder-text: off\n',
      }),
    );
    expect(config.extends).toEqual(['a.yaml', 'common.yaml', 'b.yaml']);
    // common.yaml, merged after a.yaml through b.yaml, turns the rule off, as it did when merged in both places.
    expect(describeRuleSettings(RULES, config, [], 'x').rules['placeholder-text']).toEqual(['off']);
  });

  it('resolves a diamond of extends 40 levels deep by reading each file once (2^40 paths lead through it)', () => {
    const files: Record<string, string> = { 'soc2lint.config.yaml': 'extends: [./l0a.yaml, ./l0b.yaml]\n' };
    for (let level = 0; level < 40; level++) {
      const next = level + 1 < 40 ? `extends: [./l${level + 1}a.yaml, ./l${level + 1}b.yaml]\n` : 'rules:\n  placeholder-text: error\n';
      files[`l${level}a.yaml`] = next;
      files[`l${level}b.yaml`] = next;
    }
    const config = loadConfig(makeRepo(files));
    expect(config.extends).toHaveLength(80);
    expect(describeRuleSettings(RULES, config, [], 'x').rules['placeholder-text']?.[0]).toBe('error');
  });
});

describe('presets', () => {
  const noConfig = () => describeRuleSettings(RULES, loadConfig(makeRepo({})), [], 'x').rules;

  it('soc2lint:recommended sets every rule to its default severity, with default options', () => {
    const { rules, extends: chain } = effective({ 'soc2lint.config.yaml': 'extends: soc2lint:recommended\n' });
    expect(chain).toEqual(['soc2lint:recommended']);
    expect(rules).toEqual(noConfig());
    for (const rule of RULES) expect(rules[rule.meta.id]![0]).toBe(rule.meta.defaultSeverity);
  });

  it('soc2lint:strict makes every rule an error', () => {
    const { rules } = effective({ 'soc2lint.config.yaml': 'extends: soc2lint:strict\n' });
    for (const rule of RULES) expect(rules[rule.meta.id]![0], rule.meta.id).toBe('error');
    expect(RULES.some((rule) => rule.meta.defaultSeverity === 'warn')).toBe(true);
  });

  it('a preset after a file resets its severities but keeps its options', () => {
    const { rules } = effective({ 'soc2lint.config.yaml': 'extends: [./config/base.yaml, soc2lint:recommended]\n', 'config/base.yaml': BASE });
    expect(rules['placeholder-text']).toEqual(['warn', { ignore: [] }]);
    expect(rules['review-due-soon']).toEqual(['warn', { days: 45 }]);
    expect(rules['stale-evidence']).toEqual(['error', { grace: 10, days: 7, continuous_every: 'quarterly' }]);
  });

  it('are data: each one covers both default severities', () => {
    for (const preset of Object.values(PRESETS)) expect(Object.keys(preset.severityFor).sort()).toEqual(['error', 'warn']);
  });
});

describe('extends errors name the file, the line and the key', () => {
  it.each<[string, RepoFiles, RegExp]>([
    [
      'a missing extended file, at the extends value',
      { 'soc2lint.config.yaml': 'as_of: 2026-07-01\nextends:\n  - soc2lint:recommended\n  - ./config/nope.yaml\n' },
      /^soc2lint\.config\.yaml:4:5: The config file "\.\/config\/nope\.yaml" named in "extends" does not exist \(no file at config\/nope\.yaml\)\.$/,
    ],
    [
      'a missing file named by an extended file, in that file',
      { 'soc2lint.config.yaml': 'extends: ./config/team.yaml\n', 'config/team.yaml': 'rules: {}\nextends: ./gone.yaml\n' },
      /^config\/team\.yaml:2:10: The config file "\.\/gone\.yaml" named in "extends" does not exist \(no file at config\/gone\.yaml\)\.$/,
    ],
    [
      'a cycle through two files, naming the whole chain',
      { 'soc2lint.config.yaml': 'extends: ./a.yaml\n', 'a.yaml': 'extends: [./b.yaml]\n', 'b.yaml': 'rules: {}\nextends: [soc2lint:strict, ./a.yaml]\n' },
      /^b\.yaml:2:28: "extends" goes round in a cycle: soc2lint\.config\.yaml → a\.yaml → b\.yaml → a\.yaml\. A config file cannot extend itself/,
    ],
    [
      'a file that extends itself',
      { 'soc2lint.config.yaml': 'extends: ./soc2lint.config.yaml\n' },
      /^soc2lint\.config\.yaml:1:10: "extends" goes round in a cycle: soc2lint\.config\.yaml → soc2lint\.config\.yaml\./,
    ],
    ['a folder', { 'soc2lint.config.yaml': 'extends: ./config\n', 'config/base.yaml': BASE }, /^soc2lint\.config\.yaml:1:10: "\.\/config" in "extends" is a folder \(config\); name a config file\.$/],
    [
      'an unknown preset',
      { 'soc2lint.config.yaml': 'extends: soc2lint:recomended\n' },
      /^soc2lint\.config\.yaml:1:10: Unknown preset "soc2lint:recomended" in "extends"\. Did you mean "soc2lint:recommended"\? Presets: soc2lint:recommended, soc2lint:strict\.$/,
    ],
    ['extends that is not a string or a list', { 'soc2lint.config.yaml': 'extends: { file: a.yaml }\n' }, /^soc2lint\.config\.yaml:1:10: Config: "extends" does not have any of the allowed shapes\.$/],
    [
      'an unknown top-level key in an extended file',
      { 'soc2lint.config.yaml': 'extends: config/base.yaml\n', 'config/base.yaml': 'as_of: 2026-07-01\nrulez: {}\n' },
      /^config\/base\.yaml:2:1: Config: unknown field "rulez"\. Did you mean "rules"\?$/,
    ],
    [
      'malformed YAML in an extended file',
      { 'soc2lint.config.yaml': 'extends: config/base.yaml\n', 'config/base.yaml': 'rules:\n  a: [\n' },
      /^config\/base\.yaml:\d+:\d+: YAML syntax error/,
    ],
    [
      'a bad option in an extended file',
      { 'soc2lint.config.yaml': 'extends: config/base.yaml\n', 'config/base.yaml': 'rules:\n  stale-evidence: [error, { grace: -1 }]\n' },
      /^config\/base\.yaml:2:19: Invalid options for rule "stale-evidence": option "grace" must be >= 0\.$/,
    ],
    [
      'a bad option in an extended file, even when the extending file replaces it',
      { 'soc2lint.config.yaml': 'extends: config/base.yaml\nrules:\n  review-due-soon: [warn, { days: 10 }]\n', 'config/base.yaml': 'rules:\n  review-due-soon: [warn, { dayz: 10 }]\n' },
      /^config\/base\.yaml:2:20: Invalid options for rule "review-due-soon": unknown option "dayz"; allowed: days\.$/,
    ],
    [
      'an unknown rule in an extended file',
      { 'soc2lint.config.yaml': 'extends: config/base.yaml\n', 'config/base.yaml': 'rules:\n  stale-reveiw: warn\n' },
      /^config\/base\.yaml:2:3: Unknown rule "stale-reveiw" in "rules"\. Did you mean "stale-review"\? Run `soc2lint rules` for the rule list\.$/,
    ],
  ])('%s', (_name, files, pattern) => {
    expect(configError(files)).toMatch(pattern);
  });
});
