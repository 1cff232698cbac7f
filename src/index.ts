// soc2lint's public API: lint a program, measure its criteria coverage, format the findings.
export { lint, findRoot, type LintOptions, type LintResult } from './report/lint.js';
export { criteriaCoverage, type CriteriaOptions, type CriteriaResult } from './report/criteria.js';
export { requestList, auditProgram, type RequestList, type AuditControl, type SampledItem, type PredictedException, type FoundEvidence } from './report/audit.js';
export { DEFAULT_SAMPLE_TABLES, sampleSize, sampleItems, type SampleTables } from './report/sample.js';
export { populationFor } from './model/resolve-population.js';
export { coverage, type CoverageReport, type CriterionCoverage, type ControlCoverage } from './report/coverage.js';
export { formatInput, type FormatInput, type ReportedFinding, type RuleDescription } from './report/format-input.js';
export { describeRules } from './report/rule-docs.js';
export { loadConfig, ConfigError, type Config } from './config/config.js';
export { loadRepo } from './model/load.js';
export { evidenceStatus, type EvidenceStatus } from './model/evidence-calendar.js';
export { runRules } from './engine/run.js';
export { defineRule, type Rule, type RuleContext, type RuleMeta } from './engine/rule.js';
export type { Finding, Severity, SourceRange } from './engine/finding.js';
export type * from './model/types.js';
export { FORMATTERS } from './formatters/index.js';
export { RULES } from '../rules/index.js';
export { main, type CliIo } from './cli/main.js';
