// Real git repositories with real commits and dates, for the rules that read history.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { makeRepo, writeFiles, type RepoFiles } from './repo.js';

export interface Commit {
  /** Commit date, `2026-03-01` or a full ISO timestamp with offset; author and committer dates both. */
  date: string;
  files: RepoFiles;
  /** Files to delete in this commit. */
  remove?: string[];
  message?: string;
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A git repo whose history is the given commits, in order; `uncommitted` files are written after the last commit. */
export function gitRepo(commits: Commit[], uncommitted: RepoFiles = {}): string {
  const root = makeRepo({});
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['config', 'user.name', 'Test']);
  git(root, ['config', 'user.email', 'test@example.com']);
  git(root, ['config', 'commit.gpgsign', 'false']);
  for (const [i, commit] of commits.entries()) {
    writeFiles(root, commit.files);
    for (const path of commit.remove ?? []) git(root, ['rm', '-q', path]);
    git(root, ['add', '-A']);
    const date = commit.date.length === 10 ? `${commit.date}T12:00:00+00:00` : commit.date;
    git(root, ['commit', '-q', '--allow-empty', '-m', commit.message ?? `commit ${i + 1}`], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  }
  writeFiles(root, uncommitted);
  return root;
}

/** A shallow clone (depth 1) of a repo, as GitHub Actions checks out by default. */
export function shallowClone(source: string): string {
  const target = mkdtempSync(join(tmpdir(), 'soc2lint-shallow-'));
  created.push(target);
  rmSync(target, { recursive: true, force: true });
  git(tmpdir(), ['clone', '-q', '--depth', '1', `file://${source}`, target]);
  return target;
}
