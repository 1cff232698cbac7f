// What a rule is: metadata next to a check over the repo model. A rule never reads files or the clock.
import type { IsoDate } from '../domain/dates.js';
import type { RecordKind, RepoModel } from '../model/types.js';
import type { Severity, SourceRange } from './finding.js';

export interface RuleMeta<Options> {
  /** Kebab-case, naming the problem: `stale-evidence`. */
  id: string;
  /** One sentence: what the rule finds. */
  description: string;
  defaultSeverity: Severity;
  /** The record kinds the rule looks at ('problems' for the loader's parse and schema problems). */
  reads: readonly (RecordKind | 'problems')[];
  /** Options with their defaults and a JSON Schema to check what a config sets. */
  options?: { defaults: Options; schema: Record<string, unknown> };
}

export interface Problem {
  message: string;
  at: SourceRange;
}

export interface RuleContext<Options> {
  readonly model: RepoModel;
  /** The date every date is judged against (config `as_of`, `--now`, or today in UTC). */
  readonly asOf: IsoDate;
  readonly options: Options;
  report(problem: Problem): void;
}

export interface Rule<Options = Record<string, never>> {
  meta: RuleMeta<Options>;
  check(context: RuleContext<Options>): void;
}

/** Identity, for type inference of a rule's options. */
export function defineRule<Options = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

// Rules with different option types live in one registry.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

/** Where a rule's documentation lives, relative to the package root. */
export function docsPath(ruleId: string): string {
  return `rules/${ruleId}.md`;
}
