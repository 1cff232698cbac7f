// A folder that holds no program (no scope file, no policy, no control under the configured paths) is the wrong
// target, not a program with every criterion unmapped: one message on standard error, exit 2, no findings.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../helpers/cli.js';
import { makeRepo, policy } from '../helpers/repo.js';

const DEFAULT_GLOBS = 'scope.{yaml,yml}, policies/**/*.md, controls/**/*.{yaml,yml}';

describe('a folder that holds no program', () => {
  it('exits 2 with one message naming the folder and the globs looked at, and prints no finding', async () => {
    const root = makeRepo({ 'README.md': '# Our handbook\n', 'notes/todo.md': 'TODO\n' });
    const result = await run([], root);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `soc2lint: No compliance program found in .: no scope file, policy or control matches the configured paths (${DEFAULT_GLOBS}).\nRun soc2lint in the folder that holds your program, set paths: in soc2lint.config.yaml, or start one with soc2lint init.\n`,
    });
  });

  it('names the folder as given, and says the same whatever the format', async () => {
    const root = makeRepo({ 'README.md': '# Our handbook\n' });
    const result = await run([join(root, '.'), '--format', 'json'], join(root, '..'));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^soc2lint: No compliance program found in soc2lint-test-\w+: /);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
  });

  it('points at subfolders that look like a program: compliance/, themes/*/, a folder holding comply.yml, a scope file or policies/', async () => {
    const root = makeRepo({
      'README.md': '# Monorepo\n',
      'compliance/README.md': 'Our SOC 2 program\n',
      'themes/soc2/README.md': 'comply theme\n',
      'docs/comply/comply.yml': 'name: Acme\n',
      'teams/security/program/policies/access.md': policy('id: POL-A\ntitle: Access\nstatus: draft'),
      'node_modules/some-package/scope.yaml': 'categories: [security]\n',
    });
    const result = await run([], root);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[1]).toBe(
      'These folders look like a program: compliance/, docs/comply/, teams/security/program/, themes/soc2/. Lint one of them (soc2lint compliance/), or set paths: in soc2lint.config.yaml.',
    );
  });

  it('a folder holding comply.yml at its top is named itself', async () => {
    // comply.yml makes the folder a comply program, whose narratives/ and procedures/ are read: here there are none.
    const root = makeRepo({ 'comply.yml': 'name: Acme\n', 'templates/default.md': 'A template, not a document\n' });
    const result = await run([], root);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toContain('narratives/**/*.md, procedures/**/*.md');
    expect(result.stderr.split('\n')[1]).toBe('The folder holds comply.yml: set paths: in soc2lint.config.yaml to where its policies and controls are.');
  });

  it('says the configured globs and the config file when the config points elsewhere', async () => {
    const root = makeRepo({ 'soc2lint.config.yaml': 'paths:\n  policies: [handbook/policies/**/*.md]\n  controls: [handbook/controls/*.yaml]\n', 'policies/access.md': policy('id: POL-A\ntitle: Access\nstatus: draft') });
    const result = await run([], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'soc2lint: No compliance program found in .: no scope file, policy or control matches the configured paths (scope.{yaml,yml}, handbook/policies/**/*.md, handbook/controls/*.yaml).\n' +
        'The folder holds policies/: set paths: in soc2lint.config.yaml to where its policies and controls are.\n',
    );
  });
});

describe('a folder that holds part of a program is linted', () => {
  it.each([
    ['only policies', { 'policies/a.md': policy('id: POL-A\ntitle: Access\nstatus: draft') }],
    ['only controls', { 'controls/a.yaml': 'id: AC-1\ntitle: Access review\nfrequency: quarterly\n' }],
    ['only a scope file', { 'scope.yaml': 'categories: [security]\n' }],
    ['a policy that does not parse', { 'policies/a.md': '---\nid: [\n---\n' }],
  ])('%s: findings, not "no program"', async (_name, files) => {
    const result = await run(['--now', '2026-07-01'], makeRepo(files));
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('No compliance program found');
    expect(result.stdout).toMatch(/✖ \d+ problems/);
  });

  it('files named on the command line (a pre-commit hook) outside any program are not an error', async () => {
    const root = makeRepo({ 'README.md': '# Handbook\n' });
    expect(await run(['README.md'], root)).toMatchObject({ code: 0, stdout: '' });
  });
});
