// Which rules run, how severe, with which options: defaults, then the config file, then --rule flags.
import { createRequire } from 'node:module';
import type { Ajv } from 'ajv';
import { ConfigError, type Config } from '../config/config.js';
import { didYouMean } from '../domain/suggest.js';
import type { RuleSetting } from './finding.js';
import type { AnyRule } from './rule.js';
import type { EnabledRule } from './run.js';

export interface RuleOverride {
  ruleId: string;
  setting: RuleSetting;
}

let optionsAjv: Ajv | undefined;

/** Rule options are rare in configs: load the schema compiler only when some are given. */
function ajvForOptions(): Ajv {
  if (!optionsAjv) {
    const { Ajv: AjvClass } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    optionsAjv = new AjvClass({ allErrors: true, strict: false, useDefaults: false });
  }
  return optionsAjv;
}

export function resolveRules(rules: readonly AnyRule[], config: Config, overrides: readonly RuleOverride[] = []): EnabledRule[] {
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  for (const [ruleId, entry] of config.rules) {
    if (!byId.has(ruleId)) {
      throw new ConfigError(`Unknown rule "${ruleId}" in "rules".${didYouMean(ruleId, byId.keys())} Run \`soc2lint --help\` for the rule list.`, entry.keyRange);
    }
  }
  for (const { ruleId } of overrides) {
    if (!byId.has(ruleId)) throw new ConfigError(`Unknown rule "${ruleId}" in --rule.${didYouMean(ruleId, byId.keys())}`);
  }

  const enabled: EnabledRule[] = [];
  for (const rule of rules) {
    const entry = config.rules.get(rule.meta.id);
    const override = overrides.filter((o) => o.ruleId === rule.meta.id).at(-1);
    const setting = override?.setting ?? entry?.setting ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    let options: unknown = rule.meta.options?.defaults ?? {};
    if (entry?.options) {
      if (!rule.meta.options) {
        throw new ConfigError(`Rule "${rule.meta.id}" takes no options; write just the severity.`, entry.range);
      }
      const validate = ajvForOptions().compile(rule.meta.options.schema);
      if (!validate(entry.options)) {
        const error = validate.errors?.[0];
        const where = error?.instancePath ? `option "${error.instancePath.slice(1)}"` : 'options';
        const detail =
          error?.keyword === 'additionalProperties'
            ? `unknown option "${String((error.params as { additionalProperty: string }).additionalProperty)}"; allowed: ${Object.keys(rule.meta.options.defaults as object).join(', ')}`
            : `${where} ${error?.message ?? 'are invalid'}`;
        throw new ConfigError(`Invalid options for rule "${rule.meta.id}": ${detail}.`, entry.range);
      }
      options = { ...(options as object), ...entry.options };
    }
    enabled.push({ rule, severity: setting, options });
  }
  return enabled;
}

/** What `--print-config FILE` shows: the severity and options of every rule, as they apply to that file. */
export function describeRuleSettings(
  rules: readonly AnyRule[],
  config: Config,
  overrides: readonly RuleOverride[],
  file: string,
): { file: string; asOf?: string; rules: Record<string, [RuleSetting, unknown] | [RuleSetting]> } {
  const enabled = new Map(resolveRules(rules, config, overrides).map((entry) => [entry.rule.meta.id, entry]));
  const result: Record<string, [RuleSetting, unknown] | [RuleSetting]> = {};
  for (const rule of rules) {
    const entry = enabled.get(rule.meta.id);
    result[rule.meta.id] = !entry ? ['off'] : rule.meta.options ? [entry.severity, entry.options] : [entry.severity];
  }
  return { file, ...(config.asOf ? { asOf: config.asOf } : {}), rules: result };
}
