// The shape of a loaded configuration, and the error a bad one raises. Shared by the config reader and the engine.
import type { IsoDate } from '../core/dates.js';
import type { RuleSetting, SourceRange } from '../core/types.js';

import type { FileKind } from '../core/types.js';

export type { FileKind };

export interface RuleConfigEntry {
  setting: RuleSetting;
  options?: Record<string, unknown>;
  /** Where the entry is written (its value), for errors about it; `range.file` is the config file that holds it. */
  range: SourceRange;
}

/**
 * The rule settings of one step of the merge: a built-in preset, or the `rules` written in one config file.
 * Layers apply in order; a later one wins (see src/engine/settings.ts).
 */
export type RuleLayer =
  | { kind: 'preset'; name: string }
  | { kind: 'file'; file: string; rules: ReadonlyMap<string, RuleConfigEntry> };

/** One entry of `overrides`: rule severities for the findings in some files. */
export interface ConfigOverride {
  /** `overrides[2]`, naming the entry in its own file for messages. */
  label: string;
  /** The config file that holds it, as shown in messages. */
  file: string;
  /** Root-relative globs (a leading `./` removed). */
  files: readonly string[];
  excludedFiles: readonly string[];
  /** Severities only: an override never carries options (rules run once, so options cannot vary per file). */
  rules: ReadonlyMap<string, RuleConfigEntry>;
}

export interface Config {
  /** Absolute path of the repo root. */
  root: string;
  /** The config file relative to the root (or absolute, when given outside it), if there is one. */
  file?: string;
  asOf?: IsoDate;
  /** Days that are not business days, from every config file in the chain (`holidays:`). */
  holidays?: readonly IsoDate[];
  paths: Record<FileKind, readonly string[]>;
  ignore: readonly string[];
  /** What the config extends, resolved and in merge order: preset names, and config files as shown in messages. */
  extends: readonly string[];
  /** Rule settings step by step, in merge order: presets and extended files first, the config file itself last. */
  ruleLayers: readonly RuleLayer[];
  /** Every `overrides` entry, in merge order (those of extended files first); a later matching entry wins. */
  overrides: readonly ConfigOverride[];
  /** How documents and procedures are written; resolved when the config is loaded (comply when `comply.yml` exists). */
  format?: ProgramFormat;
  /** Per kind, each native field and the program's own keys for it (candidates in order; a key may be a dotted path). */
  fields?: FieldMappings;
  /** Per kind, values for the fields a program never records. */
  defaults?: FieldDefaults;
  /** What counts toward criteria coverage; undefined leaves it to the program's shape (see src/model/program.ts). */
  coverage?: CoverageMode;
  /** The config's `sampling:` (the last file in the chain that sets each part wins); see src/report/sample.ts. */
  sampling?: SamplingConfig;
}

/**
 * `sampling:`: the audit firm's own sample sizes. `frequency` sets samples per control frequency (those not written
 * keep their defaults); `event` replaces the table by population size whole: bands smallest first, the last without
 * `max`, each sampling a count, a percentage (`10%`) or `all`.
 */
export interface SamplingConfig {
  frequency?: Partial<Record<'continuous' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'annual', number>>;
  event?: { max?: number; size: number | 'all' | `${number}%` }[];
}

/** `native`: soc2lint's own files; `comply`: strongdm/comply's documents, procedures and standards. */
export type ProgramFormat = 'native' | 'comply';
export type CoverageMode = 'controls' | 'policies' | 'both';
/** `fields.policies.approved_on: [approval_date, approved]`: each written key split into its path (`satisfies.TSC`). */
export type FieldMappings = Partial<Record<FileKind, Readonly<Record<string, readonly (readonly string[])[]>>>>;
export type FieldDefaults = Partial<Record<FileKind, Readonly<Record<string, unknown>>>>;

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
