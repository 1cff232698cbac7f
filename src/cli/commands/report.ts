// `soc2lint report [DIR]`: the readiness report (src/report/readiness.ts), as one HTML page or as markdown tables.
import type { IsoDate } from '../../core/dates.js';
import { readiness } from '../../report/readiness.js';
import { planFolder, shownPath } from '../../report/targets.js';
import { UsageError, parseOptions } from '../args.js';
import { appendStepSummary, writeOutput, type CliIo } from '../io.js';
import { lintProgram } from './linted.js';
import { version } from '../version.js';

export const REPORT_FORMATS = ['html', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_HELP = `Usage: soc2lint report [DIR] [options]

The readiness report of the program at DIR (default: the current folder; the
root is the nearest folder upward holding soc2lint.config.yaml or scope.yaml),
for the people who own the audit: the overall status and the signals behind it,
the criteria heatmap, the evidence timeline of the audit period, what falls due
in the next 30, 60 and 90 days, findings by cause, a to-do list per owner, the
waiver register and the mock audit. It is a report: it exits 0 whatever the
program's state, and 2 for bad usage, a bad config or an output it cannot write.

  -f, --format NAME     html (one self-contained page) or markdown (tables, for
                        a job summary or a pull-request comment); default: html
                        when --output ends in .html or .htm, else markdown
  -o, --output FILE     write the report to FILE instead of standard output
      --step-summary    also append the markdown report to $GITHUB_STEP_SUMMARY
      --now DATE        evaluate as of DATE (YYYY-MM-DD) instead of as_of or today (UTC)
  -c, --config FILE     use FILE instead of the root's soc2lint.config.yaml
  -h, --help            show this help
`;

interface ReportArgs {
  dir?: string;
  format: ReportFormat;
  output?: string;
  stepSummary: boolean;
  now?: string;
  config?: string;
}

export async function runReport(args: readonly string[], io: CliIo, today: IsoDate): Promise<number> {
  const options = parseReportArgs(args);
  if (options === 'help') {
    io.stdout.write(REPORT_HELP);
    return 0;
  }
  const root = planFolder(options.dir ?? '.', io.cwd, 'report');
  const result = await lintProgram(root, options, io, today, 'report');
  if (!result) return 2;
  const report = readiness(result, { where: shownPath(io.cwd, root), version: version() });
  const text = options.format === 'html' ? (await import('../../formatters/report-html.js')).reportHtml(report) : (await import('../../formatters/report-markdown.js')).reportMarkdown(report);
  if (options.output !== undefined) writeOutput(io.cwd, options.output, text);
  else io.stdout.write(text);
  if (options.stepSummary) {
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (!summary) throw new UsageError('report --step-summary appends to the file $GITHUB_STEP_SUMMARY names, but it is not set (GitHub Actions sets it).');
    const markdown = options.format === 'markdown' ? text : (await import('../../formatters/report-markdown.js')).reportMarkdown(report);
    appendStepSummary(summary, markdown);
  }
  return 0;
}

function parseReportArgs(args: readonly string[]): ReportArgs | 'help' {
  const { positionals, values } = parseOptions(
    {
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'step-summary': { type: 'boolean' },
        now: { type: 'string' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    'report',
  );
  if (values.help) return 'help';
  if (positionals.length > 1) throw new UsageError('report takes one folder, e.g. soc2lint report compliance.');
  if (values.output === '') throw new UsageError('report --output takes a file name.');
  const format = values.format ?? (values.output !== undefined && /\.html?$/i.test(values.output) ? 'html' : 'markdown');
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`report --format is html or markdown; got "${format}".`);
  return {
    ...(positionals[0] !== undefined ? { dir: positionals[0] } : {}),
    format: format as ReportFormat,
    ...(values.output !== undefined ? { output: values.output } : {}),
    stepSummary: values['step-summary'] ?? false,
    ...(values.now !== undefined ? { now: values.now } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}
