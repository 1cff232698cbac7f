// `soc2lint [DIR | FILE...]`: lint, write each report, and say how it went in the exit code.
import { appendFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { findRoot, loadConfig } from '../../config/config.js';
import { activeFindings } from '../../engine/finding.js';
import { describeRuleSettings } from '../../engine/settings.js';
import { FORMATS_WITH_RULE_DOCS, FORMATTERS } from '../../formatters/index.js';
import { checkoutPrefix } from '../../git/prefix.js';
import { stagedFiles } from '../../git/staged.js';
import { formatInput } from '../../report/format-input.js';
import { lint } from '../../report/lint.js';
import { describeRules } from '../../report/rule-docs.js';
import { RULES } from '../../../rules/index.js';
import { UsageError, type LintOptions } from '../args.js';
import type { CliIo } from '../io.js';
import { version } from '../version.js';

export async function runLint(options: LintOptions, io: CliIo): Promise<number> {
  const plan = options.staged
    ? await planStaged(io.cwd)
    : options.printConfig !== undefined && options.targets.length === 0
      ? { root: findRoot(resolve(io.cwd, options.printConfig)) ?? io.cwd } // the program the file belongs to
      : planTargets(options.targets, io.cwd);
  const configFile = options.config !== undefined ? resolve(io.cwd, options.config) : undefined;
  if (options.printConfig !== undefined) {
    const config = loadConfig(plan.root, configFile);
    const file = relative(plan.root, resolve(io.cwd, options.printConfig)).split('\\').join('/');
    io.stdout.write(`${JSON.stringify(describeRuleSettings(RULES, config, options.rules, file), null, 2)}\n`);
    return 0;
  }
  const result = await lint({
    root: plan.root,
    ...(configFile !== undefined ? { configFile } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    ruleOverrides: options.rules,
  });
  for (const notice of result.notices) io.stderr.write(`soc2lint: ${notice}\n`);
  let findings = result.findings;
  if (plan.files) findings = findings.filter((finding) => plan.files!.has(finding.file));
  if (options.quiet) findings = findings.filter((finding) => finding.severity === 'error');

  // SARIF paths are relative to the repository; take the program's place in it from the git facts when loaded.
  const uriPrefix = !options.reports.some((r) => r.format === 'sarif')
    ? ''
    : result.model.git?.available
      ? result.model.git.prefix
      : await checkoutPrefix(plan.root);
  const input = formatInput({
    findings,
    // The rule pages are read here, and only for the formats that show them; formatters never read a file.
    rules: describeRules(
      RULES.map((rule) => rule.meta),
      { docs: options.reports.some((report) => FORMATS_WITH_RULE_DOCS.has(report.format)) },
    ),
    version: version(),
    asOf: result.asOf,
    root: plan.root,
    cwd: io.cwd,
    uriPrefix,
  });
  const color = options.color ?? (io.stdout.isTTY === true && !io.env.NO_COLOR);
  for (const report of options.reports) {
    const format = await FORMATTERS[report.format]!();
    if (report.output !== undefined) {
      const target = resolve(io.cwd, report.output);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, format(input));
    } else {
      const text = format({ ...input, color });
      if (text) io.stdout.write(text);
    }
  }

  // In GitHub Actions, the github format also adds a summary of the run to the job's page; every step appends to it.
  if (io.env.GITHUB_STEP_SUMMARY && options.reports.some((report) => report.format === 'github')) {
    const { githubStepSummary } = await import('../../formatters/github.js');
    appendFileSync(io.env.GITHUB_STEP_SUMMARY, githubStepSummary(input));
  }

  const counted = activeFindings(findings);
  const errors = counted.filter((finding) => finding.severity === 'error').length;
  const warnings = counted.length - errors;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`soc2lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

interface TargetPlan {
  root: string;
  /** Root-relative files to report on; undefined means the whole repo. */
  files?: Set<string>;
}

/**
 * Which repo to load and what to report: a folder means everything, files mean findings in those files only. Files
 * that belong to no program (a README at the top of a git repo whose program is in compliance/) cannot have findings
 * and are left out, so a hook that passes every staged file still works.
 */
function planTargets(targets: readonly string[], cwd: string): TargetPlan {
  const paths = (targets.length > 0 ? targets : ['.']).map((target) => resolve(cwd, target));
  for (const path of paths) {
    if (!existsSync(path)) throw new UsageError(`No such file or folder: ${relative(cwd, path) || path}`);
  }
  const folders = paths.filter((path) => statSync(path).isDirectory());
  const files = paths.filter((path) => !folders.includes(path));
  if (folders.length > 0 && files.length > 0) throw new UsageError('Give either one folder or a list of files, not both.');
  if (folders.length > 1) throw new UsageError('Give one folder at a time; soc2lint lints one compliance repo per run.');
  if (folders.length === 1) return { root: findRoot(folders[0]!) ?? folders[0]! };
  return planFiles(files, cwd);
}

/** Group files by the program they belong to; without any program around them, the working folder is the program. */
function planFiles(files: readonly string[], cwd: string): TargetPlan {
  const byRoot = new Map<string, string[]>();
  for (const file of files) {
    const root = findRoot(file);
    if (root) byRoot.set(root, [...(byRoot.get(root) ?? []), file]);
  }
  if (byRoot.size > 1) {
    throw new UsageError(`These files belong to different compliance repos (${[...byRoot.keys()].map((r) => relative(cwd, r) || '.').join(', ')}); run soc2lint once per repo.`);
  }
  const [root, inProgram] = [...byRoot][0] ?? [cwd, files];
  return { root, files: new Set(inProgram.map((file) => relative(root, file).split('\\').join('/'))) };
}

/** What is staged in git, reported against the program it belongs to (found from the staged files when run above it). */
async function planStaged(cwd: string): Promise<TargetPlan> {
  const staged = (await stagedFiles(cwd)).map((file) => resolve(cwd, file));
  const root = findRoot(cwd);
  if (root) return { root, files: new Set(staged.map((file) => relative(root, file).split('\\').join('/'))) };
  const plan = planFiles(staged.filter((file) => findRoot(file) !== undefined), cwd);
  return plan.files?.size ? plan : { root: cwd, files: new Set() };
}
