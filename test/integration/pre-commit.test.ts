// The hooks in .pre-commit-hooks.yaml as users get them: the real pre-commit installs this project (npm install, npm
// pack, npm install -g of the tarball) from a commit, then runs the hooks in a real compliance repo, and a real
// `git commit` goes through the installed hook.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../helpers/git.js';
import { makeRepo } from '../helpers/repo.js';
import { GIT_ENV, breakPolicy, programRepo, projectSnapshot, retitlePolicy, which } from './program.js';

const preCommit = which('pre-commit');
if (!preCommit) {
  console.warn('test/integration/pre-commit.test.ts: SKIPPED: pre-commit is not on PATH (.ci/run installs it; locally: apt-get install pre-commit, or pipx install pre-commit).');
}

const AUP = 'policies/acceptable-use.md';
const BACKUP = 'policies/backup.md';

describe.skipIf(!preCommit)('the pre-commit hooks, installed and run by pre-commit', () => {
  let hookRepo: { repo: string; rev: string };
  /** pre-commit's own cache (the installed hook environments), kept out of ~/.cache. */
  let home: string;
  /** The environment pre-commit and git run in: no npm variables leaking in from `npm test`, no user git config. */
  let env: NodeJS.ProcessEnv;

  function preCommitIn(cwd: string, args: string[]) {
    const result = spawnSync(preCommit!, args, { cwd, env, encoding: 'utf8' });
    return { status: result.status, output: result.stdout + result.stderr };
  }
  function commitIn(cwd: string) {
    const result = spawnSync('git', ['commit', '-q', '-m', 'change'], { cwd, env, encoding: 'utf8' });
    return { status: result.status, output: result.stdout + result.stderr };
  }
  /** A compliance repo using the hooks, with the config committed (pre-commit refuses an unstaged config). */
  function repoWithConfig(config: string, folder = ''): { repo: string; program: string } {
    const made = programRepo(folder);
    writeFileSync(join(made.repo, '.pre-commit-config.yaml'), config);
    git(made.repo, ['add', '.pre-commit-config.yaml']);
    git(made.repo, ['commit', '-q', '-m', 'Use the soc2lint hooks']);
    return made;
  }
  /** Everything git can see in the work tree, ignored files included: to prove the hooks write nothing. */
  const workTreeState = (repo: string) => git(repo, ['status', '--porcelain=v1', '--untracked-files=all', '--ignored']);
  const head = (repo: string) => git(repo, ['rev-parse', 'HEAD']).trim();

  // Node is on this machine: pre-commit must use it rather than download one.
  const config = (hooks: string) => `default_language_version:\n  node: system\nrepos:\n  - repo: ${hookRepo.repo}\n    rev: ${hookRepo.rev}\n    hooks:\n${hooks}`;
  const BOTH_HOOKS = '      - id: soc2lint\n      - id: soc2lint-all\n';

  let repo: string;
  let program: string;

  beforeAll(() => {
    hookRepo = projectSnapshot();
    home = makeRepo({}, 'soc2lint-pre-commit-home-');
    env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD'));
    Object.assign(env, GIT_ENV, { PRE_COMMIT_HOME: home, NO_COLOR: '1' });
    ({ repo, program } = repoWithConfig(config(BOTH_HOOKS)));
    // The first install builds the project (npm install runs prepare) and packs it: the slow part, done once here.
    const installed = preCommitIn(repo, ['install-hooks']);
    expect(installed.status, `pre-commit could not install the hooks:\n${installed.output}${readLog(home)}${hint(installed.output)}`).toBe(0);
  }, 240_000);

  beforeEach(() => {
    git(repo, ['reset', '-q', '--hard', 'HEAD']);
    git(repo, ['clean', '-q', '-fd']);
  });

  it('pre-commit try-repo of this project: passes on a clean program, fails on a staged break', () => {
    const trial = programRepo('');
    const tryRepo = (extra: string[]) => preCommitIn(trial.repo, ['try-repo', hookRepo.repo, 'soc2lint', '--ref', hookRepo.rev, '--color', 'never', ...extra]);
    const clean = tryRepo(['--all-files']);
    expect(clean.status, clean.output).toBe(0);
    expect(clean.output).toMatch(/^soc2lint\.+Passed$/m);
    breakPolicy(trial.program, AUP);
    git(trial.repo, ['add', AUP]);
    const broken = tryRepo([]);
    expect(broken.status, broken.output).not.toBe(0);
    expect(broken.output).toContain(AUP);
    expect(broken.output).toContain('unknown-criterion');
  }, 240_000);

  it('passes on a clean program', () => {
    const result = preCommitIn(repo, ['run', '--all-files', '--color', 'never']);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/^soc2lint\.+Passed$/m);
    expect(result.output).toMatch(/^soc2lint \(whole program\)\.+Passed$/m);
  });

  it('fails on a staged change that breaks a rule, naming the rule and the file, and writes nothing', () => {
    breakPolicy(program, AUP);
    git(repo, ['add', AUP]);
    const before = workTreeState(repo);
    const result = preCommitIn(repo, ['run', '--color', 'never']);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/^soc2lint\.+Failed$/m);
    expect(result.output).toMatch(/^soc2lint \(whole program\)\.+Failed$/m);
    expect(result.output).toMatch(/policies\/acceptable-use\.md\n.*CC9\.9.*unknown-criterion/);
    expect(workTreeState(repo)).toBe(before);
  });

  it('reports only the files being committed: an unstaged finding does not fail the commit', () => {
    retitlePolicy(program, AUP);
    git(repo, ['add', AUP]);
    breakPolicy(program, BACKUP); // pre-commit sets unstaged changes aside while the hooks run
    const result = preCommitIn(repo, ['run', '--color', 'never']);
    expect(result.status, result.output).toBe(0);
    expect(readFileSync(join(program, BACKUP), 'utf8')).toContain('CC9.9'); // and puts them back
  });

  it('blocks a real git commit once installed as the git hook, and lets a clean one through', () => {
    const installed = preCommitIn(repo, ['install']);
    expect(installed.status, installed.output).toBe(0);
    const before = head(repo);

    breakPolicy(program, AUP);
    git(repo, ['add', AUP]);
    const blocked = commitIn(repo);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toMatch(/unknown-criterion/);
    expect(head(repo)).toBe(before);

    git(repo, ['checkout', 'HEAD', '--', AUP]);
    retitlePolicy(program, AUP);
    git(repo, ['add', AUP]);
    const passed = commitIn(repo);
    expect(passed.status, passed.output).toBe(0);
    expect(head(repo)).not.toBe(before);
  });

  it('serves a program in a subfolder with the README recipe: files narrowed to it, its folder given to soc2lint-all', () => {
    const hooks = "      - id: soc2lint\n        files: ^compliance/\n      - id: soc2lint-all\n        args: [compliance]\n";
    const sub = repoWithConfig(config(hooks), 'compliance');
    writeFileSync(join(sub.repo, 'README.md'), '# Acme\n\nThe compliance program lives in compliance/.\n');
    git(sub.repo, ['add', 'README.md']);
    const clean = preCommitIn(sub.repo, ['run', '--color', 'never']);
    expect(clean.status, clean.output).toBe(0);

    breakPolicy(sub.program, AUP);
    git(sub.repo, ['add', '-A']);
    const broken = preCommitIn(sub.repo, ['run', '--color', 'never']);
    expect(broken.status).toBe(1);
    expect(broken.output).toMatch(/compliance\/policies\/acceptable-use\.md\n.*unknown-criterion/);
  });
});

/**
 * pre-commit installs a node hook with `npm pack` and takes its standard output as the tarball's file name; build
 * output printed there (the prepare script's) ends up in that name.
 */
function hint(output: string): string {
  return /'install', '-g', '[^']*> soc2lint@/.test(output)
    ? '\nnpm pack printed the prepare script\'s output on standard output; the project needs foreground-scripts=false in its .npmrc.'
    : '';
}

/** pre-commit's own log of its last failure, to show why an install failed. */
function readLog(home: string): string {
  const log = join(home, 'pre-commit.log');
  return existsSync(log) ? `\n${readFileSync(log, 'utf8')}` : '';
}
