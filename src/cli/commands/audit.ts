// `soc2lint audit [DIR]`: the auditor's request list (src/report/audit.ts), as markdown, CSV or JSON.
import type { IsoDate } from '../../core/dates.js';
import { AUDIT_FORMATS, formatAudit, type AuditFormat } from '../../formatters/audit.js';
import { hasExceptions, requestList } from '../../report/audit.js';
import { MAX_SEED } from '../../report/sample.js';
import { planFolder } from '../../report/targets.js';
import { UsageError, parseOptions } from '../args.js';
import type { CliIo } from '../io.js';
import { lintProgram } from './linted.js';

export const AUDIT_HELP = `Usage: soc2lint audit [DIR] [options]

The auditor's request list for the program at DIR (default: the current folder;
the root is the nearest folder upward holding soc2lint.config.yaml or scope.yaml):
a summary, then for each active control its criteria, frequency, population in
the audit period, sample size, a reproducible sample, the evidence found for each
sampled item and the exceptions an auditor would predictably raise.

  -f, --format NAME         markdown (default), csv or json
      --seed N              pick the sample with seed N (0 to ${MAX_SEED}); default:
                            the period's first day as a number (2026-01-01: 20260101)
      --fail-on-exceptions  exit 1 when any exception is predicted
      --now DATE            evaluate as of DATE (YYYY-MM-DD) instead of as_of or today (UTC)
  -c, --config FILE         use FILE instead of the root's soc2lint.config.yaml
  -h, --help                show this help

Exit codes: 0 the list was written (1 with --fail-on-exceptions when an exception
is predicted), 2 bad usage or a bad config. Sample sizes: docs/audit.md.
`;

interface AuditArgs {
  dir?: string;
  format: AuditFormat;
  seed?: number;
  failOnExceptions: boolean;
  now?: string;
  config?: string;
}

export async function runAudit(args: readonly string[], io: CliIo, today: IsoDate): Promise<number> {
  const options = parseAuditArgs(args);
  if (options === 'help') {
    io.stdout.write(AUDIT_HELP);
    return 0;
  }
  const root = planFolder(options.dir ?? '.', io.cwd, 'audit');
  const result = await lintProgram(root, options, io, today, 'list');
  if (!result) return 2;
  const list = requestList(result, options.seed !== undefined ? { seed: options.seed } : {});
  io.stdout.write(formatAudit(list, options.format));
  return options.failOnExceptions && list.controls.some(hasExceptions) ? 1 : 0;
}

function parseAuditArgs(args: readonly string[]): AuditArgs | 'help' {
  const { positionals, values } = parseOptions(
    {
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        seed: { type: 'string' },
        'fail-on-exceptions': { type: 'boolean' },
        now: { type: 'string' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    'audit',
  );
  if (values.help) return 'help';
  if (positionals.length > 1) throw new UsageError('audit takes one folder, e.g. soc2lint audit compliance.');
  const format = values.format ?? 'markdown';
  if (!(AUDIT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`audit --format is markdown, csv or json; got "${format}".`);
  let seed: number | undefined;
  if (values.seed !== undefined) {
    seed = /^\d{1,10}$/.test(values.seed) ? Number(values.seed) : NaN;
    if (!(seed <= MAX_SEED)) throw new UsageError(`audit --seed takes a whole number from 0 to ${MAX_SEED}; got "${values.seed}".`);
  }
  return {
    ...(positionals[0] !== undefined ? { dir: positionals[0] } : {}),
    format: format as AuditFormat,
    ...(seed !== undefined ? { seed } : {}),
    failOnExceptions: values['fail-on-exceptions'] ?? false,
    ...(values.now !== undefined ? { now: values.now } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}
