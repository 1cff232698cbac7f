// The library entry point: config → files → model → rules → findings. Never exits the process.
import { findRoot, loadConfig, type Config } from './config/config.js';
import { isIsoDate, todayUtc, type IsoDate } from './domain/dates.js';
import type { Finding } from './engine/finding.js';
import type { AnyRule } from './engine/rule.js';
import { runRules } from './engine/run.js';
import { resolveRules, type RuleOverride } from './engine/settings.js';
import { ConfigError } from './config/config.js';
import { loadRepo } from './model/load.js';
import type { RepoModel } from './model/types.js';
import { RULES } from '../rules/index.js';

export interface LintOptions {
  /** The repo root (absolute). Use `findRoot` to find it from a folder or file. */
  root: string;
  /** A config file other than the root's soc2lint.config.yaml. */
  configFile?: string;
  /** Overrides the config's as_of. */
  now?: IsoDate;
  /** --rule flags, applied after the config. */
  ruleOverrides?: readonly RuleOverride[];
  /** The rules to run; all built-in rules by default. */
  rules?: readonly AnyRule[];
  /** The clock, for "today" when neither --now nor as_of is set. */
  clock?: () => Date;
}

export interface LintResult {
  root: string;
  asOf: IsoDate;
  config: Config;
  model: RepoModel;
  findings: Finding[];
}

/** Lint the program rooted at `options.root`. Throws ConfigError for a bad config or option. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const config = loadConfig(options.root, options.configFile);
  if (options.now !== undefined && !isIsoDate(options.now)) {
    throw new ConfigError(`--now must be a calendar date YYYY-MM-DD; got "${options.now}".`);
  }
  const asOf = options.now ?? config.asOf ?? todayUtc(options.clock?.() ?? new Date());
  const enabled = resolveRules(options.rules ?? RULES, config, options.ruleOverrides);
  const model = await loadRepo(config);
  const findings = runRules(model, enabled, asOf);
  return { root: options.root, asOf, config, model, findings };
}

export { findRoot };
