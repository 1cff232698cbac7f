// A folder that holds no program: say so once, with where soc2lint looked and where a program seems to be, instead of
// a finding for every criterion at 1:1 of a folder that was never a compliance repo.
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import type { RepoModel } from '../model/types.js';
import { shownPath } from './targets.js';

/** No scope file, no policy and no control file matched the configured paths (files that failed to parse count). */
export function holdsNoProgram(model: RepoModel): boolean {
  const found = model.fileCounts;
  return !found.scope && !found.policies && !found.controls;
}

/** The one message for a folder that holds no program: the folder, the globs looked at, and folders that look like one. */
export function nothingFoundMessage(config: Config, cwd: string): string {
  const folder = shownPath(cwd, config.root);
  const globs = [...config.paths.scope, ...config.paths.policies, ...config.paths.controls].join(', ');
  const lines = [`No compliance program found in ${folder}: no scope file, policy or control matches the configured paths (${globs}).`];
  const configFile = config.file ? shownPath(cwd, join(config.root, config.file)) : 'soc2lint.config.yaml';
  const own = ROOT_SIGNS.filter((sign) => existsSync(join(config.root, sign)));
  if (own.length > 0) {
    lines.push(`The folder holds ${own.map((sign) => (sign.includes('.') ? sign : `${sign}/`)).join(' and ')}: set paths: in ${configFile} to where its policies and controls are.`);
  }
  const candidates = programLikeFolders(config.root);
  if (candidates.length > 0) {
    const shown = candidates.map((candidate) => `${shownPath(cwd, join(config.root, candidate))}/`);
    lines.push(`These folders look like a program: ${shown.join(', ')}. Lint one of them (soc2lint ${shown[0]}), or set paths: in ${configFile}.`);
  }
  if (own.length === 0 && candidates.length === 0) {
    lines.push(`Run soc2lint in the folder that holds your program, set paths: in ${configFile}, or start one with soc2lint init.`);
  }
  return lines.join('\n');
}

/** What makes the folder itself look like a program whose files the paths miss. */
const ROOT_SIGNS = ['comply.yml', 'policies', 'controls'];

const SKIPPED = new Set(['node_modules', '.git', 'dist', 'build', 'vendor']);
const MAX_DEPTH = 3;

/**
 * Root-relative folders, three levels deep at most, that look like a program: named `compliance`, a theme under
 * `themes/` (strongdm/comply's layout), or holding `comply.yml`, a scope file, a config file or a `policies/` folder.
 */
export function programLikeFolders(root: string): string[] {
  const found: string[] = [];
  const visit = (relative: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIPPED.has(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const parent = relative.split('/').pop();
      const holds = (name: string) => existsSync(join(root, path, name));
      if (relative === '' && ROOT_SIGNS.includes(entry.name)) continue;
      if (entry.name === 'compliance' || parent === 'themes' || ['comply.yml', 'scope.yaml', 'scope.yml', 'soc2lint.config.yaml', 'policies'].some(holds)) found.push(path);
      else visit(path, depth + 1);
    }
  };
  visit('', 1);
  return found;
}
