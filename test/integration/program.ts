// Real compliance programs in real git repos for the hook tests, and this project as a hook repository.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { git, gitRepo } from '../helpers/git.js';
import { makeRepo } from '../helpers/repo.js';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const bin = join(projectRoot, 'bin', 'soc2lint.js');
export const isBuilt = existsSync(join(projectRoot, 'dist', 'src', 'cli', 'main.js'));

/** Who commits in these repos, and no user or system git config in the way. */
export const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

/**
 * A git repo holding the healthy example program (in `folder` of the repo, or at its root), committed after as_of so
 * the history rules have nothing to say about it: it lints clean.
 */
export function programRepo(folder = ''): { repo: string; program: string } {
  const repo = gitRepo([{ date: '2026-07-01', files: { 'README.md': '# Compliance\n' } }]);
  const program = join(repo, folder);
  cpSync(join(projectRoot, 'examples', 'acme-saas'), program, { recursive: true });
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'Import the program'], { GIT_AUTHOR_DATE: '2026-07-02T10:00:00Z', GIT_COMMITTER_DATE: '2026-07-02T10:00:00Z' });
  return { repo, program };
}

/** Map the made-up criterion CC9.9 in a policy's front matter: one `unknown-criterion` error in that file. */
export function breakPolicy(program: string, policyFile: string): void {
  const path = join(program, policyFile);
  const text = readFileSync(path, 'utf8');
  const broken = text.replace(/^criteria: \[/m, 'criteria: [CC9.9, ');
  if (broken === text) throw new Error(`${policyFile} has no "criteria: [" line to break`);
  writeFileSync(path, broken);
}

/** Retitle a policy: a change that breaks no rule. */
export function retitlePolicy(program: string, policyFile: string): void {
  const path = join(program, policyFile);
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(/^title: (.*)$/m, 'title: $1 (revised)');
  if (changed === text) throw new Error(`${policyFile} has no "title:" line`);
  writeFileSync(path, changed);
}

/**
 * This project as a hook repository at one commit: its working tree (tracked files and new ones not ignored, as
 * `git ls-files` lists them) committed into a fresh repo. Hook tools install from a commit; this way they install
 * exactly the code under test, committed or not.
 */
export function projectSnapshot(): { repo: string; rev: string } {
  const repo = makeRepo({}, 'soc2lint-hook-repo-');
  const files = git(projectRoot, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']).split('\0').filter(Boolean);
  for (const file of files) {
    const source = join(projectRoot, file);
    if (!existsSync(source)) continue; // deleted in the working tree, not yet in the index
    if (file === 'node_modules' || file.startsWith('node_modules/')) continue; // a linked node_modules is not ignored by `node_modules/`
    cpSync(source, join(repo, file), { recursive: false });
  }
  git(repo, ['init', '-q', '-b', 'main'], GIT_ENV);
  git(repo, ['add', '-A'], GIT_ENV);
  git(repo, ['commit', '-q', '-m', 'snapshot'], GIT_ENV);
  return { repo, rev: git(repo, ['rev-parse', 'HEAD'], GIT_ENV).trim() };
}

/** The full path of `command` on PATH, or undefined when it is not installed. */
export function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}
