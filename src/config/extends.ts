// `extends`: a config file starts from presets and other config files. Resolves the chain into layers in merge
// order, and stops with the place of the `extends` value when a file is missing or the chain loops.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { didYouMean } from '../core/suggest.js';
import { readConfigFile, type ConfigFile } from './file.js';
import { PRESETS, isPresetName } from './presets.js';
import { ConfigError } from './types.js';

export type Layer = { kind: 'preset'; name: string } | { kind: 'file'; config: ConfigFile };

/**
 * The layers of the config file at `absolute`, in merge order: what it extends, depth first and in list order
 * (each extended file preceded by what it extends in turn), then the file itself, last.
 */
export function resolveLayers(root: string, absolute: string): Layer[] {
  return expand(root, readConfigFile(absolute, shownPath(root, absolute)), []);
}

interface ChainLink {
  real: string;
  file: string;
}

function expand(root: string, config: ConfigFile, chain: readonly ChainLink[]): Layer[] {
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
    layers.push(...expand(root, readConfigFile(target, shown), here));
  }
  layers.push({ kind: 'file', config });
  return layers;
}

/** Root-relative with `/` separators inside the root; absolute outside it (a config shared between repos). */
export function shownPath(root: string, absolute: string): string {
  const rel = relative(root, absolute);
  return rel.startsWith('..') || isAbsolute(rel) ? absolute : rel.split('\\').join('/');
}
