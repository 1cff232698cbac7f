// Which `overrides` entries apply to a file: globs over root-relative paths, in the manner of ESLint's overrides.
import { Minimatch } from 'minimatch';
import type { ConfigOverride } from './types.js';

/**
 * `dot`: paths such as `.github/` are ordinary here. `matchBase`: a glob without a slash (`*.csv`) matches the
 * file name in any folder, as in ESLint's overrides.
 */
const GLOB_OPTIONS = { dot: true, matchBase: true } as const;

export type FileMatcher = (file: string) => boolean;

/** A test for "this override applies to this file": it matches one of `files` and none of `excludedFiles`. */
export function overrideMatcher(override: ConfigOverride): FileMatcher {
  const files = override.files.map((glob) => new Minimatch(glob, GLOB_OPTIONS));
  const excluded = override.excludedFiles.map((glob) => new Minimatch(glob, GLOB_OPTIONS));
  return (file) => files.some((m) => m.match(file)) && !excluded.some((m) => m.match(file));
}
