// `soc2lint criteria [DIR]`: the coverage table (src/report/coverage.ts), printed as text or JSON.
import { resolve } from 'node:path';
import type { IsoDate } from '../../core/dates.js';
import { CRITERIA_FORMATS, formatCriteria, type CriteriaFormat } from '../../formatters/criteria.js';
import { criteriaCoverage } from '../../report/criteria.js';
import { planFolder, shownPath } from '../../report/targets.js';
import { UsageError, parseOptions } from '../args.js';
import type { CliIo } from '../io.js';

export const CRITERIA_HELP = `Usage: soc2lint criteria [DIR] [options]

The coverage table of the program at DIR (default: the current folder; the root
is the nearest folder upward holding soc2lint.config.yaml or scope.yaml): each
in-scope criterion, the active controls that map it and whether their evidence
is current, and the criteria declared not applicable. It is a report: it exits 0
whatever the coverage, and 2 for bad usage or a bad config.

  -f, --format NAME  text (default) or json
      --now DATE     evaluate as of DATE (YYYY-MM-DD) instead of as_of or today (UTC)
  -c, --config FILE  use FILE instead of the root's soc2lint.config.yaml
  -h, --help         show this help
`;

export async function runCriteria(args: readonly string[], io: CliIo, today: IsoDate): Promise<number> {
  const options = parseCriteriaArgs(args);
  if (options === 'help') {
    io.stdout.write(CRITERIA_HELP);
    return 0;
  }
  const root = planFolder(options.dir ?? '.', io.cwd, 'criteria');
  const { coverage, problems } = await criteriaCoverage({
    root,
    ...(options.config !== undefined ? { configFile: resolve(io.cwd, options.config) } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    today,
  });
  if (problems > 0) {
    const lintCommand = `soc2lint${root === io.cwd ? '' : ` ${shownPath(io.cwd, root)}`}`;
    io.stderr.write(`soc2lint: ${problems} problem${problems === 1 ? '' : 's'} loading the program (unreadable files or invalid records), left out of this table; run ${lintCommand} for details.\n`);
  }
  io.stdout.write(formatCriteria(coverage, options.format, shownPath(io.cwd, root)));
  return 0;
}

function parseCriteriaArgs(args: readonly string[]): { dir?: string; format: CriteriaFormat; now?: string; config?: string } | 'help' {
  const { positionals, values } = parseOptions(
    {
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { format: { type: 'string', short: 'f' }, now: { type: 'string' }, config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } },
    },
    'criteria',
  );
  if (values.help) return 'help';
  if (positionals.length > 1) throw new UsageError('criteria takes one folder, e.g. soc2lint criteria compliance.');
  const format = values.format ?? 'text';
  if (!(CRITERIA_FORMATS as readonly string[]).includes(format)) throw new UsageError(`criteria --format is text or json; got "${format}".`);
  return {
    ...(positionals[0] !== undefined ? { dir: positionals[0] } : {}),
    format: format as CriteriaFormat,
    ...(values.now !== undefined ? { now: values.now } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}
