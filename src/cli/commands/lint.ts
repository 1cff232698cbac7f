// `soc2lint [DIR | FILE...]`: lint, write each report, and say how it went in the exit code.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { findRoot, loadConfig } from '../../config/config.js';
import type { IsoDate } from '../../core/dates.js';
import { packageRoot } from '../../core/package-root.js';
import { settle, unwrap } from '../../core/settle.js';
import { stagedFiles } from '../../git/staged.js';
import { describeRuleSettings } from '../../engine/settings.js';
import { FORMATS_WITH_RULE_DOCS, FORMATTERS } from '../../formatters/index.js';
import { countFindings, formatInput, summarizeProgram } from '../../report/format-input.js';
import { lint } from '../../report/lint.js';
import { holdsNoProgram, nothingFoundMessage } from '../../report/nothing-found.js';
import { describeRules } from '../../report/rule-docs.js';
import { checkoutPrefixOf, planLint, stagedPlan, type TargetPlan } from '../../report/targets.js';
import { RULES } from '../../../rules/index.js';
import { UsageError, type LintOptions } from '../args.js';
import { useColor } from '../color.js';
import { appendStepSummary, writeOutput, type CliIo } from '../io.js';
import { version } from '../version.js';

export async function runLint(options: LintOptions, io: CliIo, today: IsoDate): Promise<number> {
  // --staged from inside a program: git lists the staged files while the program is linted (the list only narrows
  // the report). From above a program, the staged files say which program it is, so they come first.
  const stagedRoot = options.staged && options.printConfig === undefined ? findRoot(io.cwd) : undefined;
  const staged = stagedRoot !== undefined ? settle(stagedFiles(io.cwd)) : undefined;
  let plan: TargetPlan = stagedRoot !== undefined ? { root: stagedRoot } : await planLint(options, io.cwd);
  const configFile = options.config !== undefined ? resolve(io.cwd, options.config) : undefined;
  if (options.printConfig !== undefined) {
    const config = loadConfig(plan.root, configFile);
    const file = relative(plan.root, resolve(io.cwd, options.printConfig)).split('\\').join('/');
    io.stdout.write(`${JSON.stringify(describeRuleSettings(RULES, config, options.rules, file), null, 2)}\n`);
    return 0;
  }
  // The cache's code is loaded only for --cache.
  const cache = options.cache ? new (await import('../../cache/file-cache.js')).LintCache({ file: cacheFile(resolve(io.cwd, options.cache.location), options.cache.location, plan.root), strategy: options.cache.strategy, version: codeVersion() }) : undefined;
  let result: Awaited<ReturnType<typeof lint>>;
  try {
    result = await lint({
      root: plan.root,
      ...(configFile !== undefined ? { configFile } : {}),
      ...(options.now !== undefined ? { now: options.now } : {}),
      today,
      ruleOverrides: options.rules,
      ...(options.stdinFilename !== undefined ? { overlay: new Map([[[...plan.files!][0]!, await readStdin(io)]]) } : {}),
      ...(cache ? { cache } : {}),
      reported: staged ? staged.then((listed) => (listed.ok ? reportedFiles(listed.value, io.cwd) : undefined)) : Promise.resolve(plan.files),
    });
  } catch (error) {
    // git's failure is said first, as when the staged files were listed before the lint.
    if (staged) await unwrap(staged);
    throw error;
  }
  // Before the cache is written: a run that cannot list the staged files writes nothing.
  if (staged) plan = stagedPlan(await unwrap(staged), io.cwd);
  if (cache) {
    cache.save();
    for (const notice of cache.notices) io.stderr.write(`soc2lint: ${notice}\n`);
  }
  // A folder linted whole that holds no program is a wrong target, not a program with every criterion unmapped.
  if (!plan.files && holdsNoProgram(result.model)) {
    io.stderr.write(`soc2lint: ${nothingFoundMessage(result.config, io.cwd)}\n`);
    return 2;
  }
  for (const notice of result.notices) io.stderr.write(`soc2lint: ${notice}\n`);
  const findings = plan.files ? result.findings.filter((finding) => plan.files!.has(finding.file)) : result.findings;
  // --quiet prints errors only; the warnings it hides still count toward --max-warnings, as in ESLint.
  const shown = options.quiet ? findings.filter((finding) => finding.severity === 'error') : findings;

  const input = formatInput({
    findings: shown,
    // The rule pages are read here, and only for the formats that show them; formatters never read a file.
    rules: describeRules(
      RULES.map((rule) => rule.meta),
      { docs: options.reports.some((report) => FORMATS_WITH_RULE_DOCS.has(report.format)) },
    ),
    version: version(),
    asOf: result.asOf,
    root: plan.root,
    cwd: io.cwd,
    // SARIF paths are relative to the repository: the program's place in its checkout.
    uriPrefix: options.reports.some((report) => report.format === 'sarif') ? await checkoutPrefixOf(plan.root, result.model) : '',
    ...(plan.files ? {} : { program: summarizeProgram(result.model) }),
  });
  const color = useColor(options.color, io.env, io.stdout.isTTY);
  for (const report of options.reports) {
    const format = await FORMATTERS[report.format]!();
    if (report.output !== undefined) {
      writeOutput(io.cwd, report.output, format(input));
    } else {
      const text = format({ ...input, color });
      if (text) io.stdout.write(text);
    }
  }

  // In GitHub Actions, the github format also adds a summary of the run to the job's page; every step appends to it.
  if (io.env.GITHUB_STEP_SUMMARY && options.reports.some((report) => report.format === 'github')) {
    const { githubStepSummary } = await import('../../formatters/github.js');
    appendStepSummary(io.env.GITHUB_STEP_SUMMARY, githubStepSummary(input));
  }

  const { errors, warnings } = countFindings(findings);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`soc2lint: ${warnings} warning${warnings === 1 ? '' : 's'}${options.quiet ? ' (not shown: --quiet)' : ''}, more than --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

/**
 * soc2lint's version and, when it runs from its bundle, the bundle's build (its chunks are named by the hash of their
 * content): results kept by other code are not trusted, even between two builds of one version.
 */
function codeVersion(): string {
  try {
    const chunks = readdirSync(join(packageRoot, 'dist', 'bundle', 'chunks')).sort();
    return `${version()} (build ${createHash('sha256').update(chunks.join('\n')).digest('hex').slice(0, 12)})`;
  } catch {
    return version();
  }
}

/**
 * The cache file: the location itself, or, for a folder (written with a trailing slash, or one that exists), a file in
 * it named for the program, so that programs sharing a folder keep their own caches.
 */
function cacheFile(location: string, written: string, root: string): string {
  let folder = /[\\/]$/.test(written);
  try {
    folder ||= statSync(location).isDirectory();
  } catch {
    // not there yet: a file, unless written as a folder
  }
  return folder ? join(location, `lint-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.cache`) : location;
}




async function readStdin(io: CliIo): Promise<Uint8Array> {
  if (!io.readStdin) throw new UsageError('--stdin: standard input cannot be read here.');
  return io.readStdin();
}

/** The files a --staged run reports, as far as the lint's rules need them; undefined (every file's) if they cannot be told. */
function reportedFiles(staged: readonly string[], cwd: string): ReadonlySet<string> | undefined {
  try {
    return stagedPlan(staged, cwd).files;
  } catch {
    return undefined; // said when the plan is made again after the lint
  }
}
