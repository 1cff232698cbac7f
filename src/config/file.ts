// One config file read, checked against the schema (rule names and options included: schemas/config.schema.json is
// generated from the rules) and turned into data with the place of every entry, before any merging: so every error
// names the file that holds the mistake, its line and its key.
import type { IsoDate } from '../core/dates.js';
import type { RuleSetting, SourceRange } from '../core/types.js';
import { readTextFile } from '../files/read.js';
import { yamlSource, type PathSegment, type YamlSource } from '../parse/source.js';
import { parseYaml } from '../parse/yaml.js';
import { didYouMean } from '../core/suggest.js';
import { fieldName, type Explained } from '../schema/explain.js';
import { propertiesOf, validateRecord, type Reword, type SchemaName } from '../schema/validate.js';
import { globProblem } from './globs.js';
import { ConfigError, type ConfigOverride, type CoverageMode, type FieldDefaults, type FieldMappings, type FileKind, type ProgramFormat, type RuleConfigEntry, type SamplingConfig } from './types.js';

export interface ConfigFile {
  /** As shown in messages: relative to the repo root, or absolute when outside it. */
  file: string;
  absolute: string;
  /** The `extends` values in order, each with its place (for "does not exist" and cycle errors). */
  extends: { value: string; range: SourceRange }[];
  asOf?: IsoDate;
  holidays: IsoDate[];
  paths: Partial<Record<FileKind, string[]>>;
  ignore: string[];
  rules: Map<string, RuleConfigEntry>;
  overrides: ConfigOverride[];
  format?: ProgramFormat;
  fields: FieldMappings;
  defaults: FieldDefaults;
  coverage?: CoverageMode;
  sampling?: SamplingConfig;
}

type RawRules = Record<string, RuleSetting | [RuleSetting, Record<string, unknown>?]>;

interface RawConfig {
  extends?: string | string[];
  as_of?: string;
  holidays?: string[];
  paths?: Partial<Record<FileKind, string | string[]>>;
  ignore?: string | string[];
  rules?: RawRules;
  overrides?: { files: string | string[]; excludedFiles?: string | string[]; rules: RawRules }[];
  format?: ProgramFormat;
  fields?: Partial<Record<FileKind, Record<string, string | string[]>>>;
  defaults?: Partial<Record<FileKind, Record<string, unknown>>>;
  coverage?: CoverageMode;
  sampling?: SamplingConfig;
}

/** Read and check one config file. Throws ConfigError naming the file, line and key of each problem, first one first. */
/** Config mistakes listed per file. */
const MAX_CONFIG_PROBLEMS = 20;

export function readConfigFile(absolute: string, file: string): ConfigFile {
  const read = readTextFile(absolute, file);
  if (!read.ok) throw new ConfigError(read.message, read.range);
  const parsed = parseYaml(read.text, file);
  if (!parsed.ok) {
    const first = parsed.problems[0]!;
    throw new ConfigError(first.message, first.range);
  }
  const value = parsed.yaml.value ?? {};
  const source = yamlSource(parsed.yaml, parsed.yaml.root);
  const { problems } = validateRecord('config', value, source, 'config', ruleEntryWords);
  if (problems.length > 0) {
    // Every mistake at once, up to a screenful: a generated config can hold thousands of the same one.
    const shown = problems.slice(0, MAX_CONFIG_PROBLEMS);
    const lines = shown.map((p, i) => (i === 0 ? p.message : `${p.range.file}:${p.range.line}:${p.range.column}: ${p.message}`));
    if (problems.length > shown.length) lines.push(`${problems.length - shown.length} more mistakes in ${file}, not listed; fix the ones above first.`);
    throw new ConfigError(lines.join('\n'), problems[0]!.range);
  }
  const raw = value as RawConfig;

  const paths: Partial<Record<FileKind, string[]>> = {};
  for (const [kind, globs] of Object.entries(raw.paths ?? {}) as [FileKind, string | string[]][]) paths[kind] = checkedGlobs(globs, source, ['paths', kind], `paths.${kind}`);
  if (raw.ignore !== undefined) checkedGlobs(raw.ignore, source, ['ignore'], 'ignore');
  return {
    file,
    absolute,
    extends: toList(raw.extends ?? []).map((item, i) => ({ value: item, range: source.at(typeof raw.extends === 'string' ? ['extends'] : ['extends', i]) })),
    ...(raw.as_of ? { asOf: raw.as_of } : {}),
    holidays: raw.holidays ?? [],
    paths,
    ignore: toList(raw.ignore ?? []),
    rules: ruleEntries(raw.rules ?? {}, source, ['rules']),
    overrides: (raw.overrides ?? []).map((override, i) => readOverride(override, source, i)),
    ...(raw.format ? { format: raw.format } : {}),
    fields: fieldMappings(raw.fields ?? {}, source),
    defaults: raw.defaults ?? {},
    ...(raw.coverage ? { coverage: raw.coverage } : {}),
    ...(raw.sampling ? { sampling: checkedSampling(raw.sampling, source) } : {}),
  };
}

