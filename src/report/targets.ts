// What a run lints: the program root to load and the files to report on, from what was named on the command line
// (a folder, files, what git has staged, or the file an editor sends on standard input).
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { findRoot } from '../config/config.js';
import { checkoutPrefix } from '../git/prefix.js';
import { stagedFiles } from '../git/staged.js';
import type { RepoModel } from '../model/types.js';

/** A target that cannot be linted as named (a missing path, a folder and files mixed): bad usage, exit 2. */
export class TargetError extends Error {}

export interface TargetPlan {
  /** The program root to load, absolute. */
  root: string;
  /** Root-relative files to report on (`/` separators); undefined means the whole program. */
  files?: Set<string>;
}

export interface TargetRequest {
  /** Folders or files as given, relative to `cwd`. */
  targets: readonly string[];
  staged: boolean;
  /** The path the content on standard input stands for. */
  stdinFilename?: string;
  /** With --print-config and no targets, the program is the one this file belongs to. */
  printConfig?: string;
}

export async function planLint(request: TargetRequest, cwd: string): Promise<TargetPlan> {
  if (request.staged) return planStaged(cwd);
  if (request.stdinFilename !== undefined) return planStdin(request.stdinFilename, cwd);
  if (request.printConfig !== undefined && request.targets.length === 0) return { root: findRoot(resolve(cwd, request.printConfig)) ?? cwd };
  return planTargets(request.targets, cwd);
}

/**
 * A folder means everything, files mean findings in those files only. Files that belong to no program (a README at
 * the top of a git repo whose program is in compliance/) cannot have findings and are left out, so a hook that passes
 * every staged file still works.
 */
export function planTargets(targets: readonly string[], cwd: string): TargetPlan {
  const paths = (targets.length > 0 ? targets : ['.']).map((target) => resolve(cwd, target));
  for (const path of paths) {
    if (!existsSync(path)) throw new TargetError(`No such file or folder: ${relative(cwd, path) || path}`);
  }
  const folders = paths.filter((path) => statSync(path).isDirectory());
  const files = paths.filter((path) => !folders.includes(path));
  if (folders.length > 0 && files.length > 0) throw new TargetError('Give either one folder or a list of files, not both.');
  if (folders.length > 1) throw new TargetError('Give one folder at a time; soc2lint lints one compliance repo per run.');
  if (folders.length === 1) return { root: findRoot(folders[0]!) ?? folders[0]! };
  return planFiles(files, cwd);
}

/** Group files by the program they belong to; without any program around them, the working folder is the program. */
export function planFiles(files: readonly string[], cwd: string): TargetPlan {
  const byRoot = new Map<string, string[]>();
  for (const file of files) {
    const root = findRoot(file);
    if (root) byRoot.set(root, [...(byRoot.get(root) ?? []), file]);
  }
  if (byRoot.size > 1) {
    throw new TargetError(`These files belong to different compliance repos (${[...byRoot.keys()].map((r) => relative(cwd, r) || '.').join(', ')}); run soc2lint once per repo.`);
  }
  const [root, inProgram] = [...byRoot][0] ?? [cwd, files];
  return { root, files: new Set(inProgram.map((file) => rootRelative(root, file))) };
}

/** What is staged in git, reported against the program it belongs to (found from the staged files when run above it). */
export async function planStaged(cwd: string): Promise<TargetPlan> {
  return stagedPlan(await stagedFiles(cwd), cwd);
}

/** The plan for the staged files git listed (relative to `cwd`, as stagedFiles gives them). */
export function stagedPlan(files: readonly string[], cwd: string): TargetPlan {
  const staged = files.map((file) => resolve(cwd, file));
  const root = findRoot(cwd);
  if (root) return { root, files: new Set(staged.map((file) => rootRelative(root, file))) };
  const plan = planFiles(staged.filter((file) => findRoot(file) !== undefined), cwd);
  return plan.files?.size ? plan : { root: cwd, files: new Set() };
}

/**
 * The file whose content comes on standard input: it need not exist on disk (an editor's new, unsaved file), but it
 * must be inside a program, found from its folder upward.
 */
export function planStdin(filename: string, cwd: string): TargetPlan {
  const path = resolve(cwd, filename);
  if (existsSync(path) && statSync(path).isDirectory()) throw new TargetError(`--stdin-filename names the file the input stands for; ${shownPath(cwd, path)} is a folder.`);
  const root = findRoot(dirname(path));
  if (!root) {
    throw new TargetError(`--stdin-filename ${filename} is not inside a compliance program (no soc2lint.config.yaml or scope.yaml in its folder or any folder above it).`);
  }
  return { root, files: new Set([rootRelative(root, path)]) };
}

/** The program root of the folder named for a one-folder command (criteria): the folder must exist and be one. */
export function planFolder(folder: string, cwd: string, command: string): string {
  const target = resolve(cwd, folder);
  if (!existsSync(target)) throw new TargetError(`No such folder: ${shownPath(cwd, target)}`);
  if (!statSync(target).isDirectory()) throw new TargetError(`${command} takes the folder of a compliance repo; ${shownPath(cwd, target)} is a file.`);
  return findRoot(target) ?? target;
}

/**
 * The program root's path inside its git checkout (`compliance/`, or empty at the top), for reports whose paths must
 * be relative to the repository (SARIF): from the git facts when the run loaded them, else asked of git.
 */
export async function checkoutPrefixOf(root: string, model: RepoModel): Promise<string> {
  return model.git?.available ? model.git.prefix : checkoutPrefix(root);
}

/** A path as the user would type it from where they are: relative below the working folder, else absolute. */
export function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function rootRelative(root: string, path: string): string {
  return relative(root, path).split('\\').join('/');
}
