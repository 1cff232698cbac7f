// `overrides` end to end through lint() on real temp repos: rules run once over the whole program, and an override
// sets the severity of a rule's findings per file, or drops them there. Plus the override errors, with their place.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { resolveSettings, type RuleOverride } from '../../src/engine/settings.js';
import { lint } from '../../src/report/lint.js';
import { makeRepo, policy, type RepoFiles } from '../helpers/repo.js';

const approved = (id: string, reviewed: string) =>
  `id: ${id}\ntitle: Policy ${id}\nstatus: approved\nowner: a@x.io\napproved_by: b@x.io\napproved_on: ${reviewed}\nlast_reviewed: ${reviewed}`;

/**
 * Two policies with a placeholder each: a current one, and an archived one that is also past its review (an error).
 * Body lines start at line 10.
 */
const PROGRAM: RepoFiles = {
  'scope.yaml': 'categories: [security]\nowner: a@x.io\nlast_reviewed: 2026-01-10\n',
  'policies/access.md': policy(approved('POL-AC', '2026-01-10'), '# Access\n\nOwner: TBD.\n'),
  'policies/archive/old.md': policy(approved('POL-OLD', '2024-01-10'), '# Old\n\nEffective [INSERT DATE].\n'),
};

const CONFIG_HEAD = 'as_of: 2026-07-01\n';

