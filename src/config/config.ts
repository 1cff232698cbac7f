// soc2lint.config.yaml: finding the repo root, loading and validating the config. A bad config is fatal (exit 2)
// and always names the file, line and key.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { IsoDate } from '../domain/dates.js';
import type { RuleSetting, SourceRange } from '../engine/finding.js';
import { readTextFile } from '../files/read.js';
import { YamlSource } from '../parse/source.js';
import { parseYaml } from '../parse/yaml.js';
import { validateRecord } from '../schema/validate.js';

export const CONFIG_FILE = 'soc2lint.config.yaml';
export const SCOPE_FILE = 'scope.yaml';

export type FileKind = 'policies' | 'controls' | 'scope' | 'vendors' | 'people' | 'training' | 'acknowledgments' | 'waivers';

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

export interface RuleConfigEntry {
  setting: RuleSetting;
  options?: Record<string, unknown>;
  /** Where the entry is written, for errors about it. */
  range: SourceRange;
  keyRange: SourceRange;
}

export interface Config {
  /** Absolute path of the repo root. */
  root: string;
  /** The config file relative to the root (or absolute, when given outside it), if there is one. */
  file?: string;
  asOf?: IsoDate;
  paths: Record<FileKind, readonly string[]>;
  ignore: readonly string[];
  rules: ReadonlyMap<string, RuleConfigEntry>;
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly range?: SourceRange,
  ) {
    super(message);
    this.name = 'ConfigError';
  }

  /** `soc2lint.config.yaml:4:3: message`, the way compilers say it. */
  describe(): string {
    return this.range ? `${this.range.file}:${this.range.line}:${this.range.column}: ${this.message}` : this.message;
  }
}

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

/** Load the config of the repo at `root` (or the file given with --config). No config file means all defaults. */
export function loadConfig(root: string, configPath?: string): Config {
  const absolute = configPath ? resolve(configPath) : join(root, CONFIG_FILE);
  const defaults: Config = { root, paths: { ...DEFAULT_PATHS }, ignore: DEFAULT_IGNORE, rules: new Map() };
  if (!existsSync(absolute)) {
    if (configPath) throw new ConfigError(`Config file ${configPath} does not exist.`);
    return defaults;
  }
  const shown = relative(root, absolute).startsWith('..') ? absolute : relative(root, absolute).split('\\').join('/');
  const read = readTextFile(absolute, shown);
  if (!read.ok) throw new ConfigError(read.message, read.range);
  const parsed = parseYaml(read.text, shown);
  if (!parsed.ok) {
    const first = parsed.problems[0]!;
    throw new ConfigError(first.message, first.range);
  }
  const value = parsed.yaml.value ?? {};
  const source = new YamlSource(shown, parsed.yaml.doc.contents, parsed.yaml.lines);
  const { problems } = validateRecord('config', value, source, 'config');
  if (problems.length > 0) {
    throw new ConfigError(problems.map((p, i) => (i === 0 ? p.message : `${p.range.file}:${p.range.line}:${p.range.column}: ${p.message}`)).join('\n'), problems[0]!.range);
  }
  const raw = value as {
    as_of?: string;
    paths?: Partial<Record<FileKind, string | string[]>>;
    ignore?: string | string[];
    rules?: Record<string, RuleSetting | [RuleSetting, Record<string, unknown>?]>;
  };
  const paths = { ...DEFAULT_PATHS };
  for (const [kind, globs] of Object.entries(raw.paths ?? {}) as [FileKind, string | string[]][]) paths[kind] = toList(globs);
  const rules = new Map<string, RuleConfigEntry>();
  for (const [id, entry] of Object.entries(raw.rules ?? {})) {
    const [setting, options] = Array.isArray(entry) ? entry : [entry, undefined];
    rules.set(id, {
      setting,
      ...(options ? { options } : {}),
      range: source.at(['rules', id]),
      keyRange: source.at(['rules', id], 'key'),
    });
  }
  return {
    root,
    file: shown,
    ...(raw.as_of ? { asOf: raw.as_of } : {}),
    paths,
    ignore: [...DEFAULT_IGNORE, ...toList(raw.ignore ?? [])],
    rules,
  };
}

function toList(globs: string | string[]): string[] {
  return typeof globs === 'string' ? [globs] : globs;
}
