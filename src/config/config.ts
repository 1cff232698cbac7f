// soc2lint.config.yaml: finding the repo root and loading the config with everything it extends, merged. A bad
// config is fatal (exit 2) and always names the file, line and key.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { IsoDate } from '../core/dates.js';
import { resolveLayers, type Layer } from './extends.js';
import { ConfigError, type Config, type ConfigOverride, type CoverageMode, type FieldDefaults, type FieldMappings, type FileKind, type ProgramFormat, type RuleLayer, type SamplingConfig } from './types.js';

export { ConfigError, type Config, type ConfigOverride, type CoverageMode, type FieldDefaults, type FieldMappings, type FileKind, type ProgramFormat, type RuleConfigEntry, type RuleLayer, type SamplingConfig } from './types.js';

export const CONFIG_FILE = 'soc2lint.config.yaml';
export const SCOPE_FILE = 'scope.yaml';
/** strongdm/comply's project file: its presence makes a program a comply program unless the config says otherwise. */
export const COMPLY_FILE = 'comply.yml';

/**
 * Where comply keeps things: documents in policies/ and narratives/, procedures in procedures/ (read as controls,
 * beside any controls/ of soc2lint's own), and the criteria of each standard in standards/.
 */
export const COMPLY_PATHS: Readonly<Partial<Record<FileKind, readonly string[]>>> = {
  policies: ['policies/**/*.md', 'narratives/**/*.md'],
  controls: ['procedures/**/*.md', 'controls/**/*.{yaml,yml}'],
};
export const COMPLY_STANDARDS: readonly string[] = ['standards/**/*.{yml,yaml}'];

export const DEFAULT_PATHS: Readonly<Record<FileKind, readonly string[]>> = {
  policies: ['policies/**/*.md'],
  controls: ['controls/**/*.{yaml,yml}'],
  scope: ['scope.{yaml,yml}'],
  vendors: ['vendors/**/*.{yaml,yml}'],
  people: ['people.{yaml,yml}'],
  training: ['training/**/*.{csv,yaml,yml}'],
  acknowledgments: ['acknowledgments/**/*.{csv,yaml,yml}'],
  waivers: ['waivers.{yaml,yml}'],
  // The items auditors sample from (see docs/populations.md); a root incidents.yaml is the `incidents` population.
  populations: ['populations/**/*.{csv,json,yaml,yml}', 'incidents.{yaml,yml}'],
};

/** A README beside the policies explains the folder; it is not a policy. */
export const DEFAULT_IGNORE: readonly string[] = ['**/node_modules/**', '**/.git/**', 'policies/**/README.md'];

/** The nearest folder at or above `start` holding a config or a scope file, or undefined. */
export function findRoot(start: string): string | undefined {
  let dir = resolve(start);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE)) || existsSync(join(dir, SCOPE_FILE)) || existsSync(join(dir, COMPLY_FILE))) return dir;
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
    return withFormat({ root, paths: { ...DEFAULT_PATHS }, ignore: DEFAULT_IGNORE, extends: [], ruleLayers: [], overrides: [] }, new Set());
  }
  if (configPath && statSync(absolute).isDirectory()) throw new ConfigError(`--config ${configPath} is a folder; give the config file itself (soc2lint.config.yaml).`);
  const layers = resolveLayers(root, absolute, { given: configPath !== undefined });
  const written = new Set(layers.flatMap((layer) => (layer.kind === 'file' ? Object.keys(layer.config.paths) : [])) as FileKind[]);
  return withFormat(merge(root, layers), written);
}

/** The program's format (comply when `comply.yml` exists and the config names none), and comply's folders for every kind whose paths the config leaves alone. */
function withFormat(config: Config, writtenPaths: ReadonlySet<FileKind>): Config {
  const format: ProgramFormat = config.format ?? (existsSync(join(config.root, COMPLY_FILE)) ? 'comply' : 'native');
  if (format !== 'comply') return { ...config, format };
  const paths = { ...config.paths };
  for (const [kind, globs] of Object.entries(COMPLY_PATHS) as [FileKind, string[]][]) if (!writtenPaths.has(kind)) paths[kind] = globs;
  // A README beside the narratives or the procedures describes the folder, as one beside the policies does.
  return { ...config, format, paths, ignore: [...config.ignore, 'narratives/**/README.md', 'procedures/**/README.md'] };
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
  let format: ProgramFormat | undefined;
  let coverage: CoverageMode | undefined;
  let sampling: SamplingConfig | undefined;
  const fields: Record<string, Record<string, readonly (readonly string[])[]>> = {};
  const defaults: Record<string, Record<string, unknown>> = {};
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
    format = config.format ?? format;
    coverage = config.coverage ?? coverage;
    // Frequencies one by one; the event table whole, from the last file that writes one.
    if (config.sampling) {
      const event = config.sampling.event ?? sampling?.event;
      sampling = { frequency: { ...sampling?.frequency, ...config.sampling.frequency }, ...(event ? { event } : {}) };
    }
    // Field by field: a config that maps one field of a kind keeps what the files it extends map for the others.
    for (const [kind, map] of Object.entries(config.fields)) fields[kind] = { ...fields[kind], ...map };
    for (const [kind, values] of Object.entries(config.defaults)) defaults[kind] = { ...defaults[kind], ...values };
  }
  const file = chain.pop()!; // the config file itself is the last layer; the chain is what it extends
  const program = { ...(format ? { format } : {}), ...(coverage ? { coverage } : {}), ...(sampling ? { sampling } : {}), fields: fields as FieldMappings, defaults: defaults as FieldDefaults };
  return { root, file, ...(asOf ? { asOf } : {}), ...(holidays.size ? { holidays: [...holidays].sort() } : {}), paths, ignore, extends: chain, ruleLayers, overrides, ...program };
}
