// The files staged in git, for `soc2lint --staged` in git hooks.
import { GitError } from './errors.js';

/**
 * Paths (relative to `cwd`) of files added, copied, modified or renamed in the index. In a hook for `git commit -a`
 * or `git commit FILE`, git stages into a temporary index named by GIT_INDEX_FILE: simple-git drops inherited GIT_*
 * variables unless allowed, and without it the hook would read the wrong index and see nothing staged.
 */
export async function stagedFiles(cwd: string): Promise<string[]> {
  const { simpleGit } = await import('simple-git');
  const git = simpleGit({ baseDir: cwd, trimmed: false, allowEnvironment: ['GIT_INDEX_FILE'] });
  if (!(await git.checkIsRepo())) throw new GitError(`--staged needs a git repository: ${cwd} is not in a git repository (--staged lints what is staged for the next commit).`);
  const output = await git.raw(['-c', 'core.quotePath=false', 'diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--relative', '--', '.']);
  return output.split('\0').filter(Boolean);
}
