// The staged files of real repositories, and one clear line when git cannot say what is staged.
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitError } from '../../src/git/errors.js';
import { stagedFiles } from '../../src/git/staged.js';
import { git, gitRepo } from '../helpers/git.js';
import { makeRepo } from '../helpers/repo.js';

const withPath = async <T>(path: string, run: () => Promise<T>): Promise<T> => {
  const saved = process.env.PATH;
  process.env.PATH = path;
  try {
    return await run();
  } finally {
    process.env.PATH = saved;
  }
};

describe('stagedFiles', () => {
  it('lists added and modified files, names as written', async () => {
    const root = gitRepo([{ date: '2026-01-05', files: { 'policies/a.md': 'a\n' } }]);
    writeFileSync(join(root, 'policies/a.md'), 'changed\n');
    writeFileSync(join(root, 'policies/Access "Control" Policy.md'), 'new\n');
    writeFileSync(join(root, 'policies/unstaged.md'), 'not staged\n');
    git(root, ['add', 'policies/a.md', 'policies/Access "Control" Policy.md']);
    expect((await stagedFiles(root)).sort()).toEqual(['policies/Access "Control" Policy.md', 'policies/a.md']);
  });

  it.each([
    ['outside a repository', () => makeRepo({ 'a.md': 'a\n' }), /^--staged needs a git repository: .* is not in a git repository/],
    [
      'in a bare repository',
      () => {
        const root = makeRepo({});
        git(root, ['init', '-q', '--bare']);
        return root;
      },
      /^--staged needs a work tree: .* bare repository/,
    ],
    [
      'with a zero-length index',
      () => {
        const root = gitRepo([{ date: '2026-01-05', files: { 'a.md': 'a\n' } }]);
        truncateSync(join(root, '.git/index'), 0);
        return root;
      },
      /^git could not read this repository: .*index/,
    ],
  ])('says so in one line %s', async (_where, make, expected) => {
    const error = await stagedFiles(make()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as Error).message).toMatch(expected);
    expect((error as Error).message).not.toMatch(/\n/);
  });

  it('says git is missing when it is not on PATH', async () => {
    const root = gitRepo([{ date: '2026-01-05', files: { 'a.md': 'a\n' } }]);
    const error = await withPath('/nonexistent', () => stagedFiles(root).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(GitError);
    expect((error as Error).message).toBe('--staged needs git, which is not installed or not on PATH.');
  });
});
