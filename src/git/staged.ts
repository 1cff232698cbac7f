// The files staged in git, for `soc2lint --staged` in git hooks.
import { GitError } from './errors.js';

/**
 * Paths (relative to `cwd`) of files added, copied, modified or renamed in the index. In a hook for `git commit -a`
 * or `git commit FILE`, git stages into a temporary index named by GIT_INDEX_FILE: simple-git drops inherited GIT_*
 * variables unless allowed, and without it the hook would read the wrong index and see nothing staged.
 * Throws GitError, with one line a person can act on, when git cannot answer.
 */
export async function stagedFiles(cwd: string): Promise<string[]> {
  const { simpleGit } = await import('simple-git');
  const git = simpleGit({ baseDir: cwd, trimmed: false, allowEnvironment: ['GIT_INDEX_FILE'], completion: { onClose: true, onExit: false } });
  let where: string[];
  try {
    where = (await git.raw(['rev-parse', '--is-bare-repository', '--is-inside-work-tree'])).split('\n');
  } catch (error) {
    throw stagedError(error, cwd);
  }
  if (where[0]?.trim() === 'true' || where[1]?.trim() !== 'true') {
    throw new GitError(`--staged needs a work tree: ${cwd} is inside a bare repository or the .git folder (run it where the files are checked out).`);
  }
  try {
    const output = await git.raw(['-c', 'core.quotePath=false', 'diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--relative', '--', '.']);
    return output.split('\0').filter(Boolean);
  } catch (error) {
    throw stagedError(error, cwd);
  }
}

function stagedError(error: unknown, cwd: string): GitError {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOENT|spawn git/i.test(message)) return new GitError('--staged needs git, which is not installed or not on PATH.');
  if (/not a git repository/i.test(message)) {
    return new GitError(`--staged needs a git repository: ${cwd} is not in a git repository (--staged lints what is staged for the next commit).`);
  }
  const line = message.split('\n').find((text) => text.trim()) ?? message;
  return new GitError(`git could not read this repository: ${line.replace(/^(fatal|error): /, '').trim()}`);
}
