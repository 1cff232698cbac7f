// soc2lint.config.yaml: finding the repo root and loading the config with everything it extends, merged. A bad
// config is fatal (exit 2) and always names the file, line and key.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { IsoDate } from '../core/dates.js';
import { resolveLayers, type Layer } from './extends.js';
import { ConfigError, type Config, type ConfigOverride, type FileKind, type RuleLayer } from './types.js';

export { ConfigError, type Config, type ConfigOverride, type FileKind, type RuleConfigEntry, type RuleLayer } from './types.js';

export const CONFIG_FILE = 'soc2lint.config.yaml';
export const SCOPE_FILE = 'scope.yaml';

export const DEFAULT_PATHS: Readonly<Record<FileKind, readonly string[]>> = {
  policies: ['policies/**/*.md'],
  controls: ['controls/**/*.{yaml,yml}'],
  scope: ['scope.{yaml,yml}'],
  vendors: ['vendors/**/*.{yaml,yml}'],
  people: ['people.{yaml,yml}'],
  training: ['training/**/*.{csv,yaml,yml}'],
  acknowledgments: ['acknowledgments/**/*.{csv,yaml,yml}'],
  waivers: ['waivers.{yaml,yml}'],
};

/** A README beside the policies explains the folder; it is not a policy. */
export const DEFAULT_IGNORE: readonly string[] = ['**/node_modules/**', '**/.git/**', 'policies/**/README.md'];

/** The nearest folder at or above `start` holding a config or a scope file, or undefined. */
export function findRoot(start: string): string | undefined {
  let dir = resolve(start);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE)) || existsSync(join(dir, SCOPE_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Load the config of the repo at `root` (or the file given with --config), with everything it extends merged in.
 * No config file means all defaults. Each file is checked as it is read, rule names and options included (the
 * config schema is generated from the rules' metadata).
 */
export function loadConfig(root: string, configPath?: string): Config {
  const absolute = configPath ? resolve(configPath) : join(root, CONFIG_FILE);
  if (!existsSync(absolute)) {
    if (configPath) throw new ConfigError(`Config file ${configPath} does not exist.`);
    return { root, paths: { ...DEFAULT_PATHS }, ignore: DEFAULT_IGNORE, extends: [], ruleLayers: [], overrides: [] };
  }
  return merge(root, resolveLayers(root, absolute));
}

/**
 * Layers apply in order, a later one winning: `paths` per kind, `as_of` from the last file that sets it, `ignore`
 * added up, rules and overrides kept as layers for the engine to resolve per rule and per file.
 */
function merge(root: string, layers: readonly Layer[]): Config {
  let asOf: IsoDate | undefined;
  const paths: Record<FileKind, readonly string[]> = { ...DEFAULT_PATHS };
  const ignore = [...DEFAULT_IGNORE];
  const holidays = new Set<IsoDate>();
  const ruleLayers: RuleLayer[] = [];
  const overrides: ConfigOverride[] = [];
  const chain: string[] = [];
  for (const layer of layers) {
    if (layer.kind === 'preset') {
      ruleLayers.push(layer);
      chain.push(layer.name);
      continue;
    }
    const { config } = layer;
    if (config.asOf) asOf = config.asOf;
    for (const [kind, globs] of Object.entries(config.paths) as [FileKind, string[]][]) paths[kind] = globs;
    ignore.push(...config.ignore);
    for (const day of config.holidays) holidays.add(day);
    ruleLayers.push({ kind: 'file', file: config.file, rules: config.rules });
    overrides.push(...config.overrides);
    chain.push(config.file);
  }
  const file = chain.pop()!; // the config file itself is the last layer; the chain is what it extends
  return { root, file, ...(asOf ? { asOf } : {}), ...(holidays.size ? { holidays: [...holidays].sort() } : {}), paths, ignore, extends: chain, ruleLayers, overrides };
}