/**
 * `sampling.event` beyond its schema: bands smallest first (each `max` larger than the one before), and only the last
 * without `max`, so every population size falls in exactly one band.
 */
function checkedSampling(sampling: SamplingConfig, source: YamlSource): SamplingConfig {
  const bands = sampling.event ?? [];
  bands.forEach((band, i) => {
    const last = i === bands.length - 1;
    if (band.max === undefined && !last) {
      throw new ConfigError(`"sampling.event[${i}]" has no max, but only the last band may leave it out (it holds every larger population); give it the largest population it holds.`, source.at(['sampling', 'event', i]));
    }
    if (band.max !== undefined && last) {
      throw new ConfigError(`"sampling.event[${i}]" is the last band, so it must hold every larger population: remove its max, or add a band without one after it.`, source.at(['sampling', 'event', i, 'max']));
    }
    const before = bands[i - 1]?.max;
    if (band.max !== undefined && before !== undefined && band.max <= before) {
      throw new ConfigError(`"sampling.event[${i}].max" is ${band.max}, not larger than the band before it (${before}); list the bands smallest first.`, source.at(['sampling', 'event', i, 'max']));
    }
  });
  return sampling;
}

/**
 * `fields:` checked against the fields each kind really has (a mapping to a field soc2lint never reads would silently
 * do nothing), and each written key split at its dots into a path.
 */
function fieldMappings(raw: NonNullable<RawConfig['fields']>, source: YamlSource): FieldMappings {
  const result: Record<string, Record<string, string[][]>> = {};
  for (const [kind, fields] of Object.entries(raw)) {
    const { allowed } = propertiesOf(KIND_SCHEMAS[kind as keyof typeof KIND_SCHEMAS]);
    result[kind] = {};
    for (const [field, written] of Object.entries(fields)) {
      if (!allowed.includes(field)) {
        throw new ConfigError(`"fields.${kind}" maps "${field}", which is not a field of ${kind}.${didYouMean(field, allowed)} The fields are: ${allowed.join(', ')}.`, source.at(['fields', kind, field], 'key'));
      }
      result[kind]![field] = toList(written).map((key) => key.split('.'));
    }
  }
  return result;
}

/** Population files have no fields to map: their columns are read by name (docs/populations.md). */
const KIND_SCHEMAS: Record<Exclude<FileKind, 'populations'>, SchemaName> = {
  policies: 'policy',
  controls: 'control',
  scope: 'scope',
  vendors: 'vendor',
  people: 'person',
  training: 'training',
  acknowledgments: 'acknowledgment',
  waivers: 'waiver',
};

/**
 * Mistakes in a rule entry (under `rules` or an override's `rules`), in the config's words and where people look:
 * an unknown rule at its name, with the nearest rule ID; a bad option at the rule's entry, naming the option.
 */
const ruleEntryWords: Reword = (mistake) => {
  const at = ruleEntryAt(mistake);
  if (!at) return undefined;
  const { rules, ruleId, rest } = at;
  const where = fieldName(rules);
  if (rest.length === 0 && mistake.part === 'key') {
    return { message: `Unknown rule "${ruleId}" in "${where}".${didYouMean(ruleId, mistake.allowed ?? [])} Run \`soc2lint rules\` for the rule list.` };
  }
  const entry = [...rules, ruleId];
  if (rest[0] === 1) {
    const option = rest.slice(1);
    const detail =
      mistake.keyword === 'additionalProperties'
        ? `unknown option "${fieldName(option)}"; allowed: ${(mistake.allowed ?? []).join(', ')}.`
        : `${option.length ? `option "${fieldName(option)}"` : 'options'} ${mistake.problem}`;
    return { message: `Invalid options for rule "${ruleId}": ${detail}`, path: entry, part: 'value' };
  }
  // Two items fit no shape only when the rule has no `[severity, {options}]` shape: it takes no options.
  if (rest.length === 0 && mistake.keyword === 'oneOf') {
    const message = Array.isArray(mistake.value) && mistake.value.length === 2
      ? `Rule "${ruleId}" takes no options; write just the severity.`
      : `"${where}.${ruleId}" must be off, warn or error, or a list [severity] or [severity, {options}].`;
    return { message };
  }
  return undefined;
};

