// The library entry point: config → files → model → rules → findings. Never exits the process.
import { findRoot, loadConfig, type Config } from '../config/config.js';
import { todayUtc, type IsoDate } from '../core/dates.js';
import type { Finding } from '../engine/finding.js';
import { modelPartsFor, type AnyRule } from '../engine/rule.js';
import { runRules, type EnabledRule } from '../engine/run.js';
import { applyFileSettings, resolveSettings, type RuleOverride } from '../engine/settings.js';
import type { Overlay } from '../files/read.js';
import { loadRepo, type FileCache } from '../model/load.js';
import type { RepoModel } from '../model/types.js';
import { RULES } from '../../rules/index.js';
import { resolveAsOf } from './as-of.js';

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
  /**
   * The date when neither `now` nor as_of is set: decided once by the caller (the CLI decides it in main) and passed
   * down; today in UTC when not given.
   */
  today?: IsoDate;
  /**
   * Files whose content is given instead of read from disk, by root-relative path (`/` separators): an editor's
   * unsaved buffer, sent with --stdin. A given file need not exist on disk; nothing is written.
   */
  overlay?: Overlay;
  /** Keeps what each unchanged file gave between runs (src/cache); the findings are the same without it. */
  cache?: FileCache;
  /**
   * The files (root-relative, `/` separators) whose findings the caller will report, when it knows them (file targets;
   * a hook's staged files, still being listed while the program is read): per-file rules then run on those files'
   * records only, so the findings of other files are incomplete. Undefined: every file's.
   */
  reported?: PromiseLike<ReadonlySet<string> | undefined>;
}

export interface LintResult {
  root: string;
  asOf: IsoDate;
  config: Config;
  model: RepoModel;
  /** Every finding, including those suppressed by waivers (marked `suppressedBy`). */
  findings: Finding[];
  /** Things the user should know that are not findings: rules skipped, and why. */
  notices: string[];
}

/** Lint the program rooted at `options.root`. Throws ConfigError for a bad config or option. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const config = loadConfig(options.root, options.configFile);
  const asOf = resolveAsOf(options.now, config, options.today ?? todayUtc());
  const settings = resolveSettings(options.rules ?? RULES, config, options.ruleOverrides);
  const model = await loadRepo(config, modelPartsFor(settings.enabled.map((e) => e.rule)), options.overlay, options.cache);
  const { runnable, notices } = withoutUnavailableGit(settings.enabled, model);
  // Overrides set severities per file, so they act on the findings: waivers have already counted their matches.
  const reported = await options.reported;
  const findings = applyFileSettings(runRules(model, runnable, asOf, new Set((options.rules ?? RULES).map((rule) => rule.meta.id)), reported), settings);
  return { root: options.root, asOf, config, model, findings, notices };
}

/** Rules that need git facts git cannot give (no repo, a shallow clone) are skipped, and said so once per reason. */
function withoutUnavailableGit(enabled: readonly EnabledRule[], model: RepoModel): { runnable: EnabledRule[]; notices: string[] } {
  const skipped = new Map<string, string[]>();
  const runnable = enabled.filter(({ rule }) => {
    const reason = !rule.meta.reads.some((part) => part === 'git-index' || part === 'git-history' || part === 'git-added')
      ? undefined
      : model.git?.available === false
        ? model.git.reason
        : (rule.meta.reads.includes('git-history') || rule.meta.reads.includes('git-added')) && model.git?.available
          ? model.git.historyUnavailable
          : undefined;
    if (reason) skipped.set(reason, [...(skipped.get(reason) ?? []), rule.meta.id]);
    return !reason;
  });
  const notices = [...skipped].map(([reason, ids]) => `skipped ${ids.join(', ')}: ${reason}.`);
  return { runnable, notices };
}

export { findRoot };
