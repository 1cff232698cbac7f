// The files staged in git under the program root, for `soc2lint --staged` in git hooks.
import { GitError } from './errors.js';

/** Root-relative paths of files added, copied, modified or renamed in the index (deleted files are gone). */
export async function stagedFiles(root: string): Promise<string[]> {
  const { simpleGit } = await import('simple-git');
  const git = simpleGit({ baseDir: root, trimmed: false });
  try {
    const output = await git.raw(['-c', 'core.quotePath=false', 'diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--relative', '--', '.']);
    return output.split('\0').filter(Boolean);
  } catch (error) {
    throw new GitError(`--staged needs a git repository: ${(error as Error).message.split('\n')[0]}`);
  }
}
