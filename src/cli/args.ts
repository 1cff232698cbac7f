// Command-line arguments: parsed with node:util parseArgs, checked, and turned into a plan. No I/O here.
import { parseArgs } from 'node:util';
import type { RuleSetting } from '../engine/finding.js';
import type { RuleOverride } from '../engine/settings.js';
import { FORMATTERS } from '../formatters/index.js';

export interface CliOptions {
  targets: string[];
  format: string;
  output?: string;
  now?: string;
  config?: string;
  maxWarnings?: number;
  quiet: boolean;
  rules: RuleOverride[];
  help: boolean;
  version: boolean;
  color?: boolean;
}

export class UsageError extends Error {}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        now: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        rule: { type: 'string', multiple: true },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  const format = values.format ?? 'stylish';
  if (!(format in FORMATTERS)) throw new UsageError(`Unknown format "${format}". Formats: ${Object.keys(FORMATTERS).join(', ')}.`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings takes a whole number; got "${values['max-warnings']}".`);
  }
  return {
    targets: positionals,
    format,
    ...(values.output !== undefined ? { output: values.output } : {}),
    ...(values.now !== undefined ? { now: values.now } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(maxWarnings !== undefined && maxWarnings >= 0 ? { maxWarnings } : {}),
    quiet: values.quiet ?? false,
    rules: (values.rule ?? []).map(parseRuleFlag),
    help: values.help ?? false,
    version: values.version ?? false,
    ...(values['no-color'] ? { color: false } : values.color ? { color: true } : {}),
  };
}

/** `--rule stale-review:warn` (also `=`). */
function parseRuleFlag(flag: string): RuleOverride {
  const match = /^([a-z0-9-]+)[:=](off|warn|error)$/.exec(flag.trim());
  if (!match) throw new UsageError(`--rule takes rule-id:severity (off, warn or error), e.g. --rule stale-review:warn; got "${flag}".`);
  return { ruleId: match[1]!, setting: match[2] as RuleSetting };
}

export const HELP = `Usage: soc2lint [options] [DIR | FILE...]

Lint a SOC 2 program kept as code: policies, controls, evidence, scope and records.

  DIR        the compliance repo (default: the current folder); the root is the
             nearest folder upward holding soc2lint.config.yaml or scope.yaml
  FILE...    load the whole repo, report only findings in these files
             (how pre-commit calls it)

Options:
  -f, --format NAME      stylish (default) or json
  -o, --output FILE      write the report to FILE instead of standard output
      --now DATE         evaluate as of DATE (YYYY-MM-DD) instead of as_of or today (UTC)
  -c, --config FILE      use FILE instead of the root's soc2lint.config.yaml
      --rule ID:LEVEL    set a rule to off, warn or error (repeatable)
      --max-warnings N   exit 1 when there are more than N warnings
  -q, --quiet            report errors only
      --color, --no-color  force colour on or off (default: on for a terminal, off with NO_COLOR)
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors found,
2 bad usage, bad config or internal failure.
Rules and file formats: https://github.com/soc2lint/soc2lint#readme
`;
