// `extends`: a config file starts from presets and other config files. Resolves the chain into layers in merge
// order, and stops with the place of the `extends` value when a file is missing or the chain loops.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { didYouMean } from '../core/suggest.js';
import { readConfigFile, type ConfigFile } from './file.js';
import { PRESETS, isPresetName } from './presets.js';
import { ConfigError } from './types.js';

export type Layer = { kind: 'preset'; name: string } | { kind: 'file'; config: ConfigFile };

/**
 * The layers of the config file at `absolute`, in merge order: what it extends, depth first and in list order
 * (each extended file preceded by what it extends in turn), then the file itself, last.
 */
export function resolveLayers(root: string, absolute: string, options: { given?: boolean } = {}): Layer[] {
  // Config files are read from inside the repository; a config the user names on the command line (--config) may live
  // elsewhere, and so may the files next to it that it extends.
  const realRoot = realpathSync(root);
  const allowed = options.given && !isInside(realRoot, realpathSync(absolute)) ? [realRoot, realpathSync(dirname(absolute))] : [realRoot];
  return expand(root, readConfigFile(absolute, shownPath(root, absolute)), [], { allowed, expanded: new Map() });
}

interface Walk {
  /** Real folders extended files may lie in. */
  allowed: readonly string[];
  /** The layers of each file already expanded, by real path: a file reached again is not read again. */
  expanded: Map<string, Layer[]>;
}

function isInside(folder: string, path: string): boolean {
  return path === folder || path.startsWith(folder + sep);
}

interface ChainLink {
  real: string;
  file: string;
}

function expand(root: string, config: ConfigFile, chain: readonly ChainLink[], walk: Walk): Layer[] {
  const here = [...chain, { real: realpathSync(config.absolute), file: config.file }];
  const layers: Layer[] = [];
  for (const { value, range } of config.extends) {
    if (isPresetName(value)) {
      if (!PRESETS[value]) {
        throw new ConfigError(
          `Unknown preset "${value}" in "extends".${didYouMean(value, Object.keys(PRESETS))} Presets: ${Object.keys(PRESETS).join(', ')}.`,
          range,
        );
      }
      layers.push({ kind: 'preset', name: value });
      continue;
    }
    // Relative to the file that says `extends`, the way imports work, so a shared config can extend its neighbours.
    const target = resolve(dirname(config.absolute), value);
    const shown = shownPath(root, target);
    if (!existsSync(target)) {
      throw new ConfigError(`The config file "${value}" named in "extends" does not exist (no file at ${shown}).`, range);
    }
    if (!statSync(target).isFile()) {
      throw new ConfigError(`"${value}" in "extends" is a folder (${shown}); name a config file.`, range);
    }
    const real = realpathSync(target);
    if (here.some((link) => link.real === real)) {
      throw new ConfigError(
        `"extends" goes round in a cycle: ${[...here.map((link) => link.file), shown].join(' → ')}. A config file cannot extend itself, directly or through others; remove one of these "extends".`,
        range,
      );
    }
    if (!walk.allowed.some((folder) => isInside(folder, real))) {
      throw new ConfigError(
        `"${value}" in "extends" is outside the repository (${shown}); soc2lint reads config files inside it. Copy the shared config into the repo, or name it with --config.`,
        range,
      );
    }
    let extended = walk.expanded.get(real);
    if (!extended) {
      extended = expand(root, readConfigFile(target, shown), here, walk);
      walk.expanded.set(real, extended);
    }
    layers.push(...extended);
  }
  layers.push({ kind: 'file', config });
  return lastOccurrences(layers);
}

/**
 * Each file or preset once, where it is last reached. Later layers win key by key, so merging a file again later
 * gives the same settings as merging it in both places; keeping one copy keeps a diamond of `extends` (each file
 * extended by two others, many levels deep) linear instead of doubling at every level.
 */
function lastOccurrences(layers: readonly Layer[]): Layer[] {
  const keyOf = (layer: Layer) => (layer.kind === 'preset' ? `preset:${layer.name}` : `file:${layer.config.absolute}`);
  const last = new Map(layers.map((layer, i) => [keyOf(layer), i]));
  return layers.filter((layer, i) => last.get(keyOf(layer)) === i);
}

/** Root-relative with `/` separators inside the root; absolute outside it (a config shared between repos). */
export function shownPath(root: string, absolute: string): string {
  const rel = relative(root, absolute);
  return rel.startsWith('..') || isAbsolute(rel) ? absolute : rel.split('\\').join('/');
}
