// Which rules run, how severe, with which options, and how severe per file: defaults, then presets and config files
// in merge order, then `overrides` per file, then --rule flags over everything.
import { ConfigError, type Config, type ConfigOverride } from '../config/config.js';
import { overrideMatcher, type FileMatcher } from '../config/overrides.js';
import { PRESETS } from '../config/presets.js';
import { didYouMean } from '../core/suggest.js';
import type { Finding, RuleSetting } from './finding.js';
import type { AnyRule } from './rule.js';
import type { EnabledRule } from './run.js';

/** A `--rule ID:LEVEL` flag. */
export interface RuleOverride {
  ruleId: string;
  setting: RuleSetting;
}

/** The resolved settings of every rule: what runs, with which options, and how severe in each file. */
export interface RuleSettings {
  /**
   * The rules that run: on at the top level, or on in some override (then with the severity of the first override
   * that turns it on; `severityFor` decides per finding anyway).
   */
  enabled: EnabledRule[];
  /** The setting for a rule's findings in a root-relative file; undefined for a rule that is not known. */
  settingFor(ruleId: string, file: string): RuleSetting | undefined;
  /** The options a rule runs with: its defaults, with the last options written for it in the config on top. */
  optionsFor(ruleId: string): unknown;
}

interface Resolved {
  rule: AnyRule;
  setting: RuleSetting;
  options: unknown;
  /** The overrides that name this rule, in merge order, with their file tests. */
  overrides: { override: ConfigOverride; setting: RuleSetting; matches: FileMatcher }[];
  /** A --rule flag: wins over the config and every override. */
  flag?: RuleSetting;
}

export function resolveSettings(rules: readonly AnyRule[], config: Config, flags: readonly RuleOverride[] = []): RuleSettings {
  // Rule names and options written in config files were checked when each file was read, against the config schema
  // generated from the rules (src/config/file.ts); --rule flags are checked here.
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  for (const { ruleId } of flags) {
    if (!byId.has(ruleId)) throw new ConfigError(`Unknown rule "${ruleId}" in --rule.${didYouMean(ruleId, byId.keys())}`);
  }

  // One file test per override, shared by the rules it names; the answer per file is cached (findings cluster).
  const matchers = new Map(config.overrides.map((override) => [override, cached(overrideMatcher(override))]));
  const resolved = new Map<string, Resolved>();
  for (const rule of rules) {
    const ruleId = rule.meta.id;
    let setting: RuleSetting = rule.meta.defaultSeverity;
    let written: Record<string, unknown> | undefined;
    for (const layer of config.ruleLayers) {
      if (layer.kind === 'preset') {
        // A preset sets severities only: options written by earlier layers stay.
        setting = PRESETS[layer.name]!.severityFor[rule.meta.defaultSeverity];
        continue;
      }
      const entry = layer.rules.get(ruleId);
      if (!entry) continue;
      setting = entry.setting;
      // Later options replace earlier ones wholesale (no deep merge); a bare severity keeps them.
      if (entry.options) written = entry.options;
    }
    const overrides = config.overrides
      .filter((override) => override.rules.has(ruleId))
      .map((override) => ({ override, setting: override.rules.get(ruleId)!.setting, matches: matchers.get(override)! }));
    const flag = flags.filter((f) => f.ruleId === ruleId).at(-1)?.setting;
    resolved.set(ruleId, {
      rule,
      setting,
      options: { ...(rule.meta.options?.defaults ?? {}), ...(written ?? {}) },
      overrides,
      ...(flag ? { flag } : {}),
    });
  }

  const enabled: EnabledRule[] = [];
  for (const { rule, setting, options, overrides, flag } of resolved.values()) {
    const severity = flag ?? (setting !== 'off' ? setting : overrides.find((o) => o.setting !== 'off')?.setting ?? 'off');
    if (severity !== 'off') enabled.push({ rule, severity, options });
  }

  return {
    enabled,
    settingFor(ruleId, file) {
      const entry = resolved.get(ruleId);
      if (!entry) return undefined;
      if (entry.flag) return entry.flag;
      let setting = entry.setting;
      for (const { setting: there, matches } of entry.overrides) if (matches(file)) setting = there;
      return setting;
    },
    optionsFor(ruleId) {
      return resolved.get(ruleId)?.options;
    },
  };
}

/** The rules to run, with their severity and options. Throws ConfigError for an unknown rule in a --rule flag. */
export function resolveRules(rules: readonly AnyRule[], config: Config, overrides: readonly RuleOverride[] = []): EnabledRule[] {
  return resolveSettings(rules, config, overrides).enabled;
}

/**
 * Give each finding the severity its rule has in its file, and drop the findings of rules that are off there.
 * Rules run once over the whole program (many are cross-file), so `overrides` act here, on the findings.
 */
export function applyFileSettings(findings: readonly Finding[], settings: RuleSettings): Finding[] {
  const kept: Finding[] = [];
  for (const finding of findings) {
    const set = settings.settingFor(finding.ruleId, finding.file) ?? finding.severity;
    if (set === 'off') continue;
    const setting = finding.headsUp ? 'warn' : set;
    kept.push(setting === finding.severity ? finding : { ...finding, severity: setting });
  }
  return kept;
}

/** What `--print-config FILE` shows: the severity and options of every rule, as they apply to that file. */
export function describeRuleSettings(
  rules: readonly AnyRule[],
  config: Config,
  flags: readonly RuleOverride[],
  file: string,
): { file: string; asOf?: string; extends: string[]; rules: Record<string, [RuleSetting, unknown] | [RuleSetting]> } {
  const settings = resolveSettings(rules, config, flags);
  const result: Record<string, [RuleSetting, unknown] | [RuleSetting]> = {};
  for (const rule of rules) {
    const setting = settings.settingFor(rule.meta.id, file)!;
    result[rule.meta.id] = setting !== 'off' && rule.meta.options ? [setting, settings.optionsFor(rule.meta.id)] : [setting];
  }
  return { file, ...(config.asOf ? { asOf: config.asOf } : {}), extends: [...config.extends], rules: result };
}

function cached(matches: FileMatcher): FileMatcher {
  const answers = new Map<string, boolean>();
  return (file) => {
    let answer = answers.get(file);
    if (answer === undefined) answers.set(file, (answer = matches(file)));
    return answer;
  };
}
