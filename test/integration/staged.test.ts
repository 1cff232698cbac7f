// `soc2lint --staged`, the command git hooks run: findings in the files staged in git, whole program loaded. Real git
// repos in temp folders; the CLI in-process, and the built bin behind a real .git/hooks/pre-commit.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from '../helpers/git.js';
import { makeRepo } from '../helpers/repo.js';
import { GIT_ENV, bin, breakPolicy, isBuilt, programRepo, projectRoot, retitlePolicy } from './program.js';
import { runCli } from '../helpers/cli.js';

const run = runCli;


const AUP = 'policies/acceptable-use.md';
const BACKUP = 'policies/backup.md';

describe('soc2lint --staged', () => {
  it('reports the findings in staged files, and only those', async () => {
    const { repo, program } = programRepo();
    breakPolicy(program, AUP);
    breakPolicy(program, BACKUP); // broken too, but left unstaged
    git(repo, ['add', AUP]);

    const stylish = await run(['--staged'], program);
    expect(stylish.code, stylish.stderr).toBe(1);
    expect(stylish.stdout).toContain(`${AUP}\n`);
    expect(stylish.stdout).toMatch(/CC9\.9.*unknown-criterion/);
    expect(stylish.stdout).not.toContain('backup.md');
    expect(stylish.stdout).toContain('1 problem (1 error, 0 warnings)');

    const json = JSON.parse((await run(['--staged', '--format', 'json'], program)).stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    expect(json.map((file) => file.filePath)).toEqual([AUP]);
    expect(json[0]!.messages.map((message) => message.ruleId)).toEqual(['unknown-criterion']);
  });

  it('does not report an unstaged change', async () => {
    const { repo, program } = programRepo();
    retitlePolicy(program, AUP);
    git(repo, ['add', AUP]);
    breakPolicy(program, BACKUP);
    expect(await run(['--staged'], program)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await run([BACKUP], program)).code).toBe(1); // the unstaged file does have a finding
  });

  it('exits 0 silently when nothing is staged', async () => {
    const { program } = programRepo();
    breakPolicy(program, BACKUP);
    expect(await run(['--staged'], program)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('works for a program in a subfolder of the git repo, ignoring staged files outside it', async () => {
    const { repo, program } = programRepo('compliance');
    breakPolicy(program, AUP);
    writeFileSync(join(repo, 'README.md'), '# Compliance\n\nTODO: describe the program.\n');
    git(repo, ['add', '-A']);
    const result = await run(['--staged'], program);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain(`${AUP}\n`);
    expect(result.stdout).toContain('1 problem (1 error, 0 warnings)');
  });

  it('finds the program from a folder inside it, and prints paths relative to that folder', async () => {
    const { repo, program } = programRepo('compliance');
    breakPolicy(program, AUP);
    git(repo, ['add', '-A']);
    const result = await run(['--staged'], join(program, 'policies'));
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^acceptable-use\.md$/m);
    expect(result.stdout).toContain('unknown-criterion');
  });

  it('reports a renamed file under its new name, spaces and non-ASCII letters included', async () => {
    const { repo, program } = programRepo();
    const renamed = 'policies/acceptable use ü.md';
    git(repo, ['mv', AUP, renamed]);
    breakPolicy(program, renamed);
    git(repo, ['add', renamed]);
    const result = await run(['--staged', '--format', 'json'], program);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    expect(report.map((file) => file.filePath)).toEqual([renamed]);
    expect(report[0]!.messages.map((message) => message.ruleId)).toEqual(['unknown-criterion']);
  });

  it('works before the first commit, when there is no HEAD yet', async () => {
    const repo = makeRepo({});
    git(repo, ['init', '-q', '-b', 'main'], GIT_ENV);
    cpSync(join(projectRoot, 'examples', 'acme-saas'), repo, { recursive: true });
    breakPolicy(repo, AUP);
    git(repo, ['add', '-A'], GIT_ENV);
    const result = await run(['--staged', '--format', 'json'], repo);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    // Everything is staged, so the waiver-suppressed finding of the example is listed too; it has no active message.
    expect(report.filter((file) => file.messages.length > 0).map((file) => file.filePath)).toEqual([AUP]);
  });

  it('exits 2 outside a git repository, saying it needs one', async () => {
    const folder = makeRepo({});
    cpSync(join(projectRoot, 'examples', 'acme-saas'), folder, { recursive: true });
    const result = await run(['--staged'], folder);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^soc2lint: --staged needs a git repository/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  // Outside a repo `git diff --cached` would fall back to `git diff --no-index` and print "unknown option `cached'".
  it('outside a git repository, the message says what is wrong rather than quoting git', async () => {
    const folder = makeRepo({ 'scope.yaml': 'categories: [security]\n' });
    const result = await run(['--staged'], folder);
    expect(result.stderr).not.toMatch(/unknown option/);
    expect(result.stderr).toMatch(/not (in )?a git repository/i);
  });

  // Git lists the staged files while the program is linted: its failure is still the one said, and nothing is written.
  it('outside a git repository, says so before a config problem, and writes no cache', async () => {
    const folder = makeRepo({ 'scope.yaml': 'categories: [security]\n', 'soc2lint.config.yaml': 'paths: 5\n' });
    const cache = join(folder, 'lint.cache');
    const result = await run(['--staged', '--cache', '--cache-location', cache], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^soc2lint: --staged needs a git repository/);
    expect(existsSync(cache)).toBe(false);
    const valid = makeRepo({ 'scope.yaml': 'categories: [security]\n' });
    expect((await run(['--staged', '--cache', '--cache-location', join(valid, 'lint.cache')], valid)).stderr).toMatch(/^soc2lint: --staged needs a git repository/);
    expect(existsSync(join(valid, 'lint.cache'))).toBe(false);
  });

  it('with a config problem in a git repository, says what is wrong with the config', async () => {
    const { repo, program } = programRepo();
    writeFileSync(join(program, 'soc2lint.config.yaml'), 'paths: 5\n');
    git(repo, ['add', '-A']);
    const result = await run(['--staged'], program);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^soc2lint: .*soc2lint\.config\.yaml/);
    expect(result.stderr).not.toMatch(/git/);
  });

  // From the git root, looking upward finds no program: the staged files must lead to it, or the hook always passes.
  it('from the git root, finds the program in a subfolder that holds the staged files', async () => {
    const { repo, program } = programRepo('compliance');
    breakPolicy(program, AUP);
    git(repo, ['add', '-A']);
    const result = await run(['--staged'], repo);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`compliance/${AUP}`);
  });

  it('takes no file arguments', async () => {
    const { program } = programRepo();
    const result = await run(['--staged', AUP], program);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--staged lints the files staged in git; give no file arguments with it.');
  });
});

describe.skipIf(!isBuilt)('a plain .git/hooks/pre-commit running soc2lint --staged', () => {
  function installHook(repo: string, folder: string): void {
    const hook = join(repo, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, `#!/bin/sh\ncd ${folder} && exec "${process.execPath}" "${bin}" --staged\n`);
    chmodSync(hook, 0o755);
  }
  function commit(repo: string, ...args: string[]) {
    const result = spawnSync('git', ['commit', '-q', '-m', 'change', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
    return { status: result.status, output: result.stdout + result.stderr };
  }
  const head = (repo: string) => git(repo, ['rev-parse', 'HEAD']).trim();

  it('blocks a commit that stages a finding, and lets a clean one through', () => {
    const { repo, program } = programRepo('compliance');
    installHook(repo, 'compliance');
    const before = head(repo);

    breakPolicy(program, AUP);
    git(repo, ['add', '-A']);
    const blocked = commit(repo);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toMatch(/acceptable-use\.md[\s\S]*unknown-criterion/);
    expect(head(repo)).toBe(before);

    git(repo, ['checkout', 'HEAD', '--', `compliance/${AUP}`]);
    retitlePolicy(program, AUP);
    breakPolicy(program, BACKUP); // unstaged: not part of this commit
    git(repo, ['add', `compliance/${AUP}`]);
    const passed = commit(repo);
    expect(passed.status, passed.output).toBe(0);
    expect(head(repo)).not.toBe(before);
  });

  // `git commit -a` (and `git commit FILE`) stage into a temporary index named by GIT_INDEX_FILE; simple-git strips
  // ambient GIT_* variables unless allowed, and reading .git/index instead would see nothing staged.
  it('blocks `git commit -a` of a file with a finding', () => {
    const { repo, program } = programRepo('compliance');
    installHook(repo, 'compliance');
    breakPolicy(program, AUP);
    const result = commit(repo, '-a');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('unknown-criterion');
  });
});
