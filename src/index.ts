// soc2lint's public API: lint a program, format the findings.
export { lint, findRoot, type LintOptions, type LintResult } from './report/lint.js';
export { loadConfig, ConfigError, type Config } from './config/config.js';
export { loadRepo } from './model/load.js';
export { runRules } from './engine/run.js';
export { defineRule, type Rule, type RuleContext, type RuleMeta } from './engine/rule.js';
export type { Finding, Severity, SourceRange } from './engine/finding.js';
export type * from './model/types.js';
export { FORMATTERS } from './formatters/index.js';
export { RULES } from '../rules/index.js';
export { main } from './cli/main.js';