/** `rule file severity` for the findings of the rules under test, for the program with the given config. */
async function findings(config: string, ruleOverrides: RuleOverride[] = [], extra: RepoFiles = {}): Promise<string[]> {
  const root = makeRepo({ ...PROGRAM, ...extra, 'soc2lint.config.yaml': CONFIG_HEAD + config });
  const result = await lint({ root, ruleOverrides });
  return result.findings
    .filter((f) => ['placeholder-text', 'stale-review', 'unused-waiver'].includes(f.ruleId))
    .map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}${f.suppressedBy ? ' (waived)' : ''}`);
}

describe('overrides change the severity of findings per file', () => {
  it('without overrides, both policies have their findings at the default severities', async () => {
    expect(await findings('')).toEqual([
      'placeholder-text policies/access.md:12 warn',
      'stale-review policies/archive/old.md:8 error',
      'placeholder-text policies/archive/old.md:12 warn',
    ]);
  });

  it('turn rules off under policies/archive/**', async () => {
    const config = 'overrides:\n  - files: policies/archive/**\n    rules:\n      stale-review: off\n      placeholder-text: off\n';
    expect(await findings(config)).toEqual(['placeholder-text policies/access.md:12 warn']);
  });

  it('raise placeholder-text to an error for policies/**', async () => {
    const config = 'overrides:\n  - files: [policies/**]\n    rules:\n      placeholder-text: error\n';
    expect(await findings(config)).toEqual([
      'placeholder-text policies/access.md:12 error',
      'stale-review policies/archive/old.md:8 error',
      'placeholder-text policies/archive/old.md:12 error',
    ]);
  });

  it('apply in order, a later matching override winning; excludedFiles leaves files out', async () => {
    const later = [
      'overrides:',
      '  - files: policies/**',
      '    rules: { placeholder-text: error, stale-review: warn }',
      '  - files: policies/archive/**',
      '    rules: { placeholder-text: off }',
      '',
    ].join('\n');
    expect(await findings(later)).toEqual(['placeholder-text policies/access.md:12 error', 'stale-review policies/archive/old.md:8 warn']);
    const excluded = 'overrides:\n  - files: policies/**\n    excludedFiles: [policies/archive/**]\n    rules: { placeholder-text: error }\n';
    expect(await findings(excluded)).toEqual([
      'placeholder-text policies/access.md:12 error',
      'stale-review policies/archive/old.md:8 error',
      'placeholder-text policies/archive/old.md:12 warn',
    ]);
  });

  it('run a rule that is off at the top level only where an override turns it on', async () => {
    const config = 'rules:\n  placeholder-text: off\noverrides:\n  - files: policies/archive/**\n    rules:\n      placeholder-text: error\n';
    expect(await findings(config)).toEqual(['stale-review policies/archive/old.md:8 error', 'placeholder-text policies/archive/old.md:12 error']);
    expect(resolveSettings(RULES, loadConfig(makeRepo({ 'soc2lint.config.yaml': config }))).enabled.find((e) => e.rule.meta.id === 'placeholder-text')?.severity).toBe('error');
  });

  it('match a glob without a slash against the file name in any folder, and ./ globs as root-relative', async () => {
    expect(await findings('overrides:\n  - files: "old.md"\n    rules: { stale-review: off }\n')).not.toContain('stale-review policies/archive/old.md:8 error');
    expect(await findings('overrides:\n  - files: ./policies/archive/*.md\n    rules: { stale-review: off }\n')).not.toContain('stale-review policies/archive/old.md:8 error');
    expect(await findings('overrides:\n  - files: archive/**\n    rules: { stale-review: off }\n')).toContain('stale-review policies/archive/old.md:8 error');
  });

  it('come from extended files too, before the overrides of the extending file', async () => {
    const extra = { 'config/base.yaml': 'overrides:\n  - files: policies/**\n    rules: { placeholder-text: off, stale-review: warn }\n' };
    const config = 'extends: ./config/base.yaml\noverrides:\n  - files: policies/access.md\n    rules: { placeholder-text: error }\n';
    expect(await findings(config, [], extra)).toEqual(['placeholder-text policies/access.md:12 error', 'stale-review policies/archive/old.md:8 warn']);
  });

  it('give way to --rule flags, which set a rule everywhere', async () => {
    const config = 'overrides:\n  - files: policies/**\n    rules: { placeholder-text: error, stale-review: off }\n';
    expect(await findings(config, [{ ruleId: 'placeholder-text', setting: 'warn' }, { ruleId: 'stale-review', setting: 'error' }])).toEqual([
      'placeholder-text policies/access.md:12 warn',
      'stale-review policies/archive/old.md:8 error',
      'placeholder-text policies/archive/old.md:12 warn',
    ]);
    expect(await findings('overrides:\n  - files: policies/**\n    rules: { stale-review: error }\n', [{ ruleId: 'stale-review', setting: 'off' }])).not.toContain(
      'stale-review policies/archive/old.md:8 error',
    );
  });

  it('act after waivers count their matches: a waiver for a finding an override turns off is not unused', async () => {
    const waiver = {
      'waivers.yaml': 'rule: stale-review\ntarget: POL-OLD\nreason: Archived policy, kept for the record only.\napproved_by: a@x.io\nexpires: 2026-12-31\n',
    };
    expect(await findings('overrides:\n  - files: policies/archive/**\n    rules: { stale-review: off }\n', [], waiver)).toEqual([
      'placeholder-text policies/access.md:12 warn',
      'placeholder-text policies/archive/old.md:12 warn',
    ]);
    expect(await findings('', [], waiver)).toContain('stale-review policies/archive/old.md:8 error (waived)');
  });
});

describe('override errors name the file, the line and the key', () => {
  async function lintError(config: string, extra: RepoFiles = {}): Promise<string> {
    const root = makeRepo({ ...PROGRAM, ...extra, 'soc2lint.config.yaml': config });
    try {
      await lint({ root });
    } catch (error) {
      if (error instanceof ConfigError) return error.describe();
      throw error;
    }
    throw new Error('expected a ConfigError');
  }

  it.each<[string, string, RegExp]>([
    [
      'options in an override',
      'overrides:\n  - files: policies/**\n    rules:\n      stale-evidence: [warn, { grace: 3 }]\n',
      /^soc2lint\.config\.yaml:4:30: Options cannot be set in an override \("overrides\[0\]\.rules\.stale-evidence"\): each rule runs once over the whole program/,
    ],
    [
      'an unknown key inside an override',
      'overrides:\n  - files: policies/**\n    excludeFiles: policies/archive/**\n    rules: { stale-review: off }\n',
      /^soc2lint\.config\.yaml:3:5: Config: unknown field "excludeFiles" in overrides\[0\]\. Did you mean "excludedFiles"\?$/,
    ],
    [
      'a typo in a rule name inside an override',
      'rules:\n  stale-review: warn\noverrides:\n  - files: policies/**\n    rules:\n      placeholder-txt: error\n',
      /^soc2lint\.config\.yaml:6:7: Unknown rule "placeholder-txt" in "overrides\[0\]\.rules"\. Did you mean "placeholder-text"\?/,
    ],
    ['an override without files', 'overrides:\n  - rules: { stale-review: off }\n', /^soc2lint\.config\.yaml:2:5: Config: "overrides\[0\]" is missing the required field "files"\. Add it\.$/],
    ['a bad severity inside an override', 'overrides:\n  - files: "*.md"\n    rules: { stale-review: fatal }\n', /^soc2lint\.config\.yaml:3:28: .*overrides\[0\]\.rules\.stale-review/],
    [
      'an absolute glob, which can never match a root-relative path',
      'overrides:\n  - files: [policies/**, /policies/archive/**]\n    rules: { stale-review: off }\n',
      /^soc2lint\.config\.yaml:2:26: "overrides\[0\]\.files" globs are relative to the repo root .* "\/policies\/archive\/\*\*" never matches\. Write "policies\/archive\/\*\*"\.$/,
    ],
    [
      'a glob that leaves the repo',
      'overrides:\n  - files: "**"\n    excludedFiles: ../shared/**\n    rules: { stale-review: off }\n',
      /^soc2lint\.config\.yaml:3:20: "overrides\[0\]\.excludedFiles" globs are relative to the repo root .* "\.\.\/shared\/\*\*" never matches\. Findings outside the repo do not exist\.$/,
    ],
  ])('%s', async (_name, config, pattern) => {
    expect(await lintError(config)).toMatch(pattern);
  });

  it('an error inside an override of an extended file names that file', async () => {
    const extra = { 'config/base.yaml': 'overrides:\n  - files: policies/**\n    rules:\n      stale-reveiw: off\n' };
    expect(await lintError('extends: ./config/base.yaml\n', extra)).toMatch(/^config\/base\.yaml:4:7: Unknown rule "stale-reveiw" in "overrides\[0\]\.rules"/);
  });
});
