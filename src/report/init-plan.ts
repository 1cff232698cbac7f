// What `soc2lint init` writes: a small SOC 2 program that lints clean on the day it starts, and the editor settings
// that check its YAML files against soc2lint's schemas as they are typed. Pure: templates, owner and day in, files
// and contents out; src/cli/commands/init.ts reads the templates and writes the files.
import { CONFIG_FILE, DEFAULT_PATHS, type FileKind } from '../config/config.js';
import { addMonths, type IsoDate } from '../core/dates.js';

export const DEFAULT_OWNER = 'security@example.com';

export interface InitOptions {
  /** The day the program starts: every date written is computed from it. */
  today: IsoDate;
  /** The e-mail address of the program owner, who owns everything init writes. */
  owner: string;
}

/** A file to write: root-relative with `/` separators, and its text. Templates have the same shape, markers unfilled. */
export interface InitFile {
  file: string;
  text: string;
}

const MARKER = /\$\{([a-z_]+)\}/g;

/**
 * The values of the templates' markers. Every date is chosen so that no rule fires on `today`: reviews, evidence,
 * training and acknowledgments are dated today (the next review is a year away, beyond review-due-soon's 30 days),
 * and the vendor's SOC 2 report period ended two months ago, so it is current for ten more months.
 */
export function templateValues({ today, owner }: InitOptions): Record<string, string> {
  return { today, owner, vendor_report_end: addMonths(today, -2) };
}

/** Fill in a template's markers; a marker with no value is a bug in the templates, caught before anything is written. */
export function renderTemplate(text: string, values: Readonly<Record<string, string>>, file: string): string {
  return text.replace(MARKER, (marker, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template ${file} uses ${marker}, which init does not fill in`);
    return value;
  });
}

/** Every file init writes, sorted by path so the output is the same on every machine. */
export function planInit(templates: readonly InitFile[], options: InitOptions): InitFile[] {
  const values = templateValues(options);
  const files = templates.map(({ file, text }) => ({ file, text: renderTemplate(text, values, file) }));
  return [...files, { file: EDITOR_SETTINGS_FILE, text: editorSettings() }].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export const EDITOR_SETTINGS_FILE = '.vscode/settings.json';

/** Where the schemas are once soc2lint is installed in the repo, relative to the folder the editor opens. */
export const INSTALLED_SCHEMAS = './node_modules/soc2lint/schemas';

/** The schema of each YAML file kind. Policies are markdown: a YAML extension does not read their front matter. */
const SCHEMA_OF: Readonly<Partial<Record<FileKind, string>>> = {
  controls: 'control.schema.json',
  scope: 'scope.schema.json',
  vendors: 'vendor.schema.json',
  people: 'people.schema.json',
  training: 'training.schema.json',
  acknowledgments: 'acknowledgment.schema.json',
  waivers: 'waivers.schema.json',
};

/**
 * `.vscode/settings.json` for Red Hat's YAML extension (yaml-language-server): `yaml.schemas` maps each schema in the
 * installed package to the default globs of its file kind, one glob per YAML extension, and the config schema to
 * soc2lint.config.yaml. Schema paths are relative to the workspace folder, which needs no network.
 */
export function editorSettings(): string {
  const schemas: Record<string, string[]> = {};
  for (const [kind, schema] of Object.entries(SCHEMA_OF) as [FileKind, string][]) {
    schemas[`${INSTALLED_SCHEMAS}/${schema}`] = DEFAULT_PATHS[kind].flatMap(expandBraces).filter((glob) => /\.ya?ml$/.test(glob));
  }
  schemas[`${INSTALLED_SCHEMAS}/config.schema.json`] = [CONFIG_FILE];
  return `${JSON.stringify({ 'yaml.schemas': schemas }, null, 2)}\n`;
}

/** `controls/**\/*.{yaml,yml}` as `controls/**\/*.yaml` and `controls/**\/*.yml`: not every editor's globs know braces. */
function expandBraces(glob: string): string[] {
  const match = /\{([^{}]*)\}/.exec(glob);
  if (!match) return [glob];
  return match[1]!.split(',').flatMap((choice) => expandBraces(glob.slice(0, match.index) + choice + glob.slice(match.index + match[0].length)));
}
