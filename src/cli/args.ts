// Command-line arguments: parsed with node:util parseArgs, checked, and turned into a plan. No I/O here.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestAll } from '../core/suggest.js';
import type { RuleSetting } from '../engine/finding.js';
import type { RuleOverride } from '../engine/settings.js';
import { FORMATTERS } from '../formatters/index.js';

/** One report: a format, written to a file or (output undefined) to standard output. */
export interface ReportTarget {
  format: string;
  output?: string;
}

export interface LintOptions {
  command: 'lint';
  targets: string[];
  reports: ReportTarget[];
  now?: string;
  config?: string;
  maxWarnings?: number;
  quiet: boolean;
  staged: boolean;
  /** Lint the content on standard input as the file `stdinFilename` (relative to the working folder). */
  stdinFilename?: string;
  printConfig?: string;
  rules: RuleOverride[];
  color?: boolean;
  /** --cache: keep each file's results between runs, at `location` (relative to the working folder). */
  cache?: { location: string; strategy: 'metadata' | 'content' };
}

export type CliCommand =
  | LintOptions
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'init' | 'explain' | 'rules' | 'criteria' | 'audit' | 'report'; args: string[] };

export class UsageError extends Error {}

export const SUBCOMMANDS = ['init', 'explain', 'rules', 'criteria', 'audit', 'report'] as const;

/**
 * parseArgs, strict, with soc2lint's usage errors: an unknown option names the nearest known ones
 * (`Unknown option --formt. Did you mean --format?`). `command` prefixes the messages of a subcommand.
 */
export function parseOptions<T extends ParseArgsConfig>(config: T, command?: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const message = (error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, '');
    const unknown = /^Unknown option '(-[^']*)'/.exec(message)?.[1];
    throw new UsageError(`${command ? `${command}: ` : ''}${unknown !== undefined ? unknownOption(unknown, Object.keys(config.options ?? {})) : message}`);
  }
}

function unknownOption(written: string, names: readonly string[]): string {
  const name = written.replace(/^--?/, '');
  const near = written.startsWith('--') ? closestAll(name, names) : [];
  return `Unknown option ${written}.${near.length > 0 ? ` Did you mean ${near.map((option) => `--${option}`).join(' or ')}?` : ''}`;
}

/**
 * `soc2lint critera`: a first argument that is near a command's name, and names no file or folder (`exists` asks the
 * disk, which this module does not touch), is a mistyped command, not a path to lint.
 */
export function mistypedCommand(argv: readonly string[], exists: (path: string) => boolean): UsageError | undefined {
  const first = argv[0];
  if (first === undefined || first.startsWith('-') || exists(first)) return undefined;
  const near = closestAll(first, SUBCOMMANDS);
  return near.length > 0 ? new UsageError(`Unknown command ${first}. Did you mean ${near.join(' or ')}?`) : undefined;
}

/**
 * `--max-warnings -1` (ESLint's "no limit") as `--max-warnings=-1`: a value that starts with `-` would otherwise be
 * taken for an option, and refused as ambiguous.
 */