/** The rule entry a mistake is in: `rules` or `overrides[n].rules`, the rule ID, and the path inside the entry. */
function ruleEntryAt({ path }: Explained): { rules: PathSegment[]; ruleId: string; rest: PathSegment[] } | undefined {
  const depth = path[0] === 'rules' ? 1 : path[0] === 'overrides' && path[2] === 'rules' ? 3 : 0;
  const ruleId = path[depth];
  return depth > 0 && typeof ruleId === 'string' ? { rules: path.slice(0, depth), ruleId, rest: path.slice(depth + 1) } : undefined;
}

function readOverride(raw: NonNullable<RawConfig['overrides']>[number], source: YamlSource, index: number): ConfigOverride {
  const label = `overrides[${index}]`;
  const rules = ruleEntries(raw.rules, source, ['overrides', index, 'rules']);
  for (const [ruleId, entry] of rules) {
    if (entry.options) {
      throw new ConfigError(
        `Options cannot be set in an override ("${label}.rules.${ruleId}"): each rule runs once over the whole program, so its options are the same for every file. ` +
          `Set the options under the top-level "rules" (with off there, if the rule should run only where this override turns it on), and only the severity here.`,
        source.at(['overrides', index, 'rules', ruleId, 1]),
      );
    }
  }
  return {
    label,
    file: source.file,
    files: globsOf(raw.files, source, ['overrides', index, 'files'], `${label}.files`),
    excludedFiles: globsOf(raw.excludedFiles ?? [], source, ['overrides', index, 'excludedFiles'], `${label}.excludedFiles`),
    rules,
  };
}

function ruleEntries(raw: RawRules, source: YamlSource, at: PathSegment[]): Map<string, RuleConfigEntry> {
  const entries = new Map<string, RuleConfigEntry>();
  for (const [id, entry] of Object.entries(raw)) {
    // `[warn]` is the same as `warn`: a severity without options.
    const [setting, options] = Array.isArray(entry) ? entry : [entry, undefined];
    entries.set(id, {
      setting,
      ...(options ? { options } : {}),
      range: source.at([...at, id]),
    });
  }
  return entries;
}

/**
 * Override globs match root-relative finding paths, so a glob that starts at `/` or leaves the root can never
 * match anything: that is a mistake worth stopping for, not a silently dead override.
 */
function globsOf(value: string | string[], source: YamlSource, at: PathSegment[], label: string): string[] {
  const globs = toList(value);
  globs.forEach((glob, i) => {
    const fix = glob.startsWith('/') ? ` Write "${glob.replace(/^\/+/, '')}".` : glob.startsWith('../') || glob === '..' ? ' Findings outside the repo do not exist.' : undefined;
    if (fix !== undefined) {
      throw new ConfigError(`"${label}" globs are relative to the repo root and match paths inside it; "${glob}" never matches.${fix}`, source.at(typeof value === 'string' ? at : [...at, i]));
    }
    const problem = globProblem(glob);
    if (problem !== undefined) throw new ConfigError(`${label}: ${problem}`, source.at(typeof value === 'string' ? at : [...at, i]));
  });
  return globs.map((glob) => glob.replace(/^\.\//, ''));
}

/** `paths` and `ignore` globs, each inside the repo and small once expanded (see ./globs.ts), or a config error at it. */
function checkedGlobs(value: string | string[], source: YamlSource, at: PathSegment[], label: string): string[] {
  const globs = toList(value);
  globs.forEach((glob, i) => {
    const problem = globProblem(glob);
    if (problem !== undefined) throw new ConfigError(`${label}: ${problem}`, source.at(typeof value === 'string' ? at : [...at, i]));
  });
  return globs;
}

export function toList(globs: string | string[]): string[] {
  return typeof globs === 'string' ? [globs] : globs;
}
