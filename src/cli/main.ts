// The CLI: arguments in, exit code out. Never calls process.exit; bin/soc2lint.js owns the process.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { ConfigError, findRoot } from '../config/config.js';
import { activeFindings } from '../engine/finding.js';
import { lint } from '../lint.js';
import { FORMATTERS } from '../formatters/index.js';
import { packageRoot } from '../package-root.js';
import { HELP, UsageError, parseCliArgs, type CliOptions } from './args.js';

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  cwd: string;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`soc2lint: ${error.message}\nRun soc2lint --help for usage.\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${(JSON.parse(readFileSync(resolve(packageRoot, 'package.json'), 'utf8')) as { version: string }).version}\n`);
    return 0;
  }

  try {
    const plan = planTargets(options.targets, io.cwd);
    const result = await lint({
      root: plan.root,
      ...(options.config !== undefined ? { configFile: resolve(io.cwd, options.config) } : {}),
      ...(options.now !== undefined ? { now: options.now } : {}),
      ruleOverrides: options.rules,
    });
    for (const notice of result.notices) io.stderr.write(`soc2lint: ${notice}\n`);
    let findings = result.findings;
    if (plan.files) findings = findings.filter((finding) => plan.files!.has(finding.file));
    if (options.quiet) findings = findings.filter((finding) => finding.severity === 'error');

    const toFile = options.output !== undefined;
    const color = options.color ?? (!toFile && io.stdout.isTTY === true && !io.env.NO_COLOR);
    const report = FORMATTERS[options.format]!({ findings, root: plan.root, cwd: io.cwd, color });
    if (toFile) {
      const target = resolve(io.cwd, options.output!);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, report);
    } else if (report) {
      io.stdout.write(report);
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
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`soc2lint: ${error.describe()}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`soc2lint: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`soc2lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nThis is a bug in soc2lint; please report it.\n`);
    return 2;
  }
}

interface TargetPlan {
  root: string;
  /** Root-relative files to report on; undefined means the whole repo. */
  files?: Set<string>;
}

/** Which repo to load and what to report: a folder means everything, files mean findings in those files only. */
function planTargets(targets: readonly string[], cwd: string): TargetPlan {
  const paths = (targets.length > 0 ? targets : ['.']).map((target) => resolve(cwd, target));
  for (const path of paths) {
    if (!existsSync(path)) throw new UsageError(`No such file or folder: ${relative(cwd, path) || path}`);
  }
  const folders = paths.filter((path) => statSync(path).isDirectory());
  const files = paths.filter((path) => !folders.includes(path));
  if (folders.length > 0 && files.length > 0) throw new UsageError('Give either one folder or a list of files, not both.');
  if (folders.length > 1) throw new UsageError('Give one folder at a time; soc2lint lints one compliance repo per run.');

  const roots = new Set(paths.map((path) => findRoot(path) ?? (folders.length ? path : cwd)));
  if (roots.size > 1) {
    throw new UsageError(`These files belong to different compliance repos (${[...roots].map((r) => relative(cwd, r) || '.').join(', ')}); run soc2lint once per repo.`);
  }
  const root = [...roots][0]!;
  if (folders.length > 0) return { root };
  return { root, files: new Set(files.map((file) => relative(root, file).split('\\').join('/'))) };
}