function withNegativeCounts(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (argv[i] === '--max-warnings' && next !== undefined && /^-\d+$/.test(next)) {
      args.push(`--max-warnings=${next}`);
      i++;
    } else {
      args.push(argv[i]!);
    }
  }
  return args;
}

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const [first, ...rest] = argv;
  if (first && (SUBCOMMANDS as readonly string[]).includes(first)) {
    return { command: first as (typeof SUBCOMMANDS)[number], args: rest };
  }
  const { values, positionals, tokens } = parseOptions({
    args: withNegativeCounts(argv),
    allowPositionals: true,
    strict: true,
    tokens: true,
    options: {
      format: { type: 'string', short: 'f', multiple: true },
      output: { type: 'string', short: 'o', multiple: true },
      now: { type: 'string' },
      config: { type: 'string', short: 'c' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      staged: { type: 'boolean' },
      stdin: { type: 'boolean' },
      'stdin-filename': { type: 'string' },
      'print-config': { type: 'string' },
      rule: { type: 'string', multiple: true },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      cache: { type: 'boolean' },
      'cache-location': { type: 'string' },
      'cache-strategy': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };

  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings takes a whole number; got "${values['max-warnings']}".`);
  }
  if (values.staged && positionals.length > 0) throw new UsageError('--staged lints the files staged in git; give no file arguments with it.');
  if (values.stdin) {
    if (values['stdin-filename'] === undefined) throw new UsageError('--stdin needs --stdin-filename PATH: the file in the program that the input stands for.');
    if (positionals.length > 0 || values.staged) throw new UsageError('--stdin lints standard input as one file; give no file arguments and no --staged with it.');
  } else if (values['stdin-filename'] !== undefined) {
    throw new UsageError('--stdin-filename names the file that standard input stands for; use it with --stdin.');
  }
  const cache = cacheOption(values.cache ?? false, values['cache-location'], values['cache-strategy']);
  return {
    command: 'lint',
    targets: positionals,
    reports: pairReports(tokens ?? []),
    ...(values.now !== undefined ? { now: values.now } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(maxWarnings !== undefined && maxWarnings >= 0 ? { maxWarnings } : {}),
    quiet: values.quiet ?? false,
    staged: values.staged ?? false,
    ...(values.stdin ? { stdinFilename: values['stdin-filename'] } : {}),
    ...(values['print-config'] !== undefined ? { printConfig: values['print-config'] } : {}),
    rules: (values.rule ?? []).map(parseRuleFlag),
    ...(values['no-color'] ? { color: false } : values.color ? { color: true } : {}),
    ...(cache ? { cache } : {}),
  };
}

/** The cache's default place: where tools keep their caches, out of the way of the repo's own files. */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/soc2lint/';

/** `--cache`, with its location and strategy; the other two mean nothing without it. */
function cacheOption(cache: boolean, location: string | undefined, strategy: string | undefined): LintOptions['cache'] {
  if (!cache) {
    if (location !== undefined || strategy !== undefined) throw new UsageError(`--cache-${location !== undefined ? 'location' : 'strategy'} configures the cache; add --cache to use it.`);
    return undefined;
  }
  if (strategy !== undefined && strategy !== 'metadata' && strategy !== 'content') throw new UsageError(`--cache-strategy is metadata (size, modification time, inode and change time; the default) or content (a hash of each file); got "${strategy}".`);
  if (location === '') throw new UsageError('--cache-location needs a file or folder.');
  return { location: location ?? DEFAULT_CACHE_LOCATION, strategy: strategy ?? 'metadata' };
}

/**
 * `--format` and `--output` may repeat: each `--output` writes the report of the `--format` before it (or, given
 * first, of the default format); a format with no `--output` goes to standard output, and only one may.
 */
function pairReports(tokens: ReadonlyArray<{ kind: string; name?: string; value?: string | undefined }>): ReportTarget[] {
  const reports: ReportTarget[] = [];
  let pending: ReportTarget | undefined;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'format') {
      if (pending) reports.push(pending);
      pending = { format: token.value ?? '' };
    } else if (token.name === 'output') {
      const target: ReportTarget = pending ?? { format: 'stylish' };
      if (target.output !== undefined) throw new UsageError(`--output ${token.value} has no --format before it; give one --format per --output.`);
      target.output = token.value ?? '';
      reports.push(target);
      pending = undefined;
    }
  }
  if (pending) reports.push(pending);
  if (reports.length === 0) reports.push({ format: 'stylish' });
  for (const { format } of reports) {
    if (!(format in FORMATTERS)) throw new UsageError(`Unknown format "${format}". Formats: ${Object.keys(FORMATTERS).join(', ')}.`);
  }
  if (reports.filter((r) => r.output === undefined).length > 1) {
    throw new UsageError('Only one report can go to standard output; give the others an --output FILE.');
  }
  return reports;
}

/** `--rule stale-review:warn` (also `=`). */
function parseRuleFlag(flag: string): RuleOverride {
  const match = /^([a-z0-9-]+)[:=](off|warn|error)$/.exec(flag.trim());
  if (!match) throw new UsageError(`--rule takes rule-id:severity (off, warn or error), e.g. --rule stale-review:warn; got "${flag}".`);
  return { ruleId: match[1]!, setting: match[2] as RuleSetting };
}

export const HELP = `Usage: soc2lint [options] [DIR | FILE...]
       soc2lint [options] --stdin --stdin-filename PATH
       soc2lint init [DIR] [--owner EMAIL]
       soc2lint criteria [DIR] [--format text|json] [--now DATE] [--config FILE]
       soc2lint audit [DIR] [--format markdown|csv|json] [--seed N] [--fail-on-exceptions]
       soc2lint report [DIR] [--format html|markdown] [--output FILE] [--now DATE]
       soc2lint rules [--format text|json]
       soc2lint explain RULE

Lint a SOC 2 program kept as code: policies, controls, evidence, scope and records.

  DIR        the compliance repo (default: the current folder); the root is the
             nearest folder upward holding soc2lint.config.yaml or scope.yaml
  FILE...    load the whole repo, report only findings in these files
             (how pre-commit calls it)

Commands (each takes --help):
  init [DIR]        scaffold a compliance repo that lints clean today (never overwrites)
  criteria [DIR]    the coverage table: in-scope criteria, their controls, evidence
  audit [DIR]       the auditor's request list: samples, evidence, predicted exceptions
  report [DIR]      the readiness report for the audit's owners (HTML or markdown)
  rules             list every rule with its default severity (--format json)
  explain RULE      print a rule's documentation

Options:
  -f, --format NAME      stylish (default), json, sarif, junit, github, gitlab;
                         repeatable, each with its own --output
  -o, --output FILE      write the report of the --format before it to FILE
      --staged           report only findings in files staged in git (for hooks)
      --stdin            lint standard input as the --stdin-filename file, the rest
                         of the program read from disk (for editors); reports only
                         that file's findings
      --stdin-filename PATH  the file in the program that standard input stands for
      --now DATE         evaluate as of DATE (YYYY-MM-DD) instead of as_of or today (UTC)
  -c, --config FILE      use FILE instead of the root's soc2lint.config.yaml
      --print-config FILE  print the rule settings that apply to FILE, as JSON
      --rule ID:LEVEL    set a rule to off, warn or error (repeatable)
      --max-warnings N   exit 1 when there are more than N warnings (with --quiet too)
      --cache            keep each file's results, so unchanged files are not read again
      --cache-location PATH  the cache file, or a folder for it
                         (default: node_modules/.cache/soc2lint/)
      --cache-strategy S  metadata (size, modification and change time, inode; the
                         default) or content (a hash of each file) tells a changed file
  -q, --quiet            report errors only (warnings still count for --max-warnings)
      --color, --no-color  force colour on or off; otherwise FORCE_COLOR (0 or false: off,
                         1, 2, 3, true or empty: on), then NO_COLOR (set: off), then
                         on for a terminal
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors found,
2 bad usage, bad config or internal failure.
Documentation: https://github.com/soc2lint/soc2lint/tree/main/docs
`;
