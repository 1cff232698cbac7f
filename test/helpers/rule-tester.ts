// A rule tester in the spirit of ESLint's: tables of valid and invalid repos, asserting rule, file, line and column.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { Finding } from '../../src/engine/finding.js';
import { modelPartsFor, type AnyRule } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/run.js';
import { loadRepo } from '../../src/model/load.js';
import { makeRepo, type RepoFiles } from './repo.js';
import { RULES } from '../../rules/index.js';

export interface RuleCase {
  name: string;
  files: RepoFiles;
  /** The as_of date for the run (default 2026-07-01). */
  asOf?: string;
  options?: Record<string, unknown>;
  /** Other rules to run with it, at their defaults (their findings are not checked): for rules that judge the findings of others. */
  alongside?: readonly AnyRule[];
}

export interface ExpectedFinding {
  file: string;
  line: number;
  column?: number;
  /** Where the highlighted range ends (the column just after it), when the test pins it. */
  endLine?: number;
  endColumn?: number;
  /** The key of the rule's `meta.messages` the finding was made from. */
  messageId: string;
  /** The placeholder values, compared whole when given. */
  data?: Record<string, string | number>;
  /** A substring or pattern the message must contain. */
  message?: string | RegExp;
  /** The finding's severity, when not the rule's default (a heads-up is a warning). */
  severity?: 'error' | 'warn';
}

export interface InvalidRuleCase extends RuleCase {
  errors: ExpectedFinding[];
}

export const DEFAULT_AS_OF = '2026-07-01';

/** Run one rule over a repo written to a temporary folder, the way the engine runs it. */
export async function runRule(rule: AnyRule, testCase: RuleCase): Promise<Finding[]> {
  return runRuleIn(rule, makeRepo(testCase.files), testCase);
}

/** Run one rule over an existing folder (a git repo a test built, say). */
export async function runRuleIn(rule: AnyRule, root: string, testCase: Omit<RuleCase, 'files' | 'name'> = {}): Promise<Finding[]> {
  const others = testCase.alongside ?? [];
  const model = await loadRepo(loadConfig(root), modelPartsFor([rule, ...others]));
  const options = { ...(rule.meta.options?.defaults ?? {}), ...(testCase.options ?? {}) };
  const known = new Set([...RULES.map((r) => r.meta.id), rule.meta.id, ...others.map((r) => r.meta.id)]);
  const enabled = [
    { rule, severity: rule.meta.defaultSeverity, options },
    ...others.map((other) => ({ rule: other, severity: other.meta.defaultSeverity, options: other.meta.options?.defaults ?? {} })),
  ];
  const findings = runRules(model, enabled, testCase.asOf ?? DEFAULT_AS_OF, known);
  return findings.filter((finding) => finding.ruleId === rule.meta.id);
}

export function testRule(rule: AnyRule, cases: { valid: RuleCase[]; invalid: InvalidRuleCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      it.each(cases.valid.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
        const findings = await runRule(rule, testCase);
        expect(findings.map(show)).toEqual([]);
      });
    });
    describe('invalid', () => {
      it.each(cases.invalid.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
        const findings = await runRule(rule, testCase);
        expect(findings.map(show), 'number of findings').toHaveLength(testCase.errors.length);
        testCase.errors.forEach((expected, i) => {
          const actual = findings[i]!;
          expect({ file: actual.file, line: actual.line }, show(actual)).toEqual({ file: expected.file, line: expected.line });
          if (expected.column !== undefined) expect(actual.column, show(actual)).toBe(expected.column);
          if (expected.endLine !== undefined) expect(actual.endLine, show(actual)).toBe(expected.endLine);
          if (expected.endColumn !== undefined) expect(actual.endColumn, show(actual)).toBe(expected.endColumn);
          expect(actual.messageId, show(actual)).toBe(expected.messageId);
          if (expected.data !== undefined) expect(actual.data, show(actual)).toEqual(expected.data);
          if (typeof expected.message === 'string') expect(actual.message).toContain(expected.message);
          else if (expected.message) expect(actual.message).toMatch(expected.message);
          expect(actual.severity).toBe(expected.severity ?? rule.meta.defaultSeverity);
        });
      });
      it('exercises every message the rule declares', () => {
        const used = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
        expect(Object.keys(rule.meta.messages).filter((id) => !used.has(id)), 'messages no invalid case expects').toEqual([]);
      });
    });
  });
}

function show(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}/${finding.messageId} ${JSON.stringify(finding.data)}: ${finding.message}`;
}
